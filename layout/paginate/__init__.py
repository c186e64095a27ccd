"""Stage 4: paginate — place article modules on the page grid, jump what does not fit.

Galleys go in; :class:`PageLayout` objects with absolute draws come out."""
from .pages import ArticleBox, Jump, PageLayout, Pagination
from .placer import paginate

__all__ = ["ArticleBox", "Jump", "PageLayout", "Pagination", "paginate"]
