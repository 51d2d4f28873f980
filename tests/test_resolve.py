"""Cross-article resolution: the same person under any form of the name, one quote carried
by many outlets, one event reported many times."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from dateline.corpus.identity import corpus_keys
from dateline.corpus.resolve import merge_events, merge_quotes
from dateline.names import name_words
from dateline.store import EventResult, QuoteResult, Source, Store
from dateline.store.results import NamedEntity
from dateline.store.rows import content_key, gender_by_honorific

from .store_fixtures import make_record, span


def test_forms_of_one_name_share_a_key() -> None:
    forms = [
        NamedEntity("Anneli Korhonen", "PERSON", "Foreign Minister", "FIN"),
        NamedEntity("Foreign Minister Anneli Korhonen", "PERSON"),
        NamedEntity("ANNELI KORHONEN", "PERSON"),
        NamedEntity("Korhonen", "PERSON"),
        NamedEntity("Korhonen's", "PERSON"),
    ]
    assert set(corpus_keys(forms).values()) == {"person:anneli-korhonen"}


def test_namesakes_are_told_apart_by_honorific_or_left_alone() -> None:
    anneli = NamedEntity("Anneli Korhonen", "PERSON", gender="f")
    juha = NamedEntity("Juha Korhonen", "PERSON", "Mayor", gender="m")
    ms = NamedEntity("Korhonen", "PERSON", gender="f")
    mr = NamedEntity("Korhonen", "ORG", gender="m")  # tagged wrongly, but "Mr." is a person
    bare = NamedEntity("Korhonen", "PERSON")
    keys = corpus_keys([anneli, juha, ms, mr, bare])
    assert keys[ms] == "person:anneli-korhonen"
    assert keys[mr] == "person:juha-korhonen"
    assert keys[bare] == "person:korhonen"  # two candidates and no clue: no guess


def test_organisations_fold_case_only() -> None:
    keys = corpus_keys([NamedEntity("Nato", "ORG"), NamedEntity("NATO", "ORG")])
    assert set(keys.values()) == {"org:nato"}


@given(st.text(max_size=40))
def test_name_words_never_fail_and_are_folded(name: str) -> None:
    words = name_words(name)
    assert all(word == word.casefold() and word for word in words)


def test_the_honorific_before_a_mention_gives_the_gender() -> None:
    text = "Ms. Korhonen met Mr. Brenner. Later Korhonen left."
    assert gender_by_honorific(text, [span(text, "Korhonen"), span(text, "Korhonen left")]) == "f"
    assert gender_by_honorific(text, [span(text, "Brenner")]) == "m"
    assert gender_by_honorific(text, [span(text, "Later")]) is None


def _source(name: str) -> Source:
    return Source(f"sha256:{name}", name, None, None, "2024-05-01")


def _quote(content: str, speaker: str | None, source: str) -> QuoteResult:
    return QuoteResult(
        content, "direct", None, None, "2024-05-01", None, 0, len(content), None, 0.9,
        _source(source), content_key(content), speaker,
    )  # fmt: skip


def test_one_quote_in_many_outlets_is_one_with_all_its_sources() -> None:
    words = "We will not sail for less than we were promised last year"
    merged = merge_quotes(
        [
            _quote(words + ",", "person:mirela-dancu", "a"),
            _quote(words.upper() + ".", "person:mirela-dancu", "b"),
            _quote(words, "person:someone-else", "c"),  # misattributed, same statement
            _quote("No comment", "person:mirela-dancu", "a"),
            _quote("No comment", "person:tomas-brenner", "b"),
        ]
    )
    by_sources = sorted((len(m.sources), m.speaker_key) for m in merged)
    assert by_sources == [
        (1, "person:mirela-dancu"),
        (1, "person:tomas-brenner"),
        (3, "person:mirela-dancu"),
    ]


def _event(
    kind: str,
    actor: str,
    day: str | None,
    place: str | None,
    source: str,
    recipient: str | None = "person:b",
) -> EventResult:
    return EventResult(
        kind, None, None, None, "met", 0, 3, 0, 10, day, day, place, None, None, None, None,
        0.8, _source(source), actor, recipient,
    )  # fmt: skip


def test_reports_of_one_event_merge_by_type_actors_day_and_place() -> None:
    merged = merge_events(
        [
            _event("CONSULT", "person:a", "2024-05-01", "Geneva", "x"),
            _event("CONSULT", "person:a", "2024-05-01", "GENEVA", "y"),
            _event("CONSULT", "person:a", "2024-05-02", "Geneva", "z"),
            _event("ACCUSE", "person:a", "2024-05-01", "Geneva", "x"),
        ]
    )
    assert sorted(len(m.reports) for m in merged) == [1, 1, 2]


def _record(article: str, text: str, name: str) -> dict[str, Any]:
    return make_record(
        f"sha256:{article}",
        text,
        entities=[
            {
                "id": "e1",
                "name": name,
                "type": "PERSON",
                "role": None,
                "country": None,
                "mentions": [span(text, name)],
            },
            {
                "id": "e2",
                "name": "Harbour Union",
                "type": "ORG",
                "mentions": [span(text, "Harbour Union")],
            },
        ],
        quotes=[
            {
                "id": "q1",
                "kind": "direct",
                "start": 1,
                "end": 9,
                "content": text[1:9],
                "speaker": "e1",
                "speaker_name": name,
                "speaker_mention": None,
                "cue": None,
                "date": None,
                "place": None,
                "confidence": 0.9,
            }
        ],
    )


def test_the_store_resolves_speakers_across_articles(store: Store) -> None:
    store.save_records(
        [
            _record("one", '"Not now," said Ms. Dancu of the Harbour Union.', "Dancu"),
            _record(
                "two", '"Not yet," said Mirela Dancu, the Harbour Union leader.', "Mirela Dancu"
            ),
        ]
    )
    assert store.resolve_entities(corpus_keys) == 4
    assert store.resolve_entities(corpus_keys) == 0
    assert {q.speaker_key for q in store.query_quotes()} == {"person:mirela-dancu"}


def test_a_report_that_leaves_a_detail_out_joins_the_event_it_fits() -> None:
    merged = merge_events(
        [
            _event("AID", "person:a", "2024-05-01", "Oslo", "full"),
            _event("AID", "person:a", "2024-05-01", None, "no-place"),
            _event("AID", "person:a", "2024-05", "Oslo", "month-only"),
            _event("AID", "person:a", "2024-05-01", "Oslo", "no-recipient", recipient=None),
            _event("AID", "person:a", "2024-05-02", "Bergen", "elsewhere"),
            _event("AID", "person:c", "2024-05-01", "Oslo", "someone-else"),
        ]
    )
    groups = sorted(sorted(r.source.source_id or "" for r in m.reports) for m in merged)
    assert groups == [
        ["elsewhere"],
        ["full", "month-only", "no-place", "no-recipient"],
        ["someone-else"],
    ]


def test_a_report_that_fits_two_events_stays_on_its_own() -> None:
    merged = merge_events(
        [
            _event("AID", "person:a", "2024-05-01", "Oslo", "to-b"),
            _event("AID", "person:a", "2024-05-01", "Oslo", "to-c", recipient="person:c"),
            _event("AID", "person:a", "2024-05-01", "Oslo", "to-whom", recipient=None),
        ]
    )
    assert sorted(len(m.reports) for m in merged) == [1, 1, 1]


def test_a_meeting_told_either_way_round_is_one() -> None:
    merged = merge_events(
        [
            _event("CONSULT", "person:a", "2024-05-01", "Oslo", "x"),
            _event("CONSULT", "person:b", "2024-05-01", "Oslo", "y", recipient="person:a"),
            _event("ACCUSE", "person:a", "2024-05-01", "Oslo", "x"),
            _event("ACCUSE", "person:b", "2024-05-01", "Oslo", "y", recipient="person:a"),
        ]
    )
    assert sorted((m.type, len(m.reports)) for m in merged) == [
        ("ACCUSE", 1),
        ("ACCUSE", 1),
        ("CONSULT", 2),
    ]


def test_a_full_name_is_typed_as_most_articles_type_it() -> None:
    person = NamedEntity("Nino Beridze", "PERSON")
    as_place = NamedEntity("Nino Beridze", "GPE")
    as_group = NamedEntity("NINO BERIDZE", "NORP")
    company = NamedEntity("Harbour Shipping", "ORG")
    keys = corpus_keys([person, person, as_place, as_group, company])
    assert {keys[person], keys[as_place], keys[as_group]} == {"person:nino-beridze"}
    assert keys[company] == "org:harbour-shipping"


def test_one_article_s_wrong_honorific_does_not_confuse_namesakes() -> None:
    anneli = NamedEntity("Anneli Korhonen", "PERSON", gender="f")
    anneli_as_mr = NamedEntity("Anneli Korhonen", "PERSON", "Foreign Minister", gender="m")
    juha = NamedEntity("Juha Korhonen", "PERSON", "Mayor", gender="m")
    mr = NamedEntity("Korhonen", "PERSON", gender="m")
    keys = corpus_keys([anneli, anneli, anneli_as_mr, juha, mr])
    assert keys[mr] == "person:juha-korhonen"
