"""The sentence a token is in, found by bisection.

spaCy's `Token.sent` walks the document's sentences each time it is asked; stages that ask
for many tokens' sentences use this index instead, built once per document.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

_KEY = "dateline_sentence_starts"


def sentence_of(token: Token) -> Span:
    """The sentence holding `token` (same as `token.sent`, in logarithmic time)."""
    doc: Doc = token.doc
    bounds = doc.user_data.get(_KEY)
    if bounds is None:
        bounds = [(sentence.start, sentence.end) for sentence in doc.sents]
        doc.user_data[_KEY] = bounds
    position = bisect_right(bounds, (token.i, len(doc) + 1)) - 1
    start, end = bounds[position]
    return doc[start:end]
