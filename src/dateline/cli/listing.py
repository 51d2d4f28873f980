"""What the store's query commands share: opening the store, and showing results as a
table, JSON, JSON lines or CSV. Kept apart from the commands so that a query command
(`sources`, `positions`, `entities`) imports no pipeline and starts in a fraction of a second.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Sequence
from typing import Any

import typer
from rich.markup import escape
from rich.table import Table

from dateline.cli.console import err, out
from dateline.cli.options import QueryFormat
from dateline.errors import DatelineError
from dateline.store import Store, as_dict, open_store


def open_or_exit(db: str | None, *, create: bool = False) -> Store:
    try:
        return open_store(db, create=create)
    except DatelineError as error:
        err.print(f"[red]error:[/red] {escape(str(error))}", highlight=False)
        raise typer.Exit(1) from error


def flat_row(result: Any) -> dict[str, Any]:
    """A result as one flat dict: its own fields, then its source's."""
    if isinstance(result, dict):
        return result
    data = as_dict(result)
    source = data.pop("source", None) or {}
    return {**data, **source}


def show_results(
    results: Sequence[Any], output_format: QueryFormat, columns: list[str], none: str
) -> None:
    show_rows([flat_row(result) for result in results], output_format, columns, none)


def show_rows(
    rows: list[dict[str, Any]],
    output_format: QueryFormat,
    columns: list[str],
    none: str,
    whole: Any = None,
) -> None:
    """Rows in the asked format; `whole`, where given, is the JSON answer instead of the bare
    rows (a listing with more to say than its rows)."""
    if output_format == QueryFormat.JSON:
        body = rows if whole is None else whole
        out.file.write(json.dumps(body, ensure_ascii=False, indent=2) + "\n")
    elif output_format == QueryFormat.JSONL:
        for row in rows:
            out.file.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif output_format == QueryFormat.CSV:
        write_csv(rows, out.file)
    elif not rows:
        err.print(none)
    else:
        out.print(results_table(rows, columns))


def write_csv(rows: Sequence[dict[str, Any]] | Iterator[dict[str, Any]], stream: Any) -> None:
    writer: csv.DictWriter[str] | None = None
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(stream, fieldnames=list(row), lineterminator="\n")
            writer.writeheader()
        writer.writerow(row)


def results_table(rows: list[dict[str, Any]], columns: list[str]) -> Table:
    table = Table(show_lines=False)
    for column in columns:
        table.add_column(column.replace("_", " "), overflow="fold")
    for row in rows:
        table.add_row(*(escape(str(row.get(c) if row.get(c) is not None else "")) for c in columns))
    return table
