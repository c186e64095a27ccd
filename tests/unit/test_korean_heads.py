"""Stage 3 (text): Korean heads break between words (eojeol), never inside one, when a break
between words fits — with the shipped styles, whose Korean body text does break between
syllables (``hyphenation.korean_syllables``)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from layout.stylesheet import load_stylesheet
from layout.text.paragraph import Typesetter

ROOT = Path(__file__).resolve().parents[2]
HEADLINES = [json.loads(line)["headline"] for line in
             (ROOT / "editions" / "defense-daily-ko" / "articles.jsonl").read_text("utf-8")
             .splitlines()]


@pytest.mark.parametrize("style", ["korean", "tabloid"])
def test_korean_heads_break_only_between_eojeol_when_each_fits(style):
    sheet = load_stylesheet(style, styles_dir=ROOT / "styles")
    assert sheet.hyphenation.korean_syllables          # the body may break inside words
    typesetter = Typesetter(sheet)
    page = sheet.page
    checked = 0
    for rank in range(1, len(sheet.headlines) + 1):
        head = sheet.headline(rank)
        for columns in range(1, page.columns + 1):
            measure = columns * page.column_width + (columns - 1) * page.gutter
            for headline in HEADLINES:
                lines = typesetter.set(headline, head, measure, lang="ko", balanced=True)
                widest = max(typesetter.set(word, head, 10_000, lang="ko")[0].width
                             for word in headline.split())
                if widest > measure:
                    continue                # no break between words fits: not this rule
                checked += 1
                printed = [line.text.split() for line in lines]
                assert sum(printed, []) == headline.split(), (rank, columns, headline, printed)
                assert not any(line.splits_word for line in lines), (rank, columns, headline)
    assert checked > 200
