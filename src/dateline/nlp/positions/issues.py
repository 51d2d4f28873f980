"""The target of a position: an entity where the words name one, else an issue, named by a key
that is the same across articles for the same thing.

An issue's key is its head noun's lemma, with the nouns that modify it before it ("water
levy", "stadium sale" from "the sale of the stadium") and, after an "@", the place it is
about ("offensive@rafah"). Adjectives, determiners and numbers are not part of it ("a major
military operation" is an operation), and heads that name one thing are one head
(`data/issue_heads.json`: offensive, operation, assault … are all "offensive"; a head of that
table stands alone, without its modifiers). The place comes from the phrase ("in Rafah",
"a Rafah offensive"), or for a head about a place ("placed": an offensive, a curfew) from the
place named nearest in the same sentence. A verb of that table with a place for object is
the issue too: "enter Rafah" is offensive@rafah.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Token

from dateline.model import Entity, EntityType, Place, Span
from dateline.nlp.common.sentences import sentence_of
from dateline.vocabulary import word_table

# Dependents that start another idea: what a target phrase stops before.
_CUT = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "ccomp", "mark"})
_HYPHENS = frozenset({"-", "‐"})
_MODIFIER_POS = frozenset({"NOUN", "PROPN"})
_NAMED_TYPES = frozenset({EntityType.PERSON, EntityType.ORG, EntityType.GPE})


@dataclass(frozen=True, slots=True)
class Heads:
    heads: Mapping[str, str]
    verbs: Mapping[str, str]
    placed: frozenset[str]
    place_preps: frozenset[str]


@cache
def heads() -> Heads:
    table: Mapping[str, Any] = word_table("dateline.nlp.positions", "issue_heads.json")
    return Heads(
        heads=table["heads"],
        verbs=table["verbs"],
        placed=frozenset(table["placed"]),
        place_preps=frozenset(table["place_preps"]),
    )


@dataclass(frozen=True, slots=True)
class Target:
    """A target as the stage found it: its words, key, and entity if it names one."""

    span: Span
    key: str
    entity: str | None


class Mentions:
    """The article's entity mentions and places by offset: which one a token is part of,
    and which place is named nearest."""

    def __init__(self, entities: Iterable[Entity], places: Iterable[Place]) -> None:
        mentions = sorted(
            ((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda m: m[0]
        )
        self._mentions = mentions
        self._starts = [m[0] for m in mentions]
        demonyms = [(s, e) for s, e, who in mentions if who.type is EntityType.NORP]
        named = [
            (p.span.start, p.span.end, p.name)
            for p in places
            if not any(s <= p.span.start < e for s, e in demonyms)
        ]
        named += [(s, e, who.name) for s, e, who in mentions if who.type is EntityType.GPE]
        self._places = sorted(set(named))
        self._place_starts = [p[0] for p in self._places]

    def entity_at(self, start: int, end: int) -> Entity | None:
        position = bisect_right(self._starts, start) - 1
        while position >= 0 and self._mentions[position][0] > start - 200:
            m_start, m_end, entity = self._mentions[position]
            if m_start <= start and end <= m_end:
                return entity
            position -= 1
        return None

    def place_at(self, start: int, end: int) -> str | None:
        position = bisect_right(self._place_starts, start) - 1
        while position >= 0 and self._places[position][0] > start - 200:
            p_start, p_end, name = self._places[position]
            if p_start <= start and end <= p_end:
                return name
            position -= 1
        return None

    def nearest_place(self, offset: int, low: int, high: int) -> str | None:
        """The place named nearest to `offset` between `low` and `high`."""
        inside = [p for p in self._places if low <= p[0] and p[1] <= high]
        if not inside:
            return None
        return min(inside, key=lambda p: min(abs(p[0] - offset), abs(p[1] - offset)))[2]


def target_of_noun(noun: Token, mentions: Mentions, text: str, bounds: tuple[int, int]) -> Target:
    """The target a noun heads: the entity it names, else the issue of its phrase."""
    tokens = _phrase(noun)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    span = Span(start, end, text[start:end])
    named = mentions.entity_at(noun.idx, noun.idx + len(noun.text))
    if named is not None and named.type in _NAMED_TYPES and not _is_issue_head(noun):
        return Target(span, named.name.casefold(), named.id)
    return Target(span, _issue_key(noun, mentions, bounds), None)


def target_of_verb(verb: Token, obj: Token, mentions: Mentions, text: str) -> Target | None:
    """The issue a verb of doing stands for when its object is a place ("enter Rafah")."""
    head = heads().verbs.get(verb.lemma_.casefold())
    place = mentions.place_at(obj.idx, obj.idx + len(obj.text))
    if head is None or place is None:
        return None
    end = obj.idx + len(obj.text)
    entity = mentions.entity_at(obj.idx, end)
    return Target(
        Span(verb.idx, end, text[verb.idx : end]),
        f"{head}@{place_key(place)}",
        entity.id if entity else None,
    )


def place_key(name: str) -> str:
    """A place as a key writes it: lower case, without diacritics, so the gazetteer's
    "Rafaḩ" and the text's "Rafah" are one place."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _is_issue_head(noun: Token) -> bool:
    """A head of the table names an issue even where NER took it for a name ("Assault")."""
    return noun.lemma_.casefold() in heads().heads


def _inside(token: Token) -> bool:
    """Whether a dependent belongs to its noun's phrase: a hyphen does ("full-scale")."""
    return token.dep_ not in _CUT or token.text in _HYPHENS


def _phrase(noun: Token) -> list[Token]:
    """The noun's phrase: its subtree without relative clauses, appositions, conjuncts and
    other clauses, cut at the first gap."""
    kept = [noun]
    stack = [c for c in noun.children if _inside(c)]
    while stack:
        token = stack.pop()
        kept.append(token)
        stack.extend(c for c in token.children if _inside(c))
    kept.sort(key=lambda t: t.i)
    # the phrase is the unbroken run of kept tokens around the noun
    indices = {t.i for t in kept}
    first = last = noun.i
    while first - 1 in indices:
        first -= 1
    while last + 1 in indices:
        last += 1
    return [t for t in kept if first <= t.i <= last]


def _issue_key(noun: Token, mentions: Mentions, bounds: tuple[int, int]) -> str:
    table = heads()
    head = noun.lemma_.casefold()
    place = None
    words: list[str] = []
    for child in noun.children:
        in_place = mentions.place_at(child.idx, child.idx + len(child.text))
        if child.dep_ in {"compound", "nmod", "amod"} and child.pos_ in _MODIFIER_POS:
            if in_place:
                place = place or in_place
            elif child.i < noun.i and not _measure(child):
                words.append(child.lower_)
        elif child.dep_ == "prep" and child.lower_ in table.place_preps:
            place = place or _place_object(child, mentions)
        elif child.dep_ == "prep" and child.lower_ == "of":
            of_place = _place_object(child, mentions)
            place = place or of_place
            words = words if of_place else _of_object(child) + words
    if head in table.heads:
        head, words = table.heads[head], []
    if place is None and head in table.placed:
        sentence = sentence_of(noun)
        low = max(bounds[0], sentence.start_char)
        high = min(bounds[1], sentence.end_char)
        place = mentions.nearest_place(noun.idx, low, high)
    key = " ".join([*words, head])
    return f"{key}@{place_key(place)}" if place else key


def _measure(token: Token) -> bool:
    """A noun inside a hyphenated modifier ("four-day", "full-scale") is an adjective's part."""
    doc = token.doc
    return any(0 <= i < len(doc) and doc[i].text in {"-", "–"} for i in (token.i - 1, token.i + 1))


def _place_object(preposition: Token, mentions: Mentions) -> str | None:
    for obj in preposition.children:
        if obj.dep_ == "pobj":
            return mentions.place_at(obj.idx, obj.idx + len(obj.text))
    return None


def _of_object(preposition: Token) -> list[str]:
    """ "the sale of the stadium": the stadium's words, which come first in the key."""
    for obj in preposition.children:
        if obj.dep_ == "pobj" and obj.pos_ in _MODIFIER_POS:
            modifiers = [
                c.lower_ for c in obj.children if c.dep_ == "compound" and c.pos_ in _MODIFIER_POS
            ]
            return [*modifiers, obj.lemma_.casefold()]
    return []
