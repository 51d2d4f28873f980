"""An article's text with its facts marked: quotes around, and within them speakers, people,
times, places and event triggers, each mark saying what fact it is and linking to it.

Everything from the article is escaped (MarkupSafe): its text is untrusted, and only the tags
made here are markup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from markupsafe import Markup, escape

from dateline.record_types import AnalysisRecord, EventRecord, PlaceRecord, QuoteRecord

# Inner marks that overlap: the first kind here wins.
_PRIORITY = ["speaker", "event", "place", "time", "entity"]


@dataclass(slots=True)
class Mark:
    """A span to mark: its kind (a CSS class), the fact it shows, where it links."""

    start: int
    end: int
    kind: str
    fact: str  # the id of the fact in the list beside the text ("q1", "v2")
    title: str  # what the fact is, in words (shown on hover)
    href: str | None = None
    anchor: str | None = None  # an id search results and timelines link to
    pieces: list[tuple[int, int]] = field(default_factory=list)


EntityLink = Callable[[str | None, str | None], str | None]


def _describe_quote(quote: QuoteRecord, places: dict[str, PlaceRecord]) -> str:
    parts = [f"{quote['kind']} quote", f"speaker: {quote.get('speaker_name') or 'unknown'}"]
    if quote.get("date"):
        parts.append(f"said: {quote['date']}")
    place = places.get(quote.get("place") or "")
    if place:
        parts.append(f"at: {place['name']}")
    return "; ".join(parts)


def _describe_place(place: PlaceRecord) -> str:
    where = ", ".join(str(p) for p in (place.get("name"), place.get("country")) if p)
    if place.get("lat") is not None:
        where += f" ({place['lat']:.2f}, {place['lon']:.2f})"
    return f"place: {where}"


def _describe_event(event: EventRecord) -> str:
    who = f"{event.get('actor_name') or '?'} → {event.get('recipient_name') or '?'}"
    when = f", {event['date']}" if event.get("date") else ""
    return f"event {event['type']}: {who}{when}"


def marks_of(record: AnalysisRecord, entity_link: EntityLink) -> tuple[list[Mark], list[Mark]]:
    """The quote marks and the inner marks of a record (spans checked against the text)."""
    text = record["article"]["text"]
    places = {p["id"]: p for p in record.get("places", [])}
    entities = {e["id"]: e for e in record.get("entities", [])}
    quotes = [
        Mark(q["start"], q["end"], "quote", q["id"], _describe_quote(q, places),
             anchor=f"at-{q['start']}")
        for q in record.get("quotes", [])
    ]  # fmt: skip
    inner: list[Mark] = []
    for q in record.get("quotes", []):
        mention = q.get("speaker_mention")
        if mention:
            href = entity_link(q.get("speaker"), q.get("speaker_name"))
            title = f"speaker of {q['id']}: {q.get('speaker_name') or 'unknown'}"
            inner.append(Mark(mention["start"], mention["end"], "speaker", q["id"], title, href))
    for v in record.get("events", []):
        trigger = v["trigger"]
        inner.append(
            Mark(trigger["start"], trigger["end"], "event", v["id"], _describe_event(v),
                 f"#fact-{v['id']}", anchor=f"at-{trigger['start']}")
        )  # fmt: skip
    for p in record.get("places", []):
        inner.append(Mark(p["start"], p["end"], "place", p["id"], _describe_place(p)))
    for t in record.get("timexes", []):
        title = f"time ({t['type']}): {t.get('value') or '?'}"
        inner.append(Mark(t["start"], t["end"], "time", t["id"], title))
    for e in entities.values():
        role = ", ".join(str(x) for x in (e.get("role"), e.get("country")) if x)
        title = f"{e['type'].lower()}: {e['name']}" + (f" ({role})" if role else "")
        for m in e.get("mentions", []):
            href = entity_link(e["id"], e["name"])
            inner.append(Mark(m["start"], m["end"], "entity", e["id"], title, href))
    valid = [m for m in [*quotes, *inner] if 0 <= m.start < m.end <= len(text)]
    return _without_overlaps([m for m in valid if m.kind == "quote"], ["quote"]), _without_overlaps(
        [m for m in valid if m.kind != "quote"], _PRIORITY
    )


def _without_overlaps(marks: list[Mark], priority: list[str]) -> list[Mark]:
    """Keep marks that overlap none kept before them, in order of kind, then position."""
    kept: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (priority.index(m.kind), m.start, -m.end)):
        if all(mark.end <= k.start or mark.start >= k.end for k in kept):
            kept.append(mark)
    return sorted(kept, key=lambda m: m.start)


def _split_at(inner: list[Mark], quotes: list[Mark]) -> list[tuple[int, int, Mark]]:
    """Inner marks cut where a quote begins or ends, so the tags nest."""
    cuts = sorted({q.start for q in quotes} | {q.end for q in quotes})
    pieces: list[tuple[int, int, Mark]] = []
    for mark in inner:
        edges = [mark.start, *(c for c in cuts if mark.start < c < mark.end), mark.end]
        pieces.extend((a, b, mark) for a, b in pairwise(edges))
    return pieces


def _open(mark: Mark, first_piece: bool) -> Markup:
    anchor = Markup(' id="{}"').format(mark.anchor) if mark.anchor and first_piece else ""
    if mark.href:
        return Markup('<a class="hl hl-{}" href="{}" data-fact="{}" title="{}"{}>').format(
            mark.kind, mark.href, mark.fact, mark.title, anchor
        )
    return Markup('<mark class="hl hl-{}" data-fact="{}" title="{}" tabindex="0"{}>').format(
        mark.kind, mark.fact, mark.title, anchor
    )


def _close(mark: Mark) -> Markup:
    return Markup("</a>") if mark.href else Markup("</mark>")


def highlighted(record: AnalysisRecord, entity_link: EntityLink) -> Markup:
    """The article's text as HTML, its facts marked (to show in a `white-space: pre-wrap`
    block, so the text's own line breaks stay)."""
    text: str = record["article"]["text"]
    quotes, inner = marks_of(record, entity_link)
    pieces = _split_at(inner, quotes)
    opens: dict[int, list[Markup]] = {}
    closes: dict[int, list[Markup]] = {}
    for quote in quotes:
        opens.setdefault(quote.start, []).append(_open(quote, True))
        closes.setdefault(quote.end, []).append(_close(quote))
    for start, end, mark in pieces:
        opens.setdefault(start, []).append(_open(mark, start == mark.start))
        closes.setdefault(end, []).insert(0, _close(mark))
    out: list[Markup | str] = []
    edges = sorted({0, len(text), *opens, *closes})
    for position, following in zip(edges, [*edges[1:], None], strict=False):
        out.extend(closes.get(position, []))  # inner closes come before their quote's
        out.extend(opens.get(position, []))  # the quote opens before what is inside it
        if following is not None:
            out.append(escape(text[position:following]))
    return Markup("").join(out)
