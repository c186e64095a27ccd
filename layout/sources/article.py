"""Stage 1: one article file (``.md``, ``.txt`` or a wire ``.xml``) in → checked ``Article`` records
+ diagnostics out.

Reads and decodes the file, splits off front matter, hands the body to the Markdown, the
plain-text or the wire (NITF / NewsML-G2) importer, checks every photo and fills what the
article leaves out from the photo's own IPTC/XMP fields, fills defaults from the edition and
cleans every string for printing. All problems found in the file are raised together
(``LayoutErrors`` if several). A wire file may hold several stories; its sidecar
``NAME.yaml`` (front-matter keys) overrides the fields of the first.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import Diagnostic, LayoutError, LayoutErrors
from ..model import Article, Figure
from .frontmatter import ArticleMeta, ImageRef, read_meta, split_front_matter
from .images import probe_image
from .markdown import read_markdown
from .photometa import read_photo_meta
from .plaintext import read_plaintext
from .text import MAX_ARTICLE_BYTES, Cleaner, decode, split_lines
from .wirefile import read_wire
from ..yamlsource import MAX_YAML_SIZE, load_yaml

SUFFIXES = (".md", ".txt", ".xml")
#: Sidecar front matter of a wire file: ``story.xml`` + ``story.yaml``.
SIDECAR_SUFFIXES = (".yaml", ".yml")


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


def read_articles(path: Path, defaults: EditionDefaults) -> list[tuple[Article, list[Diagnostic]]]:
    """Import the article file at ``path``: one story for ``.md``/``.txt``, one or more for a
    wire ``.xml`` (ids ``NAME``, ``NAME-2``, …). Raises as :func:`read_article`."""
    if path.suffix.lower() == ".xml":
        return read_wire_articles(path, defaults)
    return [read_article(path, defaults)]


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


def read_wire_articles(path: Path, defaults: EditionDefaults
                       ) -> list[tuple[Article, list[Diagnostic]]]:
    """Import the stories of the wire file ``path`` (NITF or NewsML-G2, see
    :mod:`.wirefile`); ``NAME.yaml`` beside it, if there, overrides fields of the first."""
    file = str(path)
    cleaner = Cleaner()
    stories = read_wire(path, defaults.root, cleaner)
    errors: list[LayoutError] = []
    sidecar, sidecar_notes = _sidecar(path, errors)
    out = []
    for number, story in enumerate(stories):
        meta = sidecar if number == 0 else ArticleMeta()
        diagnostics = list(sidecar_notes if number == 0 else []) + story.diagnostics
        headline = _pick(meta.headline, story.headline, cleaner)
        if not headline:
            errors.append(LayoutError(
                "no headline (no hedline/hl1, headline or slugline in the story)", file=file,
                line=story.line, hint=f"give one in a sidecar {path.stem}.yaml: "
                                      'headline: "…"'))
        if not story.blocks:
            errors.append(LayoutError("no body text in the story", file=file, line=story.line,
                                      hint="the story's body (body.content, inlineXML or "
                                           "inlineData) holds no paragraph"))
        refs = list(meta.images) if meta.images else list(story.images)
        figures = _figures(refs, defaults.root, file, cleaner, errors, diagnostics)
        if meta.copyright is None and not story.copyright:
            diagnostics.append(Diagnostic(
                "wire", "the story gives no copyright (docdata/doc.copyright, copyrite or "
                        "rightsInfo); the edition's copyright line is printed"
                        if defaults.copyright else "the story gives no copyright and neither "
                        "does the edition: no copyright line is printed", file, story.line))
        if meta.byline is None and not story.byline:
            diagnostics.append(Diagnostic("wire", "the story gives no byline", file, story.line))
        deck = meta.deck if meta.deck is not None else tuple(story.deck)
        article = Article(
            id=path.stem + story.id_suffix,
            file=path.resolve(),
            headline=headline,
            blocks=tuple(story.blocks),
            deck=tuple(d for d in (cleaner.clean(item) for item in deck) if d),
            byline=_pick(meta.byline, story.byline, cleaner),
            email=_pick(meta.email, None, cleaner),
            section=_pick(meta.section, story.section, cleaner),
            priority=meta.priority if meta.priority is not None else story.priority,
            page=meta.page, slot=meta.slot, columns=meta.columns, filler=meta.filler,
            lang=meta.lang or story.lang or defaults.lang,
            figures=figures,
            copyright=cleaner.clean(meta.copyright) if meta.copyright is not None else
            _pick(None, story.copyright, cleaner) or defaults.copyright,
        )
        out.append((article, diagnostics))
    raise_all(errors)
    if out:
        out[0][1].extend(cleaner.diagnostics(file))
    return out


def sidecar_of(path: Path) -> Path | None:
    """The sidecar front matter of the wire file ``path`` (``NAME.yaml``), if there is one."""
    for suffix in SIDECAR_SUFFIXES:
        candidate = path.with_suffix(suffix)
        if candidate.is_file():
            return candidate
    return None


def _sidecar(path: Path, errors: list[LayoutError]) -> tuple[ArticleMeta, list[Diagnostic]]:
    side = sidecar_of(path)
    if side is None:
        return ArticleMeta(), []
    file = str(side)
    try:
        if side.stat().st_size > MAX_YAML_SIZE:
            errors.append(LayoutError("file too big to be front matter", file=file))
            return ArticleMeta(given=True, broken=True), []
        text, notes = decode(side.read_bytes(), file)
        doc = load_yaml(text, file)
    except OSError as error:
        errors.append(LayoutError(f"cannot read the file ({error.strerror or error})", file=file))
        return ArticleMeta(given=True, broken=True), []
    except LayoutError as error:
        errors.append(error)
        return ArticleMeta(given=True, broken=True), []
    meta = read_meta(doc, errors)
    notes.append(Diagnostic("wire", f"fields given in {side.name} override the wire file's: "
                            + ", ".join(_given(meta)), str(path)))
    return meta, notes


def _given(meta: ArticleMeta) -> list[str]:
    names = ["headline", "deck", "byline", "email", "section", "priority", "lang", "copyright",
             "page", "columns"]
    given = [name for name in names if getattr(meta, name) is not None]
    if meta.images:
        given.append("images")
    return given or ["none"]


def _figures(refs: list[ImageRef], root: Path, file: str, cleaner: Cleaner,
             errors: list[LayoutError], diagnostics: list[Diagnostic]) -> tuple[Figure, ...]:
    """Check each photo; what the article leaves out is taken from the photo's IPTC/XMP
    fields, and the report says where each printed field came from."""
    figures = []
    for ref in refs:
        try:
            info, found = probe_image(ref.file, root=root, referenced_from=file, line=ref.line,
                                      key=ref.key)
        except LayoutError as error:
            errors.append(error)
            continue
        diagnostics.extend(found)
        embedded = read_photo_meta(info.path, info.width, info.height)
        if embedded.regions:
            info = replace(info, regions=embedded.regions)
        sources = []
        values = {}
        for name, given, fallbacks in (
                ("caption", ref.caption, (embedded.caption,)),
                ("credit", ref.credit, (embedded.credit, embedded.creator)),
                ("copyright", ref.copyright, (embedded.copyright,))):
            value = cleaner.clean(given)
            if value:
                sources.append(f"{name} from {ref.origin}")
            else:
                found_value = next((item for item in fallbacks if item is not None), None)
                if found_value is not None:
                    value = cleaner.clean(found_value.value)
                    sources.append(f"{name} from the photo's {found_value.source}")
            values[name] = value
        for region in embedded.regions:
            sources.append(f"{region.kind} region ({region.role}) from the photo's XMP")
        notes = [note for note in embedded.notes        # a camera caption matters only
                 if "camera default" not in note or not cleaner.clean(ref.caption)]  # unused
        if not values["caption"]:
            notes.append("no caption (neither the article nor the photo gives one)")
        if any("photo's" in item for item in sources) or notes:
            diagnostics.append(Diagnostic(
                "photo", f'photo "{ref.file}": ' + "; ".join(sources + notes), file, ref.line))
        figures.append(Figure(image=info, source=ref.file, caption=values["caption"],
                              credit=values["credit"], copyright=values["copyright"]))
    return tuple(figures)

