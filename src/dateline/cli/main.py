"""The `dateline` Typer app: its global options, and every command, named here in the order
`dateline --help` lists them.

The command modules define plain functions (or, for a group such as `entities`, a Typer of
its own) and know nothing of the app. A command's module is imported only when that command
is run or listed: the analysis commands load spaCy, the server FastAPI and the corpus
commands SQLAlchemy, and `dateline sources` should not wait seconds for a pipeline it never
uses.
"""

from __future__ import annotations

import logging
import sys
from importlib import import_module
from typing import Annotated

import typer
from typer import _click as click  # Typer carries its own Click; its types are these
from typer.core import TyperGroup
from typer.main import get_command_from_info, get_group
from typer.models import CommandInfo

from dateline.cli.console import out
from dateline.version import VERSION

# Each command: the module and the name of its function, or of its Typer for a group of
# commands. Analysis of files first, then the corpus store, then the server.
COMMANDS: dict[str, tuple[str, str]] = {
    "analyze": ("dateline.cli.analysis", "analyze"),
    "quotes": ("dateline.cli.analysis", "quotes"),
    "events": ("dateline.cli.analysis", "events"),
    "ingest": ("dateline.cli.corpus", "ingest"),
    "failures": ("dateline.cli.corpus", "failures"),
    "timeline": ("dateline.cli.corpus", "timeline"),
    "search": ("dateline.cli.corpus", "search"),
    "positions": ("dateline.cli.positions", "positions"),
    "sources": ("dateline.cli.sources", "sources"),
    "entities": ("dateline.cli.entities", "entities_app"),
    "export": ("dateline.cli.corpus", "export"),
    "serve": ("dateline.cli.server", "serve"),
    "token": ("dateline.cli.server", "token_app"),
}


class LazyCommands(TyperGroup):
    """The app's commands, each built from its module when first asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        if cmd_name not in self.commands:
            self.commands[cmd_name] = command_named(cmd_name)
        return self.commands[cmd_name]


def command_named(name: str) -> click.Command:
    """The Click command Typer makes of a command's function (or group's Typer)."""
    module, attribute = COMMANDS[name]
    target = getattr(import_module(module), attribute)
    if isinstance(target, typer.Typer):
        group = get_group(target)
        group.name = name
        return group
    info = CommandInfo(name=name, callback=target)
    return get_command_from_info(info, pretty_exceptions_short=True, rich_markup_mode="rich")


app = typer.Typer(
    cls=LazyCommands,
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
