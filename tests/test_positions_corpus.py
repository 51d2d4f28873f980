"""Positions in the store, on the command line, in the API and on the pages: who stands where
on an issue, and a holder's change of stance with both pieces of evidence."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dateline.cli.main import app
from dateline.server import ServerConfig, create_app
from dateline.store import Store, open_store
from dateline.store.positions import query_positions, stance_changes

from .positions_fixtures import ISSUE, fill_positions
from .web_fixtures import AsgiClient

runner = CliRunner()


@pytest.fixture
def filled(store: Store) -> Store:
    fill_positions(store)
    return store


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "positions.db")
    with open_store(path) as store:
        fill_positions(store)
    return path


def test_the_store_keeps_each_position_with_its_evidence(filled: Store) -> None:
    assert filled.count("positions") == 4
    found = query_positions(filled, target=ISSUE)
    assert [(p.day, p.holder_name, p.stance) for p in found] == [
        ("2024-05-02", "Rosa Dyke", "support"),
        ("2024-06-07", "Tom Rees", "oppose"),
        ("2024-06-08", "Rosa Dyke", "oppose"),
        ("2024-06-08", "Lena Moss", "support"),
    ]
    assert found[0].evidence_kind == "quote"
    assert found[0].evidence_text == "she supports the harbour tunnel"
    assert found[0].holder_key == found[2].holder_key is not None


def test_a_change_of_stance_is_found_with_both_positions(filled: Store) -> None:
    changes = stance_changes(query_positions(filled, holder="Dyke"))
    assert len(changes) == 1
    change = changes[0]
    assert (change.before.stance, change.after.stance) == ("support", "oppose")
    assert change.before.source.source_id == "spring.txt"
    assert change.after.source.source_id == "summer.txt"
    assert stance_changes(query_positions(filled, holder="Rees")) == []


def test_the_holder_filter_takes_a_corpus_key(filled: Store) -> None:
    key = query_positions(filled, holder="Dyke")[0].holder_key
    assert key is not None
    assert len(query_positions(filled, holder=key)) == 2


def run(*args: str) -> Any:
    return runner.invoke(app, list(args))


def test_csv_export_has_a_row_per_position_with_its_stance_and_evidence(db: str) -> None:
    result = runner.invoke(app, ["export", "--to", "csv", "--db", db, "--speaker", "Dyke"])
    assert result.exit_code == 0, result.output
    rows = [r for r in csv.DictReader(io.StringIO(result.stdout)) if r["fact"] == "position"]
    assert [(r["day"], r["who"], r["kind"], r["recipient_key"]) for r in rows] == [
        ("2024-05-02", "Rosa Dyke", "support", ISSUE),
        ("2024-06-08", "Rosa Dyke", "oppose", ISSUE),
    ]
    assert rows[0]["text"] == "she supports the harbour tunnel"
    assert rows[0]["who_key"] and rows[0]["who_key"] == rows[1]["who_key"]
    assert int(rows[0]["end"]) > int(rows[0]["start"])


def test_an_event_type_filter_leaves_positions_out_of_the_export(db: str) -> None:
    result = runner.invoke(app, ["export", "--to", "csv", "--db", db, "--type", "PROTEST"])
    assert result.exit_code == 0, result.output
    assert all(r["fact"] != "position" for r in csv.DictReader(io.StringIO(result.stdout)))


def test_cli_lists_a_holders_positions_and_flags_the_change(db: str) -> None:
    result = run("positions", "--holder", "Dyke", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert [p["stance"] for p in body["positions"]] == ["support", "oppose"]
    assert body["positions"][1]["changed_from"] == "support"
    (change,) = body["changes"]
    assert change["before"]["evidence_text"] == "she supports the harbour tunnel"
    assert change["after"]["evidence_text"].startswith("she now rejects")


def test_cli_lists_every_holders_stance_on_one_issue(db: str) -> None:
    result = run("positions", "--target", ISSUE, "--db", db, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {(r["holder_name"], r["stance"]) for r in rows} == {
        ("Rosa Dyke", "support"),
        ("Tom Rees", "oppose"),
        ("Rosa Dyke", "oppose"),
        ("Lena Moss", "support"),
    }


def test_cli_says_who_is_for_and_who_against(db: str) -> None:
    result = run("positions", "--target", ISSUE, "--db", db)
    assert result.exit_code == 0, result.output
    shown = " ".join(result.stdout.split())
    assert "oppose: Rosa Dyke, Tom Rees" in shown and "support: Lena Moss" in shown


def test_cli_table_names_the_change(db: str) -> None:
    result = run("positions", "--holder", "Dyke", "--about", "tunnel", "--db", db)
    assert result.exit_code == 0, result.output
    assert "changed:" in result.stdout and "spring.txt" in result.stdout


def test_cli_asks_for_a_holder_or_a_target(db: str) -> None:
    result = run("positions", "--db", db)
    assert result.exit_code == 2
    assert "--holder" in result.output


def test_api_positions_and_changes(db: str) -> None:
    client = AsgiClient(create_app(ServerConfig(db=db)))
    listed = client.get("/api/positions", params={"target": ISSUE})
    assert listed.status_code == 200, listed.text
    assert [p["stance"] for p in listed.json()["items"]] == [
        "support",
        "oppose",
        "oppose",
        "support",
    ]
    as_csv = client.get("/api/positions", params={"holder": "Rees", "format": "csv"})
    assert as_csv.status_code == 200 and "Tom Rees" in as_csv.text
    changes = client.get("/api/positions/changes", params={"holder": "Dyke"}).json()["changes"]
    assert [(c["before"]["stance"], c["after"]["stance"]) for c in changes] == [
        ("support", "oppose")
    ]
    assert client.get("/api/positions", params={"holder": "x", "since": "May"}).status_code == 422


def test_the_issue_page_draws_each_holder_on_the_timeline(db: str) -> None:
    client = AsgiClient(create_app(ServerConfig(db=db)))
    page = client.get("/issues/harbour tunnel")
    assert page.status_code == 200, page.text
    html = page.text
    assert html.count('class="lane"') == 3
    assert 'data-holder="Tom Rees" data-stance="oppose"' in html
    assert 'data-holder="Lena Moss" data-stance="support"' in html
    assert html.count('class="mark stance-') == 4
    assert 'class="side side-support"' in html and "Lena Moss" in html
    assert client.get("/issues/no such thing").status_code == 404
    listing = client.get("/issues")
    assert "/issues/harbour%20tunnel" in listing.text


def test_the_actor_page_lists_their_positions(db: str) -> None:
    client = AsgiClient(create_app(ServerConfig(db=db)))
    with open_store(db) as store:
        key = query_positions(store, holder="Dyke")[0].holder_key
    page = client.get(f"/entities/{key}")
    assert page.status_code == 200, page.text
    assert "<h2>Positions</h2>" in page.text
    assert page.text.count('class="position"') == 2
    assert "/issues/harbour%20tunnel" in page.text
