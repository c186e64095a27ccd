"""Tier 1: pair kerning read from the bundled fonts and applied to display lines."""
from dataclasses import replace
from pathlib import Path

from layout.stylesheet import load_stylesheet
from layout.text.kerning import Kerning
from layout.text.paragraph import Typesetter

ROOT = Path(__file__).resolve().parents[2]
SHEET = load_stylesheet("tabloid", styles_dir=ROOT / "styles")


def test_gpos_pairs_of_the_headline_face():
    kerning = Kerning(ROOT / "fonts" / "NotoSerifDisplay-Bold.ttf")
    assert kerning.pair("A", "V") < 0 and kerning.pair("W", "e") < 0
    assert kerning.pair("a", "v") == 0


def test_legacy_kern_table_of_the_korean_face():
    assert Kerning(ROOT / "fonts" / "NanumGothicBold.ttf").pair("A", "V") < 0


def test_a_kerned_head_is_narrower_by_its_pairs_and_says_where():
    head = SHEET.headline(1)
    typesetter = Typesetter(SHEET)
    kerned = typesetter.set("AVAWAY", head, 500)[0]
    plain = typesetter.set("AVAWAY", replace(head, kerning=False), 500)[0]
    assert kerned.kerns and not plain.kerns
    assert abs(plain.width + sum(dx for _, dx in kerned.kerns) - kerned.width) < 1e-6
    assert all(0 < offset < 6 for offset, _ in kerned.kerns)   # between two letters


def test_an_opening_quote_hangs_into_the_margin_where_the_style_says():
    # The shipped styles keep heads flush (a hung quote reaches into the gutter); a style
    # that asks for hanging punctuation gets it, and body text never hangs.
    assert not SHEET.headline(1).hang_punctuation
    head, body = replace(SHEET.headline(1), hang_punctuation=True), SHEET.styles["body"]
    typesetter = Typesetter(SHEET)
    quoted = typesetter.set("“Quoted” head", head, 500)[0]
    face, size, _ = quoted.runs[0]
    assert abs(quoted.x_offset + face.advance("“") * size / 1000.0) < 1e-6
    assert typesetter.set("Plain head", head, 500)[0].x_offset == 0
    assert typesetter.set("“Quoted” body text", body, 500)[0].x_offset == 0
