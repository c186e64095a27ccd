"""Stage 1 data: the edition as read from disk — frozen dataclasses, plain Unicode text, no I/O."""
from .edition import (Ad, Article, Block, BlockKind, Edition, Figure, ImageInfo, Production,
                      Region, Span)

__all__ = ["Ad", "Article", "Block", "BlockKind", "Edition", "Figure", "ImageInfo", "Production", "Region",
           "Span"]
