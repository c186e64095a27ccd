"""Tier 2: ads booked in edition.yaml are placed first, exactly where booked, and editorial
fills around them; an ad that cannot go where booked is an error naming its entry."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from layout.build import build_edition
from layout.cli import main

EDITIONS = Path(__file__).resolve().parents[2] / "editions"


def edition_with_ads(root: Path, ads: str) -> Path:
    shutil.copytree(EDITIONS / "defense-daily-ko", root)
    Image.new("RGB", (900, 600), (250, 220, 40)).save(root / "images" / "ad.jpg")
    canvas = Canvas(str(root / "images" / "ad.pdf"), pagesize=(300, 150))
    canvas.rect(0, 0, 300, 150, fill=1)
    canvas.save()
    text = (root / "edition.yaml").read_text(encoding="utf-8")
    (root / "edition.yaml").write_text(text + "ads:\n" + ads, encoding="utf-8")
    return root


def test_ads_sit_where_booked_and_editorial_fills_around_them(tmp_path):
    root = edition_with_ads(tmp_path / "ed", (
        "  - {file: images/ad.jpg, page: 1, columns: 3, height: 3in}\n"
        "  - {file: images/ad.pdf, page: 2, columns: 2, height: 1.5in, position: bottom-left}\n"
        "  - {file: images/ad.jpg, page: 2, columns: 2, height: 2in, position: bottom-left}\n"))
    result = build_edition(root, out=tmp_path / "out")
    manifest = json.loads(result.manifest.read_text(encoding="utf-8"))
    columns = result.style.page.columns
    rows = round((result.style.page.height - result.style.page.margin_top
                  - result.style.page.margin_bottom) / result.style.page.baseline - 0.49)
    first, second = manifest["pages"][0], manifest["pages"][1]
    (ad,) = first["ads"]
    assert ad["column"] == columns - 3 and ad["row"] + ad["lines"] == rows     # bottom-right
    low, high = second["ads"]
    assert low["column"] == high["column"] == 0 and low["row"] + low["lines"] == rows
    assert high["row"] + high["lines"] < low["row"]                              # stacked
    for page in manifest["pages"]:
        taken = {(c, r) for a in page["ads"] for c in range(a["column"], a["column"] + a["columns"])
                 for r in range(a["row"], a["row"] + a["lines"])}
        for module in page["modules"]:
            cells = {(c, r) for c in range(module["column"], module["column"] + module["columns"])
                     for r in range(module["row"], module["row"] + module["lines"])}
            assert not cells & taken, (page["number"], module["article"])


@pytest.mark.parametrize("ads,fragments", [
    ("  - {file: images/ad.jpg, page: 1, columns: 9, height: 3in}\n",
     ["edition.yaml", "ads[0].columns", "9 columns"]),
    ("  - {file: images/ad.jpg, page: 99, columns: 2, height: 3in}\n",
     ["edition.yaml", "ads[0]", "page 99"]),
    ("  - {file: images/ad.jpg, page: 1, columns: 2, height: 30in}\n",
     ["edition.yaml", "ads[0]", "does not fit on page 1"]),
    ("  - {file: images/nothere.jpg, page: 1, columns: 2, height: 3in}\n",
     ["edition.yaml", "ads[0].file", "nothere.jpg"]),
    ("  - {file: images/ad.jpg, page: 1, columns: 2, height: three}\n",
     ["edition.yaml", "ads[0].height"]),
    ("  - {file: images/ad.jpg, columns: 2, height: 3in}\n",
     ["edition.yaml", "ads[0]", "page: or section:"]),
    ("  - {file: images/ad.jpg, page: 1, columns: 2, height: 3in, position: middle}\n",
     ["edition.yaml", "ads[0].position", "bottom-right"]),
])
def test_an_ad_that_cannot_be_placed_as_booked_is_an_error(tmp_path, capsys, ads, fragments):
    root = edition_with_ads(tmp_path / "ed", ads)
    code = main(["build", str(root), "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    for fragment in fragments:
        assert fragment in err, (fragment, err)
    assert not (tmp_path / "out" / "edition.pdf").exists()
