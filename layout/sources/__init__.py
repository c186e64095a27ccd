"""Stage 1, load: an edition folder in → a checked ``model.Edition`` out (or every problem at once).

Public API: :func:`load_edition`. Helpers other stages may use: :func:`probe_image`.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import Diagnostic, LayoutError
from ..model import Article, Edition
from .article import EditionDefaults, raise_all, read_article
from .folder import apply_plan, find_articles, read_edition_file, running_order
from .images import probe_image

__all__ = ["load_edition", "probe_image"]


def load_edition(folder: Path | str) -> Edition:
    """Read the edition in ``folder``: ``edition.yaml``, ``articles/*.md|*.txt`` and their photos.

    Every independent problem is collected first; then one :class:`LayoutError` is raised if
    there is one, a :class:`LayoutErrors` if there are several. Each names the file (as reached
    from ``folder`` as given), line and key. Guesses made while importing plain text, skipped
    files, small photos and removed invisible characters are returned in
    ``Edition.diagnostics``. ``Edition.root`` and every path in the model are absolute.
    """
    folder = Path(folder)
    if not folder.exists():
        raise LayoutError("no such folder", file=str(folder),
                          hint="give the edition folder holding edition.yaml and articles/")
    if not folder.is_dir():
        raise LayoutError("not a folder", file=str(folder),
                          hint="give the edition folder holding edition.yaml and articles/")
    errors: list[LayoutError] = []
    diagnostics: list[Diagnostic] = []
    meta = read_edition_file(folder, errors, diagnostics)
    paths = find_articles(folder, errors, diagnostics)
    defaults = EditionDefaults(root=folder, lang=meta.lang, copyright=meta.copyright)
    articles: dict[Path, Article] = {}
    for path in paths:
        try:
            article, found = read_article(path, defaults)
        except LayoutError as error:
            errors.append(error)
            continue
        articles[path] = article
        diagnostics.extend(found)
    ordered = running_order(paths, articles, meta, errors, diagnostics)
    ordered, plan = apply_plan(ordered, paths, meta, errors)
    raise_all(errors)
    assert meta.title is not None and meta.date is not None  # else an error was raised above
    return Edition(root=folder.resolve(), title=meta.title, date=meta.date,
                   articles=tuple(ordered), issue=meta.issue, style=meta.style, lang=meta.lang,
                   copyright=meta.copyright, diagnostics=tuple(diagnostics),
                   sections=meta.sections, ads=meta.ads, plan=plan)
