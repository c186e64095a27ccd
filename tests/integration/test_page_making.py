"""Tier 2/3: how the sample editions' pages are made, read back from manifest.json and the PDF.

Contract: pages leave (almost) no white holes but the edition's last; the lead story opens
page 1 at the top left, at least three columns wide; every module lies inside the grid and none
overlaps another; jump lines print inside the story's own boxes on both pages; the nameplate
is artwork (glyph outlines) with the title as invisible text over it; an ad fills its booked
box, whatever its shape.

The samples are built once per session (the ``built`` fixture of tests/conftest.py, shared with
test_samples.py); the ad test builds its own copy.
"""
from __future__ import annotations

import json
import math
import shutil
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
from PIL import Image

from layout.build import build_edition

EDITIONS = Path(__file__).resolve().parents[2] / "editions"

SAMPLES = ["defense-daily-en", "defense-daily-ko", "wire-en"]
WITH_LEAD = ["defense-daily-en", "defense-daily-ko"]    # wire-en has no priority-1 story

# The requirement is 3 % of the page as measured by an independent checker (pdfcheck). The
# manifest's figure is the engine's own, deliberately conservative estimate: it counts a run of
# exactly three empty grid lines and a two-line run at the foot, which that measure often does
# not (English sample, page 1: 3.4 % estimated, 2.2 % measured). Hence a little headroom.
HOLES_LIMIT = 0.035


def manifest_of(result) -> dict:
    return json.loads(result.manifest.read_text(encoding="utf-8"))


def bounds(obj) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) of a page object (``get_bounds`` since pypdfium2 5,
    ``get_pos`` before)."""
    getter = getattr(obj, "get_bounds", None) or obj.get_pos
    return tuple(getter())


def squeeze(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if not ch.isspace())


def join_lines(text: str) -> str:
    """Undo line-end hyphenation as pdfium reports it (our hyphens read as U+FFFE)."""
    return text.replace("\ufffe\r\n", "").replace("\ufffe", "").replace("-\r\n", "-")


@pytest.fixture(scope="module")
def sample(built):
    """``sample(name)`` → (BuildResult, manifest dict), each sample built once."""
    manifests = {}

    def get(name: str):
        result = built(name)
        if name not in manifests:
            manifests[name] = manifest_of(result)
        return result, manifests[name]
    return get


# -- a. white holes ----------------------------------------------------------------------------

@pytest.mark.parametrize("name", SAMPLES)
def test_every_page_but_the_last_leaves_at_most_3_percent_white_holes(sample, name):
    result, manifest = sample(name)
    pages = manifest["pages"]
    assert len(pages) > 1
    assert all(isinstance(page["holes"], (int, float)) and 0 <= page["holes"] <= 1
               for page in pages)
    over = [(page["number"], page["holes"]) for page in pages[:-1]
            if page["holes"] > HOLES_LIMIT]
    assert not over, f"{name}: pages over {HOLES_LIMIT:.0%} white holes (page, share): {over}"


@pytest.mark.parametrize("name", SAMPLES)
def test_manifest_holes_agree_with_the_page_plans(sample, name):
    """The manifest's share is the paginator's own count over the page's whole grid."""
    result, manifest = sample(name)
    columns = result.style.page.columns
    assert len(result.pagination.pages) == len(manifest["pages"])
    for page, plan in zip(result.pagination.pages, manifest["pages"]):
        assert page.grid_lines > 0 and page.grid_lines % columns == 0
        assert plan["holes"] == round(page.hole_lines / page.grid_lines, 4)
        # A page mostly left empty (a short last page) is mostly white holes: the estimate
        # sees the white a reader sees.
        if plan["fill"] < 0.5:
            assert plan["holes"] > 0.25, (plan["number"], plan["fill"], plan["holes"])


# -- b. the lead -------------------------------------------------------------------------------

@pytest.mark.parametrize("name", WITH_LEAD)
def test_the_lead_opens_page_one_top_left_at_least_three_columns_wide(sample, name):
    result, manifest = sample(name)
    leads = [a for a in result.edition.articles if a.priority == 1]
    assert len(leads) == 1, [a.id for a in leads]
    lead = leads[0]
    first = manifest["pages"][0]
    assert first["number"] == 1
    assert lead.id in first["articles"]
    module = first["modules"][0]
    assert (module["article"], module["part"]) == (lead.id, 0), first["modules"][:2]
    assert module["column"] == 0
    assert module["row"] == min(m["row"] for m in first["modules"])
    assert module["columns"] >= 3
    # The top row is the first under the masthead: nothing on page 1 starts above it.
    assert all(ad["row"] >= module["row"] for ad in first["ads"])


# -- c. modules inside the grid, no overlaps (columns and overlaps of en/ko: test_samples.py) ---

def test_wire_modules_lie_inside_the_columns_and_never_overlap(sample):
    result, manifest = sample("wire-en")
    columns = result.style.page.columns
    for plan in manifest["pages"]:
        cells: dict[tuple[int, int], str] = {}
        for module in plan["modules"]:
            assert module["columns"] > 0 and module["lines"] > 0
            assert 0 <= module["column"] and module["column"] + module["columns"] <= columns
            for column in range(module["column"], module["column"] + module["columns"]):
                for row in range(module["row"], module["row"] + module["lines"]):
                    other = cells.setdefault((column, row), module["article"])
                    assert other == module["article"], (plan["number"], other, module["article"])


@pytest.mark.parametrize("name", SAMPLES)
def test_modules_end_within_the_page_grid(sample, name):
    """No module reaches below the last grid line of its page (the page plan's own grid:
    grid_lines = columns × rows), the masthead and any ads included."""
    result, manifest = sample(name)
    columns = result.style.page.columns
    past = []
    for plan, page in zip(manifest["pages"], result.pagination.pages):
        rows = page.grid_lines // columns
        for box in plan["modules"] + plan["ads"]:
            assert box["row"] >= 0
            if box["row"] + box["lines"] > rows:
                past.append((plan["number"], box.get("article", box.get("file")), box["row"],
                             box["lines"], rows, box.get("jumps")))
    assert not past, f"{name}: modules past the foot (page, story, row, lines, rows, jumps): " \
                     f"{past}"


# -- d. jumps, both ways, inside the story's own boxes -------------------------------------------

def boxed_text(textpage, boxes) -> str:
    return "".join(textpage.get_text_bounded(left=box["x"] - 1, bottom=box["y"] - 3,
                                             right=box["x"] + box["width"] + 1,
                                             top=box["y"] + box["height"] + 1)
                   for box in boxes)


LONG_KOREAN = "kowikinews-77"     # the Korean sample's longest story, set five times as long


@pytest.fixture(scope="module")
def korean_long(tmp_path_factory):
    """The Korean sample with its longest story five times as long (more than a page at any
    width, so it must jump: the sample itself may fit without a jump)."""
    root = tmp_path_factory.mktemp("ko-long") / "ed"
    shutil.copytree(EDITIONS / "defense-daily-ko", root)
    path = root / "articles" / f"{LONG_KOREAN}.md"
    front, marker, body = path.read_text(encoding="utf-8").partition("\n---\n")
    path.write_text(front + marker + "\n\n".join([body.strip()] * 5) + "\n", encoding="utf-8")
    result = build_edition(root, out=root.parent / "out")
    return result, manifest_of(result)


@pytest.mark.parametrize("name", ["defense-daily-en", "wire-en", "defense-daily-ko, long"])
def test_jump_lines_print_inside_the_jumping_story_on_both_pages(sample, korean_long, name):
    """"Continued on page N" ends the part on its page and "Continued from page M" heads the
    next part on page N — read inside that story's boxes (manifest), not just anywhere on
    the page, so a neighbour's jump line cannot stand in for it."""
    result, manifest = korean_long if name.endswith("long") else sample(name)
    assert manifest["jumps"], f"{name} has no jumps to check"
    furniture = result.style.furniture
    lang_of = {article.id: article.lang for article in result.edition.articles}
    parts = {(a["id"], p["part"]): p for a in manifest["articles"] for p in a["parts"]}
    document = pdfium.PdfDocument(str(result.pdf))
    try:
        pages = [page.get_textpage() for page in document]
        whole = [squeeze(join_lines(t.get_text_range())) for t in pages]
        for jump in manifest["jumps"]:
            here = parts[(jump["article"], jump["part"])]
            there = parts[(jump["article"], jump["part"] + 1)]
            assert here["page"] == jump["from_page"] < jump["to_page"] == there["page"], jump
            to_line = squeeze(furniture.word("jump_to", lang_of[jump["article"]],
                                              page=jump["to_page"]))
            from_line = squeeze(furniture.word("jump_from", lang_of[jump["article"]],
                                                page=jump["from_page"]))
            assert to_line in whole[jump["from_page"] - 1], (jump, to_line)
            assert from_line in whole[jump["to_page"] - 1], (jump, from_line)
            inside_here = squeeze(join_lines(boxed_text(pages[jump["from_page"] - 1],
                                                        here["boxes"])))
            inside_there = squeeze(join_lines(boxed_text(pages[jump["to_page"] - 1],
                                                         there["boxes"])))
            assert to_line in inside_here, (jump, to_line, inside_here[-200:])
            assert from_line in inside_there, (jump, from_line, inside_there[:200])
    finally:
        document.close()


# -- e. the nameplate: outlines with invisible text ---------------------------------------------

def chars_by_render_mode(path, page_index: int) -> dict[int, str]:
    """The text of one PDF page as pdfminer interprets it, grouped by text render mode (Tr):
    pdfminer's LTChar does not keep the mode, so a device records it per drawn string."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    found: dict[int, list[str]] = {}

    class Recorder(PDFPageAggregator):
        mode = 0

        def render_string(self, textstate, seq, ncs, graphicstate):
            self.mode = textstate.render
            super().render_string(textstate, seq, ncs, graphicstate)

        def render_char(self, *args, **kwargs):
            advance = super().render_char(*args, **kwargs)
            found.setdefault(self.mode, []).append(self.cur_item._objs[-1].get_text())
            return advance

    manager = PDFResourceManager()
    device = Recorder(manager, laparams=LAParams())
    interpreter = PDFPageInterpreter(manager, device)
    with open(path, "rb") as stream:
        for index, page in enumerate(PDFPage.get_pages(stream)):
            if index == page_index:
                interpreter.process_page(page)
                break
    device.close()
    return {mode: "".join(chars) for mode, chars in found.items()}


@pytest.mark.parametrize("name", SAMPLES)
def test_the_nameplate_is_outlines_with_the_title_as_invisible_text(sample, name):
    result, _ = sample(name)
    title = squeeze(result.edition.title)
    document = pdfium.PdfDocument(str(result.pdf))
    try:
        page = document[0]
        assert title in squeeze(page.get_textpage().get_text_range())   # findable, copyable
        # The artwork: filled paths across the top of the page, where the title is set.
        top = page.get_height() - result.style.page.margin_top
        paths = [bounds(obj) for obj in page.get_objects()
                 if obj.type == pdfium_raw.FPDF_PAGEOBJ_PATH]
        glyphs = [pos for pos in paths if pos[3] <= top + 1 and pos[1] >= top - 100]
        assert len(glyphs) >= len(title) // 2, (len(glyphs), title)
    finally:
        document.close()
    by_mode = chars_by_render_mode(result.pdf, 0)
    assert title in squeeze(by_mode.get(3, "")), by_mode.get(3, "")      # set invisible (3 Tr)
    assert squeeze(by_mode.get(3, "")) == title, "only the nameplate is invisible text"
    assert squeeze(by_mode.get(0, ""))                        # the rest of the page is filled text


# -- f. ads fill their booked box -----------------------------------------------------------------

@pytest.fixture(scope="module")
def misshapen_ad(tmp_path_factory):
    """defense-daily-ko with a wide 900×600 px ad booked into a tall 1-column × 6 in box."""
    root = tmp_path_factory.mktemp("ad-edition") / "ed"
    shutil.copytree(EDITIONS / "defense-daily-ko", root)
    Image.new("RGB", (900, 600), (250, 220, 40)).save(root / "images" / "ad.jpg")
    text = (root / "edition.yaml").read_text(encoding="utf-8")
    (root / "edition.yaml").write_text(
        text + "ads:\n  - {file: images/ad.jpg, page: 1, columns: 1, height: 6in, "
               "position: top-left}\n", encoding="utf-8")
    result = build_edition(root, out=tmp_path_factory.mktemp("ad-out"))
    return result, manifest_of(result)


def test_a_misshapen_ad_is_placed_where_booked(misshapen_ad):
    result, manifest = misshapen_ad
    page = result.style.page
    first = manifest["pages"][0]
    (ad,) = first["ads"]
    assert ad["file"].endswith("ad.jpg") and ad["position"] == "top-left"
    assert ad["column"] == 0 and ad["columns"] == 1
    assert ad["lines"] == math.ceil(6 * 72 / page.baseline - 1e-6)
    assert ad["row"] == min(m["row"] for m in first["modules"])   # the top, under the masthead
    for module in first["modules"]:                                  # editorial goes around it
        assert module["column"] > 0 or module["row"] >= ad["row"] + ad["lines"], module
    assert all(not p["ads"] for p in manifest["pages"][1:])


def test_a_misshapen_ad_is_reported(misshapen_ad):
    result, manifest = misshapen_ad
    reports = [d for d in result.diagnostics if d.kind == "ad"]
    assert len(reports) == 1 and "ad.jpg" in reports[0].message, reports
    assert any(d["kind"] == "ad" and "ad.jpg" in d["message"] for d in manifest["diagnostics"])


def test_a_misshapen_ad_fills_its_whole_booked_box_in_the_pdf(misshapen_ad):
    result, manifest = misshapen_ad
    page = result.style.page
    (ad,) = manifest["pages"][0]["ads"]
    width = page.column_width                      # one column
    height = math.ceil(6 * 72 / page.baseline - 1e-6) * page.baseline   # 6 in, whole lines
    left = page.margin_inside + ad["column"] * (page.column_width + page.gutter)
    top = page.height - page.margin_top - ad["row"] * page.baseline
    document = pdfium.PdfDocument(str(result.pdf))
    try:
        images = [bounds(obj) for obj in document[0].get_objects()
                  if obj.type == pdfium_raw.FPDF_PAGEOBJ_IMAGE]
    finally:
        document.close()
    placed = [box for box in images if abs(box[0] - left) <= 1 and abs(box[3] - top) <= 1]
    assert len(placed) == 1, (left, top, images)
    x0, y0, x1, y1 = placed[0]
    assert abs((x1 - x0) - width) <= 1, (x1 - x0, width)
    assert abs((y1 - y0) - height) <= 1, (y1 - y0, height)


def head_sizes(path, page_index: int, boxes) -> list[tuple[dict, float]]:
    """(the head's glyph box, its biggest type size) for each headline box of a page that has
    type of headline size (1.6 × the 9.5 pt body or more) in it."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar

    chars = []

    def walk(node):
        if isinstance(node, LTChar):
            chars.append(node)
        elif hasattr(node, "__iter__"):
            for child in node:
                walk(child)

    for page in extract_pages(str(path), page_numbers=[page_index]):
        walk(page)
    found = []
    for box in boxes:
        inside = [c for c in chars if c.size >= 15.2
                  and box["x"] - 1 <= (c.x0 + c.x1) / 2 <= box["x"] + box["width"] + 1
                  and box["y"] - 1 <= (c.y0 + c.y1) / 2 <= box["y"] + box["height"] + 1]
        if inside:
            # The head's own ink: its glyphs' extent, not the whole header box (byline, deck).
            head = dict(box, x=min(c.x0 for c in inside), width=max(c.x1 for c in inside)
                        - min(c.x0 for c in inside), y=min(c.y0 for c in inside),
                        height=max(c.y1 for c in inside) - min(c.y0 for c in inside))
            found.append((head, max(c.size for c in inside)))
    return found


@pytest.mark.parametrize("name", SAMPLES)
def test_no_two_heads_of_like_size_sit_side_by_side(sample, name):
    """Bumped heads (tombstoning): two headlines of like size (within 25 %) beside each other
    in one band of a page. The page maker sets the later one a size smaller."""
    result, manifest = sample(name)
    for page in manifest["pages"]:
        boxes = [dict(b, article=a["id"]) for a in manifest["articles"] for part in a["parts"]
                 if part["page"] == page["number"] and part["part"] == 0
                 for b in part["boxes"] if b["kind"] == "headline"]
        heads = head_sizes(result.pdf, page["number"] - 1, boxes)
        for i, (a, size_a) in enumerate(heads):
            for b, size_b in heads[i + 1:]:
                side_by_side = a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                band = min(a["y"] + a["height"], b["y"] + b["height"]) - max(a["y"], b["y"])
                similar = max(size_a, size_b) < 1.25 * min(size_a, size_b)
                assert not (side_by_side and band > 0.5 * min(size_a, size_b) and similar), \
                    (name, page["number"], a["article"], b["article"], size_a, size_b)
