"""The store on SQLite and PostgreSQL: records in, facts out, each with its source."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import create_engine

from dateline.store import Store, open_store
from dateline.store.models import Base

from .store_fixtures import make_record, span

HARBOUR = (
    "Harbour Deal Signed\n\n"
    "The port authority of Valmora and the shipping union signed a wage deal on Monday. "
    '"This ends a long winter of strikes," said Mirela Dancu, the union leader. '
    "Dancu met the harbour master in Valmora after the signing."
)
FERRY = (
    "Ferry Strike Looms\n\n"
    "Mirela Dancu warned that ferry crews would strike in June. "
    '"We will not sail for less," Dancu said in Portsel.'
)


def harbour_record() -> dict[str, Any]:
    text = HARBOUR
    return make_record(
        "sha256:harbour",
        text,
        published="2024-03-04",
        entities=[
            {
                "id": "e1",
                "name": "Mirela Dancu",
                "type": "PERSON",
                "role": "union leader",
                "country": None,
                "mentions": [span(text, "Mirela Dancu"), span(text, "Dancu met")],
            }
        ],
        places=[
            {
                **span(text, "Valmora"),
                "id": "p1",
                "name": "Valmora",
                "country": "PRT",
                "lat": 41.1,
                "lon": -8.6,
                "geonameid": None,
                "feature": "city",
            }
        ],
        quotes=[
            {
                "id": "q1",
                "kind": "direct",
                **_at(text, "This ends a long winter of strikes,"),
                "speaker": "e1",
                "speaker_name": "Mirela Dancu",
                "speaker_mention": span(text, "Mirela Dancu"),
                "cue": span(text, "said"),
                "date": "2024-03-04",
                "place": "p1",
                "confidence": 0.9,
            }
        ],
        events=[
            {
                "id": "v1",
                "type": "CONSULT",
                "mode": None,
                "actor": "e1",
                "actor_name": "Mirela Dancu",
                "recipient": None,
                "recipient_name": "the harbour master",
                "trigger": span(text, "met"),
                "sentence": {"start": text.index("Dancu met"), "end": len(text)},
                "date": "2024-03-04",
                "place": "p1",
                "confidence": 0.8,
            }
        ],
    )


def ferry_record() -> dict[str, Any]:
    text = FERRY
    return make_record(
        "sha256:ferry",
        text,
        published="2024-05-20",
        quotes=[
            {
                "id": "q1",
                "kind": "direct",
                **_at(text, "We will not sail for less,"),
                "speaker": None,
                "speaker_name": "Mirela Dancu",
                "speaker_mention": None,
                "cue": span(text, "said"),
                "date": None,
                "place": None,
                "confidence": 0.9,
            },
            {
                "id": "q2",
                "kind": "indirect",
                **_at(text, "ferry crews would strike in June"),
                "speaker": None,
                "speaker_name": "Mirela Dancu",
                "speaker_mention": None,
                "cue": span(text, "warned"),
                "date": "2024-05-19",
                "place": None,
                "confidence": 0.7,
            },
        ],
        events=[
            {
                "id": "v1",
                "type": "THREATEN",
                "mode": None,
                "actor": None,
                "actor_name": "Mirela Dancu",
                "recipient": None,
                "recipient_name": None,
                "trigger": span(text, "warned"),
                "sentence": {"start": text.index("Mirela"), "end": text.index("June.") + 5},
                "date": "2024-05-19",
                "place": None,
                "confidence": 0.6,
            }
        ],
    )


def _at(text: str, content: str) -> dict[str, Any]:
    start = text.index(content)
    return {"start": start, "end": start + len(content), "content": content}


def test_a_record_is_stored_once_and_comes_back_whole(store: Store) -> None:
    record = harbour_record()
    assert store.save_record(record) is True
    assert store.save_record(record) is False
    assert store.count("articles") == 1 and store.count("quotes") == 1
    assert store.record("sha256:harbour") == record
    assert store.has_article("sha256:harbour") and not store.has_article("sha256:nothing")


def test_replacing_a_record_replaces_its_facts(store: Store) -> None:
    record = harbour_record()
    store.save_record(record)
    record["quotes"] = []
    assert store.save_record(record, replace=True) is True
    assert store.count("articles") == 1
    assert store.count("quotes") == 0
    assert store.count("entities") == 1


def test_quotes_by_speaker_words_dates_and_place(store: Store) -> None:
    store.save_records([harbour_record(), ferry_record()])
    by_speaker = store.query_quotes(speaker="dancu")
    assert [q.content for q in by_speaker] == [
        "This ends a long winter of strikes,",
        "ferry crews would strike in June",
        "We will not sail for less,",
    ]
    assert [q.content for q in store.query_quotes(about="sailing")] == [
        "We will not sail for less,"
    ]
    assert [q.day for q in store.query_quotes(since="2024-05-01")] == ["2024-05-19", "2024-05-20"]
    assert [q.day for q in store.query_quotes(until="2024-05-19")] == ["2024-03-04", "2024-05-19"]
    assert [q.day for q in store.query_quotes(until="2024-04")] == ["2024-03-04"]
    assert len(store.query_quotes(until="2024-05")) == 3  # a month includes all its days
    in_valmora = store.query_quotes(place="valmora")
    assert [(q.place_name, q.source.article_id) for q in in_valmora] == [
        ("Valmora", "sha256:harbour")
    ]
    quote = in_valmora[0]
    assert HARBOUR[quote.start : quote.end] == quote.content
    assert store.query_quotes(speaker="Dancu", about="winter strikes", until="2024-03-31")
    assert not store.query_quotes(speaker="Nobody")


def test_events_by_type_place_and_actor(store: Store) -> None:
    store.save_records([harbour_record(), ferry_record()])
    consult = store.query_events(type="consult")
    assert [(v.type, v.place_name, v.lat) for v in consult] == [("CONSULT", "Valmora", 41.1)]
    assert HARBOUR[consult[0].trigger_start : consult[0].trigger_end] == "met"
    assert [v.type for v in store.query_events(actor="harbour master")] == ["CONSULT"]
    assert [v.type for v in store.query_events(actor="Dancu", since="2024-04-01")] == ["THREATEN"]
    assert store.query_events(place="Portsel") == []


def test_a_timeline_is_in_date_order_with_sources(store: Store) -> None:
    store.save_records([ferry_record(), harbour_record()])
    timeline = store.timeline("Dancu")
    assert [(entry.day, entry.what) for entry in timeline] == [
        ("2024-03-04", "quote"),
        ("2024-03-04", "CONSULT"),
        ("2024-05-19", "quote"),
        ("2024-05-19", "THREATEN"),
        ("2024-05-20", "quote"),
    ]
    assert timeline[0].source.source_id == "sha256:harbour"


def test_search_finds_articles_by_their_words(store: Store) -> None:
    store.save_records([harbour_record(), ferry_record()])
    hits = store.search("wage deal")
    assert [hit.source.article_id for hit in hits] == ["sha256:harbour"]
    assert "[wage]" in hits[0].snippet.lower() and "[deal]" in hits[0].snippet.lower()
    assert store.search("ferries") and not store.search("volcano")
    assert store.search('"quoted" OR words*') == []


def test_places_are_counted_across_articles(store: Store) -> None:
    store.save_records([harbour_record(), ferry_record()])
    places = store.places()
    assert [(p.name, p.mentions, p.articles) for p in places] == [("Valmora", 1, 1)]


def test_failures_keep_the_latest_reason_and_clear_on_success(store: Store) -> None:
    store.record_failure("sha256:ferry", "first reason")
    store.record_failure("sha256:ferry", "second reason")
    store.record_failure("broken.html", "not English")
    assert [(f.input, f.reason) for f in store.failures()] == [
        ("broken.html", "not English"),
        ("sha256:ferry", "second reason"),
    ]
    store.save_record(ferry_record())
    assert [f.input for f in store.failures()] == ["broken.html"]


def test_a_batch_is_stored_whole_or_not_at_all(store: Store) -> None:
    broken = ferry_record()
    del broken["quotes"][0]["content"]
    with pytest.raises(KeyError):
        store.save_records([harbour_record(), broken], failures=[("x.txt", "bad")])
    assert store.count("articles") == 0 and store.failures() == []


def test_the_migrations_build_the_schema_the_models_describe(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    open_store(db_url).close()
    url = db_url if "://" in db_url else f"sqlite:///{db_url}"
    engine = create_engine(url)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"include_name": _not_text_search},
        )
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def _not_text_search(name: str | None, kind: str, _: Any) -> bool:
    """FTS5 tables and tsvector indexes are the migration's own, outside the models."""
    return not name or not (name.endswith("_tsv") or (kind == "table" and "_fts" in name))


def test_opening_a_missing_store_for_reading_says_what_to_do(tmp_path: Any) -> None:
    from dateline.store import StoreError

    with pytest.raises(StoreError, match="run `dateline ingest` first"):
        open_store(str(tmp_path / "none.db"), create=False)


def test_records_of_many_ids_come_in_the_order_asked(store: Store) -> None:
    records = [make_record(f"sha256:{n:04d}", f"Story number {n}.") for n in range(600)]
    store.save_records(records)
    wanted = [f"sha256:{n:04d}" for n in range(599, -1, -1)] + ["sha256:none"]
    assert [r["article"]["id"] for r in store.records(wanted)] == wanted[:-1]
    assert len(list(store.records())) == 600
