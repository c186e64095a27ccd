"""Designer tool (style diff): the diff's data → one HTML report over all editions.

Per edition: the figures before → after (changed ones marked), the stories that changed page,
and per page the before/after/difference pictures with the share of the page that changed.
The pictures are linked by relative paths (``<edition>/page-NN-*.png``), so the folder can be
moved or zipped as a whole.
"""
from __future__ import annotations

from html import escape
from pathlib import Path

LABELS = {
    "pages": "pages", "jumps": "jumps",
    "holes_mean": "white holes, % a page (mean, last page left out)",
    "holes_max": "white holes, % of the worst page (last page left out)",
    "loose_lines": "loose lines (>2×)", "hyphenated": "hyphenated line ends",
    "longest_ladder": "longest hyphen ladder", "widows_orphans": "widows/orphans left",
    "photos_below_ppi": "photos below 150 ppi", "warnings": "warnings",
}

STYLE = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 24px; color: #222; background: #faf9f6; }
table { border-collapse: collapse; margin: 8px 0 16px; }
td, th { border: 1px solid #ccc; padding: 3px 8px; text-align: left; }
tr.changed td { background: #fff1c2; }
.pages { display: flex; flex-wrap: wrap; gap: 18px; }
.page { background: white; padding: 8px; box-shadow: 0 1px 3px #0003; }
.page img { width: 220px; margin-right: 4px; border: 1px solid #ddd; }
.same { color: #777; }
"""


def _cell(value) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    return escape(str(value))


def _edition(result: dict) -> str:
    parts = [f"<section><h2>{escape(result['name'])}</h2>",
             f"<p>{escape(result['edition'])} — style {escape(result['style_before'])} → "
             f"{escape(result['style_after'])}</p>"]
    if result["identical"]:
        parts.append("<p class='same'>No change: both styles give the identical PDF "
                     f"(SHA-256 {result['sha256_after'][:16]}…).</p></section>")
        return "\n".join(parts)
    rows = ["<table><tr><th>figure</th><th>before</th><th>after</th></tr>"]
    for key, values in result["figures"].items():
        changed = " class='changed'" if values["before"] != values["after"] else ""
        rows.append(f"<tr{changed}><td>{LABELS.get(key, key)}</td><td>{_cell(values['before'])}"
                    f"</td><td>{_cell(values['after'])}</td></tr>")
    holes = result["holes_by_page"]
    rows.append(f"<tr><td>holes by page, %</td><td>{_cell(holes['before'])}</td>"
                f"<td>{_cell(holes['after'])}</td></tr></table>")
    parts.append("".join(rows))
    if result["moved_stories"]:
        parts.append("<h3>Stories that changed page</h3><table><tr><th>story</th><th>before"
                     "</th><th>after</th></tr>" + "".join(
                         f"<tr><td>{escape(m['story'])}</td><td>{_cell(m['before'])}</td>"
                         f"<td>{_cell(m['after'])}</td></tr>" for m in result["moved_stories"])
                     + "</table>")
    parts.append("<h3>Pages</h3><div class='pages'>")
    base = escape(result["name"])
    for page in result["pages"]:
        parts.append(
            f"<div class='page'><div>page {page['page']}: {page['changed']:.1%} of the page "
            f"changed</div>"
            + "".join(f"<a href='{base}/{page[kind]}'><img src='{base}/{page[kind]}' "
                      f"alt='page {page['page']} {kind}' title='{kind}'></a>"
                      for kind in ("before", "after", "diff")) + "</div>")
    parts.append("</div></section>")
    return "\n".join(parts)


def write_html(data: dict, path: Path) -> None:
    changed = sum(1 for r in data["editions"] if not r["identical"])
    title = f"Style diff: {data['against'] or 'each edition’s own style'} → {data['style']}"
    body = [f"<h1>{escape(title)}</h1>",
            f"<p>{len(data['editions'])} editions, {changed} changed "
            f"({data['seconds']:.1f} s). Before / after / difference: changed pixels in red.</p>"]
    body += [_edition(result) for result in data["editions"]]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>"
                    f"{escape(title)}</title><style>{STYLE}</style></head><body>"
                    + "\n".join(body) + "</body></html>\n", encoding="utf-8")
