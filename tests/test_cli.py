"""The command line, through Typer's runner: what users type and what they get back.

Records go to standard output, errors to standard error (click >= 8.2 keeps them apart:
`result.stdout`, `result.stderr`, and `result.output` for both as a terminal shows them).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import jsonschema
import pytest
import typer.main
from typer import _click as typer_click  # the Click that Typer carries
from typer.testing import CliRunner

from dateline import __version__
from dateline.cli import app

from .conftest import EXAMPLES, ROOT

WIRE = "examples/wire_dateline.txt"
NO_BYLINE = "examples/no_byline.txt"
ANALYZE_OPTIONS = {"--format", "--input-type", "--encoding", "--max-bytes", "--model"}

BODY = (
    "The town council of Millbrook voted on Tuesday night to rebuild the old stone bridge over "
    "the river, after residents had complained for years that the crossing was no longer safe "
    "for school buses. The mayor, Ellen Hartley, said the work would start as soon as the "
    "engineers had finished their survey."
)
LATIN1_TEXT = (
    "The new café on Market Street opened its doors this week, and the owner said that the "
    "queue outside was longer than she had ever hoped for on a first morning in the town.\n"
)

runner = CliRunner()


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch) -> None:
    """Relative paths are the repository's; no DATELINE_* setting leaks in from outside."""
    monkeypatch.chdir(ROOT)
    for name in [n for n in os.environ if n.startswith("DATELINE_")]:
        monkeypatch.delenv(name)


def run(*args: str, input: str | bytes | None = None) -> Any:
    return runner.invoke(app, list(args), input=input)


def flat(text: str) -> str:
    """Terminal text without styles and with Rich's line wrapping undone."""
    return " ".join(click.unstyle(text).split())


def json_stream(text: str) -> list[dict[str, Any]]:
    """The JSON objects of `--format json` output, printed one after another."""
    decoder = json.JSONDecoder()
    objects, index = [], 0
    while index < len(text):
        if text[index].isspace():
            index += 1
            continue
        obj, index = decoder.raw_decode(text, index)
        objects.append(obj)
    return objects


def validate(record: dict[str, Any], schema: dict[str, Any] | None) -> None:
    if schema is not None:
        jsonschema.validate(record, schema)


# --- output formats ------------------------------------------------------------------------


def test_analyze_json(schema: dict[str, Any] | None) -> None:
    result = run("analyze", WIRE, "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    record = json.loads(result.stdout)  # exactly one object, nothing else on stdout
    article = record["article"]
    text = (EXAMPLES / "wire_dateline.txt").read_text("utf-8")
    assert record["dateline"] == __version__
    assert article["source_id"] == WIRE
    assert article["text"] == text
    assert article["id"] == "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert any(e["name"] == "Samuel Mwangi" for e in record["entities"])
    validate(record, schema)


def test_analyze_jsonl_two_files(schema: dict[str, Any] | None) -> None:
    result = run("analyze", WIRE, NO_BYLINE, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert [r["article"]["source_id"] for r in records] == [WIRE, NO_BYLINE]
    for record in records:
        validate(record, schema)


def test_analyze_json_two_files_prints_one_object_each() -> None:
    result = run("analyze", WIRE, NO_BYLINE)
    assert result.exit_code == 0, result.output
    records = json_stream(result.stdout)
    assert [r["article"]["source_id"] for r in records] == [WIRE, NO_BYLINE]


def test_analyze_table() -> None:
    result = run("analyze", WIRE, "--format", "table")
    assert result.exit_code == 0, result.output
    shown = flat(result.stdout)
    assert "Mwangi Says Sudan Rivals Agree to Open Aid Corridors After Geneva Talks" in shown
    assert "Samuel Mwangi" in shown
    assert "Hannah Lowe" in shown
    assert "{" not in shown  # a summary for people, not JSON


def test_standard_input() -> None:
    text = (EXAMPLES / "no_byline.txt").read_text("utf-8")
    result = run("analyze", "-", input=text)
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["article"]["text"] == text
    assert record["article"]["source_id"] == "-"


def test_standard_input_with_bom_and_crlf() -> None:
    text = (EXAMPLES / "no_byline.txt").read_text("utf-8")
    data = ("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8")
    result = run("analyze", "-", "--format", "jsonl", input=data)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["article"]["text"] == text


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"dateline {__version__}"


def _listed_commands(module: str) -> list[str]:
    """The command names `python -m <module> --help` lists, in order, run as users run it."""
    environment = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", module, "--help"],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
        cwd=ROOT,
    )
    commands_panel = result.stdout.split("Commands", 1)[1]  # the last panel of the help
    return re.findall(r"(?m)^\W*([a-z][a-z-]*)\s{2,}\S", commands_panel)


def test_both_module_entry_points_list_every_command() -> None:
    # `python -m dateline` and `python -m dateline.cli` must build the same app.
    by_package = _listed_commands("dateline")
    by_cli_module = _listed_commands("dateline.cli")
    assert by_cli_module == by_package
    assert {"analyze", "quotes", "events", "ingest", "export", "serve"} <= set(by_package)


# --- bad input -----------------------------------------------------------------------------


@pytest.fixture
def bad_files(tmp_path: Path) -> tuple[str, str]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "logo.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    return str(empty), str(binary)


def test_bad_files_among_good_ones_json(bad_files: tuple[str, str]) -> None:
    empty, binary = bad_files
    result = run("analyze", WIRE, empty, NO_BYLINE, binary)
    assert result.exit_code == 2, result.output
    records = json_stream(result.stdout)
    assert [r["article"]["source_id"] for r in records] == [WIRE, NO_BYLINE]
    errors = flat(result.stderr)
    assert f"{empty}: is empty" in errors
    assert f"{binary}: looks binary" in errors
    assert "2 input(s) could not be analysed" in errors


def test_bad_files_among_good_ones_jsonl_keep_their_place(bad_files: tuple[str, str]) -> None:
    empty, binary = bad_files
    result = run("analyze", WIRE, empty, NO_BYLINE, binary, "--format", "jsonl")
    assert result.exit_code == 2, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["article"]["source_id"] for r in lines] == [WIRE, empty, NO_BYLINE, binary]
    assert ["error" in r for r in lines] == [False, True, False, True]
    assert "is empty" in lines[1]["error"]
    assert "looks binary" in lines[3]["error"]


def test_only_bad_input(bad_files: tuple[str, str]) -> None:
    empty, _ = bad_files
    result = run("analyze", empty)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"{empty}: is empty" in flat(result.stderr)


def test_bad_input_names_are_printed_as_given(tmp_path: Path) -> None:
    # Square brackets in a name are not Rich markup: the name is printed as it is.
    odd = tmp_path / "draft[red].txt"
    odd.write_bytes(b"")
    result = run("analyze", str(odd))
    assert result.exit_code == 2
    assert f"{odd}: is empty" in flat(result.stderr)


def test_jsonl_corpus_with_a_broken_line(tmp_path: Path, schema: dict[str, Any] | None) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        json.dumps({"id": "first", "text": BODY})
        + "\n"
        + '{"id": "second", "text": "cut off\n'
        + json.dumps({"id": "third", "text": BODY.replace("Millbrook", "Eastwick")})
        + "\n",
        encoding="utf-8",
    )
    result = run("analyze", str(corpus), "--format", "jsonl")
    assert result.exit_code == 2, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 3
    first, broken, third = lines
    assert broken.keys() == {"dateline", "article", "error", "code"}
    assert broken["code"] == "D102"
    assert broken["dateline"] == __version__
    assert broken["article"] == {"source_id": f"{corpus}:2"}
    assert f"{corpus}:2: not a JSON line" in broken["error"]
    assert first["article"]["source_id"] == "first"
    assert third["article"]["source_id"] == "third"
    assert "Eastwick" in third["article"]["text"]
    for record in (first, third):
        validate(record, schema)
    assert f"{corpus}:2" in flat(result.stderr)


def test_encoding_option(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(LATIN1_TEXT.encode("latin-1"))

    refused = run("analyze", str(path))
    assert refused.exit_code == 2
    assert refused.stdout == ""
    assert "is not valid utf-8" in flat(refused.stderr)
    assert "--encoding" in flat(refused.stderr)

    result = run("analyze", str(path), "--encoding", "latin-1")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["article"]["text"] == LATIN1_TEXT


def test_unknown_encoding() -> None:
    result = run("analyze", WIRE, "--encoding", "klingon-8")
    assert result.exit_code == 2
    assert "unknown encoding 'klingon-8'" in flat(result.stderr)


def test_max_bytes_option() -> None:
    result = run("analyze", WIRE, "--max-bytes", "10")
    assert result.exit_code == 2
    assert result.stdout == ""
    errors = flat(result.stderr)
    assert f"{WIRE}: " in errors
    assert "is over the limit of 10" in errors


def test_max_bytes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATELINE_MAX_TEXT_BYTES", "10")
    assert run("analyze", WIRE).exit_code == 2
    # The flag overrides the environment.
    assert run("analyze", WIRE, "--max-bytes", "10000000").exit_code == 0


def test_unknown_model() -> None:
    result = run("analyze", WIRE, "--model", "not_a_model_xyz")
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)  # a message, not a traceback
    assert result.stdout == ""
    errors = flat(result.stderr)
    assert "error: [D201] cannot load the spaCy pipeline 'not_a_model_xyz'" in errors
    assert "pip install not_a_model_xyz" in errors
    assert "DATELINE_MODEL" in errors


# --- help and docs -------------------------------------------------------------------------


# Typer 0.29 builds its commands on its own copy of click (`typer._click`), not on the
# installed `click` package, so the command objects are read by their attributes.


def _group() -> Any:
    """The app's Click group with every command built (they are built when first asked for)."""
    group = typer.main.get_command(app)
    assert hasattr(group, "commands"), group
    context = typer_click.Context(group)
    for name in group.list_commands(context):
        assert group.get_command(context, name) is not None, name
    return group


def test_a_store_query_command_loads_no_pipeline() -> None:
    """`dateline sources --help` (or any store query) starts without importing spaCy, the
    HTML extractor or the server: the command's module alone is imported."""
    probe = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from dateline.cli import app\n"
        "for name in ('sources', 'positions', 'entities'):\n"
        "    assert CliRunner().invoke(app, [name, '--help']).exit_code == 0, name\n"
        "print(sorted(m for m in ('spacy', 'fastapi', 'trafilatura') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == "[]", done.stdout + done.stderr


def _options(command: Any) -> list[Any]:
    return [p for p in command.params if p.param_type_name == "option" and p.name != "help"]


def _long_options(command: Any) -> set[str]:
    return {opt for param in _options(command) for opt in param.opts if opt.startswith("--")}


def test_help_lists_every_command() -> None:
    result = run("--help")
    assert result.exit_code == 0
    shown = flat(result.stdout)
    commands = _group().commands
    assert "analyze" in commands
    for name in commands:
        assert name in shown


def test_analyze_help_mentions_every_option_with_help_text() -> None:
    analyze = _group().commands["analyze"]
    options = _long_options(analyze)
    assert options >= ANALYZE_OPTIONS
    for param in analyze.params:
        assert (param.help or "").strip(), f"{param.name} has no help text"
    result = run("analyze", "--help")
    assert result.exit_code == 0
    shown = flat(result.stdout)
    for option in options:
        assert option in shown
    for choice in ("json", "jsonl", "table", "auto", "text", "html"):
        assert choice in shown


def test_readme_documents_every_command_and_option() -> None:
    readme = ROOT / "README.md"
    if not readme.is_file():
        pytest.skip("README.md is not written yet")
    text = readme.read_text("utf-8")
    group = _group()
    missing = [name for name in group.commands if name not in text]
    for command in _leaf_commands(group):
        missing += sorted(o for o in _long_options(command) if o not in text)
    assert not missing, f"README.md does not mention: {', '.join(missing)}"


def _leaf_commands(group: Any) -> list[Any]:
    """Every command, the subcommands of a group ("token create") included."""
    found = []
    for command in group.commands.values():
        found += _leaf_commands(command) if hasattr(command, "commands") else [command]
    return found


def test_settings_from_the_environment_are_typed() -> None:
    from dateline.settings import Settings

    settings = Settings.from_env({"DATELINE_VERIFY_MODEL": "0", "DATELINE_BATCH_SIZE": "8"})
    assert settings.verify_model is False
    assert settings.batch_size == 8
