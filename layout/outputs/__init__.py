"""Stage 6: outputs — the files written from a built edition, each an ``Output`` stage
(``stage.py``): manifest.json, trace.txt, and the archive package (PDF/A-2u, ALTO, METS)."""
