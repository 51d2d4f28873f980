"""Nationality words no entity holds, read as their country where they modify a noun.

GeoWebNews-style annotation counts "Danish" in "a Danish wave energy developer" or "the
Ukrainian law" as a (non-locational) reference to the country, as the places stage already does
for the nationality words the tagger types NORP. The small model leaves many of them untyped,
above all at a sentence's start and after a prefix ("anti-Russian rhetoric"). Only a word that
modifies the noun after it is read: "the injured were British" names people, and "spoke
French" a language, not a country.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from spacy.attrs import IS_ALPHA, IS_LOWER, IS_UPPER
from spacy.tokens import Doc, Token

from dateline.model import FACT_BLOCKS, Analysis, BlockKind, Span
from dateline.nlp.common.gazetteer import KnownPlace, country_place
from dateline.nlp.common.lexicon import country_of_demonym, country_of_name

_BLOCKS = FACT_BLOCKS | {BlockKind.CAPTION}
_MODIFIED = {"NOUN", "PROPN", "ADJ"}
# Tokens the tagger read as people or places are another stage's; inside a law's or a
# language's span ("the Ukrainian Law on ...", "the English city of") or a span the entity
# reading dropped, the word still names its country.
_PLACE_TYPES = {"PERSON", "GPE", "LOC", "FAC"}
# A language is named before these ("the French language", "English speakers").
_LANGUAGE_NOUNS = {"language", "languages", "speaker", "speakers", "translation", "dialect"}


def untagged_demonyms(
    doc: Doc, analysis: Analysis, taken: list[Span]
) -> Iterator[tuple[Span, KnownPlace]]:
    """Each untyped nationality word before the noun it modifies, and its country."""
    ranges = [(s.start, s.end) for s in taken]
    ranges += [(m.start, m.end) for e in analysis.entities for m in e.mentions]
    for token in _capitalised_words(doc):
        country = _country_modifier(token)
        if country is None:
            continue
        start, end = token.idx, token.idx + len(token)
        if any(s < end and start < e for s, e in ranges):
            continue
        block = analysis.article.block_at(start)
        if block is None or block.kind not in _BLOCKS:
            continue
        known = country_place(country)
        if known is not None:
            yield analysis.article.span(start, end), known


def _capitalised_words(doc: Doc) -> list[Token]:
    """The alphabetic tokens neither all in lower case nor all in capitals: every word
    `_country_modifier` may take, picked on spaCy's arrays rather than by making a Python
    object of every token (a fifth of the places stage's time, before)."""
    if len(doc) == 0:
        return []
    flags = doc.to_array([IS_ALPHA, IS_LOWER, IS_UPPER]).astype(bool)
    chosen = flags[:, 0] & ~flags[:, 1] & ~flags[:, 2]
    return [doc[int(i)] for i in np.nonzero(chosen)[0]]


def _country_modifier(token: Token) -> str | None:
    """The country of a capitalised nationality word outside the tagger's people and places,
    where the
    next word is the noun (or another modifier) it qualifies."""
    text = token.text
    if token.ent_type_ in _PLACE_TYPES or not text[:1].isupper() or text.isupper():
        return None
    if not token.is_alpha:
        return None
    if token.i + 1 >= len(token.doc):
        return None
    after = token.doc[token.i + 1]
    if after.pos_ not in _MODIFIED or not after.is_alpha or after.lower_ in _LANGUAGE_NOUNS:
        return None
    code = country_of_name(text)
    if code is not None and not _only_demonym(text, code):
        return None
    return country_of_demonym(text)


def _only_demonym(text: str, code: str) -> bool:
    """Whether a word the country lists take for a country's name is only its people's word:
    countryinfo's spellings hold "Togolese", "Thai" and "Montenegrin" beside Togo, Thailand
    and Montenegro, so "Togolese authorities" had named no country. A country's own name
    ("Djibouti port") stays a name, the places stage's own reading."""
    place = country_place(code)
    return place is not None and place.name.casefold() != text.casefold()
