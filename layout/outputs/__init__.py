"""Stage 6: outputs — files written next to the edition PDF (manifest, report)."""
