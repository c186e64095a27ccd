"""Tier 3: the text trace of a small real edition against its golden file.

The trace lists every draw of every page (position, font, size, spacing, text), so any change
to composition or pagination shows up here as a readable diff. When a change is intended,
run ``pytest tests/integration/test_trace_golden.py --update-goldens`` and review the diff of
``tests/goldens/`` before committing it.
"""
from __future__ import annotations

import difflib
import shutil
from pathlib import Path

from layout.build import build_edition

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "goldens" / "two-stories.trace"
SOURCE = ROOT / "editions" / "defense-daily-en"
STORIES = ["usgov-dod-1500068.md", "usgov-dod-1153281.md", "gum-news-asylum.txt"]


def make_edition(folder: Path) -> Path:
    """Three real stories of the English sample (one a web copy) with the lead's photo."""
    (folder / "articles").mkdir(parents=True)
    (folder / "images").mkdir()
    for name in STORIES:
        shutil.copy2(SOURCE / "articles" / name, folder / "articles" / name)
    shutil.copy2(SOURCE / "images" / "usnavy_t45a_goshawk_kingsville_2008.jpg", folder / "images")
    (folder / "edition.yaml").write_text(
        "title: The Newsprint Defense Daily\ndate: 2026-11-28\nissue: 1\n"
        "copyright: <Copyright ⓒ Newsprint sample edition>\narticles:\n"
        + "".join(f"  - {name}\n" for name in STORIES), encoding="utf-8")
    return folder


def test_trace_matches_the_golden(tmp_path, update_goldens):
    result = build_edition(make_edition(tmp_path / "ed"), out=tmp_path / "out", trace=True)
    actual = (tmp_path / "out" / "trace.txt").read_text(encoding="utf-8")
    if update_goldens or not GOLDEN.exists():
        GOLDEN.write_text(actual, encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8")
    diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                        "golden", "actual", n=1))
    assert actual == expected, f"trace changed (run with --update-goldens if intended):\n{diff[:6000]}"
    assert len(result.pagination.pages) >= 1
