"""The corpus commands: `dateline ingest`, `failures`, `timeline`, `search`, `export`, and
the store side of `quotes` and `events` (when they are given no files).

Registered on the one Typer app of `dateline.cli.main`; like cli.py, only this module prints.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from itertools import islice
from typing import IO, Annotated, Any

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from dateline.cli.console import EXIT_BAD_INPUT, err, out
from dateline.cli.listing import open_or_exit, show_results
from dateline.cli.options import (
    AboutOption,
    ActorOption,
    DbOption,
    EncodingOption,
    EventTypeOption,
    IngestInputTypeOption,
    LimitOption,
    PlaceOption,
    QueryFormat,
    QueryFormatOption,
    SinceOption,
    SpeakerOption,
    UntilOption,
)
from dateline.corpus.filters import EventFilters, FilterError, QuoteFilters
from dateline.corpus.resolve import merge_events, merge_quotes
from dateline.errors import DatelineError
from dateline.export import records as exports
from dateline.ingest import InputType
from dateline.ingest.fetch import FetchLimits, fetcher
from dateline.ingest.sources import count_inputs
from dateline.scale.ingestion import IngestCounts
from dateline.scale.ingestion import ingest as run_ingest
from dateline.scale.runners import make_runner
from dateline.settings import Settings
from dateline.store import EventResult, QuoteResult, Store

# -- ingest ----------------------------------------------------------------------------------


class _Rate(ProgressColumn):
    """Articles per second over the run so far."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "– articles/s", style="cyan")


def ingest(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (read recursively), .jsonl corpora, RSS/Atom feeds "
            "(.rss/.atom/.xml or a feed URL), WARC archives (.warc, .warc.gz), page URLs.",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    reanalyze: Annotated[
        bool, typer.Option("--reanalyze", help="Analyse and store again articles already stored.")
    ] = False,
    workers: Annotated[
        int, typer.Option(help="Local worker processes, each running the pipeline.", min=1)
    ] = 1,
    dask: Annotated[
        str | None,
        typer.Option(
            help="Run the pipeline on a Dask cluster: its scheduler address, e.g. "
            "tcp://10.0.0.5:8786 (needs dateline[dask])."
        ),
    ] = None,
    shard_size: Annotated[
        int, typer.Option(help="Articles per shard: one unit of work, one transaction.", min=1)
    ] = 32,
    timeout: Annotated[
        float, typer.Option(help="Seconds to wait for a URL before giving up.")
    ] = 20.0,
    max_download: Annotated[
        int, typer.Option(help="Largest page or feed fetched from a URL, in bytes.")
    ] = 10_000_000,
    input_type: IngestInputTypeOption = InputType.AUTO,
    encoding: EncodingOption = None,
    max_bytes: Annotated[
        int | None,
        typer.Option(help="Refuse articles larger than this many bytes (default 5 MB)."),
    ] = None,
) -> None:
    """Analyse articles into the store: idempotent, resumable, in parallel if asked.

    An article already stored (same text, same id) is skipped, so running the same ingest
    again, or after a kill, stores each article exactly once. Inputs that cannot be read or
    analysed are recorded with the reason (see `dateline failures`); the rest goes on.

    Examples:

      dateline ingest articles/ feed.xml crawl.warc.gz

      dateline ingest corpus.jsonl --workers 2 --db postgresql://localhost/news

      dateline ingest https://example.org/news/rss --timeout 10
    """

    try:
        settings = Settings.from_env().with_overrides(encoding=encoding, max_text_bytes=max_bytes)
    except DatelineError as error:
        err.print(f"[red]error:[/red] {escape(str(error))}", highlight=False)
        raise typer.Exit(1) from error
    store = open_or_exit(db, create=True)
    try:
        runner = make_runner(settings, workers, dask)
    except DatelineError as error:
        err.print(f"[red]error:[/red] {escape(str(error))}", highlight=False)
        raise typer.Exit(1) from error
    with _ingest_progress() as progress, store:
        task = progress.add_task("ingesting", total=count_inputs(sources))

        def show(counts: IngestCounts) -> None:
            progress.update(task, completed=counts.done)

        try:
            counts = run_ingest(
                sources,
                store,
                runner,
                settings,
                shard_size=shard_size,
                reanalyze=reanalyze,
                fetch=fetcher(FetchLimits(timeout, max_download)),
                progress=show,
                input_type=input_type,
            )
        finally:
            runner.close()
    err.print(
        f"stored {counts.stored}, already stored {counts.skipped}, failed {counts.failed} "
        f"(in {escape(store.url)})",
        highlight=False,
    )
    if counts.failed:
        err.print("[yellow]see `dateline failures` for what failed and why[/yellow]")
        raise typer.Exit(EXIT_BAD_INPUT)


def _ingest_progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        _Rate(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=err,
        disable=not err.is_terminal,
    )


def failures(db: DbOption = None, output_format: QueryFormatOption = QueryFormat.TABLE) -> None:
    """The inputs an ingest could not store: which, why and when (the latest first)."""
    with open_or_exit(db) as store:
        found = store.failures()
    show_results(found, output_format, ["input", "reason", "failed_at"], "No failures recorded.")


# -- queries ---------------------------------------------------------------------------------


def show_stored_quotes(
    db: str | None,
    output_format: QueryFormat,
    filters: QuoteFilters,
    *,
    limit: int,
    merge: bool = False,
) -> None:
    """`dateline quotes` without files: quotes from the store; with `merge`, each statement
    once with every article that carries it."""
    with open_or_exit(db) as store:
        found = store.query_quotes(
            speaker=filters.speaker,
            about=filters.about,
            since=filters.since,
            until=filters.until,
            place=filters.place,
            limit=None if merge else limit or None,
        )
    show_quotes(found, output_format, limit=limit, merge=merge)


def show_quotes(
    found: Sequence[QuoteResult], output_format: QueryFormat, *, limit: int, merge: bool
) -> None:
    """Quotes as the store answers them (from the store, or from files read the store's
    way), at most `limit` rows (0: all), merged across articles if asked."""
    if merge:
        merged = [_merged_row(m, output_format) for m in merge_quotes(found)][: limit or None]
        columns = ["day", "speaker_key", "content", "articles", "sources"]
        show_results(merged, output_format, columns, "No quotes match.")
        return
    columns = ["day", "speaker_name", "content", "place_name", "source_id"]
    show_results(found[: limit or None], output_format, columns, "No quotes match.")


def _merged_row(merged: Any, output_format: QueryFormat) -> dict[str, Any]:
    sources = [s.source_id or s.article_id for s in merged.sources]
    return {
        "day": merged.day,
        "speaker_key": merged.speaker_key,
        "speaker_names": list(merged.speaker_names),
        "content": merged.content,
        "articles": len(sources),
        "sources": _listed(sources, output_format),
    }


def _listed(sources: list[str], output_format: QueryFormat) -> list[str] | str:
    """Sources as a list for JSON, as one "; "-separated cell for tables and CSV."""
    return sources if output_format in (QueryFormat.JSON, QueryFormat.JSONL) else "; ".join(sources)


def show_stored_events(
    db: str | None,
    output_format: QueryFormat,
    filters: EventFilters,
    *,
    limit: int,
    merge: bool = False,
) -> None:
    """`dateline events` without files: events from the store; with `merge`, each event
    once with every article that reports it."""
    with open_or_exit(db) as store:
        found = store.query_events(
            type=filters.type,
            place=filters.place,
            actor=filters.actor,
            since=filters.since,
            until=filters.until,
            limit=None if merge else limit or None,
        )
    show_events(found, output_format, limit=limit, merge=merge)


def show_events(
    found: Sequence[EventResult], output_format: QueryFormat, *, limit: int, merge: bool
) -> None:
    """Events as the store answers them, at most `limit` rows (0: all), merged if asked."""
    if merge:
        merged = [_merged_event_row(m, output_format) for m in merge_events(found)]
        columns = ["day", "type", "actor_key", "recipient_key", "place_name", "articles"]
        show_results(merged[: limit or None], output_format, columns, "No events match.")
        return
    columns = ["day", "type", "actor_name", "trigger", "recipient_name", "place_name", "source_id"]
    show_results(found[: limit or None], output_format, columns, "No events match.")


def show_stored_plover(db: str | None, filters: EventFilters, *, limit: int) -> None:
    """`dateline events --format plover` without files: the store's events as PLOVER
    records, one a line, at most `limit` of them (0: all)."""
    selected = exports.Filters(
        type=filters.type,
        actor=filters.actor,
        place=filters.place,
        since=filters.since,
        until=filters.until,
    )
    with open_or_exit(db) as store:
        for record in islice(exports.plover(store, selected), limit or None):
            out.file.write(json.dumps(record, ensure_ascii=False) + "\n")


def _merged_event_row(merged: Any, output_format: QueryFormat) -> dict[str, Any]:
    sources = [r.source.source_id or r.source.article_id for r in merged.reports]
    return {
        "day": merged.day,
        "type": merged.type,
        "actor_key": merged.actor_key,
        "recipient_key": merged.recipient_key,
        "place_name": merged.place_name,
        "articles": len(sources),
        "sources": _listed(sources, output_format),
    }


def timeline(
    actor: Annotated[str, typer.Option(help="Whose timeline: part of a name, any case.")],
    db: DbOption = None,
    output_format: QueryFormatOption = QueryFormat.TABLE,
    limit: LimitOption = 0,
) -> None:
    """What one actor said and did, in date order, each line with its source.

    Example: dateline timeline --actor Lindqvist
    """
    with open_or_exit(db) as store:
        found = store.timeline(actor, limit=limit or None)
    show_results(found, output_format, ["day", "what", "summary", "source_id"], "Nothing stored.")


def search(
    words: Annotated[str, typer.Argument(help="Words to find in the stored articles.")],
    db: DbOption = None,
    output_format: QueryFormatOption = QueryFormat.TABLE,
    limit: LimitOption = 20,
) -> None:
    """Full-text search of the stored articles, best matches first, with the words in context.

    Example: dateline search "maritime corridor"
    """
    with open_or_exit(db) as store:
        found = store.search(words, limit=limit or 1000)
    show_results(
        found, output_format, ["title", "snippet", "source_id"], "No stored article matches."
    )


# -- output ----------------------------------------------------------------------------------


# -- export ----------------------------------------------------------------------------------


class ExportFormat(StrEnum):
    JSONL = "jsonl"
    CSV = "csv"
    PARQUET = "parquet"
    GEOJSON = "geojson"
    PLOVER = "plover"


def export(
    to: Annotated[
        ExportFormat,
        typer.Option(
            "--to",
            help="jsonl: the analysis records; "
            "csv, parquet: one flat row per quote, event or position; "
            "geojson: places and located events; plover: PLOVER event records, one a line.",
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="File to write (default: standard output)."),
    ] = None,
    db: DbOption = None,
    speaker: SpeakerOption = None,
    about: AboutOption = None,
    event_type: EventTypeOption = None,
    actor: ActorOption = None,
    place: PlaceOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
) -> None:
    """Export the store, or the part the filters select, for other tools.

    Examples:

      dateline export --to csv --speaker Lindqvist > quotes.csv

      dateline export --to parquet --type CONSULT -o meetings.parquet

      dateline export --to geojson -o map.geojson
    """

    try:  # the values mean what they mean for `dateline quotes` and `dateline events`
        QuoteFilters(speaker=speaker, about=about, place=place, since=since, until=until)
        EventFilters(type=event_type, actor=actor, place=place, since=since, until=until)
    except FilterError as error:
        err.print(f"[red]error:[/red] {escape(str(error))}", highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT) from error
    filters = exports.Filters(
        speaker=speaker,
        about=about,
        type=event_type,
        actor=actor,
        place=place,
        since=since,
        until=until,
    )
    with open_or_exit(db) as store:
        try:
            written = _export(store, to, filters, output)
        except DatelineError as error:
            err.print(f"[red]error:[/red] {escape(str(error))}", highlight=False)
            raise typer.Exit(1) from error
    err.print(f"exported {written} {'rows' if to != ExportFormat.GEOJSON else 'features'}")


def _export(store: Store, to: ExportFormat, filters: Any, output: str | None) -> int:

    if to == ExportFormat.PARQUET:
        if not output:
            raise exports.ExportError("Parquet is binary: give a file with --output")
        return exports.write_parquet(store, filters, output)
    with _text_output(output) as stream:
        if to == ExportFormat.JSONL:
            return exports.write_jsonl(store, filters, stream)
        if to == ExportFormat.CSV:
            return exports.write_csv(store, filters, stream)
        if to == ExportFormat.GEOJSON:
            collection = exports.geojson(store, filters)
            stream.write(json.dumps(collection, ensure_ascii=False) + "\n")
            return len(collection["features"])
        written = 0
        for record in exports.plover(store, filters):
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
        return written


@contextmanager
def _text_output(output: str | None) -> Iterator[IO[str]]:
    if not output:
        yield out.file
        return
    with open(output, "w", encoding="utf-8", newline="") as stream:
        yield stream
