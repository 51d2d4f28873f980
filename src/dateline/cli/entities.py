"""`dateline entities`: the corpus's identities (one per corpus key), and the analyst's
corrections of them, `merge` and `split`, which the store keeps as overrides that every
later resolution and `dateline ingest --reanalyze` apply again.

Registered on the app of `dateline.cli.main`; like the other command modules, only this
one prints what it answers.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape

from dateline.cli.console import EXIT_BAD_INPUT, err, out
from dateline.cli.listing import open_or_exit, show_results
from dateline.cli.options import DbOption, LimitOption, QueryFormat, QueryFormatOption
from dateline.corpus.identity import corpus_keys
from dateline.errors import DatelineError
from dateline.store import as_dict
from dateline.store.browse import CorpusEntity, corpus_entities

entities_app = typer.Typer(
    help="The corpus's identities: who is who across articles, and corrections of it.",
    invoke_without_command=True,
)

COLUMNS = ["key", "name", "articles", "aliases", "roles", "countries"]


@entities_app.callback()
def entities(
    context: typer.Context,
    name: Annotated[
        str | None, typer.Option(help="Only identities with a form of the name containing this.")
    ] = None,
    entity_type: Annotated[
        str | None,
        typer.Option("--type", help="Only identities of this type: PERSON, ORG, GPE, NORP…"),
    ] = None,
    db: DbOption = None,
    output_format: QueryFormatOption = QueryFormat.TABLE,
    limit: LimitOption = 100,
) -> None:
    """List the corpus's identities, those in most articles first: each key with the forms
    of the name, the roles over time (first and last article dates), countries and how
    many articles name it.

    Examples:

      dateline entities --name Korhonen

      dateline entities --type PERSON --format json

      dateline entities merge person:korhonen person:anneli-korhonen

      dateline entities split person:anneli-korhonen --article sha256:…
    """
    if context.invoked_subcommand is not None:
        return
    with open_or_exit(db) as store:
        found = corpus_entities(store, name=name, type=entity_type, limit=limit or None)
    if output_format in (QueryFormat.JSON, QueryFormat.JSONL):
        show_results([as_dict(e) for e in found], output_format, COLUMNS, "No identities match.")
        return
    show_results([_row(e) for e in found], output_format, COLUMNS, "No identities match.")


def _row(entity: CorpusEntity) -> dict[str, Any]:
    """One identity as a flat row: lists as "; "-separated cells."""
    roles = [f"{r.role} ({r.first or '?'}…{r.last or '?'})" for r in entity.roles]
    return {
        "key": entity.key,
        "name": entity.name,
        "type": entity.type,
        "articles": entity.articles,
        "aliases": "; ".join(entity.aliases),
        "roles": "; ".join(roles),
        "countries": "; ".join(entity.countries),
    }


@entities_app.command("merge")
def merge(
    key: Annotated[str, typer.Argument(help="The key to fold in (it disappears).")],
    into: Annotated[str, typer.Argument(help="The key it becomes.")],
    db: DbOption = None,
) -> None:
    """Make two identities one from now on: every entity with KEY gets INTO, now and after
    every later ingest or re-analysis.

    Example: dateline entities merge person:korhonen person:anneli-korhonen
    """
    with open_or_exit(db) as store:
        try:
            changed = store.merge_identities(key, into)
        except DatelineError as error:
            err.print(f"[red]error:[/red] {escape(str(error))}", highlight=False)
            raise typer.Exit(EXIT_BAD_INPUT) from error
    err.print(f"merged {escape(key)} into {escape(into)} ({changed} entities)", highlight=False)


@entities_app.command("split")
def split(
    key: Annotated[str, typer.Argument(help="The identity one article has wrongly.")],
    article: Annotated[
        str, typer.Option("--article", help="The article's id (sha256:…) where it is someone else.")
    ],
    db: DbOption = None,
) -> None:
    """Take one article's entities out of an identity: they get a key of their own (KEY~
    and the article's id), now and after every later ingest or re-analysis.

    Example: dateline entities split person:anneli-korhonen --article sha256:…
    """
    with open_or_exit(db) as store:
        try:
            new_key = store.split_identity(key, article)
        except DatelineError as error:
            err.print(f"[red]error:[/red] {escape(str(error))}", highlight=False)
            raise typer.Exit(EXIT_BAD_INPUT) from error
    out.print(new_key, highlight=False)


@entities_app.command("resolve")
def resolve(db: DbOption = None) -> None:
    """Resolve the whole corpus again, the overrides applied. An ingest of a few articles
    resolves only theirs, so a full name they bring does not settle who older bare
    surnames were until the corpus is resolved again: this does it.

    Example: dateline entities resolve
    """
    with open_or_exit(db) as store:
        changed = store.resolve_entities(corpus_keys)
    err.print(f"resolved the corpus: {changed} keys changed", highlight=False)
