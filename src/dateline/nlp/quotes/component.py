"""Stage 2: quotes — who said what, in their words (direct, partial) or reported (indirect).

The stage runs the two readers and settles what they found between them: `direct.py` reads
the quoted words (direct and partial quotes), `reported.py` the reported speech; a partial
quote inside a reported clause is part of it, and a clause that frames a direct quote is
that quote.
"""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.model import FACT_BLOCKS, Analysis, Quote
from dateline.nlp.common.speakers import MentionIndex
from dateline.nlp.quotes.direct import (
    Found,
    attribute_from_neighbours,
    is_a_quote,
    link_repeated_quotes,
    read_quoted,
)
from dateline.nlp.quotes.marks import find_quoted_spans, without_subheadings
from dateline.nlp.quotes.reported import reported_speech
from dateline.nlp.stage import article_text, stage

COMPONENT = "dateline_quotes"  # the spaCy component name (nlp.pipeline.STAGES)


@stage(COMPONENT)
def find_quotes(doc: Doc, analysis: Analysis) -> None:
    """Direct, partial and reported quotes with their cues and speakers."""
    article = analysis.article
    paragraphs = [(b.start, b.end) for b in article.blocks if b.kind in FACT_BLOCKS]
    marked = without_subheadings(
        article_text(doc), find_quoted_spans(article_text(doc), paragraphs)
    )
    index = MentionIndex(analysis.entities, [(q.open_mark, q.end + 1) for q in marked])
    quoted = [
        q for q in (read_quoted(doc, article, span, index, paragraphs) for span in marked) if q
    ]
    attribute_from_neighbours(quoted, doc)
    link_repeated_quotes(quoted)
    quoted = [q for q in quoted if is_a_quote(q)]
    reported = reported_speech(doc, article, marked, index)
    quoted = [q for q in quoted if not _inside_reported(q, reported)]
    # a clause framing a direct quote ("He said his wife “told him to run.”") is that quote
    reported = [r for r in reported if not any(_overlap(r, q) for q in quoted)]
    analysis.quotes = _to_quotes(sorted(quoted + reported, key=lambda q: q.span.start))


def _overlap(one: Found, other: Found) -> bool:
    return one.span.start < other.span.end and other.span.start < one.span.end


def _inside_reported(quote: Found, reported: list[Found]) -> bool:
    """A partial quote inside a reported clause is part of that clause's quote."""
    return quote.kind == "partial" and any(
        r.span.start <= quote.span.start and quote.span.end <= r.span.end + 1 for r in reported
    )


def _to_quotes(found: list[Found]) -> list[Quote]:
    quotes = []
    for number, item in enumerate(found, 1):
        speaker = item.speaker
        quotes.append(
            Quote(
                id=f"q{number}",
                kind=item.kind,
                span=item.span,
                speaker=speaker.entity.id if speaker and speaker.entity else None,
                speaker_name=speaker.name if speaker else None,
                speaker_mention=speaker.mention if speaker else None,
                cue=item.cue,
                confidence=item.confidence,
            )
        )
    return quotes
