"""Stage 2 tool: ``python -m layout.stylesheet > docs/STYLES.md`` — print the style-sheet reference."""
from .reference import reference_markdown

print(reference_markdown(), end="")
