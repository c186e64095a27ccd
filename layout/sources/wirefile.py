"""Stage 1 helper: a wire file (``articles/NAME.xml``) in → its stories (:class:`WireStory`) out.

Checks the size before reading (:data:`.xmlsafe.MAX_XML_BYTES`), parses safely
(:func:`.xmlsafe.parse_xml`), and hands the root to the NITF or the NewsML-G2 reader. Photo
references of the file are resolved against the edition folder only: a web address is never
fetched, an absolute path or one leaving the edition is never opened. A reference that names
no file in the edition is reported (with its caption) and the story is set without it.
"""
from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlparse

from ..errors import LayoutError
from .frontmatter import ImageRef
from .newsml import ROOTS, read_newsml
from .nitf import read_nitf
from .text import Cleaner
from .wire import WireStory
from .xmlsafe import check_size, local, parse_xml

#: NewsML-G2 roots that carry no story (concepts, planning, catalogues, package fragments).
OTHER_G2_ITEMS = ("conceptItem", "knowledgeItem", "planningItem", "catalogItem", "groupSet",
                  "contentMeta", "contentSet", "itemSet")
#: Folders of the edition searched for a photo a wire file names by its bare file name.
PHOTO_FOLDERS = ("", "images")


def read_wire(path: Path, root: Path, cleaner: Cleaner) -> list[WireStory]:
    """The stories in the wire file ``path`` of the edition in ``root``.

    Raises :class:`LayoutError` naming the file (and line) for: a link leaving the edition,
    too big, unreadable, unsafe or malformed XML, a root that is neither NITF nor NewsML-G2, no story in the file."""
    file = str(path)
    try:
        resolved = path.resolve()
        inside = resolved.is_relative_to(root.resolve())
    except (OSError, RuntimeError, ValueError):
        resolved, inside = path, False
    if not inside:
        raise LayoutError(f"is a link to {resolved}, outside the edition folder; not read",
                          file=file, hint="copy the wire file into the edition's articles/")
    check_size(path, file)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise LayoutError(f"cannot read the file ({error.strerror or error})", file=file) from None
    element = parse_xml(data, file)
    name = local(element.tag)
    notes = WireStory(file)        # photo notes; every note carries its file and line

    def photo(sources, caption: str, credit: str, line: int | None, copyright: str = ""):
        candidates = [sources] if isinstance(sources, str) else list(sources)
        return _photo_ref(candidates, caption, credit, copyright, line, root, notes)

    if name == "nitf":
        stories = [WireStory(file, line=element.line)]
        read_nitf(element, stories[0], cleaner, photo)
    elif name in ROOTS:
        stories = read_newsml(element, file, cleaner, photo)
    elif name in OTHER_G2_ITEMS:
        raise LayoutError(f"a NewsML-G2 <{name}> holds no story (stories come in a newsItem, "
                          "packageItem or newsMessage)", file=file, line=element.line,
                          hint="leave it out of articles/")
    else:
        raise LayoutError(f"an XML file whose root is <{name}>, neither NITF (<nitf>) nor "
                          f"NewsML-G2 ({', '.join('<' + r + '>' for r in ROOTS)})", file=file,
                          line=element.line,
                          hint="wire stories are read from NITF 3.x and NewsML-G2 files")
    stories[0].diagnostics.extend(notes.diagnostics)
    return stories


def _photo_ref(candidates: list[str], caption: str, credit: str, copyright: str,
               line: int | None, root: Path, story: WireStory) -> ImageRef | None:
    """The first candidate that is a photo file inside the edition, as an ImageRef."""
    tried: list[str] = []
    for source in candidates:
        source = source.strip()
        if not source:
            continue
        parsed = urlparse(source)
        if parsed.scheme in ("http", "https", "ftp") or source.startswith("//"):
            tried.append(f"{source} (a web address: not fetched)")
            continue
        written = unquote(parsed.path) if parsed.scheme == "file" else source
        written = written.strip().lstrip("./") if written.startswith("./") else written.strip()
        pure = PurePosixPath(written)
        if pure.is_absolute() or ".." in pure.parts:
            tried.append(f"{source} (outside the edition: not read)")
            continue
        for folder in PHOTO_FOLDERS:
            relative = str(PurePosixPath(folder) / pure.name) if folder else written
            target = root / relative
            try:
                inside = target.resolve().is_relative_to(root.resolve())
            except (OSError, RuntimeError, ValueError):
                inside = False
            if inside and target.is_file():
                return ImageRef(file=relative, caption=caption, credit=credit,
                                copyright=copyright, line=line, key="photo",
                                origin="the wire file")
        tried.append(f"{source} (no such file in the edition or its images/)")
    what = "; ".join(tried) if tried else "no file reference"
    story.note(f"a photo is not printed: {what}"
               + (f'; its caption was "{caption}"' if caption else "")
               + " — put the file in images/ to print it", line, kind="image")
    return None
