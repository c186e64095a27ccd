"""Stage 1 (load), wire input: NITF / NewsML-G2 files and photo metadata in → model out.

Contract under test: every field of the real IPTC sample files lands where the README says;
nothing of a body is dropped silently (what is not printed is a diagnostic naming file and
line); hostile XML is refused with a LayoutError naming the file; embedded IPTC/XMP fills what
the article leaves out and says so; crop regions decide the crop window.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from layout.errors import LayoutError
from layout.model import BlockKind
from layout.render.images import crop_window
from layout.sources import load_edition
from layout.sources.photometa import read_photo_meta
from layout.sources.xmlsafe import MAX_DEPTH, parse_xml

ROOT = Path(__file__).resolve().parents[2]
WIRE = ROOT / "editions" / "wire-xml"
FIXTURES = ROOT / "tests" / "fixtures" / "wire"


def edition_with(tmp_path: Path, files: dict[str, Path | str | bytes],
                 photos: tuple[str, ...] = ()) -> Path:
    root = tmp_path / "ed"
    (root / "articles").mkdir(parents=True)
    (root / "images").mkdir()
    (root / "edition.yaml").write_text("title: Wire Test\ndate: 2026-11-28\n", encoding="utf-8")
    for name, content in files.items():
        target = root / "articles" / name
        if isinstance(content, Path):
            shutil.copyfile(content, target)
        elif isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    for photo in photos:
        shutil.copyfile(WIRE / "images" / photo, root / "images" / photo)
    return root


def one(tmp_path, name, source, photos=()):
    edition = load_edition(edition_with(tmp_path, {name: source}, photos))
    return edition, edition.articles


# --- NITF ------------------------------------------------------------------------------------

def test_nitf_sample_fields_land_where_documented(tmp_path):
    edition, (article,) = one(tmp_path, "fish.xml", WIRE / "articles" / "iptc-nitf-fishing.xml")
    assert article.headline == "Weather and Tide Updates for Norfolk"
    assert article.deck == ("A sample, fictitious NITF article",)
    assert article.byline == "By Alan Karben, NITF Network News Online"
    assert article.copyright == "© 2002 International Press Telecommunications Council"
    assert article.section == "Weather"          # tobject.subject.type
    assert article.priority == 3                 # urgency ed-urg
    first = article.blocks[0]
    assert first.spans[0].bold and first.spans[0].text.startswith("Newport News, VA —")
    kinds = [block.kind for block in article.blocks]
    assert kinds.count(BlockKind.SUBHEAD) == 2   # "The Tides are High", "Local Nooks"
    items = [block for block in article.blocks if block.kind is BlockKind.LIST_ITEM]
    assert [block.label for block in items] == ["•"] * 3
    assert items[0].spans[0].italic and items[0].text.startswith("Deer Creek:")
    assert article.blocks[-1].text == "Stewart Klometers contributed to this article."
    # Every paragraph of body.content is there, word for word.
    assert "Acme Boat Company." in article.blocks[0].text
    assert article.blocks[-2].text == "Happy fishing everybody!"


def test_nitf_sample_reports_what_it_does_not_print_with_lines(tmp_path):
    edition, _ = one(tmp_path, "fish.xml", WIRE / "articles" / "iptc-nitf-fishing.xml")
    notes = {(d.line, d.message.split(" ")[0]) for d in edition.diagnostics if d.file and
             d.file.endswith("fish.xml")}
    messages = " | ".join(d.format() for d in edition.diagnostics)
    assert "fish.xml:170: a photo is not printed: high-tide.jpg" in messages
    assert 'The tides, captured on film late yesterday.' in messages   # its caption, too
    assert "fish.xml:147: <note>" in messages
    assert "fish.xml:164: the abstract is not printed" in messages
    assert "fish.xml:155: <distributor> is not printed" in messages
    assert notes


def test_sidecar_front_matter_overrides_the_wire_fields(tmp_path):
    root = edition_with(tmp_path, {
        "fish.xml": WIRE / "articles" / "iptc-nitf-fishing.xml",
        "fish.yaml": 'headline: "Tides high in Norfolk"\nsection: Local\npriority: 1\n'
                     'copyright: "<© Desk>"\n'})
    edition = load_edition(root)
    (article,) = edition.articles
    assert (article.headline, article.section, article.priority, article.copyright) == \
        ("Tides high in Norfolk", "Local", 1, "<© Desk>")
    assert article.byline == "By Alan Karben, NITF Network News Online"   # not overridden
    assert any("fish.yaml override" in d.message and "headline" in d.message
               for d in edition.diagnostics)
    assert not any(d.kind == "skipped" for d in edition.diagnostics)      # the sidecar is no story


def test_bad_sidecar_is_an_error_naming_it_and_its_key(tmp_path):
    root = edition_with(tmp_path, {"fish.xml": WIRE / "articles" / "iptc-nitf-fishing.xml",
                                   "fish.yaml": "headlin: Tides\n"})
    with pytest.raises(LayoutError) as caught:
        load_edition(root)
    assert "fish.yaml:1" in str(caught.value) and "headlin" in str(caught.value)


# --- NewsML-G2 -------------------------------------------------------------------------------

def test_newsml_news_item_with_inline_nitf(tmp_path):
    _, (article,) = one(tmp_path, "fed.xml", WIRE / "articles" / "iptc-listing2-fed.xml")
    assert article.headline == 'Fed to halt QE to avert "bubble"'
    assert article.byline == "By Meredith Jameson, Staff Reporter"
    assert article.copyright == "Copyright 2017-18 Acme News and Media LLC"
    assert article.lang == "en"
    assert len(article.blocks) == 2 and article.blocks[1].text.endswith("esto cons dolutpat, si.")


def test_newsml_sports_story_headline_abstract_and_body(tmp_path):
    _, (article,) = one(tmp_path, "sports.xml",
                        FIXTURES / "LISTING_22_Sports_story_in_NewsML-G2NITF.xml")
    assert article.headline.startswith("Preview: Arizona Diamondbacks")
    assert article.deck and article.deck[0].startswith("A pair of teams")
    assert article.byline == "Sports Network"
    assert article.word_count > 150


def test_newsml_message_package_gives_its_picture_item_as_the_photo(tmp_path):
    edition, (article,) = one(tmp_path, "pkg.xml", WIRE / "articles" / "usgov-dod-1500068.xml",
                              photos=("usnavy_t45a_goshawk_kingsville_2008.jpg",))
    assert article.headline.startswith("Mattis Welcomes Japanese Counterpart")
    assert article.priority == 1 and article.copyright.startswith("Public domain")
    (figure,) = article.figures
    assert figure.image.path.name == "usnavy_t45a_goshawk_kingsville_2008.jpg"
    assert figure.credit == "U.S. Navy"                       # the NewsML creditline
    assert figure.copyright == "Public domain — U.S. Navy photo"
    assert figure.caption.startswith("080604-N-2798I-002 KINGSVILLE")   # the photo's own IPTC
    report = " | ".join(d.message for d in edition.diagnostics if d.kind == "photo")
    assert "caption from the photo's XMP dc:description" in report
    assert "credit from the wire file" in report


def test_package_refers_to_items_not_in_the_file_is_an_error_naming_it(tmp_path):
    with pytest.raises(LayoutError) as caught:
        one(tmp_path, "pkg.xml", FIXTURES / "LISTING_6_Simple_NewsML-G2_Package.xml")
    assert "pkg.xml:2" in str(caught.value) and "no text item" in str(caught.value)


def test_a_picture_item_alone_is_not_a_story(tmp_path):
    with pytest.raises(LayoutError, match="picture item alone is a photo"):
        one(tmp_path, "photo.xml", FIXTURES / "LISTING_3_Photo_in_NewsML-G2.xml")


def test_a_message_with_two_text_items_gives_two_stories_in_order(tmp_path):
    item = ('<newsItem guid="{g}"><itemMeta><itemClass qcode="ninat:text"/></itemMeta>'
            '<contentMeta><headline>{h}</headline></contentMeta><contentSet>'
            '<inlineData contenttype="text/plain">{b}\n\nSecond paragraph of {h}.</inlineData>'
            '</contentSet></newsItem>')
    message = ('<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>'
               + item.format(g="a", h="First story", b="Body of the first.")
               + item.format(g="b", h="Second story", b="Body of the second.")
               + "</itemSet></newsMessage>")
    _, articles = one(tmp_path, "two.xml", message)
    assert [(a.id, a.headline) for a in articles] == [("two", "First story"),
                                                       ("two-2", "Second story")]
    assert [b.text for b in articles[1].blocks] == ["Body of the second.",
                                                    "Second paragraph of Second story."]


def test_unknown_body_elements_are_printed_and_reported(tmp_path):
    nitf = ("<nitf><body><body.head><hedline><hl1>Head</hl1></hedline></body.head>"
            "<body.content><p>One.</p>\n<sidebar>Sidebar words stay.</sidebar>"
            "<table><tr><td>Tide</td><td>6 ft</td></tr></table>Loose tail text.</body.content>"
            "</body></nitf>")
    edition, (article,) = one(tmp_path, "odd.xml", nitf)
    assert [b.text for b in article.blocks] == ["One.", "Sidebar words stay.", "Tide · 6 ft",
                                                "Loose tail text."]
    messages = [d.format() for d in edition.diagnostics]
    assert any("odd.xml:2: <sidebar> is not a known body element" in m for m in messages)
    assert any("table of 1 rows" in m for m in messages)


def test_validate_names_unknown_files_and_counts_xml(tmp_path, capsys):
    from layout.cli import main
    root = edition_with(tmp_path, {"fed.xml": WIRE / "articles" / "iptc-listing2-fed.xml",
                                   "notes.docx": b"PK\x03\x04", "orphan.yaml": "section: x\n"})
    assert main(["validate", str(root)]) == 0
    out = capsys.readouterr().out
    assert "OK — 1 articles" in out
    assert "notes.docx: a .docx file is not an article (.md, .txt or .xml); it is not set" in out
    assert "orphan.yaml: a .yaml file is not an article" in out and "has no .xml" in out


# --- safe XML --------------------------------------------------------------------------------

HOSTILE = [
    ("billion laughs", b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b '
                       b'"&a;&a;&a;&a;&a;&a;&a;&a;">]><nitf>&b;</nitf>', 'declares the entity "a"'),
    ("external entity", b'<?xml version="1.0"?><!DOCTYPE n [<!ENTITY x SYSTEM '
                        b'"file:///etc/passwd">]><nitf><p>&x;</p></nitf>', 'declares the entity "x"'),
    ("parameter entity", b'<?xml version="1.0"?><!DOCTYPE n [<!ENTITY % p SYSTEM '
                         b'"http://example.invalid/x.dtd"> %p;]><nitf/>', 'declares the entity "p"'),
    ("entity of an unread DTD", b'<!DOCTYPE nitf SYSTEM "http://example.invalid/nitf.dtd">'
                                b'<nitf><p>a&nbsp;b</p></nitf>', "undefined entity"),
    ("deep nesting", b"<nitf>" + b"<block>" * (MAX_DEPTH + 5) + b"</block>" * (MAX_DEPTH + 5)
     + b"</nitf>", f"nested more than {MAX_DEPTH} deep"),
    ("Latin-1 declared, UTF-8 bytes", '<?xml version="1.0" encoding="ISO-8859-1"?><nitf>'
     "<p>연평도</p></nitf>".encode(), "its text is UTF-8"),
    ("UTF-8 declared, Latin-1 bytes", '<?xml version="1.0" encoding="UTF-8"?><nitf><p>café'
     "</p></nitf>".encode("latin-1"), "is not UTF-8"),
    ("unknown encoding", b'<?xml version="1.0" encoding="x-klingon"?><nitf/>',
     'unknown encoding "x-klingon"'),
    ("not well-formed", b"<nitf><p>open</nitf>", "not well-formed XML"),
]


@pytest.mark.parametrize("data, message", [case[1:] for case in HOSTILE],
                         ids=[case[0] for case in HOSTILE])
def test_hostile_xml_is_refused_naming_the_file(data, message):
    with pytest.raises(LayoutError) as caught:
        parse_xml(data, "articles/evil.xml")
    assert caught.value.file == "articles/evil.xml"
    assert message in caught.value.message


def test_the_real_nitf_dtd_declaration_is_read_but_never_loaded():
    data = (WIRE / "articles" / "iptc-nitf-fishing.xml").read_bytes()
    assert b'<!DOCTYPE nitf SYSTEM "../dtd/nitf-3-2.dtd">' in data
    root = parse_xml(data, "fish.xml")
    assert root.tag == "nitf" and root.line == 5


# --- photo metadata and crops ------------------------------------------------------------------

def test_embedded_iptc_and_xmp_fields_and_their_sources():
    photo = WIRE / "images" / "iptc-reference-cropped.jpg"
    meta = read_photo_meta(photo, 1000, 500)
    assert meta.caption.value == "The description aka caption (ref2017.1)"
    assert meta.caption.source == "XMP dc:description"
    assert meta.credit.value == "Credit Line (ref2017.1)"
    assert meta.copyright.value.startswith("Copyright (Notice) 2017.1 IPTC")
    assert meta.headline.value == "The Headline (ref2017.1)"
    (region,) = meta.regions
    assert (region.kind, region.role) == ("crop", "cropping")
    assert (region.x, region.y, region.width, region.height) == (0.02, 0.05, 0.5, 0.9)


def test_captionless_article_gets_the_photos_caption_but_front_matter_wins(tmp_path):
    root = edition_with(tmp_path, {
        "a.md": "---\nheadline: A\nimages: [images/iptc-reference-cropped.jpg]\n---\nBody.\n",
        "b.md": "---\nheadline: B\nimages:\n  - {file: images/iptc-reference-cropped.jpg, "
                "caption: Desk caption}\n---\nBody.\n"}, photos=("iptc-reference-cropped.jpg",))
    edition = load_edition(root)
    a, b = edition.articles
    assert a.figures[0].caption == "The description aka caption (ref2017.1)"
    assert b.figures[0].caption == "Desk caption"
    assert b.figures[0].credit == "Credit Line (ref2017.1)"          # not given: embedded
    report = [d.message for d in edition.diagnostics if d.kind == "photo"]
    assert any("caption from front matter" in m and "credit from the photo's XMP" in m
               for m in report)
    assert a.figures[0].image.crop is not None
    assert a.figures[0].image.aspect == pytest.approx((0.9 * 500) / (0.5 * 1000))


def test_crop_window_holds_the_crop_region_in_the_box_shape():
    crop = (("crop", "cropping", 0.6, 0.1, 0.3, 0.5),)
    left, top, right, bottom = crop_window(1000, 500, 1.0, crop)
    assert left <= 600 and right >= 900 and top <= 50 and bottom >= 300
    assert right - left == pytest.approx(bottom - top, abs=1)      # the box's shape
    # Wider box than the picture allows around the region: biggest window, kept inside.
    left, top, right, bottom = crop_window(1000, 500, 0.2, crop)
    assert (left, right) == (0, 1000) and 0 <= top and bottom <= 500


def test_crop_window_prefers_the_crop_region_nearest_the_box_shape():
    regions = (("crop", "landscapecropping", 0.0, 0.0, 1.0, 0.5),
               ("crop", "portraitcropping", 0.7, 0.0, 0.3, 1.0))
    left, _, right, _ = crop_window(1000, 1000, 3.0, regions)
    assert left >= 600        # the portrait crop, at the right


def test_crop_window_focus_moves_the_crop_and_no_region_is_the_centre():
    assert crop_window(1000, 500, 1.0) == (250, 0, 750, 500)
    left, top, right, bottom = crop_window(1000, 500, 1.0, (("focus", "mainsubject",
                                                               0.85, 0.4, 0.1, 0.2),))
    assert (left, right) == (500, 1000) and (top, bottom) == (0, 500)


def _halves(tmp_path) -> Path:
    """A 400×200 picture: black left half, white right half."""
    from PIL import Image
    picture = Image.new("RGB", (400, 200), (0, 0, 0))
    picture.paste((255, 255, 255), (200, 0, 400, 200))
    path = tmp_path / "halves.png"
    picture.save(path)
    return path


@pytest.mark.parametrize("kind, focal, white", [("crop", False, True), ("focus", True, True),
                                                ("focus", False, None)])
def test_rendered_crop_follows_the_region(tmp_path, kind, focal, white):
    from layout.model import ImageInfo, Region
    from layout.render.images import covered_source, wants_region_crop
    region = Region(kind, "cropping" if kind == "crop" else "mainsubject", 0.55, 0.1, 0.4, 0.8)
    info = ImageInfo(path=_halves(tmp_path), format="PNG", mode="RGB", width=400, height=200,
                     regions=(region,))
    assert wants_region_crop(info, focal) is (white is not None)
    if white is None:
        return                        # placed whole: the style does not allow focal crops
    reader = covered_source(info, 100.0, 100.0, focal)        # a square box
    pixels = reader.getRGBData()
    assert sum(pixels) / len(pixels) > 200     # the white half, where the region is
    centre = covered_source(ImageInfo(path=info.path, format="PNG", mode="RGB", width=400,
                                      height=200), 100.0, 100.0).getRGBData()
    assert 100 < sum(centre) / len(centre) < 155      # without regions: half and half


def test_png_and_tiff_metadata_are_read_too(tmp_path):
    png = FIXTURES / "usnavy_uss_ronald_reagan_magellan_2004.png"
    meta = read_photo_meta(png, 200, 130)
    assert meta.caption.value.startswith("040621-N-6536T-062 USS Ronald Reagan (CVN 76)")
    assert meta.credit.value == "U.S Navy"
    import pyexiv2
    from PIL import Image
    tiff = tmp_path / "photo.tif"
    Image.new("RGB", (320, 200), (90, 120, 150)).save(tiff, "TIFF")
    with pyexiv2.Image(str(tiff)) as image:
        image.modify_iptc({"Iptc.Application2.Caption": "Harbour at dawn, 연평도",
                           "Iptc.Application2.Credit": "Desk photo",
                           "Iptc.Application2.Copyright": "© 2026 Example"})
    meta = read_photo_meta(tiff, 320, 200)
    assert (meta.caption.value, meta.caption.source) == ("Harbour at dawn, 연평도",
                                                         "IPTC Caption/Abstract")
    assert meta.credit.value == "Desk photo" and meta.copyright.value == "© 2026 Example"


def test_pixel_regions_become_relative_and_roleless_regions_are_not_crops(tmp_path):
    import pyexiv2
    from PIL import Image
    path = tmp_path / "regions.jpg"
    Image.new("RGB", (800, 400), (200, 200, 200)).save(path, "JPEG")
    region = "Xmp.iptcExt.ImageRegion"
    values = {region: 'type="Bag"'}
    for number, (role, x) in enumerate((("squareCropping", "400"), ("", "0")), 1):
        item = f"{region}[{number}]"
        boundary = item + "/Iptc4xmpExt:RegionBoundary"
        values.update({item: 'type="Struct"', boundary: 'type="Struct"',
                       boundary + "/Iptc4xmpExt:rbShape": "rectangle",
                       boundary + "/Iptc4xmpExt:rbUnit": "pixel",
                       boundary + "/Iptc4xmpExt:rbX": x, boundary + "/Iptc4xmpExt:rbY": "100",
                       boundary + "/Iptc4xmpExt:rbW": "200", boundary + "/Iptc4xmpExt:rbH": "200"})
        if role:
            values.update({item + "/Iptc4xmpExt:rRole": 'type="Bag"',
                           item + "/Iptc4xmpExt:rRole[1]": 'type="Struct"',
                           item + "/Iptc4xmpExt:rRole[1]/xmp:Identifier": 'type="Bag"',
                           item + "/Iptc4xmpExt:rRole[1]/xmp:Identifier[1]":
                               f"http://cv.iptc.org/newscodes/imageregionrole/{role}"})
    with pyexiv2.Image(str(path)) as image:
        image.modify_xmp(values)
    (found,) = read_photo_meta(path, 800, 400).regions       # the roleless one is no crop
    assert (found.kind, found.role) == ("crop", "squarecropping")
    assert (found.x, found.y, found.width, found.height) == (0.5, 0.25, 0.25, 0.5)


def test_a_real_wrong_encoding_declaration_is_refused_showing_the_mojibake(tmp_path):
    """IPTC's own LISTING 5 declares ISO-8859-1 but is written in UTF-8: read as declared,
    "Bülow" would print as "BÃ¼low"."""
    with pytest.raises(LayoutError) as caught:
        one(tmp_path, "video.xml", FIXTURES / "LISTING_5_Multi-part_Video_in_NewsML-G2.xml")
    message = str(caught.value)
    assert "video.xml:1:" in message and 'declares the encoding "ISO-8859-1"' in message
    assert "line 95" in message and "animé" in message and "animÃ©" in message


def test_a_newsml_item_that_holds_no_story_says_so(tmp_path):
    with pytest.raises(LayoutError, match="a NewsML-G2 <conceptItem> holds no story"):
        one(tmp_path, "concept.xml", FIXTURES / "003_conceptitem.xml")
