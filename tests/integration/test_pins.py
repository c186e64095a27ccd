"""Tier 2: editor control — a story pinned to a page, a slot and a width goes exactly there."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from layout.build import build_edition
from layout.cli import main

EDITIONS = Path(__file__).resolve().parents[2] / "editions"


def pin(root: Path, story: str, front: str) -> None:
    path = root / "articles" / story
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"\A---\n", "---\n" + front, text, count=1), encoding="utf-8")


def build_pinned(tmp_path, pins: dict[str, str]):
    root = tmp_path / "ed"
    shutil.copytree(EDITIONS / "defense-daily-ko", root)
    for story, front in pins.items():
        pin(root, story, front)
    result = build_edition(root, out=tmp_path / "out")
    manifest = json.loads(result.manifest.read_text(encoding="utf-8"))
    return result, manifest


def module_of(manifest, story_id):
    for page in manifest["pages"]:
        for module in page["modules"]:
            if module["article"] == story_id and module["part"] == 0:
                return page["number"], module
    raise AssertionError(f"{story_id} not placed")


def test_pins_to_page_slot_and_width(tmp_path):
    result, manifest = build_pinned(tmp_path, {
        "kowikinews-1253.md": "page: 2\nslot: right\ncolumns: 2\n",     # the first story
        "kowikinews-8.md": "page: 3\nslot: bottom\ncolumns: 2\n",
        "kowikinews-23.md": "page: 3\nslot: right\ncolumns: 3\n",
    })
    columns = result.style.page.columns
    page, module = module_of(manifest, "kowikinews-1253")
    assert page == 2 and module["columns"] == 2 and module["column"] == columns - 2
    assert module["row"] == 0
    page, module = module_of(manifest, "kowikinews-8")
    rows = max(m["row"] + m["lines"] for p in manifest["pages"] for m in p["modules"])
    assert page == 3 and module["columns"] == 2 and module["row"] + module["lines"] == rows
    assert module["column"] == 0
    page, module = module_of(manifest, "kowikinews-23")
    assert page == 3 and module["row"] == 0 and module["column"] == columns - 3


@pytest.mark.parametrize("front,fragments", [
    ("page: 2\nslot: middle\n", ["kowikinews-8.md", "slot", "top, bottom, left, right"]),
    ("slot: top\n", ["kowikinews-8.md", "slot", "page:"]),
    ("columns: 9\n", ["kowikinews-8.md", "columns", "9 columns"]),
    ("page: 0\n", ["kowikinews-8.md", "page"]),
])
def test_bad_pins_are_named(tmp_path, capsys, front, fragments):
    root = tmp_path / "ed"
    shutil.copytree(EDITIONS / "defense-daily-ko", root)
    pin(root, "kowikinews-8.md", front)
    code = main(["build", str(root), "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    for fragment in fragments:
        assert fragment in err, (fragment, err)


def test_fillers_fill_room_left_and_are_never_lost(tmp_path):
    root = tmp_path / "ed"
    shutil.copytree(EDITIONS / "defense-daily-en", root)
    for story in ("usgov-dod-1153281.md", "usgov-dod-1282053.md"):
        pin(root, story, "filler: true\n")
    result = build_edition(root, out=tmp_path / "out")
    manifest = json.loads(result.manifest.read_text(encoding="utf-8"))
    fillers = [(page["number"], m["article"]) for page in manifest["pages"]
               for m in page["modules"] if m["filler"]]
    assert sorted(a for _, a in fillers) == ["usgov-dod-1153281", "usgov-dod-1282053"]
    from layout.report import build_report
    assert "(filler)" in build_report(result)
