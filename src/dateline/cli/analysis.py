"""The command line: `dateline analyze FILE...` and friends.

Only this module prints. Records go to standard output (JSON, JSONL, or Rich tables for
people); errors and progress go to standard error, so `> out.jsonl` keeps clean data.
Exit status: 0 when every input was analysed, 2 when any input was bad input (its error names
it and the reason), 1 for anything else that went wrong.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Annotated, Any, NoReturn, TypeVar, cast

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from dateline.cli.console import EXIT_BAD_INPUT, err, out
from dateline.cli.corpus import (
    show_events,
    show_quotes,
    show_stored_events,
    show_stored_plover,
    show_stored_quotes,
)
from dateline.cli.options import (
    AboutOption,
    ActorOption,
    DbOption,
    EventTypeOption,
    PlaceOption,
    QueryFormat,
    SinceOption,
    SpeakerOption,
    UntilOption,
)
from dateline.cli.report import print_events, print_quotes, print_summary
from dateline.corpus.filters import (
    EventFilters,
    FilterError,
    QuoteFilters,
    results_of,
    select_events,
    select_quotes,
)
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


class EventClassifier(StrEnum):
    """How the events stage may use its learned classifier (Settings.event_classifier)."""

    OFF = "off"
    FALLBACK = "fallback"
    FILTER = "filter"


EventClassifierOption = Annotated[
    EventClassifier | None,
    typer.Option(
        "--event-classifier",
        help="The learned event classifier's part: off (default; the coding rules alone), "
        "fallback (a sentence the rules leave uncoded that the classifier is sure reports "
        "an event gets one, typed by it: more events found, more of them mistyped), or "
        "filter (drop the events of a sentence it is sure reports none: fewer false events, "
        "some true ones lost). Neither raised the held-fold figures; env "
        "DATELINE_EVENT_CLASSIFIER.",
        show_default=False,
    ),
]
EventThresholdOption = Annotated[
    float | None,
    typer.Option(
        "--event-threshold",
        help="The classifier's P(no event) that decides: fallback codes a sentence below it "
        "(default 0.1), filter drops one at or above it (default 0.9); between 0 and 1.",
        show_default=False,
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
    event_classifier: EventClassifierOption = None,
    event_classifier_threshold: EventThresholdOption = None,
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
    settings = _analysis_settings(
        encoding, max_bytes, model, event_classifier, event_classifier_threshold
    )
    printed = 0

    def show(analysis: Analysis) -> None:
        nonlocal printed
        _print_record(analysis, output_format, printed == 0)
        printed += 1

    _run(files, settings, input_type, show, json_errors=output_format == OutputFormat.JSONL)
    if output_format == OutputFormat.JSON and printed:
        out.file.write("\n")


# `quotes` and `events` analyse the files given, or query the store when given none; the
# filters mean the same either way (dateline.corpus.filters reads them over records).
FilesOrStoreArgument = Annotated[
    list[str] | None,
    typer.Argument(
        help="Articles to analyse (as for analyze); none: query the store instead.",
        show_default=False,
    ),
]
# The store answers 100 rows unless told otherwise; files print every fact, as they always
# have, so `dateline quotes corpus.jsonl > quotes.jsonl` keeps the whole corpus.
STORE_LIMIT = 100
FactLimitOption = Annotated[
    int | None,
    typer.Option(
        help="At most this many rows (0: no limit; default: 100 from the store, every one "
        "from files, which stop being read once that many are shown).",
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
    limit: FactLimitOption = None,
    merge: Annotated[
        bool,
        typer.Option("--merge", help="Each statement once, with every article carrying it."),
    ] = False,
) -> None:
    """Who said what: the quotes of each article, with speakers, cues, dates and places.

    Direct quotes ("…," she said), partial quotes (called it "…") and reported speech
    (he said that …), each with its speaker resolved to a person or organisation. Without
    files, the quotes come from the store (`dateline ingest`). The filters select the
    quotes of the files or of the store alike.

    Examples:

      dateline quotes story.txt

      dateline quotes corpus.jsonl --format jsonl > quotes.jsonl

      dateline quotes corpus.jsonl --speaker Lindqvist --about cables

      dateline quotes --speaker Lindqvist --about cables --since 2025-03-01
    """
    filters = _filters(
        QuoteFilters, speaker=speaker, about=about, since=since, until=until, place=place
    )
    if not files:
        rows = STORE_LIMIT if limit is None else limit
        show_stored_quotes(db, output_format, filters, limit=rows, merge=merge)
        return
    settings = _settings(encoding=encoding, max_text_bytes=max_bytes, model=model)
    _refuse_csv(output_format.value, "quotes")
    if merge:

        def merged(records: list[AnalysisRecord]) -> None:
            found, _ = results_of(records, filters, None)
            show_quotes(found, output_format, limit=limit or 0, merge=True)

        _merge_files(files, settings, input_type, merged)
        return

    def lines(record: AnalysisRecord) -> Sequence[Mapping[str, object]]:
        source = record["article"]["source_id"]
        return [{"source_id": source, **quote} for quote in record["quotes"]]

    view = FactsView("quotes", output_format.value, print_quotes, lines, filters.any)
    _print_facts(files, view, lambda r: select_quotes(r, filters), settings, input_type, limit)


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
    event_classifier: EventClassifierOption = None,
    event_classifier_threshold: EventThresholdOption = None,
    event_type: EventTypeOption = None,
    actor: ActorOption = None,
    place: PlaceOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
    limit: FactLimitOption = None,
    merge: Annotated[
        bool,
        typer.Option("--merge", help="Each event once, with every article reporting it."),
    ] = False,
) -> None:
    """Who did what to whom: events coded in PLOVER, with actors, triggers, dates and places.

    Meetings (CONSULT), offers (AGREE), demands (REQUEST), accusations (ACCUSE), strikes
    (ASSAULT), aid (AID) and the rest of PLOVER's 16 types, each with its actor and
    recipient (country code and sector), trigger words, date and place. Without files, the
    events come from the store (`dateline ingest`). The filters select the events of the
    files or of the store alike.

    Examples:

      dateline events story.txt

      dateline events corpus.jsonl --format plover > events.plover.jsonl

      dateline events corpus.jsonl --type ASSAULT --since 2024-05

      dateline events --type ASSAULT --place "Gaza Strip"
    """
    filters = _filters(
        EventFilters, type=event_type, actor=actor, place=place, since=since, until=until
    )
    if merge and output_format == EventFormat.PLOVER:
        _refuse("--merge gives merged rows, not PLOVER records: use --format table, json or jsonl")
    if not files:
        _stored_events(db, output_format, filters, limit, merge=merge)
        return
    settings = _analysis_settings(
        encoding, max_bytes, model, event_classifier, event_classifier_threshold
    )
    _refuse_csv(output_format.value, "events")
    if merge:

        def merged(records: list[AnalysisRecord]) -> None:
            _, found = results_of(records, None, filters)
            show_events(found, QueryFormat(output_format.value), limit=limit or 0, merge=True)

        _merge_files(files, settings, input_type, merged)
        return

    def lines(record: AnalysisRecord) -> Sequence[Mapping[str, object]]:
        if output_format == EventFormat.PLOVER:
            return plover_events(record)
        source = record["article"]["source_id"]
        return [{"source_id": source, **event} for event in record["events"]]

    view = FactsView("events", output_format.value, print_events, lines, filters.any)
    _print_facts(files, view, lambda r: select_events(r, filters), settings, input_type, limit)


_Filters = TypeVar("_Filters", QuoteFilters, EventFilters)


def _filters(kind: type[_Filters], **values: str | None) -> _Filters:
    """The command's filters; a value no fact could match ends it with exit status 2."""
    try:
        return kind(**values)
    except FilterError as error:
        _refuse(str(error))


def _refuse(message: str) -> NoReturn:
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False)
    raise typer.Exit(EXIT_BAD_INPUT)


def _refuse_csv(output_format: str, facts: str) -> None:
    """CSV rows are the store's flat rows; analysed files print JSON or tables."""
    if output_format == "csv":
        _refuse(f"--format csv is for stored {facts}: give no files")


@dataclass(frozen=True, slots=True)
class FactsView:
    """How `quotes` or `events` show the facts of analysed files: a table, or JSON lines.

    `facts` names the list, in the record and in the analysis alike; `filtered` says the
    filters select, so that an article none of whose facts is kept is not shown at all.
    """

    facts: str
    output_format: str
    print_table: Callable[[Console, Analysis], None]
    lines: Callable[[AnalysisRecord], Sequence[Mapping[str, object]]]
    filtered: bool = False


def _print_facts(
    files: list[str],
    view: FactsView,
    select: Callable[[AnalysisRecord], list[dict[str, Any]]],
    settings: Settings,
    input_type: InputType,
    limit: int | None,
) -> None:
    """Analyse files and print the facts `select` keeps of each, at most `limit` in all
    (None or 0: every one); reading stops once the limit is reached."""
    indent = 2 if view.output_format == "json" else None
    left = limit or None

    def show(analysis: Analysis) -> None:
        nonlocal left
        record = to_record(analysis)
        kept = select(record)[:left]
        if left is not None:
            left -= len(kept)
        if view.filtered and not kept:
            return
        if view.output_format == "table":
            view.print_table(out, _keeping(analysis, view.facts, kept))
            return
        narrowed = cast(AnalysisRecord, {**record, view.facts: kept})
        for line in view.lines(narrowed):
            out.file.write(json.dumps(line, ensure_ascii=False, indent=indent) + "\n")

    _run(
        files,
        settings,
        input_type,
        show,
        json_errors=view.output_format != "table",
        enough=lambda: left is not None and left <= 0,
    )


def _keeping(analysis: Analysis, facts: str, kept: list[dict[str, Any]]) -> Analysis:
    """The analysis with only the quotes or events kept (record ids are the model's ids)."""
    ids = {fact["id"] for fact in kept}
    if facts == "quotes":
        return replace(analysis, quotes=[q for q in analysis.quotes if q.id in ids])
    return replace(analysis, events=[v for v in analysis.events if v.id in ids])


def _merge_files(
    files: list[str],
    settings: Settings,
    input_type: InputType,
    show: Callable[[list[AnalysisRecord]], None],
) -> None:
    """Analyse every file, then show their facts merged across articles: a merge needs them
    all first. Bad inputs are reported on standard error only, to keep the output one list."""
    records: list[AnalysisRecord] = []
    try:
        _run(files, settings, input_type, lambda a: records.append(to_record(a)), json_errors=False)
    except typer.Exit as stop:
        if stop.exit_code == EXIT_BAD_INPUT:  # the good inputs are still worth showing
            show(records)
        raise
    show(records)


def _stored_events(
    db: str | None,
    output_format: EventFormat,
    filters: EventFilters,
    limit: int | None,
    *,
    merge: bool,
) -> None:
    """`dateline events` without files: the store's events, as a table, rows or PLOVER.
    PLOVER lines are an export, every one of them unless --limit says otherwise."""
    if output_format == EventFormat.PLOVER:
        show_stored_plover(db, filters, limit=limit or 0)
        return
    rows = STORE_LIMIT if limit is None else limit
    show_stored_events(db, QueryFormat(output_format.value), filters, limit=rows, merge=merge)


def _analysis_settings(
    encoding: str | None,
    max_bytes: int | None,
    model: str | None,
    event_classifier: EventClassifier | None,
    event_classifier_threshold: float | None,
) -> Settings:
    """The settings of a command that analyses text (`analyze`, `events`): both take the same
    reading, model and event-classifier flags."""
    return _settings(
        encoding=encoding,
        max_text_bytes=max_bytes,
        model=model,
        event_classifier=event_classifier.value if event_classifier is not None else None,
        event_classifier_threshold=event_classifier_threshold,
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
    enough: Callable[[], bool] = lambda: False,
) -> None:
    """Analyse every input, show each analysis, report bad inputs; exit 2 if any was bad.

    Reading stops early once `enough` says so (a --limit reached); then only the bad inputs
    met before that point count, not those the pipeline had read ahead.
    """
    failures: list[InputFailure] = []
    reported = 0
    articles = _articles(files, settings, input_type, failures)
    try:
        for item in _analysed(articles, settings, failures):
            if isinstance(item, InputFailure):
                _report_failure(item, json_errors)
                reported += 1
            else:
                show(item)
            if enough():
                break
    except DatelineError as error:
        err.print(f"[red]error:[/red] {escape(str(error))}", highlight=False)
        raise typer.Exit(1) from error
    if reported:
        err.print(f"[yellow]{reported} input(s) could not be analysed[/yellow]")
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
