#!/usr/bin/env python3
"""Generate ``editions/wire-xml/``: an edition delivered the way wire services and photo desks
deliver — NITF and NewsML-G2 files and photos that carry their own IPTC/XMP captions.

Developer tool only: it reads the read-only corpus (``--corpus``, default ``../shared/corpus``)
and writes the edition folder, which is committed (nothing in the product or the tests reads
the corpus). Deterministic: same corpus, same bytes.

What goes in:

* three IPTC sample files copied byte for byte: the NITF 3.2 sample ``iptc-nitf-fishing.xml``
  (its photo ``high-tide.jpg`` is not in the corpus: the build reports it), the NITF body
  extracted from NewsML-G2 LISTING 25, and NewsML-G2 LISTING 2 (a ``newsItem`` with inline
  NITF);
* three real corpus stories written into wire form here — Wikinews ``gum-news-nasa`` and
  ``gum-news-warhol`` as NITF 3.x (subheads, quotes, lists as NITF elements; the copyright
  and section from a sidecar ``NAME.yaml``, as a desk would add them), and the DoD story
  ``usgov-dod-1500068`` as a NewsML-G2 ``newsMessage``: a ``packageItem`` referring to the
  text item (XHTML ``inlineXML``) and a picture item whose file carries the caption in IPTC
  (the NewsML gives none, so the photo's own caption prints);
* one Markdown story naming just ``images: [images/….jpg]``: the IPTC Photo Metadata
  reference image with an IPTC Image Region (role ``cropping``) added here, so caption,
  credit, copyright and crop all come from the photo.

``articles.jsonl`` holds the text a reader must find in the PDF (schema of
``../shared/tools/pdfcheck``), worked out here from the sources independently of the
product's readers.

Run:  .venv/bin/python scripts/make_wire_edition.py [--corpus PATH] [--out PATH]
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_sample_editions import body_blocks, copyright_line  # noqa: E402

NITF_NS = "http://iptc.org/std/NITF/2006-10-18/"
COPIED = {   # corpus path → file name in the edition
    "nitf/iptc-nitf-fishing.xml": "iptc-nitf-fishing.xml",
    "nitf/iptc-newsml-g2-listing25-extracted.nitf.xml": "iptc-listing25-diamondbacks.xml",
    "newsml/iptc-newsml-g2-examples/LISTING_2_NewsML-G2_Text_Document.xml":
        "iptc-listing2-fed.xml",
}
NITF_STORIES = {"gum-news-nasa": "Science", "gum-news-warhol": "Arts"}
NEWSML_STORY = "usgov-dod-1500068"
NEWSML_PHOTO = "usnavy_t45a_goshawk_kingsville_2008.jpg"
REGION_SOURCE = "iptc_photometadata_reference_2017.jpg"
REGION_PHOTO = "iptc-reference-cropped.jpg"
MD_STORY = "usgov-dod-1282053"


def text(element) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def expected_nitf(nitf, copyright_: str) -> dict:
    """The text an NITF story prints (worked out with ElementTree, not the product)."""
    def find(element, name):
        if element is None:
            return None
        return next((e for e in element.iter() if local(e.tag) == name), None)

    def all_(element, name):
        return [e for e in element.iter() if local(e.tag) == name] if element is not None else []

    def child(element, name):
        return next((e for e in element if local(e.tag) == name), None) \
            if element is not None else None

    head = child(child(nitf, "body"), "body.head")
    hedline = child(head, "hedline")
    deck = [text(e) for e in all_(hedline, "hl2")]
    if not deck and find(head, "abstract") is not None:
        deck = [text(p) for p in all_(find(head, "abstract"), "p")]
    byline = find(head, "byline")
    body = []
    content = child(child(nitf, "body"), "body.content")
    for element in content.iter():
        if local(element.tag) in ("p", "li", "hl2"):
            body.append(text(element))
    dateline = text(find(head, "dateline"))
    if dateline:
        body[0] = f"{dateline} — {body[0]}"
    for element in all_(find(nitf, "body.end"), "tagline"):
        body.append(text(element))
    docdata = find(nitf, "doc.copyright")
    if docdata is not None:
        copyright_ = f"© {docdata.get('year')} {docdata.get('holder')}"
    return {"headline": text(find(hedline, "hl1")), "deck": deck,
            "byline": text(byline), "body": body, "copyright": copyright_}


def nitf_of(rec: dict) -> str:
    """A corpus record as an NITF 3.x document."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           "<!-- " + f"{rec['headline']}: from Wikinews, {rec['url']}, CC BY 2.5; put into NITF "
           "by scripts/make_wire_edition.py".replace("--", "- -") + " -->",
           '<nitf version="-//IPTC//DTD NITF 3.6//EN" xml:lang="en">',
           "<head>", f"  <title>{escape(rec['headline'])}</title>",
           "  <docdata>", '    <urgency ed-urg="4"/>', f'    <doc-id id-string="{rec["id"]}"/>',
           "  </docdata>", "</head>", "<body>", "  <body.head>",
           f"    <hedline><hl1>{escape(rec['headline'])}</hl1></hedline>"]
    if rec.get("dateline"):
        out.append(f"    <dateline><story.date>{escape(rec['dateline'])}</story.date></dateline>")
    out += ["  </body.head>", "  <body.content>"]
    in_list = False
    for kind, value in body_blocks(rec):
        if kind == "item" and not in_list:
            out.append("    <ul>")
            in_list = True
        if kind != "item" and in_list:
            out.append("    </ul>")
            in_list = False
        if kind == "paragraph":
            out.append(f"    <p>{escape(value)}</p>")
        elif kind == "subhead":
            out.append(f"    <hl2>{escape(value)}</hl2>")
        elif kind == "quote":
            out.append(f"    <bq><block><p>{escape(value)}</p></block></bq>")
        elif kind == "item":
            out.append(f"      <li>{escape(value)}</li>")
    if in_list:
        out.append("    </ul>")
    out += ["  </body.content>", "</body>", "</nitf>", ""]
    return "\n".join(out)


def newsml_of(rec: dict) -> str:
    """A corpus record as a NewsML-G2 newsMessage: a package, the text item, a picture item."""
    paragraphs = "\n".join(f"            <p>{escape(value)}</p>" if kind != "subhead" else
                           f"            <h2>{escape(value)}</h2>"
                           for kind, value in body_blocks(rec))
    notice = f"Public domain — {rec['source']}"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- {escape(rec['headline'])}: {rec['source']}, public domain ({rec['url']}); put into
     NewsML-G2 by scripts/make_wire_edition.py. Photo: U.S. Navy, public domain. -->
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
  <header>
    <sent>2026-11-28T06:00:00Z</sent>
    <sender>newsprint.example</sender>
  </header>
  <itemSet>
    <packageItem guid="urn:newsprint:pkg:{rec['id']}" standard="NewsML-G2" standardversion="2.29">
      <itemMeta><itemClass qcode="ninat:composite"/></itemMeta>
      <groupSet root="G1">
        <group id="G1" role="group:main">
          <itemRef residref="urn:newsprint:text:{rec['id']}"><itemClass qcode="ninat:text"/></itemRef>
          <itemRef residref="urn:newsprint:pic:t45a"><itemClass qcode="ninat:picture"/></itemRef>
        </group>
      </groupSet>
    </packageItem>
    <newsItem guid="urn:newsprint:text:{rec['id']}" standard="NewsML-G2" standardversion="2.29"
              xml:lang="en">
      <rightsInfo><copyrightNotice>{escape(notice)}</copyrightNotice></rightsInfo>
      <itemMeta><itemClass qcode="ninat:text"/></itemMeta>
      <contentMeta>
        <urgency>1</urgency>
        <creator><name>{escape(rec['byline'] or 'DoD News')}</name></creator>
        <language tag="en-US"/>
        <slugline>US-Defense-Japan</slugline>
        <headline>{escape(rec['headline'])}</headline>
      </contentMeta>
      <contentSet>
        <inlineXML contenttype="application/xhtml+xml">
          <html xmlns="http://www.w3.org/1999/xhtml"><body>
{paragraphs}
          </body></html>
        </inlineXML>
      </contentSet>
    </newsItem>
    <newsItem guid="urn:newsprint:pic:t45a" standard="NewsML-G2" standardversion="2.29">
      <rightsInfo><copyrightNotice>Public domain — U.S. Navy photo</copyrightNotice></rightsInfo>
      <itemMeta><itemClass qcode="ninat:picture"/></itemMeta>
      <contentMeta><creditline>U.S. Navy</creditline></contentMeta>
      <contentSet>
        <remoteContent rendition="rnd:highRes" href="https://example.invalid/t45a.jpg"/>
        <remoteContent rendition="rnd:print" href="images/{NEWSML_PHOTO}"/>
      </contentSet>
    </newsItem>
  </itemSet>
</newsMessage>
"""


def add_region(path: Path) -> None:
    """Write an IPTC Image Region (role cropping, relative units) into ``path``."""
    import pyexiv2
    region = "Xmp.iptcExt.ImageRegion"
    boundary = region + "[1]/Iptc4xmpExt:RegionBoundary"
    with pyexiv2.Image(str(path)) as image:
        image.modify_xmp({
            region: 'type="Bag"', region + "[1]": 'type="Struct"',
            boundary: 'type="Struct"', boundary + "/Iptc4xmpExt:rbShape": "rectangle",
            boundary + "/Iptc4xmpExt:rbUnit": "relative",
            boundary + "/Iptc4xmpExt:rbX": "0.02", boundary + "/Iptc4xmpExt:rbY": "0.05",
            boundary + "/Iptc4xmpExt:rbW": "0.5", boundary + "/Iptc4xmpExt:rbH": "0.9",
            region + "[1]/Iptc4xmpExt:rRole": 'type="Bag"',
            region + "[1]/Iptc4xmpExt:rRole[1]": 'type="Struct"',
            region + "[1]/Iptc4xmpExt:rRole[1]/xmp:Identifier": 'type="Bag"',
            region + "[1]/Iptc4xmpExt:rRole[1]/xmp:Identifier[1]":
                "http://cv.iptc.org/newscodes/imageregionrole/cropping",
        })


def embedded(path: Path) -> dict:
    import pyexiv2
    with pyexiv2.Image(str(path)) as image:
        xmp, iptc = image.read_xmp(), image.read_iptc()

    def first(xmp_key, iptc_key):
        value = xmp.get(xmp_key) or iptc.get(iptc_key) or ""
        if isinstance(value, dict):
            value = value.get('lang="x-default"', "")
        if isinstance(value, list):
            value = ", ".join(value)
        return " ".join(str(value).split())
    return {"caption": first("Xmp.dc.description", "Iptc.Application2.Caption"),
            "credit": first("Xmp.photoshop.Credit", "Iptc.Application2.Credit"),
            "copyright": first("Xmp.dc.rights", "Iptc.Application2.Copyright")}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--out", type=Path, default=REPO / "editions" / "wire-xml")
    args = parser.parse_args(argv)
    corpus, out = args.corpus, args.out
    recs = {json.loads(line)["id"]: json.loads(line)
            for line in (corpus / "articles" / "articles.jsonl").read_text("utf-8").splitlines()}
    if out.exists():
        shutil.rmtree(out)
    (out / "articles").mkdir(parents=True)
    (out / "images").mkdir()
    rows = []

    for source, name in COPIED.items():
        data = (corpus / source).read_bytes()
        (out / "articles" / name).write_bytes(data)
        root = ET.fromstring(data)
        nitf = root if local(root.tag) == "nitf" else next(
            e for e in root.iter() if local(e.tag) == "nitf")
        row = {"id": Path(name).stem, **expected_nitf(nitf, "")}
        if local(root.tag) == "newsItem":       # NewsML-G2 fields win over the inline NITF's
            meta = next(e for e in root.iter() if local(e.tag) == "contentMeta")
            row["headline"] = text(next(e for e in meta if local(e.tag) == "headline"))
            row["copyright"] = text(next(e for e in root.iter()
                                         if local(e.tag) == "copyrightNotice"))
        row["images"] = []
        rows.append(row)

    for rid, section in NITF_STORIES.items():
        rec = recs[rid]
        document = nitf_of(rec)
        (out / "articles" / f"{rid}.xml").write_text(document, encoding="utf-8")
        copyright_ = copyright_line(rec)
        (out / "articles" / f"{rid}.yaml").write_text(
            f"# The desk's additions to {rid}.xml (a wire file's sidecar front matter)\n"
            f"section: {section}\ncopyright: {json.dumps(copyright_, ensure_ascii=False)}\n",
            encoding="utf-8")
        row = {"id": rid, **expected_nitf(ET.fromstring(document.encode()), copyright_)}
        row["images"] = []
        rows.append(row)

    rec = recs[NEWSML_STORY]
    (out / "articles" / f"{NEWSML_STORY}.xml").write_text(newsml_of(rec), encoding="utf-8")
    shutil.copyfile(corpus / "images" / NEWSML_PHOTO, out / "images" / NEWSML_PHOTO)
    photo = embedded(out / "images" / NEWSML_PHOTO)
    rows.append({"id": NEWSML_STORY, "headline": rec["headline"], "deck": [],
                 "byline": rec["byline"] or "DoD News",
                 "body": [value for _, value in body_blocks(rec)],
                 "images": [{"file": f"images/{NEWSML_PHOTO}", "caption": photo["caption"],
                             "credit": "U.S. Navy · Public domain — U.S. Navy photo"}],
                 "copyright": f"Public domain — {rec['source']}"})

    rec = recs[MD_STORY]
    shutil.copyfile(corpus / "images" / REGION_SOURCE, out / "images" / REGION_PHOTO)
    add_region(out / "images" / REGION_PHOTO)
    photo = embedded(out / "images" / REGION_PHOTO)
    body = "\n\n".join(value for _, value in body_blocks(rec))
    (out / "articles" / f"{MD_STORY}.md").write_text(
        "---\n" + f"headline: {json.dumps(rec['headline'], ensure_ascii=False)}\n"
        f"images: [images/{REGION_PHOTO}]\n"
        f"copyright: {json.dumps(copyright_line(rec), ensure_ascii=False)}\n---\n{body}\n",
        encoding="utf-8")
    rows.append({"id": MD_STORY, "headline": rec["headline"], "deck": [], "byline": "",
                 "body": [value for _, value in body_blocks(rec)],
                 "images": [{"file": f"images/{REGION_PHOTO}", "caption": photo["caption"],
                             "credit": f"{photo['credit']} · {photo['copyright']}"}],
                 "copyright": copyright_line(rec)})

    (out / "edition.yaml").write_text(
        "title: The Newsprint Wire\ndate: '2026-11-28'\nissue: 3\nstyle: tabloid\nlang: en\n",
        encoding="utf-8")
    with open(out / "articles.jsonl", "w", encoding="utf-8") as handle:
        for row in sorted(rows, key=lambda r: r["id"]):
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    (out / "LICENSES.md").write_text(licences(recs), encoding="utf-8")
    print(f"wrote {out}: {len(rows)} stories")
    return 0


def licences(recs: dict) -> str:
    lines = ["# Sources and licences of editions/wire-xml", "",
             "Generated by `scripts/make_wire_edition.py` from the project's test corpus. The "
             "wire markup around the corpus stories, `edition.yaml`, the sidecar `.yaml` files "
             "and `articles.jsonl` are the project's.", "",
             "## Copied IPTC sample files", "",
             "* `articles/iptc-nitf-fishing.xml` — the IPTC sample NITF document \"Norfolk "
             "Weather and Tide Updates\" distributed by IPTC with the NITF specification "
             "(NITF 3.2). Author: IPTC. IPTC sample/specification material, free to use for "
             "implementing the standard. Obtained from github.com/superdesk/superdesk-core "
             "`tests/io/fixtures/nitf-fishing.xml`, commit d88152601758.",
             "* `articles/iptc-listing25-diamondbacks.xml` — the `<nitf>` element of the IPTC "
             "NewsML-G2 example LISTING 25 (an XML declaration and a comment added). "
             "Copyright © IPTC, www.iptc.org, CC BY 4.0.",
             "* `articles/iptc-listing2-fed.xml` — IPTC NewsML-G2 example LISTING 2, "
             "github.com/iptc/newsml-g2 `examples/`, commit 7f172b01af0c. Copyright (c) 2019 "
             "IPTC - International Press Telecommunications Council - www.iptc.org, CC BY 4.0.",
             "", "## Corpus stories in wire form", ""]
    for rid in list(NITF_STORIES) + [NEWSML_STORY, MD_STORY]:
        rec = recs[rid]
        lines.append(f"* `articles/{rid}` — {rec['headline']}. Source: {rec['source']}. "
                     f"Licence: {rec['license']}. URL: {rec['url'] or '(not recorded)'}."
                     + (" From Wikinews, the free news source, CC BY 2.5 "
                        "(https://creativecommons.org/licenses/by/2.5/)."
                        if rid.startswith("gum-") else ""))
    lines += ["", "## Photos", "",
              f"* `images/{NEWSML_PHOTO}` — Lt. j.g. John A. Ivancic, U.S. Navy; public domain "
              "(U.S. Navy photo, 17 U.S.C. 105); embedded IPTC caption and credit as published.",
              f"* `images/{REGION_PHOTO}` — the IPTC Photo Metadata reference image 2017.1 "
              "(published by IPTC for testing metadata software; embedded notice 'Copyright "
              "(Notice) 2017.1 IPTC - www.iptc.org'), from github.com/superdesk/superdesk-core "
              "tests/io/fixtures (commit d881526017); an IPTC Image Region (role cropping: the "
              "left half) was added by this script.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
