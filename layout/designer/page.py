"""Designer tool (live preview), the browser side: one HTML page with its script and styles.

The page asks ``/state.json`` once, then listens to ``/events`` (server-sent events): each
build sends the list of page image URLs (``/page/N-HASH.png``), the report and the error. An
image whose URL did not change is left alone, so the browser fetches only the pages that
changed. The error, if any, is shown in a banner over the last good pages.
"""

PAGE_HTML = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Newsprint preview — {title}</title>
<style>
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; background: #e8e6e1; color: #222;
         display: grid; grid-template-columns: 150px 1fr 340px; height: 100vh; }
  #thumbs { overflow-y: auto; padding: 8px; background: #d9d6cf; }
  #thumbs figure { margin: 0 0 10px; cursor: pointer; text-align: center; font-size: 12px; }
  #thumbs img { width: 120px; box-shadow: 0 1px 3px #0005; background: white; }
  #thumbs figure.current img { outline: 3px solid #b3001b; }
  #view { overflow: auto; position: relative; }
  #toolbar { position: sticky; top: 0; z-index: 2; background: #e8e6e1ee; padding: 6px 10px;
             display: flex; gap: 8px; align-items: center; }
  #stage { padding: 10px; }
  #stage img { display: block; margin: 0 auto; box-shadow: 0 2px 6px #0006; background: white; }
  #error { display: none; position: sticky; top: 40px; z-index: 3; margin: 0 10px;
           background: #b3001b; color: white; padding: 10px 14px; white-space: pre-wrap;
           font: 13px/1.4 ui-monospace, monospace; border-radius: 4px; }
  body.broken #error { display: block; }
  body.broken #stage img { opacity: 0.45; }
  #side { overflow-y: auto; padding: 10px; background: #f6f5f2; border-left: 1px solid #ccc; }
  #side pre { white-space: pre-wrap; overflow-wrap: anywhere;
              font: 11px/1.35 ui-monospace, monospace; }
  #status { font-size: 12px; color: #555; }
  table { border-collapse: collapse; } td { padding: 1px 6px; }
</style>
</head>
<body>
<nav id="thumbs" aria-label="pages"></nav>
<main id="view">
  <div id="toolbar">
    <button id="zoom-out" title="zoom out">−</button>
    <span id="zoom-level">100%</span>
    <button id="zoom-in" title="zoom in">+</button>
    <button id="zoom-fit" title="fit the page to the window">fit</button>
    <span id="page-label"></span>
    <span id="status">connecting…</span>
  </div>
  <div id="error" role="alert"></div>
  <div id="stage"><img id="page" alt="page"></div>
</main>
<aside id="side">
  <h3>Build</h3>
  <table id="figures"></table>
  <h3>Report</h3>
  <pre id="report"></pre>
</aside>
<script>
"use strict";
let state = null, current = 1, zoom = 0;   // zoom 0: fit to the window's width
const $ = (id) => document.getElementById(id);

function showPage(number) {
  if (!state || !state.pages.length) return;
  current = Math.min(Math.max(1, number), state.pages.length);
  const page = state.pages[current - 1];
  const img = $("page");
  if (img.getAttribute("src") !== page.url) img.setAttribute("src", page.url);
  img.dataset.number = page.number;
  applyZoom();
  $("page-label").textContent = `page ${current} of ${state.pages.length}`;
  document.querySelectorAll("#thumbs figure").forEach((f) =>
    f.classList.toggle("current", Number(f.dataset.number) === current));
}

function applyZoom() {
  const img = $("page"), page = state && state.pages[current - 1];
  if (!page) return;
  const fit = Math.max(200, $("view").clientWidth - 40);
  const width = zoom ? page.width * zoom : fit;
  img.style.width = width + "px";
  $("zoom-level").textContent = zoom ? Math.round(zoom * 100) + "%" : "fit";
}

function render(next) {
  state = next;
  document.body.classList.toggle("broken", !!state.error);
  document.body.dataset.generation = state.generation;
  $("error").textContent = state.error || "";
  const thumbs = $("thumbs");
  // Reuse the figures that exist; only an image whose URL changed is fetched again.
  while (thumbs.children.length > state.pages.length) thumbs.lastChild.remove();
  state.pages.forEach((page, index) => {
    let figure = thumbs.children[index];
    if (!figure) {
      figure = document.createElement("figure");
      figure.innerHTML = "<img alt=''><figcaption></figcaption>";
      figure.addEventListener("click", () => showPage(Number(figure.dataset.number)));
      thumbs.appendChild(figure);
    }
    figure.dataset.number = page.number;
    const img = figure.querySelector("img");
    if (img.getAttribute("src") !== page.url) img.setAttribute("src", page.url);
    figure.querySelector("figcaption").textContent = page.number;
  });
  const s = state.summary || {};
  const rows = [["pages", s.pages], ["articles", s.articles], ["style", s.style],
                ["jumps", (s.jumps || []).length], ["loose lines (>2×)", s.loose_lines],
                ["holes % by page", (s.holes || []).join(" · ")],
                ["warnings", (s.warnings || []).length],
                ["build", state.seconds + " s"]];
  $("figures").innerHTML = "";
  for (const [name, value] of rows) {
    const tr = $("figures").insertRow();
    tr.insertCell().textContent = name;
    tr.insertCell().textContent = value === undefined ? "–" : value;
  }
  $("report").textContent = state.report;
  $("status").textContent = (state.error ? "error — showing the last good pages" : "up to date")
    + ` (build ${state.generation})`;
  showPage(current);
}

$("zoom-in").onclick = () => { zoom = Math.min(4, (zoom || 1) * 1.25); applyZoom(); };
$("zoom-out").onclick = () => { zoom = Math.max(0.25, (zoom || 1) / 1.25); applyZoom(); };
$("zoom-fit").onclick = () => { zoom = 0; applyZoom(); };
window.addEventListener("resize", applyZoom);
document.addEventListener("keydown", (e) => {
  if (e.key === "ArrowRight" || e.key === "PageDown") showPage(current + 1);
  if (e.key === "ArrowLeft" || e.key === "PageUp") showPage(current - 1);
});

fetch("/state.json").then((r) => r.json()).then(render);
const events = new EventSource("/events");
events.addEventListener("build", (e) => render(JSON.parse(e.data)));
events.onerror = () => { $("status").textContent = "server gone — reconnecting…"; };
</script>
</body>
</html>
"""
