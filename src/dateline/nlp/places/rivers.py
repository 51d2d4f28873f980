"""A state's name as its river: "the Ohio rose four feet at Marietta", "barges crossing
the Mississippi". A state takes no article; its name after "the" with no word after it
that the name qualifies ("the Ohio legislature", "the Ohio State campus") is the river of
the name, where the project's list holds "X River"."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from dateline.model import Place
from dateline.nlp.common.gazetteer import region_named
from dateline.nlp.stage import article_text

# What a name qualifies when it stands before it: "the Ohio legislature", "the Ohio State
# campus", "the Ohio 4-H fair".
_QUALIFIED = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
_STATE = "region"
_ARTICLE = re.compile(r"(?:^|\W)[Tt]he\s$")


def with_rivers(places: list[Place], doc: Doc) -> list[Place]:
    """`places` with each state's name read as its river where the text writes it so."""
    return [_as_river(place, doc) for place in places]


def _as_river(place: Place, doc: Doc) -> Place:
    if place.feature != _STATE or place.country != "USA":
        return place
    text = article_text(doc)
    start, end = place.span.start, place.span.end
    if not _ARTICLE.search(text[max(0, start - 5) : start]):
        return place
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or _qualifies(doc, span.end):
        return place
    river = region_named(f"{place.span.text} River")
    if river is None or river.feature != "river":
        return place
    return replace(
        place,
        name=river.name,
        country=river.country,
        lat=river.lat,
        lon=river.lon,
        geonameid=river.geonameid,
        feature=river.feature,
    )


def _qualifies(doc: Doc, after: int) -> bool:
    """The name qualifies what follows it, alone or joined to another name: "the Ohio
    legislature", "the Ohio and Kentucky sides"; "across the Ohio and into Kentucky" not."""
    if after >= len(doc):
        return False
    if doc[after].pos_ in _QUALIFIED:
        return True
    joined = doc[after].pos_ == "CCONJ"
    return joined and after + 1 < len(doc) and doc[after + 1].pos_ == "PROPN"
