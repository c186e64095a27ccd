"""Tier 5: property tests of the paragraph composer on random text, widths and styles.

Contract: no line is wider than its measure (justified lines meet it exactly), and the lines
give back every character of the text in order — nothing lost, nothing added but the hyphens
at hyphenated line ends.
"""
from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from layout.stylesheet import Align, load_stylesheet
from layout.text.paragraph import Typesetter

ROOT = Path(__file__).resolve().parents[2]
SHEET = load_stylesheet("tabloid", styles_dir=ROOT / "styles")
TYPESETTER = Typesetter(SHEET)

LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéč0123456789.,;:!?'\"()ⓒ<>&"
HANGUL = "가나다라마바사아자차카타파하국방일보연평도"
words = st.text(alphabet=LATIN + HANGUL, min_size=1, max_size=40)
paragraphs = st.lists(words, min_size=1, max_size=60).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(text=paragraphs, measure=st.floats(min_value=40, max_value=400),
       size=st.floats(min_value=6, max_value=30),
       align=st.sampled_from(list(Align)), lang=st.sampled_from(["en", "ko"]))
def test_no_line_is_wider_than_its_measure_and_nothing_is_lost(text, measure, size, align,
                                                               lang):
    style = replace(SHEET.styles["body"], size=size, leading=size * 1.2, align=align)
    lines = TYPESETTER.set(text, style, measure, lang=lang)
    for line in lines:
        assert line.x_offset + line.width <= measure + 0.01, (line.text, line.width, measure)
        if line.justified:
            assert abs(line.x_offset + line.width - measure) < 0.01
    printed = "".join(line.text[:-1] if line.hyphenated else line.text for line in lines)
    assert printed.replace(" ", "") == text.replace(" ", "")
