"""Tier 2/3: wire input end to end — NITF / NewsML-G2 files and photos with embedded IPTC
built into a PDF and read back; hostile XML through the command line; furniture in Korean.

Contract: every caption, credit and photo copyright line of ``editions/wire-xml`` prints (most
from the photos' own IPTC/XMP); hostile XML fails cleanly (exit 1, the file named, no
traceback, no PDF, nothing from outside the edition in the output); a Korean edition prints
no English furniture.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from layout.build import build_edition
from layout.cli import main
from layout.compose.blocks import credit_line
from layout.sources.xmlsafe import MAX_XML_BYTES

from test_samples import (EDITIONS, join_lines, normalise_word, pdf_text, squeeze,
                          text_in_article_boxes)

NITF = ("<nitf><body><body.head><hedline><hl1>Tides high in Norfolk</hl1></hedline>"
        "</body.head><body.content><p>{body}</p></body.content></body></nitf>")


def test_every_caption_credit_and_photo_copyright_prints_inside_its_story(built):
    result = built("wire-xml")
    texts = text_in_article_boxes(result)
    figures = 0
    for article in result.edition.articles:
        printed = normalise_word(texts[article.id])
        for figure in article.figures:
            figures += 1
            assert figure.caption and normalise_word(figure.caption) in printed
            assert normalise_word(credit_line(figure)) in printed
    assert figures == 2


def test_the_wire_edition_prints_the_photos_own_iptc_fields(built):
    result = built("wire-xml")
    text = squeeze(join_lines("\n".join(pdf_text(result.pdf)))).casefold()
    for field in ("Thedescriptionakacaption(ref2017.1)", "CreditLine(ref2017.1)",
                  "Copyright(Notice)2017.1IPTC-www.iptc.org(ref2017.1)",
                  "080604-N-2798I-002KINGSVILLE,Texas"):
        assert field.casefold() in text, field
    expected = [json.loads(line) for line in
                (EDITIONS / "wire-xml" / "articles.jsonl").read_text("utf-8").splitlines()]
    assert len(expected) == len(result.edition.articles) == 7


def test_korean_edition_prints_its_furniture_in_korean(built):
    result = built("defense-daily-ko")
    pages = [squeeze(join_lines(text)) for text in pdf_text(result.pdf)]
    assert result.pagination.jumps, "the Korean sample has no jump to check"
    whole = "".join(pages)
    assert re.search(r"\d+면에계속", whole) and re.search(r"\d+면에서계속", whole)
    assert all(f"{number}면" in page for number, page in enumerate(pages, 1))   # folios
    for english in ("Continued", "Page", "pages", "stories", "Inside"):
        assert english not in whole, english


def _wire_edition(root: Path, name: str, data: bytes) -> Path:
    (root / "articles").mkdir(parents=True)
    (root / "edition.yaml").write_text("title: Wire Test\ndate: 2026-11-28\n", encoding="utf-8")
    (root / "articles" / name).write_bytes(data)
    return root


SECRET = "root:x:0:0"       # what /etc/passwd starts with: must never be printed

HOSTILE = [
    ("billion laughs", b'<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY a "lol">'
     + b"".join(b'<!ENTITY a%d "%s">' % (n, b"&a%d;" % (n - 1) * 10 if n > 1 else b"&a;" * 10)
                for n in range(1, 10)) + b"]><nitf><body><body.content><p>&a9;</p>"
     b"</body.content></body></nitf>", "entity declarations are refused"),
    ("external entity", b'<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY x SYSTEM '
     b'"file:///etc/passwd">]>' + NITF.format(body="&x;").encode(), "entity declarations"),
    ("external DTD", b'<!DOCTYPE nitf SYSTEM "file:///etc/passwd">'
     + NITF.format(body="a&nbsp;b").encode(), "undefined entity"),
    ("deep nesting", b"<nitf>" + b"<block>" * 5000 + b"</block>" * 5000 + b"</nitf>",
     "nested more than"),
    ("wrong encoding declaration", b'<?xml version="1.0" encoding="ISO-8859-1"?>'
     + NITF.format(body="연평도에 포탄").encode(), "its text is UTF-8"),
    ("not NITF or NewsML", b"<rss><channel/></rss>", "neither NITF"),
]


@pytest.mark.parametrize("data, message", [case[1:] for case in HOSTILE],
                         ids=[case[0] for case in HOSTILE])
def test_hostile_xml_fails_cleanly_through_the_cli(tmp_path, capsys, data, message):
    root = _wire_edition(tmp_path / "ed", "evil.xml", data)
    out = tmp_path / "out"
    assert main(["build", str(root), "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert "evil.xml" in captured.err and message in captured.err
    assert "Traceback" not in captured.err + captured.out
    assert SECRET not in captured.err + captured.out
    assert not (out / "edition.pdf").exists()
    assert main(["validate", str(root)]) == 1


def test_a_200_mb_wire_file_is_refused_by_its_size_unread(tmp_path, capsys):
    root = _wire_edition(tmp_path / "ed", "huge.xml", b"")
    with open(root / "articles" / "huge.xml", "wb") as handle:   # sparse: no 200 MB written
        handle.truncate(200 * 1024 * 1024)
    assert 200 * 1024 * 1024 > MAX_XML_BYTES
    assert main(["build", str(root), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "huge.xml" in err and "too big for a wire story" in err and "without reading" in err


def test_a_korean_nitf_story_builds_in_a_korean_edition_with_every_word(tmp_path):
    from xml.sax.saxutils import escape
    records = [json.loads(line) for line in
               (EDITIONS / "defense-daily-ko" / "articles.jsonl").read_text("utf-8").splitlines()]
    record = max(records, key=lambda r: sum(len(p) for p in r["body"]))
    body = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in record["body"])
    nitf = (f'<?xml version="1.0" encoding="UTF-8"?><nitf xml:lang="ko"><head><docdata>'
            f'<doc.copyright year="2026" holder="위키뉴스 기고자"/></docdata></head><body>'
            f"<body.head><hedline><hl1>{escape(record['headline'])}</hl1></hedline></body.head>"
            f"<body.content>{body}</body.content></body></nitf>")
    root = _wire_edition(tmp_path / "ed", "story.xml", nitf.encode("utf-8"))
    (root / "edition.yaml").write_text("title: 위키 통신\ndate: 2026-11-28\nstyle: korean\n"
                                       "lang: ko\n", encoding="utf-8")
    result = build_edition(root, out=tmp_path / "out")
    (article,) = result.edition.articles
    assert article.lang == "ko" and article.copyright == "© 2026 위키뉴스 기고자"
    text = join_lines("\n".join(pdf_text(result.pdf)))
    printed = squeeze(text)
    for paragraph in record["body"]:
        for word in paragraph.split():
            assert normalise_word(word) in normalise_word(text), word
    assert squeeze(article.copyright) in printed and "1면" in printed
    assert not re.search(r"Page|Continued|pages|stories", text)


def test_a_wire_file_linked_from_outside_the_edition_is_not_read(tmp_path, capsys):
    outside = tmp_path / "outside.xml"
    outside.write_text(NITF.format(body="Words from outside the edition."), encoding="utf-8")
    root = _wire_edition(tmp_path / "ed", "placeholder.xml", b"")
    (root / "articles" / "placeholder.xml").unlink()
    (root / "articles" / "linked.xml").symlink_to(outside)
    assert main(["validate", str(root)]) == 1
    err = capsys.readouterr().err
    assert "linked.xml" in err and "outside the edition folder" in err
