"""A readable summary of one analysis, for people at a terminal (`--format table`)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from dateline.model import Analysis, Party


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
    if analysis.quotes:
        print_quotes(console, analysis)
    counts = {
        "quotes": len(analysis.quotes),
        "times": len(analysis.timexes),
        "places": len(analysis.places),
        "events": len(analysis.events),
    }
    console.print("  ".join(f"{name}: {count}" for name, count in counts.items()))


def print_quotes(console: Console, analysis: Analysis) -> None:
    """Who said what in one article: speaker, kind, cue, the words, when and where."""
    places = {p.id: p.name for p in analysis.places}
    table = Table(title=f"Quotes in {analysis.article.source_id}", title_justify="left")
    for column in ("speaker", "kind", "cue", "quote", "date", "place"):
        table.add_column(column, overflow="fold")
    for quote in analysis.quotes:
        speaker = quote.speaker_name or "—"
        if quote.speaker_mention is not None and quote.speaker_mention.text != speaker:
            speaker += f" ({quote.speaker_mention.text})"
        table.add_row(
            speaker,
            quote.kind,
            quote.cue.text if quote.cue else "",
            quote.span.text,
            quote.date or "",
            places.get(quote.place or "", ""),
        )
    console.print(table)


def print_events(console: Console, analysis: Analysis) -> None:
    """Who did what to whom in one article: type, actor, recipient, trigger, when, where."""
    places = {p.id: p.name for p in analysis.places}
    table = Table(title=f"Events in {analysis.article.source_id}", title_justify="left")
    for column in ("type", "actor", "recipient", "trigger", "date", "place"):
        table.add_column(column, overflow="fold")
    for event in analysis.events:
        kind = event.type + (f" ({event.mode})" if event.mode else "")
        if event.aux_mode:
            kind += f" [{event.aux_mode}]"
        table.add_row(
            kind,
            _side(event.actor),
            _side(event.recipient),
            event.trigger.text,
            event.date or "",
            places.get(event.place or "", ""),
        )
    console.print(table)


def _side(party: Party | None) -> str:
    """ "Israel (ISR MIL)": the name with its PLOVER code and sector."""
    if party is None:
        return "—"
    codes = " ".join(c for c in (party.code, party.sector) if c)
    return f"{party.name or party.mention.text}" + (f" ({codes})" if codes else "")
