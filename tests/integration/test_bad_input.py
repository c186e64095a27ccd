"""Tier 2: bad input through the command line — the message each must give.

Contract: exit status 1, one message naming the file (and line and key where there is one),
no traceback, and no PDF left behind or changed. Usage errors exit 2.
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from layout.cli import main

ARTICLE = """---
headline: Minister visits the fleet
byline: By Kim Min-su <kim@example.org>
images:
  - {file: images/photo.jpg, caption: "The fleet", credit: "Navy"}
---
The minister visited the fleet on Tuesday & spoke <briefly> to the crew.

She thanked the sailors for their work during the long deployment at sea.
"""


def make_edition(root: Path, *, edition_yaml: str | None = None, article: str | None = ARTICLE,
                 image: bytes | None = None) -> Path:
    (root / "articles").mkdir(parents=True)
    (root / "images").mkdir()
    (root / "edition.yaml").write_text(edition_yaml or
                                       "title: Test Daily\ndate: 2026-11-28\nissue: 3\n",
                                       encoding="utf-8")
    if article is not None:
        (root / "articles" / "a.md").write_text(article, encoding="utf-8")
    if image is None:
        buffer = io.BytesIO()
        Image.new("RGB", (800, 600), (90, 120, 160)).save(buffer, "JPEG")
        image = buffer.getvalue()
    (root / "images" / "photo.jpg").write_bytes(image)
    return root


def run(capsys, *args) -> tuple[int, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.err


def jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (200, 30, 30)).save(buffer, "JPEG")
    return buffer.getvalue()


CASES = [
    # (name, changes to the edition, fragments the message must hold)
    ("bad yaml", dict(edition_yaml="title: [Test\ndate: 2026-11-28\n"), ["edition.yaml", ":"]),
    ("unknown edition key", dict(edition_yaml="title: T\ndate: 2026-11-28\ntitel: x\n"),
     ["edition.yaml:3", "titel", "title"]),
    ("bad date", dict(edition_yaml="title: T\ndate: 28/11/2026\n"), ["edition.yaml:2", "date"]),
    ("unknown style name", dict(edition_yaml="title: T\ndate: 2026-11-28\nstyle: tabloyd\n"),
     ["tabloyd", "tabloid"]),
    ("no headline", dict(article="---\nbyline: X\n---\nSome text here.\n"),
     ["a.md", "headline"]),
    ("empty article", dict(article="---\nheadline: Empty\n---\n\n"), ["a.md"]),
    ("unknown article key", dict(article=ARTICLE.replace("byline:", "bylne:")),
     ["a.md:3", "bylne", "byline"]),
    ("missing image", dict(article=ARTICLE.replace("images/photo.jpg", "images/nothere.jpg")),
     ["a.md", "images/nothere.jpg"]),
    ("corrupt image", dict(image=b"\xff\xd8\xff\xe0 this is not really a jpeg" * 10),
     ["a.md", "photo.jpg"]),
    ("truncated image", dict(image=jpeg_bytes()[:900]), ["a.md", "photo.jpg"]),
    ("path outside the edition", dict(article=ARTICLE.replace("images/photo.jpg",
                                                              "../../etc/passwd")),
     ["a.md", "../../etc/passwd"]),
    ("style outside the edition", dict(edition_yaml="title: T\ndate: 2026-11-28\n"
                                                    "style: ../../elsewhere/house.yaml\n"),
     ["edition.yaml", "style", "outside the edition folder"]),
]


def test_a_font_outside_the_style_sheets_folder_is_refused(tmp_path, capsys):
    edition = make_edition(tmp_path / "ed")
    style = tmp_path / "ed" / "house" / "house.yaml"
    style.parent.mkdir()
    style.write_text("extends: tabloid\nfonts:\n  text:\n    regular: /etc/hostname\n",
                     encoding="utf-8")
    code, err = run(capsys, "build", str(edition), "--style", str(style),
                    "-o", str(tmp_path / "out"))
    assert code == 1
    assert "house.yaml:4: fonts.text.regular" in err and "outside the style sheet" in err


@pytest.mark.parametrize("name,changes,fragments", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_named_and_nothing_is_written(tmp_path, capsys, name, changes, fragments):
    edition = make_edition(tmp_path / "ed", **changes)
    out = tmp_path / "out"
    code, err = run(capsys, "build", str(edition), "-o", str(out))
    assert code == 1, err
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in err, f"{fragment!r} not in {err!r}"
    assert not (out / "edition.pdf").exists()
    assert not list(out.glob(".newsprint-*")) if out.exists() else True


def test_a_failed_build_leaves_the_previous_pdf_as_it_was(tmp_path, capsys):
    edition = make_edition(tmp_path / "ed")
    out = tmp_path / "out"
    assert run(capsys, "build", str(edition), "-o", str(out))[0] == 0
    good = (out / "edition.pdf").read_bytes()
    (edition / "images" / "photo.jpg").write_bytes(b"broken")
    code, err = run(capsys, "build", str(edition), "-o", str(out))
    assert code == 1 and "photo.jpg" in err
    assert (out / "edition.pdf").read_bytes() == good


def test_a_good_small_edition_prints_its_raw_text_literally(tmp_path, capsys):
    import pypdfium2 as pdfium
    edition = make_edition(tmp_path / "ed")
    out = tmp_path / "out"
    code, _ = run(capsys, "build", str(edition), "-o", str(out))
    assert code == 0
    document = pdfium.PdfDocument(str(out / "edition.pdf"))
    text = " ".join(document[0].get_textpage().get_text_range().split())
    assert "Tuesday & spoke <briefly> to the crew." in text
    # The byline may wrap in a narrow module (after the "." of the address): as written all
    # the same.
    assert "ByKimMin-su<kim@example.org>" in "".join(text.split())


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["build"])
    assert exit_info.value.code == 2


def test_validate_checks_without_rendering(tmp_path, capsys):
    edition = make_edition(tmp_path / "ed")
    code = main(["validate", str(edition)])
    assert code == 0
    assert "OK" in capsys.readouterr().out
