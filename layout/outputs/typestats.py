"""Stage 6 (outputs): pages → typesetting figures for the build report and the manifest.

Measured from what the pages draw (the set lines and their spacing), per page and for the
edition: justified body lines, loose lines (word spaces over 1.5× and 2× the font's space),
tight lines (under 0.8×), hyphenated line ends and the longest run of them down a column,
widows and orphans kept out or left, emergency lines, and the loosest line with where it is.
The word-space ratio is the gap between two words — the space glyph with Tc and Tw, and the
Tc after the last letter of the word — over the space's natural width, as pdfcheck measures it.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..compose.draws import TextDraw


@dataclass
class TypeStats:
    lines: int = 0
    loose_15: int = 0
    loose_20: int = 0
    tight: int = 0
    hyphenated: int = 0
    longest_ladder: int = 0
    keeps_fixed: int = 0
    keeps_left: int = 0
    emergency: int = 0
    loosest: dict = field(default_factory=dict)   # {page, ratio, text}

    def add(self, other: "TypeStats") -> None:
        for name in ("lines", "loose_15", "loose_20", "tight", "hyphenated", "keeps_fixed",
                     "keeps_left", "emergency"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.longest_ladder = max(self.longest_ladder, other.longest_ladder)
        if other.loosest and other.loosest["ratio"] > self.loosest.get("ratio", 0.0):
            self.loosest = dict(other.loosest)

    def as_dict(self) -> dict:
        return asdict(self)


def space_ratio(line) -> float | None:
    """Word-space ratio of a justified line, or None if it has no word space."""
    for face, size, text in line.runs:
        if " " in text:
            natural = face.advance(" ") * size / 1000.0
            gap = (natural + line.word_space + 2 * line.char_space) * line.h_scale
            return gap / natural
    return None


def page_stats(page) -> TypeStats:
    stats = TypeStats(keeps_fixed=page.keeps_fixed, keeps_left=page.keeps_left)
    columns: dict[float, list[TextDraw]] = {}
    for draw in page.draws:
        if not isinstance(draw, TextDraw) or draw.role != "body":
            continue
        line = draw.line
        columns.setdefault(round(draw.x - line.x_offset, 1), []).append(draw)
        stats.hyphenated += line.hyphenated
        stats.emergency += line.emergency
        if not line.justified:
            continue
        ratio = space_ratio(line)
        if ratio is None:
            continue
        stats.lines += 1
        stats.loose_15 += ratio > 1.5
        stats.loose_20 += ratio > 2.0
        stats.tight += ratio < 0.8
        if ratio > stats.loosest.get("ratio", 0.0):
            stats.loosest = {"page": page.number, "ratio": round(ratio, 2), "text": line.text}
    for draws in columns.values():
        run = 0
        for draw in sorted(draws, key=lambda d: -d.y):
            run = run + 1 if draw.line.hyphenated else 0
            stats.longest_ladder = max(stats.longest_ladder, run)
    return stats


def edition_stats(pages) -> tuple[TypeStats, list[TypeStats]]:
    per_page = [page_stats(page) for page in pages]
    total = TypeStats()
    for stats in per_page:
        total.add(stats)
    return total, per_page
