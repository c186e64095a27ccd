"""Stage 6: outputs — the files written from a built edition, each an ``Output`` stage
(``stage.py``): manifest.json, trace.txt, the archive package (PDF/A-2u, ALTO, METS), print
production (``printing.py``: the PDF/X-4 twin, the plates, the preflight) and the previews."""
