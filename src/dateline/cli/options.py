"""Options shared by the query commands of `dateline.cli.analysis` and `dateline.cli.corpus`."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer


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
SinceOption = Annotated[
    str | None, typer.Option(help="Only from this ISO date on (2024-04-01, 2024-04).")
]
UntilOption = Annotated[
    str | None, typer.Option(help="Only up to this ISO date, the whole day or month included.")
]
PlaceOption = Annotated[str | None, typer.Option(help="Only at a place (part of its name).")]
LimitOption = Annotated[int, typer.Option(help="At most this many rows (0: no limit).")]
SpeakerOption = Annotated[str | None, typer.Option(help="Only quotes by this speaker.")]
AboutOption = Annotated[str | None, typer.Option(help="Only quotes with these words.")]
EventTypeOption = Annotated[
    str | None, typer.Option("--type", help="Only events of this PLOVER type, e.g. ASSAULT.")
]
ActorOption = Annotated[str | None, typer.Option(help="Only events with this actor or recipient.")]
