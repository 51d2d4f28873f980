"""Input checks that mean what they say (issue 13, rows 7-10, 12, 13): decode first, then
look for NULs; BOMs and UTF-16/32; ISO dates for `published` and every date filter; the
options the error messages advise; articles in other languages stored, not failed."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import click
import pytest
import typer.main
from hypothesis import given
from hypothesis import strategies as st
from typer import _click as typer_click  # the Click that Typer carries
from typer.testing import CliRunner

from dateline.cli import app
from dateline.ingest import read_source
from dateline.ingest.dates import BadDateError, parse_iso_date
from dateline.ingest.decoding import BadInputError, decode, detect_language
from dateline.ingest.jsonl import InputFailure
from dateline.model import Article
from dateline.settings import Settings
from dateline.store import open_store

runner = CliRunner()
SRC = Path(__file__).resolve().parent.parent / "src" / "dateline"

STORY = (
    "KESTREL BAY, May 2 — The harbour board voted on Thursday to dredge the eastern channel "
    "before the autumn storms, and the work will start in June.\n\n"
    "“The boats cannot wait another winter,” said board chair Orla Penhallow.\n"
)
# Our own Spanish paragraph: long enough for the language check.
SPANISH = (
    "El ayuntamiento de la ciudad aprobó el martes un plan para reparar el puente viejo "
    "antes del invierno. Los vecinos dijeron que el tráfico en el centro es cada vez peor y "
    "que las obras deberían empezar cuanto antes, porque los niños cruzan el río todos los "
    "días para ir a la escuela."
)


def _flat(text: str) -> str:
    return " ".join(click.unstyle(text).split())


# -- decoding -----------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_read_with_the_encoding_given(codec: str) -> None:
    # Issue 13 row 7: the NUL check ran on the bytes, before decoding, and refused these.
    data = STORY.encode(codec)
    family = codec.split("-")[0] + "-" + codec.split("-")[1]
    assert decode(data, "story.txt", family) == STORY


@pytest.mark.parametrize("codec", ["utf-16", "utf-32", "utf-8-sig"])
def test_a_byte_order_mark_names_its_encoding_without_the_option(codec: str) -> None:
    assert decode(STORY.encode(codec), "story.txt") == STORY


def test_a_nul_far_into_the_text_is_refused() -> None:
    # Issue 13 row 8: only the first 8 KiB were looked at.
    text = STORY * 100 + "\x00" + STORY
    with pytest.raises(BadInputError, match="NUL character at offset"):
        decode(text.encode("utf-8"), "long.txt")


def test_control_characters_anywhere_are_counted() -> None:
    text = STORY * 40 + "\x01\x02\x03\x04" * 200
    with pytest.raises(BadInputError, match="control characters"):
        decode(text.encode("utf-8"), "tail.txt")


def test_a_jsonl_text_with_an_escaped_nul_is_a_failure_line(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "n", "text": STORY + "\u0000"}) + "\n", "utf-8")
    (item,) = read_source(str(corpus), Settings())
    assert isinstance(item, InputFailure) and "NUL" in item.reason


# -- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "meant"),
    [
        ("2024", "2024"),
        ("2024-04", "2024-04"),
        ("2024-04-30", "2024-04-30"),
        (" 2024-04-30 ", "2024-04-30"),
        ("2024-04-30T08:15:00+02:00", "2024-04-30"),
    ],
)
def test_iso_dates_and_partial_ones_are_read(given: str, meant: str) -> None:
    assert parse_iso_date(given) == meant


@pytest.mark.parametrize(
    "given", ["notadate", "2024-13", "03/01/2024", "2024-02-30", "24-01-01", "2024-4"]
)
def test_anything_else_is_refused(given: str) -> None:
    with pytest.raises(BadDateError, match="ISO 8601"):
        parse_iso_date(given)


@given(st.text(max_size=30))
def test_any_string_is_an_iso_date_or_refused(given: str) -> None:
    try:
        parsed = parse_iso_date(given)
    except BadDateError:
        return
    assert parsed is None or re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", parsed)


def test_a_jsonl_line_with_a_bad_published_is_refused(tmp_path: Path) -> None:
    # Issue 13 row 9: stored as "published": "notadate", against CONTRACT.md.
    corpus = tmp_path / "c.jsonl"
    lines = [{"id": "bad", "text": STORY, "published": "notadate"}]
    lines.append({"id": "good", "text": STORY, "published": "2024-05"})
    corpus.write_text("\n".join(json.dumps(line) for line in lines) + "\n", "utf-8")
    bad, good = read_source(str(corpus), Settings())
    assert isinstance(bad, InputFailure) and "'notadate' is not an ISO 8601 date" in bad.reason
    assert isinstance(good, Article) and good.given_date == "2024-05"


@pytest.mark.parametrize("since", ["notadate", "2024-13", "03/01/2024"])
def test_date_filters_of_the_cli_are_usage_errors(tmp_path: Path, since: str) -> None:
    # Issue 13 row 10: accepted, and compared as strings.
    db = str(tmp_path / "x.db")
    open_store(db).close()
    for command in ("quotes", "events"):
        result = runner.invoke(app, [command, "--db", db, "--since", since])
        assert result.exit_code == 2, result.output
        assert "ISO 8601" in _flat(result.output) and "Traceback" not in result.output
    until = runner.invoke(app, ["quotes", "--db", db, "--until", since])
    assert until.exit_code == 2


def test_the_store_refuses_a_date_filter_that_is_no_date(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "x.db")) as store:
        with pytest.raises(BadDateError):
            store.query_quotes(since="yesterday")
        assert store.query_events(since="2024", until="2024-06") == []


# -- advice ---------------------------------------------------------------------------------

# The commands that read input files, and so may give the reading errors' advice.
_READERS = ("analyze", "quotes", "events", "ingest")


def _advised_options() -> set[str]:
    """Every `--option` the input-reading errors tell a person to use."""
    found: set[str] = set()
    for path in (SRC / "ingest").glob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        docstrings = {
            id(node.value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if id(node) in docstrings:
                    continue
                found.update(re.findall(r"(?<![\w-])--[a-z][a-z-]+", node.value))
    return found


def test_every_option_the_input_errors_advise_exists_on_each_reading_command() -> None:
    # Issue 13 row 12: `dateline ingest --encoding latin-1`, the errors' advice, was refused.
    advised = _advised_options()
    assert {"--encoding", "--max-bytes"} <= advised
    group = typer.main.get_command(app)
    context = typer_click.Context(group)
    for name in _READERS:
        command = group.get_command(context, name)  # type: ignore[attr-defined]
        assert command is not None, name
        options = {o for p in command.params for o in getattr(p, "opts", [])}
        assert advised <= options, (name, advised - options)


def test_ingest_takes_the_encoding_it_advises(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes(STORY.replace("—", "-").replace("“", '"').replace("”", '"').encode("latin-1")
                      + "Café Ñandú reopened.\n".encode("latin-1"))  # fmt: skip
    db = str(tmp_path / "x.db")
    refused = runner.invoke(app, ["ingest", str(latin), "--db", db])
    assert refused.exit_code == 2
    result = runner.invoke(app, ["ingest", str(latin), "--db", db, "--encoding", "latin-1"])
    assert result.exit_code == 0, result.output
    assert "stored 1" in _flat(result.output)


# -- other languages ------------------------------------------------------------------------


def test_the_language_is_detected_and_short_texts_stay_english() -> None:
    assert detect_language(SPANISH) == "es"
    assert detect_language(STORY) == "en"
    assert detect_language("Hola amigos.") == "en"  # too short to tell


def test_an_article_in_another_language_is_stored_without_facts(tmp_path: Path) -> None:
    # Issue 13 row 13: recorded as a failure.
    corpus = tmp_path / "c.jsonl"
    rows = [{"id": "es", "text": SPANISH, "title": "Puente"}, {"id": "en", "text": STORY}]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", "utf-8")
    db = str(tmp_path / "x.db")
    result = runner.invoke(app, ["ingest", str(corpus), "--db", db])
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        assert store.failures() == []
        records = {r["article"]["source_id"]: r for r in store.records()}
    spanish = records["es"]
    assert spanish["article"]["language"] == "es" and spanish["article"]["title"] == "Puente"
    assert spanish["article"]["text"] == SPANISH
    assert not any(spanish[k] for k in ("entities", "quotes", "timexes", "places", "events"))
    assert records["en"]["article"]["language"] == "en" and records["en"]["quotes"]
