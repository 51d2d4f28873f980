"""The occasion of a quote (when and where it was said) carries on through the narrative.

A reporter names the occasion once ("Speaking in Jordan on April 30, Mr. X said …") and lets
the next quotes of the same speaker inherit it. A quote with a cue of its own but no date or
place of its own takes them from the same speaker's quote in the same or the previous
paragraph; further away, the occasion may have changed, and nothing is guessed.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dateline.model import Analysis, Quote
from dateline.nlp.common.sentences import sentence_of


def carry_forward(analysis: Analysis, attribute: str) -> None:
    """Fill `quote.<attribute>` ("date" or "place") from the same speaker's previous quote."""
    position = {id(block): number for number, block in enumerate(analysis.article.blocks)}
    last: dict[str, tuple[int, str]] = {}
    for quote in analysis.quotes:
        block = analysis.article.block_at(quote.span.start)
        paragraph = position[id(block)] if block is not None else -10
        if quote.speaker is None:
            continue
        earlier = last.get(quote.speaker)
        unset = getattr(quote, attribute) is None and quote.cue is not None
        if unset and earlier is not None and paragraph - earlier[0] <= 1:
            setattr(quote, attribute, earlier[1])
        value = getattr(quote, attribute)
        if value is not None:
            last[quote.speaker] = (paragraph, value)


def cue_token(doc: Doc, quote: Quote) -> Token | None:
    """The head word of a quote's cue ("said", "according"); None without a cue."""
    if quote.cue is None:
        return None
    cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    return cue.root if cue is not None else None


def attribution_sentence(doc: Doc, quote: Quote) -> Span | None:
    """The sentence of a quote's cue, where its occasion is told; None without a cue."""
    cue = cue_token(doc, quote)
    return sentence_of(cue) if cue is not None else None
