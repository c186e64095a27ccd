"""Print production (``build --print``, ``preflight``, ``--previews``) on the samples.

Every file is read back with tools that are not Newsprint's: pikepdf for the PDF objects,
Pillow and numpy for the embedded pixels, pdfium for text and rasters, and — where installed
(always on CI) — ``qpdf --check`` and Ghostscript.

The "press" edition is the English sample cut to seven stories whose photos are good enough to
print (an RGB photo with no profile, a CMYK JPEG, a PNG with alpha, a photo with EXIF
orientation 6), a vector PDF ad booked on page 1, and ``print: true`` / ``previews: true`` in
its edition.yaml — so a plain ``build`` writes everything.
"""
from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pikepdf
import pypdfium2 as pdfium
import pytest
import yaml
from PIL import Image
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from layout.cli import main
from layout.outputs.pdfx import conformance_problems

ROOT = Path(__file__).resolve().parents[2]
EDITIONS = ROOT / "editions"
MM = 72 / 25.4
PRESS_STORIES = ["usgov-dod-1500068.md", "usgov-iip-20130726279544.md", "usgov-dod-617282.md",
                 "gum-news-afghan.md", "usgov-dod-1261313.md", "usgov-dod-1153281.md",
                 "usgov-dod-1282053.md"]
AD_TEXT = "Newsprint vector ad"


def _tool(name: str) -> str | None:
    """The tool's path; on CI a missing tool fails the test, elsewhere it skips it."""
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is not installed (.ci/run installs it)")
        pytest.skip(f"{name} is not installed")
    return found


def make_ad(path: Path) -> None:
    """A one-page CMYK PDF ad with text in an embedded TrueType font."""
    if "AdSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("AdSans", str(ROOT / "fonts" / "NotoSans-Bold.ttf")))
    canvas = Canvas(str(path), pagesize=(400, 200), invariant=1, initialFontName="AdSans")
    canvas.setFillColorCMYK(0, 0.15, 0.9, 0)
    canvas.rect(0, 0, 400, 200, stroke=0, fill=1)
    canvas.setFillColorCMYK(0, 0, 0, 1)
    canvas.setFont("AdSans", 24)
    canvas.drawString(30, 90, AD_TEXT)
    canvas.save()


def press_edition(root: Path, stories=PRESS_STORIES, extra: dict | None = None) -> Path:
    shutil.copytree(EDITIONS / "defense-daily-en", root)
    data = yaml.safe_load((root / "edition.yaml").read_text(encoding="utf-8"))
    for article in (root / "articles").iterdir():
        if article.name not in stories:
            article.unlink()
    make_ad(root / "images" / "ad.pdf")
    data.update({"articles": list(stories), "print": True, "previews": True, "code": "NDD",
                 "ads": [{"file": "images/ad.pdf", "page": 1, "columns": 2, "height": "2in"}]})
    data.update(extra or {})
    (root / "edition.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def press(tmp_path_factory):
    """(edition folder, output folder, report) of the press edition, built once."""
    base = tmp_path_factory.mktemp("press")
    root = press_edition(base / "press")
    out = base / "out"
    code = main(["build", str(root), "-o", str(out), "--archive"])
    assert code == 0
    return root, out


def print_files(out: Path) -> list[Path]:
    return sorted((out / "print").glob("*.pdf"))


def plates(out: Path) -> list[Path]:
    return [p for p in print_files(out) if p.name != "edition-pdfx4.pdf"]


def images(pdf: pikepdf.Pdf):
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == pikepdf.Name.Image:
            yield obj


def decoded_cmyk(stream: pikepdf.Stream) -> np.ndarray:
    """The ink values (0–255) of a CMYK image as a viewer shows them."""
    filters = stream.get("/Filter")
    if filters == pikepdf.Name.DCTDecode or (isinstance(filters, pikepdf.Array)
                                              and filters[-1] == pikepdf.Name.DCTDecode):
        # Pillow undoes the Adobe inversion that /Decode [1 0 …] declares to PDF viewers.
        assert [float(v) for v in stream.get("/Decode", [])] in ([], [1, 0] * 4)
        with Image.open(io.BytesIO(stream.read_raw_bytes())) as im:
            return np.asarray(im.convert("CMYK"), dtype=np.uint16)
    assert "/Decode" not in stream
    raw = np.frombuffer(stream.read_bytes(), dtype=np.uint8)
    return raw.reshape(int(stream.Height), int(stream.Width), 4).astype(np.uint16)


# -- plates and twin ------------------------------------------------------------------------------
def test_one_plate_per_page_named_by_the_template_with_trim_bleed_and_media_boxes(press):
    root, out = press
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    pages = manifest["pages"]
    found = plates(out)
    assert len(found) == len(pages) >= 2
    sections = {p["number"]: p["section"] for p in pages}
    expected = {f"NDD_20261128_{sections[n][:3].upper()}{n:03d}.pdf" for n in sections}
    assert {p.name for p in found} == expected
    width, height = 11 * 72, 17 * 72             # tabloid, the press edition's style
    bleed = 3 * MM
    for plate in found:
        with pikepdf.open(plate) as pdf:
            assert len(pdf.pages) == 1
            page = pdf.pages[0].obj
            trim = [float(v) for v in page.TrimBox]
            bleed_box = [float(v) for v in page.BleedBox]
            media = [float(v) for v in page.MediaBox]
            assert trim == pytest.approx([0, 0, width, height])
            assert bleed_box == pytest.approx([-bleed, -bleed, width + bleed, height + bleed])
            # room for marks and slug beyond the bleed on every side
            assert media[0] < bleed_box[0] - 10 * MM and media[1] < bleed_box[1] - 10 * MM
            assert media[2] > bleed_box[2] + 10 * MM and media[3] > bleed_box[3] + 10 * MM


def _marks_segments(plate: Path):
    """Every path segment and text origin of the marks overlay, in trim coordinates."""
    with pikepdf.open(plate) as pdf:
        page = pdf.pages[0]
        form = page.obj.Resources.XObject["/NewsprintMarks"]
        body = list(pikepdf.parse_content_stream(page))
        (offset,) = [ops for ops, op in body if str(op) == "cm"
                     and ops and float(ops[0]) == 1 and float(ops[4]) < 0][-1:]
        dx, dy = float(offset[4]), float(offset[5])
        matrix = [float(v) for v in form.get("/Matrix", [1, 0, 0, 1, 0, 0])]
        ctm = np.array([[1, 0, 0], [0, 1, 0], [matrix[4] + dx, matrix[5] + dy, 1]])
        stack, segments, point = [], [], None
        for operands, operator in pikepdf.parse_content_stream(form):
            op, values = str(operator), [float(v) for v in operands if not
                                         isinstance(v, (pikepdf.Name, pikepdf.String))]
            if op == "q":
                stack.append(ctm.copy())
            elif op == "Q":
                ctm = stack.pop()
            elif op == "cm":
                a, b, c, d, e, f = values
                ctm = np.array([[a, b, 0], [c, d, 0], [e, f, 1]]) @ ctm
            elif op in ("m", "l"):
                here = np.array([values[0], values[1], 1]) @ ctm
                if op == "l":
                    segments.append((point[:2], here[:2]))
                point = here
            elif op == "re":
                x, y, w, h = values
                a = np.array([x, y, 1]) @ ctm
                b = np.array([x + w, y + h, 1]) @ ctm
                segments.append((a[:2], b[:2]))
            elif op in ("Td", "Tm"):
                x, y = values[-2:]
                here = np.array([x, y, 1]) @ ctm
                segments.append((here[:2], here[:2] + [1, 6]))
        return segments


def test_crop_marks_slug_and_colour_bar_lie_outside_the_bleed(press):
    _root, out = press
    for plate in plates(out):
        with pikepdf.open(plate) as pdf:
            bx0, by0, bx1, by1 = (float(v) for v in pdf.pages[0].obj.BleedBox)
        segments = _marks_segments(plate)
        assert len(segments) >= 8 + 8 + 1          # 8 crop marks, 8 colour patches, the slug
        for a, b in segments:
            low_x, high_x = min(a[0], b[0]), max(a[0], b[0])
            low_y, high_y = min(a[1], b[1]), max(a[1], b[1])
            inside = low_x < bx1 - 1e-6 and high_x > bx0 + 1e-6 and \
                low_y < by1 - 1e-6 and high_y > by0 + 1e-6
            assert not inside, (plate.name, a, b)


def test_text_on_the_trimmed_page_is_where_edition_pdf_has_it(press):
    _root, out = press
    screen = pdfium.PdfDocument(str(out / "edition.pdf"))
    try:
        for number, plate in enumerate(sorted(plates(out), key=lambda p: p.stem[-3:]), 1):
            document = pdfium.PdfDocument(str(plate))
            try:
                left = screen[number - 1].get_textpage()
                right = document[0].get_textpage()
                count = left.count_chars()
                assert count > 500 and right.count_chars() > count     # + the slug line
                assert right.get_text_range(0, count) == left.get_text_range(0, count)
                assert document[0].get_mediabox()[0] < -30       # a bigger sheet …
                for index in range(0, count, 37):
                    # … and in the PDF's user space (the trim's), every glyph where it was
                    assert right.get_charbox(index) == pytest.approx(left.get_charbox(index),
                                                                     abs=0.01)
            finally:
                document.close()
    finally:
        screen.close()


def test_twin_and_plates_are_pdfx4_with_a_cmyk_output_intent(press):
    _root, out = press
    for path in print_files(out):
        assert conformance_problems(path) == [], path.name
        with pikepdf.open(path) as pdf:
            assert pdf.pdf_version >= "1.6"
            (intent,) = pdf.Root.OutputIntents
            assert intent.S == pikepdf.Name.GTS_PDFX
            profile = intent.DestOutputProfile.read_bytes()
            assert profile[16:20] == b"CMYK" and profile[12:16] == b"prtr"
            assert int(intent.DestOutputProfile.N) == 4
            assert "ISO Coated v2 300%" in str(intent.OutputConditionIdentifier)
            assert str(pdf.docinfo.GTS_PDFXVersion) == "PDF/X-4"
            assert pdf.docinfo.Trapped == pikepdf.Name("/False")
            meta = pdf.open_metadata()
            assert meta["pdfxid:GTS_PDFXVersion"] == "PDF/X-4"
            assert meta["xmpMM:DocumentID"].startswith("uuid:")
            assert meta["xmpMM:InstanceID"].startswith("uuid:")
            for page in pdf.pages:
                assert "/TrimBox" in page.obj and "/BleedBox" in page.obj
            for obj in pdf.objects:
                if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == \
                        pikepdf.Name.FontDescriptor:
                    assert "/FontFile2" in obj or "/FontFile3" in obj or "/FontFile" in obj


def test_print_files_hold_no_rgb_and_stay_within_the_ink_limit(press):
    _root, out = press
    limit = 240.0
    worst = {}
    for path in print_files(out):
        with pikepdf.open(path) as pdf:
            masks = {image.SMask.objgen for image in images(pdf) if "/SMask" in image}
            for image in images(pdf):
                space = image.get("/ColorSpace")
                if image.objgen in masks:
                    assert space == pikepdf.Name.DeviceGray
                    continue
                assert space == pikepdf.Name.DeviceCMYK, (path.name, space)
                ink = decoded_cmyk(image).sum(axis=2).max() * 100 / 255
                assert ink <= limit + 1e-9, (path.name, ink)
                worst[path.name] = max(worst.get(path.name, 0), ink)
            for page in pdf.pages:
                for operands, operator in pikepdf.parse_content_stream(page):
                    assert str(operator) not in ("rg", "RG", "sc", "scn")
    assert len(worst) >= 2 and max(worst.values()) > 200     # photos keep their shadows


def test_black_text_is_100_k_only(press):
    _root, out = press
    with pikepdf.open(out / "print" / "edition-pdfx4.pdf") as pdf:
        fills = set()
        for page in pdf.pages:
            for operands, operator in pikepdf.parse_content_stream(page):
                if str(operator) in ("k", "g"):
                    fills.add((str(operator), tuple(round(float(v), 3) for v in operands)))
    assert ("k", (0.0, 0.0, 0.0, 1.0)) in fills
    assert all(op == "k" for op, _ in fills)
    # no four-colour black: a fill with K at 100 % has no C, M or Y
    assert not [v for op, v in fills if v[3] >= 0.999 and sum(v[:3]) > 0]


def test_png_alpha_is_kept_as_a_soft_mask(press):
    _root, out = press
    with pikepdf.open(out / "print" / "edition-pdfx4.pdf") as pdf:
        masked = [image for image in images(pdf) if "/SMask" in image]
        assert masked
        alpha = np.frombuffer(masked[0].SMask.read_bytes(), dtype=np.uint8)
        assert alpha.min() == 0 and alpha.max() == 255      # see-through and opaque parts
    with pikepdf.open(out / "edition.pdf") as pdf:         # the screen PDF keeps it too
        assert any("/SMask" in image for image in images(pdf))


def test_pdf_ads_are_placed_as_vectors_with_their_fonts(press):
    _root, out = press
    first_plate = sorted(plates(out), key=lambda p: p.stem[-3:])[0]
    for path in (out / "edition.pdf", out / "print" / "edition-pdfx4.pdf", first_plate):
        document = pdfium.PdfDocument(str(path))
        try:
            assert AD_TEXT in document[0].get_textpage().get_text_range(), path.name
        finally:
            document.close()
        with pikepdf.open(path) as pdf:
            page = pdf.pages[0]
            forms = [x for x in page.obj.Resources.XObject.values()
                     if x.get("/Subtype") == pikepdf.Name.Form and "/Resources" in x
                     and "/Font" in x.Resources]
            assert forms, path.name
            fonts = [f for form in forms for f in form.Resources.Font.values()]
            assert fonts, path.name
            for font in fonts:                   # the ad's own font, still embedded
                descendants = font.get("/DescendantFonts", [font])
                for part in descendants:
                    assert "/FontFile2" in part.FontDescriptor, (path.name, font.BaseFont)
            for image in images(pdf):           # nothing the ad's size rasterised at 300 ppi
                assert not (int(image.Width), int(image.Height)) == (1667, 833)


def test_the_archive_copy_of_an_edition_with_a_vector_ad_is_still_pdfa(press):
    from layout.outputs.pdfa import conformance_problems as pdfa_problems
    _root, out = press
    copy = out / "archive" / "edition.pdf"
    assert pdfa_problems(copy) == []
    document = pdfium.PdfDocument(str(copy))
    try:
        assert AD_TEXT in document[0].get_textpage().get_text_range()
    finally:
        document.close()


def test_an_ad_showing_text_in_a_font_it_does_not_embed_is_rasterised(tmp_path):
    from layout.render.vectorads import can_graft
    make_ad(tmp_path / "registers-the-font.pdf")
    idle = tmp_path / "idle.pdf"
    canvas = Canvas(str(idle), pagesize=(300, 150))   # selects Helvetica at the top of the page
    canvas.setFont("AdSans", 20)                      # … and shows every glyph in AdSans
    canvas.drawString(20, 70, AD_TEXT)
    canvas.save()
    assert b"Helvetica" in idle.read_bytes()
    shown = tmp_path / "shown.pdf"
    canvas = Canvas(str(shown), pagesize=(300, 150))
    canvas.setFont("Helvetica", 20)
    canvas.drawString(20, 70, "Helvetica, not embedded")
    canvas.save()
    assert can_graft(str(idle)) and not can_graft(str(shown))


def test_print_files_pass_qpdf_check(press):
    qpdf = _tool("qpdf")
    _root, out = press
    for path in [out / "edition.pdf", *print_files(out)]:
        result = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, (path.name, result.stdout, result.stderr)
        assert "WARNING" not in result.stdout + result.stderr, path.name


def test_ghostscript_reads_every_print_file_without_a_complaint(press):
    gs = _tool("gs")
    _root, out = press
    for path in [out / "edition.pdf", *print_files(out)]:
        result = subprocess.run([gs, "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER",
                                 "-sDEVICE=nullpage", str(path)], capture_output=True, text=True)
        assert result.returncode == 0 and not (result.stdout + result.stderr).strip(), \
            (path.name, result.stdout, result.stderr)


def test_previews_one_png_per_page_thumbnails_and_a_contact_sheet(press):
    _root, out = press
    pages = len(plates(out))
    shots = sorted((out / "previews").glob("page-*.png"))
    assert len(shots) == pages == len(list((out / "previews" / "thumbs").glob("*.png")))
    with Image.open(shots[0]) as shot:
        assert shot.size == (round(11 * 100), round(17 * 100))        # 100 ppi default
    with Image.open(out / "previews" / "contact-sheet.png") as sheet:
        assert sheet.width > 2 * 100 and sheet.height > 200


def test_the_same_edition_gives_byte_identical_print_files(press, tmp_path):
    root, out = press
    again = tmp_path / "again"
    assert main(["build", str(root), "-o", str(again)]) == 0
    for path in [*print_files(out), *sorted((out / "previews").rglob("*.png"))]:
        twin = again / path.relative_to(out)
        assert twin.read_bytes() == path.read_bytes(), path.name


# -- preflight ------------------------------------------------------------------------------------
def test_preflight_of_the_sample_names_the_54_ppi_photo_as_an_error(tmp_path, capsys):
    report = tmp_path / "preflight.json"
    code = main(["preflight", str(EDITIONS / "defense-daily-en"), "--json", str(report)])
    printed = capsys.readouterr().out
    assert code == 1
    data = json.loads(report.read_text(encoding="utf-8"))
    low = [f for f in data["findings"] if f["rule"] == "resolution"
           and "usarmy_10th_mountain_afghanistan_thumb.jpg" in f["file"]]
    assert len(low) == 1 and low[0]["severity"] == "error"
    assert low[0]["page"] == 1 and low[0]["article"] == "gum-news-korea"
    assert "54 ppi" in low[0]["message"]
    assert data["errors"] == len([f for f in data["findings"] if f["severity"] == "error"])
    assert "54 ppi" in printed and "gum-news-korea" in printed
    # what the plates would carry is clean apart from resolution: CMYK, fonts, ink
    assert {f["rule"] for f in data["findings"] if f["severity"] == "error"} == {"resolution"}


def test_build_print_refuses_plates_from_an_edition_with_errors_unless_forced(tmp_path, capsys):
    root = press_edition(tmp_path / "bad", stories=PRESS_STORIES[:1] + ["gum-news-korea.md"],
                         extra={"print": False, "previews": False, "ads": []})
    out = tmp_path / "out"
    code = main(["build", str(root), "-o", str(out), "--print"])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert "54 ppi" in err and "--force" in err and "edition.yaml" in err
    assert not (out / "print").exists()
    assert not list(out.glob(".newsprint-print-*"))        # nothing half-written
    assert main(["build", str(root), "-o", str(out), "--print", "--force"]) == 0
    assert "preflight: 1 error" in capsys.readouterr().out
    assert len(plates(out)) >= 1


def test_preflight_of_a_pdf_finds_what_a_pdf_shows(press, tmp_path, capsys):
    _root, out = press
    # the screen PDF: RGB photos, no TrimBox — not a print file
    assert main(["preflight", str(out / "edition.pdf"), "--json",
                 str(tmp_path / "screen.json")]) == 1
    screen = json.loads((tmp_path / "screen.json").read_text(encoding="utf-8"))
    rules = {f["rule"] for f in screen["findings"] if f["severity"] == "error"}
    assert {"colour", "boxes"} <= rules
    # a plate of the press edition: nothing to stop it
    plate = plates(out)[0]
    assert main(["preflight", str(plate)]) == 0
    assert "0 errors" in capsys.readouterr().out


def test_preflight_of_what_is_not_there_or_not_a_pdf_is_exit_1_naming_it(tmp_path, capsys):
    missing = tmp_path / "plate.pdf"
    assert main(["preflight", str(missing)]) == 1
    assert f"{missing}: no such file or folder" in capsys.readouterr().err
    broken = tmp_path / "broken.pdf"
    broken.write_text("not a PDF at all", encoding="utf-8")
    assert main(["preflight", str(broken)]) == 1
    error = capsys.readouterr().err
    assert f"{broken}: not a readable PDF" in error and "Traceback" not in error


# -- bleed ----------------------------------------------------------------------------------------
def test_photos_and_rules_that_touch_the_trim_run_into_the_bleed(tmp_path):
    root = press_edition(tmp_path / "edge", stories=PRESS_STORIES[:3],
                         extra={"print": True, "previews": False, "ads": [],
                                "style": "edge.yaml"})
    (root / "edge.yaml").write_text("extends: tabloid\npage:\n  margin_inside: 0pt\n"
                                    "  margin_outside: 0pt\nstyles:\n  caption: {color: "
                                    "'#cc0000'}\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(root), "-o", str(out)]) == 0
    bleed = 3 * MM
    with pikepdf.open(out / "print" / "edition-pdfx4.pdf") as pdf:
        from layout.render.placements import placements
        page = pdf.pages[0]
        instructions = list(pikepdf.parse_content_stream(page))
        lefts = []
        for placed in placements(instructions):
            operands = [float(v) for v in instructions[placed.cm][0]]
            matrix = pikepdf.Matrix(*operands) @ placed.before
            lefts.append(min(matrix.e, matrix.e + matrix.a + matrix.c))
    assert min(lefts) == pytest.approx(-bleed, abs=0.01)     # the lead photo, at x = 0 on screen
    # the masthead rules span the page: they run into the bleed on both sides
    assert (round(-bleed, 2), round(792 + bleed, 2)) in _rule_spans(instructions)
    # warnings, not errors: red captions (under 12 pt) in three inks, text at the trim
    findings = json.loads((out / "print" / "preflight.json").read_text(encoding="utf-8"))
    warned = {(f["rule"], f["article"]) for f in findings["findings"]
              if f["severity"] == "warning"}
    assert ("four-colour text", "usgov-dod-1500068") in warned
    assert ("safety", "usgov-dod-1500068") in warned
    assert findings["errors"] == 0
    with pikepdf.open(out / "edition.pdf") as pdf:
        instructions = list(pikepdf.parse_content_stream(pdf.pages[0]))
        placed = placements(instructions)[0]
        assert float(instructions[placed.cm][0][4]) == pytest.approx(0, abs=0.01)
        assert (0.0, 792.0) in _rule_spans(instructions)


def _rule_spans(instructions) -> set:
    """(x from, x to) of every horizontal line of the page's content, rounded to 0.01 pt."""
    spans, start = set(), None
    for operands, operator in instructions:
        if str(operator) == "m":
            start = [float(v) for v in operands]
        elif str(operator) == "l" and start is not None:
            end = [float(v) for v in operands]
            if abs(end[1] - start[1]) < 1e-6:
                spans.add((round(start[0], 2), round(end[0], 2)))
    return spans
