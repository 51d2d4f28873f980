"""The corpus commands through the CLI runner: ingest, the store queries, failures, exports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import click
import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.store import open_store

from .corpus_inputs import jsonl_file, text_file
from .test_store import ferry_record, harbour_record

runner = CliRunner()


def run(*args: str) -> Any:
    return runner.invoke(app, list(args))


def flat(text: str) -> str:
    return " ".join(click.unstyle(text).split())


@pytest.fixture
def seeded(db_url: str) -> str:
    """A store holding two hand-made records with quotes, events and a place."""
    with open_store(db_url) as store:
        store.save_records([harbour_record(), ferry_record()])
    return db_url


def test_ingest_then_query_the_quotes(tmp_path: Path, db_url: str) -> None:
    corpus = jsonl_file(tmp_path, [0, 1])
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = run("ingest", str(corpus), str(tmp_path / "empty.txt"), "--db", db_url)
    assert result.exit_code == 2, result.output
    assert "stored 2, already stored 0, failed 1" in flat(result.stderr)
    again = run("ingest", str(corpus), "--db", db_url)
    assert again.exit_code == 0 and "stored 0, already stored 2" in flat(again.stderr)
    table = run("quotes", "--db", db_url, "--speaker", "nair")
    assert "We lost hundreds of books" in flat(table.stdout)
    rows = json.loads(
        run("quotes", "--db", db_url, "--about", "school buses", "--format", "json").stdout
    )
    assert [r["speaker_name"] for r in rows] == ["Ellen Hartley"]
    assert rows[0]["source_id"] == "line0"
    failures = run("failures", "--db", db_url, "--format", "jsonl")
    assert [json.loads(line)["input"] for line in failures.stdout.splitlines()] == [
        str(tmp_path / "empty.txt")
    ]


def test_quotes_with_files_keep_their_behaviour(tmp_path: Path) -> None:
    result = run("quotes", str(text_file(tmp_path, 0)), "--format", "jsonl")
    assert result.exit_code == 0
    assert any(
        json.loads(line)["speaker_name"] == "Ellen Hartley" for line in result.stdout.splitlines()
    )


def test_stored_events_timeline_and_search(seeded: str) -> None:
    events = run("events", "--db", seeded, "--type", "CONSULT", "--place", "Valmora")
    assert events.exit_code == 0
    assert "CONSULT" in flat(events.stdout) and "actor" in flat(events.stdout)
    as_json = run("events", "--db", seeded, "--actor", "harbour master", "--format", "json")
    assert [(v["actor_name"], v["trigger"]) for v in json.loads(as_json.stdout)] == [
        ("Mirela Dancu", "met")
    ]
    as_csv = list(csv.DictReader(io.StringIO(run("events", "--db", seeded, "-f", "csv").stdout)))
    assert [row["type"] for row in as_csv] == ["CONSULT", "THREATEN"]
    timeline = run("timeline", "--actor", "Dancu", "--db", seeded, "--format", "json")
    assert [entry["what"] for entry in json.loads(timeline.stdout)] == [
        "quote", "CONSULT", "quote", "THREATEN", "quote",
    ]  # fmt: skip
    merged = run("events", "--db", seeded, "--merge", "--format", "json")
    assert [(v["type"], v["articles"], v["sources"]) for v in json.loads(merged.stdout)] == [
        ("CONSULT", 1, ["sha256:harbour"]),
        ("THREATEN", 1, ["sha256:ferry"]),
    ]
    search = run("search", "wage deal", "--db", seeded)
    assert "Harbour Deal Signed" in flat(search.stdout)


def test_a_missing_store_is_reported(tmp_path: Path) -> None:
    result = run("quotes", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1
    assert "run `dateline ingest` first" in flat(result.stderr)


def test_export_jsonl_csv_geojson_and_plover(seeded: str) -> None:
    records = run("export", "--to", "jsonl", "--db", seeded).stdout.splitlines()
    assert sorted(json.loads(r)["article"]["id"] for r in records) == [
        "sha256:ferry",
        "sha256:harbour",
    ]
    only_ferry = run("export", "--to", "jsonl", "--db", seeded, "--about", "sail").stdout
    assert [json.loads(r)["article"]["id"] for r in only_ferry.splitlines()] == ["sha256:ferry"]
    rows = list(csv.DictReader(io.StringIO(run("export", "--to", "csv", "--db", seeded).stdout)))
    assert [(r["fact"], r["kind"]) for r in rows] == [
        ("quote", "direct"), ("quote", "indirect"), ("quote", "direct"),
        ("event", "CONSULT"), ("event", "THREATEN"),
    ]  # fmt: skip
    geo = json.loads(run("export", "--to", "geojson", "--db", seeded).stdout)
    kinds = [(f["properties"]["kind"], f["geometry"]["coordinates"]) for f in geo["features"]]
    assert kinds == [("place", [-8.6, 41.1]), ("event", [-8.6, 41.1])]
    plover = [
        json.loads(line)
        for line in run("export", "--to", "plover", "--db", seeded).stdout.splitlines()
    ]
    assert [(p["event"], p["date"]) for p in plover] == [
        (["CONSULT"], "2024-03-04"),
        (["THREATEN"], "2024-05-19"),
    ]
    assert [a["entity_text"] for a in plover[0]["actor"]] == ["Mirela Dancu"]
    assert plover[0]["event_loc"]["resolved_place"] == "Valmora"


def test_export_parquet_needs_a_file_and_writes_flat_rows(seeded: str, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    assert run("export", "--to", "parquet", "--db", seeded).exit_code == 1
    path = tmp_path / "facts.parquet"
    result = run("export", "--to", "parquet", "--db", seeded, "-o", str(path), "--type", "consult")
    assert result.exit_code == 0, result.output
    table = pq.read_table(path).to_pylist()
    assert [(row["fact"], row["kind"], row["lat"]) for row in table] == [("event", "CONSULT", 41.1)]


def test_merged_quotes_list_every_article_carrying_them(db_url: str) -> None:
    words = "We will not sail for less than we were promised last year"
    records = []
    for name in ("one", "two"):
        record = ferry_record()
        text = record["article"]["text"] + f"\n\n“{words},” Dancu told the {name} paper."
        record["article"].update(id=f"sha256:{name}", source_id=name, text=text)
        start = text.index(words)
        record["quotes"] = [
            {**record["quotes"][0], "id": "q1", "start": start, "end": start + len(words),
             "content": words}
        ]  # fmt: skip
        records.append(record)
    with open_store(db_url) as store:
        store.save_records(records)
    result = run("quotes", "--db", db_url, "--merge", "--format", "json")
    assert [(q["content"], q["sources"]) for q in json.loads(result.stdout)] == [
        (words, ["one", "two"])
    ]
