"""Stage 4 (paginate) data shared by the page maker's parts: a story waiting to be placed, a
placed module, how copyfitting fills it, a page being made, and what a trial to place a story
returns — :class:`Placed`, :class:`Jumped` (with the rest) or :class:`NoRoom` (with why).
Internal to ``paginate``."""
from __future__ import annotations

from dataclasses import dataclass

from ..compose.blocks import Block
from ..model import Article
from ..model.locks import LockedModule
from ..stylesheet.types import StyleSheet
from .ads import AdPlacement
from .pages import PageLayout

LOOKAHEAD = 6        # stories tried, in order, for a spot where they fit whole
JUMP_MIN_ROWS = 8    # a jumped story leaves at least this many body lines before the jump
JUMP_COST_LINES = 40     # in choosing a page, a jump weighs as much as this many white lines


@dataclass
class Work:
    article: Article
    start: int = 0
    part: int = 0
    from_page: int | None = None
    columns: int | None = None
    photo_pending: bool = True     # the lead photo still has to be placed (with this part)


@dataclass(frozen=True)
class Placed:
    """A trial's result: the story went on the page whole."""


@dataclass(frozen=True)
class Jumped:
    """A trial's result: part of the story went on the page; ``rest`` continues it later."""

    rest: Work


@dataclass(frozen=True)
class NoRoom:
    """A trial's result: nothing was placed, and why (for tracing a page's choices)."""

    reason: str


Trial = Placed | Jumped | NoRoom


@dataclass(frozen=True)
class Spot:
    """Where and how wide a module goes, with its header and photo set for that width."""

    column: int
    width: int
    top: int                       # grid line of the module's top
    header: Block
    photo: Block | None
    photo_columns: int
    reserved: list[int]            # grid lines the photo takes at the top of each column
    smaller: int = 0               # head set this many sizes down (off a neighbour's size)


@dataclass(frozen=True)
class Module:
    """A placed module, drawn when its page is complete (after copyfitting). A value: settling
    and unbumping replace it on its page, nothing changes it in place."""

    work: "Work"
    spot: Spot
    fills: list
    height: int                    # body height in grid lines
    jumped: bool
    note: str = ""                 # reported when the page is kept
    locked: "LockedModule | None" = None   # on a locked page: the module it keeps (locked.py)
    even: bool = False             # its body poured evenly over its columns (placer.even_pour)

    @property
    def bottom(self) -> int:
        return self.spot.top + self.spot.header.rows + self.height

    @property
    def columns(self) -> range:
        return range(self.spot.column, self.spot.column + self.spot.width)


@dataclass(frozen=True)
class Fit:
    """How copyfitting fills a module (see ``Paginator._copyfit``)."""

    spacing: list            # per body column: {flow index: blank lines after it}
    growth: int              # grid lines the photo grew
    photo: Block | None      # the photo block as drawn (grown)


@dataclass
class PendingJumpLine:
    article: Article
    part: int
    page: int
    x: float
    top: float


class PageState:
    """A page being filled: ``rows`` grid lines per column, the skyline of each column. What
    it ends as is :meth:`plan`, a frozen :class:`PagePlan` that drawing reads."""

    def __init__(self, number: int, sheet: StyleSheet, rows: int, top_rows: int):
        page = sheet.page
        self.number = number
        self.rows = rows
        self.top_rows = top_rows
        self.skyline = [top_rows] * page.columns
        self.articles: list[str] = []          # story ids, in placement order
        self.modules: list[Module] = []
        self.floor = [rows] * page.columns    # first grid line taken from below (ads)
        self.ads: list[AdPlacement] = []
        self.last = False       # the edition's last page: copyfitting leaves its foot white
        self.even = False       # whole modules poured evenly (a page made again for its white)

    def limit(self, column: int, width: int) -> int:
        """The grid line where the columns ``column``…``column+width`` end for editorial."""
        return min(self.floor[column:column + width])

    def plan(self) -> "PagePlan":
        return PagePlan(self.number, self.rows, self.top_rows, tuple(self.floor),
                        tuple(self.modules), tuple(self.ads), tuple(self.articles), self.last)


@dataclass(frozen=True)
class PagePlan:
    """A finished page as values: its modules (copyfitting is computed from these), ads and
    stories. Drawing it (``Paginator._draw``) changes nothing and returns a :class:`Drawn`."""

    number: int
    rows: int
    top_rows: int
    floor: tuple[int, ...]
    modules: tuple[Module, ...]
    ads: tuple[AdPlacement, ...]
    articles: tuple[str, ...]
    last: bool = False

    def limit(self, column: int, width: int) -> int:
        return min(self.floor[column:column + width])


@dataclass(frozen=True)
class Drawn:
    """A drawn page plan: the page, and what the edition collects from it — outline entries,
    jump lines to fill in once every page is made, the page of each part, notes."""

    layout: PageLayout
    outline: tuple[tuple[str, str, int, float], ...]
    jump_lines: tuple[PendingJumpLine, ...]
    part_pages: tuple[tuple[tuple[str, int], int], ...]
    notes: tuple
