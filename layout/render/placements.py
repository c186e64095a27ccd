"""Stage 5 (render): where the renderer's pictures sit in a page's content stream.

The renderer draws each :class:`~layout.compose.draws.ImageDraw` of a page as exactly one
XObject ``Do``, in the order of the page's draws (pictures first, before rules and text), each
right after the ``cm`` that scales the unit square to its box. :func:`placements` finds those
``Do`` operators in a parsed content stream and, for each, the ``cm`` before it and the
transformation in force before that ``cm`` — so a post-process (vector ads, the print twin)
can put another XObject in the same place, or the same place grown into the bleed, by
rewriting that one ``cm``: ``new_cm = wanted @ before.inverse()`` (pikepdf's ``@`` applies the
left matrix first, as PDF's ``cm`` does).
"""
from __future__ import annotations

from dataclasses import dataclass

import pikepdf


@dataclass(frozen=True)
class Placement:
    do: int                    # index of the Do instruction
    cm: int | None             # index of the cm just before it (None: there is none)
    before: pikepdf.Matrix     # the CTM before that cm
    name: str                  # the XObject's resource name


def placements(instructions: list) -> list[Placement]:
    """Every ``Do`` of a parsed content stream (``pikepdf.parse_content_stream``), in order."""
    found = []
    ctm = pikepdf.Matrix()
    stack: list[pikepdf.Matrix] = []
    last_cm: tuple[int, pikepdf.Matrix] | None = None
    for index, (operands, operator) in enumerate(instructions):
        op = str(operator)
        if op == "q":
            stack.append(ctm)
        elif op == "Q":
            ctm = stack.pop() if stack else pikepdf.Matrix()
            last_cm = None
        elif op == "cm":
            matrix = pikepdf.Matrix(*(float(v) for v in operands))
            last_cm = (index, ctm)
            ctm = matrix @ ctm
        elif op == "Do":
            cm_index, before = last_cm if last_cm is not None else (None, ctm)
            found.append(Placement(index, cm_index, before, str(operands[0])))
            last_cm = None
    return found


def box_matrix(x: float, y: float, width: float, height: float) -> pikepdf.Matrix:
    """The matrix that maps the unit square onto the box (how a picture is placed)."""
    return pikepdf.Matrix(width, 0, 0, height, x, y)


def cm_operands(matrix: pikepdf.Matrix) -> list[float]:
    return [round(v, 5) for v in (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)]
