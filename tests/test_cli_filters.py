"""`dateline quotes FILE...` and `dateline events FILE...` with their filters: every flag
selects among the facts of the analysed files, as it does among the store's.

The three articles in fixtures/filters are written for these tests: a tram strike reported
from Porto on 3 June 2025 and again from Lisbon the next day (the same quote and the same
meeting in both, for --merge), and a ferry company's threat of May 2024.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.store import open_store

from .test_store import ferry_record, harbour_record

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "filters"
PORTO, LISBON, FERRY = (
    str(FIXTURES / name) for name in ("porto_strike.txt", "lisbon_walkout.txt", "ferry_pier.txt")
)
FILES = [PORTO, LISBON, FERRY]

runner = CliRunner()


def run(*args: str) -> Any:
    return runner.invoke(app, list(args))


def lines(command: str, *flags: str, files: list[str] = FILES) -> list[dict[str, Any]]:
    """The JSON lines `dateline COMMAND FILES --format jsonl FLAGS` prints; it must succeed."""
    result = run(command, *files, "--format", "jsonl", *flags)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line]


def flat(text: str) -> str:
    return " ".join(click.unstyle(text).split())


def name(fact: dict[str, Any]) -> str:
    return Path(fact["source_id"]).name


@pytest.fixture(scope="module")
def every_quote() -> list[dict[str, Any]]:
    found = lines("quotes")
    assert {name(q) for q in found} == {Path(f).name for f in FILES}
    return found


@pytest.fixture(scope="module")
def every_event() -> list[dict[str, Any]]:
    found = lines("events")
    assert {v["type"] for v in found} >= {"CONSULT", "COERCE", "THREATEN"}
    return found


def _narrower(kept: list[dict[str, Any]], every: list[dict[str, Any]]) -> None:
    """The filter kept something, left something out, and invented nothing."""
    assert kept and len(kept) < len(every)
    assert all(fact in every for fact in kept)


# -- quotes ----------------------------------------------------------------------------------


def test_quotes_speaker_is_any_part_of_the_name_in_any_case(
    every_quote: list[dict[str, Any]],
) -> None:
    kept = lines("quotes", "--speaker", "CALADO")
    _narrower(kept, every_quote)
    assert all("calado" in q["speaker_name"].lower() for q in kept)
    assert {name(q) for q in kept} == {"porto_strike.txt", "lisbon_walkout.txt"}


def test_quotes_about_finds_the_words_as_the_store_s_search_does(
    every_quote: list[dict[str, Any]],
) -> None:
    kept = lines("quotes", "--about", "wage")  # the quote says "wages": stems meet
    _narrower(kept, every_quote)
    assert all("wages" in q["content"] for q in kept)
    assert lines("quotes", "--about", "wages pier") == []  # every word must be there


def test_quotes_since_counts_the_article_s_day(every_quote: list[dict[str, Any]]) -> None:
    kept = lines("quotes", "--since", "2025-06-04")
    _narrower(kept, every_quote)
    assert {name(q) for q in kept} == {"lisbon_walkout.txt"}


def test_quotes_until_includes_the_whole_year_it_names(
    every_quote: list[dict[str, Any]],
) -> None:
    kept = lines("quotes", "--until", "2024")
    _narrower(kept, every_quote)
    assert {name(q) for q in kept} == {"ferry_pier.txt"}


def test_quotes_place_is_where_it_was_said(every_quote: list[dict[str, Any]]) -> None:
    kept = lines("quotes", "--place", "lisbon")
    _narrower(kept, every_quote)
    assert [(name(q), q["speaker_name"]) for q in kept] == [("lisbon_walkout.txt", "Rui Calado")]


def test_quotes_limit_caps_the_rows_across_files(every_quote: list[dict[str, Any]]) -> None:
    assert lines("quotes", "--limit", "3") == every_quote[:3]
    assert lines("quotes", "--limit", "0") == every_quote


def test_quotes_merge_shows_a_statement_once_with_every_article(
    every_quote: list[dict[str, Any]],
) -> None:
    merged = lines("quotes", "--merge", "--speaker", "calado")
    assert [(m["content"].rstrip(","), m["articles"]) for m in merged] == [
        ("Nobody can live on these wages any more", 2)
    ]
    assert sorted(Path(s).name for s in merged[0]["sources"]) == [
        "lisbon_walkout.txt",
        "porto_strike.txt",
    ]
    assert len(lines("quotes", "--merge")) < len(every_quote)


def test_quotes_table_shows_only_the_articles_with_kept_quotes() -> None:
    result = run("quotes", *FILES, "--speaker", "Olsund")
    assert result.exit_code == 0, result.output
    shown = flat(result.stdout)
    assert "A ship cannot dock" in shown and "ferry_pier.txt" in shown
    assert "Nobody can live" not in shown and "porto_strike.txt" not in shown


def test_filters_combine(every_quote: list[dict[str, Any]]) -> None:
    kept = lines("quotes", "--speaker", "calado", "--since", "2025-06-04")
    assert [name(q) for q in kept] == ["lisbon_walkout.txt"]


# -- events ----------------------------------------------------------------------------------


def test_events_type_in_any_case(every_event: list[dict[str, Any]]) -> None:
    kept = lines("events", "--type", "consult")
    _narrower(kept, every_event)
    assert {v["type"] for v in kept} == {"CONSULT"}


def test_events_actor_is_the_actor_or_the_recipient(every_event: list[dict[str, Any]]) -> None:
    as_actor = lines("events", "--actor", "vasconcelos")
    _narrower(as_actor, every_event)
    assert all("Vasconcelos" in v["actor_name"] for v in as_actor)
    as_recipient = lines("events", "--actor", "UNION LEADERS")
    assert as_recipient == as_actor  # the same meetings, found by their other side


def test_events_place(every_event: list[dict[str, Any]]) -> None:
    kept = lines("events", "--place", "Lisb")
    _narrower(kept, every_event)
    assert [(name(v), v["type"]) for v in kept] == [("lisbon_walkout.txt", "COERCE")]


def test_events_since_and_until(every_event: list[dict[str, Any]]) -> None:
    june = lines("events", "--since", "2025-06", "--until", "2025-06-03")
    _narrower(june, every_event)
    assert {(v["type"], v["date"]) for v in june} == {("CONSULT", "2025-06-03")}
    assert {name(v) for v in lines("events", "--until", "2024-12-31")} == {"ferry_pier.txt"}


def test_events_limit(every_event: list[dict[str, Any]]) -> None:
    assert lines("events", "--limit", "1") == every_event[:1]


def test_events_merge_joins_reports_of_one_meeting() -> None:
    merged = lines("events", "--merge", "--type", "CONSULT")
    assert [(v["type"], v["day"], v["place_name"], v["articles"]) for v in merged] == [
        ("CONSULT", "2025-06-03", "Porto", 2)
    ]


def test_events_plover_lines_are_filtered_too() -> None:
    plover = lines("events", "--type", "THREATEN", "--format", "plover")
    assert [(p["event"], p["text_info"]["source_id"]) for p in plover] == [(["THREATEN"], FERRY)]


# -- what is refused -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "flags", "says"),
    [
        ("quotes", ["--since", "last week"], "is not an ISO 8601 date"),
        ("quotes", ["--until", "4/6/2025"], "is not an ISO 8601 date"),
        ("events", ["--type", "ASSALT"], "not a PLOVER type"),
        ("events", ["--merge", "--format", "plover"], "--merge gives merged rows"),
        ("quotes", ["--format", "csv"], "--format csv is for stored quotes"),
    ],
)
def test_a_filter_that_could_match_nothing_is_refused(
    command: str, flags: list[str], says: str
) -> None:
    result = run(command, PORTO, *flags)
    assert result.exit_code == 2
    assert says in flat(result.stderr)
    assert result.stdout == ""


def test_the_store_refuses_the_same_values(tmp_path: Path) -> None:
    result = run("events", "--db", str(tmp_path / "none.db"), "--type", "ASSALT")
    assert result.exit_code == 2 and "not a PLOVER type" in flat(result.stderr)


def test_a_limit_stops_before_a_bad_input_is_reached(tmp_path: Path) -> None:
    """Reading stops at the limit, so an input beyond it is neither read nor reported."""
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = run("quotes", PORTO, str(empty), "--format", "jsonl", "--limit", "1")
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 1
    whole = run("quotes", PORTO, str(empty), "--format", "jsonl")
    assert whole.exit_code == 2


def test_stored_plover_lines_keep_to_the_limit_and_refuse_a_merge(tmp_path: Path) -> None:
    """`--format plover` on the store used to drop --limit and --merge without a word."""
    db = str(tmp_path / "corpus.db")
    with open_store(db) as store:
        store.save_records([harbour_record(), ferry_record()])
    everything = run("events", "--db", db, "--format", "plover")
    assert everything.exit_code == 0 and len(everything.stdout.splitlines()) == 2
    one = run("events", "--db", db, "--format", "plover", "--limit", "1")
    assert one.exit_code == 0 and len(one.stdout.splitlines()) == 1
    threats = run("events", "--db", db, "--format", "plover", "--type", "threaten")
    assert [json.loads(line)["event"] for line in threats.stdout.splitlines()] == [["THREATEN"]]
    merged = run("events", "--db", db, "--format", "plover", "--merge")
    assert merged.exit_code == 2 and "--merge gives merged rows" in flat(merged.stderr)


def test_punctuation_alone_is_no_text_filter() -> None:
    """As on the store (issue 13): `--about "?!"` filters nothing rather than failing."""
    plain = run("quotes", PORTO, "--format", "jsonl")
    punctuation = run("quotes", PORTO, "--about", "?!", "--format", "jsonl")
    assert punctuation.exit_code == 0
    assert punctuation.stdout == plain.stdout


def test_export_refuses_an_event_type_that_is_not_plovers(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["export", "--to", "jsonl", "--type", "ASSALT", "--db", str(tmp_path / "x.db")]
    )
    assert result.exit_code == 2
    assert "not a PLOVER type" in flat(result.stderr)
