#!/usr/bin/env python3
"""Generate the sample editions in ``editions/`` from the developer test corpus.

Developer tool only: it reads the read-only corpus (``--corpus``, default ``../shared/corpus`` relative
to the repository root) and writes

    editions/defense-daily-en/   English tabloid sample: ~26 stories, 12 photos, 2 stories as web-copy .txt
    editions/defense-daily-ko/   Korean sample: all 27 Korean Wikinews stories, 4 photos, 1 story as .txt
    editions/wire-en/            every remaining English story with a headline, as .md, no photos

Each edition folder gets ``edition.yaml``, ``articles/``, ``images/`` (if any), ``README.md``,
``LICENSES.md`` and ``articles.jsonl`` (the source text in the schema of the measuring tool
``../shared/tools/pdfcheck``: exactly the text a reader should see, in order).

Nothing in the product reads the corpus; the generated folders are committed. The output is
deterministic: no timestamps, fixed selections, sorted listings. Every Markdown body is checked by
parsing it back with markdown-it-py (a project dependency): the parsed blocks must equal the source
text exactly, or the script stops.

Run:  .venv/bin/python scripts/make_sample_editions.py [--corpus PATH] [--out PATH]
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import urllib.parse
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]

EDITION_DATE = "2026-11-28"
NBSP = "\u00a0"

# Images that must never be copied out of the corpus (see the corpus LICENSES.md).
FORBIDDEN_IMAGES = {
    "cmyk_park_swop_profile.jpg",   # licence not verified
    "cmyk_park_no_profile.jpg",     # licence not verified
    "nps_prairie_falcon_pinnacles.jpg",  # embedded "All rights reserved" conflicts with PD claim
}

# Captions that cameras write by default: not a description of the picture.
CAMERA_DEFAULT_CAPTIONS = {"SONY DSC", "OLYMPUS DIGITAL CAMERA", "DIGITAL CAMERA", "DCIM"}

NAVY_ID = re.compile(r"\d{6}-[A-Z]-[0-9A-Z]{4,6}-\d{3}")

# ---------------------------------------------------------------------------------------------
# Edition 1: The Newsprint Defense Daily (English, tabloid)
# ---------------------------------------------------------------------------------------------

EN_LEAD = "usgov-dod-1500068"
EN_SECOND = ["gum-news-korea", "usgov-iip-20130726279544", "gum-news-nasa", "gum-news-afghan"]
EN_REST = [
    # U.S. government (defence) items that have a headline in the stored copy
    "usgov-dod-1499970", "usgov-dod-1261313", "usgov-dod-1153281", "usgov-dod-1282053",
    "usgov-dod-617282", "usgov-dod-2977447", "usgov-dod-readout-reznikov-13apr",
    "usgov-dod-readout-esper-suh-2020-10-07", "usgov-dod-readout-austin-suh-2021-07-30",
    "usgov-dod-readout-mattis-song-2018-01", "usgov-dod-readout-shanahan-iwaya",
    # Wikinews news reports and interviews
    "gum-news-soccer", "gum-news-sensitive", "gum-news-warhol", "gum-news-asylum",
    "gum-interview-peres", "gum-interview-hill", "gum-interview-cyclone", "gum-interview-herrick",
    "gum-interview-messina", "gum-interview-stardust",
]
# Two stories are delivered as text copied from a news web page instead of Markdown.
EN_TXT = {
    "usgov-dod-1499970": {"email": "desk@example.org",
                          "related": ["usgov-dod-1282053", "usgov-dod-readout-shanahan-iwaya"]},
    "gum-news-asylum": {"email": "newsroom@example.org",
                        "related": ["gum-news-korea", "gum-news-afghan"]},
}
# One photo per story; several deliberately awkward files (size, mode, orientation, alpha).
EN_PHOTOS = {
    "usgov-dod-1500068": "usnavy_t45a_goshawk_kingsville_2008.jpg",        # lead, full IPTC
    "gum-news-korea": "usarmy_10th_mountain_afghanistan_thumb.jpg",         # 100x73 thumbnail
    "usgov-iip-20130726279544": "derived_t45a_goshawk_cmyk.jpg",           # CMYK, no profile
    "gum-news-nasa": "craft_beer_6000px.jpg",                               # 6000x4000
    "gum-news-afghan": "exif_orientation_landscape_6.jpg",                  # EXIF orientation 6
    "usgov-dod-617282": "derived_t45a_goshawk_alpha.png",                   # RGBA PNG
    "gum-news-warhol": "concert_grayscale_pd.jpg",                          # 8-bit grayscale
    "gum-interview-messina": "book_beside_flowers_portrait_large.jpg",      # 3024x4032 portrait
    "gum-interview-cyclone": "el_torcal_rocks_sony_dsc.jpg",                # "SONY DSC" caption
    "gum-news-soccer": "sumo_museum_tokyo_ccby.jpg",                        # CC BY 2.0
    "gum-interview-stardust": "mongol_els_dunes.jpg",                       # short XMP caption
    "gum-news-sensitive": "loc_highsmith_thompson_springs_utah.jpg",       # 150x103, IPTC
}

# ---------------------------------------------------------------------------------------------
# Edition 2: Korean
# ---------------------------------------------------------------------------------------------

KO_LEAD = "kowikinews-1253"
KO_SECOND = ["kowikinews-656", "kowikinews-23", "kowikinews-77"]
KO_TXT = {"kowikinews-1384": {"email": "desk@example.org",
                              "related": ["kowikinews-1253", "kowikinews-971"]}}
KO_PHOTOS = {
    "kowikinews-1253": "japanese_shop_night_large.jpg",                     # 4217x2817
    "kowikinews-8": "usnavy_t45a_goshawk_kingsville_2008.jpg",              # full IPTC
    "kowikinews-432": "usarmy_10th_mountain_afghanistan_thumb.jpg",         # 100x73 thumbnail
    "kowikinews-77": "exif_orientation_portrait_8.jpg",                     # EXIF orientation 8
}

# Facts about an image's authorship found in its source repository (not in images/index.json).
# Printed in LICENSES.md only.
IMAGE_EXTRA_NOTES = {
    "exif_orientation_landscape_6.jpg": (
        "The repository README (recurser/exif-orientation-examples at commit 219294e144, section "
        "Credits) says: \"The sample landscape image is by Pierre Bouillot "
        "(https://unsplash.com/photos/v15iOM6pWgI)\"; the orientation-labelled test images are "
        "\"licensed under the MIT License. Copyright (c) 2010 Dave Perrett\"."),
    "exif_orientation_portrait_8.jpg": (
        "The repository README (recurser/exif-orientation-examples at commit 219294e144, section "
        "Credits) says: \"The sample portrait image is by John Salvino "
        "(https://unsplash.com/photos/1PPpwrTNkJI)\"; the orientation-labelled test images are "
        "\"licensed under the MIT License. Copyright (c) 2010 Dave Perrett\"."),
}

MIT_TEXT = """MIT License

Copyright (c) 2010 Dave Perrett

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""

EN_EDITION_COPYRIGHT = "<Copyright ⓒ Newsprint sample edition, articles under their own licences>"
KO_EDITION_COPYRIGHT = "<저작권자 ⓒ 뉴스프린트 견본판, 기사는 각 기사의 라이선스를 따름>"


# =============================================================================================
# Corpus records -> body blocks
# =============================================================================================

# corpus block type -> our block kind (None: not part of the printed body)
BLOCK_KIND = {
    "headline": None,      # goes to front matter
    "dateline": None,      # Wikinews date line ("Wednesday, April 13, 2011"); not in `body`
    "figure": None,        # caption of a picture the corpus does not have
    "pullquote": None,     # repeats body sentences (+ an attribution line)
    "subhead": "subhead",
    "paragraph": "paragraph",
    "speech": "paragraph",   # an interview turn
    "incident": "paragraph",
    "caption": "paragraph",  # text block in the body (e.g. a poem's permission line)
    "quote": "quote",
    "verse": "quote",
    "list": "item",          # GUM marks the first list item `list`, the rest `item`
    "item": "item",
}


def body_blocks(rec: dict) -> list[tuple[str, str]]:
    """The printed body of a corpus record as (kind, text) pairs, kind in
    paragraph/subhead/quote/item. Checks that nothing of ``body`` is lost."""
    blocks = rec.get("blocks")
    if not blocks:
        out = [("paragraph", p) for p in rec["body"]]
    else:
        out = []
        for b in blocks:
            t = b.get("type")
            if t not in BLOCK_KIND:
                raise SystemExit(f"{rec['id']}: unknown block type {t!r}")
            kind = BLOCK_KIND[t]
            if kind is not None:
                out.append((kind, b["text"]))
    non_sub = [text for kind, text in out if kind != "subhead"]
    if non_sub != rec["body"]:
        raise SystemExit(f"{rec['id']}: blocks do not reproduce the corpus body")
    for kind, text in out:
        if not text or text != text.strip() or "\n" in text or "\r" in text:
            raise SystemExit(f"{rec['id']}: unexpected whitespace in a {kind}: {text[:60]!r}")
    return out


# =============================================================================================
# Markdown escaping (CommonMark, as parsed by markdown-it-py)
# =============================================================================================

_ENTITY = re.compile(r"&(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_HTML_OR_AUTOLINK = re.compile(r"<(?=[A-Za-z/!?])")
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")


def md_inline(text: str) -> str:
    """Escape what CommonMark inline parsing would eat; nothing else."""
    text = text.replace("\\", "\\\\")
    text = text.replace("`", "\\`")
    text = text.replace("*", "\\*")
    if re.search(r"\](?=[(\[:])", text):     # [text](url), [text][ref], [ref]: definition
        text = text.replace("[", "\\[")      # (a lone "[1]" or "[sic]" stays literal)
    text = _UNDERSCORE.sub(r"\\_", text)          # intraword _ (snake_case) is literal already
    text = _ENTITY.sub(r"\\&\1", text)            # &amp; &#169; would be decoded
    text = _HTML_OR_AUTOLINK.sub(r"\\<", text)    # <b>, </x>, <!--, <http://…>
    text = text.replace("~~", "\\~\\~")           # strikethrough in the GFM-like preset
    return text


_LINE_START_DIGITS = re.compile(r"^(\d{1,9})([.)])(?=[ \t]|$)")


def md_block_text(text: str, kind: str) -> str:
    """Escape a block's text, including what would make it a heading, quote, list, code fence or
    HTML block when it stands at the start of a line."""
    s = md_inline(text)
    if s[0] in "#>-+<" or s.startswith("~~~"):
        s = "\\" + s                    # ATX heading, block quote, list item, HTML, fence
    else:
        s = _LINE_START_DIGITS.sub(r"\1\\\2", s)   # "1. " / "1) " ordered list
    if kind == "subhead" and s.endswith("#"):
        s = s[:-1] + "\\#"              # would be taken as the heading's closing sequence
    return s


def render_body_md(blocks: list[tuple[str, str]]) -> str:
    prefix = {"paragraph": "", "subhead": "## ", "quote": "> ", "item": "- "}
    return "\n\n".join(prefix[k] + md_block_text(t, k) for k, t in blocks) + "\n"


def check_markdown(md: str, blocks: list[tuple[str, str]], what: str) -> None:
    """Parse the body back (markdown-it-py, CommonMark and default presets) and compare."""
    try:
        from markdown_it import MarkdownIt
    except ImportError:  # pragma: no cover
        raise SystemExit("markdown-it-py is needed to check the generated Markdown "
                         "(it is a project dependency: use the project venv)")
    for preset in ("commonmark", "default"):
        tokens = MarkdownIt(preset).parse(md)
        got: list[tuple[str, str]] = []
        stack: list[str] = []
        prev_type = None
        for tok in tokens:
            if tok.type in ("blockquote_open", "bullet_list_open", "list_item_open"):
                stack.append(tok.type)
            elif tok.type in ("blockquote_close", "bullet_list_close", "list_item_close"):
                stack.pop()
            elif tok.type in ("ordered_list_open", "html_block", "code_block", "fence", "hr",
                              "table_open"):
                raise SystemExit(f"{what}: markdown produced {tok.type}")
            elif tok.type == "heading_open" and tok.tag != "h2":
                raise SystemExit(f"{what}: markdown produced {tok.tag}")
            elif tok.type == "inline":
                text = []
                for child in tok.children or []:
                    if child.type in ("text", "text_special"):
                        text.append(child.content)
                    else:
                        raise SystemExit(f"{what}: markdown produced inline {child.type}: "
                                         f"{tok.content[:80]!r}")
                if stack and stack[-1] == "list_item_open":
                    kind = "item"
                elif stack and stack[-1] == "blockquote_open":
                    kind = "quote"
                elif prev_type == "heading_open":
                    kind = "subhead"
                else:
                    kind = "paragraph"
                got.append((kind, "".join(text)))
            prev_type = tok.type
        if got != blocks:
            for a, b in zip(got, blocks):
                if a != b:
                    raise SystemExit(f"{what} ({preset}): parsed {a!r} != source {b!r}")
            raise SystemExit(f"{what} ({preset}): {len(got)} blocks parsed, {len(blocks)} expected")


# =============================================================================================
# Images: caption, credit, licence notes
# =============================================================================================

def clean_caption(raw: str | None) -> str | None:
    if raw is None:
        return None
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if len(lines) > 1 and NAVY_ID.fullmatch(lines[0].strip()):
        lines = lines[1:]                     # the Navy photo ID alone on its own line
    text = " ".join(lines).strip()
    return text or None


def _strip_paren(s: str) -> str:
    return re.sub(r"\s*\([^()]*\)\s*$", "", s).strip()


def licence_short(lic: str) -> str:
    if lic.lower().startswith("public domain"):
        return "public domain"
    if lic.startswith("MIT"):
        return "MIT"
    m = re.match(r"CC BY(-SA)? \d\.\d", lic)
    if m:
        return m.group(0)
    return lic


def image_caption_credit(img: dict, by_file: dict, prefix: str) -> tuple[str, str, str]:
    """(caption, credit, how) from the image's own metadata in images/index.json."""
    cap = clean_caption(img.get("caption"))
    how = "embedded caption"
    if cap in CAMERA_DEFAULT_CAPTIONS:
        cap = None
        how_default = f"embedded caption is the camera default {img['caption']!r}"
    else:
        how_default = "no embedded caption"
    if cap is None and img.get("derived"):
        m = re.search(r"derived from U\.S\. Navy photo (\S+\.jpg)", img["license"])
        parent = by_file.get(m.group(1)) if m else None
        if parent and clean_caption(parent.get("caption")):
            cap = clean_caption(parent["caption"])
            how = f"derived file without metadata: caption of the original {parent['file']}"
    if cap is None:
        cap = f"{prefix}{img['source']}"
        how = f"{how_default}: caption made from index.json `source`"
    byline = (img.get("byline") or "").strip()
    credit = (img.get("credit") or "").strip()
    if byline or credit:
        text = ", ".join(p for p in (byline, credit) if p)
        if not text.lower().startswith(("photo", "사진")):
            text = prefix + text
        how += "; credit from embedded by-line/credit"
    else:
        author = _strip_paren(img["author"])
        if author.lower() in ("not documented", "unknown", ""):
            author = "photographer not documented"
        text = f"{prefix}{author} ({licence_short(img['license'])})"
        how += "; credit from index.json `author` + `license`"
    return cap, text, how


def image_source_url(img: dict) -> str:
    if img.get("repo"):
        return (f"https://github.com/{img['repo']}/blob/{img['repo_commit']}/"
                + urllib.parse.quote(img["repo_path"]))
    return "(derived in the corpus, see notes)"


# =============================================================================================
# Records: copyright lines, sections, attribution
# =============================================================================================

def display_url(url: str | None) -> str | None:
    """The address as a browser shows it (percent-escapes of non-ASCII decoded)."""
    if not url:
        return None
    return urllib.parse.unquote(url)


def publisher(rec: dict) -> str:
    """Short publisher name: the corpus `source` up to its first qualifier."""
    return re.split(r" \(| — |, via ", rec["source"])[0].strip()


def copyright_line(rec: dict) -> str:
    url = display_url(rec.get("url"))
    if rec["id"].startswith("gum-"):
        return f"<ⓒ Wikinews contributors, CC BY 2.5 — {url}>"
    if rec["id"].startswith("kowikinews-"):
        return f"<저작권자 ⓒ 위키뉴스 기고자, CC BY 2.5 — {url}>"
    if rec["id"].startswith("usgov-"):
        return f"<Public domain — {rec['source']}>"
    raise SystemExit(f"no copyright rule for {rec['id']}")


def section_of(rec: dict) -> str:
    rid = rec["id"]
    if rid.startswith("usgov-"):
        return "Defense"
    if rid.startswith("gum-interview-"):
        return "Interview"
    if rid.startswith("gum-news-"):
        return "News"
    if rid.startswith("kowikinews-"):
        return "뉴스"
    raise SystemExit(f"no section rule for {rid}")


def author_of(rec: dict) -> str:
    rid = rec["id"]
    if rid.startswith("gum-"):
        return "Wikinews contributors (https://en.wikinews.org)"
    if rid.startswith("kowikinews-"):
        return "위키뉴스 (Korean Wikinews) contributors (https://ko.wikinews.org)"
    return rec["source"] + (f"; byline: {rec['byline']}" if rec["byline"] else "")


# =============================================================================================
# Writing one edition
# =============================================================================================

def dump_yaml(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def words(blocks: list[tuple[str, str]]) -> int:
    return sum(len(t.split()) for _, t in blocks)


class Edition:
    def __init__(self, out: Path, name: str, lang: str):
        self.dir = out / name
        self.name = name
        self.lang = lang
        self.items: list[dict] = []      # running order
        self.images: dict[str, dict] = {}

    # -- articles ---------------------------------------------------------------------------
    def add_md(self, rec: dict, priority: int, image: dict | None):
        blocks = body_blocks(rec)
        fm: dict = {"headline": rec["headline"]}
        if rec.get("deck"):
            fm["deck"] = list(rec["deck"])
        fm["byline"] = rec["byline"]
        fm["section"] = section_of(rec)
        fm["priority"] = priority
        fm["lang"] = self.lang
        images = []
        if image is not None:
            images.append({"file": f"images/{image['file']}", "caption": image["caption"],
                           "credit": image["credit"]})
            fm["images"] = images
        fm["copyright"] = copyright_line(rec)
        body = render_body_md(blocks)
        check_markdown(body, blocks, f"{self.name}/{rec['id']}.md")
        text = "---\n" + dump_yaml(fm) + "---\n\n" + body
        check = yaml.safe_load(text.split("---\n", 2)[1])
        if check != fm:
            raise SystemExit(f"{rec['id']}: front matter does not round-trip")
        self.items.append({"rec": rec, "file": f"{rec['id']}.md", "content": text, "blocks": blocks,
                           "images": images, "byline": rec["byline"], "copyright": fm["copyright"],
                           "priority": priority, "section": fm["section"], "kind": "md"})

    def add_txt(self, rec: dict, nav: list[str], byline_line: str,
                copyright: str, related_label: str, related: list[str]):
        blocks = body_blocks(rec)
        if any(k != "paragraph" for k, _ in blocks):
            raise SystemExit(f"{rec['id']}: .txt copies are for paragraph-only stories")
        lines = list(nav) + [rec["headline"], ""]
        for i, (_, para) in enumerate(blocks):
            if i:
                lines.append(NBSP if i % 2 else "")    # some "blank" lines hold a no-break space
            lines.append(para)
        lines += ["", byline_line, copyright, "", related_label] + related
        text = "\n".join(lines) + "\n"
        self.items.append({"rec": rec, "file": f"{rec['id']}.txt", "content": text,
                           "blocks": blocks, "images": [], "byline": byline_line,
                           "copyright": copyright, "priority": None, "section": None,
                           "kind": "txt"})

    # -- output -------------------------------------------------------------------------------
    def write(self, corpus: Path, meta: dict, readme: str, licences: str):
        if self.dir.exists():
            shutil.rmtree(self.dir)
        (self.dir / "articles").mkdir(parents=True)
        for it in self.items:
            (self.dir / "articles" / it["file"]).write_text(it["content"], encoding="utf-8")
        if self.images:
            (self.dir / "images").mkdir()
            for fname in sorted(self.images):
                if fname in FORBIDDEN_IMAGES:
                    raise SystemExit(f"refusing to copy {fname}")
                shutil.copyfile(corpus / "images" / fname, self.dir / "images" / fname)
        (self.dir / "edition.yaml").write_text(dump_yaml(meta), encoding="utf-8")
        with open(self.dir / "articles.jsonl", "w", encoding="utf-8") as f:
            for it in self.items:
                row = {"id": Path(it["file"]).stem, "headline": it["rec"]["headline"],
                       "deck": list(it["rec"].get("deck") or []), "byline": it["byline"],
                       "body": [t for _, t in it["blocks"]], "images": it["images"],
                       "copyright": it["copyright"]}
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        (self.dir / "README.md").write_text(readme, encoding="utf-8")
        (self.dir / "LICENSES.md").write_text(licences, encoding="utf-8")

    # -- facts for README/LICENSES ------------------------------------------------------------
    def total_words(self) -> int:
        return sum(words(it["blocks"]) for it in self.items)


# =============================================================================================
# README / LICENSES text
# =============================================================================================

def article_table(ed: Edition) -> str:
    rows = ["| # | file | section | priority | words | photo | headline |",
            "|---|---|---|---|---|---|---|"]
    for n, it in enumerate(ed.items, 1):
        photo = it["images"][0]["file"].split("/", 1)[1] if it["images"] else ""
        rows.append(f"| {n} | `{it['file']}` | {it['section'] or '(txt)'} | "
                    f"{it['priority'] if it['priority'] is not None else '(txt)'} | "
                    f"{words(it['blocks'])} | {photo} | {it['rec']['headline'].replace('|', '/')} |")
    return "\n".join(rows)


def image_table(ed: Edition) -> str:
    if not ed.images:
        return "No photos.\n"
    rows = ["| file | pixels, mode | used by | caption / credit source |", "|---|---|---|---|"]
    for fname in sorted(ed.images):
        info = ed.images[fname]
        rows.append(f"| `images/{fname}` | {info['img']['width']}×{info['img']['height']} "
                    f"{info['img']['mode']}, {info['img']['orientation'] or 'no orientation tag'} | "
                    f"`{info['used_by']}` | {info['how']} |")
    return "\n".join(rows) + "\n"


def licences_md(ed: Edition, title: str, corpus_note: str) -> str:
    out = [f"# LICENSES — {title}", "",
           "Every article and photo in this folder was written or taken by other people and comes "
           "from the project's developer test corpus (`../shared/corpus`, see its LICENSES.md). "
           "Below, for every file: its source, author, licence and address. The Markdown/text "
           "conversion, the front matter, the printed copyright lines, the photo credits made "
           "from metadata, `edition.yaml`, `articles.jsonl` and these notes are the project's "
           "(generated by `scripts/make_sample_editions.py`).", "", corpus_note, "",
           "## Articles", ""]
    for it in sorted(ed.items, key=lambda i: i["file"]):
        rec = it["rec"]
        out.append(f"### `articles/{it['file']}`")
        out.append(f"* **Headline:** {rec['headline']}")
        out.append(f"* **Source:** {rec['source']}")
        out.append(f"* **Author:** {author_of(rec)}")
        out.append(f"* **Licence:** {rec['license']}")
        out.append(f"* **URL:** {rec['url'] or '(not recorded in the corpus)'}")
        if rec.get("date"):
            out.append(f"* **Published:** {rec['date']}")
        if rec["id"].startswith(("gum-", "kowikinews-")):
            out.append(f"* **Attribution:** From Wikinews, the free news source: {rec['headline']}, "
                       f"{rec['url']}, CC BY 2.5 (https://creativecommons.org/licenses/by/2.5/)")
        notes = []
        meta = rec.get("meta") or {}
        if meta.get("excerpt_of_page_section"):
            notes.append("excerpt of one section of the Wikinews page (as in GUM)")
        if meta.get("possibly_truncated"):
            notes.append("the stored copy may be cut at the end")
        if rec["id"] == "kowikinews-583":
            notes.append("the Wikinews article is itself a republication of a Voice of America "
                         "Korean report")
        if rec["id"].startswith("gum-"):
            notes.append("only the original Wikinews text is used (GUM annotations, CC BY 4.0, are "
                         "not included)")
        types = {b.get("type") for b in rec.get("blocks") or []}
        if "figure" in types:
            notes.append("the page's picture captions are left out (the pictures are not in the "
                         "corpus)")
        if "pullquote" in types:
            notes.append("pull quotes are left out (they repeat body sentences)")
        if "dateline" in types:
            notes.append("the Wikinews date line is left out")
        if it["kind"] == "txt":
            notes.append("laid out as text copied from a web page: the navigation lines, the "
                         "e-mail address in the byline line and the 'related' list are sample "
                         "furniture added by the project, not part of the source")
        if notes:
            out.append("* **Notes:** " + "; ".join(notes))
        out.append("")
    if ed.images:
        out += ["## Photos", ""]
        for fname in sorted(ed.images):
            img = ed.images[fname]["img"]
            out.append(f"### `images/{fname}`")
            out.append(f"* **Author:** {img['author']}")
            out.append(f"* **Licence:** {img['license']}")
            m = re.match(r"CC BY (\d\.\d)", img["license"])
            if m:
                out.append(f"* **Licence text:** https://creativecommons.org/licenses/by/{m.group(1)}/")
            out.append(f"* **Source:** {img['source']}")
            out.append(f"* **URL:** {image_source_url(img)}")
            out.append(f"* **Pixels / mode:** {img['width']}×{img['height']} {img['mode']} "
                       f"{img['format']}, {img['bytes']} bytes, sha256 `{img['sha256']}`")
            out.append(f"* **Printed caption:** {ed.images[fname]['caption']}")
            out.append(f"* **Printed credit:** {ed.images[fname]['credit']}")
            if img.get("derived"):
                out.append("* **Derived:** made in the corpus with Pillow from the public-domain "
                           "U.S. Navy photo `usnavy_t45a_goshawk_kingsville_2008.jpg`")
            if fname in IMAGE_EXTRA_NOTES:
                out.append(f"* **Note:** {IMAGE_EXTRA_NOTES[fname]}")
            out.append("")
        if any(img["img"]["license"].startswith("MIT") for img in ed.images.values()):
            out += ["### MIT License text (for the `exif_orientation_*` photos)", "", "```",
                    MIT_TEXT.rstrip("\n"), "```", ""]
    return "\n".join(out)


CORPUS_NOTE_EN = (
    "Corpus licence notes carried along: Wikinews articles (`gum-*`) are © Wikinews contributors "
    "under CC BY 2.5, the licence of all Wikinews content published after 25 September 2005; they "
    "were obtained from the GUM corpus (github.com/amir-zeldes/gum, commit 72ce5ac14978), whose own "
    "annotations (CC BY 4.0) are not used. U.S. government items (`usgov-*`) are works of the U.S. "
    "federal government, public domain in the United States (17 U.S.C. § 105); they were transcribed "
    "verbatim from stored copies of the public pages (some from republishers named in `source`), with "
    "website chrome removed and nothing added.")
CORPUS_NOTE_KO = (
    "Corpus licence notes carried along: Korean Wikinews (위키뉴스) articles are © Korean Wikinews "
    "contributors under CC BY 2.5; they were obtained from the boddari Korean open-text collection "
    "(github.com/yiunsr/boddari, commit 9d21b9ef7e70, file wikinews/wikinews.db, scraped 2023-02-22; "
    "boddari's code is Apache-2.0, the Wikinews text stays CC BY 2.5). Paragraph breaks are the "
    "scraper's line breaks; footnote markers such as [1] are part of the text.")


# =============================================================================================
# main
# =============================================================================================

def load_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def attach_image(ed: Edition, by_file: dict, fname: str, rid: str, prefix: str) -> dict:
    if fname in FORBIDDEN_IMAGES:
        raise SystemExit(f"{fname} must not be copied")
    img = by_file[fname]
    cap, credit, how = image_caption_credit(img, by_file, prefix)
    if fname in ed.images:
        raise SystemExit(f"{fname} used twice in {ed.name}")
    ed.images[fname] = {"img": img, "caption": cap, "credit": credit, "how": how, "used_by": rid}
    return {"file": fname, "caption": cap, "credit": credit}


def build_en(corpus: Path, out: Path, recs: dict, by_file: dict) -> tuple[Edition, list[str]]:
    ed = Edition(out, "defense-daily-en", "en")
    order = [EN_LEAD] + EN_SECOND + EN_REST
    if len(set(order)) != len(order):
        raise SystemExit("duplicate article in the English selection")
    for rid in order:
        rec = recs[rid]
        if not rec["headline"]:
            raise SystemExit(f"{rid} has no headline")
        if rid in EN_TXT:
            spec = EN_TXT[rid]
            name = rec["byline"] or publisher(rec)
            ed.add_txt(rec, ["Home", "News", "Defense"], f"By {name} <{spec['email']}>",
                       copyright_line(rec), "Related articles",
                       [recs[r]["headline"] for r in spec["related"]])
            continue
        prio = 1 if rid == EN_LEAD else 2 if rid in EN_SECOND else 3
        image = attach_image(ed, by_file, EN_PHOTOS[rid], rid, "Photo: ") if rid in EN_PHOTOS else None
        ed.add_md(rec, prio, image)
    meta = {"title": "The Newsprint Defense Daily", "date": EDITION_DATE, "issue": 1,
            "style": "tabloid", "lang": "en", "copyright": EN_EDITION_COPYRIGHT,
            "articles": [it["file"] for it in ed.items]}
    return ed, meta


def build_ko(corpus: Path, out: Path, recs: dict, by_file: dict) -> tuple[Edition, dict]:
    ed = Edition(out, "defense-daily-ko", "ko")
    rest = sorted((r for r in recs if r != KO_LEAD and r not in KO_SECOND),
                  key=lambda r: (recs[r]["date"] or "", r), reverse=True)
    order = [KO_LEAD] + KO_SECOND + rest
    for rid in order:
        rec = recs[rid]
        if rid in KO_TXT:
            spec = KO_TXT[rid]
            url = display_url(rec["url"])
            ed.add_txt(rec, ["홈", "뉴스", "국방"], f"홍길동 기자 {spec['email']}",
                       f"<저작권자 ⓒ 위키뉴스 기고자, CC BY 2.5 — {url}, 출처를 밝히면 전재 및 재배포 가능>",
                       "관련 기사", [recs[r]["headline"] for r in spec["related"]])
            continue
        prio = 1 if rid == KO_LEAD else 2 if rid in KO_SECOND else 3
        image = attach_image(ed, by_file, KO_PHOTOS[rid], rid, "사진: ") if rid in KO_PHOTOS else None
        ed.add_md(rec, prio, image)
    meta = {"title": "뉴스프린트 국방신문", "date": EDITION_DATE, "issue": 1, "style": "korean",
            "lang": "ko", "copyright": KO_EDITION_COPYRIGHT,
            "articles": [it["file"] for it in ed.items]}
    return ed, meta


def build_wire(out: Path, recs: dict, used: set[str]) -> tuple[Edition, dict, list[str]]:
    ed = Edition(out, "wire-en", "en")
    skipped = []
    for rid in sorted(recs):
        if rid in used:
            continue
        rec = recs[rid]
        if not rec["headline"]:
            skipped.append(rid)
            continue
        ed.add_md(rec, 3, None)
    meta = {"title": "Newsprint Wire (English)", "date": EDITION_DATE, "issue": 1, "lang": "en",
            "copyright": EN_EDITION_COPYRIGHT}
    return ed, meta, skipped


def common_readme_notes(lang: str) -> str:
    return """## Conventions used in these files

* Article bodies are the corpus text, unchanged. For English Wikinews/U.S. government records the
  body is built from the corpus `blocks`: `subhead` → `## `, `quote` and `verse` → `> `, `list`/`item`
  → `- `, `paragraph`/`speech` (interview turns)/`incident`/`caption` → paragraphs. Left out:
  `headline` (front matter), `dateline` (the Wikinews date line), `figure` (captions of pictures the
  corpus does not have) and `pullquote` (repeats body sentences). Records without `blocks` use `body`.
  Double spaces after full stops in DoD releases, `--`, `[…]` editorial brackets, `` `` `` quotes and
  Korean footnote markers `[1]` are kept as published.
* Markdown escaping: only what CommonMark would otherwise eat is backslash-escaped (`\\`, `` ` ``,
  `*`, `[` when a `]` is followed by `(`, `[` or `:`, `_` at word edges, `&name;` entities, `<` before a letter, `/`, `!` or `?`, and a block
  that starts with `#`, `>`, `-`, `+`, `<`, `~~~` or a number followed by `.`/`)`; a `#` ending a
  subhead). The generator
  parses every body back with markdown-it-py (CommonMark and default presets) and stops unless the
  parsed text equals the source text exactly.
* Front matter is written with `yaml.safe_dump(..., allow_unicode=True, sort_keys=False, width=1000)`.
  Keys used: headline, byline (may be empty: most sources print none), section, priority, lang,
  images, copyright. No `deck`: none of the sources has one. No `email` in `.md` files.
* Copyright lines are printed text, angle brackets included. The URL in them is the corpus URL with
  percent-escapes decoded (as a browser shows it); `LICENSES.md` gives the URL exactly as recorded.
* `articles.jsonl` holds, per article (id = file stem), the text a reader should see: headline,
  deck, byline, body (subheads and list items as their own entries), images, copyright — for
  measuring a built PDF with `../shared/tools/pdfcheck PDF --articles articles.jsonl`.
"""


def photo_notes(prefix: str) -> str:
    return f"""## Photo captions and credits

Captions and credits come from each photo's own embedded metadata as listed in the corpus
`images/index.json`: the IPTC/XMP caption (carriage returns turned into spaces; a U.S. Navy photo ID
such as `080604-N-2798I-002` is dropped only when it stands alone on the first line) and the
by-line/credit fields ("{prefix}by-line, credit"). Where a photo has no caption, or only the camera
default "SONY DSC", the caption is made from index.json's own `source` field ("{prefix}<source>"),
and the credit from its `author` and `license` fields ("{prefix}<author> (<licence>)"; "photographer
not documented" where the corpus says so). The two `derived_*` files (made in the corpus from the
public-domain T-45A photo, metadata not copied) carry the original photo's caption. Nothing is
invented; the captions therefore describe the photos, not the stories they are attached to.
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus",
                    help="the developer test corpus (default: ../shared/corpus from the repo root)")
    ap.add_argument("--out", type=Path, default=REPO / "editions",
                    help="where to write the edition folders (default: editions/)")
    args = ap.parse_args(argv)
    corpus = args.corpus.resolve()
    out = args.out.resolve()
    if not (corpus / "articles" / "articles.jsonl").is_file():
        ap.error(f"no corpus at {corpus}")

    en = {r["id"]: r for r in load_jsonl(corpus / "articles" / "articles.jsonl")}
    ko = {r["id"]: r for r in load_jsonl(corpus / "korean" / "articles.jsonl")}
    with open(corpus / "images" / "index.json", encoding="utf-8") as f:
        by_file = {i["file"]: i for i in json.load(f)}

    # 1. English tabloid
    ed_en, meta_en = build_en(corpus, out, en, by_file)
    used = {it["rec"]["id"] for it in ed_en.items}
    n_txt = sum(1 for it in ed_en.items if it["kind"] == "txt")
    readme_en = f"""# The Newsprint Defense Daily — English sample edition

A real-material sample edition for Newsprint: {len(ed_en.items)} stories ({ed_en.total_words():,} body
words, about {ed_en.total_words() / 1500:.0f} tabloid pages at ~1,500 words a page with headlines and photos) and
{len(ed_en.images)} photos. {len(ed_en.items) - n_txt} stories are Markdown (`articles/*.md`), {n_txt} are
plain text as copied from a news web page (`articles/*.txt`). `style: tabloid`, `lang: en`.

Generated by `scripts/make_sample_editions.py` from the developer corpus (`../shared/corpus`); do not
edit by hand — change the script and run it again:

    .venv/bin/python scripts/make_sample_editions.py

Sources: U.S. Department of Defense releases and stories (public domain) and Wikinews news reports
and interviews (CC BY 2.5). Every file's source, author, licence and URL: `LICENSES.md`.

## Running order

The order of `articles:` in `edition.yaml`. Priority 1 is the lead (a defence story), 2 the strong
stories, 3 the rest; sections come from the corpus id prefix (`usgov-*` → Defense, `gum-news-*` →
News, `gum-interview-*` → Interview).

{article_table(ed_en)}

## Photos

{image_table(ed_en)}
{photo_notes("Photo: ")}
## The `.txt` stories (web copy-paste form)

`{'`, `'.join(it['file'] for it in ed_en.items if it['kind'] == 'txt')}`: navigation lines ("Home",
"News", "Defense"), the headline, one blank line, the body paragraphs separated by blank lines of which
every other one holds a single no-break space (U+00A0), then a byline line "By <corpus byline or
publisher> <e-mail>", the copyright line in angle brackets and a trailing "Related articles" list with
the headlines of two other stories of this edition. **The e-mail addresses (`desk@example.org`,
`newsroom@example.org`) are placeholders** on the reserved example.org domain, not anybody's address.
The byline name is the publisher (the corpus records print no byline). Only the headline, the byline
name, the body and the copyright line are meant to be printed (see `articles.jsonl`).

{common_readme_notes("en")}
## Left out

Corpus records with `headline: null` (the stored copy began below the headline) are not used in any
edition, since a headline is required and none is invented: see `../wire-en/README.md`.
"""
    ed_en.write(corpus, meta_en, readme_en, licences_md(ed_en, "The Newsprint Defense Daily",
                                                        CORPUS_NOTE_EN))

    # 2. Korean
    ed_ko, meta_ko = build_ko(corpus, out, ko, by_file)
    chars_ko = sum(len(t) for it in ed_ko.items for _, t in it["blocks"])
    readme_ko = f"""# 뉴스프린트 국방신문 — Korean sample edition

All {len(ed_ko.items)} Korean Wikinews (위키뉴스) articles of the corpus ({chars_ko:,} body characters,
{ed_ko.total_words():,} space-separated words) with {len(ed_ko.images)} photos. `style: korean`,
`lang: ko`. {len(ed_ko.items) - 1} stories are Markdown, 1 is plain text as copied from a web page.

Generated by `scripts/make_sample_editions.py` from the developer corpus; do not edit by hand.
Licences: `LICENSES.md` (all articles CC BY 2.5).

## Running order

Lead (priority 1): the Yeonpyeong shelling report; priority 2: three major stories; then the rest
by publication date, newest first. Section: 뉴스 for all (the corpus has no section for these).

{article_table(ed_ko)}

## Photos

The corpus has no image files for the Korean articles (their own captions, e.g. "윤봉길함", belong to
Wikimedia Commons pictures that are not in the corpus, so they are not used). The {len(ed_ko.images)}
photos are allowed corpus photos with their own (English) captions:

{image_table(ed_ko)}
{photo_notes("사진: ")}
## The `.txt` story (web copy-paste form)

`{'`, `'.join(it['file'] for it in ed_ko.items if it['kind'] == 'txt')}`: navigation lines (홈, 뉴스, 국방),
headline, one blank line, body paragraphs separated by blank lines (every other one a single no-break
space U+00A0), then the byline line `홍길동 기자 desk@example.org` and a copyright line
`<저작권자 ⓒ 위키뉴스 기고자, CC BY 2.5 — URL, 출처를 밝히면 전재 및 재배포 가능>`, then a "관련 기사" list.
**The byline is a placeholder**: 홍길동 is the conventional Korean placeholder name (like "John Doe"),
and `desk@example.org` a reserved example address; the Wikinews article has no byline. The copyright
line follows the Korean newspaper form `<저작권자 ⓒ …, …>`, but ends with "redistribution allowed with
attribution" instead of the usual 무단전재 및 재배포 금지 ("no reproduction without permission"), which
would contradict the article's CC BY 2.5 licence.

{common_readme_notes("ko")}"""
    ed_ko.write(corpus, meta_ko, readme_ko, licences_md(ed_ko, "뉴스프린트 국방신문", CORPUS_NOTE_KO))

    # 3. Wire
    ed_w, meta_w, skipped = build_wire(out, en, used)
    readme_w = f"""# Newsprint Wire (English) — the rest of the English corpus

{len(ed_w.items)} English stories ({ed_w.total_words():,} body words), Markdown only, no photos: every
English corpus article with a headline that is not in `../defense-daily-en/`. Used by the benchmark
to build larger editions. `edition.yaml` has no `articles:` list (file-name order, all priority 3)
and no `style`.

Generated by `scripts/make_sample_editions.py` from the developer corpus; do not edit by hand.
Licences: `LICENSES.md`.

{article_table(ed_w)}

## Not included

These corpus records have `headline: null` (the stored copy began below the headline;
`meta.headline_missing_in_stored_copy`) and no original title in `meta`; a headline is required
and none is invented, so they are in no edition: {", ".join(f"`{s}`" for s in skipped)}.

{common_readme_notes("en")}"""
    ed_w.write(corpus, meta_w, readme_w, licences_md(ed_w, "Newsprint Wire (English)",
                                                     CORPUS_NOTE_EN))

    for ed in (ed_en, ed_ko, ed_w):
        print(f"{ed.name}: {len(ed.items)} articles, {ed.total_words()} words, "
              f"{len(ed.images)} photos -> {ed.dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
