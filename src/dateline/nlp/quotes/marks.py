"""Quoted stretches of text: pairing quotation marks the way a news reader does.

Pure text, no model: curly double quotes, straight double quotes (open or close by the
characters around them), and single quotes where they stand in clear quoting position (an
apostrophe inside "don't" or after "Hamas’" never opens or closes anything). A quote opened
and not closed in one paragraph continues into the next paragraph when that one opens with a
quotation mark (news convention for a quote over several paragraphs). Marks that cannot be
paired are skipped and logged at debug level; nothing here raises on odd input.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

from dateline.nlp.common.intervals import Intervals

log = logging.getLogger(__name__)

_DOUBLE_OPEN = {"“", "„", "«"}
_DOUBLE_CLOSE = {"”", "»"}
_STRAIGHT = '"'
_SINGLE_OPEN = {"‘"}
_SINGLE_CLOSE = {"’"}
_STRAIGHT_SINGLE = "'"
_OPENING_CONTEXT = set(" \t\n([{—–-/") | _DOUBLE_OPEN | {_STRAIGHT}


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """Words inside quotation marks: `start`/`end` exclude the marks themselves.

    `open_mark` is the offset of the opening mark; `close_mark` that of the closing one, or
    None when the quote runs on to the next paragraph without closing here. `credit` is the
    line that names the speaker of a pull quote, where one closes it.
    """

    start: int
    end: int
    open_mark: int
    close_mark: int | None
    credit: tuple[int, int] | None = None


def _is_word(char: str) -> bool:
    return char.isalnum()


def _before(text: str, index: int) -> str:
    return text[index - 1] if index > 0 else " "


def _after(text: str, index: int) -> str:
    return text[index + 1] if index + 1 < len(text) else " "


def _opens(text: str, index: int, length: int = 1) -> bool:
    """A straight or single mark opens where it follows a space and precedes a word."""
    return (
        _before(text, index) in _OPENING_CONTEXT and not _after(text, index + length - 1).isspace()
    )


def _closes(text: str, index: int) -> bool:
    return not _before(text, index).isspace() and not _is_word(_after(text, index))


def find_quoted_spans(text: str, paragraphs: Iterable[tuple[int, int]]) -> list[QuotedSpan]:
    """Every quoted stretch in the given paragraphs (start, end offsets), in text order."""
    spans: list[QuotedSpan] = []
    carried: int | None = None  # an opening mark left open by the previous paragraph
    previous_end = 0
    for start, end in paragraphs:
        first = text[start:end][:1]
        if carried is not None:
            if first in _DOUBLE_OPEN or first == _STRAIGHT:
                spans.append(_span(text, carried, None, previous_end))
            elif _credit_line(text, start, end):
                quote = _span(text, carried, None, previous_end)
                spans.append(QuotedSpan(quote.start, quote.end, carried, None, (start, end)))
            else:
                log.debug("quotation mark at %d never closed", carried)
            carried = None
        found, carried = _double_quotes(text, start, end)
        spans.extend(found)
        spans.extend(_single_quotes(text, start, end, found))
        previous_end = end
    if carried is not None:
        log.debug("quotation mark at %d never closed", carried)
    return sorted(spans, key=lambda s: s.start)


_MAX_CREDIT_WORDS = 16
_DOUBLE_MARK = re.compile(r"``|''|[“„«”»\"]")
_SINGLE_MARK = re.compile(r"''|[‘’']")


def _credit_line(text: str, start: int, end: int) -> bool:
    """ "Jane Roe, Institute for Policy Studies." closing a quote left open on the line
    before: a pull quote's credit, the format of boxes of quotes ("What they said")."""
    line = text[start:end].strip()
    body = line.rstrip("”\"'").rstrip()
    closed = len(body) < len(line)
    return (
        closed
        and body[:1].isupper()
        and len(body.split()) <= _MAX_CREDIT_WORDS
        and not _DOUBLE_MARK.search(body)
    )


def _double_marks(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(offset, length, kind) of each double mark; kind is "open", "close" or "either".

    Typewriter copy writes double quotes as two characters: ``like this'' or ''like this''.
    """
    marks: list[tuple[int, int, str]] = []
    for match in _DOUBLE_MARK.finditer(text, start, end):
        mark = match.group()
        if mark == "``" or mark in _DOUBLE_OPEN:
            kind = "open"
        elif mark in _DOUBLE_CLOSE:
            kind = "close"
        else:
            kind = "either"
        marks.append((match.start(), len(mark), kind))
    return marks


def _double_quotes(text: str, start: int, end: int) -> tuple[list[QuotedSpan], int | None]:
    found: list[QuotedSpan] = []
    opened: tuple[int, int] | None = None
    for index, length, kind in _double_marks(text, start, end):
        opening = kind == "open" or (
            kind == "either" and opened is None and _opens(text, index, length)
        )
        if opening:
            if opened is not None:
                log.debug("quotation mark at %d opened inside an open quote; restarting", opened)
            opened = (index, length)
        elif opened is None:
            log.debug("closing quotation mark at %d with nothing open", index)
        else:
            found.append(_span(text, opened[0], index, index, opened[1]))
            opened = None
    return [s for s in found if s.end > s.start], opened[0] if opened else None


def _single_quotes(text: str, start: int, end: int, doubles: list[QuotedSpan]) -> list[QuotedSpan]:
    """‘Quoted’ words outside double quotes (inside them they are a quote within the quote)."""
    # end + 1: a mark right at a double quote's end (its closing mark) is inside it too
    inside = Intervals((s.open_mark, s.end + 1) for s in doubles)
    found: list[QuotedSpan] = []
    opened: int | None = None
    for match in _SINGLE_MARK.finditer(text, start, end):
        index, char = match.start(), match.group()
        if char == "''" or inside.overlaps(index, index + 1):
            continue  # a typewriter double quote, or a quote within a quote
        if (char in _SINGLE_OPEN or char == _STRAIGHT_SINGLE) and _opens(text, index):
            opened = index
        elif (
            (char in _SINGLE_CLOSE or char == _STRAIGHT_SINGLE)
            and opened is not None
            and _closes(text, index)
            and not _possessive(text, index)
        ):
            found.append(_span(text, opened, index, index))
            opened = None
    return [s for s in found if s.end > s.start]


def _possessive(text: str, index: int) -> bool:
    """ "Hamas’ fighters": a name's possessive, not a closing quote ("a mess’ but" closes)."""
    if _before(text, index) not in "sS" or _after(text, index) != " ":
        return False
    word_start = index
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    following = text[index + 2 : index + 3]
    return text[word_start : word_start + 1].isupper() and following.islower()


def _span(
    text: str, open_mark: int, close_mark: int | None, end: int, mark_length: int = 1
) -> QuotedSpan:
    start = open_mark + mark_length
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuotedSpan(start, end, open_mark, close_mark)


def without_subheadings(text: str, marked: list[QuotedSpan]) -> list[QuotedSpan]:
    """A paragraph that is only words in single marks, in an article that quotes in double
    marks, is a subheading drawn from a quote below (‘A really tough call.’), not a quote."""
    if not any(_opens_double(text, q) for q in marked):
        return marked
    return [q for q in marked if _opens_double(text, q) or not _fills_paragraph(text, q)]


def _opens_double(text: str, quote: QuotedSpan) -> bool:
    mark = text[quote.open_mark : quote.open_mark + 2]
    return mark[:1] in {"“", '"', "„", "«"} or mark in {"''", "``"}


def _fills_paragraph(text: str, quote: QuotedSpan) -> bool:
    if quote.close_mark is None:
        return False
    line_start = text.rfind("\n", 0, quote.open_mark) + 1
    line_end = text.find("\n", quote.close_mark)
    line_end = len(text) if line_end < 0 else line_end
    return (
        not text[line_start : quote.open_mark].strip()
        and len(text[quote.close_mark : line_end].strip()) <= 1
    )
