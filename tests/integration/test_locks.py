"""Tier 2: page locks for late changes (``--lock 1-3``, ``lock:`` in edition.yaml).

Contract: a locked page keeps exactly the modules (story, part, column, row, columns × lines)
the previous build in OUT gave it, read from its manifest.json; only the text is re-set in
them. A story that no longer fits its locked module is reported overset, with its number of
lines, in the diagnostics and in manifest.json — never moved. Locking every page of an
unchanged edition gives the very same PDF. A missing or foreign manifest, a bad range, a lock
that would cut a story from its first part are errors naming the file (and line, key); nothing
is written then.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from layout.build import build_edition
from layout.cli import main

EDITIONS = Path(__file__).resolve().parents[2] / "editions"
LATE = ("A late paragraph added at deadline, long enough to take a few lines of the column: the "
        "desk had word that the ministry would issue a further statement in the evening, and the "
        "story was updated to say so before the page closed.")
GEOMETRY = ("article", "part", "column", "row", "columns", "lines", "jumps")


def manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def modules(data: dict, pages) -> dict[int, list[tuple]]:
    return {page["number"]: [tuple(m[key] for key in GEOMETRY) for m in page["modules"]]
            for page in data["pages"] if page["number"] in pages}


def story_file(root: Path, article: str) -> Path:
    return next(path for path in (root / "articles").iterdir() if path.stem == article)


PAGE_TWO_STORY = "usgov-dod-1261313"    # whole on page 2, a two-column brief of 21 lines


def whole_story_on(data: dict, page: int) -> str:
    """The page-2 story the late changes go to, checked to be whole on ``page`` (one part)."""
    parts = [(p["number"], m["part"], m["jumps"]) for p in data["pages"] for m in p["modules"]
             if m["article"] == PAGE_TWO_STORY]
    assert parts == [(page, 0, False)]
    return PAGE_TWO_STORY


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    """The English sample built once: (edition copy, OUT, its manifest)."""
    base = tmp_path_factory.mktemp("locks")
    root = base / "ed"
    shutil.copytree(EDITIONS / "defense-daily-en", root)
    out = base / "out"
    build_edition(root, out=out)
    return root, out, manifest(out)


@pytest.fixture
def late(english, tmp_path):
    """A fresh copy of the built English sample (edition and OUT) a test may change."""
    root, out, before = english
    copy_root, copy_out = tmp_path / "ed", tmp_path / "out"
    shutil.copytree(root, copy_root)
    shutil.copytree(out, copy_out)
    return copy_root, copy_out, before


def test_a_late_paragraph_on_page_two_leaves_locked_pages_one_to_three_as_they_were(late):
    root, out, before = late
    article = whole_story_on(before, 2)
    path = story_file(root, article)
    path.write_text(path.read_text(encoding="utf-8") + "\n" + LATE + "\n", encoding="utf-8")
    result = build_edition(root, out=out, lock=(1, 2, 3))
    after = manifest(out)
    assert modules(after, {1, 2, 3}) == modules(before, {1, 2, 3})
    assert after["locks"]["pages"] == [1, 2, 3]
    # The paragraph does not fit the story's module: it is overset and says by how much.
    overset = after["locks"]["overset"]
    assert [(o["article"], o["page"]) for o in overset] == [(article, 2)]
    lines = overset[0]["lines"]
    assert 3 <= lines <= 20
    said = [d for d in result.diagnostics if d.kind == "overset"]
    assert len(said) == 1 and f"{lines} lines overset" in said[0].message
    assert said[0].file == str(path)


def test_without_the_lock_the_same_change_is_free_to_move_modules(late):
    """The control for the test above: the change does move modules when nothing is locked
    (else that test could not fail)."""
    root, out, before = late
    article = whole_story_on(before, 2)
    path = story_file(root, article)
    path.write_text(path.read_text(encoding="utf-8") + "\n" + LATE + "\n", encoding="utf-8")
    build_edition(root, out=out)
    after = manifest(out)
    assert after["locks"] == {"pages": [], "overset": []}
    assert modules(after, {1, 2, 3}) != modules(before, {1, 2, 3})


def test_a_shorter_story_is_re_set_in_its_locked_module(late):
    root, out, before = late
    article = whole_story_on(before, 2)
    path = story_file(root, article)
    text = path.read_text(encoding="utf-8").rstrip("\n")
    cut = text[:text.rindex("\n\n")] + "\n"          # the last paragraph dropped
    path.write_text(cut, encoding="utf-8")
    build_edition(root, out=out, lock=(1, 2))
    after = manifest(out)
    assert modules(after, {1, 2}) == modules(before, {1, 2})
    assert after["locks"]["overset"] == []
    lines = lambda data: next(part["lines"]["body"] for a in data["articles"] if a["id"] == article
                              for part in a["parts"])
    assert lines(after) < lines(before)


def test_a_story_jumping_from_a_locked_page_goes_on_on_the_next_free_one(late):
    root, out, before = late
    jump = before["jumps"][0]
    assert jump["from_page"] == 1
    path = story_file(root, jump["article"])
    path.write_text(path.read_text(encoding="utf-8") + "\n" + LATE + "\n", encoding="utf-8")
    build_edition(root, out=out, lock=(1,))
    after = manifest(out)
    assert modules(after, {1}) == modules(before, {1})
    assert {"article": jump["article"], "part": 0, "from_page": 1, "to_page": 2} in after["jumps"]
    assert after["locks"]["overset"] == []
    continued = [m for page in after["pages"] if page["number"] == 2 for m in page["modules"]
                 if m["article"] == jump["article"]]
    assert [m["part"] for m in continued] == [1]


def test_locking_every_page_of_an_unchanged_edition_gives_the_same_pdf(tmp_path):
    root = tmp_path / "ed"
    shutil.copytree(EDITIONS / "wire-xml", root)
    out = tmp_path / "out"
    first = build_edition(root, out=out).pdf.read_bytes()
    pages = manifest(out)["edition"]["pages"]
    again = build_edition(root, out=out, lock=tuple(range(1, pages + 1)))
    assert again.pdf.read_bytes() == first


def test_lock_in_edition_yaml_locks_like_the_option(late):
    root, out, before = late
    article = whole_story_on(before, 2)
    path = story_file(root, article)
    path.write_text(path.read_text(encoding="utf-8") + "\n" + LATE + "\n", encoding="utf-8")
    yaml_file = root / "edition.yaml"
    yaml_file.write_text(yaml_file.read_text(encoding="utf-8") + "lock: 1-2\n", encoding="utf-8")
    build_edition(root, out=out)
    after = manifest(out)
    assert after["locks"]["pages"] == [1, 2]
    assert modules(after, {1, 2}) == modules(before, {1, 2})


def test_lock_in_edition_yaml_without_a_previous_build_makes_pages_afresh(tmp_path):
    """``lock:`` stays in edition.yaml from one build to the next; a build into a folder with
    no previous build (the first, a preview's, an archive's) makes every page and says so."""
    root = tmp_path / "ed"
    shutil.copytree(EDITIONS / "wire-xml", root)
    yaml_file = root / "edition.yaml"
    yaml_file.write_text(yaml_file.read_text(encoding="utf-8") + "lock: 1\n", encoding="utf-8")
    result = build_edition(root, out=tmp_path / "out")
    notes = [d for d in result.diagnostics if d.kind == "lock"]
    assert len(notes) == 1 and "made afresh" in notes[0].message
    assert notes[0].file == str(yaml_file) and notes[0].line
    assert manifest(tmp_path / "out")["locks"]["pages"] == []


@pytest.mark.parametrize("how,fragments", [
    ("missing", ["manifest.json", "no previous manifest.json", "--lock 1-3"]),
    ("foreign", ["manifest.json", "another edition", "edition.title"]),
    ("past", ["manifest.json", "no page 40"]),
    ("cut", ["manifest.json", "continues", "from page 1", "lock page 1 too"]),
    ("yaml", ["edition.yaml:", "lock", "3-x"]),
    ("yaml-foreign", ["manifest.json", "another edition", "edition.yaml:"]),
])
def test_bad_locks_are_named_and_nothing_is_written(late, tmp_path, capsys, how, fragments):
    root, out, _ = late
    args = ["build", str(root), "-o", str(out)]
    if how == "missing":
        (out / "manifest.json").unlink()
        args += ["--lock", "1-3"]
    elif how == "foreign":
        data = manifest(out)
        data["edition"]["title"] = "Another Paper"
        (out / "manifest.json").write_text(json.dumps(data), encoding="utf-8")
        args += ["--lock", "1"]
    elif how == "past":
        args += ["--lock", "2,40"]
    elif how == "cut":
        args += ["--lock", "2"]       # page 2 carries the rest of a story from page 1
    elif how == "yaml-foreign":
        data = manifest(out)
        data["edition"]["title"] = "Another Paper"
        (out / "manifest.json").write_text(json.dumps(data), encoding="utf-8")
        yaml_file = root / "edition.yaml"
        yaml_file.write_text(yaml_file.read_text(encoding="utf-8") + "lock: 1-2\n",
                             encoding="utf-8")
    else:
        yaml_file = root / "edition.yaml"
        yaml_file.write_text(yaml_file.read_text(encoding="utf-8") + "lock: 3-x\n",
                             encoding="utf-8")
    pdf = (out / "edition.pdf").read_bytes()
    code = main(args)
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    for fragment in fragments:
        assert fragment in err, (fragment, err)
    assert (out / "edition.pdf").read_bytes() == pdf
    assert not list(out.glob("*.tmp*"))


def test_a_backwards_range_on_the_command_line_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["build", str(EDITIONS / "wire-xml"), "-o", str(tmp_path), "--lock", "3-1"])
    assert exit_.value.code == 2
    assert "runs backwards" in capsys.readouterr().err


# -- without locks: how far a late change reaches ------------------------------------------------
def planned_modules(root: Path) -> dict[tuple[str, int], tuple]:
    """Each module of a plan-only build of ``root``: (page, column, row, columns, lines)."""
    pagination = build_edition(root, plan_only=True).pagination
    return {(m.article, m.part): (page.number, m.column, m.row, m.columns, m.lines)
            for page in pagination.pages for m in page.modules}


@pytest.mark.parametrize("article", [
    "usgov-dod-readout-reznikov-13apr",   # page 3; stays there
    "usgov-iip-20130726279544",           # page 3; grown, it is pulled onto page 2
    "gum-interview-herrick",              # page 7; grown, it goes on to page 8
])
def test_without_locks_a_late_paragraph_leaves_the_pages_before_the_story_as_they_were(
        english, tmp_path, article):
    """Every page before the first page the story is on — in the build before the change or
    in the one after (a story that grows may be pulled onto an earlier page: that page then
    changes with it) — keeps all its modules exactly."""
    root, _, _ = english
    copy = tmp_path / "ed"
    shutil.copytree(root, copy)
    before = planned_modules(copy)
    path = story_file(copy, article)
    path.write_text(path.read_text(encoding="utf-8") + "\n" + LATE + "\n", encoding="utf-8")
    after = planned_modules(copy)
    first = min(before[(article, 0)][0], after[(article, 0)][0])
    assert first > 1
    earlier = {key: where for key, where in before.items() if where[0] < first}
    assert earlier, "the story has pages before it"
    assert {key: after.get(key) for key in earlier} == earlier
