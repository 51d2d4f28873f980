"""The one Typer app every `dateline` command registers on, its global options, and the two
consoles the commands print to.

It lives apart from the commands so that cli.py (analyse), cli_corpus.py (the store) and
cli_web.py (the server) can all register on it without importing one another: run as
`python -m dateline.cli`, cli.py is the `__main__` module, and a command module that
imported `dateline.cli` would register on a second copy of it that nobody runs.
"""

from __future__ import annotations

import logging
import sys
from typing import Annotated

import typer
from rich.console import Console

from dateline import __version__

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
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

EXIT_BAD_INPUT = 2


def _version(value: bool) -> None:
    """`--version` is eager: print the version and stop before any command runs."""
    if value:
        out.print(f"dateline {__version__}")
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
