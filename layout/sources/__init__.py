"""Stage 1, load: an edition folder in → a checked ``model.Edition`` out (or every problem at once).

Public API: :func:`load_edition`. Helpers other stages may use: :func:`probe_image`.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import Diagnostic, LayoutError
from ..model import Article, Edition
from .article import EditionDefaults, raise_all, read_articles
from .folder import apply_plan, find_articles, read_edition_file, running_order
from .images import prefetched, probe_image

__all__ = ["load_edition", "probe_image"]


def load_edition(folder: Path | str) -> Edition:
    """Read the edition in ``folder``: ``edition.yaml``, ``articles/*.md|*.txt|*.xml`` and their
    photos (a wire ``.xml`` may hold several stories; they follow each other in the order).

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
    more: dict[str, list[Article]] = {}          # further stories of a wire file, by first id
    with prefetched(folder):
        for path in paths:
            try:
                stories = read_articles(path, defaults)
            except LayoutError as error:
                errors.append(error)
                continue
            articles[path] = stories[0][0]
            more[stories[0][0].id] = [article for article, _ in stories[1:]]
            for _, found in stories:
                diagnostics.extend(found)
    ordered = running_order(paths, articles, meta, errors, diagnostics)
    ordered, plan = apply_plan(ordered, paths, meta, errors)
    ordered = _with_more(ordered, more, paths, errors)
    raise_all(errors)
    assert meta.title is not None and meta.date is not None  # else an error was raised above
    return Edition(root=folder.resolve(), title=meta.title, date=meta.date,
                   articles=tuple(ordered), issue=meta.issue, style=meta.style, lang=meta.lang,
                   copyright=meta.copyright, diagnostics=tuple(diagnostics),
                   sections=meta.sections, ads=meta.ads, plan=plan,
                   production=meta.production, lock=meta.lock,
                   lock_line=meta.lock_line)


def _with_more(ordered: list[Article], more: dict[str, list[Article]], paths: list[Path],
               errors: list[LayoutError]) -> list[Article]:
    """Each wire file's further stories right after its first; an id taken twice is an error."""
    out: list[Article] = []
    seen = {article.id for article in ordered}
    for article in ordered:
        out.append(article)
        for extra in more.get(article.id, []):
            if extra.id in seen:
                errors.append(LayoutError(
                    f'the story id "{extra.id}" (story {extra.id.rsplit("-", 1)[-1]} of this '
                    "file) is also an article file's name", file=str(extra.file),
                    hint="rename one of them"))
                continue
            seen.add(extra.id)
            out.append(extra)
    return out
