"""Stage 1 helper: the bytes of a wire file in → an element tree with line numbers out, safely.

The contract: :func:`parse_xml` never reads anything but the bytes it is given (no DTD is
loaded, no external entity resolved, nothing fetched from the network), never expands an
entity declared in the document (so "billion laughs" cannot grow), refuses documents nested
deeper than :data:`MAX_DEPTH` and files bigger than :data:`MAX_XML_BYTES` (checked by the
caller before reading, see :func:`check_size`), and refuses a declared encoding that does not
match the bytes. Every refusal is a :class:`LayoutError` naming the file (and the line, where
expat gives one).

Parsing is defusedxml's expat parser (``forbid_dtd=False``: wire files routinely carry a
``<!DOCTYPE nitf SYSTEM "nitf-3-2.dtd">`` line, which is read as a declaration and never
loaded; ``forbid_entities`` and ``forbid_external`` refuse every entity declaration and every
external reference). Each element gets a ``line`` attribute: the line of its start tag.
"""
from __future__ import annotations

import codecs
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from ..errors import LayoutError

#: No wire story is this big; larger files are refused before a byte is read.
MAX_XML_BYTES = 16 * 1024 * 1024
#: Elements nested deeper than this are refused (real NITF/NewsML-G2 rarely pass 15).
MAX_DEPTH = 100

_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


class Element(ET.Element):
    """An ElementTree element that remembers the line of its start tag."""

    line: int | None = None


def check_size(path: Path, file: str) -> int:
    """The size of ``path`` in bytes; a :class:`LayoutError` if it is over the limit."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise LayoutError(f"cannot read the file ({error.strerror or error})", file=file) from None
    if size > MAX_XML_BYTES:
        raise LayoutError(f"{size:,} bytes is too big for a wire story (limit "
                          f"{MAX_XML_BYTES:,}); refused without reading it", file=file,
                          hint="split the file into one story per file")
    return size


class _Target:
    """Tree builder that stamps line numbers and counts depth."""

    def __init__(self, parser_holder: list, file: str):
        self.builder = ET.TreeBuilder(element_factory=Element)
        self.holder = parser_holder
        self.file = file
        self.depth = 0

    def start(self, tag, attrs):
        self.depth += 1
        expat = self.holder[0].parser
        if self.depth > MAX_DEPTH:
            raise LayoutError(f"elements nested more than {MAX_DEPTH} deep; refused",
                              file=self.file, line=expat.CurrentLineNumber)
        element = self.builder.start(tag, attrs)
        element.line = expat.CurrentLineNumber
        return element

    def end(self, tag):
        self.depth -= 1
        return self.builder.end(tag)

    def data(self, data):
        self.builder.data(data)

    def close(self):
        return self.builder.close()


def parse_xml(data: bytes, file: str) -> Element:
    """Parse ``data`` (the whole file) and return its root element; see the module contract."""
    if len(data) > MAX_XML_BYTES:
        raise LayoutError(f"{len(data):,} bytes is too big for a wire story (limit "
                          f"{MAX_XML_BYTES:,})", file=file)
    _check_encoding(data, file)
    holder: list = []
    target = _Target(holder, file)
    parser = DefusedXMLParser(target=target, forbid_dtd=False, forbid_entities=True,
                              forbid_external=True)
    holder.append(parser)
    expat = parser.parser
    try:
        parser.feed(data)
        root = parser.close()
    except LayoutError:
        raise
    except DefusedXmlException as error:
        raise LayoutError(_defused_message(error), file=file,
                          line=getattr(expat, "CurrentLineNumber", None),
                          hint="wire files must not declare entities or refer to outside "
                               "files; nothing outside the edition is read") from None
    except ET.ParseError as error:
        line = error.position[0] if getattr(error, "position", None) else None
        message = str(error).split(":")[0]
        raise LayoutError(f"not well-formed XML ({message})", file=file, line=line,
                          hint="the file is damaged or not XML; ask the wire desk to resend it"
                          ) from None
    except (LookupError, ValueError) as error:     # unknown encoding name
        raise LayoutError(f"cannot be decoded ({error})", file=file,
                          hint="save the file as UTF-8 with encoding=\"UTF-8\"") from None
    except RecursionError:
        raise LayoutError("elements nested too deep; refused", file=file) from None
    return root


def _defused_message(error: DefusedXmlException) -> str:
    name = type(error).__name__
    if name == "EntitiesForbidden":
        return (f'declares the entity "{error.name}"; entity declarations are refused '
                "(they can expand without limit, \"billion laughs\", or read other files)")
    if name == "ExternalReferenceForbidden":
        return f'refers to an outside resource ("{error.sysid}"); refused, nothing is fetched'
    if name == "DTDForbidden":
        return "has a document type declaration; refused"
    return f"refused as unsafe XML ({name})"


def _check_encoding(data: bytes, file: str) -> None:
    """Refuse a declared encoding that the bytes contradict: non-ASCII bytes that are valid
    UTF-8 under a declaration of another (8-bit) encoding, or bytes that are not valid in the
    declared encoding at all. A UTF-16 file must start with its byte-order mark."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return          # expat reads UTF-16 with a BOM itself
    match = _DECLARATION.match(data[:200])
    declared = match.group(1).decode("ascii") if match else "utf-8"
    try:
        codec = codecs.lookup(declared).name
    except LookupError:
        raise LayoutError(f'declares the unknown encoding "{declared}"', file=file, line=1,
                          hint='save the file as UTF-8 with encoding="UTF-8"') from None
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    ascii_only = body.isascii()
    if codec == "utf-8":
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as error:
            line = body.count(b"\n", 0, error.start) + 1
            raise LayoutError(
                f"declares {'UTF-8' if match else 'no encoding (so UTF-8)'} but byte "
                f"0x{body[error.start]:02x} at offset {error.start} is not UTF-8",
                file=file, line=line,
                hint="fix the encoding declaration or convert the file, e.g. "
                     f"iconv -f windows-1252 -t utf-8 {file}") from None
        return
    if codec.startswith("utf-16") or codec.startswith("utf-32"):
        raise LayoutError(f'declares {declared} but has no byte-order mark', file=file, line=1,
                          hint='save the file as UTF-8 with encoding="UTF-8"')
    if not ascii_only:
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            first = next(index for index, byte in enumerate(body) if byte > 0x7F)
            line = body.count(b"\n", 0, first) + 1
            start = body.rfind(b"\n", 0, first) + 1
            end = body.find(b"\n", first)
            sample = " ".join(body[start:end if end >= 0 else None].decode("utf-8").split())
            raise LayoutError(
                f'declares the encoding "{declared}" but its text is UTF-8 (line {line}: '
                f'"{sample[:60]}" would print as "{sample[:60].encode().decode(codec, "replace")}")',
                file=file, line=1, hint='change the declaration to encoding="UTF-8"')
        try:
            body.decode(codec)
        except UnicodeDecodeError as error:
            line = body.count(b"\n", 0, error.start) + 1
            raise LayoutError(f'byte 0x{body[error.start]:02x} at offset {error.start} is not '
                              f'valid {declared}', file=file, line=line) from None


def local(tag: object) -> str:
    """An element's tag without its namespace: ``{http://…}headline`` → ``headline``."""
    if not isinstance(tag, str):
        return ""          # comments and processing instructions
    return tag.rsplit("}", 1)[-1]
