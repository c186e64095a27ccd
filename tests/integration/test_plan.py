"""Tier 2: a page plan in edition.yaml (``plan:``) fixes which stories each planned page
carries; the rest of the edition is made automatically around it."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from layout.build import build_edition
from layout.cli import main

EDITIONS = Path(__file__).resolve().parents[2] / "editions"


def with_plan(tmp_path: Path, plan: str, front: dict[str, str] | None = None) -> Path:
    root = tmp_path / "ed"
    shutil.copytree(EDITIONS / "defense-daily-ko", root)
    for story, extra in (front or {}).items():
        path = root / "articles" / story
        path.write_text(path.read_text(encoding="utf-8").replace("---\n", "---\n" + extra, 1),
                        encoding="utf-8")
    text = (root / "edition.yaml").read_text(encoding="utf-8")
    (root / "edition.yaml").write_text(text + "plan:\n" + plan, encoding="utf-8")
    return root


def test_planned_pages_carry_their_stories_and_only_them(tmp_path):
    root = with_plan(tmp_path, "  1: [kowikinews-23.md, kowikinews-8]\n"
                               "  3: [kowikinews-1253.md]\n")
    result = build_edition(root, out=tmp_path / "out")
    manifest = json.loads(result.manifest.read_text(encoding="utf-8"))
    starts = {page["number"]: [m["article"] for m in page["modules"] if m["part"] == 0]
              for page in manifest["pages"]}
    assert starts[1] == ["kowikinews-23", "kowikinews-8"]      # in the plan's order
    assert starts[3] == ["kowikinews-1253"]
    # Unplanned stories fill the other pages, in running order; nothing is lost.
    placed = [a for page in sorted(starts) for a in starts[page]]
    assert sorted(placed) == sorted(a.id for a in result.edition.articles)
    assert starts[2] and all(a not in ("kowikinews-23", "kowikinews-8", "kowikinews-1253")
                             for a in starts[2])


@pytest.mark.parametrize("plan,front,fragments", [
    ("  1: [no-such-story.md]\n", None, ["plan.1[0]", "no-such-story.md", "no article file"]),
    ("  1: [kowikinews-8.md]\n  2: [kowikinews-8.md]\n", None, ["planned twice", "plan.2[0]"]),
    ("  2: [kowikinews-8.md]\n", {"kowikinews-8.md": "page: 4\n"},
     ["planned for page 2", "page 4"]),
    ("  zero: [kowikinews-8.md]\n", None, ["page number", "plan"]),
    ("  1: kowikinews-8.md\n", None, ["list of article files"]),
])
def test_bad_plans_are_named(tmp_path, capsys, plan, front, fragments):
    root = with_plan(tmp_path, plan, front)
    code = main(["build", str(root), "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert "edition.yaml" in err
    for fragment in fragments:
        assert fragment in err, (fragment, err)
    assert not (tmp_path / "out" / "edition.pdf").exists()
