"""Tier 2: what an edition asks of the page grid is checked where the input is read.

Contract: an ad booked wider than the style's page, and a story asking (``columns:``) for a
module wider than the page, are reported together by ``validate`` (and ``build``) before any
page is made, each naming its file (and for the ad, line and key); exit status 1.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from layout.cli import main

EDITIONS = Path(__file__).resolve().parents[2] / "editions"


def test_too_wide_ads_and_modules_are_named_before_pages_are_made(tmp_path, capsys):
    root = tmp_path / "ed"
    shutil.copytree(EDITIONS / "defense-daily-en", root)
    photo = sorted((root / "images").iterdir())[0].name
    yaml_file = root / "edition.yaml"
    yaml_file.write_text(yaml_file.read_text(encoding="utf-8")
                         + f"ads:\n  - {{file: images/{photo}, page: 1, columns: 7, "
                           "height: 2in}\n", encoding="utf-8")
    story = root / "articles" / "gum-news-korea.md"
    story.write_text(story.read_text(encoding="utf-8").replace("---\n", "---\ncolumns: 9\n", 1),
                     encoding="utf-8")
    code = main(["validate", str(root)])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert "edition.yaml:" in err and "ads[0].columns" in err and "7 columns wide" in err
    assert "gum-news-korea.md" in err and "9 columns asked for; the page has 5" in err
