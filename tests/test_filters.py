"""dateline.corpus.filters: the query filters over records mean what they mean on the store.

The records here are written for these tests (an orchard's bad frost, a rusting bridge).
The property test stores them once, then asks the store and the filters the same questions
and wants the same facts back.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.corpus.filters import (
    EventFilters,
    FilterError,
    QuoteFilters,
    narrowed,
    quote_results,
    results_of,
    select_events,
    select_quotes,
)
from dateline.corpus.identity import corpus_keys
from dateline.corpus.resolve import merge_quotes
from dateline.store import Store, open_store

from .store_fixtures import make_record, span, store_url

ORCHARD = (
    "Frost Ruins the Blossom in Ashby Vale\n\n"
    '"The frost took half of our blossom," said Tomasz Wierzba, who grows pears in Ashby Vale. '
    "Wierzba said the cider presses would stay idle until March. "
    '"Pickers are coming back next season," a notice at the farm gate read. '
    "Wierzba blamed the weather office for a late warning. The county gave growers a grant."
)
BRIDGE = (
    "Old Bridge Needs Repairs\n\n"
    '"The cables on the bridge are rusting," said Ana Petrović, an engineer in Split. '
    '"Repairs cannot wait for spring," Petrović added. '
    "Petrović met the harbour board in Split to ask for the money."
)


def _quote(text: str, number: int, words: str, **fields: Any) -> dict[str, Any]:
    start = text.index(words)
    return {
        "id": f"q{number}",
        "kind": fields.pop("kind", "direct"),
        "start": start,
        "end": start + len(words),
        "content": words,
        "speaker": fields.pop("speaker", None),
        "speaker_name": fields.pop("speaker_name", None),
        "speaker_mention": None,
        "cue": None,
        "date": fields.pop("date", None),
        "place": fields.pop("place", None),
        "confidence": 0.9,
    }


def _event(text: str, number: int, trigger: str, kind: str, **fields: Any) -> dict[str, Any]:
    return {
        "id": f"v{number}",
        "type": kind,
        "mode": None,
        "actor": None,
        "actor_name": fields.pop("actor_name", None),
        "recipient": None,
        "recipient_name": fields.pop("recipient_name", None),
        "trigger": span(text, trigger),
        "sentence": {"start": 0, "end": len(text)},
        "date": fields.pop("date", None),
        "place": fields.pop("place", None),
        "confidence": 0.7,
    }


def _place(text: str, name: str, number: int) -> dict[str, Any]:
    return {**span(text, name), "id": f"p{number}", "name": name, "country": None,
            "lat": 43.5, "lon": 16.4, "geonameid": None, "feature": "city"}  # fmt: skip


def orchard_record() -> dict[str, Any]:
    text = ORCHARD
    return make_record(
        "sha256:orchard",
        text,
        published="2023-10-02",
        entities=[
            {
                "id": "e1",
                "name": "Tomasz Wierzba",
                "type": "PERSON",
                "role": None,
                "country": None,
                "mentions": [span(text, "Tomasz Wierzba")],
            }
        ],
        places=[_place(text, "Ashby Vale", 1)],
        quotes=[
            _quote(
                text,
                1,
                "The frost took half of our blossom,",
                speaker="e1",
                speaker_name="Tomasz Wierzba",
                place="p1",
            ),
            _quote(
                text,
                2,
                "the cider presses would stay idle until March",
                kind="indirect",
                speaker_name="Wierzba",
                date="2023-09",
            ),
            _quote(text, 3, "Pickers are coming back next season,", date="2023-10-01"),
        ],
        events=[
            _event(
                text,
                1,
                "blamed",
                "ACCUSE",
                actor_name="Wierzba",
                recipient_name="the weather office",
                date="2023-10-01",
                place="p1",
            ),
            _event(text, 2, "gave", "AID", actor_name="The county", recipient_name="growers"),
        ],
    )


def bridge_record() -> dict[str, Any]:
    text = BRIDGE
    return make_record(
        "sha256:bridge",
        text,
        published=None,  # no date at all: only the facts' own dates count
        places=[_place(text, "Split", 1)],
        quotes=[
            _quote(
                text,
                1,
                "The cables on the bridge are rusting,",
                speaker_name="Ana Petrović",
                date="2024-02-11",
                place="p1",
            ),
            _quote(text, 2, "Repairs cannot wait for spring,", speaker_name="Petrović"),
        ],
        events=[
            _event(
                text,
                1,
                "met",
                "CONSULT",
                actor_name="Petrović",
                recipient_name="the harbour board",
                date="2024-02",
                place="p1",
            ),
            _event(text, 2, "ask", "REQUEST", actor_name="Petrović", date="PXW"),
        ],
    )


RECORDS = [orchard_record(), bridge_record()]


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The records in an SQLite store, once for the module (the property test asks it often)."""
    with open_store(store_url("sqlite", tmp_path_factory.mktemp("filters"))) as store:
        store.save_records(RECORDS)
        store.resolve_entities(corpus_keys)  # as `dateline ingest` does after storing
        yield store


def _any_case(part: str, flips: list[bool]) -> str:
    """`part` with some ASCII letters upper-cased: SQLite's lower() folds only ASCII."""
    return "".join(c.upper() if c.isascii() and f else c for c, f in zip(part, flips, strict=False))


@st.composite
def name_parts(draw: st.DrawFn, names: list[str]) -> str | None:
    name = draw(st.sampled_from(names))
    start = draw(st.integers(0, len(name) - 1))
    end = draw(st.integers(start + 1, len(name)))
    return _any_case(name[start:end], draw(st.lists(st.booleans(), min_size=len(name))))


DAYS = st.none() | st.sampled_from(
    ["2023", "2023-09", "2023-10", "2023-10-01", "2023-10-02", "2024", "2024-02", "2024-02-11"]
)
WORDS = ["frost", "frosts", "blossom", "cable", "cables", "rusting", "rust", "repair", "idle",
         "spring", "pear", "season", "Bridge", "zebra"]  # fmt: skip
SPEAKERS = ["Tomasz Wierzba", "Ana Petrović"]
PLACES = ["Ashby Vale", "Split"]
PARTIES = ["Wierzba", "the weather office", "The county", "growers", "Petrović", "harbour board"]


def _quote_keys(found: list[Any]) -> set[tuple[str, int]]:
    return {(q.source.article_id, q.start) for q in found}


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    speaker=st.none() | name_parts(SPEAKERS),
    about=st.none() | st.lists(st.sampled_from(WORDS), min_size=1, max_size=2).map(" ".join),
    since=DAYS,
    until=DAYS,
    place=st.none() | name_parts(PLACES),
)
def test_quote_filters_keep_what_the_store_returns(
    stored: Store,
    speaker: str | None,
    about: str | None,
    since: str | None,
    until: str | None,
    place: str | None,
) -> None:
    filters = QuoteFilters(speaker=speaker, about=about, since=since, until=until, place=place)
    from_store = stored.query_quotes(
        speaker=speaker, about=about, since=since, until=until, place=place, limit=None
    )
    kept = {
        (record["article"]["id"], quote["start"])
        for record in RECORDS
        for quote in select_quotes(record, filters)
    }
    assert kept == _quote_keys(from_store)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    kind=st.none() | st.sampled_from(["accuse", "AID", "Consult", "REQUEST", "ASSAULT"]),
    actor=st.none() | name_parts(PARTIES),
    place=st.none() | name_parts(PLACES),
    since=DAYS,
    until=DAYS,
)
def test_event_filters_keep_what_the_store_returns(
    stored: Store,
    kind: str | None,
    actor: str | None,
    place: str | None,
    since: str | None,
    until: str | None,
) -> None:
    filters = EventFilters(type=kind, actor=actor, place=place, since=since, until=until)
    from_store = stored.query_events(
        type=kind, actor=actor, place=place, since=since, until=until, limit=None
    )
    kept = {
        (record["article"]["id"], event["trigger"]["start"])
        for record in RECORDS
        for event in select_events(record, filters)
    }
    assert kept == {(v.source.article_id, v.trigger_start) for v in from_store}


def test_results_of_records_are_the_store_s_answers(stored: Store) -> None:
    """Built from the records alone, the results equal what the store gives back, so the
    merges treat analysed files and stored articles alike."""
    quotes, events = results_of(RECORDS, QuoteFilters(), EventFilters())
    assert quotes == stored.query_quotes(limit=None)
    assert [(v.type, v.day, v.place_name, v.lat) for v in events] == [
        (v.type, v.day, v.place_name, v.lat) for v in stored.query_events(limit=None)
    ]


def test_corpus_keys_join_a_surname_to_the_full_name_across_records() -> None:
    """Two reports of one story (the same day, the same place): "Wierzba" alone in the
    second is the first's Tomasz Wierzba."""
    first, second = orchard_record(), orchard_record()
    vale = {"id": "e2", "name": "Ashby Vale", "type": "GPE", "mentions": []}
    first["entities"].append(vale)
    second["article"].update(id="sha256:orchard-2", source_id="orchard-2")
    second["entities"] = [{**second["entities"][0], "name": "Wierzba"}, vale]
    quotes, _ = results_of([first, second], QuoteFilters(speaker="wierzba"), None)
    assert {q.speaker_key for q in quotes if q.speaker_key} == {"person:tomasz-wierzba"}
    merged = merge_quotes(quotes)
    assert [len(m.sources) for m in merged if m.content.startswith("The frost")] == [2]


def test_narrowed_keeps_the_rest_of_the_record() -> None:
    record = bridge_record()
    only = narrowed(record, QuoteFilters(about="cables"), EventFilters(type="request"))
    assert [q["id"] for q in only["quotes"]] == ["q1"]
    assert [v["id"] for v in only["events"]] == ["v2"]
    assert only["places"] == record["places"] and only["article"] == record["article"]
    assert narrowed(record)["quotes"] == record["quotes"]
    assert len(quote_results(only)) == 1


def test_a_fact_without_a_calendar_day_is_left_out_by_dates() -> None:
    """The bridge story has no date, and its request is dated only "PXW" (some weeks)."""
    assert [v["id"] for v in select_events(bridge_record(), EventFilters(until="2099"))] == ["v1"]


@pytest.mark.parametrize(
    "build",
    [
        lambda: QuoteFilters(since="June 2024"),
        lambda: QuoteFilters(until="2024/06/01"),
        lambda: EventFilters(type="STRIKE"),
        lambda: EventFilters(since="24-06"),
    ],
)
def test_values_no_fact_could_match_are_refused(build: Any) -> None:
    with pytest.raises(FilterError, match=r"^\[D402\] "):
        build()


def test_about_without_a_word_is_no_text_filter() -> None:
    assert QuoteFilters(about="--").about is None
