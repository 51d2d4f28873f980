"""The date a page shows its reader at the head of the article, beside the headline.

A page's metadata can carry a date the reader never sees: the day the CMS entry was made,
years before the article now on it was written, or a date every page of the site shares.
The date printed under the headline ("Ann Lee · March 3, 2024") is the one the newsroom
stands by. `metadata.choose_dates` lets it win when the page shows nothing of the
metadata's date; a date labelled as the last edit ("Updated …") is never the published one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

from lxml import etree

from dateline.ingest import evidence
from dateline.ingest.dates import EAST_HOURS, WEST_HOURS, CalendarDate, find_dates

# How far from the headline a date still belongs to its header: the byline, the section and
# the reading time come there; the story's own sentences come after.
_AFTER_HEADLINE = 300
_BEFORE_HEADLINE = 150
# A header line is short ("By Ann Lee | March 3, 2024 | 4 min read"); a longer text is prose,
# whose dates are what the story reports.
_HEADER_LINE = 120
# What a label may print between itself and its date: the time of day, its zone and the
# weekday ("Updated 3:40 p.m. ET, Thu March 5, 2026").
_BETWEEN = (
    r"(?:\d{1,2}:\d{2}\s*(?:[ap]\.?\s?m\b\.?)?\s*(?:[a-z]{2,4}\b)?\W*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b\.?\W*)?"
)
# "Updated on", "Last modified:", "Reviewed" — glued to the byline too ("Ann LeeUpdated").
_EDIT_LABEL = re.compile(
    r"(?:updated|modified|revised|reviewed|edited|refreshed)(?:\W+(?:on|at))?\W*" + _BETWEEN + r"$",
    re.IGNORECASE,
)
# "…May 1, 2024January 3, 2025": a page that glues its dates together, or onto a word (a
# capital only: "9th" is one word).
_GLUED = re.compile(r"(?<=\d)(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class ShownDate:
    """A day the page prints near its headline; `edited` when a label calls it the last edit;
    `clock` the time of day printed with it (minutes after midnight), when one is."""

    day: str
    edited: bool
    clock: int | None = None


def header_date(tree: etree._Element) -> ShownDate | None:
    """The first full date printed in a short line near the page's headline, or None."""
    chunks = list(evidence._text_chunks(tree))
    heads = [i for i, (el, _) in enumerate(chunks) if _in_headline(el)]
    head = next((i for i in heads if not evidence.in_furniture(chunks[i][0])), None)
    if head is None:
        return None
    start = head
    # before the headline the header reaches back no further than the story's <article>:
    # what stands before that is a teaser box or the masthead, not the story's kicker
    story = next((a for a in chunks[head][0].iterancestors() if a.tag == "article"), None)
    while (
        start > 0
        and head - start < 8
        and _span(chunks, start - 1, head) <= _BEFORE_HEADLINE
        and _within(chunks[start - 1][0], story)
    ):
        start -= 1
    read = 0
    for index in range(start, len(chunks)):
        element, text = chunks[index]
        if index > head and not _in_control(element):
            read += len(text)
            if read > _AFTER_HEADLINE:
                return None
        if len(text) > _HEADER_LINE or evidence.in_furniture(element) or _todays(element):
            continue
        glued = _GLUED.sub(" ", text)
        for found in _header_dates(glued, element):
            if found.year is None:
                continue
            # the label may be a chunk or two before: "Updated", ":", "December 4, 2025"
            label = " ".join(text for _, text in chunks[max(0, index - 2) : index])
            before = f"{label} {glued[: found.start]}"
            # the time is printed in the date's line or the next chunk ("<span>7:04 PM")
            after = chunks[index + 1][1] if index + 1 < len(chunks) else ""
            line = f"{glued} {after if len(after) <= _HEADER_LINE else ''}"
            return ShownDate(found.iso(), bool(_EDIT_LABEL.search(before)), printed_clock(line))
    return None


# A date in figures ("12.12.2025", "24/03/2025"), read in a header line only, and only when
# it tells day from month: the same number twice, or one of them past 12.
_FIGURES = re.compile(
    r"(?<![\d.,/])(?P<a>[0-3]?\d)[./](?P<b>[0-3]?\d)[./](?P<year>(?:19|20)\d\d)\b"
)
_MONTHS_A_YEAR = 12
# Figures in a longer line are what it reports ("the estimate is valid through 01/23/2026"):
# a date line in figures holds the date and a byline at most.
_FIGURES_LINE = 60


def _header_dates(text: str, element: etree._Element) -> list[CalendarDate]:
    """The dates of a header line: in words (`find_dates`), else, in a short block, in
    figures when the day and month cannot be mistaken for each other."""
    found = list(find_dates(text))
    if found or _FIGURES.search(text) is None:
        return found
    if len(evidence.text_of(_block_of(element))) > _FIGURES_LINE:
        return found
    for match in _FIGURES.finditer(text):
        a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
        if a != b and a <= _MONTHS_A_YEAR and b <= _MONTHS_A_YEAR:
            continue  # 03/04: March 4 or 3 April, the page does not say
        day, month = (b, a) if b > _MONTHS_A_YEAR else (a, b)
        try:
            date(year, month, day)
        except ValueError:
            continue
        found.append(CalendarDate(match.start(), match.end(), year, month, day))
    return found


_BLOCKS = frozenset({"p", "div", "li", "td", "header", "section", "article", "body"})


def _block_of(element: etree._Element) -> etree._Element:
    """The block `element` is set in: a <span> of figures inside a paragraph is the
    paragraph's, whose other words say what the figures are."""
    for node in (element, *element.iterancestors()):
        if node.tag in _BLOCKS:
            return node
    return element


# A box a masthead prints the day's date in ("todays-date", "current-date", "date-today"):
# the day the page was served, not the story's.
_TODAY_HINT = re.compile(r"today|current-?date|date-?now", re.IGNORECASE)
_TODAY_DEPTH = 4


def _todays(element: etree._Element) -> bool:
    """Whether `element` is (or sits in) a box named for today's date."""
    node: etree._Element | None = element
    for _ in range(_TODAY_DEPTH):
        if node is None:
            return False
        if _TODAY_HINT.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
        node = node.getparent()
    return False


# A time of day as a header prints it: "7:30 PM", "11:18pm", "12:12 p.m.", "19:30".
_CLOCK = re.compile(
    r"(?<![\d:.])(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?![\d.])(?::\d\d)?"
    r"(?:\s?(?P<half>[ap])\.?\s?m\b\.?)?",
    re.IGNORECASE,
)
_MINUTES_A_DAY = 24 * 60
# Real zones are whole hours from UTC, or a half or three quarters of one.
_ZONE_STEP = 15


def printed_clock(line: str) -> int | None:
    """The first time of day in `line`, as minutes after midnight (12-hour clocks read by
    their "a.m." / "p.m."), or None when the line prints none."""
    found = _CLOCK.search(line)
    if found is None:
        return None
    hour, minute = int(found["hour"]), int(found["minute"])
    half = (found["half"] or "").casefold()
    if half and not 1 <= hour <= 12:
        return None
    if half:
        hour = hour % 12 + (12 if half == "p" else 0)
    return hour * 60 + minute


def in_printed_zone(published: str, printed: ShownDate) -> str:
    """`published` (a timestamp with its zone) told in the zone the page prints its own
    time in, when the page shows the same moment as a day and a time of day.

    Sites often give the metadata's timestamp in UTC while the header prints the local
    "7:30 PM February 9": an evening story is then dated the next day in UTC, a day its
    reader never saw. The printed day and time fix the site's offset (a real zone's, in
    quarter hours); without a printed time, or when the two are not one moment, the
    timestamp is kept as it is.
    """
    if printed.clock is None or printed.edited or "T" not in published:
        return published
    try:
        stamp = datetime.fromisoformat(published)
    except ValueError:
        return published
    if stamp.utcoffset() is None:
        return published
    utc = stamp.astimezone(UTC)
    east = (printed.clock - (utc.hour * 60 + utc.minute)) % _MINUTES_A_DAY
    if east % _ZONE_STEP:
        return published
    # one clock reading, two zones a day apart (UTC-10 and UTC+14): the printed day decides
    for offset in (east, east - _MINUTES_A_DAY):
        if -WEST_HOURS * 60 <= offset <= EAST_HOURS * 60:
            local = utc.astimezone(timezone(timedelta(minutes=offset)))
            if local.date().isoformat() == printed.day:
                return local.isoformat(timespec="seconds")
    return published


# "Published on", "Posted:", "Originally published on": what the page says the date is.
_PUBLISHED_LABEL = re.compile(
    r"\b(?P<first>(?:originally|first)\s+)?(?:published|posted)(?:\s+(?:on|at))?\W*"
    + _BETWEEN
    + r"$",
    re.IGNORECASE,
)
_LABEL_WORD = re.compile(r"published|posted", re.IGNORECASE)
# How far before a date its label may open: "Published" ":" "August 3, 2025".
_LABEL_REACH = 40


@dataclass(frozen=True, slots=True)
class LabelledDate:
    """A day the page's visible text calls the publication date; `original` when it says
    the story was first published then ("originally published on …", a republished page)."""

    day: str
    original: bool


def labelled_date(tree: etree._Element) -> LabelledDate | None:
    """The first full date the visible text labels as published, outside the furniture.

    A label alone in a short line ("Published August 3, 2025") dates the page wherever it
    stands (some sites print it under the story); "originally published on" is read in
    prose too, since that is where a republished story says it. A date in a sidebar's
    teaser is another story's."""
    chunks = list(evidence._text_chunks(tree))
    for index, (element, text) in enumerate(chunks):
        label = " ".join(t for _, t in chunks[max(0, index - 2) : index])
        if _LABEL_WORD.search(label) is None and _LABEL_WORD.search(text) is None:
            continue  # no label in reach: skip the date search, the page's costliest part
        glued = _GLUED.sub(" ", text)
        for found in find_dates(glued):
            if found.year is None:
                continue
            before = f"{label} {glued[: found.start]}"[-_LABEL_REACH:]
            match = _PUBLISHED_LABEL.search(before)
            if match is None or evidence.in_furniture(element):
                continue
            original = match.group("first") is not None
            if original or len(text) <= _HEADER_LINE:
                return LabelledDate(found.iso(), original)
    return None


_EDIT_WORD = re.compile(r"updated|modified|revised|edited", re.IGNORECASE)


def edit_labelled(tree: etree._Element, day: str) -> bool:
    """Whether the page's visible text prints `day` (an ISO day) in a short line under a
    label that calls it the last edit ("Updated 3:40 p.m. March 5, 2026"), outside the
    furniture: then a metadata date of that day is the update's, not the publication's."""
    chunks = list(evidence._text_chunks(tree))
    for index, (element, text) in enumerate(chunks):
        label = " ".join(t for _, t in chunks[max(0, index - 2) : index])
        if len(text) > _HEADER_LINE or (
            _EDIT_WORD.search(label) is None and _EDIT_WORD.search(text) is None
        ):
            continue
        glued = _GLUED.sub(" ", text)
        for found in find_dates(glued):
            before = f"{label} {glued[: found.start]}"[-_LABEL_REACH:]
            if (
                found.year is not None
                and found.iso() == day
                and _EDIT_LABEL.search(before)
                and not evidence.in_furniture(element)
            ):
                return True
    return False


# How far up a link or a button may wrap the words it labels ("<a><span>Share</span></a>").
_CONTROL_DEPTH = 3


def _in_control(element: etree._Element) -> bool:
    """Whether the words are a link's or a button's: the share bar and the author links
    between a headline and its date are labels, not the story's prose, so they do not use
    up the header's reach."""
    node: etree._Element | None = element
    for _ in range(_CONTROL_DEPTH):
        if node is None:
            return False
        if node.tag in ("a", "button"):
            return True
        node = node.getparent()
    return False


def _within(element: etree._Element, story: etree._Element | None) -> bool:
    """Whether `element` is in `story` (any element, when the page marks no story)."""
    return story is None or element is story or story in element.iterancestors()


def _in_headline(element: etree._Element) -> bool:
    return element.tag == "h1" or any(a.tag == "h1" for a in element.iterancestors())


def _span(chunks: list[tuple[etree._Element, str]], start: int, end: int) -> int:
    return sum(len(text) for _, text in chunks[start:end])


def same_day(printed: str, published: str) -> bool:
    """Whether the printed day is the published timestamp's in some real time zone (the
    site prints its local day, the metadata another zone's): a stamp of 22:00 UTC is the
    next day east of it, never the day before; a day alone must match."""
    try:
        day = date.fromisoformat(printed)
        stamp = datetime.fromisoformat(published) if "T" in published else None
    except ValueError:
        return printed == published[:10]
    if stamp is None or stamp.utcoffset() is None:
        return printed == published[:10]
    utc = stamp.astimezone(UTC).replace(tzinfo=None)
    west, east = utc - timedelta(hours=WEST_HOURS), utc + timedelta(hours=EAST_HOURS)
    return west.date() <= day <= east.date()


def shows_day(tree: etree._Element, day: str) -> bool:
    """Whether the page's visible text prints `day` (an ISO day), in words or in figures."""
    body = tree.find(".//body")
    text = _GLUED.sub(" ", evidence.text_of(body if body is not None else tree))
    if any(found.year and found.iso() == day for found in find_dates(text)):
        return True
    try:
        when = date.fromisoformat(day)
    except ValueError:
        return False
    figures = (
        f"{when.month}/{when.day}/{when.year}",
        f"{when.month:02d}/{when.day:02d}/{when.year}",
        f"{when.day:02d}.{when.month:02d}.{when.year}",
        f"{when.day}/{when.month}/{when.year}",
        f"{when.day:02d}/{when.month:02d}/{when.year}",
    )
    return any(figure in text for figure in figures)
