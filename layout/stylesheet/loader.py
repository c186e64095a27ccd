"""Stage 2 entry: a style name or YAML path → a validated, fully resolved :class:`StyleSheet`.

Order of resolution (each step may use the ones before it): colours → font families →
fallback chain → text styles (``like:`` first) → headline ranks → page (its baseline defaults to
the body leading) → engine settings. Independent mistakes are all reported in one
:class:`~layout.errors.LayoutErrors`; no other exception escapes for bad input.
"""
from __future__ import annotations

from pathlib import Path
from types import MappingProxyType
from typing import Any

from .inherit import MergedSheet, find_sheet, load_chain
from .kinds import BadValue, ParseContext, did_you_mean, show
from .physical import BUILTIN_COLORS
from .properties import (COLOR_ENTRY, FALLBACK, FONT_FAMILY, FURNITURE, HYPHENATION,
                         JUSTIFICATION, MAX_HEADLINE_RANKS, PAGE, PRINT, RULES, SHEET_KEYS,
                         SPACING, STYLE_NAMES, TEXT_STYLE, TYPOGRAPHY)
from .reader import Problems, read_section
from .types import (BLACK, Color, FontFamily, Furniture, Hyphenation, Justification,
                    ModuleSpacing, PageGeometry, PrintSettings, Rule, Rules, StyleSheet, TextStyle,
                    Typography)
from ..yamlsource import KeyPath


def load_stylesheet(name_or_path: str | Path, *, styles_dir: Path) -> StyleSheet:
    """Load, inherit, validate and resolve a style sheet.

    ``name_or_path``: a bare name (``"tabloid"`` → ``styles_dir/tabloid.yaml``) or a path (has a
    ``/`` or ends in ``.yaml``). Raises LayoutError (one problem) or LayoutErrors (several).
    """
    file = find_sheet(name_or_path, Path(styles_dir))
    merged = load_chain(file, Path(styles_dir))
    return _Resolver(file, merged).resolve()


class _Resolver:
    """Walks the merged YAML once, in dependency order, collecting every problem."""

    def __init__(self, file: Path, merged: MergedSheet):
        self.file = file
        self.raw = merged.value
        self.problems = Problems(merged.origins)
        self.family_names: list[str] = []
        self.declared_styles: dict = {}

    def mapping(self, key: str, what: str) -> dict:
        """The top-level mapping ``key`` ({} if absent; an error if it is not a mapping)."""
        value = self.raw.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problems.add((key,), f"expected a mapping of {what}, got {show(value)}")
            return {}
        return value

    def resolve(self) -> StyleSheet:
        for key in self.raw:
            if key not in SHEET_KEYS:
                self.problems.add((key,), "unknown key", did_you_mean(key, list(SHEET_KEYS)))
        colors = self.colors()
        fonts = self.fonts()
        ctx = ParseContext(colors=colors, font_families=frozenset(self.family_names))
        fallback = self.parse(FALLBACK.kind, self.raw.get("fallback", []), ("fallback",), ctx)
        styles = self.styles(ctx, fallback or ())
        headlines = self.headlines(ctx, fallback or ())
        body = styles.get("body")
        page = read_section(PAGE, self.raw.get("page"), ("page",), ctx, self.problems,
                            derived={"baseline": body.leading if body else None})
        settings = {section.name: read_section(section, self.raw.get(section.name),
                                               (section.name,), ctx, self.problems)
                    for section in (JUSTIFICATION, HYPHENATION, RULES, SPACING, FURNITURE,
                                    TYPOGRAPHY, PRINT)}
        self.problems.raise_if_any()
        assert page is not None and all(v is not None for v in settings.values())
        width, height = page.pop("size")
        rules = {slot: Rule(**values) for slot, values in settings["rules"].items()}
        return StyleSheet(
            name=self.file.stem, file=self.file,
            page=PageGeometry(width=width, height=height, **page),
            fonts=MappingProxyType(fonts), styles=MappingProxyType(styles),
            headlines=tuple(headlines), colors=MappingProxyType(colors),
            justification=Justification(**settings["justification"]),
            hyphenation=Hyphenation(**settings["hyphenation"]), rules=Rules(**rules),
            spacing=ModuleSpacing(**settings["spacing"]),
            furniture=Furniture(**settings["furniture"]),
            typography=Typography(**settings["typography"]),
            printing=PrintSettings(**settings["print"]))

    def parse(self, kind: Any, raw: Any, path: KeyPath, ctx: ParseContext) -> Any:
        """One value through its kind; None (and a recorded problem) when it does not fit."""
        try:
            return kind.parse(raw, ctx)
        except BadValue as exc:
            self.problems.add(path + exc.subpath, exc.message, exc.hint)
            return None

    def colors(self) -> dict[str, Color]:
        """Built-in colours plus ``colors:``; a broken entry still counts as declared (as black),
        so styles that use it do not report a second error."""
        colors = dict(BUILTIN_COLORS)
        for name, raw in self.mapping("colors", "colour names to colours").items():
            if not isinstance(name, str) or not name.strip() or name.startswith("#"):
                self.problems.add(("colors", name), "colour names must be words like ink or accent")
                continue
            colors[name] = self.parse(COLOR_ENTRY, raw, ("colors", name), ParseContext()) or BLACK
        return colors

    def fonts(self) -> dict[str, FontFamily]:
        """Font families; every declared name counts as known, even one with a bad file."""
        families = {}
        declared = self.mapping("fonts", "family names to font files")
        self.family_names = [str(name) for name in declared]
        if not declared:
            self.problems.add(("fonts",), "no font families declared",
                              "add fonts: {serif: {regular: ../fonts/NotoSerif-Regular.ttf}}")
        for name, raw in declared.items():
            values = read_section(FONT_FAMILY, raw, ("fonts", name), ParseContext(), self.problems)
            if values is not None:
                families[str(name)] = FontFamily(name=str(name), **values)
        return families

    def styles(self, ctx: ParseContext, fallback: tuple[str, ...]) -> dict[str, TextStyle]:
        """The named text styles; all of STYLE_NAMES must be there, and nothing else."""
        declared = self.declared_styles = self.mapping("styles", "style names to text styles")
        for name in declared:
            if name not in STYLE_NAMES:
                self.problems.add(("styles", name), "unknown style",
                                  did_you_mean(name, list(STYLE_NAMES)))
        missing = [name for name in STYLE_NAMES if name not in declared]
        if missing:
            self.problems.add(("styles",), "missing text style" + ("s" if len(missing) > 1 else "")
                              + ": " + ", ".join(missing), "every sheet needs all of: "
                              + ", ".join(STYLE_NAMES))
        styles = {}
        for name in STYLE_NAMES:
            if name in declared:
                style = self.text_style(name, ("styles", name), declared[name], declared, ctx,
                                        fallback)
                if style is not None:
                    styles[name] = style
        return styles

    def headlines(self, ctx: ParseContext, fallback: tuple[str, ...]) -> list[TextStyle]:
        """Headline styles by rank (rank 1 first); ranks must run 1, 2, … without gaps."""
        ranks = self.mapping("headline", "ranks to text styles")
        if not ranks:
            self.problems.add(("headline",), "no headline styles",
                              "give a list of text styles, rank 1 first")
            return []
        styles = self.declared_styles
        good = [r for r in ranks if isinstance(r, int) and not isinstance(r, bool)
                and 1 <= r <= MAX_HEADLINE_RANKS]
        for rank in ranks:
            if rank not in good:
                self.problems.add(("headline", rank), f"headline ranks are whole numbers 1 to "
                                                      f"{MAX_HEADLINE_RANKS}, got {show(rank)}")
        gaps = [r for r in range(1, max(good, default=0) + 1) if r not in ranks]
        if gaps:
            self.problems.add(("headline",), f"headline rank {gaps[0]} is missing",
                              "ranks must run 1, 2, 3, … without gaps")
        result = []
        for rank in sorted(good):
            style = self.text_style(f"headline{rank}", ("headline", rank), ranks[rank], styles,
                                    ctx, fallback)
            if style is not None:
                result.append(style)
        return result

    def text_style(self, name: str, path: KeyPath, raw: Any, styles: dict, ctx: ParseContext,
                   fallback: tuple[str, ...]) -> TextStyle | None:
        """One text style (``raw``, written at ``path``) resolved against ``styles`` for like:."""
        combined, key_paths = self.like(raw, path, styles, [])
        values = read_section(TEXT_STYLE, combined, path, ctx, self.problems, key_paths=key_paths)
        if values is None:
            return None
        values.pop("like")
        fonts = tuple(dict.fromkeys(values.pop("font") + fallback))
        return TextStyle(name=name, fonts=fonts, **values)

    def like(self, raw: Any, path: KeyPath, styles: dict, seen: list[str]
             ) -> tuple[Any, dict[str, KeyPath]]:
        """``raw`` with the keys of the style it is ``like:`` (recursively) filled in, and the
        path each filled-in key was written at."""
        if not isinstance(raw, dict) or "like" not in raw:
            return raw, {}
        base_name = raw["like"]
        like_path = path + ("like",)
        if not isinstance(base_name, str) or base_name not in styles:
            self.problems.add(like_path, f"no style named {show(base_name)} under styles:",
                              did_you_mean(base_name, list(styles)))
            return {k: v for k, v in raw.items() if k != "like"}, {}
        if base_name in seen or path == ("styles", base_name):
            loop = " → ".join(seen + [path[-1], base_name])
            self.problems.add(like_path, f"circular like: {loop}")
            return {k: v for k, v in raw.items() if k != "like"}, {}
        base_path = ("styles", base_name)
        base, base_paths = self.like(styles[base_name], base_path, styles, seen + [str(path[-1])])
        if not isinstance(base, dict):
            return raw, {}
        combined = {**base, **raw}
        key_paths = {key: base_paths.get(key, base_path + (key,)) for key in base if key not in raw}
        return combined, key_paths
