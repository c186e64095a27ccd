"""Stage 3a (text): pair kerning from a TrueType font's own data, for display sizes.

``Kerning(path).pair(left, right)`` is the advance adjustment, in 1/1000 em, that the font asks
for between two characters: from the GPOS ``kern`` feature (pair adjustment lookups, formats 1
and 2, also inside extension lookups), else from a legacy ``kern`` table. Values are read on
first use and cached. Only the x-advance of the first glyph is used (horizontal text).
"""
from __future__ import annotations

from pathlib import Path

from fontTools.ttLib import TTFont


class Kerning:
    def __init__(self, path: Path):
        font = TTFont(str(path), lazy=True)
        self._scale = 1000.0 / font["head"].unitsPerEm
        self._cmap = font.getBestCmap() or {}
        self._subtables = _pair_subtables(font)
        self._legacy = _legacy_pairs(font) if not self._subtables else {}
        self._pairs: dict[tuple[str, str], float] = {}

    def pair(self, left: str, right: str) -> float:
        key = (left, right)
        value = self._pairs.get(key)
        if value is None:
            value = self._lookup(self._cmap.get(ord(left)), self._cmap.get(ord(right)))
            self._pairs[key] = value
        return value

    def _lookup(self, first: str | None, second: str | None) -> float:
        if first is None or second is None:
            return 0.0
        if self._legacy:
            return self._legacy.get((first, second), 0) * self._scale
        for subtable in self._subtables:
            coverage = subtable.Coverage.glyphs
            if first not in coverage:
                continue
            if subtable.Format == 1:
                index = coverage.index(first)
                for record in subtable.PairSet[index].PairValueRecord:
                    if record.SecondGlyph == second:
                        return _x_advance(record.Value1) * self._scale
            elif subtable.Format == 2:
                class1 = subtable.ClassDef1.classDefs.get(first, 0)
                class2 = subtable.ClassDef2.classDefs.get(second, 0)
                record = subtable.Class1Record[class1].Class2Record[class2]
                value = _x_advance(record.Value1)
                if value:
                    return value * self._scale
        return 0.0


def _x_advance(value) -> float:
    return float(getattr(value, "XAdvance", 0) or 0) if value is not None else 0.0


def _pair_subtables(font: TTFont) -> list:
    if "GPOS" not in font:
        return []
    table = font["GPOS"].table
    if not table.FeatureList or not table.LookupList:
        return []
    indexes = sorted({index for record in table.FeatureList.FeatureRecord
                      if record.FeatureTag == "kern"
                      for index in record.Feature.LookupListIndex})
    subtables = []
    for index in indexes:
        lookup = table.LookupList.Lookup[index]
        for subtable in lookup.SubTable:
            if lookup.LookupType == 9:          # extension: the real subtable is inside
                subtable = subtable.ExtSubTable
            if getattr(subtable, "LookupType", 2) == 2 and hasattr(subtable, "Coverage"):
                subtables.append(subtable)
    return subtables


def _legacy_pairs(font: TTFont) -> dict:
    if "kern" not in font:
        return {}
    pairs: dict = {}
    for subtable in font["kern"].kernTables:
        pairs.update(getattr(subtable, "kernTable", {}) or {})
    return pairs
