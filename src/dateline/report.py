"""A readable summary of one analysis, for people at a terminal (`--format table`)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from dateline.model import Analysis


def print_summary(console: Console, analysis: Analysis) -> None:
    """Metadata, entities, and whatever later stages found (quotes, times, places, events)."""
    article = analysis.article
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold")
    meta.add_column()
    meta.add_row("source", str(article.source_id))
    meta.add_row("title", article.title or "—")
    meta.add_row("byline", ", ".join(article.byline) or "—")
    meta.add_row("published", f"{article.published or '—'} ({article.published_from or 'unknown'})")
    meta.add_row("headings", " | ".join(h.text for h in article.headings) or "—")
    meta.add_row("captions", str(len(article.captions)))
    console.print(meta)

    entities = Table(title="Entities", title_justify="left")
    for column in ("id", "name", "type", "role", "country", "mentions"):
        entities.add_column(column)
    for entity in analysis.entities:
        entities.add_row(
            entity.id,
            entity.name,
            str(entity.type),
            entity.role or "",
            entity.country or "",
            str(len(entity.mentions)),
        )
    console.print(entities)
    counts = {
        "quotes": len(analysis.quotes),
        "times": len(analysis.timexes),
        "places": len(analysis.places),
        "events": len(analysis.events),
    }
    console.print("  ".join(f"{name}: {count}" for name, count in counts.items()))
