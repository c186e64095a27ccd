"""Stage 1: a ``.txt`` web copy's lines in → headline, deck, byline, copyright, body blocks out.

Every guess is recorded as a diagnostic (kind ``guess``) naming the file and line. The page is
read top to bottom as::

    navigation   short lines without sentence punctuation ("Home", "News > Defense")  → dropped
    headline     the first longer line
    top matter   deck lines, a byline, a date line, page tools ("Print")  → deck / byline / dropped
    body         from the first line that is none of these; blank lines separate paragraphs
    tail         from the first byline, copyright or trailing-list line ("Related articles")

Nothing of the body is dropped: a line is only dropped when it sits in the navigation, the top
matter or the tail, is not body-like there (or follows a trailing-list header), and every dropped
line is quoted in a diagnostic. Lines are joined into one paragraph only in text that looks
hard-wrapped (see ``_looks_hard_wrapped``); otherwise each line is a paragraph. Body
text that follows the byline or copyright (an editor's note) is kept. Front-matter keys, when
given, replace the guesses: with a ``headline`` given, nothing at the top is guessed at all.
Photo captions cannot be attached to a photo (a .txt has none), so caption-like lines stay body
paragraphs — and a diagnostic says so.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Diagnostic
from ..model import Block, BlockKind, Span
from . import webcopy as web
from .frontmatter import ArticleMeta
from .text import Cleaner, display_width, is_blank, is_hangul

#: Longest line taken as a subhead inside the body (cells).
SUBHEAD_WIDTH = 60
#: In hard-wrapped text, a line at least this wide that does not end a sentence continues on
#: the next line; hard-wrapped text has no line longer than WRAPPED_MAX_WIDTH characters.
WRAPPED_WIDTH = 50
WRAPPED_MAX_WIDTH = 110


@dataclass
class TextBody:
    """What the plain-text importer found; ``None`` means "not found"."""

    blocks: list[Block] = field(default_factory=list)
    headline: str | None = None
    deck: tuple[str, ...] = ()
    byline: str | None = None
    email: str | None = None
    copyright: str | None = None
    mostly_hangul: bool = False
    diagnostics: list[Diagnostic] = field(default_factory=list)


@dataclass(frozen=True)
class _Line:
    number: int   # 1-based, in the file
    text: str     # cleaned: one space between words, no invisibles


def read_plaintext(lines: list[str], first_line: int, meta: ArticleMeta, cleaner: Cleaner,
                   file: str) -> TextBody:
    """Split web-copy ``lines`` (line ``first_line`` of ``file`` first) into an article's parts."""
    return _Reader(lines, first_line, meta, cleaner, file).read()


def _quote(lines: list[_Line]) -> str:
    return ", ".join(f'"{line.text}"' for line in lines)


def _numbers(lines: list[_Line]) -> str:
    numbers = [line.number for line in lines]
    return f"line {numbers[0]}" if len(numbers) == 1 else \
        "lines " + ", ".join(str(n) for n in numbers)


class _Reader:
    def __init__(self, lines: list[str], first_line: int, meta: ArticleMeta, cleaner: Cleaner,
                 file: str):
        self.meta = meta
        self.file = file
        self.out = TextBody()
        # ``rows`` keeps blank lines (as None) because they separate paragraphs.
        self.rows: list[_Line | None] = [
            None if is_blank(text) else _Line(first_line + index, cleaner.clean(text))
            for index, text in enumerate(lines)]
        self.rows = [row if row is None or row.text else None for row in self.rows]
        self.filled: list[_Line] = [row for row in self.rows if row is not None]
        # Blank lines separate paragraphs (at least two gaps: one gap may just follow the
        # navigation). Then, in hard-wrapped text, they alone end paragraphs — a wrapped line may
        # well end with a full stop in mid-paragraph.
        gaps = sum(1 for line, after in zip(self.filled, self.filled[1:])
                   if after.number > line.number + 1)
        self.blank_separated = gaps >= 2
        self.hard_wrapped = self._looks_hard_wrapped()

    def _looks_hard_wrapped(self) -> bool:
        """True when the text was wrapped at a fixed width (e-mail style) rather than copied one
        paragraph per line: hardly a line is longer than ~100 characters, and at least three
        lines break off mid-sentence right before another line. Only then are lines joined into
        paragraphs — in one-line-per-paragraph copy that would glue headlines and subheads to
        the body."""
        filled = self.filled
        # Characters, not cells: wrapping tools count characters, so Korean wrapped at 72
        # characters is ~130 cells wide.
        too_long = sum(1 for line in filled if len(line.text) > WRAPPED_MAX_WIDTH)
        if not filled or too_long > max(1, len(filled) // 20):   # a long headline may stand out
            return False
        breaks = sum(1 for line, after in zip(filled, filled[1:])
                     if after.number == line.number + 1
                     and display_width(line.text) >= WRAPPED_WIDTH
                     and not web.ends_like_sentence(line.text))
        return breaks >= 3

    def guess(self, message: str, line: int | None) -> None:
        self.out.diagnostics.append(Diagnostic("guess", message, self.file, line))

    def read(self) -> TextBody:
        start = self._top() if self.meta.headline is None else self._skip_repeated_headline()
        end = self._tail_start(start)
        body_lines = self.filled[start:end]
        extra = self._tail(end)
        self._paragraphs(body_lines)
        for line in extra:
            self.out.blocks.append(Block(BlockKind.PARAGRAPH, (Span(line.text),)))
        letters = [ch for block in self.out.blocks for ch in block.text if ch.isalpha()]
        self.out.mostly_hangul = sum(map(is_hangul, letters)) > len(letters) / 2
        self.out.diagnostics.sort(key=lambda d: d.line or 0)
        return self.out

    # -- the top: navigation, headline, top matter --------------------------------------------

    def _top(self) -> int:
        """Find navigation and headline and the top matter; return where the body starts."""
        filled = self.filled
        k = 0
        navigation: list[_Line] = []
        while k < len(filled) and web.is_navigation_like(filled[k].text) \
                and not web.is_caption_like(filled[k].text):
            navigation.append(filled[k])
            k += 1
        if k < len(filled) and not self._starts_body(
                self._run(k) if self.hard_wrapped else filled[k].text):
            headline = filled[k]
            k += 1
        elif navigation and len(navigation[-1].text.split()) >= 2 \
                and not web.is_breadcrumb(navigation[-1].text):
            # A short headline ("Markets rally") looks like navigation: take the last short line
            # before the body, unless it is a single word ("Login") or a breadcrumb trail.
            headline = navigation.pop()
        else:
            headline = None
        if navigation:
            self.guess(f"dropped {len(navigation)} navigation line(s) before the headline: "
                       f"{_quote(navigation)}", navigation[0].number)
        if headline is None:
            return k
        self.out.headline = headline.text
        self.guess(f"took line {headline.number} as the headline", headline.number)
        return self._top_matter(k)

    def _top_matter(self, k: int) -> int:
        deck: list[_Line] = []
        dropped: list[_Line] = []
        while k < len(self.filled):
            line = self.filled[k]
            text = line.text
            if self._take_byline(line):
                pass
            elif web.match_byline(text):
                dropped.append(line)   # a second byline, or one the front matter replaces
            elif self.out.email is None and self.meta.email is None and web.match_email(text):
                self.out.email = web.match_email(text)
                self.guess(f"took line {line.number} as the e-mail address", line.number)
            elif web.is_date_line(text) or web.is_page_tool(text):
                dropped.append(line)
            elif self.meta.deck is not None or web.is_caption_like(text) \
                    or web.is_paragraph_like(text) or self._ends_like_body(text) \
                    or self._ends_like_body(self._run(k)):
                break
            else:
                deck.append(line)
            k += 1
        if deck:
            self.out.deck = tuple(line.text for line in deck)
            self.guess(f"took {_numbers(deck)} as the deck", deck[0].number)
        if dropped:
            self.guess(f"dropped {len(dropped)} date/page-tool/extra byline line(s) between "
                       f"headline and body: {_quote(dropped)}", dropped[0].number)
        return k

    def _run(self, k: int) -> str:
        """Line ``k`` with the lines that carry on its paragraph, joined: in hard-wrapped text
        the lines :meth:`_continues` joins; else, if blank lines separate paragraphs, the rest of
        its blank-line group. Used so that the first lines of a wrapped paragraph are not
        mistaken for a headline or deck: what ends a sentence is body."""
        run = [self.filled[k]]
        for line in self.filled[k + 1:]:
            if line.number != run[-1].number + 1:
                break
            if self.hard_wrapped and not self._continues(run[-1], line):
                break
            if not self.hard_wrapped and not self.blank_separated:
                break
            run.append(line)
        return " ".join(line.text for line in run)

    def _skip_repeated_headline(self) -> int:
        if self.filled and self.filled[0].text == " ".join(self.meta.headline.split()):
            self.guess(f"dropped line {self.filled[0].number}: it repeats the front-matter "
                       "headline", self.filled[0].number)
            return 1
        return 0

    # -- the tail: byline, copyright, trailing lists -------------------------------------------

    def _tail_start(self, start: int) -> int:
        """Index of the first tail line: a byline, a copyright line or a trailing-list header.

        A header ends the body only after a byline was seen, or when no body-like line follows
        it before the next marker ("Comments" may be a section of the story). Body text after
        the tail starts is still kept (see :meth:`_tail`)."""
        signed = self.out.byline is not None
        for k in range(start, len(self.filled)):
            line = self.filled[k]
            if web.is_copyright(line.text) or web.match_byline(line.text):
                return k
            if not web.is_trailing_header(line.text):
                continue
            if signed or not self._body_follows(k + 1):
                return k
            self.guess(f'line {line.number} ("{line.text}") looks like the start of a trailing '
                       "list but body text follows; kept it in the body", line.number)
        return len(self.filled)

    def _body_follows(self, k: int) -> bool:
        """Is there a body-like line from ``k`` on, before the next byline/copyright/header?"""
        for line in self.filled[k:]:
            text = line.text
            if web.is_copyright(text) or web.match_byline(text) or web.is_trailing_header(text):
                return False
            if web.is_paragraph_like(text):
                return True
        return False

    def _take_byline(self, line: _Line) -> bool:
        """Take ``line`` as the byline if it is one and none was found yet. The byline is the
        line as written ("By Jane Doe <jane@x.com>", "홍길동 기자 hong@x.kr"): it prints so; the
        e-mail address is also kept on its own."""
        found = web.match_byline(line.text)
        if found is None or self.out.byline is not None:
            return False
        if self.meta.byline is not None:
            return False
        self.out.byline = " ".join(line.text.split())
        message = f"took line {line.number} as the byline"
        if found.email and self.meta.email is None:
            self.out.email = found.email
            message += " and e-mail address"
        self.guess(message, line.number)
        return True

    def _tail(self, end: int) -> list[_Line]:
        """Read the tail; return the lines in it that are body text after all."""
        kept: list[_Line] = []
        dropped: list[_Line] = []
        in_lists = False
        for line in self.filled[end:]:
            text = line.text
            if self._take_byline(line):
                continue
            notice = web.is_copyright(text) or (not in_lists and web.is_notice(text))
            if notice and self.out.copyright is None and self.meta.copyright is None:
                self.out.copyright = text
                self.guess(f"took line {line.number} as the copyright line", line.number)
            elif web.match_email(text) and self.out.email is None and self.meta.email is None:
                self.out.email = web.match_email(text)
                self.guess(f"took line {line.number} as the e-mail address", line.number)
            elif web.is_trailing_header(text):
                in_lists = True
                dropped.append(line)
            elif not in_lists and web.is_paragraph_like(text) and not web.match_byline(text):
                kept.append(line)
                self.guess(f"kept line {line.number}, which follows the byline or copyright, "
                           "as a body paragraph", line.number)
            else:
                dropped.append(line)
        if dropped:
            self.guess(f"dropped {len(dropped)} line(s) after the body (related articles, tags, "
                       f"share buttons, repeated bylines …): {_quote(dropped)}",
                       dropped[0].number)
        return kept

    # -- the body ----------------------------------------------------------------------------

    def _paragraphs(self, body_lines: list[_Line]) -> None:
        """Group body lines into blocks: blank lines separate; hard-wrapped lines are joined."""
        wanted = {line.number for line in body_lines}
        groups: list[list[_Line]] = []
        current: list[_Line] = []
        for row in self.rows:
            if row is None or row.number not in wanted:
                if current:
                    groups.append(current)
                    current = []
                continue
            if current and not self._continues(current[-1], row):
                groups.append(current)
                current = []
            current.append(row)
        if current:
            groups.append(current)
        joined = [f"{group[0].number}–{group[-1].number}" for group in groups if len(group) > 1]
        if joined:
            first = next(group[0].number for group in groups if len(group) > 1)
            self.guess(f"the text looks hard-wrapped; joined lines {', '.join(joined)} into "
                       f"{len(joined)} paragraph(s)", first)
        for index, group in enumerate(groups):
            text = " ".join(line.text for line in group)
            kind = BlockKind.PARAGRAPH
            if web.is_caption_like(text):
                self.guess(f"line {group[0].number} looks like a photo caption; kept as a body "
                           "paragraph (a .txt article has no photo to attach it to)",
                           group[0].number)
            elif len(group) == 1 and index + 1 < len(groups) and self._subhead_like(text):
                kind = BlockKind.SUBHEAD
                self.guess(f"took line {group[0].number} as a subhead", group[0].number)
            self.out.blocks.append(Block(kind, (Span(text),)))

    @staticmethod
    def _ends_like_body(text: str) -> bool:
        """Ends as a sentence does, or as a line leading into more text (``:`` ``;`` ``,``)."""
        return web.ends_like_sentence(text) or text.endswith((":", ";", ","))

    @staticmethod
    def _starts_body(text: str) -> bool:
        """Is this line, where a headline is expected, already body text? Headlines do not end
        in a full stop (a sentence of four words or more that does is body); a very long line
        is body whatever its punctuation."""
        width = display_width(text)
        sentence = web.ends_with_full_stop(text) and (width >= web.SENTENCE_WIDTH
                                                      or len(text.split()) >= 4)
        return sentence or width >= 2 * web.PARAGRAPH_WIDTH

    def _continues(self, previous: _Line, line: _Line) -> bool:
        """True when ``line`` carries on the paragraph of the line before (hard wrapping)."""
        if self.hard_wrapped and self.blank_separated:
            return not web.is_caption_like(line.text) and not web.is_caption_like(previous.text)
        return self.hard_wrapped and display_width(previous.text) >= WRAPPED_WIDTH \
            and not web.ends_like_sentence(previous.text) \
            and not web.is_caption_like(line.text) and not web.is_caption_like(previous.text)

    @staticmethod
    def _subhead_like(text: str) -> bool:
        return display_width(text) < SUBHEAD_WIDTH and not web.ends_like_sentence(text) \
            and not text.endswith((":", ",", ";")) and not text[:1] in "-•*·▶▷◆◇■□○●"
