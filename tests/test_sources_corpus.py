"""The source mix across a stored corpus: the `sources` table filled on ingest, `dateline
sources`, `/api/sources`, the `/sources` page and its bars' links to the quotes behind them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dateline.cli.main import app
from dateline.ingest import article_from_text
from dateline.nlp.pipeline import analyze_articles
from dateline.record import to_record
from dateline.server import ServerConfig, create_app
from dateline.store import open_store
from dateline.store.sources import SourceBar, SourceDimensionError, SourceSelection, source_mix

from .web_fixtures import AsgiClient

# Articles of our own, from two sites, on two dates.
ARTICLES = [
    (
        "https://www.harbourpost.example/ferries",
        "2024-03-05",
        "Ferry Fares Rise\n\n"
        "Transport Minister Eva Lund said on Tuesday that ferry fares would rise in May.\n\n"
        "“Fuel has never cost more,” Lund said.\n\n"
        "Two officials said the rise could be larger than announced.\n",
    ),
    (
        "https://valleynews.example/floods",
        "2024-04-10",
        "Valley Floods Again\n\n"
        "“The water came into the kitchen at night,” said Jonas Berg, whose farm lies by the "
        "river.\n\n"
        "Police said two roads were closed. Residents said the warnings came too late.\n",
    ),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("sources") / "sources.db")
    articles = [
        article_from_text(text, source_id=url, url=url, published=day)
        for url, day, text in ARTICLES
    ]
    records = [to_record(a) for a in analyze_articles(articles)]
    with open_store(path) as store:
        store.save_records(records)
    return path


def test_ingest_fills_the_sources_table_with_outlet_and_day(db: str) -> None:
    with open_store(db) as store:
        assert store.count("sources") >= 5
        mix = source_mix(store, SourceSelection(), by="outlet")
    outlets = {s.value for s in mix.shares}
    assert outlets == {"harbourpost.example", "valleynews.example"}


def test_the_mix_counts_and_shares_by_kind(db: str) -> None:
    with open_store(db) as store:
        mix = source_mix(store, SourceSelection(), by="kind")
    by_kind = {s.value: s for s in mix.shares}
    assert by_kind["government"].sources >= 2  # the minister and the two officials
    assert sum(s.share for s in mix.shares) == pytest.approx(1.0, abs=0.01)
    assert mix.top[0].label == "Eva Lund" and mix.top[0].claims == 2


def test_the_mix_filters_by_outlet_topic_and_period(db: str) -> None:
    with open_store(db) as store:
        harbour = source_mix(store, SourceSelection(outlet="harbourpost"), by="anonymity")
        floods = source_mix(store, SourceSelection(about="kitchen"), by="kind")
        april = source_mix(store, SourceSelection(since="2024-04"), by="kind")
    assert {s.value for s in harbour.shares} == {"named", "unnamed"}
    assert floods.articles == 1 and april.articles == 1
    assert "citizen_witness" in {s.value for s in floods.shares}


def test_a_bar_selects_the_quotes_its_sources_give(db: str) -> None:
    with open_store(db) as store:
        unnamed = store.query_quotes(given_by=SourceBar("anonymity", "unnamed"))
        harbour = SourceBar("kind", "government", SourceSelection(outlet="harbourpost"))
        given = store.query_quotes(given_by=harbour)
    assert {q.content for q in unnamed} >= {"the rise could be larger than announced"}
    assert any("Fuel has never cost more" in q.content for q in given)


def test_an_unknown_dimension_is_refused_with_its_code(db: str) -> None:
    with open_store(db) as store, pytest.raises(SourceDimensionError, match=r"\[D411\]"):
        source_mix(store, SourceSelection(), by="colour")


runner = CliRunner()


def test_the_cli_prints_the_mix_as_json_csv_and_a_table(db: str) -> None:
    shown = runner.invoke(app, ["sources", "--db", db, "--by", "gender", "--format", "json"])
    assert shown.exit_code == 0, shown.output
    mix: dict[str, Any] = json.loads(shown.stdout)
    assert mix["by"] == "gender" and mix["sources"] == sum(s["sources"] for s in mix["shares"])
    csv_out = runner.invoke(app, ["sources", "--db", db, "--format", "csv", "--outlet", "valley"])
    assert csv_out.exit_code == 0
    assert csv_out.stdout.splitlines()[0].startswith("section,by,value,sources,claims")
    table = runner.invoke(app, ["sources", "--db", db, "--since", "2024-03", "--until", "2024-03"])
    assert table.exit_code == 0 and "Eva Lund" in table.stdout
    bad = runner.invoke(app, ["sources", "--db", db, "--since", "05/03/2024"])
    assert bad.exit_code == 2


def test_the_api_answers_the_cli_mix(db: str) -> None:
    client = AsgiClient(create_app(ServerConfig(db=db)))
    answer = client.get("/api/sources", params={"by": "anonymity", "outlet": "harbourpost"})
    assert answer.status_code == 200
    assert {s["value"] for s in answer.json()["shares"]} == {"named", "unnamed"}
    assert client.get("/api/sources", params={"by": "colour"}).status_code == 422
    assert client.get("/api/sources", params={"since": "yesterday"}).status_code == 422


def test_the_page_draws_a_bar_per_value_each_linking_to_its_quotes(db: str) -> None:
    client = AsgiClient(create_app(ServerConfig(db=db)))
    page = client.get("/sources")
    assert page.status_code == 200
    assert page.text.count('class="bar"') >= 8  # five charts, each with its values
    assert "/quotes?source_by=anonymity&amp;source_value=unnamed" in page.text
    listed = client.get("/quotes", params={"source_by": "anonymity", "source_value": "unnamed"})
    assert listed.status_code == 200
    assert "the rise could be larger than announced" in listed.text
    assert "Fuel has never cost more" not in listed.text


def test_the_migration_and_the_models_agree_on_the_sources_tables(tmp_path: Path) -> None:
    from sqlalchemy import inspect

    from dateline.store.models import SourceQuoteRow, SourceRow

    with open_store(str(tmp_path / "empty.db")) as store:
        inspector = inspect(store.engine)
        for model in (SourceRow, SourceQuoteRow):
            columns = {c["name"] for c in inspector.get_columns(model.__tablename__)}
            assert columns == {c.name for c in model.__table__.columns}
