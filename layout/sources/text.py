"""Stage 1 helper: raw article bytes and strings in → printable Unicode text and diagnostics out.

Shared by every importer. The contract for text leaving the importers (see ``layout.model``):
NFC, ``\\n`` line ends, no byte-order mark, no control characters, no zero-width or bidi
formatting characters, every run of white space inside a paragraph one ordinary space — except
U+00A0 NO-BREAK SPACE and U+202F NARROW NO-BREAK SPACE, which the author put there on purpose
and are kept, and U+00AD SOFT HYPHEN, which the hyphenator uses. Every removed character is
counted and reported as a :class:`Diagnostic` (kind ``text``).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from ..errors import Diagnostic, LayoutError

#: White space kept as written: the author asked for "no break here".
NO_BREAK_SPACES = frozenset("\u00a0\u202f")

#: Format characters that are invisible and that no later stage handles, removed with a count.
#: ZWJ/ZWNJ (U+200D/U+200C) are *kept*: they change how emoji and some scripts are shaped.
#: Bidi controls are removed because the engine sets left-to-right text only (known limitation).
_INVISIBLE = frozenset(
    "\u200b"                          # ZERO WIDTH SPACE (web copy is full of them)
    "\ufeff"                          # ZERO WIDTH NO-BREAK SPACE / stray byte-order mark
    "\u2060"                          # WORD JOINER
    "\u200e\u200f"                    # LEFT-TO-RIGHT / RIGHT-TO-LEFT MARK
    "\u202a\u202b\u202c\u202d\u202e"  # bidi embeddings and overrides
    "\u2066\u2067\u2068\u2069"        # bidi isolates
)

#: What :meth:`Cleaner.collapse` removes (invisibles and control characters that are not white
#: space) and what it folds into one space (white space other than the no-break spaces). White
#: space and control characters all lie below U+3001.
_REMOVED = re.compile("[" + re.escape("".join(sorted(
    _INVISIBLE | {chr(c) for c in range(0x3001) if unicodedata.category(chr(c)) == "Cc"
                  and not chr(c).isspace()}))) + "]")
_SPACE_RUN = re.compile("[" + re.escape("".join(
    chr(c) for c in range(0x3001) if chr(c).isspace() and chr(c) not in NO_BREAK_SPACES)) + "]+")

_LINE_BREAKS = ("\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c")

#: Bigger article files than this are refused: no newspaper story is 8 MB of text.
MAX_ARTICLE_BYTES = 8 * 1024 * 1024


def decode(data: bytes, file: str) -> tuple[str, list[Diagnostic]]:
    """Decode an article file: UTF-8 (with or without BOM), UTF-16 with BOM, or Korean CP949.

    CP949 is accepted only when the decoded text is mostly Hangul — otherwise a wrong guess
    would turn the text into mojibake without anyone noticing. Anything else is refused with a
    :class:`LayoutError` naming the byte offset of the first bad byte and an ``iconv`` hint.
    Returns the text with line ends normalised to ``\\n`` and composed to NFC.
    """
    diagnostics: list[Diagnostic] = []
    skipped = 0
    if data.startswith(b"\xef\xbb\xbf"):
        data, skipped = data[3:], 3
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise LayoutError(f"not valid UTF-16 at byte {error.start}", file=file,
                              hint=f"convert it: iconv -f utf-16 -t utf-8 {file}") from None
        diagnostics.append(Diagnostic("text", "read as UTF-16 (it has a UTF-16 byte-order mark)",
                                      file))
        return normalise(text), diagnostics
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad_offset = error.start + skipped   # counted in the file as it is on disk
        bad_line = data.count(b"\n", 0, error.start) + 1
        text = _try_cp949(data)
        if text is None:
            raise LayoutError(
                f"not UTF-8: byte 0x{data[error.start]:02x} at offset {bad_offset} "
                "cannot be decoded",
                file=file, line=bad_line,
                hint=f"save the file as UTF-8, e.g. iconv -f cp949 -t utf-8 {file} (Korean) or "
                     f"iconv -f windows-1252 -t utf-8 {file} (Western)") from None
        diagnostics.append(Diagnostic(
            "text", "not UTF-8; read as CP949 (Korean) because the text is mostly Hangul — "
                    "please save it as UTF-8", file))
    return normalise(text), diagnostics


def _try_cp949(data: bytes) -> str | None:
    """CP949 text if ``data`` decodes as CP949 and its non-ASCII letters are ≥ 80 % Hangul."""
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError:
        return None
    non_ascii = [ch for ch in text if ord(ch) > 0x7F and ch.isalpha()]
    if not non_ascii:
        return None
    hangul = sum(1 for ch in non_ascii if is_hangul(ch))
    return text if hangul >= 0.8 * len(non_ascii) else None


def is_hangul(ch: str) -> bool:
    """True for Hangul syllables and jamo."""
    code = ord(ch)
    return (0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F
            or 0xA960 <= code <= 0xA97F or 0xD7B0 <= code <= 0xD7FF)


def normalise(text: str) -> str:
    """Line ends → ``\\n``, leading BOM dropped, Unicode NFC. Nothing else is touched."""
    if text.startswith("\ufeff"):
        text = text[1:]
    for line_break in _LINE_BREAKS:
        text = text.replace(line_break, "\n")
    return unicodedata.normalize("NFC", text)


def split_lines(text: str) -> list[str]:
    """The lines of normalised text, without their ``\\n`` (a final newline adds no line)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def is_blank(line: str) -> bool:
    """True when a line holds nothing printable: white space (NBSP too) and invisibles only."""
    return all(ch.isspace() or ch in _INVISIBLE or _is_control(ch) for ch in line)


def display_width(text: str) -> int:
    """Width in terminal cells: East Asian wide and full-width characters count twice.

    Used by the plain-text heuristics so that "short line" means the same for Hangul and Latin.
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch) == "Cc"


class Cleaner:
    """Cleans the strings of one article for printing and counts what it removed.

    One per article file, so that the count can be reported once, naming the file.
    """

    def __init__(self) -> None:
        self.removed: Counter[str] = Counter()

    def collapse(self, text: str) -> str:
        """Remove invisibles, turn every white-space run into one space; keep the edges."""
        if _REMOVED.search(text):
            self.removed.update(_REMOVED.findall(text))
            text = _REMOVED.sub("", text)
        return _SPACE_RUN.sub(" ", text)

    def clean(self, text: str) -> str:
        """:meth:`collapse`, then strip spaces (no-break spaces too) from both ends."""
        return self.collapse(text).strip(" \u00a0\u202f")

    def diagnostics(self, file: str) -> list[Diagnostic]:
        """One diagnostic listing what was removed, or none."""
        if not self.removed:
            return []
        total = sum(self.removed.values())
        parts = ", ".join(
            f"{count} × U+{ord(ch):04X} {unicodedata.name(ch, 'control character')}"
            for ch, count in sorted(self.removed.items()))
        noun = "character" if total == 1 else "characters"
        return [Diagnostic("text", f"removed {total} invisible {noun}: {parts}", file)]
