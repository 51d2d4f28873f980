"""`dateline sources`: the source mix of the stored corpus, by kind, country, anonymity,
gender or outlet, with the most-quoted sources. Registered on the app in `cli.main`; like
the other command modules, only this module prints its answers."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from dateline.cli.console import EXIT_BAD_INPUT, err, out
from dateline.cli.listing import open_or_exit, write_csv
from dateline.cli.options import DbOption, SinceOption, UntilOption
from dateline.errors import DatelineError
from dateline.store import as_dict
from dateline.store.sources import SourceMix, SourceSelection, source_mix


class MixFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


class Dimension(StrEnum):
    KIND = "kind"
    COUNTRY = "country"
    ANONYMITY = "anonymity"
    GENDER = "gender"
    OUTLET = "outlet"


def sources(
    outlet: Annotated[
        str | None, typer.Option(help="Only articles from this site (part of its name).")
    ] = None,
    about: Annotated[
        str | None, typer.Option(help="Only articles with these words (full-text search).")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    by: Annotated[Dimension, typer.Option(help="What the bars count by.")] = Dimension.KIND,
    top: Annotated[int, typer.Option(help="How many most-quoted sources to list.", min=0)] = 10,
    db: DbOption = None,
    output_format: Annotated[
        MixFormat, typer.Option("--format", "-f", help="table for people; json or csv.")
    ] = MixFormat.TABLE,
) -> None:
    """Whose voices the stored coverage rests on: sources and their claims by kind,
    country, anonymity, gender or outlet, with shares and the most-quoted sources.

    Examples:

      dateline sources --by anonymity --about ceasefire

      dateline sources --outlet example.org --since 2024-04 --format csv
    """
    selection = SourceSelection(outlet=outlet, about=about, since=since, until=until)
    with open_or_exit(db) as store:
        try:
            mix = source_mix(store, selection, by=str(by), top=top)
        except DatelineError as error:
            err.print(f"[red]error:[/red] {escape(str(error))}", highlight=False)
            raise typer.Exit(EXIT_BAD_INPUT) from error
    if output_format == MixFormat.JSON:
        out.file.write(json.dumps(as_dict(mix), ensure_ascii=False, indent=2) + "\n")
    elif output_format == MixFormat.CSV:
        write_csv(_csv_rows(mix), out.file)
    elif not mix.sources:
        err.print("No stored source matches.")
    else:
        _print_tables(mix)


def _csv_rows(mix: SourceMix) -> list[dict[str, Any]]:
    """One flat table: the bars ("share" rows), then the most-quoted sources ("top")."""
    blank = dict.fromkeys(
        ("value", "sources", "claims", "share", "claim_share", "label", "kind", "anonymity")
    )
    rows = [{"section": "share", "by": mix.by, **blank, **as_dict(s)} for s in mix.shares]
    for leader in mix.top:
        rows.append({"section": "top", "by": mix.by, **blank, **as_dict(leader)})
    keys = list(dict.fromkeys(k for row in rows for k in row))
    return [{k: row.get(k) for k in keys} for row in rows]


def _print_tables(mix: SourceMix) -> None:
    shares = Table(title=f"{mix.sources} sources, {mix.claims} claims, {mix.articles} articles")
    for column in (mix.by, "sources", "share", "claims", "claim share"):
        shares.add_column(column, justify="left" if column == mix.by else "right")
    for s in mix.shares:
        shares.add_row(
            escape(s.value or "(none)"), str(s.sources), f"{s.share:.1%}", str(s.claims),
            f"{s.claim_share:.1%}",
        )  # fmt: skip
    out.print(shares)
    if mix.top:
        leaders = Table(title="Most-quoted named sources")
        for column in ("source", "kind", "country", "claims", "articles"):
            leaders.add_column(column)
        for t in mix.top:
            leaders.add_row(
                escape(t.label), t.kind, t.country or "", str(t.claims), str(t.articles)
            )
        out.print(leaders)
