"""Stage 3a (text): where a word may break — pyphen patterns per language, soft and hard hyphens,
URL and e-mail break points.

``break_points(word)`` returns ``(index, kind)`` pairs: the word may break *before* ``index``;
``kind`` is ``"hyphen"`` or ``"soft"`` (a hyphen is added at the line end), ``"explicit"`` (the
word already ends the line with its own hyphen or dash), ``"plain"`` (nothing added: URLs,
e-mail addresses) or ``"syllable"`` (between Hangul syllables, nothing added).
"""
from __future__ import annotations

import re
from functools import lru_cache

import pyphen

from ..stylesheet.types import Hyphenation

SOFT_HYPHEN = "\u00ad"
# Characters after which a word may break without adding a hyphen.
EXPLICIT_BREAKS = "-\u2010\u2013\u2014/"
_URLISH = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)|@[A-Za-z0-9-]+\.[A-Za-z]", re.I)
_LETTERS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

# pyphen dictionary per article language; None where no patterns exist (e.g. Korean).
_PYPHEN_LANG = {"en": "en_US", "en-us": "en_US", "en-gb": "en_GB", "de": "de_DE", "fr": "fr",
                "es": "es", "it": "it_IT", "nl": "nl_NL", "pt": "pt_PT", "sv": "sv"}


@lru_cache(maxsize=None)
def _dictionary(lang: str, left: int, right: int) -> pyphen.Pyphen | None:
    code = _PYPHEN_LANG.get(lang.lower())
    if code is None and lang in pyphen.LANGUAGES:
        code = lang
    if code is None:
        return None
    return pyphen.Pyphen(lang=code, left=left, right=right)


class Hyphenator:
    """Break points for words of one language under one style's hyphenation settings."""

    def __init__(self, lang: str, settings: Hyphenation, enabled: bool = True):
        self.settings = settings
        self.enabled = enabled and settings.enabled
        self._dict = _dictionary(lang, settings.min_left, settings.min_right) if self.enabled else None
        self._cache: dict[str, tuple[tuple[int, str], ...]] = {}

    def break_points(self, word: str) -> tuple[tuple[int, str], ...]:
        cached = self._cache.get(word)
        if cached is None:
            cached = tuple(self._compute(word))
            self._cache[word] = cached
        return cached

    def _compute(self, word: str) -> list[tuple[int, str]]:
        if _URLISH.search(word):
            return _url_points(word)
        if self.enabled and self.settings.korean_syllables and any(_is_hangul(ch) for ch in word):
            return _syllable_points(word)
        points: list[tuple[int, str]] = []
        if SOFT_HYPHEN in word:
            # Soft hyphens are the author's choice: they replace the patterns for this word.
            for index, char in enumerate(word):
                if char == SOFT_HYPHEN:
                    points.append((index, "soft"))
            return points
        for index, char in enumerate(word[:-1]):
            if char in EXPLICIT_BREAKS and index > 0 and word[index + 1].isalnum():
                points.append((index + 1, "explicit"))
        if self._dict is None:
            return points
        for match in _LETTERS.finditer(word):
            part = match.group(0)
            if len(part) < self.settings.min_word:
                continue
            if part[0].isupper() and not self.settings.capitalized:
                continue
            if any(_is_hangul(ch) for ch in part):
                continue   # no hyphen inside Hangul (KLREQ)
            for position in self._dict.positions(part):
                points.append((match.start() + position, "hyphen"))
        points.sort()
        return points


def _is_hangul(char: str) -> bool:
    return "\uac00" <= char <= "\ud7a3"


def _syllable_points(word: str) -> list[tuple[int, str]]:
    """Between two Hangul syllables, no hyphen. Punctuation stays with its neighbour, so no
    closing mark starts a line and no opening mark ends one (KLREQ)."""
    return [(index, "syllable") for index in range(1, len(word))
            if _is_hangul(word[index - 1]) and _is_hangul(word[index])]


def _url_points(word: str) -> list[tuple[int, str]]:
    """After ``/``, ``.``, ``@``, ``-``, ``?``, ``&``, ``=`` (never at the very ends), no hyphen."""
    points = []
    for index, char in enumerate(word[:-1]):
        if char in "/.@-?&=_" and index + 1 < len(word) - 1 and word[index + 1] not in "/.":
            points.append((index + 1, "plain"))
    return points
