"""Stage 3a (text): typewriter habits → typography — quotes, double hyphens, ellipses.

``smarten(text, settings, before)`` returns ``text`` with straight quotes made curly (opening
after a space, an opening bracket or a dash, or at the start; closing otherwise — an
apostrophe is a closing single quote), ``--`` as an em or en dash, a hyphen alone between
spaces as an en dash, ``...`` as an ellipsis, and ties (no-break spaces) between a number
and its unit (``190 km``, ``10 a.m.``) and after ``No.`` before a number.
``before`` is the character that precedes ``text`` (the end of the previous emphasis run), so
a quote at a run boundary is read in context. Letters and digits are never changed.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..stylesheet.types import Dash, Typography

_OPENING_CONTEXT = " \t\n\u00a0([{<“‘—–-/"
_DASHES = {Dash.EM: "\u2014", Dash.EN: "\u2013"}


_UNITS = (r"(?:km/h|km|kg|mm|cm|nm|m|mi|ft|lb|lbs|t|tons?|%|per\s?cent|percent|mph|knots?|kt|"
          r"°[CF]|[kMG]?W|[kMG]?Hz|V|ha|m²|km²|㎞|㎡|㎛|mg|g|ml|L|µm|a\.m\.|p\.m\.|"
          r"million|billion|trillion|years?|days?|hours?|minutes?|seconds?)")
_NUMBER_UNIT = re.compile(r"(?<=\d) (?=" + _UNITS + r"(?![^\W\d_]))")
# An abbreviation that belongs to the number after it ("No. 1", "p. 12").
_BEFORE_NUMBER = re.compile(r"(?<!\S)((?:No|Nos|Vol|pp?|Fig)\.) (?=\d)")
NO_BREAK = "\u00a0"
# Deliberately no ties after initials or titles ("John F. Kirby", "Lt. Cmdr. Smith"): measured
# on the English sample they glue 10–20-character units that an 11-pica line cannot absorb
# (lines with spaces over 2x rose from 3.7 % to 3.9 %, and the worst to 3.9x). Initials such
# as "U.S." never break inside: they hold no break point.


@lru_cache(maxsize=65536)
def smarten(text: str, settings: Typography, before: str = "") -> str:
    """``text`` with the typography ``settings`` ask for; ``before`` is the text just before
    it (for the direction of a quote mark at its start). Pure, so cached: the composer asks
    for a story's head again at every width and size it tries."""
    if settings.double_hyphen is not Dash.KEEP:
        if "--" in text:
            text = text.replace("---", "\u2014").replace("--", _DASHES[settings.double_hyphen])
        if " - " in text:      # a hyphen standing alone between words is a typed dash
            text = text.replace(" - ", " \u2013 ")
    if settings.ellipsis and "..." in text:
        text = text.replace("...", "\u2026")
    if settings.curly_quotes and ('"' in text or "'" in text):
        text = _curl(text, before)
    if settings.ties and " " in text:
        text = _NUMBER_UNIT.sub(NO_BREAK, text)
        text = _BEFORE_NUMBER.sub(r"\1" + NO_BREAK, text)
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
