"""Stage 1: one article file (``.md`` or ``.txt``) in → a checked ``Article`` + diagnostics out.

Reads and decodes the file, splits off front matter, hands the body to the Markdown or the
plain-text importer, checks every photo, fills defaults from the edition and cleans every string
for printing. All problems found in the file are raised together (``LayoutErrors`` if several).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import Diagnostic, LayoutError, LayoutErrors
from ..model import Article, Figure
from .frontmatter import ArticleMeta, ImageRef, split_front_matter
from .images import probe_image
from .markdown import read_markdown
from .plaintext import read_plaintext
from .text import MAX_ARTICLE_BYTES, Cleaner, decode, split_lines

SUFFIXES = (".md", ".txt")


@dataclass(frozen=True)
class EditionDefaults:
    """What an article inherits from its edition.

    ``root`` is the edition folder as the user gave it (so messages show the paths they typed);
    photo paths are relative to it.
    """

    root: Path
    lang: str = "en"
    copyright: str = ""


def raise_all(errors: list[LayoutError]) -> None:
    """Raise nothing, the one error, or all of them as :class:`LayoutErrors`."""
    flat: list[LayoutError] = []
    for error in errors:
        flat.extend(error.errors if isinstance(error, LayoutErrors) else [error])
    if len(flat) == 1:
        raise flat[0]
    if flat:
        raise LayoutErrors(flat)


def read_article(path: Path, defaults: EditionDefaults) -> tuple[Article, list[Diagnostic]]:
    """Import the article at ``path`` (``…/articles/NAME.md`` or ``.txt``).

    Raises :class:`LayoutError`/``LayoutErrors`` naming ``path``, line and key for: unreadable
    or undecodable files, bad front matter, no headline, no body text, bad photos.
    """
    file = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise LayoutError(f"{size:,} bytes is too big for an article "
                              f"(limit {MAX_ARTICLE_BYTES:,})", file=file)
        data = path.read_bytes()
    except OSError as error:
        raise LayoutError(f"cannot read the file ({error.strerror or error})", file=file) from None
    text, diagnostics = decode(data, file)
    errors: list[LayoutError] = []
    split = split_front_matter(split_lines(text), file, errors)
    meta = split.meta
    cleaner = Cleaner()

    guessed = None
    if path.suffix.lower() == ".md":
        body = read_markdown(split.body, split.body_first_line, cleaner, file)
        blocks, extra_images = body.blocks, body.images
        diagnostics += body.diagnostics
        errors += body.errors
    else:
        guessed = read_plaintext(split.body, split.body_first_line, meta, cleaner, file)
        blocks, extra_images = guessed.blocks, []
        diagnostics += guessed.diagnostics

    headline = _pick(meta.headline, guessed and guessed.headline, cleaner)
    if not headline and not meta.broken and not any(e.key == "headline" for e in errors):
        errors.append(_no_headline(file, meta, path.suffix.lower()))
    if not blocks:
        errors.append(LayoutError(
            "no body text" + (" (everything was taken as headline, deck or page furniture; "
                              "see the guesses)" if guessed else ""),
            file=file, line=split.body_first_line,
            hint="write at least one paragraph after the front matter"))
    figures = _figures(list(meta.images) + extra_images, defaults.root, file, cleaner,
                       errors, diagnostics)
    raise_all(errors)

    deck = meta.deck if meta.deck is not None else (guessed.deck if guessed else ())
    lang = meta.lang or defaults.lang
    if guessed and guessed.mostly_hangul and meta.lang is None and lang != "ko":
        lang = "ko"
        diagnostics.append(Diagnostic("guess", f'took the language to be "ko" (the body is mostly '
                                               f'Hangul; the edition says "{defaults.lang}")',
                                      file))
    article = Article(
        id=path.stem,
        file=path.resolve(),
        headline=headline,
        blocks=tuple(blocks),
        deck=tuple(d for d in (cleaner.clean(item) for item in deck) if d),
        byline=_pick(meta.byline, guessed and guessed.byline, cleaner),
        email=_pick(meta.email, guessed and guessed.email, cleaner),
        section=_pick(meta.section, None, cleaner),
        priority=meta.priority,
        page=meta.page,
        slot=meta.slot,
        columns=meta.columns,
        filler=meta.filler,
        lang=lang,
        figures=figures,
        # ``copyright: ""`` in front matter means "none", not "the edition's".
        copyright=cleaner.clean(meta.copyright) if meta.copyright is not None else
        _pick(None, guessed and guessed.copyright, cleaner) or defaults.copyright,
    )
    return article, diagnostics + cleaner.diagnostics(file)


def _pick(given: str | None, guessed: str | None, cleaner: Cleaner) -> str:
    value = given if given is not None else guessed
    return cleaner.clean(value) if value else ""


def _no_headline(file: str, meta: ArticleMeta, suffix: str) -> LayoutError:
    if suffix == ".txt":
        return LayoutError("found no headline (no line before the body looks like one)",
                           file=file, line=1,
                           hint='start the file with front matter: ---, headline: "…", ---')
    if not meta.given:
        return LayoutError("no front matter with a headline", file=file, line=1, key="headline",
                           hint='start the file with ---, then headline: "…", then ---')
    return LayoutError("is required", file=file, line=1, key="headline",
                       hint='add headline: "…" to the front matter')


def _figures(refs: list[ImageRef], root: Path, file: str, cleaner: Cleaner,
             errors: list[LayoutError], diagnostics: list[Diagnostic]) -> tuple[Figure, ...]:
    figures = []
    for ref in refs:
        try:
            info, found = probe_image(ref.file, root=root, referenced_from=file, line=ref.line,
                                      key=ref.key)
        except LayoutError as error:
            errors.append(error)
            continue
        diagnostics.extend(found)
        figures.append(Figure(image=info, source=ref.file, caption=cleaner.clean(ref.caption),
                              credit=cleaner.clean(ref.credit)))
    return tuple(figures)

