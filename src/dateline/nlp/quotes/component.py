"""Stage 2: quotes — who said what, in their words (direct, partial) or reported (indirect).

The two readers run over the whole article: `direct.py` reads the words in quotation marks,
`reported.py` the clauses that verbs of saying report. This module is the registered stage,
and settles where the two overlap: a partial quote inside a reported clause is part of that
clause's quote, and a clause that only frames a direct quote is no quote of its own.
"""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.model import FACT_BLOCKS, Analysis, Quote
from dateline.nlp.common.intervals import Intervals
from dateline.nlp.common.speakers import MentionIndex
from dateline.nlp.quotes import direct
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
        q for q in (direct.quoted(doc, article, span, index, paragraphs) for span in marked) if q
    ]
    direct.attribute_from_neighbours(quoted, doc)
    direct.link_repeated_quotes(quoted)
    quoted = [q for q in quoted if direct.is_a_quote(q)]
    reported = reported_speech(doc, article, marked, index)
    reporting = Intervals((r.span.start, r.span.end + 1) for r in reported)
    quoted = [q for q in quoted if not _inside_reported(q, reporting)]
    # a clause framing a direct quote ("He said his wife “told him to run.”") is that quote
    quoting = Intervals((q.span.start, q.span.end) for q in quoted)
    reported = [r for r in reported if not quoting.overlaps(r.span.start, r.span.end)]
    analysis.quotes = _to_quotes(sorted(quoted + reported, key=lambda q: q.span.start))


def _inside_reported(quote: direct.Found, reporting: Intervals) -> bool:
    """A partial quote inside a reported clause is part of that clause's quote."""
    return quote.kind == "partial" and reporting.containing(quote.span.start, quote.span.end)


def _to_quotes(found: list[direct.Found]) -> list[Quote]:
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
