"""Stage 2 (style) + 4 (furniture): every word the engine prints comes from the style sheet,
per language — declared, checked like any other key, and looked up with a fallback."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from layout.errors import LayoutError
from layout.stylesheet import load_stylesheet

from test_stylesheet import styles  # noqa: F401 - the fixture: a styles folder with base.yaml

ROOT = Path(__file__).resolve().parents[2]


def test_shipped_sheets_print_english_and_korean_words():
    furniture = load_stylesheet("tabloid", styles_dir=ROOT / "styles").furniture
    date = dt.date(2026, 11, 28)
    assert furniture.word("jump_to", "en", page=3) == "Continued on page 3"
    assert furniture.word("jump_to", "ko", page=3) == "3면에 계속"
    assert furniture.word("jump_from", "ko-KR", page=2) == "2면에서 계속"
    assert furniture.word("folio", "ko", page=1) == "1 면"
    assert furniture.long_date(date, "en") == "Saturday, November 28, 2026"
    assert furniture.long_date(date, "ko") == "2026년 11월 28일 토요일"
    # A language the sheet does not give prints the sheet's own words.
    assert furniture.word("jump_to", "de", page=4) == "Continued on page 4"
    korean = load_stylesheet("korean", styles_dir=ROOT / "styles").furniture
    assert korean.word("stories", "ko", stories=27) == "기사 27건"


def test_a_sheet_may_add_a_language_and_leave_words_out(styles):
    (styles / "daily.yaml").write_text(
        'extends: base\nfurniture:\n  languages:\n    ja:\n      jump_to: "{page}面に続く"\n'
        '      weekdays: [月, 火, 水, 木, 金, 土, 日]\n', encoding="utf-8")
    furniture = load_stylesheet("daily", styles_dir=styles).furniture
    assert furniture.word("jump_to", "ja", page=5) == "5面に続く"
    assert furniture.word("jump_from", "ja", page=5) == "Continued from page 5"
    assert furniture.value("weekdays", "ja")[5] == "土"


@pytest.mark.parametrize("text, fragments", [
    ("furniture:\n  languages:\n    ko:\n      jump_too: x\n",
     ["furniture.languages.ko.jump_too", 'unknown word "jump_too"', 'did you mean "jump_to"']),
    ("furniture:\n  languages:\n    ko:\n      jump_to: 계속\n",
     ["furniture.languages.ko.jump_to", "must contain {page}"]),
    ('furniture:\n  date: "{weekday} {mnth}"\n',
     ["furniture.date", "only {weekday}, {month}, {day}, {year} may appear in braces"]),
    ("furniture:\n  weekdays: [Mon, Tue]\n", ["furniture.weekdays", "a list of 7 names"]),
    ("furniture:\n  languages: [ko]\n", ["furniture.languages", "a mapping of languages"]),
])
def test_bad_words_are_reported_with_file_line_and_key(styles, text, fragments):
    (styles / "bad.yaml").write_text("extends: base\n" + text, encoding="utf-8")
    with pytest.raises(LayoutError) as caught:
        load_stylesheet("bad", styles_dir=styles)
    message = str(caught.value)
    assert "bad.yaml:" in message
    for fragment in fragments:
        assert fragment in message, message
