"""A build on two processes (a forked child setting paragraphs ahead, layout.compose.ahead)
gives the same edition as a build on one: the same PDF bytes, the same report."""
import shutil
import time
from pathlib import Path

import pytest

from layout.build import build_edition, load
from layout.compose.ahead import set_ahead
from layout.compose.galley import GalleyComposer
from layout.text.paragraph import Typesetter

EDITIONS = Path(__file__).resolve().parents[2] / "editions"


def _messages(result) -> list[str]:
    return [f"{d.kind}:{d.file}:{d.message}" for d in result.diagnostics]


@pytest.mark.parametrize("name", ["defense-daily-en", "defense-daily-ko"])
def test_one_and_two_processes_give_the_same_bytes_and_report(tmp_path, name):
    one = build_edition(EDITIONS / name, out=tmp_path / "one", workers=1)
    two = build_edition(EDITIONS / name, out=tmp_path / "two", workers=2)
    assert one.pdf.read_bytes() == two.pdf.read_bytes()
    assert _messages(one) == _messages(two)


def test_a_glyph_missing_in_a_story_the_child_set_is_still_reported(tmp_path):
    edition = tmp_path / "edition"
    shutil.copytree(EDITIONS / "defense-daily-en", edition)
    last = edition / "articles" / "gum-interview-cyclone.md"     # the child sets it first
    last.write_text(last.read_text(encoding="utf-8") +
                    "\nThe tablet reads \U00010000 in Linear B.\n", encoding="utf-8")
    one = build_edition(edition, out=tmp_path / "one", workers=1)
    two = build_edition(edition, out=tmp_path / "two", workers=2)
    assert any("U+10000" in message for message in _messages(two))
    assert _messages(one) == _messages(two)
    assert one.pdf.read_bytes() == two.pdf.read_bytes()


def test_paragraphs_from_the_child_are_what_the_parent_would_set(tmp_path):
    edition, sheet = load(EDITIONS / "defense-daily-ko")
    typesetter = Typesetter(sheet)
    composer = GalleyComposer(sheet, typesetter)
    received = []
    with set_ahead(edition, composer, 2) as running:
        assert running
        deadline = time.monotonic() + 30
        while len(received) < 20 and time.monotonic() < deadline:
            received.extend(typesetter.ahead())
            time.sleep(0.01)
    assert len(received) >= 20
    for (pieces, style, measure, lang, indent, balanced, avoid), lines in received:
        assert tuple(typesetter._set_paragraph(list(pieces), style, measure, lang, indent, balanced,
                                        avoid)) == lines
    # The faces in the lines are the parent's own, not copies.
    faces = {id(face) for _, lines in received for line in lines for face, _, _ in line.runs}
    assert faces <= {id(face) for face in typesetter.book._faces.values()}


def test_one_worker_runs_no_child():
    edition, sheet = load(EDITIONS / "defense-daily-ko")
    composer = GalleyComposer(sheet, Typesetter(sheet))
    with set_ahead(edition, composer, 1) as running:
        assert not running
        assert composer.typesetter.ahead is None
