"""Stage 3a (text): typewriter habits → typography — quotes, double hyphens, ellipses.

``smarten(text, settings, before)`` returns ``text`` with straight quotes made curly (opening
after a space, an opening bracket or a dash, or at the start; closing otherwise — an
apostrophe is a closing single quote), ``--`` as an em or en dash, a hyphen alone between
spaces as an en dash, and ``...`` as an ellipsis.
``before`` is the character that precedes ``text`` (the end of the previous emphasis run), so
a quote at a run boundary is read in context. Letters and digits are never changed.
"""
from __future__ import annotations

from ..stylesheet.types import Dash, Typography

_OPENING_CONTEXT = " \t\n\u00a0([{<“‘—–-/"
_DASHES = {Dash.EM: "\u2014", Dash.EN: "\u2013"}


def smarten(text: str, settings: Typography, before: str = "") -> str:
    if settings.double_hyphen is not Dash.KEEP:
        if "--" in text:
            text = text.replace("---", "\u2014").replace("--", _DASHES[settings.double_hyphen])
        if " - " in text:      # a hyphen standing alone between words is a typed dash
            text = text.replace(" - ", " \u2013 ")
    if settings.ellipsis and "..." in text:
        text = text.replace("...", "\u2026")
    if settings.curly_quotes and ('"' in text or "'" in text):
        text = _curl(text, before)
    return text


def _curl(text: str, before: str) -> str:
    out = []
    previous = before[-1:] if before else ""
    for char in text:
        if char in "\"'":
            opening = previous == "" or previous in _OPENING_CONTEXT
            if char == '"':
                char = "\u201c" if opening else "\u201d"
            else:
                char = "\u2018" if opening else "\u2019"
        out.append(char)
        previous = char
    return "".join(out)
