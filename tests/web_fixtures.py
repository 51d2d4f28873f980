"""A small corpus of our own for the API and browser tests: two articles in which Port
Minister Ilse Varga speaks and acts, one in which a namesake speaks, each fact with its span."""

from __future__ import annotations

import asyncio
import hashlib
from typing import Any

import httpx

from dateline.corpus.identity import corpus_keys
from dateline.store import Store

from .store_fixtures import make_record, span

HARBOUR = (
    "Harbour Deal Signed in Lisbon\n\n"
    "LISBON, March 4 — Port Minister Ilse Varga met Trade Envoy Omar Castell in Lisbon on "
    "Monday to sign the harbour agreement.\n\n"
    "“We have waited long enough for this harbour,” Varga said after the meeting.\n"
)
FERRIES = (
    "Ferry Fares Frozen\n\n"
    "PORTO, April 9 — Ilse Varga, the port minister, said on Tuesday that ferry fares would "
    "stay frozen until the summer.\n\n"
    "“No family should pay more to cross the river,” Varga told reporters in Porto.\n"
)
NAMESAKE = (
    "Varga Opens School\n\n"
    "Teacher Paul Varga opened the new school in Braga.\n\n"
    "“Children deserve a roof that does not leak,” Paul Varga said.\n"
)


def article_id(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def person(text: str, local: str, name: str, forms: list[str], **facts: Any) -> dict[str, Any]:
    mentions = []
    for form in forms:
        after = 0
        while (at := text.find(form, after)) >= 0:
            if not any(m["start"] <= at < m["end"] for m in mentions):
                mentions.append(span(text, form, at))
            after = at + len(form)
    return {"id": local, "name": name, "type": "PERSON", "role": facts.get("role"),
            "country": facts.get("country"), "mentions": mentions}  # fmt: skip


def quote(text: str, local: str, words: str, speaker: str, name: str, mention: str,
          cue: str, date: str | None, place: str | None = None) -> dict[str, Any]:  # fmt: skip
    at = span(text, words)
    said = span(text, mention, at["end"])
    return {"id": local, "kind": "direct", "start": at["start"], "end": at["end"],
            "content": words, "speaker": speaker, "speaker_name": name, "speaker_mention": said,
            "cue": span(text, cue, said["start"]), "date": date, "place": place,
            "confidence": 0.9}  # fmt: skip


def place(text: str, local: str, name: str, country: str, lat: float, lon: float) -> dict[str, Any]:
    at = span(text, name, text.index("\n\n"))
    return {"id": local, **at, "name": name, "country": country, "lat": lat, "lon": lon,
            "geonameid": None, "feature": "city"}  # fmt: skip


def corpus_records() -> list[dict[str, Any]]:
    harbour = make_record(
        article_id(HARBOUR), HARBOUR, published="2024-03-04", source_id="harbour.txt",
        entities=[
            person(HARBOUR, "e1", "Ilse Varga", ["Port Minister Ilse Varga", "Varga"],
                   role="Port Minister", country="PRT"),
            person(HARBOUR, "e2", "Omar Castell", ["Trade Envoy Omar Castell"], role="Trade Envoy"),
        ],
        quotes=[quote(HARBOUR, "q1", "We have waited long enough for this harbour,", "e1",
                      "Ilse Varga", "Varga", "said", "2024-03-04", "p1")],
        places=[place(HARBOUR, "p1", "Lisbon", "PRT", 38.72, -9.14)],
        events=[{"id": "v1", "type": "CONSULT", "mode": None, "actor": "e1",
                 "actor_name": "Ilse Varga", "recipient": "e2", "recipient_name": "Omar Castell",
                 "trigger": span(HARBOUR, "met"), "sentence": {"start": 31, "end": 140},
                 "date": "2024-03-04", "place": "p1", "confidence": 0.8}],
    )  # fmt: skip
    ferries = make_record(
        article_id(FERRIES), FERRIES, published="2024-04-09", source_id="ferries.txt",
        entities=[person(FERRIES, "e1", "Ilse Varga", ["Ilse Varga", "Varga"],
                         role="port minister", country="PRT")],
        quotes=[quote(FERRIES, "q1", "No family should pay more to cross the river,", "e1",
                      "Ilse Varga", "Varga", "told", "2024-04-09", "p1")],
        places=[place(FERRIES, "p1", "Porto", "PRT", 41.15, -8.61)],
    )  # fmt: skip
    namesake = make_record(
        article_id(NAMESAKE), NAMESAKE, published="2024-05-02", source_id="school.txt",
        entities=[person(NAMESAKE, "e1", "Paul Varga", ["Teacher Paul Varga", "Paul Varga"],
                         role="Teacher")],
        quotes=[quote(NAMESAKE, "q1", "Children deserve a roof that does not leak,", "e1",
                      "Paul Varga", "Paul Varga", "said", None)],
    )  # fmt: skip
    return [harbour, ferries, namesake]


def fill(store: Store) -> list[dict[str, Any]]:
    records = corpus_records()
    store.save_records(records)
    store.resolve_entities(corpus_keys)
    return records


class AsgiClient:
    """A synchronous face on httpx's in-process ASGI transport: each call runs the request
    through the app itself, no socket, no server."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.cookies = httpx.Cookies()

    def request(self, method: str, url: str, **options: Any) -> httpx.Response:
        async def send() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app, raise_app_exceptions=False)
            async with httpx.AsyncClient(
                transport=transport, base_url="http://testserver", cookies=self.cookies
            ) as client:
                response = await client.request(method, url, **options)
                self.cookies.update(client.cookies)
                return response

        return asyncio.run(send())

    def get(self, url: str, **options: Any) -> httpx.Response:
        return self.request("GET", url, **options)

    def post(self, url: str, **options: Any) -> httpx.Response:
        return self.request("POST", url, **options)

    def delete(self, url: str, **options: Any) -> httpx.Response:
        return self.request("DELETE", url, **options)
