"""A build on two processes (forked children setting paragraphs and preparing photos ahead,
layout.compose.ahead and layout.forked) gives the same edition as a build on one: the same
PDF bytes, the same report.

Each check runs in a fresh interpreter (a test session runs other threads, and forking is
refused then) and first asserts that the children really run there.
"""
import shutil
import time
from pathlib import Path

import pytest
from fresh import run_fresh

EDITIONS = Path(__file__).resolve().parents[2] / "editions"


def _fresh(check: str, *args: str) -> None:
    run_fresh(__file__, check, *args)


def _messages(result) -> list[str]:
    return [f"{d.kind}:{d.file}:{d.message}" for d in result.diagnostics]


def _children_run() -> None:
    from layout.forked import fork_allowed
    assert fork_allowed(), "a fresh interpreter may fork"


def check_same_bytes(folder: str, out: str):
    from layout.build import build_edition
    _children_run()
    one = build_edition(Path(folder), out=Path(out) / "one", workers=1)
    two = build_edition(Path(folder), out=Path(out) / "two", workers=2)
    assert one.pdf.read_bytes() == two.pdf.read_bytes()
    assert _messages(one) == _messages(two)
    return one, two


def check_missing_glyph_reported(folder: str, out: str) -> None:
    one, two = check_same_bytes(folder, out)
    assert any("U+10000" in message for message in _messages(two)), _messages(two)


def check_child_paragraphs(name: str) -> None:
    from layout.build import load
    from layout.compose.ahead import set_ahead
    from layout.compose.galley import GalleyComposer
    from layout.text.paragraph import Typesetter
    edition, sheet = load(EDITIONS / name)
    typesetter = Typesetter(sheet)
    composer = GalleyComposer(sheet, typesetter)
    received = []
    with set_ahead(edition, composer, 2) as running:
        assert running
        deadline = time.monotonic() + 60
        while len(received) < 20 and time.monotonic() < deadline:
            received.extend(typesetter.ahead())
            time.sleep(0.01)
    assert len(received) >= 20
    for (pieces, style, measure, lang, indent, balanced, avoid), lines in received:
        assert tuple(typesetter._set_paragraph(list(pieces), style, measure, lang, indent,
                                               balanced, avoid)) == lines
    # The faces in the lines are the parent's own, not copies.
    faces = {id(face) for _, lines in received for line in lines for face, _, _ in line.runs}
    assert faces <= {id(face) for face in typesetter.book._faces.values()}


def check_photos_from_the_child(name: str) -> None:
    import os
    from layout.build import build_edition
    from layout.forked import computed_ahead
    from layout.render import pdf
    result = build_edition(EDITIONS / name, plan_only=True)
    photos = [d for page in result.pagination.pages for d in page.draws
              if isinstance(d, pdf.ImageDraw)]
    assert len(photos) >= 3

    def prepared_where(draw):
        return pdf._portable_source(draw), os.getpid()
    with computed_ahead(photos, prepared_where, 2) as value:
        results = [value(index) for index in range(len(photos))]
    assert [source for source, _ in results] == [pdf._portable_source(d) for d in photos]
    assert {pid for _, pid in results} != {os.getpid()}, "every photo was prepared at home"


@pytest.mark.parametrize("name", ["defense-daily-en", "defense-daily-ko"])
def test_one_and_two_processes_give_the_same_bytes_and_report(tmp_path, name):
    _fresh("check_same_bytes", str(EDITIONS / name), str(tmp_path))


def test_a_glyph_missing_in_a_story_the_child_set_is_still_reported(tmp_path):
    edition = tmp_path / "edition"
    shutil.copytree(EDITIONS / "defense-daily-en", edition)
    last = edition / "articles" / "gum-interview-cyclone.md"     # the child sets it first
    last.write_text(last.read_text(encoding="utf-8") +
                    "\nThe tablet reads \U00010000 in Linear B.\n", encoding="utf-8")
    _fresh("check_missing_glyph_reported", str(edition), str(tmp_path))


def test_paragraphs_from_the_child_are_what_the_parent_would_set():
    _fresh("check_child_paragraphs", "defense-daily-ko")


def test_photos_from_the_child_are_what_the_parent_would_prepare():
    _fresh("check_photos_from_the_child", "defense-daily-en")


def test_one_worker_runs_no_child():
    from layout.build import load
    from layout.compose.ahead import set_ahead
    from layout.compose.galley import GalleyComposer
    from layout.text.paragraph import Typesetter
    edition, sheet = load(EDITIONS / "defense-daily-ko")
    composer = GalleyComposer(sheet, Typesetter(sheet))
    with set_ahead(edition, composer, 1) as running:
        assert not running
        assert composer.typesetter.ahead is None


def test_no_fork_while_other_threads_run():
    import threading
    from layout.forked import fork_allowed
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not fork_allowed()
    finally:
        stop.set()
        thread.join()
