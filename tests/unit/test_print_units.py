"""Print production's pure parts: ink limiting, flat colours, plate names, bleed boxes, the
vector-ad fit, and bad print settings in a style sheet or edition.yaml."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pikepdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from layout.cli import main
from layout.compose.draws import ImageDraw
from layout.model import Edition, ImageInfo, Production
from layout.outputs.pdfx import bleed_box
from layout.outputs.plates import plate_name, title_code
from layout.render.cmyk import cmyk_colour, ink_coverage, limit_ink, to_cmyk
from layout.render.vectorads import fit_matrix
from layout.stylesheet.physical import BUNDLED_CMYK_PROFILE

ROOT = Path(__file__).resolve().parents[2]

pixels = st.lists(st.tuples(*[st.integers(0, 255)] * 4), min_size=1, max_size=64)


@settings(max_examples=60, deadline=None)
@given(pixels, st.floats(100, 400))
def test_limit_ink_keeps_every_pixel_within_the_limit_and_leaves_the_rest(values, limit):
    image = Image.fromarray(np.array([values], dtype=np.uint8), "CMYK")
    limited = limit_ink(image, limit)
    assert ink_coverage(limited) <= limit + 1e-9
    before = np.asarray(image, dtype=np.int32)
    after = np.asarray(limited, dtype=np.int32)
    under = before.sum(axis=2) <= int(limit / 100 * 255)
    assert (before[under] == after[under]).all()             # pixels in the limit untouched
    # black is never taken away (shadows keep their detail in K)
    assert (after[..., 3] >= before[..., 3]).all()


def test_limit_ink_generates_black_before_it_thins_colour():
    image = Image.fromarray(np.array([[[200, 200, 200, 60]]], dtype=np.uint8), "CMYK")
    c, m, y, k = (int(v) for v in np.asarray(limit_ink(image, 240))[0, 0])
    assert k > 60 and c == m == y and c + m + y + k <= 612


def test_rgb_and_grey_photos_separate_through_the_output_profile():
    rgb = Image.new("RGB", (4, 4), (200, 30, 30))
    grey = Image.new("L", (4, 4), 40)
    for image in (rgb, grey):
        cmyk = to_cmyk(image, BUNDLED_CMYK_PROFILE)
        assert cmyk.mode == "CMYK" and cmyk.size == image.size
    c, m, y, k = to_cmyk(rgb, BUNDLED_CMYK_PROFILE).getpixel((0, 0))
    assert m > 150 and y > 100 and c < 60                    # a red: magenta and yellow
    assert ink_coverage(to_cmyk(grey, BUNDLED_CMYK_PROFILE)) > 150     # a dark grey


@pytest.mark.parametrize("space,values,expected", [
    ("gray", (0.0,), (0, 0, 0, 1)),                 # black: 100 K only
    ("gray", (0.75,), (0, 0, 0, 0.25)),
    ("rgb", (0.0, 0.0, 0.0), (0, 0, 0, 1)),
    ("rgb", (0.5, 0.5, 0.5), (0, 0, 0, 0.5)),        # neutral RGB is K only
    ("cmyk", (0.1, 0.2, 0.3, 0.4), (0.1, 0.2, 0.3, 0.4)),
])
def test_flat_colours_separate_black_and_grey_into_k_only(space, values, expected):
    assert cmyk_colour(space, values) == pytest.approx(expected)


def test_a_flat_red_has_no_cyan():
    c, m, y, k = cmyk_colour("rgb", (0.8, 0.1, 0.1))
    assert c == 0 and m > 0.8 and y > 0.8 and k == pytest.approx(0.2)


def _edition(**production) -> Edition:
    return Edition(root=Path("."), title="The Newsprint Defense Daily", date=dt.date(2026, 11, 28),
                   articles=(), issue=7, production=Production(**production))


def test_plate_names_fill_every_token():
    edition = _edition(edition="late", zone="N", version=2)
    assert plate_name("{title_code}_{date:%Y%m%d}_{section_code}{page:03d}.pdf", edition, 4, 8,
                      "Sports") == "TNDD_20261128_SPO004.pdf"
    assert plate_name("{title}-{issue}-{edition}-{zone}{version}-{section}-{page}of{pages}",
                      edition, 4, 8, "World News") == \
        "The-Newsprint-Defense-Daily-7-late-N2-World-News-4of8.pdf"
    assert title_code(_edition(code="NDD")) == "NDD"


def test_a_box_on_the_trim_grows_by_the_bleed_on_those_sides_only():
    info = ImageInfo(path=Path("x.jpg"), format="JPEG", mode="RGB", width=10, height=10)
    draw = ImageDraw(x=0.0, y=100.0, width=200.0, height=50.0, image=info)
    box, sides = bleed_box(draw, 792, 1224, 8.5)
    assert sides == ("left",) and box == pytest.approx((-8.5, 100.0, 208.5, 50.0))
    inner = ImageDraw(x=36.0, y=100.0, width=200.0, height=50.0, image=info)
    assert bleed_box(inner, 792, 1224, 8.5) == ((36.0, 100.0, 200.0, 50.0), ())


def test_a_vector_ad_is_fitted_with_its_shape_top_centred():
    # a 400 x 200 ad in a 300 x 300 box: 300 wide, 150 high, at the top
    matrix = fit_matrix([0, 0, 400, 200], 300, 300) @ pikepdf.Matrix(300, 0, 0, 300, 0, 0)
    assert (matrix.a * 400, matrix.d * 200) == pytest.approx((300, 150))
    assert (matrix.e, matrix.f) == pytest.approx((0, 150))


@pytest.mark.parametrize("text,fragments", [
    ("print:\n  max_ink: 500\n", ["print.max_ink", "400"]),
    ("print:\n  plate_name: '{paper}{page}.pdf'\n", ["print.plate_name", "{page}"]),
    ("print:\n  plate_name: '{page:%Y}.pdf'\n", ["print.plate_name", "format"]),
    (f"print:\n  profile: {ROOT / 'fonts' / 'NotoSans-Regular.ttf'}\n",
     ["print.profile", "not an ICC profile"]),
    (f"print:\n  profile: {ROOT / 'layout' / 'outputs' / 'icc' / 'sRGB.icc'}\n",
     ["print.profile", "not a CMYK output profile"]),
    ("print:\n  min_ppi: 300\n  warn_ppi: 200\n", ["print.min_ppi", "warn_ppi"]),
    ("page:\n  bleed: 2in\n", ["page.bleed"]),
    ("print:\n  maxink: 200\n", ["print.maxink", "max_ink"]),
])
def test_bad_print_settings_are_errors_naming_file_line_and_key(tmp_path, capsys, text,
                                                               fragments):
    sheet = tmp_path / "styles" / "bad.yaml"
    sheet.parent.mkdir()
    sheet.write_text("extends: tabloid\n" + text, encoding="utf-8")
    code = main(["validate", str(ROOT / "editions" / "wire-xml"), "--style", str(sheet)])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert "bad.yaml:" in err
    for fragment in fragments:
        assert fragment in err, (fragment, err)


@pytest.mark.parametrize("line,key", [("print: maybe", "print"), ("zone: 'north/east'", "zone"),
                                      ("version: 0", "version")])
def test_bad_print_keys_in_edition_yaml_name_their_line(edition_copy, capsys, line, key):
    root = edition_copy("wire-xml")
    text = (root / "edition.yaml").read_text(encoding="utf-8")
    (root / "edition.yaml").write_text(text + line + "\n", encoding="utf-8")
    code = main(["validate", str(root)])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert f"edition.yaml:{len(text.splitlines()) + 1}" in err and key in err, err


def _bad_print_pdf(path: Path) -> None:
    """A one-page 'print' PDF with one of each thing a plant refuses or warns about."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    page = pdf.pages[0]
    page.obj.TrimBox = pikepdf.Array([0, 0, 200, 200])
    page.obj.BleedBox = pikepdf.Array([-8, -8, 208, 208])

    def image(mode, size, colour, space):
        raw = Image.new(mode, size, colour).tobytes()
        stream = pikepdf.Stream(pdf, raw)
        stream.Type, stream.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        stream.Width, stream.Height, stream.BitsPerComponent = size[0], size[1], 8
        stream.ColorSpace = space
        return stream
    rgb = image("RGB", (300, 300), (200, 10, 10), pikepdf.Name.DeviceRGB)
    heavy = image("CMYK", (20, 20), (255, 255, 255, 200), pikepdf.Name.DeviceCMYK)
    spot = pikepdf.Array([pikepdf.Name.Separation, pikepdf.Name("/PANTONE-485"),
                          pikepdf.Name.DeviceCMYK, pdf.make_stream(b"{0 exch 1 exch 0}")])
    font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                              BaseFont=pikepdf.Name.Helvetica)
    page.obj.Resources = pikepdf.Dictionary(
        XObject=pikepdf.Dictionary(Rgb=rgb, Heavy=heavy),
        ColorSpace=pikepdf.Dictionary(Spot=spot), Font=pikepdf.Dictionary(F1=font))
    page.obj.Contents = pdf.make_stream(
        b"q 100 0 0 100 0 100 cm /Rgb Do Q "             # on the left trim, no bleed
        b"q 150 0 0 150 40 20 cm /Heavy Do Q "           # 20 px over 150 pt: 10 ppi
        b"0.1 w 0 0 0 1 K 20 20 m 180 20 l S "           # a hairline
        b"BT /F1 9 Tf 30 60 Td (Helvetica, not embedded) Tj ET")
    pdf.save(path)


def test_preflight_of_a_pdf_finds_each_thing_a_plant_checks(tmp_path):
    from layout.outputs.preflight import pdf_findings
    from layout.stylesheet.types import PrintSettings
    path = tmp_path / "bad.pdf"
    _bad_print_pdf(path)
    found = pdf_findings(path, PrintSettings())
    by_rule = {(f.rule, f.severity) for f in found}
    assert ("colour", "error") in by_rule                       # the RGB image
    assert ("colour", "warning") in by_rule                     # the spot colour
    assert ("fonts", "error") in by_rule                        # Helvetica, not embedded
    assert ("ink", "error") in by_rule                          # 100+100+100+78 %
    assert ("resolution", "error") in by_rule                   # 10 ppi
    assert ("bleed", "error") in by_rule                        # the RGB image at x = 0
    assert ("hairline", "warning") in by_rule
    heavy = [f for f in found if f.rule == "ink"]
    assert "378 %" in heavy[0].message and "/Heavy" in heavy[0].file
    assert all(f.page == 1 for f in found if f.rule in ("ink", "resolution", "bleed"))
    assert main(["preflight", str(path)]) == 1


def test_preflight_of_a_clean_pdf_finds_nothing(tmp_path):
    from layout.outputs.preflight import pdf_findings
    from layout.stylesheet.types import PrintSettings
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    page = pdf.pages[0]
    page.obj.TrimBox = pikepdf.Array([0, 0, 200, 200])
    page.obj.BleedBox = pikepdf.Array([-8, -8, 208, 208])
    page.obj.Contents = pdf.make_stream(b"1 w 0 0 0 1 K 20 20 m 180 20 l S")
    pdf.save(tmp_path / "clean.pdf")
    assert pdf_findings(tmp_path / "clean.pdf", PrintSettings()) == []
