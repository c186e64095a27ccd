"""Tier 2/3: the sample editions built end to end and read back from the PDF.

Contract: every word of every article is in the PDF's text layer; byline, e-mail and copyright
lines print exactly as written; every character has a real glyph in an embedded font; jumps
point to the pages where the story really continues; the same input gives the same bytes.
"""
from __future__ import annotations

import json
import unicodedata
from collections import Counter

import pikepdf
import pypdfium2 as pdfium
import pytest

from layout.build import build_edition

from pathlib import Path

EDITIONS = Path(__file__).resolve().parents[2] / "editions"

SAMPLES = ["defense-daily-en", "defense-daily-ko", "wire-xml"]


def pdf_text(path) -> list[str]:
    document = pdfium.PdfDocument(str(path))
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def text_in_article_boxes(result) -> dict[str, str]:
    """Each article's printed text, read from the PDF inside its own boxes (manifest.json),
    so that lines of a neighbouring story on the same baseline do not interleave with it;
    line-end hyphens undone."""
    manifest = json.loads(result.manifest.read_text(encoding="utf-8"))
    boxes = {a["id"]: [(p["page"], b) for p in a["parts"] for b in p["boxes"]]
             for a in manifest["articles"]}
    document = pdfium.PdfDocument(str(result.pdf))
    try:
        pages = [page.get_textpage() for page in document]
        return {article: join_lines("".join(pages[number - 1].get_text_bounded(
            left=box["x"] - 1, bottom=box["y"] - 3, right=box["x"] + box["width"] + 1,
            top=box["y"] + box["height"] + 1) for number, box in placed))
            for article, placed in boxes.items()}
    finally:
        document.close()


def join_lines(text: str) -> str:
    """Undo line-end hyphenation the way a reader does: pdfium marks our hyphens as U+FFFE."""
    text = text.replace("\ufffe\r\n", "").replace("\ufffe", "")
    return text.replace("-\r\n", "-")


def normalise_word(word: str) -> str:
    word = unicodedata.normalize("NFKC", word).casefold()
    return "".join(ch for ch in word if ch.isalnum())


def words(text: str) -> Counter:
    return Counter(w for w in (normalise_word(t) for t in text.split()) if w)


def words_across_line_ends(text: str) -> Counter:
    """Words broken at a line end without a hyphen (URLs break after "/" or "."), joined."""
    lines = [line.split() for line in text.splitlines()]
    joined = Counter()
    for this, following in zip(lines, lines[1:]):
        if this and following:
            joined[normalise_word(this[-1] + following[0])] += 1
    return joined


def words_across_breaks(missing: Counter, text: str) -> Counter:
    """Missing words that a line ends the first part of and another line (the next column's
    or the continuation's, elsewhere in reading order) starts with the rest."""
    lines = [line.split() for line in text.splitlines() if line.split()]
    ends = {normalise_word(line[-1]) for line in lines}
    starts = {normalise_word(line[0]) for line in lines}
    found = Counter()
    for word, count in missing.items():
        if any(word[:cut] in ends and word[cut:] in starts for cut in range(1, len(word))):
            found[word] = count
    return found


def squeeze(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if not ch.isspace())


def source_articles(name: str) -> list[dict]:
    with open(EDITIONS / name / "articles.jsonl", encoding="utf-8") as stream:
        return [json.loads(line) for line in stream]


@pytest.mark.parametrize("name", SAMPLES)
def test_every_body_word_is_in_the_text_layer(built, name):
    result = built(name)
    raw = "\n".join(pdf_text(result.pdf))
    text = join_lines(raw)
    printed = words(text)
    expected = Counter()
    for article in source_articles(name):
        for paragraph in article["body"]:
            expected += words(paragraph)
    missing = expected - printed
    missing -= words_across_line_ends(text)
    missing -= words_across_breaks(missing, text)
    # pdfium also marks a hyphen followed by a space inside a line ("Euro- NATO") as U+FFFE.
    missing -= words(raw.replace("\ufffe", " "))
    assert not missing, f"words lost: {sorted(missing.items())[:20]}"


@pytest.mark.parametrize("name", SAMPLES)
def test_bylines_emails_and_copyright_lines_print_as_written_and_heads_print_whole(built, name):
    """Read back from the PDF inside each article's own boxes (see text_in_article_boxes)."""
    result = built(name)
    texts = text_in_article_boxes(result)
    for article in result.edition.articles:
        printed = squeeze(texts[article.id])
        for text in (article.byline, article.email, article.copyright):
            if text:
                assert squeeze(text) in printed, f"{article.id}: {text!r} not printed"
        # Heads get the style's typography (curly quotes, dashes): all their letters print.
        assert normalise_word(article.headline) in normalise_word(printed), article.headline


def test_english_sample_has_eight_pages_and_its_photos(built):
    result = built("defense-daily-en")
    assert len(result.pagination.pages) >= 8
    placed = sum(1 for page in result.pagination.pages for box in page.boxes
                 if box.kind == "photo")
    figures = sum(1 for a in result.edition.articles if a.figures)
    assert placed == figures


@pytest.mark.parametrize("name", SAMPLES)
def test_every_character_has_a_glyph_and_every_font_is_embedded(built, name):
    result = built(name)
    assert not [d for d in result.diagnostics if d.kind == "glyph"]
    with pikepdf.open(result.pdf) as pdf:
        for page in pdf.pages:
            for _, font in page.Resources.Font.items():
                descendants = font.get("/DescendantFonts")
                descriptor = (descendants[0] if descendants else font).get("/FontDescriptor")
                assert descriptor is not None, f"font {font.BaseFont} has no descriptor"
                assert "/FontFile2" in descriptor, f"font {font.BaseFont} is not embedded"


@pytest.mark.parametrize("name", SAMPLES)
def test_jump_lines_name_the_page_where_the_story_goes_on(built, name):
    result = built(name)
    texts = [squeeze(join_lines(t)) for t in pdf_text(result.pdf)]
    manifest = json.loads(result.manifest.read_text(encoding="utf-8"))
    pages_of = {a["id"]: {p["part"]: p["page"] for p in a["parts"]} for a in manifest["articles"]}
    sheet = result.style.furniture
    lang_of = {article.id: article.lang for article in result.edition.articles}
    for jump in manifest["jumps"]:
        parts = pages_of[jump["article"]]
        assert parts[jump["part"]] == jump["from_page"]
        assert parts[jump["part"] + 1] == jump["to_page"] > jump["from_page"]
        to_line = squeeze(sheet.word("jump_to", lang_of[jump["article"]],
                                              page=jump["to_page"]))
        from_line = squeeze(sheet.word("jump_from", lang_of[jump["article"]],
                                                page=jump["from_page"]))
        assert to_line in texts[jump["from_page"] - 1]
        assert from_line in texts[jump["to_page"] - 1]


@pytest.mark.parametrize("name", ["defense-daily-ko", "wire-xml"])
def test_same_input_gives_the_same_bytes(tmp_path, name):
    first = build_edition(EDITIONS / name, out=tmp_path / "a")
    second = build_edition(EDITIONS / name, out=tmp_path / "b")
    assert first.pdf.read_bytes() == second.pdf.read_bytes()


def test_pdf_has_metadata_and_one_outline_entry_per_article(built):
    result = built("defense-daily-en")
    with pikepdf.open(result.pdf) as pdf:
        assert "2026-11-28" in str(pdf.docinfo["/Title"])
        with pdf.open_outline() as outline:
            titles = [item.title for item in outline.root]
    assert titles == [a.headline for a in result.edition.articles] or \
        sorted(titles) == sorted(a.headline for a in result.edition.articles)


def test_nothing_is_placed_twice(built):
    """Each body line is drawn once: no text duplicated across columns or jumps (a line is
    known by its story, paragraph and line number; two stories may share a paragraph)."""
    result = built("defense-daily-en")
    seen = Counter()
    for page in result.pagination.pages:
        for draw in page.draws:
            line = getattr(draw, "line", None)
            if line is not None and getattr(draw, "role", "") == "body":
                origin = draw.origin
                seen[(origin.article, origin.paragraph, origin.line)] += 1
    assert len(seen) > 300 and max(seen.values()) == 1


@pytest.mark.parametrize("name", SAMPLES)
def test_no_body_line_runs_past_its_column(built, name):
    """Measured from the PDF as pdfium lays glyphs out (Tc, Tw and Tz applied per the PDF
    spec): every body-size glyph starts inside a column and every line ends by its right
    edge (pdfium puts the line end it generates where the last advance ends). Regression: a
    no-break space widened by Tw pushed justified lines 4 pt into the gutter."""
    import ctypes

    import pypdfium2.raw as raw
    result = built(name)
    geometry = result.style.page
    body_size = result.style.styles["body"].size
    pitch = geometry.column_width + geometry.gutter
    document = pdfium.PdfDocument(str(result.pdf))
    x, y = ctypes.c_double(), ctypes.c_double()
    try:
        for number, page in enumerate(document, start=1):
            textpage = page.get_textpage()
            column_right = None
            for index in range(textpage.count_chars()):
                raw.FPDFText_GetCharOrigin(textpage, index, x, y)
                char = chr(raw.FPDFText_GetUnicode(textpage, index))
                if char in "\r\n" and column_right is not None:
                    assert x.value <= column_right + 0.3, (number, index, x.value, column_right)
                    column_right = None
                    continue
                if abs(raw.FPDFText_GetFontSize(textpage, index) - body_size) > 0.01:
                    column_right = None
                    continue
                column = int((x.value - geometry.margin_inside + 0.5) // pitch)
                left = geometry.margin_inside + column * pitch
                column_right = left + geometry.column_width
                assert left - 0.3 <= x.value <= column_right, (number, char, x.value)
    finally:
        document.close()


def test_the_report_and_manifest_give_the_typesetting_figures(built):
    """The figures come from what the pages draw; on the English sample the hyphen ladders
    keep to the style's limit and under 6 % of justified lines have word spaces over 2x."""
    from layout.report import build_report
    result = built("defense-daily-en")
    stats = result.typesetting
    assert stats.lines > 1000
    assert stats.longest_ladder <= result.style.hyphenation.max_consecutive
    assert stats.loose_20 / stats.lines < 0.06
    assert sum(s.lines for s in result.page_typesetting) == stats.lines
    manifest = json.loads(result.manifest.read_text(encoding="utf-8"))
    assert manifest["typesetting"]["hyphenated"] == stats.hyphenated
    assert "longest run" in build_report(result)


@pytest.mark.parametrize("name", SAMPLES)
def test_no_two_lines_overlap(built, name):
    """No line is drawn over another and none crosses a photo: a line takes from 0.22 of its
    size below its baseline to 0.75 above (descenders to capitals); lines whose horizontal
    extents meet must not share any of that height."""
    from layout.compose.draws import ImageDraw, TextDraw
    result = built(name)
    for page in result.pagination.pages:
        boxes = []
        for draw in page.draws:
            if isinstance(draw, TextDraw) and draw.line.runs:
                size = max(size for _, size, _ in draw.line.runs)
                boxes.append((draw.x, draw.x + draw.line.width, draw.y - 0.22 * size,
                              draw.y + 0.75 * size, draw.line.text))
        boxes.sort(key=lambda b: b[2])
        for i, (x0, x1, low, high, text) in enumerate(boxes):
            for u0, u1, other_low, other_high, other in boxes[i + 1:]:
                if other_low > high:
                    break
                if min(x1, u1) - max(x0, u0) > 0.5:
                    assert min(high, other_high) - max(low, other_low) <= 0.5, \
                        (page.number, text, other)
        for image in (d for d in page.draws if isinstance(d, ImageDraw)):
            for x0, x1, low, high, text in boxes:
                across = min(x1, image.x + image.width) - max(x0, image.x) > 0.5
                into = min(high, image.y + image.height) - max(low, image.y) > 0.5
                assert not (across and into), (page.number, text, image.image.path.name)


def test_kerned_heads_are_drawn_where_the_composer_put_them(tmp_path):
    """The renderer draws a kerned head piece by piece: the last glyph of each head line ends
    where the composer's width says (pdfium's glyph origins, within 0.05 pt)."""
    import ctypes

    import pypdfium2.raw as raw
    from layout.compose.draws import TextDraw
    result = build_edition(EDITIONS / "defense-daily-en", out=tmp_path)
    page = result.pagination.pages[0]
    heads = [d for d in page.draws if isinstance(d, TextDraw) and d.role == "headline"
             and d.line.kerns]
    assert heads
    document = pdfium.PdfDocument(str(result.pdf))
    textpage = document[0].get_textpage()
    x, y = ctypes.c_double(), ctypes.c_double()
    origins = []
    for index in range(textpage.count_chars()):
        raw.FPDFText_GetCharOrigin(textpage, index, x, y)
        origins.append((chr(raw.FPDFText_GetUnicode(textpage, index)), x.value, y.value))
    for head in heads:
        face, size, text = head.line.runs[-1]
        last = head.line.text[-1]
        expected = head.x + head.line.width - face.advance(last) * size / 1000.0
        found = [ox for ch, ox, oy in origins if ch == last and abs(oy - head.y) < 0.1]
        assert any(abs(ox - expected) < 0.05 for ox in found), (head.line.text, expected, found)
    document.close()


@pytest.mark.parametrize("name", SAMPLES)
def test_modules_tile_the_page_without_overlapping(built, name):
    """The manifest's page plan: every module lies inside the page grid, and no two modules
    share a grid cell."""
    result = built(name)
    manifest = json.loads(result.manifest.read_text(encoding="utf-8"))
    page = result.style.page
    for plan in manifest["pages"]:
        cells = set()
        for module in plan["modules"]:
            assert 0 <= module["column"] and module["column"] + module["columns"] <= page.columns
            assert module["lines"] > 0
            for column in range(module["column"], module["column"] + module["columns"]):
                for row in range(module["row"], module["row"] + module["lines"]):
                    assert (column, row) not in cells, (plan["number"], module["article"])
                    cells.add((column, row))


def test_plan_only_prints_the_plan_and_writes_nothing(tmp_path, capsys):
    from layout.cli import main
    code = main(["build", str(EDITIONS / "defense-daily-ko"), "--plan-only",
                 "-o", str(tmp_path / "out")])
    out = capsys.readouterr().out
    assert code == 0 and out.startswith("plan (nothing written): ")
    assert "page  1" in out and "×" in out
    assert not (tmp_path / "out").exists()


def test_section_fronts_start_each_section_on_a_new_page(tmp_path):
    """With spacing.section_fronts, no page starts stories of two sections (continued
    stories may run on), and sections come in the order edition.yaml gives."""
    import shutil
    edition = tmp_path / "ed"
    shutil.copytree(EDITIONS / "defense-daily-en", edition)
    text = (edition / "edition.yaml").read_text(encoding="utf-8")
    (edition / "edition.yaml").write_text(text + "sections: [Defense, News, Interview]\n",
                                          encoding="utf-8")
    style = edition / "fronts.yaml"
    style.write_text("extends: tabloid\nspacing:\n  section_fronts: true\n", encoding="utf-8")
    result = build_edition(edition, style=str(style), out=tmp_path / "out")
    by_id = {a.id: a for a in result.edition.articles}
    seen = []
    for page in result.pagination.pages:
        started = {by_id[m.article].section for m in page.modules if m.part == 0}
        assert len(started) <= 1, (page.number, started)
        seen.extend(started)
    # Stories without a section (the two web copies) come after the listed sections.
    assert [s for i, s in enumerate(seen) if s not in seen[:i]] == ["Defense", "News",
                                                                     "Interview", ""]
