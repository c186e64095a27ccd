"""Tier 1: how many columns a story's lead photo spans (GalleyComposer.photo).

Contract: a photo is no bigger than its story warrants — a short story's photo is narrowed
until its block (picture and caption) is in proportion to the text — except in a two-column
module, where a one-column photo taller than the text beside it (a long caption) would leave
that column white under the text: there it spans both columns. Wider modules keep the narrow
photo (the page maker chooses a narrower module instead). ``white_beside`` counts that white.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from layout.build import load
from layout.compose.galley import PHOTO_WHITE_LINES, GalleyComposer, white_beside
from layout.text.paragraph import Typesetter

ENGLISH = Path(__file__).resolve().parents[2] / "editions" / "defense-daily-en"


@pytest.fixture(scope="module")
def english():
    edition, sheet = load(ENGLISH)
    composer = GalleyComposer(sheet, Typesetter(sheet))
    page = sheet.page
    return edition, composer, page.height - page.margin_top - page.margin_bottom


def body_lines(composer, article) -> int:
    return sum(item.rows for item in composer.body(article))


def short_story_with(english, caption: str):
    """The sample's shortest story, given the first photo of the sample with ``caption``
    (real text: a paragraph of another story)."""
    edition, composer, _ = english
    figure = next(a.figures[0] for a in edition.articles if a.figures)
    shortest = min((a for a in edition.articles if not a.filler),
                   key=lambda a: body_lines(composer, a))
    return replace(shortest, id=f"{shortest.id}-{len(caption)}",
                   figures=(replace(figure, caption=caption),))


def longest_paragraph(edition) -> str:
    return max((" ".join(span.text for span in block.spans) for article in edition.articles
                for block in article.blocks if block.spans), key=len)


def test_white_beside_counts_the_columns_beside_the_photo_below_the_text():
    assert white_beside(30, 1, 2, 10) == 20        # text beside ends 20 lines above the foot
    assert white_beside(30, 1, 3, 40) == 20        # two columns beside: 60 lines of room
    assert white_beside(10, 1, 2, 25) == 0         # the text runs on under the photo
    assert white_beside(30, 2, 2, 5) == 0          # nothing beside a photo the module's width


def test_a_long_caption_makes_a_short_story_s_photo_span_its_two_columns(english):
    edition, composer, height = english
    article = short_story_with(english, longest_paragraph(edition))
    text = body_lines(composer, article)
    block, columns = composer.photo(article, 2, height)
    assert columns == 2
    narrow = composer.blocks.photo(article.figures[0], composer.blocks.column_span(1),
                                   height * composer.sheet.spacing.photo_max_height,
                                   article.lang)
    # The case the rule is for: the one-column photo would leave the text's column white.
    assert white_beside(narrow.rows, 1, 2, text) >= PHOTO_WHITE_LINES
    assert white_beside(block.rows, 2, 2, text) == 0


def test_a_short_caption_leaves_the_short_story_s_photo_narrow(english):
    edition, composer, height = english
    article = short_story_with(english, "Soldiers on parade.")
    block, columns = composer.photo(article, 2, height)
    assert columns == 1
    assert white_beside(block.rows, 1, 2, body_lines(composer, article)) < PHOTO_WHITE_LINES


def test_a_wide_module_keeps_a_short_story_s_photo_narrow(english):
    edition, composer, height = english
    article = short_story_with(english, longest_paragraph(edition))
    _, columns = composer.photo(article, 5, height)
    assert columns < 5
