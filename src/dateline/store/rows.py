"""An analysis record (CONTRACT.md) flattened into the store's table rows.

Pure functions over the (typed) record: what the store writes, in one place, so the tables and
the record cannot drift apart silently.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from dateline.names import fold, surname
from dateline.record_types import AnalysisRecord, PlaceRecord, SpanRecord, TimexRecord
from dateline.vocabulary import TITLES

Row = dict[str, Any]
_CALENDAR_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_WORDS = re.compile(r"\w+")


def calendar_day(value: str | None) -> str | None:
    """A value date filters can compare as text: `2024-05-01`, `2024-05` or `2024`, else None
    (durations, `PRESENT_REF`, a dateline's year-less `XXXX-03-03`)."""
    if value and _CALENDAR_DATE.match(value):
        return value
    return None


def content_key(content: str) -> str:
    """The same words are the same quote, whatever the quote marks, case and spacing."""
    words = " ".join(_WORDS.findall(content.casefold()))
    return hashlib.sha256(words.encode("utf-8")).hexdigest()


def article_row(record: AnalysisRecord, version: str) -> Row:
    article = record["article"]
    return {
        "id": article["id"],
        "source_id": article.get("source_id"),
        "title": article.get("title"),
        "url": article.get("url"),
        "published": article.get("published"),
        "language": article.get("language"),
        "text": article["text"],
        "record": record,
        "dateline_version": version,
        "stored_at": datetime.now(UTC),
    }


def entity_rows(record: AnalysisRecord, article_pk: int) -> list[Row]:
    text = record["article"]["text"]
    places = {fold(name) for p in record.get("places", []) for name in (p["name"], p["text"])}
    return [
        {
            "article_pk": article_pk,
            "local_id": e["id"],
            "name": e["name"],
            "type": e["type"],
            "role": e.get("role"),
            "country": e.get("country"),
            "gender": gender_by_honorific(text, e.get("mentions", [])),
            "corpus_key": None,
            "surname": surname(e["name"]),
            "placed": fold(e["name"]) in places,
        }
        for e in record.get("entities", [])
    ]


# The courtesy and noble titles that tell their bearer's sex ("Ms.", "Sir", "Lady").
_SEX_BY_TITLE = {
    t.word.capitalize(): t.sex for t in TITLES if t.sex and t.kind in {"courtesy", "nobility"}
}
_HONORIFIC_BEFORE = re.compile(rf"\b({'|'.join(_SEX_BY_TITLE)})\.?\s+$")
_FEMALE = {word for word, sex in _SEX_BY_TITLE.items() if sex == "f"}


def gender_by_honorific(text: str, mentions: list[SpanRecord]) -> str | None:
    """ "f" or "m" when the honorifics before an entity's mentions say so and agree: what
    later tells "Ms. Korhonen" from her namesake "Mr. Korhonen" across articles."""
    seen = set()
    for mention in mentions:
        found = _HONORIFIC_BEFORE.search(text, max(0, mention["start"] - 8), mention["start"])
        if found:
            seen.add("f" if found.group(1) in _FEMALE else "m")
    return seen.pop() if len(seen) == 1 else None


def mention_rows(
    record: AnalysisRecord, article_pk: int, entity_pks: dict[str, int]
) -> Iterator[Row]:
    for entity in record.get("entities", []):
        for mention in entity.get("mentions", []):
            yield {
                "entity_pk": entity_pks[entity["id"]],
                "article_pk": article_pk,
                **_span("span", mention),
            }


def quote_rows(record: AnalysisRecord, article_pk: int) -> list[Row]:
    places = _place_names(record)
    published = record["article"].get("published")
    return [
        {
            "article_pk": article_pk,
            "local_id": q["id"],
            "kind": q["kind"],
            "span_start": q["start"],
            "span_end": q["end"],
            "content": q["content"],
            "speaker_local": q.get("speaker"),
            "speaker_name": q.get("speaker_name"),
            **_optional_span("cue", q.get("cue")),
            "date": q.get("date"),
            "day": calendar_day(q.get("date")) or calendar_day(published),
            "place_local": q.get("place"),
            "place_name": places.get(q.get("place") or ""),
            "confidence": q.get("confidence"),
            "content_key": content_key(q["content"]),
        }
        for q in record.get("quotes", [])
    ]


def event_rows(record: AnalysisRecord, article_pk: int) -> list[Row]:
    places = _place_names(record)
    published = record["article"].get("published")
    return [
        {
            "article_pk": article_pk,
            "local_id": v["id"],
            "type": v["type"],
            "mode": v.get("mode"),
            "actor_local": v.get("actor"),
            "actor_name": v.get("actor_name"),
            "recipient_local": v.get("recipient"),
            "recipient_name": v.get("recipient_name"),
            **_span("trigger", v["trigger"]),
            "sentence_start": v["sentence"]["start"],
            "sentence_end": v["sentence"]["end"],
            "date": v.get("date"),
            "day": calendar_day(v.get("date")) or calendar_day(published),
            "place_local": v.get("place"),
            "place_name": places.get(v.get("place") or ""),
            "confidence": v.get("confidence"),
        }
        for v in record.get("events", [])
    ]


def place_rows(record: AnalysisRecord, article_pk: int) -> list[Row]:
    return [
        {
            "article_pk": article_pk,
            "local_id": p["id"],
            **_span("span", p),
            "name": p["name"],
            "country": p.get("country"),
            "lat": p.get("lat"),
            "lon": p.get("lon"),
            "geonameid": p.get("geonameid"),
            "feature": p.get("feature"),
        }
        for p in record.get("places", [])
    ]


def time_rows(record: AnalysisRecord, article_pk: int) -> list[Row]:
    return [
        {
            "article_pk": article_pk,
            "local_id": t["id"],
            **_span("span", t),
            "type": t["type"],
            "value": t.get("value"),
        }
        for t in record.get("timexes", [])
    ]


def position_rows(record: AnalysisRecord, article_pk: int) -> list[Row]:
    """Positions with the words that state them: the quote's, or the event's sentence."""
    text = record["article"]["text"]
    quotes = {q["id"]: q["content"] for q in record.get("quotes", [])}
    sentences = {
        v["id"]: text[v["sentence"]["start"] : v["sentence"]["end"]]
        for v in record.get("events", [])
        if "start" in v.get("sentence", {}) and "end" in v.get("sentence", {})
    }
    published = record["article"].get("published")
    built = []
    for p in record.get("positions", []):
        evidence = p["evidence"]
        kind = "quote" if "quote" in evidence else "event"
        local = evidence.get("quote") or evidence.get("event") or ""
        found = quotes.get(local) if kind == "quote" else sentences.get(local)
        target = p["target"]
        built.append(
            {
                "article_pk": article_pk,
                "local_id": p["id"],
                "holder_local": p.get("holder"),
                "holder_name": p.get("holder_name"),
                "target_entity_local": target.get("entity"),
                "target_text": target["text"],
                "target_key": target["key"],
                "target_start": target["span"]["start"],
                "target_end": target["span"]["end"],
                **{f"cue_{k}": p["cue"][k] for k in ("start", "end", "text")},
                "stance": p["stance"],
                "condition": p.get("condition"),
                "date": p.get("date"),
                "day": calendar_day(p.get("date")) or calendar_day(published),
                "evidence_kind": kind,
                "evidence_local": local,
                "evidence_text": found or p["cue"]["text"],
            }
        )
    return built


def outlet_of(record: AnalysisRecord) -> str | None:
    """The site an article came from, by its URL's host ("www." dropped), else None: what
    the source mix calls its outlet."""
    article = record["article"]
    for value in (article.get("url"), article.get("source_id")):
        if value and "://" in value:
            host = urlsplit(value).hostname
            if host:
                return host.removeprefix("www.")
    return None


def source_rows(record: AnalysisRecord, article_pk: int) -> list[Row]:
    outlet = outlet_of(record)
    day = calendar_day(record["article"].get("published"))
    built = []
    for s in record.get("sources", []):
        mention, cue = s.get("mention"), s.get("anonymity_cue")
        label = s.get("name") or (mention or cue or {"text": "unnamed"})["text"]
        built.append(
            {
                "article_pk": article_pk,
                "local_id": s["id"],
                "name": s.get("name"),
                "label": label,
                "entity_local": s.get("entity"),
                "kind": s["kind"],
                "kind_from": s["kind_from"],
                "anonymity": s["anonymity"],
                "country": s.get("country"),
                "gender": s["gender"],
                "direct": s["direct"],
                "reported": s["reported"],
                "outlet": outlet,
                "day": day,
            }
        )
    return built


def source_quote_rows(
    record: AnalysisRecord, article_pk: int, source_pks: dict[str, int]
) -> list[Row]:
    return [
        {"source_pk": source_pks[s["id"]], "article_pk": article_pk, "quote_local": q}
        for s in record.get("sources", [])
        for q in s["quotes"]
    ]


def _place_names(record: AnalysisRecord) -> dict[str, str]:
    return {p["id"]: p["name"] for p in record.get("places", [])}


def _span(prefix: str, span: SpanRecord | PlaceRecord | TimexRecord) -> Row:
    return {
        f"{prefix}_start": span["start"],
        f"{prefix}_end": span["end"],
        f"{prefix}_text": span["text"],
    }


def _optional_span(prefix: str, span: SpanRecord | None) -> Row:
    if span is None:
        return {f"{prefix}_start": None, f"{prefix}_end": None, f"{prefix}_text": None}
    return _span(prefix, span)
