"""The server commands: `dateline serve` (the REST API and the web pages) and
`dateline token create|list|revoke` (the API tokens writes need).

Registered on the one Typer app of `dateline.cli.main`; like cli.py, only this module prints.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from dateline.api.tokens import create_token, list_tokens, revoke_token
from dateline.cli.console import err, out
from dateline.cli.options import DbOption
from dateline.errors import DatelineError
from dateline.server import ServerConfig, create_app
from dateline.store import Store, open_store

token_app = typer.Typer(
    help="API tokens: writes to the REST API need one (reads too, when closed).",
    no_args_is_help=True,
)


def _fail(error: DatelineError) -> typer.Exit:
    err.print(f"[red]error:[/red] {escape(str(error))}", highlight=False)
    return typer.Exit(1)


def _open(db: str | None) -> Store:
    try:
        return open_store(db, create=True)
    except DatelineError as error:
        raise _fail(error) from error


def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on; 127.0.0.1 keeps it to this machine.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    closed_reads: Annotated[
        bool,
        typer.Option(
            "--closed-reads",
            help="Reads need a token too, and the web pages are off "
            "(env DATELINE_API_OPEN_READS=0).",
        ),
    ] = False,
    max_body_bytes: Annotated[
        int | None,
        typer.Option(help="Largest request body taken, in bytes (default 2 MB)."),
    ] = None,
) -> None:
    """Serve the REST API (/api, described at /api/openapi.json) and the web pages.

    Example: dateline serve --db corpus.db --port 8000, then open http://127.0.0.1:8000/
    """
    import uvicorn

    try:
        config = ServerConfig.from_env(
            db=db, open_reads=False if closed_reads else None, max_body_bytes=max_body_bytes
        )
        server_app = create_app(config)
    except DatelineError as error:
        raise _fail(error) from error
    err.print(f"serving {escape(config.db or 'dateline.db')} on http://{host}:{port}/")
    uvicorn.run(server_app, host=host, port=port, log_level="warning")


@token_app.command("create")
def token_create(
    name: Annotated[str, typer.Option(help="Who or what will use the token.")],
    db: DbOption = None,
) -> None:
    """Make a token and print it once; the store keeps only its SHA-256 digest.

    Example: dateline token create --name newsroom-importer
    """

    with _open(db) as store:
        try:
            token = create_token(store, name)
        except DatelineError as error:
            raise _fail(error) from error
    out.print(token, highlight=False)
    err.print("keep it now: it cannot be shown again. Send it as `Authorization: Bearer <token>`.")


@token_app.command("list")
def token_list(db: DbOption = None) -> None:
    """The tokens' names and when they were made (never the tokens)."""

    with _open(db) as store:
        for info in list_tokens(store):
            out.print(f"{escape(info.name)}\t{info.created_at.isoformat()}", highlight=False)


@token_app.command("revoke")
def token_revoke(
    name: Annotated[str, typer.Option(help="The name the token was made with.")],
    db: DbOption = None,
) -> None:
    """Remove a token: requests carrying it are refused from now on."""

    with _open(db) as store:
        if not revoke_token(store, name):
            err.print(f"[red]error:[/red] no token is named {escape(name)!r}")
            raise typer.Exit(1)
    err.print(f"revoked {escape(name)}")
