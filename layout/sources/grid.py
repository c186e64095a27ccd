"""Stage 1–2 edge: what an edition asks of the page grid, checked once the style is known.

Booked ads and editors' module widths (``columns:``) are read with the edition, but whether
they fit depends on the style's columns; :func:`check_columns` checks them all at once, where
the input is read (``build.load``, so ``validate`` reports them too), naming the file, line
and key of each. The page maker then trusts them.
"""
from __future__ import annotations

from ..errors import LayoutError
from ..model import Edition
from .article import raise_all


def check_columns(edition: Edition, columns: int) -> None:
    """Raise every ad booked wider than the page's ``columns`` and every story asking for a
    wider module (one LayoutError, or LayoutErrors for several)."""
    errors = []
    file = str(edition.root / "edition.yaml")
    for ad in edition.ads:
        if ad.columns > columns:
            errors.append(LayoutError(f'ad "{ad.source}" is booked {ad.columns} columns wide; '
                                      f"the page has {columns}", file=file, line=ad.line,
                                      key=f"{ad.key}.columns"))
    for article in edition.articles:
        if article.columns is not None and article.columns > columns:
            errors.append(LayoutError(f"{article.columns} columns asked for; the page has "
                                      f"{columns}", file=article.file, key="columns"))
    raise_all(errors)
