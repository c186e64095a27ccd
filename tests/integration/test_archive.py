"""The archive package of one edition (``build --archive``): PDF/A-2u, ALTO 4.4, METS 1.12.1.

Every clause is checked on the sample editions (English and Korean) by reading the files
back with independent tools — pikepdf for the PDF's objects, pdfminer.six for where its glyphs
are, lxml with the official schemas (``tests/schemas/``) for ALTO and METS.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pikepdf
import pytest
from lxml import etree

from layout.build import build_edition
from layout.outputs.archive import ArchiveOutput
from layout.outputs.pdfa import conformance_problems

from pdfwords import ALTO, alto_strings, match, pdf_words

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "tests" / "schemas"
METS = "{http://www.loc.gov/METS/}"
MODS = "{http://www.loc.gov/mods/v3}"
XLINK = "{http://www.w3.org/1999/xlink}"
SAMPLES = ["defense-daily-en", "defense-daily-ko"]


class _LocalXlink(etree.Resolver):
    """Both schemas import XLink from the web; answer with the local copy (no network)."""

    def resolve(self, url, pubid, context):
        if url.endswith("xlink.xsd"):
            return self.resolve_filename(str(SCHEMAS / "xlink.xsd"), context)
        return None


def _schema(name: str) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_LocalXlink())
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name), parser))


@pytest.fixture(scope="module")
def archived(tmp_path_factory):
    """``archived(name)`` → (BuildResult, archive folder), built once per module."""
    cache = {}

    def get(name: str):
        if name not in cache:
            out = tmp_path_factory.mktemp(name)
            result = build_edition(ROOT / "editions" / name, out=out,
                                   outputs=(ArchiveOutput(),))
            cache[name] = (result, out / "archive")
        return cache[name]
    return get


def _alto_files(folder: Path) -> list[Path]:
    return sorted((folder / "alto").glob("page-*.xml"))


# -- the folder ----------------------------------------------------------------------------
@pytest.mark.parametrize("name", SAMPLES)
def test_archive_folder_holds_pdf_alto_per_page_and_mets(archived, name):
    result, folder = archived(name)
    assert (folder / "edition.pdf").is_file() and (folder / "mets.xml").is_file()
    assert len(_alto_files(folder)) == len(result.pagination.pages)
    assert result.written["archive"][0] == folder / "edition.pdf"
    assert not list(folder.parent.glob(".newsprint-archive-*"))      # no staging left over


def test_archive_is_byte_identical_between_builds(archived, tmp_path):
    _, first = archived("defense-daily-ko")
    build_edition(ROOT / "editions" / "defense-daily-ko", out=tmp_path,
                  outputs=(ArchiveOutput(),))
    second = tmp_path / "archive"
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for relative in files:
        assert (first / relative).read_bytes() == (second / relative).read_bytes(), relative


# -- PDF/A-2u ------------------------------------------------------------------------------
@pytest.mark.parametrize("name", SAMPLES)
def test_pdfa_header_trailer_and_end_of_lines(archived, name):
    _, folder = archived(name)
    raw = (folder / "edition.pdf").read_bytes()
    assert re.match(rb"%PDF-1\.7\r?\n%[\x80-\xff]{4}\r?\n", raw), raw[:20]   # 6.1.2
    assert not re.search(rb"[^\r\n]endstream", raw)                          # 6.1.7
    with pikepdf.open(folder / "edition.pdf") as pdf:
        assert not pdf.is_encrypted                                           # 6.1.3
        ids = pdf.trailer.ID
        assert len(ids) == 2 and len(bytes(ids[0])) == 16
        for key in ("/OpenAction", "/AA", "/AcroForm"):                       # 6.5, 6.6
            assert key not in pdf.Root
        assert "/JavaScript" not in pdf.Root.get("/Names", {})
        for page in pdf.pages:
            assert "/AA" not in page.obj and "/Annots" not in page.obj


@pytest.mark.parametrize("name", SAMPLES)
def test_pdfa_xmp_agrees_with_info(archived, name):
    result, folder = archived(name)
    with pikepdf.open(folder / "edition.pdf") as pdf:
        assert "/Filter" not in pdf.Root.Metadata
        meta = pdf.open_metadata()
        info = pdf.docinfo
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "U"
        assert meta["dc:title"] == str(info.Title)
        assert result.edition.date.isoformat() in str(info.Title)
        assert meta["xmp:CreatorTool"] == str(info.Creator)
        assert str(info.Creator).startswith("Newsprint")
        assert meta["pdf:Producer"] == str(info.Producer)
        assert meta["dc:description"] == str(info.Subject)
        date = result.edition.date
        assert str(info.CreationDate).startswith(f"D:{date:%Y%m%d}")
        assert meta["xmp:CreateDate"].startswith(date.isoformat())
        assert meta["xmp:ModifyDate"].startswith(date.isoformat())
        assert str(pdf.Root.Lang) == result.edition.lang


@pytest.mark.parametrize("name", SAMPLES)
def test_pdfa_output_intent_is_embedded_srgb(archived, name):
    _, folder = archived(name)
    with pikepdf.open(folder / "edition.pdf") as pdf:
        intents = [i for i in pdf.Root.OutputIntents if i.S == pikepdf.Name.GTS_PDFA1]
        assert len(intents) == 1
        profile = intents[0].DestOutputProfile
        data = profile.read_bytes()
        assert int(profile.N) == 3 and data[16:20] == b"RGB " and data[36:40] == b"acsp"
        assert data[8] <= 4


@pytest.mark.parametrize("name", SAMPLES)
def test_pdfa_fonts_embedded_with_unicode_and_no_cmyk(archived, name):
    _, folder = archived(name)
    with pikepdf.open(folder / "edition.pdf") as pdf:
        fonts = [obj for obj in pdf.objects if isinstance(obj, pikepdf.Dictionary)
                 and obj.get("/Type") == pikepdf.Name.Font]
        assert fonts
        for font in fonts:
            assert "Helvetica" not in str(font.get("/BaseFont"))      # the initial font too
            assert "/FontFile2" in font.FontDescriptor, font.BaseFont
            assert "/ToUnicode" in font, font.BaseFont
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == pikepdf.Name.Image:
                assert obj.get("/ColorSpace") != pikepdf.Name.DeviceCMYK
        for page in pdf.pages:
            operators = {str(op) for _, op in pikepdf.parse_content_stream(page)}
            assert not operators & {"k", "K"}


def test_pdfa_checker_catches_the_screen_pdf(archived):
    """The screen PDF is not PDF/A; the checker that guards write_pdfa says why."""
    result, folder = archived("defense-daily-en")
    problems = " ".join(conformance_problems(result.pdf))
    for clause in ("6.1.2", "6.6.2", "6.2.3", "6.2.4.3"):
        assert clause in problems
    assert conformance_problems(folder / "edition.pdf") == []


def test_pdfa_looks_like_the_edition(archived):
    """Same page, same pixels but for colour (CMYK converted to RGB shifts every ink a
    little): no pixel changes by more than a quarter of the scale, so nothing moved or
    vanished."""
    import pypdfium2 as pdfium
    from PIL import ImageChops, ImageStat
    result, folder = archived("defense-daily-en")
    screen, archive = pdfium.PdfDocument(str(result.pdf)), \
        pdfium.PdfDocument(str(folder / "edition.pdf"))
    try:
        assert len(screen) == len(archive)
        for index in range(len(screen)):
            a = screen[index].render(scale=0.5).to_pil().convert("L")
            b = archive[index].render(scale=0.5).to_pil().convert("L")
            assert a.size == b.size
            difference = ImageChops.difference(a, b)
            assert ImageStat.Stat(difference).mean[0] < 5.0, index + 1
            assert sum(difference.histogram()[64:]) < a.width * a.height * 0.0005, index + 1
    finally:
        screen.close()
        archive.close()


# -- ALTO ------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", SAMPLES)
def test_alto_validates_and_describes_the_page(archived, name):
    result, folder = archived(name)
    schema = _schema("alto-4-4.xsd")
    for page, path in zip(result.pagination.pages, _alto_files(folder)):
        document = etree.parse(str(path))
        assert schema.validate(document), (path.name, schema.error_log.last_error)
        root = document.getroot()
        assert root.findtext(f"{ALTO}Description/{ALTO}MeasurementUnit") == "mm10"
        element = root.find(f"{ALTO}Layout/{ALTO}Page")
        assert int(element.get("PHYSICAL_IMG_NR")) == page.number
        assert abs(int(element.get("WIDTH")) - page.width * 254 / 72) <= 1
        assert abs(int(element.get("HEIGHT")) - page.height * 254 / 72) <= 1
        assert element.find(f"{ALTO}PrintSpace") is not None


@pytest.mark.parametrize("name", SAMPLES)
def test_alto_has_every_printed_word_where_the_pdf_draws_it(archived, name):
    """Each page: the words pdfminer reads from the PDF/A copy are exactly the ALTO Strings
    (same count), each within 1 pt on all four sides, and in the same order inside each
    TextBlock."""
    _, folder = archived(name)
    pages = pdf_words(folder / "edition.pdf")
    assert len(pages) == len(_alto_files(folder))
    total = 0
    for words, path in zip(pages, _alto_files(folder)):
        strings = alto_strings(path)
        pairs = match(words, strings, tolerance=1.0)
        missing = [w.text for i, w in enumerate(words) if i not in pairs][:5]
        assert len(pairs) == len(words) == len(strings), (path.name, missing)
        order: dict[str, list[int]] = {}
        for pdf_index, alto_index in sorted(pairs.items(), key=lambda item: item[1]):
            order.setdefault(strings[alto_index].block, []).append(pdf_index)
        for block, indices in order.items():
            assert indices == sorted(indices), (path.name, block)
        total += len(words)
    assert total > 3000


def _all_strings(folder: Path):
    return [string for path in _alto_files(folder) for string in alto_strings(path)]


@pytest.mark.parametrize("name", SAMPLES)
def test_alto_words_broken_at_line_ends_are_hyphen_parts(archived, name):
    _, folder = archived(name)
    strings = _all_strings(folder)
    firsts = [s for s in strings if s.subs_type == "HypPart1"]
    seconds = [s for s in strings if s.subs_type == "HypPart2"]
    assert firsts, "the samples break words at line ends"
    # Every broken word ends in one HypPart2; its HypPart1 pieces (one, or more for a long URL
    # over three lines) come before it, and the pieces make up the whole word.
    ends = Counter(s.subs_content for s in seconds)
    assert set(ends) == {s.subs_content for s in firsts}
    pieces: dict[str, str] = {}
    for string in strings:
        if string.subs_type:
            pieces[string.subs_content] = pieces.get(string.subs_content, "") + string.content
            if string.subs_type == "HypPart2":
                assert pieces.pop(string.subs_content) == string.subs_content
    added = [s for s in firsts if s.text.endswith("-") and not s.content.endswith("-")]
    if name.endswith("-en"):
        assert added, "English words hyphenated by the breaker carry a HYP"
        for string in added:        # the hyphen the break added is not part of the word
            assert string.subs_content[len(string.content):][:1] != "-", string
    else:
        assert any(not s.text.endswith("-") for s in firsts), "Korean syllable breaks: no HYP"


@pytest.mark.parametrize("name", SAMPLES)
def test_alto_blocks_by_kind_with_language_and_reading_order(archived, name):
    result, folder = archived(name)
    kinds = Counter()
    for path in _alto_files(folder):
        root = etree.parse(str(path)).getroot()
        blocks = [b for b in root.iter() if b.tag in (f"{ALTO}TextBlock", f"{ALTO}Illustration")]
        ids = [b.get("ID") for b in blocks]
        assert len(set(ids)) == len(ids)
        assert [b.get("IDNEXT") for b in blocks[:-1]] == ids[1:]     # one reading order
        for block in blocks:
            kinds[block.get("TAGREFS")] += 1
            if block.tag == f"{ALTO}TextBlock":
                assert block.get("LANG") in ("en", "ko")
        langs = {b.get("LANG") for b in blocks if b.get("TAGREFS") == "ROLE_body"}
        assert result.edition.lang in langs
    for kind in ("headline", "byline", "body", "caption", "credit", "copyright", "folio",
                 "masthead", "dateline", "jump", "photo"):
        assert kinds[f"ROLE_{kind}"], kind


def test_alto_copyright_line_prints_raw_text(archived):
    _, folder = archived("defense-daily-en")
    text = " ".join(s.content for s in _all_strings(folder))
    assert "<Copyright" in text or "<Public" in text
    assert "ⓒ" in text


# -- METS ------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", SAMPLES)
def test_mets_validates_and_references_every_file(archived, name):
    result, folder = archived(name)
    document = etree.parse(str(folder / "mets.xml"))
    schema = _schema("mets-1.12.1.xsd")
    assert schema.validate(document), schema.error_log.last_error
    hrefs = [loc.get(f"{XLINK}href") for loc in document.iter(f"{METS}FLocat")]
    expected = ["edition.pdf"] + [p.relative_to(folder).as_posix() for p in _alto_files(folder)]
    assert sorted(hrefs) == sorted(expected)
    for href in hrefs:
        assert (folder / href).is_file()
    physical = document.find(f"{METS}structMap[@TYPE='PHYSICAL']")
    pages = physical.findall(f".//{METS}div[@TYPE='page']")
    assert len(pages) == len(result.pagination.pages)


def _logical_areas(document):
    logical = document.find(f"{METS}structMap[@TYPE='LOGICAL']")
    issue = logical.find(f"{METS}div[@TYPE='issue']")
    found = []
    for division in issue:
        for area in division.iter(f"{METS}area"):
            found.append((division, area.get("FILEID"), area.get("BEGIN")))
    return issue, found


@pytest.mark.parametrize("name", SAMPLES)
def test_mets_logical_map_segments_every_block_into_one_article(archived, name):
    result, folder = archived(name)
    document = etree.parse(str(folder / "mets.xml"))
    files = {f.get("ID"): f.find(f"{METS}FLocat").get(f"{XLINK}href")
             for f in document.iter(f"{METS}file")}
    issue, areas = _logical_areas(document)
    claimed = Counter((files[file_id], begin) for _, file_id, begin in areas)
    assert all(count == 1 for count in claimed.values())
    for path in _alto_files(folder):
        root = etree.parse(str(path)).getroot()
        href = path.relative_to(folder).as_posix()
        for block in root.iter(f"{ALTO}TextBlock", f"{ALTO}Illustration"):
            assert claimed[(href, block.get("ID"))] == 1, (href, block.get("ID"))
            division = next(d for d, f, b in areas if files[f] == href and b == block.get("ID"))
            furniture = block.get("TAGREFS") in ("ROLE_masthead", "ROLE_dateline", "ROLE_ear",
                                                 "ROLE_folio", "ROLE_ad")
            assert (division.get("TYPE") != "article") == furniture, block.get("ID")


@pytest.mark.parametrize("name", SAMPLES)
def test_mets_articles_carry_mods_and_one_part_per_page(archived, name):
    result, folder = archived(name)
    document = etree.parse(str(folder / "mets.xml"))
    mods = {section.get("ID"): section.find(f".//{MODS}mods")
            for section in document.iter(f"{METS}dmdSec")}
    issue, _ = _logical_areas(document)
    articles = issue.findall(f"{METS}div[@TYPE='article']")
    by_id = {a.id: a for a in result.edition.articles}
    assert len(articles) == len(result.edition.articles)
    pages_of = {a["id"]: a["pages"] for a in
                __import__("json").loads(result.manifest.read_text())["articles"]}
    for division in articles:
        record = mods[division.get("DMDID")]
        article = by_id[record.findtext(f"{MODS}recordInfo/{MODS}recordIdentifier")]
        assert record.findtext(f"{MODS}titleInfo/{MODS}title") == article.headline
        assert record.findtext(f"{MODS}language/{MODS}languageTerm") == article.lang
        if article.copyright:
            assert record.findtext(f"{MODS}accessCondition") == article.copyright
        if article.byline:
            assert record.findtext(f"{MODS}name/{MODS}displayForm") == article.byline
        parts = division.findall(f"{METS}div[@TYPE='article_part']")
        assert [p.get("LABEL") for p in parts] == [f"page {n}" for n in pages_of[article.id]]
    jumped = {jump.article for jump in result.pagination.jumps}
    for division in articles:
        record = mods[division.get("DMDID")]
        if record.findtext(f"{MODS}recordInfo/{MODS}recordIdentifier") in jumped:
            assert len(division.findall(f"{METS}div[@TYPE='article_part']")) == 2


def test_mets_article_areas_hold_its_own_headline(archived):
    """The first area of each article's first part is its headline block, whose words are
    the headline's (typography applied: compare letters and digits only)."""
    result, folder = archived("defense-daily-en")
    document = etree.parse(str(folder / "mets.xml"))
    files = {f.get("ID"): f.find(f"{METS}FLocat").get(f"{XLINK}href")
             for f in document.iter(f"{METS}file")}
    mods = {section.get("ID"): section.find(f".//{MODS}mods")
            for section in document.iter(f"{METS}dmdSec")}
    issue, _ = _logical_areas(document)

    def letters(text):
        return "".join(ch for ch in text.casefold() if ch.isalnum())

    for division in issue.findall(f"{METS}div[@TYPE='article']"):
        area = division.find(f".//{METS}area")
        alto = etree.parse(str(folder / files[area.get("FILEID")])).getroot()
        block = alto.find(f".//{ALTO}TextBlock[@ID='{area.get('BEGIN')}']")
        assert block.get("TAGREFS") == "ROLE_headline"
        words = " ".join(s.get("SUBS_CONTENT") if s.get("SUBS_TYPE") == "HypPart1" else
                         s.get("CONTENT") for s in block.iter(f"{ALTO}String")
                         if s.get("SUBS_TYPE") != "HypPart2")
        title = mods[division.get("DMDID")].findtext(f"{MODS}titleInfo/{MODS}title")
        assert letters(words) == letters(title)


@pytest.mark.parametrize("name", SAMPLES)
def test_manifest_lines_agree_with_alto(archived, name):
    """The manifest counts each article part's set lines by kind (from the draws' Origin);
    ALTO, made from the same draws, has as many TextLines in that part's blocks."""
    import json
    _, folder = archived(name)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    document = etree.parse(str(folder / "mets.xml"))
    mods = {section.get("ID"): section.find(f".//{MODS}mods")
            for section in document.iter(f"{METS}dmdSec")}
    files = {f.get("ID"): f.find(f"{METS}FLocat").get(f"{XLINK}href")
             for f in document.iter(f"{METS}file")}
    issue, _ = _logical_areas(document)
    alto_lines: dict[tuple[str, int], Counter] = {}
    for division in issue.findall(f"{METS}div[@TYPE='article']"):
        article = mods[division.get("DMDID")].findtext(
            f"{MODS}recordInfo/{MODS}recordIdentifier")
        for part in division.findall(f"{METS}div[@TYPE='article_part']"):
            page = int(part.get("LABEL").split()[-1])
            counts = alto_lines.setdefault((article, page), Counter())
            for area in part.iter(f"{METS}area"):
                alto = etree.parse(str(folder / files[area.get("FILEID")])).getroot()
                block = alto.find(f".//*[@ID='{area.get('BEGIN')}']")
                kind = block.get("TAGREFS").removeprefix("ROLE_")
                counts[kind] += len(block.findall(f"{ALTO}TextLine"))
    checked = 0
    for article in manifest["articles"]:
        for part in article["parts"]:
            expected = Counter(part["lines"])
            found = +alto_lines[(article["id"], part["page"])]      # photos hold no lines
            assert found == expected, (article["id"], part["page"])
            checked += sum(expected.values())
    assert checked > 500
