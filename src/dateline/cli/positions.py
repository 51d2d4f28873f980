"""`dateline positions`: who stands where on what, from the store, in date order.

Registered on the one Typer app of `dateline.cli.main`; like the other command modules, only
this module prints its answers.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape

from dateline.cli.console import EXIT_BAD_INPUT, err, out
from dateline.cli.listing import flat_row, open_or_exit, show_rows
from dateline.cli.options import (
    DbOption,
    LimitOption,
    QueryFormat,
    QueryFormatOption,
    SinceOption,
    UntilOption,
)
from dateline.store import as_dict
from dateline.store.positions import (
    PositionResult,
    StanceChange,
    query_positions,
    sides,
    stance_changes,
)

_COLUMNS = ["day", "holder_name", "stance", "target_text", "target_key", "cue", "source_id"]


def positions(
    holder: Annotated[
        str | None, typer.Option(help="Whose positions: part of a name, or a corpus key.")
    ] = None,
    target: Annotated[
        str | None,
        typer.Option(
            help="Every holder's stance on one issue: its key (offensive@rafah) or words."
        ),
    ] = None,
    about: Annotated[
        str | None, typer.Option(help="Only positions on targets with these words.")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
    output_format: QueryFormatOption = QueryFormat.TABLE,
    limit: LimitOption = 0,
) -> None:
    """Who stands where on what, in date order, each position with the words that state it.

    With --holder, a change of stance on the same target is flagged with both pieces of
    evidence; with --target, every holder's stance on that issue, then who is for and who
    against (each holder by their latest stance).

    Examples:

      dateline positions --holder Netanyahu --about Rafah

      dateline positions --target offensive@rafah --format csv
    """
    if not holder and not target:
        err.print(
            "[red]error:[/red] "
            + escape(
                "[D416] dateline positions: say whose positions (--holder NAME) or on what "
                "(--target KEY), e.g. --target offensive@rafah"
            ),
            highlight=False,
        )
        raise typer.Exit(EXIT_BAD_INPUT)
    with open_or_exit(db) as store:
        found = query_positions(
            store, holder=holder, target=target, about=about, since=since, until=until,
            limit=limit or None,
        )  # fmt: skip
    changes = stance_changes(found) if holder else []
    _print(found, changes, output_format)
    if target and output_format == QueryFormat.TABLE and found:
        for stance, names in sides(found).items():
            out.print(escape(f"{stance}: {', '.join(names)}"), highlight=False)


def _print(
    found: list[PositionResult], changes: list[StanceChange], output_format: QueryFormat
) -> None:
    changed = {id(c.after): c for c in changes}
    rows = [{**flat_row(p), **_change_columns(changed.get(id(p)))} for p in found]
    whole = {"positions": rows, "changes": [_change(c) for c in changes]}
    show_rows(rows, output_format, [*_COLUMNS, "changed_from"], "No positions match.", whole)
    if output_format == QueryFormat.TABLE and rows:  # beneath the table, each change in words
        for change in changes:
            out.print(_change_text(change), highlight=False)


def _change_columns(change: StanceChange | None) -> dict[str, Any]:
    """What a row says of the change it makes: the stance before and where that was said."""
    if change is None:
        return {"changed_from": None, "changed_from_day": None, "changed_from_source": None}
    before = change.before
    return {
        "changed_from": before.stance,
        "changed_from_day": before.day,
        "changed_from_source": before.source.source_id or before.source.article_id,
    }


def _change(change: StanceChange) -> dict[str, Any]:
    return {
        "holder": change.holder,
        "target_key": change.target_key,
        "before": as_dict(change.before),
        "after": as_dict(change.after),
    }


def _change_text(change: StanceChange) -> str:
    before, after = change.before, change.after
    return escape(
        f"changed: {after.holder_name} on {change.target_key}: {before.stance} ({before.day}, "
        f"{before.source.source_id}: “{before.evidence_text}”) -> {after.stance} ({after.day}, "
        f"{after.source.source_id}: “{after.evidence_text}”)"
    )
