"""Stage 1: an edition folder in → its ``edition.yaml`` fields, article files and running order out.

The folder contract::

    EDITION/edition.yaml        title, date (required); issue, style, lang, copyright, articles
                                (print, previews, code, edition, zone, version: print production)
    EDITION/articles/*.md|.txt  one story each; the file name without extension is its id
    EDITION/articles/*.xml      NITF or NewsML-G2: one story or more (NAME, NAME-2, …), with
                                an optional sidecar NAME.yaml of front-matter fields
    EDITION/images/…            photos, referred to by paths relative to EDITION/
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import Diagnostic, LayoutError
from ..model import Article, Production
from .article import SIDECAR_SUFFIXES, SUFFIXES
from .ads import read_ads
from .fields import Fields, did_you_mean
from .locks import read_lock
from .text import Cleaner, decode
from ..yamlsource import MAX_YAML_SIZE, load_yaml

EDITION_FILE = "edition.yaml"
ARTICLES_FOLDER = "articles"
EDITION_KEYS = ("title", "date", "issue", "style", "lang", "copyright", "articles", "sections",
                "ads", "plan", "print", "previews", "code", "edition", "zone", "version", "lock")


@dataclass(frozen=True)
class ListedArticle:
    """One entry of the ``articles:`` list and the line it is on."""

    name: str
    line: int | None
    key: str


@dataclass(frozen=True)
class EditionMeta:
    """The fields of ``edition.yaml``; ``None`` where missing or bad (already reported)."""

    file: str
    title: str | None = None
    date: dt.date | None = None
    issue: int | None = None
    style: str | None = None
    lang: str = "en"
    copyright: str = ""
    listed: tuple[ListedArticle, ...] | None = None
    sections: tuple[str, ...] = ()     # the order of the paper's sections, if given
    ads: tuple = ()                    # model.Ad bookings
    plan: tuple[tuple[int, tuple[ListedArticle, ...]], ...] = ()   # (page, its stories)
    production: Production = Production()
    lock: tuple[int, ...] = ()         # pages kept from the previous build
    lock_line: int | None = None


def read_edition_file(folder: Path, errors: list[LayoutError],
                      diagnostics: list[Diagnostic]) -> EditionMeta:
    """Read ``folder/edition.yaml``; problems go to ``errors``, notes to ``diagnostics``."""
    path = folder / EDITION_FILE
    file = str(path)
    if not path.is_file():
        errors.append(LayoutError(
            f"no {EDITION_FILE} in the edition folder", file=file,
            hint='write one with at least title: "…" and date: YYYY-MM-DD'))
        return EditionMeta(file)
    try:
        if path.stat().st_size > MAX_YAML_SIZE:
            errors.append(LayoutError("file too big to be an edition description", file=file))
            return EditionMeta(file)
        text, notes = decode(path.read_bytes(), file)
        diagnostics.extend(notes)
        doc = load_yaml(text, file)
    except OSError as error:
        errors.append(LayoutError(f"cannot read the file ({error.strerror or error})", file=file))
        return EditionMeta(file)
    except LayoutError as error:
        errors.append(error)
        return EditionMeta(file)
    fields = Fields(doc, EDITION_KEYS, errors, what=EDITION_FILE)
    if not fields.valid:
        return EditionMeta(file)
    fields.check_keys()
    listed = None
    if "articles" in fields.mapping:
        listed = []
        for index in fields.items("articles"):
            name = fields.mapping["articles"][index]
            key_path = ("articles", index)
            if not isinstance(name, str) or not name.strip():
                errors.append(doc.error("expected an article file name like story.md", key_path))
                continue
            listed.append(ListedArticle(name.strip(), doc.nearest_line(key_path), f"articles[{index}]"))
        listed = tuple(listed)
    cleaner = Cleaner()
    title = cleaner.clean(fields.text("title", required=True) or "")
    if "title" in fields.mapping and fields.mapping["title"] is not None and not title \
            and not any(error.key == "title" for error in errors):
        errors.append(doc.error("must not be empty", ("title",)))
    meta = EditionMeta(
        file=file, title=title or None,
        date=fields.date("date", required=True),
        issue=fields.integer("issue", minimum=0),
        style=fields.text("style"),
        lang=fields.lang("lang") or "en",
        copyright=cleaner.clean(fields.text("copyright") or ""),
        listed=listed,
        sections=tuple(name.strip() for name in fields.texts("sections") if name.strip()),
        ads=read_ads(fields, folder, file, errors, diagnostics),
        plan=_read_plan(doc, fields, errors),
        production=Production(plates=fields.boolean("print"),
                              previews=fields.boolean("previews"),
                              code=_token(fields, "code"), edition=_token(fields, "edition"),
                              zone=_token(fields, "zone"),
                              version=fields.integer("version", minimum=1) or 1),
    )
    lock, lock_line = read_lock(doc, fields, errors)
    meta = replace(meta, lock=lock, lock_line=lock_line)
    diagnostics.extend(cleaner.diagnostics(file))
    return meta


def _token(fields: Fields, key: str) -> str:
    """A plate-name token (``code``, ``edition``, ``zone``): letters, digits, ``-`` and ``_``
    only, since it goes into a file name."""
    value = (fields.text(key) or "").strip()
    if value and not all(ch.isalnum() or ch in "-_" for ch in value):
        fields.errors.append(fields.doc.error(
            f'"{value}" goes into plate file names: use letters, digits, - and _ only',
            (key,)))
        return ""
    return value


def _read_plan(doc, fields: Fields, errors: list[LayoutError]):
    """``plan:`` — page number → the stories that page carries (file names), e.g.
    ``plan: {1: [lead.md, second.md], 4: [feature.md]}``."""
    value = fields.mapping.get("plan")
    if value is None:
        return ()
    if not isinstance(value, dict):
        errors.append(doc.error("expected page numbers, each with a list of article files, "
                                "like  1: [lead.md, second.md]", ("plan",)))
        return ()
    plan = []
    for page, names in value.items():
        key_path = ("plan", page)
        if isinstance(page, bool) or not isinstance(page, int) or page < 1:
            errors.append(doc.error(f"a page number (1, 2, …) is expected, not {page!r}",
                                    key_path))
            continue
        if not isinstance(names, list) or not names:
            errors.append(doc.error("expected a list of article files, like [lead.md, "
                                    "second.md]", key_path))
            continue
        entries = []
        for index, name in enumerate(names):
            if not isinstance(name, str) or not name.strip():
                errors.append(doc.error("expected an article file name like story.md",
                                        key_path + (index,)))
                continue
            entries.append(ListedArticle(name.strip(), doc.nearest_line(key_path + (index,)),
                                         f"plan.{page}[{index}]"))
        plan.append((page, tuple(entries)))
    return tuple(sorted(plan))


def apply_plan(articles: list[Article], paths: list[Path], meta: EditionMeta,
               errors: list[LayoutError]) -> tuple[list[Article], tuple]:
    """Pin every story of ``plan:`` to its page (as front matter ``page:`` would) and return
    the articles and the plan as (page, (article ids in plan order)). A story planned twice,
    or planned for one page and pinned to another in its front matter, is an error."""
    by_path = {article.file.resolve(): article for article in articles}
    planned: dict[str, tuple[int, ListedArticle]] = {}
    plan = []
    for page, entries in meta.plan:
        ids = []
        for entry in entries:
            path = _match(entry.name, paths)
            article = by_path.get(path.resolve()) if path is not None else None
            if article is None:
                hint = did_you_mean(entry.name, [p.name for p in paths])
                errors.append(LayoutError(f'no article file "{entry.name}" in '
                                          f"{ARTICLES_FOLDER}/", file=meta.file,
                                          line=entry.line, key=entry.key, hint=hint))
                continue
            if article.id in planned:
                errors.append(LayoutError(
                    f'"{entry.name}" is planned twice (also on page {planned[article.id][0]})',
                    file=meta.file, line=entry.line, key=entry.key))
                continue
            if article.page is not None and article.page != page:
                errors.append(LayoutError(
                    f'"{entry.name}" is planned for page {page} but its front matter pins it '
                    f"to page {article.page}", file=meta.file, line=entry.line, key=entry.key,
                    hint="keep one of the two"))
                continue
            planned[article.id] = (page, entry)
            ids.append(article.id)
        plan.append((page, tuple(ids)))
    pinned = [replace(a, page=planned[a.id][0]) if a.id in planned else a for a in articles]
    return pinned, tuple(plan)


def find_articles(folder: Path, errors: list[LayoutError],
                  diagnostics: list[Diagnostic]) -> list[Path]:
    """The ``.md``/``.txt``/``.xml`` files in ``folder/articles``, by name. Duplicate ids are
    errors; a wire file's sidecar (``NAME.yaml`` beside ``NAME.xml``) is not an article; any
    other file is named in a warning (kind ``skipped``): never set, never silently."""
    articles = folder / ARTICLES_FOLDER
    if not articles.is_dir():
        errors.append(LayoutError(f"no {ARTICLES_FOLDER}/ folder in the edition",
                                  file=str(articles),
                                  hint="put the stories in EDITION/articles/ as .md or .txt files"))
        return []
    found: list[Path] = []
    by_id: dict[str, Path] = {}
    try:
        entries = sorted(articles.iterdir(), key=lambda p: p.name)
    except OSError as error:
        errors.append(LayoutError(f"cannot list the folder ({error.strerror or error})",
                                  file=str(articles)))
        return []
    for path in entries:
        if path.name.startswith("."):
            continue
        suffix = path.suffix.lower()
        if path.is_file() and suffix in SIDECAR_SUFFIXES and \
                any(path.with_suffix(s).is_file() for s in (".xml", ".XML")):
            continue              # the sidecar front matter of NAME.xml, read with it
        if not path.is_file() or suffix not in SUFFIXES:
            what = "a folder" if path.is_dir() else (
                f"a {suffix} file" if suffix else "a file with no extension")
            hint = (" (a .yaml beside a .xml of the same name is its front matter; this one "
                    "has no .xml)" if suffix in SIDECAR_SUFFIXES else "")
            diagnostics.append(Diagnostic(
                "skipped", f"{what} is not an article (.md, .txt or .xml); it is not set"
                + hint, str(path)))
            continue
        if path.stem in by_id:
            errors.append(LayoutError(
                f'duplicate article id "{path.stem}": {by_id[path.stem].name} and {path.name}',
                file=str(path), hint="rename or remove one of them"))
            continue
        by_id[path.stem] = path
        found.append(path)
    if not found and articles.is_dir():
        errors.append(LayoutError("no articles: the folder holds no .md, .txt or .xml file",
                                  file=str(articles)))
    return found


def running_order(paths: list[Path], articles: dict[Path, Article], meta: EditionMeta,
                  errors: list[LayoutError], diagnostics: list[Diagnostic]) -> list[Article]:
    """Order the imported ``articles``: the ``articles:`` list first (its entries are checked
    against ``paths``, every file found), then the rest by priority (None last) and file name."""
    def by_priority(path: Path) -> tuple:
        priority = articles[path].priority if path in articles else None
        return (priority is None, priority or 0, path.name)

    if meta.listed is None:
        return _by_section([articles[path] for path in sorted(paths, key=by_priority)
                            if path in articles], meta, diagnostics)
    ordered: list[Path] = []
    for entry in meta.listed:
        path = _match(entry.name, paths)
        if path is None:
            hint = did_you_mean(entry.name, [p.name for p in paths])
            errors.append(LayoutError(f'no article file "{entry.name}" in {ARTICLES_FOLDER}/',
                                      file=meta.file, line=entry.line, key=entry.key, hint=hint))
        elif path in ordered:
            errors.append(LayoutError(f'"{entry.name}" is listed twice', file=meta.file,
                                      line=entry.line, key=entry.key))
        else:
            ordered.append(path)
    rest = sorted((p for p in paths if p not in ordered), key=by_priority)
    for path in rest:
        diagnostics.append(Diagnostic(
            "order", f"not in the articles: list of {EDITION_FILE}; placed after the listed "
                     "ones (by priority, then file name)", str(path)))
    return _by_section([articles[path] for path in ordered + rest if path in articles],
                       meta, diagnostics)


def _by_section(order: list[Article], meta: EditionMeta,
                diagnostics: list[Diagnostic]) -> list[Article]:
    """With ``sections:`` in edition.yaml, the sections come in that order (a stable sort:
    the order inside a section stays); stories of other sections follow, reported."""
    if not meta.sections:
        return order
    rank = {name.casefold(): index for index, name in enumerate(meta.sections)}
    for article in order:
        if article.section.casefold() not in rank:
            diagnostics.append(Diagnostic(
                "order", f'section "{article.section}" is not in the sections: list of '
                         f"{EDITION_FILE}; placed after the listed sections", str(article.file)))
    return sorted(order, key=lambda a: rank.get(a.section.casefold(), len(rank)))


def _match(name: str, paths: list[Path]) -> Path | None:
    """The article file a list entry means: ``story.md``, ``articles/story.md`` or ``story``."""
    wanted = name.removeprefix(f"{ARTICLES_FOLDER}/")
    for path in paths:
        if path.name == wanted:
            return path
    stems = [path for path in paths if path.stem == wanted]
    return stems[0] if len(stems) == 1 else None
