"""Stage 3a: text — fonts and fallback, measuring, hyphenation, items, Knuth–Plass line breaking.

Runs of styled text go in; set lines (glyph runs with their spacing) come out.
"""
