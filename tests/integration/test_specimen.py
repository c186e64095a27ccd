"""Designer tool: ``newsprint specimen`` — a sheet of a style, drawn by the engine.

Contract: one PDF on the style's page size naming every text style (with its size/leading)
and headline rank, the grid figures, a justified English and Korean paragraph, the colours;
the body text sits on the style's baseline grid; a bad style is exit 1 naming file and key.
"""
from __future__ import annotations

import pytest
from pdfminer.high_level import extract_text

from layout.build import STYLES_DIR
from layout.cli import main
from layout.designer.specimen import KOREAN, SAMPLE_HEAD, SAMPLE_HEAD_KO, Specimen
from layout.stylesheet import load_stylesheet
from layout.stylesheet.properties import STYLE_NAMES
from layout.compose.draws import TextDraw


@pytest.mark.parametrize("style", ["tabloid", "broadsheet", "korean"])
def test_specimen_names_every_style_on_the_styles_page(style, tmp_path, capsys):
    out = tmp_path / "specimen.pdf"
    assert main(["specimen", "--style", style, "-o", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    sheet = load_stylesheet(style, styles_dir=STYLES_DIR)
    import pypdfium2 as pdfium
    document = pdfium.PdfDocument(str(out))
    assert [round(v) for v in document[0].get_size()] == [round(sheet.page.width),
                                                          round(sheet.page.height)]
    text = " ".join(extract_text(str(out)).split())
    assert f"Specimen: {sheet.name}" in text
    for name in STYLE_NAMES:
        size = sheet.styles[name]
        assert f"{name} — " in text and f"{size.size:g}/{size.leading:g} pt" in text, name
    for rank, head in enumerate(sheet.headlines, start=1):
        assert f"headline {rank} — " in text and f"{head.size:g}/{head.leading:g} pt" in text
    assert f"{sheet.page.columns} columns of" in text
    assert KOREAN.split()[0] in text.replace(" ", " ")
    for name in sheet.colors:
        assert f"{name}: " in text


@pytest.mark.parametrize("lang", ["en", "ko", "both"])
def test_sample_heads_are_in_the_language_asked_for(lang):
    sheet = load_stylesheet("korean", styles_dir=STYLES_DIR)
    heads = [d.line.text for page in Specimen(sheet, lang).pages() for d in page.draws
             if isinstance(d, TextDraw) and d.role == "headline"]
    korean = [text for text in heads if any("가" <= ch <= "힣" for ch in text)]
    if lang == "en":
        assert not korean
    else:
        assert len(korean) >= len(sheet.headlines), heads     # every rank: at least one line
        assert SAMPLE_HEAD_KO.split()[0] in " ".join(heads)
    assert (SAMPLE_HEAD.split()[0] in " ".join(heads)) == (lang != "ko")


def test_specimen_lang_on_the_command_line(tmp_path, capsys):
    out = tmp_path / "ko.pdf"
    assert main(["specimen", "--style", "korean", "--lang", "ko", "-o", str(out)]) == 0
    assert SAMPLE_HEAD_KO.split()[0] in extract_text(str(out))


def test_specimen_body_samples_sit_on_the_baseline_grid():
    sheet = load_stylesheet("tabloid", styles_dir=STYLES_DIR)
    [page] = Specimen(sheet).pages()
    body = [d for d in page.draws if isinstance(d, TextDraw) and d.role == "body"
            and d.line.justified]
    assert len(body) > 20
    top = sheet.page.height - sheet.page.margin_top
    for draw in body:
        rows = (top - draw.y) / sheet.page.baseline - 0.78
        assert abs(rows - round(rows)) < 1e-6, draw.line.text


def test_specimen_of_a_bad_style_is_exit_1(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("extends: tabloid\nstyles:\n  body: {size: 9pt, colour: ink}\n",
                   encoding="utf-8")
    assert main(["specimen", "--style", str(bad), "-o", str(tmp_path / "s.pdf")]) == 1
    error = capsys.readouterr().err
    assert f"{bad}:3: styles.body.colour: unknown key" in error
    assert not (tmp_path / "s.pdf").exists()
