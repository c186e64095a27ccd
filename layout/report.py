"""The build report printed by ``newsprint build``: pages, articles, jumps, warnings."""
from __future__ import annotations

from collections import Counter

MAX_LISTED = 40


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "-"


def _typesetting(stats) -> str:
    """One paragraph on the edition's typesetting (figures defined in outputs/typestats.py)."""
    text = (f"typesetting: {stats.lines} justified lines; word spaces over 1.5x "
            f"{_share(stats.loose_15, stats.lines)}, over 2x {_share(stats.loose_20, stats.lines)}, "
            f"tight {_share(stats.tight, stats.lines)}; {stats.hyphenated} hyphenated line ends, "
            f"longest run {stats.longest_ladder}; widows/orphans kept out {stats.keeps_fixed}, "
            f"left {stats.keeps_left}; emergency lines {stats.emergency}")
    if stats.loosest:
        text += (f"\n  loosest line: page {stats.loosest['page']}, word spaces "
                 f"{stats.loosest['ratio']}x: {stats.loosest['text']!r}")
    return text


def build_report(result) -> str:
    pagination = result.pagination
    pages = pagination.pages
    what = result.pdf if result.pdf is not None else "plan (nothing written)"
    lines = [f"{what}: {len(pages)} pages, {len(result.edition.articles)} articles, "
             f"{len(pagination.jumps)} jumps, {len(result.diagnostics)} warnings "
             f"({result.seconds:.2f} s; style {result.style.name})"]
    for page, stats in zip(pages, result.page_typesetting):
        fill = page.rows_used / page.rows_total if page.rows_total else 0.0
        modules = ", ".join(f"{m.article}{f' (part {m.part + 1})' if m.part else ''} "
                            f"{m.columns}×{m.lines}{' →' if m.jumps else ''}"
                            f"{' (filler)' if m.filler else ''}"
                            for m in page.modules)
        holes = page.hole_lines / page.grid_lines if page.grid_lines else 0.0
        lines.append(f"  page {page.number:>2} {page.section or '-':<14} fill {fill:5.1%}  "
                     f"holes {holes:4.1%}  "
                     f"loose {stats.loose_20:>2} hyph {stats.hyphenated:>3} "
                     f"ladder {stats.longest_ladder}  {modules}")
    if pagination.locked:
        lines.append("locked: pages " + ", ".join(map(str, pagination.locked))
                     + " keep the modules of the previous build; "
                     + (", ".join(f"{o.article} overset {o.lines} lines on page {o.page}"
                                  for o in pagination.overset) or "nothing overset"))
    lines.append(_typesetting(result.typesetting))
    for jump in pagination.jumps:
        lines.append(f"  jump: {jump.article} page {jump.from_page} → page {jump.to_page}")
    if result.diagnostics:
        kinds = Counter(d.kind for d in result.diagnostics)
        lines.append("warnings: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))
        for diagnostic in result.diagnostics[:MAX_LISTED]:
            lines.append(f"  {diagnostic.kind}: {diagnostic.format()}")
        if len(result.diagnostics) > MAX_LISTED:
            lines.append(f"  … and {len(result.diagnostics) - MAX_LISTED} more in manifest.json")
    if getattr(result, "preflight", None) is not None:
        from .outputs.preflight import table
        lines.append(table(result.preflight))
    for name in ("print", "previews"):
        if result.written.get(name):
            lines.append(f"{name}: {len(result.written[name])} files in "
                         f"{result.pdf.parent / name}")
    if result.manifest is not None:
        lines.append(f"manifest: {result.manifest}")
    return "\n".join(lines)
