"""Stage 2 tool: declarations in, Markdown out — ``python -m layout.stylesheet > docs/STYLES.md``."""
from .reference import reference_markdown

print(reference_markdown(), end="")
