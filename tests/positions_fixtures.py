"""Two articles of our own in which a mayor, a councillor and a port chief take sides on a
harbour tunnel, and the mayor turns against it: records built by hand, with their spans."""

from __future__ import annotations

from typing import Any

from dateline.corpus.identity import corpus_keys
from dateline.store import Store

from .store_fixtures import make_record, span
from .web_fixtures import article_id, person

SPRING = (
    "Tunnel Vote Looms\n\n"
    "Mayor Rosa Dyke said on Thursday that she supports the harbour tunnel.\n\n"
    "“The tunnel will end the traffic jams,” Dyke said.\n"
)
SUMMER = (
    "Tunnel Costs Soar\n\n"
    "Councillor Tom Rees said on Friday that he opposes the harbour tunnel.\n\n"
    "Mayor Rosa Dyke said she now rejects the harbour tunnel because of its cost.\n\n"
    "Port chief Lena Moss said she still backs the harbour tunnel.\n"
)
ISSUE = "harbour tunnel"


def reported(
    text: str, local: str, words: str, speaker: str, name: str, date: str
) -> dict[str, Any]:
    at = span(text, words)
    return {"id": local, "kind": "indirect", "start": at["start"], "end": at["end"],
            "content": words, "speaker": speaker, "speaker_name": name, "speaker_mention": None,
            "cue": span(text, "said"), "date": date, "place": None, "confidence": 0.8}  # fmt: skip


def stand(text: str, local: str, holder: str, name: str, cue: str, after: int, stance: str,
          quote: str, date: str) -> dict[str, Any]:  # fmt: skip
    said = span(text, cue, after)
    target = span(text, "the harbour tunnel", said["end"])
    return {"id": local, "holder": holder, "holder_name": name,
            "target": {"entity": None, "text": target["text"], "key": ISSUE, "span": target},
            "stance": stance, "cue": said, "condition": None, "date": date,
            "evidence": {"quote": quote}}  # fmt: skip


def position_records() -> list[dict[str, Any]]:
    spring = make_record(
        article_id(SPRING), SPRING, published="2024-05-03", source_id="spring.txt",
        entities=[person(SPRING, "e1", "Rosa Dyke", ["Mayor Rosa Dyke", "Dyke"], role="Mayor")],
        quotes=[reported(SPRING, "q1", "she supports the harbour tunnel", "e1", "Rosa Dyke",
                         "2024-05-02")],
    )  # fmt: skip
    spring["positions"] = [
        stand(SPRING, "pos1", "e1", "Rosa Dyke", "supports", 0, "support", "q1", "2024-05-02")
    ]
    summer = make_record(
        article_id(SUMMER), SUMMER, published="2024-06-08", source_id="summer.txt",
        entities=[
            person(SUMMER, "e1", "Tom Rees", ["Councillor Tom Rees"], role="Councillor"),
            person(SUMMER, "e2", "Rosa Dyke", ["Mayor Rosa Dyke"], role="Mayor"),
            person(SUMMER, "e3", "Lena Moss", ["Port chief Lena Moss"], role="Port chief"),
        ],
        quotes=[
            reported(SUMMER, "q1", "he opposes the harbour tunnel", "e1", "Tom Rees", "2024-06-07"),
            reported(SUMMER, "q2", "she now rejects the harbour tunnel because of its cost", "e2",
                     "Rosa Dyke", "2024-06-08"),
            reported(SUMMER, "q3", "she still backs the harbour tunnel", "e3", "Lena Moss",
                     "2024-06-08"),
        ],
    )  # fmt: skip
    summer["positions"] = [
        stand(SUMMER, "pos1", "e1", "Tom Rees", "opposes", 0, "oppose", "q1", "2024-06-07"),
        stand(SUMMER, "pos2", "e2", "Rosa Dyke", "rejects", 0, "oppose", "q2", "2024-06-08"),
        stand(SUMMER, "pos3", "e3", "Lena Moss", "backs", 0, "support", "q3", "2024-06-08"),
    ]
    return [spring, summer]


def fill_positions(store: Store) -> list[dict[str, Any]]:
    records = position_records()
    store.save_records(records)
    store.resolve_entities(corpus_keys)
    return records
