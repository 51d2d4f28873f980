"""The web pages in-process: what each shows, the CSRF rule on the analyse form, untrusted
article text escaped, and the marks of the article view nesting as HTML must."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from dateline.cli import app as cli_app
from dateline.server import ServerConfig, create_app
from dateline.store import open_store
from dateline.web.highlight import highlighted

from .store_fixtures import make_record, span
from .web_fixtures import HARBOUR, AsgiClient, article_id, corpus_records, fill

HOSTILE = (
    "Council Notes\n\n"
    'The clerk pasted <script>alert("x")</script> into the minutes, then "><img src=x '
    "onerror=alert(1)> and a link: <a href=\"javascript:alert('y')\">click</a>.\n\n"
    "“We will read every line twice,” Mayor Rosa Lind said.\n"
)


@pytest.fixture
def client(tmp_path: Path) -> AsgiClient:
    db = str(tmp_path / "web.db")
    with open_store(db) as store:
        fill(store)
    return AsgiClient(create_app(ServerConfig(db=db)))


class Tags(HTMLParser):
    """Checks that tags nest: every end tag closes the innermost open one."""

    VOID = frozenset({"meta", "link", "input", "br", "img", "hr"})

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.errors.append(tag)


def test_marks_nest_and_keep_the_text() -> None:
    record = corpus_records()[0]
    html = str(highlighted(record, lambda local, name: f"/entities?name={name}"))
    tags = Tags()
    tags.feed(html)
    assert tags.errors == [] and tags.open == []
    assert re.sub(r"<[^>]+>", "", html).replace("&#39;", "'") == HARBOUR
    assert '<mark class="hl hl-quote" data-fact="q1"' in html
    assert 'class="hl hl-speaker" href="/entities?name=Ilse Varga"' in html
    assert 'class="hl hl-event" href="#fact-v1"' in html
    assert 'id="at-' in html


def test_hostile_text_is_escaped_everywhere(tmp_path: Path) -> None:
    db = str(tmp_path / "hostile.db")
    quote_words = "We will read every line twice,"
    record = make_record(
        article_id(HOSTILE),
        HOSTILE,
        quotes=[
            {"id": "q1", "kind": "direct", **span(HOSTILE, quote_words),
             "content": quote_words, "speaker": None, "speaker_name": '"><img src=x onerror=1>',
             "speaker_mention": span(HOSTILE, "Mayor Rosa Lind"), "cue": None, "date": None,
             "place": None, "confidence": 0.5}
        ],
    )  # fmt: skip
    record["article"]["title"] = "<script>alert(2)</script>"
    with open_store(db) as store:
        store.save_record(record)
    page = AsgiClient(create_app(ServerConfig(db=db))).get(f"/articles/{article_id(HOSTILE)}")
    assert page.status_code == 200
    body = page.text
    assert "<script>alert" not in body and "<img src=x" not in body
    assert 'href="javascript:' not in body
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=" in body


def test_pages_show_the_corpus(client: AsgiClient) -> None:
    home = client.get("/").text
    assert "3 articles" in home and "Harbour Deal Signed in Lisbon" in home
    article = client.get(f"/articles/{article_id(HARBOUR)}").text
    assert 'href="/entities/person:ilse-varga"' in article
    assert "Omar Castell" in article and "CONSULT" in article
    quotes = client.get("/quotes", params={"speaker": "varga", "words": "river"}).text
    assert "No family should pay more to cross the river" in quotes
    assert "waited long enough" not in quotes
    assert re.search(r'href="/articles/sha256:[0-9a-f]{64}#at-\d+"', quotes)
    dated = client.get("/quotes", params={"since": "2024-03-01", "until": "2024-03"}).text
    assert "waited long enough" in dated and "cross the river" not in dated
    assert "cross the river" in client.get("/quotes", params={"place": "porto"}).text
    actor = client.get("/entities/person:ilse-varga").text
    assert "Port Minister" in actor and "PRT" in actor
    assert actor.count('class="timeline-entry') == 3
    assert "Children deserve a roof" not in actor  # the namesake's words
    events = client.get("/events", params={"type": "CONSULT"}).text
    assert events.count('class="event-row"') == 1
    assert 'data-places="/api/places?format=geojson"' in client.get("/map").text
    assert "No stored article" in client.get("/articles/sha256:none").text


def test_a_name_leads_to_its_participant(client: AsgiClient) -> None:
    found = client.get("/entities", params={"name": "Ilse Varga"}, follow_redirects=False)
    assert found.status_code == 303 and found.headers["location"] == "/entities/person:ilse-varga"
    assert client.get("/entities", params={"name": "Nobody Here"}).status_code == 404


def test_assets_are_served_locally(client: AsgiClient) -> None:
    for asset in ("/static/leaflet/leaflet.js", "/static/leaflet/leaflet.css", "/static/app.js",
                  "/static/map.js", "/static/vendor/world-atlas/countries-110m.json",
                  "/static/vendor/topojson-client/topojson-client.min.js"):  # fmt: skip
        assert client.get(asset).status_code == 200, asset
    for page in ("/", "/map", "/analyze"):
        assert not re.search(r'(src|href)="(https?:)?//', client.get(page).text), page


def test_the_analyse_form_needs_its_csrf_token(client: AsgiClient) -> None:
    form = client.get("/analyze")
    token = re.search(r'name="csrf_token" value="([0-9a-f]+)"', form.text)
    assert token and "dateline_csrf" in client.cookies
    pasted = "Mayor Rosa Lind said on Monday: “The library will open in May.”\n"
    forged = client.post("/analyze", data={"content": pasted, "csrf_token": "0" * 64})
    assert forged.status_code == 403 and "Form expired" in forged.text
    shown = client.post("/analyze", data={"content": pasted, "csrf_token": token.group(1)})
    assert shown.status_code == 200
    assert "The library will open in May." in shown.text and "Not stored" in shown.text
    # Nobody stored is named Rosa Lind: her name is marked, with no link to a page that
    # would say so (issue 13 row 11).
    assert "hl-speaker" in shown.text and "/entities?name=" not in shown.text
    page = "<html><body><article><h1>Library</h1><p>" + pasted + "</p></article></body></html>"
    as_html = client.post(
        "/analyze", data={"content": page, "kind": "html", "csrf_token": token.group(1)}
    )
    assert as_html.status_code == 200 and "The library will open in May." in as_html.text
    assert "&lt;p&gt;" not in as_html.text  # the page's text, not its markup
    empty = client.post("/analyze", data={"content": " ", "csrf_token": token.group(1)})
    assert empty.status_code == 422 and "empty" in empty.text


def test_token_commands(tmp_path: Path) -> None:
    db = str(tmp_path / "tokens.db")
    runner = CliRunner()
    made = runner.invoke(cli_app, ["token", "create", "--name", "importer", "--db", db])
    assert made.exit_code == 0, made.output
    assert made.stdout.strip().startswith("dl_")
    again = runner.invoke(cli_app, ["token", "create", "--name", "importer", "--db", db])
    assert again.exit_code == 1 and "exists" in again.output
    listed = runner.invoke(cli_app, ["token", "list", "--db", db])
    assert "importer" in listed.stdout and "dl_" not in listed.stdout
    assert (
        runner.invoke(cli_app, ["token", "revoke", "--name", "importer", "--db", db]).exit_code == 0
    )
    assert (
        runner.invoke(cli_app, ["token", "revoke", "--name", "importer", "--db", db]).exit_code == 1
    )
    assert "--closed-reads" in runner.invoke(cli_app, ["serve", "--help"]).output


@st.composite
def marked_records(draw: st.DrawFn) -> dict[str, object]:
    """A record of random text with random, overlapping spans of every kind of fact."""
    text = draw(st.text(alphabet=st.sampled_from("ab <>&\"'\n“”"), min_size=1, max_size=60))

    def spans(count: int) -> list[tuple[int, int]]:
        found = []
        for _ in range(count):
            start = draw(st.integers(0, len(text) - 1))
            found.append((start, draw(st.integers(start + 1, len(text)))))
        return found

    def piece(start: int, end: int) -> dict[str, object]:
        return {"start": start, "end": end, "text": text[start:end]}

    quotes = [
        {"id": f"q{i}", "kind": "direct", "start": a, "end": b, "speaker": "e1",
         "speaker_name": "<b>S</b>", "speaker_mention": piece(*m), "date": None, "place": None}
        for i, ((a, b), m) in enumerate(zip(spans(3), spans(3), strict=True))
    ]  # fmt: skip
    entities = [{"id": "e1", "name": "E", "type": "PERSON",
                 "mentions": [piece(a, b) for a, b in spans(3)]}]  # fmt: skip
    timexes = [{"id": f"t{i}", "type": "DATE", "value": None, **piece(a, b)}
               for i, (a, b) in enumerate(spans(2))]  # fmt: skip
    places = [{"id": f"p{i}", "name": "P", "country": None, "lat": None, **piece(a, b)}
              for i, (a, b) in enumerate(spans(2))]  # fmt: skip
    events = [{"id": f"v{i}", "type": "AID", "trigger": piece(a, b), "date": None}
              for i, (a, b) in enumerate(spans(2))]  # fmt: skip
    return {"article": {"text": text}, "quotes": quotes, "entities": entities,
            "timexes": timexes, "places": places, "events": events}  # fmt: skip


@given(marked_records())
@settings(max_examples=150, deadline=None)
def test_marks_always_nest_and_never_change_the_text(record: dict[str, Any]) -> None:
    html = str(highlighted(record, lambda local, name: f"/entities?name={name}"))
    tags = Tags()
    tags.feed(html)
    tags.close()
    assert tags.errors == [] and tags.open == []
    assert unescape(re.sub(r"<[^>]+>", "", html)) == record["article"]["text"]
    assert "<b>" not in html


def test_the_csrf_cookie_is_strict_and_hidden_from_scripts(client: AsgiClient) -> None:
    cookie = client.get("/analyze").headers["set-cookie"].lower()
    assert "dateline_csrf=" in cookie and "httponly" in cookie and "samesite=strict" in cookie


def test_serve_runs_the_app_on_a_loopback_port(tmp_path: Path) -> None:
    """`dateline serve` as a user starts it: its own process, answering on 127.0.0.1."""
    db = str(tmp_path / "served.db")
    with open_store(db) as store:
        fill(store)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    entry = "from dateline.cli import app; app()"
    command = [sys.executable, "-c", entry, "serve", "--db", db, "--port", str(port)]
    server = subprocess.Popen(command, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:  # until it listens (it prints before it binds)
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            assert time.monotonic() < deadline, "dateline serve did not answer in 60 s"
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/quotes?speaker=ilse", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert answer.status_code == 200
        assert len(answer.json()["items"]) == 2
        assert "script-src 'self'" in answer.headers["content-security-policy"]
    finally:
        server.terminate()
        server.wait(10)
