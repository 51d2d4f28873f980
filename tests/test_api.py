"""The REST API through an in-process ASGI client (FastAPI's AsgiClient, on httpx): every
endpoint, the token rules, the body size limit, malformed bodies, formats and cursors."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from sqlalchemy import text

from dateline.api.tokens import create_token
from dateline.server import ServerConfig, create_app
from dateline.store import open_store

from .store_fixtures import BACKENDS, store_url
from .web_fixtures import FERRIES, HARBOUR, AsgiClient, article_id, fill

PASTED = (
    "Bridge Repairs Approved\n\n"
    "BERGEN, June 3 — Mayor Hanne Solberg approved the bridge repairs on Monday.\n\n"
    "“The bridge will be safe before the winter storms,” Solberg said.\n"
)


def client_for(db: str, **config: Any) -> AsgiClient:
    return AsgiClient(create_app(ServerConfig(db=db, **config)))


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A store holding the small corpus, on SQLite and (when CI gives one) PostgreSQL."""
    url = store_url(request.param, tmp_path)
    with open_store(url) as store:
        fill(store)
    return url


@pytest.fixture
def client(db: str) -> Iterator[AsgiClient]:
    yield client_for(db)


@pytest.fixture
def token(db: str) -> str:
    with open_store(db) as store:
        return create_token(store, "tests")


def assert_problem(response: Any, status: int, *words: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    for word in words:
        assert word in body["detail"], body["detail"]
    return body


# -- analysis --------------------------------------------------------------------------------


def test_analyze_returns_the_record_and_stores_nothing(
    client: AsgiClient, db: str, schema: dict[str, Any] | None
) -> None:
    response = client.post("/api/analyze", json={"text": PASTED, "published": "2024-06-03"})
    assert response.status_code == 200, response.text
    record = response.json()
    assert record["article"]["id"] == article_id(PASTED)
    assert [q["speaker_name"] for q in record["quotes"]] == ["Hanne Solberg"]
    assert record["quotes"][0]["content"].startswith("The bridge will be safe")
    if schema is not None:
        jsonschema.validate(record, schema)
    with open_store(db) as store:
        assert not store.has_article(record["article"]["id"])


def test_analyze_takes_plain_text_and_html_bodies(client: AsgiClient) -> None:
    as_text = client.post("/api/analyze", content=PASTED, headers={"content-type": "text/plain"})
    assert as_text.json()["article"]["text"] == PASTED
    page = "<html><body><article><h1>Bridge</h1><p>" + PASTED.replace("\n\n", "</p><p>")
    as_html = client.post(
        "/api/analyze", content=page + "</p></article></body></html>",
        headers={"content-type": "text/html; charset=utf-8"},
    )  # fmt: skip
    assert as_html.status_code == 200, as_html.text
    assert "Hanne Solberg" in as_html.json()["article"]["text"]
    assert "<p>" not in as_html.json()["article"]["text"]


@pytest.mark.parametrize(
    ("body", "headers", "status", "words"),
    [
        (b'{"text": "unfinished', {"content-type": "application/json"}, 400, ["not JSON"]),
        (b'{"text": 5}', {"content-type": "application/json"}, 422, ["text"]),
        (b'["a list"]', {"content-type": "application/json"}, 422, ["does not fit"]),
        (b'{"text": "a", "html": "<p>b</p>"}', {"content-type": "application/json"}, 422,
         ["exactly one"]),
        (b"{}", {"content-type": "application/json"}, 422, ["exactly one"]),
        (b'{"text": "   "}', {"content-type": "application/json"}, 422, ["empty"]),
        (b"text", {"content-type": "application/xml"}, 415, ["application/json"]),
        (b"\xff\xfe\x00broken", {"content-type": "text/plain"}, 400, ["UTF-8"]),
    ],
)  # fmt: skip
def test_malformed_bodies_get_problem_details(
    client: AsgiClient, body: bytes, headers: dict[str, str], status: int, words: list[str]
) -> None:
    assert_problem(client.post("/api/analyze", content=body, headers=headers), status, *words)


def test_bodies_over_the_limit_are_refused(db: str) -> None:
    small = client_for(db, max_body_bytes=1000)
    declared = small.post("/api/analyze", json={"text": "x" * 2000})
    assert_problem(declared, 413, "1000 bytes")

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: counted as it streams
        yield b'{"text": "'
        for _ in range(20):
            yield b"y" * 100
        yield b'"}'

    streamed = small.post(
        "/api/analyze", content=chunks(), headers={"content-type": "application/json"}
    )
    assert_problem(streamed, 413, "1000 bytes")
    assert small.post("/api/analyze", json={"text": PASTED}).status_code == 200


# -- writes and tokens -----------------------------------------------------------------------


def test_storing_needs_a_known_token(client: AsgiClient, token: str) -> None:
    missing = assert_problem(client.post("/api/articles", json={"text": PASTED}), 401, "token")
    assert "dateline token create" in missing["detail"]
    wrong = client.post(
        "/api/articles", json={"text": PASTED}, headers={"authorization": "Bearer dl_guess"}
    )
    assert_problem(wrong, 401, "not known")
    assert wrong.headers["www-authenticate"] == "Bearer"
    # The right length and prefix, one character off: still refused.
    near = token[:-1] + ("A" if token[-1] != "A" else "B")
    near_auth = {"authorization": f"Bearer {near}"}
    assert_problem(client.post("/api/articles", json={"text": PASTED}, headers=near_auth), 401)


def test_stored_article_is_served_and_stored_once(client: AsgiClient, token: str) -> None:
    auth = {"authorization": f"Bearer {token}"}
    first = client.post("/api/articles", json={"text": PASTED}, headers=auth)
    assert first.status_code == 201, first.text
    assert first.json()["stored"] is True
    assert first.headers["location"] == f"/api/articles/{article_id(PASTED)}"
    again = client.post("/api/articles", json={"text": PASTED}, headers=auth)
    assert again.status_code == 200 and again.json()["stored"] is False
    served = client.get(first.headers["location"]).json()
    assert served["article"]["text"] == PASTED
    found = client.get("/api/quotes", params={"speaker": "solberg"}).json()["items"]
    assert [q["speaker_key"] for q in found] == ["person:hanne-solberg"]


def test_tokens_are_kept_only_as_digests(db: str, token: str) -> None:
    with open_store(db) as store, store.engine.connect() as connection:
        kept = [
            tuple(row) for row in connection.execute(text("SELECT name, digest FROM api_tokens"))
        ]
    assert kept and kept[0][0] == "tests"
    assert token not in kept[0][1] and len(kept[0][1]) == 64


def test_closed_reads_need_a_token_and_close_the_pages(db: str, token: str) -> None:
    closed = client_for(db, open_reads=False)
    assert_problem(closed.get("/api/quotes"), 401, "token")
    assert_problem(closed.get(f"/api/articles/{article_id(HARBOUR)}"), 401)
    auth = {"authorization": f"Bearer {token}"}
    assert len(closed.get("/api/quotes", headers=auth).json()["items"]) == 3
    assert_problem(closed.get("/quotes"), 403, "closed")
    assert_problem(closed.post("/api/analyze", json={"text": PASTED}), 401, "token")


# -- reads -----------------------------------------------------------------------------------


def test_articles_page_by_cursor(client: AsgiClient) -> None:
    first = client.get("/api/articles", params={"limit": 2})
    body = first.json()
    assert [a["source"]["source_id"] for a in body["items"]] == ["harbour.txt", "ferries.txt"]
    assert body["next"] and 'rel="next"' in first.headers["link"]
    second = client.get("/api/articles", params={"limit": 2, "cursor": body["next"]}).json()
    assert [a["source"]["source_id"] for a in second["items"]] == ["school.txt"]
    assert second["next"] is None
    dated = client.get("/api/articles", params={"since": "2024-04", "until": "2024-04"}).json()
    assert [a["source"]["source_id"] for a in dated["items"]] == ["ferries.txt"]


def test_unknown_article_is_a_problem(client: AsgiClient) -> None:
    assert_problem(client.get("/api/articles/sha256:nothing"), 404, "sha256:nothing")


def test_quotes_take_the_cli_filters(client: AsgiClient) -> None:
    def contents(**params: Any) -> list[str]:
        return [q["content"] for q in client.get("/api/quotes", params=params).json()["items"]]

    assert len(contents(speaker="varga")) == 3
    assert contents(speaker="ilse", about="river") == [
        "No family should pay more to cross the river,"
    ]
    assert contents(speaker="varga", since="2024-04-01", until="2024-04") == [
        "No family should pay more to cross the river,"
    ]
    assert contents(place="lisbon") == ["We have waited long enough for this harbour,"]
    assert contents(speaker="nobody") == []


def test_quotes_page_by_cursor_and_refuse_foreign_cursors(client: AsgiClient) -> None:
    first = client.get("/api/quotes", params={"speaker": "varga", "limit": 2}).json()
    second = client.get(
        "/api/quotes", params={"speaker": "varga", "limit": 2, "cursor": first["next"]}
    ).json()
    seen = [q["content"] for q in first["items"] + second["items"]]
    assert len(seen) == 3 == len(set(seen)) and second["next"] is None
    other = client.get("/api/quotes", params={"speaker": "ilse", "cursor": first["next"]})
    assert_problem(other, 400, "other filters")
    assert_problem(client.get("/api/quotes", params={"cursor": "%%%"}), 400, "cursor")


def test_formats_by_accept_and_by_parameter(client: AsgiClient) -> None:
    by_accept = client.get("/api/quotes", headers={"accept": "text/csv"})
    assert by_accept.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(by_accept.text)))
    assert {r["speaker_name"] for r in rows} == {"Ilse Varga", "Paul Varga"}
    assert {r["source_id"] for r in rows} == {"harbour.txt", "ferries.txt", "school.txt"}
    by_param = client.get("/api/quotes", params={"format": "csv"})
    assert by_param.text == by_accept.text
    assert_problem(client.get("/api/articles", params={"format": "geojson"}), 400, "json, csv")
    assert_problem(client.get("/api/quotes", params={"format": "xml"}), 400, "not offered")


def test_quotes_said_at_a_place_as_geojson(client: AsgiClient) -> None:
    features = client.get("/api/quotes", params={"format": "geojson"}).json()["features"]
    placed = {f["properties"]["content"]: f["geometry"]["coordinates"] for f in features}
    assert placed == {
        "We have waited long enough for this harbour,": [-9.14, 38.72],
        "No family should pay more to cross the river,": [-8.61, 41.15],
    }  # the namesake's quote has no place


def test_events_with_filters_and_as_geojson(client: AsgiClient) -> None:
    found = client.get("/api/events", params={"type": "consult", "actor": "castell"}).json()
    assert [(v["actor_name"], v["recipient_name"]) for v in found["items"]] == [
        ("Ilse Varga", "Omar Castell")
    ]
    assert client.get("/api/events", params={"type": "ACCUSE"}).json()["items"] == []
    geo = client.get("/api/events", headers={"accept": "application/geo+json"})
    assert geo.headers["content-type"].startswith("application/geo+json")
    [feature] = geo.json()["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [-9.14, 38.72]}
    assert feature["properties"]["type"] == "CONSULT"
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events?format=csv").text)))
    assert rows[0]["trigger"] == "met" and rows[0]["place_name"] == "Lisbon"


def test_places_as_geojson(client: AsgiClient) -> None:
    features = client.get("/api/places", params={"format": "geojson"}).json()["features"]
    assert {f["properties"]["name"]: f["geometry"]["coordinates"] for f in features} == {
        "Lisbon": [-9.14, 38.72],
        "Porto": [-8.61, 41.15],
    }


def test_entity_profile_and_timeline_leave_the_namesake_out(client: AsgiClient) -> None:
    found = client.get("/api/entities/person:ilse-varga").json()
    assert found["name"] == "Ilse Varga"
    assert set(found["aliases"]) == {"Ilse Varga"}
    assert found["countries"] == ["PRT"]
    assert found["roles"] == ["Port Minister"]  # "port minister" is the same role
    assert found["articles"] == 2
    timeline = [(e["day"], e["what"], e["role"]) for e in found["timeline"]]
    assert timeline == [
        ("2024-03-04", "CONSULT", "actor"),
        ("2024-03-04", "quote", "speaker"),
        ("2024-04-09", "quote", "speaker"),
    ]
    entry = found["timeline"][1]
    assert HARBOUR[entry["start"] : entry["end"]] == entry["summary"]
    assert_problem(client.get("/api/entities/person:nobody"), 404, "person:nobody")


def test_timeline_and_search(client: AsgiClient) -> None:
    timeline = client.get("/api/timeline", params={"actor": "Ilse Varga"}).json()["items"]
    assert [e["what"] for e in timeline] == ["quote", "CONSULT", "quote"]  # by day, then kind
    assert_problem(client.get("/api/timeline"), 422, "actor")
    hits = client.get("/api/search", params={"q": "ferry fares"}).json()["items"]
    assert [h["source"]["source_id"] for h in hits] == ["ferries.txt"]
    assert "[" in hits[0]["snippet"]
    assert client.get("/api/search", params={"q": "submarine"}).json()["items"] == []


def test_openapi_describes_every_route(client: AsgiClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/analyze", "/api/articles", "/api/articles/{article_id}", "/api/quotes",
                 "/api/events", "/api/entities/{key}", "/api/timeline", "/api/search",
                 "/api/places"):  # fmt: skip
        assert path in paths
    assert "text/plain" in paths["/api/analyze"]["post"]["requestBody"]["content"]
    assert "application/geo+json" in paths["/api/events"]["get"]["responses"]["200"]["content"]


def test_every_answer_carries_the_security_headers(client: AsgiClient) -> None:
    for response in (client.get("/api/quotes"), client.get("/"), client.get("/api/nowhere")):
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
    assert_problem(client.get("/api/nowhere"), 404)
    assert_problem(client.delete("/api/quotes"), 405)


def test_a_crash_is_a_problem_too(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.store import Store

    def broken(self: Store) -> list[Any]:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Store, "places", broken)
    body = assert_problem(client_for(db).get("/api/places"), 500, "bug")
    assert "disk on fire" not in body["detail"]


def test_the_server_never_fetches_a_url(client: AsgiClient, token: str) -> None:
    """A URL is not an article: there is no field for one, and a text that is only a URL is
    analysed as that text."""
    auth = {"authorization": f"Bearer {token}"}
    answer = client.post("/api/articles", json={"url": "http://127.0.0.1:9/"}, headers=auth)
    assert_problem(answer, 422, "exactly one")
    record = client.post("/api/analyze", json={"text": "http://127.0.0.1:9/page"}).json()
    assert record["article"]["text"] == "http://127.0.0.1:9/page"
    assert FERRIES not in record["article"]["text"]
