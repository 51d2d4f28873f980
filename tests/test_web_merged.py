"""The pages show the merged corpus: a statement two outlets carry is one quote with both
sources beneath; an event two articles report is one row with both reports beneath; on the
actor page each is one timeline line, the other article listed with it. The articles are
our own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dateline.corpus.identity import corpus_keys
from dateline.store import open_store

from .store_fixtures import make_record, span
from .test_api import client_for

WORDS = "The ferry will sail again once the pier is safe"


def _report(number: int, outlet: str, verb: str) -> dict[str, Any]:
    text = (
        f"{outlet}: Mayor Aino Laaksonen {verb} the harbour board.\n\n“{WORDS},” Laaksonen said.\n"
    )
    laaksonen = {"id": "e1", "name": "Aino Laaksonen", "type": "PERSON",
                 "mentions": [span(text, "Aino Laaksonen")]}  # fmt: skip
    board = {"id": "e2", "name": "Harbour Board", "type": "ORG", "mentions": []}
    quote = {"id": "q1", "kind": "direct", **{k: v for k, v in span(text, WORDS).items()
             if k != "text"}, "content": WORDS, "speaker": "e1", "speaker_name": "Aino Laaksonen",
             "speaker_mention": None, "cue": None, "date": None, "place": None,
             "confidence": 0.9}  # fmt: skip
    event = {"id": "v1", "type": "CONSULT", "mode": None, "actor": "e1",
             "actor_name": "Aino Laaksonen", "recipient": "e2", "recipient_name": "harbour board",
             "trigger": span(text, verb), "sentence": {"start": 0, "end": text.index("\n")},
             "date": "2025-04-02", "place": None, "confidence": 0.8}  # fmt: skip
    return make_record(
        f"sha256:{number:064x}", text, published="2025-04-02", source_id=outlet,
        entities=[laaksonen, board], quotes=[quote], events=[event],
    )  # fmt: skip


def test_quotes_and_events_pages_show_each_once_with_their_sources(tmp_path: Path) -> None:
    db = str(tmp_path / "pages.db")
    with open_store(db) as store:
        store.save_records([_report(1, "Lake Post", "met"), _report(2, "Shore Daily", "met with")])
        store.resolve_entities(corpus_keys)
    client = client_for(db)
    quotes = client.get("/quotes", params={"speaker": "laaksonen"}).text
    assert quotes.count('class="quote-result"') == 1
    assert quotes.count('class="quote-source"') == 2
    assert "Lake Post" in quotes and "Shore Daily" in quotes
    events = client.get("/events", params={"type": "CONSULT"}).text
    assert events.count('class="event-row"') == 1
    assert events.count('class="event-report"') == 2
    assert 'href="/entities/person:aino-laaksonen"' in events
    actor = client.get("/entities/person:aino-laaksonen").text
    assert actor.count('class="timeline-entry') == 2  # one meeting, one statement
    assert actor.count('class="also"') == 2 and "Shore Daily" in actor
