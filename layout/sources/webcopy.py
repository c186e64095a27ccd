"""Stage 1 helper: one line of text copied from a news web page in → what it looks like out.

Pure predicates used by :mod:`layout.sources.plaintext` to guess the parts of a web copy. Each
answers for a single line; the importer decides with the line's position. Lengths are measured
with :func:`display_width`, so a Hangul syllable counts like two Latin letters and one threshold
serves both scripts. The word lists cover English and Korean news sites (known limitation: other
languages get the length and punctuation rules only).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .text import display_width

#: A navigation item or page tool is shorter than this (cells); headlines are longer.
NAVIGATION_WIDTH = 25
#: Page tools between headline and body ("Print", "Share", "인쇄") are shorter than this.
TOOL_WIDTH = 16
#: A line at least this wide is body text whatever its punctuation.
PARAGRAPH_WIDTH = 100
#: A line ending in a full stop is body text from this width on.
SENTENCE_WIDTH = 40

_CLOSERS = "\"'”’»)]」』》〉"
_FULL_STOPS = ".…。"
_SENTENCE_ENDS = _FULL_STOPS + "!?！？"

EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
_EMAIL_TAIL = rf"(?:\s*[<(\[]\s*(?P<email>{EMAIL})\s*[>)\]]|\s+(?P<email2>{EMAIL}))?"
# A name starts with a letter that is not lower-case Latin: "By the numbers" is a subhead.
_NAME = r"(?![a-zß-öø-ÿ])[^\W\d_][^<>()\[\]@:;!?]{0,60}?"

_BYLINES = [
    re.compile(rf"^(?P<byline>(?:By|BY|Written by|Reported by)\s+{_NAME}){_EMAIL_TAIL}\s*$"),
    re.compile(rf"^(?P<byline>(?:[Ss]taff |[Ss]enior |[Ss]pecial )?(?:[Rr]eporter|[Ww]riter"
               rf"|[Cc]orrespondent)\s*:?\s+{_NAME}){_EMAIL_TAIL}\s*$"),
    # 홍길동 기자 · [국방일보 홍길동 기자] · 홍길동·김철수 기자 = hong@x.kr · 글·사진=홍길동 기자
    re.compile(rf"^(?P<byline>[\[(]?(?:\S+\s+|[^\s=]+=\s*)?"
               rf"[가-힣]{{2,5}}(?:\s*[·,]\s*[가-힣]{{2,5}})*\s*"
               rf"(?:기자|특파원|선임기자|전문기자|객원기자|통신원|논설위원|편집위원)[\])]?)"
               rf"\s*=?{_EMAIL_TAIL}\s*$"),
]
# A name followed by an e-mail address: "Jane Doe <jane@x.com>" (the address is required here).
_NAME_EMAIL = re.compile(rf"^(?P<byline>[^\W\d_][^<>()\[\]@:;.!?]{{1,40}}?)\s*"
                         rf"(?:[<(\[]\s*(?P<email>{EMAIL})\s*[>)\]]|\s+(?P<email2>{EMAIL}))\s*$")
_EMAIL_ONLY = re.compile(rf"^[<(\[]?\s*(?P<email>{EMAIL})\s*[>)\]]?$")

_BREADCRUMB = re.compile(r"\s*[>›»|＞]\s*")
_DATE = re.compile(
    r"\b\d{4}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{1,2}\b"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b"
    r"|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}\b"
    r"|\d{4}년\s*\d{1,2}월\s*\d{1,2}일")
_DATE_WORDS = re.compile(r"^(?:Published|Updated|Posted|Last updated|Modified|Date|"
                         r"입력|수정|승인|발행|게재|등록|기사입력|최종수정)\b", re.IGNORECASE)

_CAPTION_START = re.compile(r"^(?:photo\s*(?:by\b|:|=)|\(photo|\[photo|image\s*:|caption\s*:|"
                            r"[▲△▶▷]|\(?사진\s*=|\[사진|\(사진|/사진|<사진)", re.IGNORECASE)
_CAPTION_END = re.compile(r"[(\[][^()\[\]]*(?:photo|사진|제공|courtesy|credit|image|yonhap|"
                          r"reuters|AFP|AP\b|getty)[^()\[\]]*[)\]]\s*$", re.IGNORECASE)

_COPYRIGHT_MARK = re.compile(r"ⓒ|©|\([cC]\)|copyright|저작권|무단\s*전재|재배포\s*금지|"
                             r"all rights reserved", re.IGNORECASE)
_COPYRIGHT_START = re.compile(r"^(?:ⓒ|©|\([cC]\)|copyright|저작권자)", re.IGNORECASE)
_COPYRIGHT_PROOF = re.compile(r"ⓒ|©|\([cC]\)|all rights reserved|무단", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_BRACKETED = re.compile(r"^[<\[(（〈《].*[>\])）〉》]$")

_TRAILING_HEADER = re.compile(
    r"^(?:related(?:\s+(?:articles?|stories|news|content|posts|links|coverage))?"
    r"|attachments?|attached files?|files?|tags?|keywords?|topics?"
    r"|share(?:\s+this(?:\s+(?:article|story|page))?)?|share on .*"
    r"|more (?:stories|news|articles|from .*|on .*)|read more|see also|also read"
    r"|recommended(?:\s+(?:for you|stories|articles|reading))?|you (?:may|might) also like"
    r"|most (?:read|popular|viewed|shared)|trending(?: now)?|latest(?:\s+(?:news|stories))?"
    r"|popular(?:\s+(?:news|stories))?|comments?(?:\s*\(\d+\))?|\d+\s+comments?"
    r"|leave a (?:comment|reply)|follow us(?: on .*)?|newsletter|sign up for .*"
    r"|관련\s*기사|관련\s*뉴스|첨부\s*파일|첨부|태그|키워드|공유(?:하기)?|기사\s*공유하기"
    r"|이\s*기사를\s*공유합니다|많이\s*본\s*(?:기사|뉴스)|인기\s*기사|주요\s*기사|최신\s*기사"
    r"|추천\s*기사|이\s*기자의\s*다른\s*기사|다른\s*기사\s*보기|댓글.*|SNS\s*기사\s*보내기)"
    r"\s*(?::.*)?$", re.IGNORECASE)
_HASHTAGS = re.compile(r"^#\S+(?:\s+#\S+)*$")


@dataclass(frozen=True)
class BylineMatch:
    """A byline line split into the name part (exact characters) and the e-mail address."""

    byline: str
    email: str


def _strip_closers(line: str) -> str:
    return line.rstrip().rstrip(_CLOSERS)


def ends_like_sentence(line: str) -> bool:
    """Ends in . ! ? … (possibly followed by closing quotes or brackets)."""
    stripped = _strip_closers(line)
    return bool(stripped) and stripped[-1] in _SENTENCE_ENDS


def ends_with_full_stop(line: str) -> bool:
    """Ends in a full stop or ellipsis — what body sentences do and headlines do not."""
    stripped = _strip_closers(line)
    return bool(stripped) and stripped[-1] in _FULL_STOPS


def is_paragraph_like(line: str) -> bool:
    """Long enough, or sentence-like enough, to be body text."""
    width = display_width(line.strip())
    return width >= PARAGRAPH_WIDTH or (width >= SENTENCE_WIDTH and ends_with_full_stop(line))


def is_navigation_like(line: str) -> bool:
    """A short line without sentence punctuation, or a breadcrumb trail of short items."""
    text = line.strip()
    if ends_like_sentence(text):
        return False
    return display_width(text) < NAVIGATION_WIDTH or is_breadcrumb(text)


def is_breadcrumb(line: str) -> bool:
    """A trail of short items joined by > › » or | ("News > Defense", "Home | World")."""
    parts = [part for part in _BREADCRUMB.split(line.strip()) if part]
    return len(parts) >= 2 and all(display_width(part) < NAVIGATION_WIDTH for part in parts)


def is_page_tool(line: str) -> bool:
    """A button label copied along with the text ("Print", "Share", "글자크기")."""
    text = line.strip()
    return display_width(text) < TOOL_WIDTH and len(text.split()) <= 2 \
        and not ends_like_sentence(text)


def is_date_line(line: str) -> bool:
    """A publication date/time line ("Published 2024.05.01 10:32", "입력 2010.11.23")."""
    text = line.strip()
    if display_width(text) >= 80 or is_paragraph_like(text):
        return False
    return bool(_DATE_WORDS.match(text) or (_DATE.search(text) and not ends_like_sentence(text)
                                            and len(text.split()) <= 8))


def is_caption_like(line: str) -> bool:
    """Starts like a photo caption ("Photo:", "▲", "사진=") or ends with a photo credit."""
    text = line.strip()
    return bool(_CAPTION_START.match(text) or _CAPTION_END.search(text))


def is_copyright(line: str) -> bool:
    """A copyright notice: ``<Copyright ⓒ …>``, ``ⓒ 국방일보``, ``Copyright 2024 …``."""
    text = line.strip()
    if display_width(text) >= 200 or not _COPYRIGHT_MARK.search(text):
        return False
    if _BRACKETED.match(text):
        return True
    if not _COPYRIGHT_START.match(text):
        return False
    # "Copyright 2024 Example News" is a notice; "Copyright law changed in 1998." is a sentence.
    return bool(_COPYRIGHT_PROOF.search(text)) or bool(
        _YEAR.search(text) and not ends_like_sentence(text) and len(text.split()) <= 8)


def is_notice(line: str) -> bool:
    """A short line in angle brackets ("<Public domain — U.S. Department of Defense>"): after the
    byline, the copyright line whatever it says."""
    text = line.strip()
    return text.startswith("<") and text.endswith(">") and display_width(text) < 200


def is_trailing_header(line: str) -> bool:
    """The start of what follows an article on a web page: related links, tags, share, comments."""
    text = line.strip()
    if _HASHTAGS.match(text):
        return True
    head = text.split(":", 1)[0]
    return display_width(head) < 40 and bool(_TRAILING_HEADER.match(text))


def match_byline(line: str) -> BylineMatch | None:
    """Split a byline line ("By Jane Doe <jane@x.com>", "홍길동 기자 hong@x.kr",
    "Reporter Kim Min-su (kim@x.kr)") into byline and e-mail, or None."""
    text = line.strip()
    if display_width(text) >= 100:
        return None
    for pattern in (*_BYLINES, _NAME_EMAIL):
        match = pattern.match(text)
        if match is None:
            continue
        name = match.group("byline").strip()
        if ends_like_sentence(name) or len(name.split()) > 8:
            continue
        email = match.group("email") or match.group("email2") or ""
        if pattern is _NAME_EMAIL and len(name.split()) > 5:
            continue
        return BylineMatch(name.rstrip(" =,/"), email)
    return None


def match_email(line: str) -> str | None:
    """The address on a line that holds only an e-mail address (maybe in brackets)."""
    match = _EMAIL_ONLY.match(line.strip())
    return match.group("email") if match else None
