"""Stage 4 data: pages as the renderer and the manifest see them (absolute points, PDF axes)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Diagnostic


@dataclass(frozen=True)
class ArticleBox:
    """Where part of an article sits on a page: ``kind`` is headline, body, photo or jump."""

    article: str
    part: int
    kind: str
    x: float
    y: float          # bottom edge
    width: float
    height: float


@dataclass(frozen=True)
class ModuleInfo:
    """One module of a page plan: a part of a story, its size in columns and grid lines."""

    article: str
    part: int
    column: int          # first column, from 0
    row: int             # top grid line, from the top of the content area
    columns: int
    lines: int
    jumps: bool          # the story goes on on a later page
    filler: bool = False # a brief placed where room was left
    body: int = 0        # body lines the text was poured into (before copyfitting)
    reach: int = 0       # grid lines from its top that copyfitting fills it to (photo included)
    smaller: int = 0     # its head set this many sizes down (unbumped)
    even: bool = False   # its body poured evenly over its columns


@dataclass
class PageLayout:
    number: int
    width: float
    height: float
    section: str = ""
    draws: list = field(default_factory=list)
    boxes: list[ArticleBox] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)   # ids, in placement order
    rows_used: int = 0
    rows_total: int = 0
    hole_lines: int = 0       # grid lines of white holes (runs of 3+ empty lines in a column)
    grid_lines: int = 0       # grid lines of the whole page grid, masthead included
    keeps_fixed: int = 0      # column breaks moved up for a widow, an orphan or a subhead
    keeps_left: int = 0       # column breaks where no move could keep them
    modules: list[ModuleInfo] = field(default_factory=list)
    ads: list = field(default_factory=list)                # paginate.ads.AdPlacement


@dataclass(frozen=True)
class Jump:
    """A story continued elsewhere: part ``part`` on ``from_page`` goes on on ``to_page``."""

    article: str
    part: int
    from_page: int
    to_page: int


@dataclass
class Pagination:
    pages: list[PageLayout]
    jumps: list[Jump]
    outline: list[tuple[str, str, int, float]]   # (article id, headline, page, y of the head)
    diagnostics: list[Diagnostic]
    grid: tuple[int, int, int] = (0, 0, 0)      # columns, grid lines, masthead lines
    locked: tuple[int, ...] = ()                 # pages kept from the previous build
    overset: list = field(default_factory=list)  # locked.Overset: lines that did not fit
