"""Designer tool: ``newsprint diff`` of a style change over editions.

Contract: the same style on both sides is recognised as "no change" by the PDFs' hashes (no
pictures written); a real change writes before/after/difference PNGs for every page, the
figures before → after as the builds themselves give them, one HTML report and the JSON;
a bad style sheet is exit 1 naming file, line and key. Unit: the difference picture marks
exactly the changed pixels and measures their share.
"""
from __future__ import annotations

import json
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

from layout.build import build_edition
from layout.cli import main
from layout.designer.diff import difference_picture, moved_stories


def _style(tmp_path: Path, body: str, name: str = "new.yaml") -> Path:
    path = tmp_path / name
    path.write_text(f"extends: tabloid\nstyles:\n  body: {body}\n", encoding="utf-8")
    return path


def test_difference_picture_marks_exactly_the_changed_pixels():
    before = Image.new("RGB", (100, 50), "white")
    after = before.copy()
    ImageDraw.Draw(after).rectangle((10, 10, 29, 19), fill="black")    # 20 × 10 pixels
    picture, share = difference_picture(before, after)
    assert share == 200 / 5000
    picture = picture.convert("RGB")
    assert picture.getpixel((15, 15)) == (220, 0, 40)
    assert picture.getpixel((29, 19)) == (220, 0, 40) and picture.getpixel((30, 19)) != \
        (220, 0, 40)
    assert min(picture.getpixel((50, 40))) >= 250             # unchanged paper stays light
    same, none = difference_picture(before, before.copy())
    assert none == 0.0 and (220, 0, 40) not in {c for _n, c in same.convert("RGB").getcolors(10)}


def test_moved_stories_lists_only_stories_whose_pages_differ():
    assert moved_stories({"a": [1], "b": [1, 2], "c": [3]}, {"a": [1], "b": [2], "d": [3]}) == [
        {"story": "b", "before": [1, 2], "after": [2]},
        {"story": "c", "before": [3], "after": []},
        {"story": "d", "before": [], "after": [3]}]


def test_same_style_is_no_change_by_hash(small_edition, tmp_path, capsys):
    edition = small_edition(4)
    out = tmp_path / "diff"
    code = main(["diff", str(edition), "--style", "tabloid", "-o", str(out),
                 "--json", str(tmp_path / "d.json")])
    assert code == 0
    assert capsys.readouterr().out.startswith("no change")
    data = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert data["changed"] is False
    [result] = data["editions"]
    assert result["identical"] and result["sha256_before"] == result["sha256_after"]
    assert result["pages"] == [] and not list(out.rglob("*.png"))
    assert (out / "report.html").is_file()


def test_body_size_change_is_pictured_and_measured(small_edition, tmp_path, capsys):
    edition = small_edition(4)
    new = _style(tmp_path, "{size: 8pt, leading: 9.5pt}")
    out = tmp_path / "diff"
    code = main(["diff", str(edition), "--style", str(new), "-o", str(out),
                 "--json", str(tmp_path / "d.json"), "--jobs", "2"])
    assert code == 0
    printed = capsys.readouterr().out
    assert "no change" not in printed and "report:" in printed
    [result] = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))["editions"]
    assert not result["identical"]

    # The figures are the builds' own.
    before = build_edition(edition, out=tmp_path / "b")
    after = build_edition(edition, style=str(new), out=tmp_path / "a")
    figures = result["figures"]
    assert figures["pages"] == {"before": len(before.pagination.pages),
                                "after": len(after.pagination.pages)}
    assert figures["jumps"] == {"before": len(before.pagination.jumps),
                                "after": len(after.pagination.jumps)}
    assert figures["loose_lines"] == {"before": before.typesetting.loose_20,
                                      "after": after.typesetting.loose_20}
    assert figures["longest_ladder"]["after"] == after.typesetting.longest_ladder

    # Every page pictured three times, of the rendered page's size; the change is seen.
    pages = max(len(before.pagination.pages), len(after.pagination.pages))
    assert [p["page"] for p in result["pages"]] == list(range(1, pages + 1))
    width, height = pdfium.PdfDocument(str(after.pdf))[0].get_size()
    for page in result["pages"]:
        for kind in ("before", "after", "diff"):
            with Image.open(out / result["name"] / page[kind]) as image:
                assert image.size == (round(width), round(height))
    assert result["pages"][0]["changed"] > 0.01
    with Image.open(out / result["name"] / result["pages"][0]["diff"]) as diff:
        assert (220, 0, 40) in {c for _n, c in diff.convert("RGB").getcolors(1 << 20)}
    report = (out / "report.html").read_text(encoding="utf-8")
    assert f"{result['name']}/{result['pages'][0]['diff']}" in report


def test_bad_style_is_exit_1_with_file_line_key(small_edition, tmp_path, capsys):
    edition = small_edition(4)
    bad = _style(tmp_path, "{size: 9pt, leadng: 11pt}", "bad.yaml")
    code = main(["diff", str(edition), "--style", str(bad), "-o", str(tmp_path / "diff")])
    assert code == 1
    error = capsys.readouterr().err
    assert f"{bad}:3: styles.body.leadng: unknown key" in error
    assert "Traceback" not in error


def test_second_run_reuses_builds_and_sees_an_edited_style(small_edition, tmp_path, capsys):
    """The cache in DIR/.cache: the same run again builds nothing; the new style edited in place
    (same path) is built anew — here back to the old size, so the diff says no change."""
    edition = small_edition(4)
    new = _style(tmp_path, "{size: 8pt, leading: 9.5pt}")
    out, report = tmp_path / "diff", tmp_path / "d.json"
    args = ["diff", str(edition), "--style", str(new), "--against", "tabloid", "-o", str(out),
            "--json", str(report)]
    assert main(args) == 0
    first = json.loads(report.read_text(encoding="utf-8"))
    assert first["timings"]["cached_builds"] == 0
    assert main(args) == 0
    second = json.loads(report.read_text(encoding="utf-8"))
    assert second["timings"]["cached_builds"] == 2
    assert second["editions"][0]["figures"] == first["editions"][0]["figures"]
    assert second["editions"][0]["sha256_after"] == first["editions"][0]["sha256_after"]
    capsys.readouterr()
    new.write_text("extends: tabloid\n", encoding="utf-8")       # the old style's own values
    assert main(args) == 0
    third = json.loads(report.read_text(encoding="utf-8"))
    assert third["timings"]["cached_builds"] == 1
    assert third["changed"] is False and capsys.readouterr().out.startswith("no change")
    assert not list(out.glob("*/page-*.png"))
