"""Stage 3 helper: a second process sets the edition's paragraphs ahead of the page maker.

The page maker asks the composer for bodies and heads as it tries stories on pages, and every
paragraph is set by :meth:`Typesetter.set <layout.text.paragraph.Typesetter.set>`, a pure
function of its arguments. :func:`set_ahead` forks the build once the edition is loaded; the
child walks the stories from the last to the first (the page maker starts at the first),
setting each body, and its heads and lead photo's caption at every column count, and sends
the new paragraphs back a story at a time. The parent takes them into its typesetter's cache
whenever it meets a paragraph it has not set, so the two processes meet in the middle and
neither sets what the other already has. The PDF is byte-identical to a one-process build: a
paragraph set in either process is the same value.

Only where :func:`layout.forked.fork_allowed`; otherwise the build sets type in one process.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ..forked import child, fork_allowed
from ..model import Edition
from .galley import GalleyComposer


@contextmanager
def set_ahead(edition: Edition, composer: GalleyComposer, workers: int) -> Iterator[bool]:
    """Within the block, a forked child sets paragraphs ahead for ``composer`` (``workers``
    ≥ 2); yields whether it runs. The child is stopped on leaving the block."""
    if workers < 2 or len(edition.articles) < 2 or not fork_allowed():
        yield False
        return
    typesetter = composer.typesetter
    with child(_work_ahead, edition, composer) as receiver:
        open_ = True

        def take() -> list:
            nonlocal open_
            entries: list = []
            while open_ and receiver.poll():
                try:
                    entries.extend(typesetter.load(receiver.recv_bytes()))
                except (EOFError, OSError):
                    open_ = False
            return entries

        typesetter.ahead = take
        try:
            yield True
        finally:
            typesetter.ahead = None


def _work_ahead(edition: Edition, composer: GalleyComposer, sender) -> None:
    """The child: set every story's body and heads, last story first, sending each story's
    new paragraphs as soon as they are set."""
    typesetter = composer.typesetter
    mark = typesetter.paragraphs_set
    page = composer.sheet.page
    content_height = page.height - page.margin_top - page.margin_bottom
    try:
        for article in reversed(edition.articles):
            composer.body(article)
            for width in range(1, page.columns + 1):
                composer.header(article, width)
                composer.photo(article, width, content_height)
            sender.send_bytes(typesetter.dump_since(mark))
            mark = typesetter.paragraphs_set
    except Exception:
        pass          # the parent has finished (and closed its end), or a story failed: the
        #               parent sets it itself and reports what went wrong
    finally:
        sender.close()
