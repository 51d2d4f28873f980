"""A name the article first gives whole and then shortens is the same entity.

"Hurricane Delia ... Delia could make landfall": the storm, not the Italian town of Delia
the tagger and the gazetteer know. "Halden Offshore agreed to buy ... advised Halden": the
company, not the Norwegian town. One name, one referent within an article, as for people's
surnames (component.py); the shortened form joins the whole name's entity, and where the
tagger missed it, it becomes a mention all the same (storms only: a company's short name
could be its town's too).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Protocol, TypeVar

from spacy.tokens import Doc

from dateline.model import Article, Span
from dateline.nlp.common.gazetteer import largest_city
from dateline.nlp.common.intervals import SpanSet
from dateline.nlp.common.lexicon import country_of_name, organisation
from dateline.nlp.entities.mentions import (
    Mention,
    fact_matches,
    in_place_context,
    is_organisation_word,
)

_CITY = 100_000


class _Cluster(Protocol):
    label: str
    mentions: list[Mention]
    extra: list[Span]
    type_from: str


C = TypeVar("C", bound=_Cluster)


def join_short_forms(doc: Doc, article: Article, clusters: list[C]) -> list[C]:
    """`clusters` with each storm's and each body's short name joined to its whole name."""
    whole: dict[str, C] = {}
    for cluster in clusters:
        words = _longest(cluster).split()
        if any(m.cue == "storm" for m in cluster.mentions):
            whole.setdefault(words[-1], cluster)
        elif cluster.label == "ORG" and _opens_body(words):
            whole.setdefault(words[0], cluster)
            if len(words) > 2 and _name_word(words[1]):
                # "Yang Ming" of "Yang Ming Marine Transport Corp": a two-word short name
                whole.setdefault(" ".join(words[:2]), cluster)
    if not whole:
        return clusters
    kept = []
    for cluster in clusters:
        names = {m.text for m in cluster.mentions}
        owner = whole.get(next(iter(names))) if len(names) == 1 else None
        if owner is None or owner is cluster or not _may_join(doc, cluster, owner):
            kept.append(cluster)
            continue
        for mention in cluster.mentions:
            mention.label = owner.label
            owner.mentions.append(mention)
    _add_storm_repeats(article, kept, whole)
    return kept


def _longest(cluster: _Cluster) -> str:
    return max((m.text for m in cluster.mentions), key=lambda t: (len(t.split()), len(t)))


def _opens_body(words: list[str]) -> bool:
    """A body's name of two or more words whose first word is a name of its own ("Halden
    Offshore"), not a country's or a known body's ("Texas Instruments" is no "Texas")."""
    return (
        len(words) > 1
        and words[0][:1].isupper()
        and words[0].isalpha()
        and country_of_name(words[0]) is None
        and organisation(words[0]) is None
    )


def _name_word(word: str) -> bool:
    """A capitalised word of a name, not a body's word ("Marine" of "Yang Ming Marine" is
    the firm's kind only where the list says so)."""
    return word[:1].isupper() and word.isalpha() and not is_organisation_word(word)


def _may_join(doc: Doc, short: _Cluster, owner: _Cluster) -> bool:
    """A storm's given name joins its storm unless a title makes it a person ("Mr. Ida");
    a body's first word joins it where no mention is used as a place ("in Halden") and the
    word names no state, province or big city, whatever the tagger read."""
    if any(m.cue is not None for m in short.mentions):
        return False
    if any(m.cue == "storm" for m in owner.mentions):
        return short.label != "PERSON" or len(short.mentions[0].text.split()) == 1
    if short.label not in {"GPE", "PERSON", "OTHER"}:
        return False
    if any(in_place_context(doc, m) for m in short.mentions):
        return False
    city = largest_city(short.mentions[0].text)
    if city is None:
        return True
    # A city's name for its team stays the city (GeoWebNews counts "lost to Portland" as a
    # place): only a town smaller than a city that size joins the body named after it.
    return city.feature == "city" and not (city.by_name and city.population >= _CITY)


def _add_storm_repeats(
    article: Article, clusters: Sequence[_Cluster], whole: Mapping[str, _Cluster]
) -> None:
    """A storm's given name wherever the story repeats it, also where the tagger missed it."""
    storms = {n: c for n, c in whole.items() if any(m.cue == "storm" for m in c.mentions)}
    if not storms:
        return
    taken = SpanSet((m.start, m.end) for c in clusters for m in c.mentions)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in storms) + r")\b")
    for match in fact_matches(article, pattern):
        start, end = match.span()
        if taken.overlaps(start, end):
            continue
        storms[match.group()].extra.append(article.span(start, end))
        taken.add(start, end)
