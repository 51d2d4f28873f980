"""Text search takes any string (issue 13 row 2): whatever a person types into `about`, `q`,
a name filter or a date filter, the store, the CLI and the API answer, or refuse with a
reason; never a 500, never a traceback. PostgreSQL runs when DATELINE_TEST_POSTGRES_URL is set.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import click
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from dateline.cli import app
from dateline.ingest.dates import BadDateError
from dateline.server import ServerConfig, create_app
from dateline.store import Store, open_store

from .store_fixtures import BACKENDS, store_url
from .web_fixtures import AsgiClient, fill

runner = CliRunner()

# What broke FTS5 on main, and what else a query language might read as syntax.
HOSTILE = ['"', "'", "*", "(", ")", "^", "\\", " ", "🚢", "-", "NEAR(a b)", "a OR", "AND",
           '"harbour', "col:harbour", "+", "%", "_", "\x00", "", "''", "harbour*"]  # fmt: skip
# Any text, the hostile pieces well represented.
ANY_TEXT = st.one_of(
    st.text(max_size=24),
    st.lists(st.sampled_from([*HOSTILE, "harbour", "Varga"]), max_size=5).map(" ".join),
)
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module", params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    url = store_url(request.param, tmp_path_factory.mktemp("queries"))
    with open_store(url) as store:
        fill(store)
    return url


@pytest.fixture(scope="module")
def store(db: str) -> Iterator[Store]:
    with open_store(db) as opened:
        yield opened


@pytest.fixture(scope="module")
def client(db: str) -> AsgiClient:
    return AsgiClient(create_app(ServerConfig(db=db)))


@pytest.mark.parametrize("words", HOSTILE)
def test_the_store_takes_every_hostile_string(store: Store, words: str) -> None:
    assert store.query_quotes(about=words) is not None
    assert store.search(words) is not None
    store.query_quotes(speaker=words, place=words)
    store.query_events(actor=words, place=words, type=words)
    store.timeline(words)


def test_punctuation_alone_is_no_text_filter(store: Store) -> None:
    every = store.query_quotes()
    assert store.query_quotes(about='"') == every and store.query_quotes(about="🚢 *") == every
    assert [q.content for q in store.query_quotes(about='"harbour')] == [
        "We have waited long enough for this harbour,"
    ]


@FUZZ
@given(words=ANY_TEXT)
def test_the_store_answers_any_string(store: Store, words: str) -> None:
    store.query_quotes(about=words, speaker=words, place=words)
    store.query_events(actor=words, place=words, type=words)
    store.search(words)
    with contextlib.suppress(BadDateError):  # a refusal with a reason is an answer
        store.query_quotes(since=words, until=words)


def _no_crash(response: object) -> None:
    status = response.status_code  # type: ignore[attr-defined]
    assert status < 500, response.text  # type: ignore[attr-defined]
    assert "Traceback" not in response.text  # type: ignore[attr-defined]


@FUZZ
@given(words=ANY_TEXT)
def test_the_api_answers_any_string(client: AsgiClient, words: str) -> None:
    for path, name in [
        ("/api/quotes", "about"),
        ("/api/quotes", "speaker"),
        ("/api/quotes", "place"),
        ("/api/events", "actor"),
        ("/api/events", "type"),
        ("/api/search", "q"),
        ("/api/timeline", "actor"),
        ("/api/quotes", "since"),
        ("/api/events", "until"),
        ("/api/articles", "since"),
        ("/quotes", "words"),
        ("/quotes", "since"),
        ("/events", "actor"),
        ("/events", "since"),
    ]:
        _no_crash(client.get(path, params={name: words}))


@pytest.mark.parametrize("words", ['"', "'", "*", "(", "^", "\\", " ", "🚢"])
def test_the_api_quotes_about_hostile_words(client: AsgiClient, words: str) -> None:
    response = client.get("/api/quotes", params={"about": words})
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("since", ["notadate", "2024-13", "03/01/2024"])
def test_the_api_refuses_a_date_filter_that_is_no_date(client: AsgiClient, since: str) -> None:
    for path in ("/api/quotes", "/api/events", "/api/articles"):
        response = client.get(path, params={"since": since})
        assert response.status_code == 422, response.text
        assert "ISO 8601" in response.json()["detail"]
    page = client.get("/quotes", params={"since": since})
    assert page.status_code == 422 and "ISO 8601" in page.text


def test_the_api_refuses_a_published_date_that_is_no_date(client: AsgiClient) -> None:
    body = {"text": "The council met on Monday and agreed the budget.", "published": "notadate"}
    response = client.post("/api/analyze", json=body)
    assert response.status_code == 422, response.text
    assert "'notadate' is not an ISO 8601 date" in response.json()["detail"]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=ANY_TEXT.filter(lambda w: "\x00" not in w))  # argv cannot hold a NUL
def test_the_cli_answers_any_string(db: str, words: str) -> None:
    for args in (
        ["quotes", "--about", words],
        ["quotes", "--speaker", words],
        ["events", "--actor", words],
        ["search", words],
        ["timeline", "--actor", words],
        ["quotes", "--since", words],
    ):
        result = runner.invoke(app, [*args, "--db", db])
        assert result.exit_code in (0, 2), (args, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), args
        assert "Traceback" not in click.unstyle(result.output)


def test_the_cli_quotes_about_a_lone_quote_mark(db: str) -> None:
    # On main: an SQLAlchemy traceback (`fts5: syntax error`).
    result = runner.invoke(app, ["quotes", "--about", '"', "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "waited long enough for this harbour" in result.output
