"""Options shared by the query commands of `dateline.cli.analysis` and `dateline.cli.corpus`."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from dateline.ingest import InputType
from dateline.ingest.dates import BadDateError, parse_iso_date


class QueryFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="The store: an SQLite file (default ./dateline.db) or a URL such as "
        "postgresql://user@host/dbname (env DATELINE_DB).",
        envvar="DATELINE_DB",
    ),
]
QueryFormatOption = Annotated[
    QueryFormat,
    typer.Option(
        "--format", "-f", help="table for people; json, jsonl or csv (flat) for programs."
    ),
]


def _iso_date(value: str | None) -> str | None:
    """A date filter as the ISO date it means; a usage error (exit 2) otherwise, since the
    store compares dates as strings and "03/01/2024" would quietly match the wrong rows."""
    try:
        return parse_iso_date(value, "the date")
    except BadDateError as error:
        raise typer.BadParameter(error.reason) from error


SinceOption = Annotated[
    str | None,
    typer.Option(
        help="Only from this ISO date on (2024-04-01, 2024-04, 2024).", callback=_iso_date
    ),
]
UntilOption = Annotated[
    str | None,
    typer.Option(
        help="Only up to this ISO date, the whole day or month included.", callback=_iso_date
    ),
]
# What plain files are, for `dateline ingest` (the analysis commands have their own).
IngestInputTypeOption = Annotated[
    InputType,
    typer.Option(
        "--input-type",
        "-t",
        help="What files are; auto looks at the file name and the content.",
    ),
]
# `dateline ingest` reads files as `dateline analyze` does, so the advice of a refused
# encoding ("give its encoding with --encoding") holds for both.
EncodingOption = Annotated[
    str | None,
    typer.Option(help="Encoding of text inputs (default UTF-8, or the file's BOM), e.g. latin-1."),
]
PlaceOption = Annotated[str | None, typer.Option(help="Only at a place (part of its name).")]
LimitOption = Annotated[int, typer.Option(help="At most this many rows (0: no limit).")]
SpeakerOption = Annotated[str | None, typer.Option(help="Only quotes by this speaker.")]
AboutOption = Annotated[str | None, typer.Option(help="Only quotes with these words.")]
EventTypeOption = Annotated[
    str | None, typer.Option("--type", help="Only events of this PLOVER type, e.g. ASSAULT.")
]
ActorOption = Annotated[str | None, typer.Option(help="Only events with this actor or recipient.")]
