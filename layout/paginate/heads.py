"""Stage 4 (paginate): bumped heads — no two headlines of like size side by side in one band.

A mixin of :class:`~.placer.Paginator`.
"""
from __future__ import annotations

from dataclasses import replace

from ..compose.draws import TextDraw
from .work import Module, PageState

HEAD_TYPE = 1.6    # type this many times the body size or more reads as a headline


class HeadsMixin:
    """Head boxes, bumped pairs and the smaller head that unbumps them."""

    def _head_box(self, module: Module) -> tuple[float, float, float, float, float] | None:
        """The headline's ink on the page (x0, x1, top, bottom in points down from the
        content top, size), as a reader groups it — None for a head smaller than headline
        type (:data:`HEAD_TYPE` × the body size) or a continuation's."""
        if module.work.part > 0:
            return None
        lines = [d for d in module.spot.header.draws
                 if isinstance(d, TextDraw) and d.role == "headline"]
        if not lines:
            return None
        size = max(run[1] for d in lines for run in d.line.runs)
        if size < HEAD_TYPE * self.sheet.styles["body"].size:
            return None
        x = self.x_of(module.spot.column)
        y = module.spot.top * self.pitch
        return (x + min(d.x for d in lines),
                x + max(d.x + d.line.width for d in lines),
                y + min(d.y for d in lines) - 0.75 * size,
                y + max(d.y for d in lines) + 0.25 * size, size)

    def _bumped_pairs(self, state: PageState) -> int:
        boxes = [box for box in map(self._head_box, state.modules) if box is not None]
        return sum(_bumps(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])

    def _unbump(self, state: PageState) -> None:
        """No two heads of like size side by side in one band: going down the page and
        across, a head that bumps one placed before it is set a size smaller (the style's
        next rank, then its jump-head size) while the style has one. The module keeps its
        place; the lines the smaller head frees go to copyfitting. The page's modules are
        replaced by new values, none changed in place."""
        placed: list[tuple] = []
        order = sorted(range(len(state.modules)),
                       key=lambda i: (state.modules[i].spot.top, state.modules[i].spot.column))
        for index in order:
            module = state.modules[index]
            box = self._head_box(module)
            article, width = module.work.article, module.spot.width
            while box is not None and any(_bumps(box, other) for other in placed):
                smaller = module.spot.smaller + 1
                if not self.composer.can_shrink(article, width, smaller):
                    break
                header = self.composer.header(article, width, smaller)
                if header.rows > module.spot.header.rows:
                    break
                module = replace(module, spot=replace(module.spot, header=header,
                                                      smaller=smaller))
                box = self._head_box(module)
            state.modules[index] = module
            if box is not None:
                placed.append(box)


def _bumps(a: tuple, b: tuple) -> bool:
    """Two heads (see ``_head_box``) side by side, sharing a band, of like size (within
    25 %): tombstoning, which readers take for one head."""
    side_by_side = min(a[1], b[1]) - max(a[0], b[0]) < 0
    band = min(a[3], b[3]) - max(a[2], b[2])
    similar = max(a[4], b[4]) < 1.25 * min(a[4], b[4])
    return side_by_side and similar and band > 0.5 * min(a[4], b[4])
