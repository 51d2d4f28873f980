"""Identity you can use: `dateline entities` and its corrections through the CLI runner,
the corpus key in every export and in the API's article and quote payloads, and a
correction that outlives `dateline ingest --reanalyze`. The articles are our own."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.corpus.identity import corpus_keys
from dateline.store import open_store

from .corpus_inputs import jsonl_file
from .test_api import client_for
from .test_identity_store import JULY, MONDAY, WEDNESDAY
from .web_fixtures import HARBOUR, article_id, fill

runner = CliRunner()


def run(*args: str) -> Any:
    return runner.invoke(app, list(args))


@pytest.fixture
def kessels(db_url: str) -> str:
    with open_store(db_url) as store:
        store.save_records([MONDAY, WEDNESDAY, JULY])
        store.resolve_entities(corpus_keys)
    return db_url


def test_entities_lists_identities_with_aliases_and_article_counts(kessels: str) -> None:
    result = run("entities", "--db", kessels, "--name", "kessel", "--format", "json")
    assert result.exit_code == 0, result.output
    found = {e["key"]: e for e in json.loads(result.stdout)}
    assert set(found) == {"person:rina-kessel", "person:otto-kessel"}
    rina = found["person:rina-kessel"]
    assert (rina["name"], rina["articles"], sorted(rina["aliases"])) == (
        "Rina Kessel", 2, ["Kessel", "Rina Kessel"],
    )  # fmt: skip
    people = run("entities", "--db", kessels, "--type", "PERSON", "--format", "csv").stdout
    assert {row["key"] for row in csv.DictReader(io.StringIO(people))} == set(found)
    assert "Rina Kessel" in run("entities", "--db", kessels).stdout  # a table


def test_merge_and_split_through_the_cli(kessels: str) -> None:
    merged = run("entities", "merge", "person:otto-kessel", "person:rina-kessel", "--db", kessels)
    assert merged.exit_code == 0, merged.output
    split = run(
        "entities",
        "split",
        "person:rina-kessel",
        "--article",
        JULY["article"]["id"],
        "--db",
        kessels,
    )
    assert split.exit_code == 0 and split.stdout.startswith("person:rina-kessel~")
    listed = json.loads(run("entities", "--db", kessels, "--format", "json").stdout)
    keys = {e["key"] for e in listed}
    assert "person:otto-kessel" not in keys and split.stdout.strip() in keys
    refused = run("entities", "merge", "person:nobody", "person:rina-kessel", "--db", kessels)
    assert refused.exit_code == 2 and "D403" in refused.stderr


def test_exports_carry_the_corpus_key_beside_the_local_id(kessels: str) -> None:
    lines = run("export", "--to", "jsonl", "--db", kessels).stdout.splitlines()
    keyed = {
        (e["id"], e["corpus_key"])
        for line in lines
        for e in json.loads(line)["entities"]
        if e["name"] == "Kessel"
    }
    assert keyed == {("e1", "person:rina-kessel")}


def test_flat_exports_and_api_payloads_carry_speaker_keys(tmp_path: Path) -> None:
    db = str(tmp_path / "api.db")
    with open_store(db) as store:
        fill(store)
    rows = list(csv.DictReader(io.StringIO(run("export", "--to", "csv", "--db", db).stdout)))
    varga = [r for r in rows if r["fact"] == "quote" and r["who"] == "Ilse Varga"]
    assert varga and {(r["who_id"], r["who_key"]) for r in varga} == {("e1", "person:ilse-varga")}
    client = client_for(db)
    record = client.get(f"/api/articles/{article_id(HARBOUR)}").json()
    assert {e["name"]: e["corpus_key"] for e in record["entities"]}["Ilse Varga"] == (
        "person:ilse-varga"
    )
    quotes = client.get("/api/quotes", params={"speaker": "varga"}).json()
    items = quotes["items"] if isinstance(quotes, dict) else quotes
    assert {(q["speaker_id"], q["speaker_key"]) for q in items} >= {("e1", "person:ilse-varga")}


def test_a_merge_outlives_reanalysis(tmp_path: Path) -> None:
    db = str(tmp_path / "corpus.db")
    corpus = jsonl_file(tmp_path, [0, 1])
    assert run("ingest", str(corpus), "--db", db).exit_code == 0
    listed = json.loads(run("entities", "--db", db, "--format", "json").stdout)
    first, second = listed[0]["key"], listed[1]["key"]
    assert run("entities", "merge", second, first, "--db", db).exit_code == 0
    again = run("ingest", str(corpus), "--db", db, "--reanalyze")
    assert again.exit_code == 0, again.output
    keys = {e["key"] for e in json.loads(run("entities", "--db", db, "--format", "json").stdout)}
    assert first in keys and second not in keys


def test_resolve_settles_older_surnames_a_later_full_name_explains(db_url: str) -> None:
    with open_store(db_url) as store:
        store.save_records([WEDNESDAY])  # "Kessel" alone, and nothing yet to join
        store.resolve_entities(corpus_keys)
        store.save_records([MONDAY])
        store.resolve_articles([MONDAY["article"]["id"]], corpus_keys)
    assert "person:kessel" in run("entities", "--db", db_url, "--format", "csv").stdout
    result = run("entities", "resolve", "--db", db_url)
    assert result.exit_code == 0 and "keys changed" in result.stderr
    listed = run("entities", "--db", db_url, "--name", "kessel", "--format", "json").stdout
    assert [e["key"] for e in json.loads(listed)] == ["person:rina-kessel"]
