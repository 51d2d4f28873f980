"""Fast token look-ups for the stages: a token's sentence, and tokens by word.

spaCy's `Token.sent` walks the document's sentences each time it is asked, and iterating a
Doc makes a Python object per token; stages that ask often use these instead.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

import numpy as np
from spacy.strings import hash_string  # type: ignore[attr-defined]  # a Cython function without a stub
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


def tokens_with(doc: Doc, attribute: str, words: frozenset[str]) -> list[Token]:
    """The tokens whose LOWER or LEMMA is one of `words`, found on the array of hashes rather
    than by making a Python object of every token. Each hash is looked up in the sorted
    hashes of the words by binary search: `np.isin` would sort the word list (thousands of
    trigger lemmas) again on every call."""
    hashes = _hashes(words)
    if not len(hashes):
        return []
    values = doc.to_array(attribute)
    at = np.searchsorted(hashes, values)
    at[at == len(hashes)] = 0  # past the largest hash: no word, and a valid index to compare
    return [doc[int(i)] for i in np.nonzero(hashes[at] == values)[0]]


@lru_cache(maxsize=64)
def _hashes(words: frozenset[str]) -> np.ndarray:
    """spaCy's hashes of a word list, computed once per list rather than once per article."""
    return np.array(sorted(hash_string(word) for word in words), dtype="uint64")
