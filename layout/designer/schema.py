"""Designer tool: the style-sheet declarations → a JSON Schema (2020-12) for editors.

Generated from the same tables as docs/STYLES.md (``layout/stylesheet/properties.py``), so an
editor with a YAML language server completes and checks exactly the keys the loader accepts.
``newsprint schema`` prints it; ``styles/style.schema.json`` is the committed copy that the
shipped sheets name on their first line (a test keeps the two equal).

What a schema cannot say is left to the loader, and said in the descriptions: limits of a
length written with a unit (``"9.5pt"``; a plain number of points is range-checked here),
references between keys (font family and colour names, ``like:``), the cross-key rules
(leading against size, margins against the page), and required keys, which only apply after
``extends:`` has been resolved (a sheet without ``extends`` must have page, fonts, styles and
headline).
"""
from __future__ import annotations

import json
import re
from typing import Any

from ..stylesheet.kinds import (Boolean, Choice, FontList, Integer, Kind, Length, Names, Number,
                                Template, Text)
from ..stylesheet.physical import PAGE_SIDE_MAX, PAGE_SIDE_MIN, PAGE_SIZES, Colour, FontFile, \
    PageSize, ProfileFile
from ..stylesheet.properties import (COLOR_ENTRY, FALLBACK, FONT_FAMILY, FURNITURE, HYPHENATION,
                                     JUSTIFICATION, MAX_HEADLINE_RANKS, PAGE, REQUIRED, RULES,
                                     SHEET_KEYS, SPACING, STYLE_NAMES, TEXT_STYLE, TYPOGRAPHY, PRINT,
                                     WORDS, Derived, LanguageWords, Nested, Section)
from ..units import POINTS_PER

SCHEMA_ID = "https://newsprint.invalid/style.schema.json"
SCHEMA_FILE = "style.schema.json"          # in styles/, beside the shipped sheets
_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"


def _length_pattern(em: bool) -> str:
    units = "|".join(list(POINTS_PER) + (["em"] if em else []))
    return rf"^\s*{_NUMBER}\s*({units})?\s*$"


def _any_case(word: str) -> str:
    """A regex matching ``word`` in any letter case (ECMA-262 patterns have no ``(?i)``)."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in word)


def _limits(kind: Any) -> str:
    text = kind.allowed()
    return f" Allowed: {text}." if text else ""


def kind_schema(kind: Kind) -> dict:
    """The JSON Schema of one value kind."""
    if isinstance(kind, Length):
        number = {"type": "number"}
        if kind.min is not None:
            number["minimum"] = kind.min
        if kind.max is not None:
            number["maximum"] = kind.max
        units = ", ".join(list(POINTS_PER) + (["em"] if kind.em else []))
        return {"anyOf": [number, {"type": "string", "pattern": _length_pattern(kind.em)}],
                "description": f"A length: points, or a number with a unit ({units})."
                               + _limits(kind) + " (Limits of lengths written with a unit are "
                               "checked by the loader.)"}
    if isinstance(kind, (Integer, Number)):
        schema = {"type": "integer" if isinstance(kind, Integer) else "number"}
        if kind.min is not None:
            schema["minimum"] = kind.min
        if kind.max is not None:
            schema["maximum"] = kind.max
        return schema
    if isinstance(kind, Boolean):
        return {"type": "boolean"}
    if isinstance(kind, Choice):
        values = [member.value for member in kind.enum]
        # The loader matches without regard to case and surrounding blanks; the enum is there
        # for editors' completion.
        any_case = "|".join(_any_case(v) for v in values)
        return {"anyOf": [{"enum": values},
                          {"type": "string", "pattern": rf"^\s*({any_case})\s*$"}]}
    if isinstance(kind, FontList):
        names = {"type": "array", "items": {"type": "string"}}
        if not kind.allow_empty:
            names["minItems"] = 1
        return {"anyOf": [{"type": "string"}, names],
                "description": "A font family declared under fonts:, or a list of them."}
    if isinstance(kind, Text):
        schema: dict = {"type": "string", "maxLength": kind.max_length}
        if kind.placeholder:
            name = re.escape(kind.placeholder)
            schema["allOf"] = [{"pattern": name},
                               {"pattern": rf"^([^{{}}]|\{{\{{|\}}\}}|{name})*$"}]
        return schema
    if isinstance(kind, Template):
        # Only the named fields may stand in braces ({{ and }} are literal braces).
        fields = "|".join(re.escape(name) for name in kind.fields)
        spec = r"(:[^{}]*)?" if kind.samples else ""
        return {"type": "string", "maxLength": kind.max_length,
                "pattern": rf"^([^{{}}]|\{{\{{|\}}\}}|\{{({fields}){spec}\}})*$",
                "description": "Text; " + kind.allowed() + "."}
    if isinstance(kind, Names):
        return {"type": "array", "minItems": kind.count, "maxItems": kind.count,
                "items": {"type": "string", "pattern": r"\S"}}
    if isinstance(kind, LanguageWords):
        words = {"type": "object", "additionalProperties": False,
                 "properties": {name: {**kind_schema(word), "description": help_}
                                for name, word, _default, help_ in WORDS}}
        return {"type": "object", "propertyNames": {"minLength": 1, "maxLength": 12},
                "additionalProperties": words,
                "description": "Furniture words per language code (ko: {jump_to: …})."}
    if isinstance(kind, Colour):
        hex_colour = r"^\s*#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})\s*$"
        ink = (r"^\s*(" + _any_case("cmyk") + "|" + _any_case("gray") + "|" + _any_case("grey")
               + r")\s*\(.*\)\s*$")
        forms = [{"type": "string", "pattern": hex_colour}, {"type": "string", "pattern": ink}]
        if kind.references:
            forms.append({"type": "string", "pattern": r"^\s*[^#\s]", "description":
                          "a colour name: black, white or one declared under colors:"})
        return {"anyOf": forms, "description": "A colour: " + kind.allowed() + "."}
    if isinstance(kind, PageSize):
        side = kind_schema(Length(PAGE_SIDE_MIN, PAGE_SIDE_MAX))
        names = list(PAGE_SIZES)
        return {"anyOf": [
            {"enum": names},
            {"type": "string", "pattern": r"^\s*(" + "|".join(_any_case(n) for n in names)
                                          + r")\s*$"},
            {"type": "string", "pattern": r"^\s*" + _NUMBER + r"\s*[a-z]*\s*[x×]\s*"
                                          + _NUMBER + r"\s*[a-z]*\s*$"},
            {"type": "object", "properties": {"width": side, "height": side},
             "required": ["width", "height"], "additionalProperties": False}]}
    if isinstance(kind, ProfileFile):
        return {"type": "string", "minLength": 1,
                "description": "A CMYK output ICC profile (.icc), relative to the YAML file "
                               "that names it."}
    if isinstance(kind, FontFile):
        return {"type": "string", "minLength": 1,
                "description": "A TrueType (.ttf) file, relative to the YAML file that names it."}
    if isinstance(kind, Nested):
        return section_schema(kind.section)
    raise TypeError(f"no schema for {type(kind).__name__}")   # a new kind needs a case here


def _default(default: Any) -> Any:
    """A declared default as JSON, or None when there is nothing to state."""
    if default is REQUIRED or default is None or isinstance(default, Derived):
        return None
    if isinstance(default, dict) and not default:
        return None
    return default


def section_schema(section: Section) -> dict:
    """One declared section → an object schema: every key described, no other key allowed."""
    properties = {}
    for prop in section.properties:
        schema = dict(kind_schema(prop.kind))
        described = prop.description
        if prop.default is REQUIRED:
            described += " Required."
        elif isinstance(prop.default, Derived):
            described += f" Default: {prop.default.description}."
        if "description" in schema:
            described += " " + schema["description"]
        schema["description"] = described
        default = _default(prop.default)
        if default is not None:
            schema["default"] = default
        properties[prop.name] = schema
    description = section.description
    if section.checks:
        description += " Also checked (by the loader): " + \
            "; ".join(check.rule for check in section.checks) + "."
    return {"type": "object", "description": description, "properties": properties,
            "additionalProperties": False}


def style_schema() -> dict:
    """The whole JSON Schema of a style sheet (deterministic)."""
    text_style = {"$ref": "#/$defs/text_style"}
    ranks = "|".join(str(rank) for rank in range(MAX_HEADLINE_RANKS, 0, -1))
    top = {
        "extends": {"type": "string", "minLength": 1},
        "page": {"$ref": "#/$defs/page"},
        "colors": {"type": "object", "additionalProperties": kind_schema(COLOR_ENTRY),
                   "propertyNames": {"pattern": r"^[^#\s]"}},
        "fonts": {"type": "object", "additionalProperties": {"$ref": "#/$defs/font_family"}},
        "fallback": kind_schema(FALLBACK.kind),
        "styles": {"type": "object",
                   "properties": {name: {"$ref": "#/$defs/text_style", "description": text}
                                  for name, text in STYLE_NAMES.items()},
                   "additionalProperties": False},
        "headline": {"anyOf": [
            {"type": "array", "items": text_style, "minItems": 1,
             "maxItems": MAX_HEADLINE_RANKS},
            {"type": "object", "patternProperties": {rf"^\s*({ranks})\s*$": text_style},
             "additionalProperties": False, "minProperties": 1}]},
    }
    for section in (JUSTIFICATION, HYPHENATION, RULES, SPACING, FURNITURE, TYPOGRAPHY, PRINT):
        top[section.name] = {"$ref": f"#/$defs/{section.name}"}
    for key, schema in top.items():
        top[key] = {**schema, "description": SHEET_KEYS[key]}
    defs = {"page": section_schema(PAGE), "font_family": section_schema(FONT_FAMILY),
            "text_style": section_schema(TEXT_STYLE)}
    for section in (JUSTIFICATION, HYPHENATION, RULES, SPACING, FURNITURE, TYPOGRAPHY, PRINT):
        defs[section.name] = section_schema(section)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Newsprint style sheet",
        "description": "A Newsprint style sheet (docs/STYLES.md). Generated from "
                       "layout/stylesheet/properties.py by `newsprint schema`; do not edit. "
                       "The loader also checks what a schema cannot: references between keys, "
                       "cross-key rules, limits of lengths written with units, and required keys "
                       "after extends.",
        "type": "object",
        "properties": top,
        "additionalProperties": False,
        # Without extends, the sheet must give everything itself.
        "if": {"not": {"required": ["extends"]}},
        "then": {"required": ["page", "fonts", "styles", "headline"]},
        "$defs": defs,
    }


def schema_text() -> str:
    """The schema as the committed file holds it."""
    return json.dumps(style_schema(), ensure_ascii=False, indent=2) + "\n"


__all__ = ["SCHEMA_FILE", "kind_schema", "schema_text", "section_schema", "style_schema"]
