"""The command line: `dateline analyze FILE...` and friends.

Only this module prints. Records go to standard output (JSON, JSONL, or Rich tables for
people); errors and progress go to standard error, so `> out.jsonl` keeps clean data.
Exit status: 0 when every input was analysed, 2 when any input was bad input (its error names
it and the reason), 1 for anything else that went wrong.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from dateline.cli.console import EXIT_BAD_INPUT, err, out
from dateline.cli.corpus import ExportFormat, export, show_stored_events, show_stored_quotes
from dateline.cli.options import (
    AboutOption,
    ActorOption,
    DbOption,
    EventTypeOption,
    LimitOption,
    PlaceOption,
    QueryFormat,
    SinceOption,
    SpeakerOption,
    UntilOption,
)
from dateline.cli.report import print_events, print_quotes, print_summary
from dateline.errors import DatelineError
from dateline.export.plover import plover_events
from dateline.ingest import InputFailure, InputType, read_source
from dateline.model import Analysis, Article
from dateline.nlp.pipeline import analyze_articles
from dateline.record import failure_record, to_record
from dateline.record_types import AnalysisRecord, FailureRecord
from dateline.settings import Settings


class OutputFormat(StrEnum):
    JSON = "json"
    JSONL = "jsonl"
    TABLE = "table"


FilesArgument = Annotated[
    list[str],
    typer.Argument(
        help="Articles to analyse: .txt (text copied from a web page), .html pages, "
        '.jsonl corpora (one {"id", "text"|"html"} object per line), or - for '
        "standard input.",
        show_default=False,
    ),
]
InputTypeOption = Annotated[
    InputType,
    typer.Option(
        "--input-type",
        "-t",
        help="What the inputs are; auto looks at the file name and the content.",
    ),
]
EncodingOption = Annotated[
    str | None, typer.Option(help="Encoding of text inputs (default UTF-8), e.g. latin-1.")
]
MaxBytesOption = Annotated[
    int | None, typer.Option(help="Refuse articles larger than this many bytes (default 5 MB).")
]
ModelOption = Annotated[
    str | None,
    typer.Option(
        help="Installed spaCy pipeline to use, e.g. en_core_web_trf "
        "(default: the pinned en_core_web_sm 3.8.0; env DATELINE_MODEL)."
    ),
]


def analyze(
    files: FilesArgument,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="json: one indented record per article; jsonl: one "
            "record per line (for programs); table: a readable summary.",
        ),
    ] = OutputFormat.JSON,
    input_type: InputTypeOption = InputType.AUTO,
    encoding: EncodingOption = None,
    max_bytes: MaxBytesOption = None,
    model: ModelOption = None,
) -> None:
    """Analyse articles and print one analysis record each (see CONTRACT.md).

    Examples:

      dateline analyze story.txt --format table

      dateline analyze corpus.jsonl --format jsonl > records.jsonl

      curl -s https://example.org/a.html | dateline analyze - --input-type html

    A bad input (empty, binary, not UTF-8, too large, not English, not JSON) is reported on
    standard error with the reason; in a JSONL corpus it becomes a record with an "error"
    field and the rest goes on. The exit status is 2 when any input was bad.
    """
    settings = _settings(encoding=encoding, max_text_bytes=max_bytes, model=model)
    printed = 0

    def show(analysis: Analysis) -> None:
        nonlocal printed
        _print_record(analysis, output_format, printed == 0)
        printed += 1

    _run(files, settings, input_type, show, json_errors=output_format == OutputFormat.JSONL)
    if output_format == OutputFormat.JSON and printed:
        out.file.write("\n")


# `quotes` and `events` analyse the files given, or query the store when given none.
FilesOrStoreArgument = Annotated[
    list[str] | None,
    typer.Argument(
        help="Articles to analyse (as for analyze); none: query the store instead.",
        show_default=False,
    ),
]


def quotes(
    files: FilesOrStoreArgument = None,
    output_format: Annotated[
        QueryFormat,
        typer.Option(
            "--format",
            "-f",
            help="table: who said what, for people; json/jsonl: each quote as a JSON object "
            "with its article's source_id; csv: stored quotes, one per row.",
        ),
    ] = QueryFormat.TABLE,
    input_type: InputTypeOption = InputType.AUTO,
    encoding: EncodingOption = None,
    max_bytes: MaxBytesOption = None,
    model: ModelOption = None,
    speaker: SpeakerOption = None,
    about: AboutOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    place: PlaceOption = None,
    db: DbOption = None,
    limit: LimitOption = 100,
    merge: Annotated[
        bool,
        typer.Option(
            "--merge", help="Stored quotes: each statement once, with every article carrying it."
        ),
    ] = False,
) -> None:
    """Who said what: the quotes of each article, with speakers, cues, dates and places.

    Direct quotes ("…," she said), partial quotes (called it "…") and reported speech
    (he said that …), each with its speaker resolved to a person or organisation. Without
    files, the quotes come from the store (`dateline ingest`), filtered by the options.

    Examples:

      dateline quotes story.txt

      dateline quotes corpus.jsonl --format jsonl > quotes.jsonl

      dateline quotes --speaker Lindqvist --about cables --since 2025-03-01
    """
    if not files:
        show_stored_quotes(
            db,
            output_format,
            speaker=speaker,
            about=about,
            since=since,
            until=until,
            place=place,
            limit=limit,
            merge=merge,
        )
        return

    def lines(record: AnalysisRecord) -> Sequence[Mapping[str, object]]:
        source = record["article"]["source_id"]
        return [{"source_id": source, **quote} for quote in record["quotes"]]

    _print_facts(
        files,
        FactsView("quotes", output_format.value, print_quotes, lines),
        _settings(encoding=encoding, max_text_bytes=max_bytes, model=model),
        input_type,
    )


class EventFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    PLOVER = "plover"


def events(
    files: FilesOrStoreArgument = None,
    output_format: Annotated[
        EventFormat,
        typer.Option(
            "--format",
            "-f",
            help="table: who did what to whom, for people; json/jsonl: each event as in the "
            "record, with its article's source_id; csv: stored events, one per row; plover: "
            "one PLOVER JSON event per line, in the PLOVER manual's field names.",
        ),
    ] = EventFormat.TABLE,
    input_type: InputTypeOption = InputType.AUTO,
    encoding: EncodingOption = None,
    max_bytes: MaxBytesOption = None,
    model: ModelOption = None,
    event_type: EventTypeOption = None,
    actor: ActorOption = None,
    place: PlaceOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
    limit: LimitOption = 100,
    merge: Annotated[
        bool,
        typer.Option("--merge", help="Stored events: each once, with every article reporting it."),
    ] = False,
) -> None:
    """Who did what to whom: events coded in PLOVER, with actors, triggers, dates and places.

    Meetings (CONSULT), offers (AGREE), demands (REQUEST), accusations (ACCUSE), strikes
    (ASSAULT), aid (AID) and the rest of PLOVER's 16 types, each with its actor and
    recipient (country code and sector), trigger words, date and place. Without files, the
    events come from the store (`dateline ingest`), filtered by the options.

    Examples:

      dateline events story.txt

      dateline events corpus.jsonl --format plover > events.plover.jsonl

      dateline events --type ASSAULT --place "Gaza Strip"
    """
    if not files:
        _stored_events(
            db, output_format, event_type, actor, place, since, until, limit, merge=merge
        )
        return

    def lines(record: AnalysisRecord) -> Sequence[Mapping[str, object]]:
        if output_format == EventFormat.PLOVER:
            return plover_events(record)
        source = record["article"]["source_id"]
        return [{"source_id": source, **event} for event in record["events"]]

    _print_facts(
        files,
        FactsView("events", output_format.value, print_events, lines),
        _settings(encoding=encoding, max_text_bytes=max_bytes, model=model),
        input_type,
    )


@dataclass(frozen=True, slots=True)
class FactsView:
    """How `quotes` or `events` show the facts of analysed files: a table, or JSON lines."""

    facts: str
    output_format: str
    print_table: Callable[[Console, Analysis], None]
    lines: Callable[[AnalysisRecord], Sequence[Mapping[str, object]]]


def _print_facts(
    files: list[str], view: FactsView, settings: Settings, input_type: InputType
) -> None:
    """Analyse files and print one kind of their facts; CSV is for stored facts only."""
    if view.output_format == "csv":
        err.print(f"[red]error:[/red] --format csv is for stored {view.facts}: give no files")
        raise typer.Exit(EXIT_BAD_INPUT)
    indent = 2 if view.output_format == "json" else None

    def show(analysis: Analysis) -> None:
        if view.output_format == "table":
            view.print_table(out, analysis)
            return
        for line in view.lines(to_record(analysis)):
            out.file.write(json.dumps(line, ensure_ascii=False, indent=indent) + "\n")

    _run(files, settings, input_type, show, json_errors=view.output_format != "table")


def _stored_events(
    db: str | None,
    output_format: EventFormat,
    event_type: str | None,
    actor: str | None,
    place: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    *,
    merge: bool,
) -> None:
    """`dateline events` without files: the store's events, as a table, rows or PLOVER."""
    if output_format == EventFormat.PLOVER:
        export(
            to=ExportFormat.PLOVER,
            db=db,
            event_type=event_type,
            actor=actor,
            place=place,
            since=since,
            until=until,
        )
        return

    show_stored_events(
        db,
        QueryFormat(output_format.value),
        event_type=event_type,
        place=place,
        actor=actor,
        since=since,
        until=until,
        limit=limit,
        merge=merge,
    )


def _settings(**flags: Any) -> Settings:
    """The environment's settings with the command's flags over them; a bad value ends the
    command with its message instead of a traceback."""
    try:
        return Settings.from_env().with_overrides(**flags)
    except DatelineError as error:
        err.print(f"[red]error:[/red] {escape(str(error))}", highlight=False)
        raise typer.Exit(1) from error


def _run(
    files: list[str],
    settings: Settings,
    input_type: InputType,
    show: Callable[[Analysis], None],
    *,
    json_errors: bool,
) -> None:
    """Analyse every input, show each analysis, report bad inputs; exit 2 if any was bad."""
    failures: list[InputFailure] = []
    articles = _articles(files, settings, input_type, failures)
    try:
        for item in _analysed(articles, settings, failures):
            if isinstance(item, InputFailure):
                _report_failure(item, json_errors)
            else:
                show(item)
    except DatelineError as error:
        err.print(f"[red]error:[/red] {escape(str(error))}", highlight=False)
        raise typer.Exit(1) from error
    if failures:
        err.print(f"[yellow]{len(failures)} input(s) could not be analysed[/yellow]")
        raise typer.Exit(EXIT_BAD_INPUT)


def _articles(
    files: list[str], settings: Settings, input_type: InputType, failures: list[InputFailure]
) -> Iterator[Article | InputFailure]:
    for source in files:
        for item in read_source(source, settings, input_type):
            if isinstance(item, InputFailure):
                failures.append(item)
            yield item


def _analysed(
    items: Iterator[Article | InputFailure], settings: Settings, failures: list[InputFailure]
) -> Iterator[Analysis | InputFailure]:
    """Articles through the pipeline in order, failures passed along where they stood.

    spaCy reads a whole batch ahead, so each failure is held with the number of articles read
    before it, and let out just before the analysis of the article that followed it.
    """
    pending: list[tuple[int, InputFailure]] = []
    read = 0

    def articles_only() -> Iterator[Article]:
        nonlocal read
        for item in items:
            if isinstance(item, InputFailure):
                pending.append((read, item))
            else:
                read += 1
                yield item

    with _progress() as progress:
        task = progress.add_task("analysing", total=None)
        done = 0
        for analysis in analyze_articles(articles_only(), settings):
            yield from _drain(pending, done)
            progress.advance(task)
            done += 1
            if analysis.failure is None:
                yield analysis
                continue
            failure = InputFailure(str(analysis.article.source_id), analysis.failure)
            failures.append(failure)
            yield failure
        yield from _drain(pending, done)


def _drain(pending: list[tuple[int, InputFailure]], done: int) -> Iterator[InputFailure]:
    """The held failures that came before article number `done` (counting from 0)."""
    while pending and pending[0][0] <= done:
        yield pending.pop(0)[1]


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def _report_failure(failure: InputFailure, json_errors: bool) -> None:
    err.print(f"[red]bad input:[/red] {escape(failure.reason)}", highlight=False)
    if json_errors:
        _write_json_line(failure_record(failure.source_id, failure.reason))


def _write_json_line(record: AnalysisRecord | FailureRecord) -> None:
    out.file.write(json.dumps(record, ensure_ascii=False) + "\n")


def _print_record(analysis: Analysis, output_format: OutputFormat, first: bool) -> None:
    if output_format == OutputFormat.JSONL:
        _write_json_line(to_record(analysis))
    elif output_format == OutputFormat.JSON:
        out.file.write(
            ("" if first else "\n") + json.dumps(to_record(analysis), ensure_ascii=False, indent=2)
        )
    else:
        print_summary(out, analysis)
