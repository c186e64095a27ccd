"""Tier 2: hostile and odd input through the command line, one row per case.

Contract: every case either builds (exit 0, a PDF, with the problem reported as a warning
where there is one) or fails cleanly (exit 1, a message naming the file, no traceback, no PDF),
and none takes more than a few seconds.
"""
from __future__ import annotations

import io
import time

import pytest
from PIL import Image

from layout.cli import main

BODY = ("The minister visited the fleet on Tuesday and spoke to the crew about the deployment."
        "\n\nShe thanked the sailors for their work during the long deployment at sea.\n")


def picture(mode: str, fmt: str = "JPEG", size=(640, 480), **options) -> bytes:
    buffer = io.BytesIO()
    if mode == "I;16":
        image = Image.new("I", size, 30000).convert("I;16")
    else:
        image = Image.new(mode, size, 120 if len(mode) == 1 or mode in ("P", "LA") else None)
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def animated_gif() -> bytes:
    buffer = io.BytesIO()
    frames = [Image.new("RGB", (200, 150), (shade, 40, 40)) for shade in (10, 90, 200)]
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=100)
    return buffer.getvalue()


def edition(root, *, article: str | None = BODY, photo: bytes | None = None,
            photo_name: str = "photo.jpg", text_file: bytes | None = None):
    (root / "articles").mkdir(parents=True)
    (root / "images").mkdir()
    (root / "edition.yaml").write_text("title: Test Daily\ndate: 2026-11-28\n", encoding="utf-8")
    if text_file is not None:
        (root / "articles" / "a.txt").write_bytes(text_file)
    else:
        images = (f"images:\n  - {{file: images/{photo_name}, caption: The fleet, credit: Navy}}\n"
                  if photo is not None else "")
        (root / "articles" / "a.md").write_text(
            f"---\nheadline: Minister visits the fleet\n{images}---\n{article}", encoding="utf-8")
    if photo is not None:
        (root / "images" / photo_name).write_bytes(photo)
    return root


BUILDS = [
    ("16-bit PNG", dict(photo=picture("I;16", "PNG"), photo_name="p.png"), None),
    ("palette PNG with transparency", dict(photo=picture("P", "PNG", transparency=0),
                                           photo_name="p.png"), None),
    ("grey PNG with alpha", dict(photo=picture("LA", "PNG"), photo_name="p.png"), None),
    ("CMYK JPEG without profile", dict(photo=picture("CMYK")), None),
    ("grey JPEG", dict(photo=picture("L")), None),
    ("1-bit PNG", dict(photo=picture("1", "PNG"), photo_name="p.png"), None),
    ("animated GIF", dict(photo=animated_gif(), photo_name="p.gif"), "first is used"),
    ("TIFF", dict(photo=picture("RGB", "TIFF"), photo_name="p.tif"), None),
    ("PNG named .jpg", dict(photo=picture("RGB", "PNG")), None),
    ("huge photo", dict(photo=picture("RGB", size=(8000, 5000))), None),
    ("tiny photo", dict(photo=picture("RGB", size=(20, 15))), "only 20×15 px"),
    ("Korean CP949 web copy", dict(text_file="연평도 포격 사건\n\n오늘 오후 연평도에 포탄이 떨어졌다. "
                                             "주민들이 대피하였다.\n\n홍길동 기자 a@b.kr\n"
                                             .encode("cp949")), "CP949"),
    ("BOM and CRLF", dict(text_file=b"\xef\xbb\xbfFleet visit today\r\n\r\n"
                                    b"The minister visited the fleet on Tuesday.\r\n"), None),
    ("control and zero-width characters", dict(article="A bell \x07 and a zero\u200bwidth space "
                                                       "in the copy.\n"), None),
    ("emoji no font covers", dict(article="Soldiers cheered \U0001F389 at the base.\n"),
     "U+1F389"),
    ("right-to-left runs", dict(article="The sign read \u05e9\u05dc\u05d5\u05dd in Hebrew.\n"),
     "right-to-left"),
    ("long URL and compound", dict(article="See https://www.example.com/a/very/long/path/that/"
                                           "goes/on/and/on/index.html?q=1 and Donaudampfschiff"
                                           "fahrtsgesellschaftskapitaenswitwe.\n"), None),
    ("raw HTML", dict(article="<script>alert(1)</script>\n\n<img src='http://example.com/x.png'>"
                              "\n\nText & more <b>bold</b>.\n"), None),
    ("10,000 paragraphs", dict(article="\n\n".join(f"Paragraph {n} says a few words about the "
                                                   "fleet." for n in range(10000))), None),
]


@pytest.mark.parametrize("name,kwargs,warning", BUILDS, ids=[b[0] for b in BUILDS])
def test_odd_input_builds_and_says_what_it_did(tmp_path, capsys, name, kwargs, warning):
    root = edition(tmp_path / "ed", **kwargs)
    started = time.perf_counter()
    code = main(["build", str(root), "-o", str(tmp_path / "out")])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert time.perf_counter() - started < 20
    assert (tmp_path / "out" / "edition.pdf").stat().st_size > 1000
    if warning:
        assert warning in captured.out


REFUSALS = [
    ("Latin-1 text", dict(text_file="Café opens\n\nThe café opened on Monday.\n"
                          .encode("latin-1")), ["a.txt", "not UTF-8", "iconv"]),
    ("not an image", dict(photo=b"GIF89a but not really" * 20, photo_name="p.gif"),
     ["a.md", "p.gif"]),
    ("decompression bomb", dict(photo=picture("1", "PNG", size=(20000, 20000)),
                                photo_name="bomb.png"), ["a.md", "bomb.png", "too many pixels"]),
]


@pytest.mark.parametrize("name,kwargs,fragments", REFUSALS, ids=[r[0] for r in REFUSALS])
def test_hostile_input_is_refused_cleanly(tmp_path, capsys, name, kwargs, fragments):
    root = edition(tmp_path / "ed", **kwargs)
    code = main(["build", str(root), "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in err, (fragment, err)
    assert not (tmp_path / "out" / "edition.pdf").exists()
