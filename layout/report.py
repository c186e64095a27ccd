"""The build report printed by ``newsprint build``: pages, articles, jumps, warnings."""
from __future__ import annotations

from collections import Counter

MAX_LISTED = 40


def build_report(result) -> str:
    pagination = result.pagination
    pages = pagination.pages
    lines = [f"{result.pdf}: {len(pages)} pages, {len(result.edition.articles)} articles, "
             f"{len(pagination.jumps)} jumps, {len(result.diagnostics)} warnings "
             f"({result.seconds:.2f} s; style {result.style.name})"]
    for page in pages:
        fill = page.rows_used / page.rows_total if page.rows_total else 0.0
        lines.append(f"  page {page.number:>2} {page.section or '-':<14} fill {fill:5.1%}  "
                     + ", ".join(page.articles))
    for jump in pagination.jumps:
        lines.append(f"  jump: {jump.article} page {jump.from_page} → page {jump.to_page}")
    if result.diagnostics:
        kinds = Counter(d.kind for d in result.diagnostics)
        lines.append("warnings: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))
        for diagnostic in result.diagnostics[:MAX_LISTED]:
            lines.append(f"  {diagnostic.kind}: {diagnostic.format()}")
        if len(result.diagnostics) > MAX_LISTED:
            lines.append(f"  … and {len(result.diagnostics) - MAX_LISTED} more in manifest.json")
    lines.append(f"manifest: {result.manifest}")
    return "\n".join(lines)
