"""The `dateline` Typer app: its global options, and every command, registered here in the
order `dateline --help` lists them.

The command modules define plain functions and know nothing of the app, so none of them is
imported for its side effects and none imports another's app.
"""

from __future__ import annotations

import logging
import sys
from typing import Annotated

import typer

from dateline.cli import analysis, corpus, entities, positions, server, sources
from dateline.cli.console import out
from dateline.version import VERSION

app = typer.Typer(
    name="dateline",
    help=(
        "Turn news articles into data: who said what, who did what to whom, when and where.\n\n"
        "Every fact is linked to the words it came from. Start with:\n\n"
        "  dateline analyze article.txt --format table"
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    """`--version` is eager: print the version and stop before any command runs."""
    if value:
        out.print(f"dateline {VERSION}")
        raise typer.Exit()


@app.callback()
def main(
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Log what the stages do.")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """Dateline reads English news articles and writes the analysis record of each."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, stream=sys.stderr)


# Analysis of files, then the corpus store, then the server.
for command in (
    analysis.analyze,
    analysis.quotes,
    analysis.events,
    corpus.ingest,
    corpus.failures,
    corpus.timeline,
    corpus.search,
    positions.positions,
    sources.sources,
    corpus.export,
    server.serve,
):
    app.command()(command)
app.add_typer(entities.entities_app, name="entities")
app.add_typer(server.token_app, name="token")
