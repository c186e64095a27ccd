"""Stage 2 value kinds for physical material: ink colours, paper sizes and font files.

Same contract as ``kinds.py``: raw YAML value → checked value, or :class:`BadValue`.
"""
from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from .kinds import BadValue, Kind, Length, ParseContext, did_you_mean, show
from .types import Color

BUILTIN_COLORS: Mapping[str, Color] = {
    "black": Color("gray", (0.0,)),
    "white": Color("gray", (1.0,)),
}

# Page sizes in points (width, height), portrait.
_MM = 72.0 / 25.4
PAGE_SIZES: Mapping[str, tuple[float, float]] = {
    "tabloid": (11 * 72.0, 17 * 72.0),
    "broadsheet": (12 * 72.0, 22.75 * 72.0),
    "berliner": (315 * _MM, 470 * _MM),
    "a3": (297 * _MM, 420 * _MM),
    "a4": (210 * _MM, 297 * _MM),
    "letter": (8.5 * 72.0, 11 * 72.0),
}
PAGE_SIDE_MIN, PAGE_SIDE_MAX = 3 * 72.0, 60 * 72.0

_HEX = re.compile(r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_FUNCTION = re.compile(r"^(cmyk|gray|grey)\s*\((.*)\)$", re.IGNORECASE)
COLOR_FORMS = '"#1a1a1a", "#abc", "cmyk(0, 0, 0, 100)", "gray(20)" or a name from colors:'


@dataclass(frozen=True)
class Colour(Kind):
    """A colour. ``#rrggbb``/``#rgb`` → RGB; ``cmyk(c, m, y, k)`` and ``gray(k)`` are percentages
    of ink, 0–100 (``gray(0)`` is paper white, ``gray(100)`` solid black); or a colour name.

    Fractions like ``gray(0.5)`` are refused: they almost always mean 50 %, which is ``gray(50)``.
    ``references`` False (inside ``colors:`` itself) allows only literal colours.
    """

    references: bool = True
    label = "colour"

    def parse(self, raw: Any, ctx: ParseContext) -> Color:
        if not isinstance(raw, str):
            hint = ('quote hex colours: "#1a1a1a" (an unquoted # starts a YAML comment)'
                    if raw is None else None)
            raise BadValue(f"expected a colour like {COLOR_FORMS}, got {show(raw)}", hint=hint)
        text = raw.strip()
        if _HEX.match(text):
            digits = text[1:]
            if len(digits) == 3:
                digits = "".join(c * 2 for c in digits)
            return Color("rgb", tuple(int(digits[i:i + 2], 16) / 255 for i in (0, 2, 4)))
        function = _FUNCTION.match(text)
        if function:
            return _ink_colour(function.group(1).lower(), function.group(2), raw)
        known = {**BUILTIN_COLORS, **ctx.colors}
        if self.references and text in known:
            return known[text]
        names = sorted(known) if self.references else []
        hint = did_you_mean(text, names) if names else None
        if text.startswith("#"):
            hint = "write six hex digits (#1a1a1a) or three (#abc)"
        elif _FUNCTION.match(text + ")"):   # cut at a comma: YAML flow style split it
            hint = 'inside { } or [ ], put it in quotes: "cmyk(0, 0, 0, 100)"'
        raise BadValue(f"expected a colour like {COLOR_FORMS}, got {show(raw)}", hint=hint)

    def allowed(self) -> str:
        return "#rrggbb, #rgb, cmyk(c, m, y, k), gray(k), a name"


def _ink_colour(space: str, arguments: str, raw: str) -> Color:
    count = 4 if space == "cmyk" else 1
    parts = [part.strip().rstrip("%").strip() for part in arguments.split(",")]
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        numbers = []
    if len(numbers) != count or not all(math.isfinite(n) for n in numbers):
        raise BadValue(f'{space}( ) needs {count} number{"s" if count > 1 else ""}, got "{raw}"',
                       hint="cmyk(0, 0, 0, 100)" if count == 4 else "gray(20) means 20 % black ink")
    if any(n < 0 or n > 100 for n in numbers):
        raise BadValue(f'"{raw}": ink percentages must be between 0 and 100')
    if any(0 < n < 1 for n in numbers):
        suggestion = ", ".join(f"{n * 100:g}" if 0 < n < 1 else f"{n:g}" for n in numbers)
        raise BadValue(f'"{raw}": ink is given in percent (0–100), not as a fraction',
                       hint=f"did you mean {space}({suggestion})?")
    if space == "cmyk":
        return Color("cmyk", tuple(n / 100 for n in numbers))
    return Color("gray", (1 - numbers[0] / 100,))   # DeviceGray: 1 is white, 0 is black


@dataclass(frozen=True)
class PageSize(Kind):
    """``tabloid``/``broadsheet``/``berliner``/``a3``/``a4``/``letter``, ``"W x H"`` or
    ``{width:, height:}``; gives ``(width, height)`` in points."""

    label = "page size"

    def parse(self, raw: Any, ctx: ParseContext) -> tuple[float, float]:
        if isinstance(raw, str) and raw.strip().lower() in PAGE_SIZES:
            return PAGE_SIZES[raw.strip().lower()]
        if isinstance(raw, str) and re.search(r"[x×]", raw) and re.search(r"\d", raw):
            parts = re.split(r"\s*[x×]\s*(?=[\d.])", raw.strip(), maxsplit=1)
            if len(parts) == 2:
                return self._sides({"width": parts[0], "height": parts[1]}, prefix=False)
        if isinstance(raw, dict):
            unknown = [k for k in raw if k not in ("width", "height")]
            if unknown:
                raise BadValue("unknown key", hint=did_you_mean(unknown[0], ["width", "height"]),
                               subpath=(unknown[0],))
            return self._sides(raw, prefix=True)
        raise BadValue(f'expected {", ".join(PAGE_SIZES)}, "280mm x 430mm" or '
                       f"{{width:, height:}}, got {show(raw)}",
                       hint=did_you_mean(raw, list(PAGE_SIZES)) if isinstance(raw, str) else None)

    @staticmethod
    def _sides(sides: dict, prefix: bool) -> tuple[float, float]:
        result = []
        for side in ("width", "height"):
            where = (side,) if prefix else ()
            if side not in sides:
                raise BadValue(f"missing {side}", subpath=())
            try:
                value = Length(PAGE_SIDE_MIN, PAGE_SIDE_MAX).parse(sides[side], ParseContext())
            except BadValue as exc:
                raise BadValue(f"page {side}: {exc.message}", exc.hint, where) from None
            result.append(value)
        return result[0], result[1]

    def allowed(self) -> str:
        return ", ".join(PAGE_SIZES) + ', "W x H", {width, height}'


# First bytes of font files: TrueType outlines are what ReportLab embeds.
_TRUETYPE_MAGIC = (b"\x00\x01\x00\x00", b"true")
_REFUSED_MAGIC = {
    b"OTTO": ("is an OpenType font with CFF (PostScript) outlines, which ReportLab cannot embed",
              "use the TrueType (.ttf) version of the font"),
    b"ttcf": ("is a TrueType collection (.ttc)", "extract the one face you need into a .ttf"),
    b"wOFF": ("is a WOFF web font", "use the .ttf file the web font was made from"),
    b"wOF2": ("is a WOFF2 web font", "use the .ttf file the web font was made from"),
}


#: The project's bundled fonts, which the shipped style sheets (and any other) may use.
BUNDLED_FONTS = (Path(__file__).resolve().parents[2] / "fonts").resolve()


@dataclass(frozen=True)
class FontFile(Kind):
    """A TrueType font file, relative to the YAML file that names it; must exist, and lie under
    the folder that holds that file's folder (``styles/x.yaml`` → ``fonts/y.ttf``) or in the
    project's ``fonts/`` folder."""

    label = "font file"

    def parse(self, raw: Any, ctx: ParseContext) -> Path:
        if not isinstance(raw, str) or not raw.strip() or "\0" in raw:
            raise BadValue(f"expected the path of a .ttf file, got {show(raw)}")
        path = Path(os.path.abspath(ctx.base_dir / raw.strip()))
        real = path.resolve()
        # The style sheet's folder and its parent: a styles/ folder with fonts/ beside it, as
        # this project ships them.
        home = Path(ctx.base_dir).resolve().parent
        if not (real.is_relative_to(home) or real.is_relative_to(BUNDLED_FONTS)):
            raise BadValue(f'"{raw}" is outside the style sheet\'s folder ({real})',
                           hint="copy the font next to the style sheet (or into a fonts/ "
                                "folder beside its folder), or use one of the project's fonts/")
        if path.exists() and not path.is_file():   # a directory, a pipe, a device …
            raise BadValue(f'"{raw}" is not a font file (looked at {path})')
        try:
            with path.open("rb") as handle:
                magic = handle.read(4)
        except FileNotFoundError:
            relative = not Path(raw.strip()).is_absolute()
            raise BadValue(f'font file not found: "{raw}" (looked for {path})',
                           hint="paths are relative to the YAML file that names them"
                           if relative else None) from None
        except OSError as exc:
            raise BadValue(f'cannot read font file "{raw}": {exc.strerror or exc}') from None
        if magic in _REFUSED_MAGIC:
            problem, hint = _REFUSED_MAGIC[magic]
            raise BadValue(f'"{raw}" {problem}', hint=hint)
        if magic not in _TRUETYPE_MAGIC:
            raise BadValue(f'"{raw}" is not a TrueType font file', hint="use a .ttf file")
        return path

    def allowed(self) -> str:
        return "TrueType (.ttf), relative to this YAML file"


#: The CMYK output profile shipped (ISO Coated v2 300 % (basICColor), zlib licence; see
#: layout/outputs/icc/README.md); ``print.profile`` names another.
BUNDLED_CMYK_PROFILE = Path(__file__).resolve().parent.parent / "outputs" / "icc" / \
    "ISOcoated_v2_300_bas.icc"


@dataclass(frozen=True)
class ProfileFile(Kind):
    """A CMYK output ICC profile (a plant's, e.g. ISOnewspaper26v4.icc), relative to the YAML
    file that names it; it must exist and be an ICC profile of class ``prtr`` in CMYK."""

    label = "ICC profile file"

    def parse(self, raw: Any, ctx: ParseContext) -> Path:
        if not isinstance(raw, str) or not raw.strip() or "\0" in raw:
            raise BadValue(f"expected the path of a .icc file, got {show(raw)}")
        path = Path(os.path.abspath(ctx.base_dir / raw.strip()))
        try:
            with path.open("rb") as handle:
                header = handle.read(40)
        except FileNotFoundError:
            raise BadValue(f'profile not found: "{raw}" (looked for {path})',
                           hint="paths are relative to the YAML file that names them") from None
        except OSError as exc:
            raise BadValue(f'cannot read profile "{raw}": {exc.strerror or exc}') from None
        if len(header) < 40 or header[36:40] != b"acsp":
            raise BadValue(f'"{raw}" is not an ICC profile')
        if header[16:20] != b"CMYK" or header[12:16] != b"prtr":
            raise BadValue(f'"{raw}" is not a CMYK output profile (it is a '
                           f'{header[16:20].decode("latin-1").strip()} '
                           f'{header[12:16].decode("latin-1")} profile)',
                           hint="the plant's profile for its paper and press, e.g. "
                                "ISOnewspaper26v4.icc")
        return path

    def allowed(self) -> str:
        return "a CMYK output profile (.icc), relative to this YAML file"
