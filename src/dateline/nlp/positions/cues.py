"""The words that state a position, and how a cue's stance is read from the parse.

A cue is a token whose lemma the tables of `data/stance_cues.json` name: a stance verb
("oppose the plan"), a verb with its preposition ("urge against"), a predicate adjective
("undecided on"), a stance noun ("support for"), or a verb of doing said as an intent ("will
enter Rafah", "vowed to build"). Its polarity is the table's, turned by what the words around
it say: a negation flips it ("can't support" opposes), a frame of intent multiplies it
("refused to sign" opposes the accord, "refused to halt" backs the patrols), and a condition
in its clause ("unless", "only if") makes the stance conditional.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Token

from dateline.vocabulary import word_table

# The polarity of each stance: what negation and frames multiply.
POLARITY = {"support": 1, "oppose": -1, "neutral": 0}
_MODALS = frozenset({"will", "would", "shall", "may", "might", "can", "could", "must", "should"})
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


@dataclass(frozen=True, slots=True)
class Cues:
    """The stance tables, read once."""

    verbs: Mapping[str, str]
    phrases: Mapping[str, str]
    adjectives: Mapping[str, str]
    nouns: Mapping[str, str]
    frames: Mapping[str, int]
    pro: frozenset[str]
    anti: frozenset[str]
    events: Mapping[str, str]
    conditions: re.Pattern[str]
    not_conditions: re.Pattern[str]
    dropped_for: re.Pattern[str]
    # Every lemma that may open a cue: what the stage looks for first, on every token of a
    # quote, so it is built once with the tables rather than per look-up.
    words: frozenset[str]


def _opening_words(table: Mapping[str, Any]) -> frozenset[str]:
    keyed = (*table["phrases"], *table["adjectives"], *table["nouns"])
    heads = {key.split()[0] for key in keyed}
    actions = table["actions"]
    return frozenset({*table["verbs"], *heads, *actions["pro"], *actions["anti"]})


def _alternatives(phrases: list[str]) -> re.Pattern[str]:
    longest_first = sorted(phrases, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in longest_first) + r")\b", re.I)


@cache
def cues() -> Cues:
    table: Mapping[str, Any] = word_table("dateline.nlp.positions", "stance_cues.json")
    return Cues(
        verbs=table["verbs"],
        phrases=table["phrases"],
        adjectives=table["adjectives"],
        nouns=table["nouns"],
        frames=table["frames"],
        pro=frozenset(table["actions"]["pro"]),
        anti=frozenset(table["actions"]["anti"]),
        events=table["events"],
        conditions=_alternatives(table["conditions"]),
        not_conditions=_alternatives(table["not_conditions"]),
        dropped_for=re.compile(
            r"\b(?:could|might|may|would|can)\s+(?:\w+\s+)?be\s+(?:"
            + "|".join(re.escape(word) for word in table["dropped_for"])
            + r")\s+(for)\b",
            re.I,
        ),
        words=_opening_words(table),
    )


def lemma(token: Token) -> str:
    return token.lemma_.casefold()


def is_negated(token: Token) -> bool:
    """A negation on the word itself ("not back", "can't support", "never accept"), or "no
    longer" before it."""
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ in _NEGATIONS):
            return True
        if child.lower_ == "longer" and any(c.lower_ == "no" for c in child.children):
            return True
    return False


def is_intent(token: Token) -> bool:
    """A verb said as what will or would be done: with a modal ("will enter"), "going to", or
    under a frame of intent ("vowed to build")."""
    if any(c.dep_ == "aux" and lemma(c) in _MODALS for c in token.children):
        return True
    return frame_of(token) is not None or (
        token.dep_ == "xcomp" and lemma(token.head) == "go" and token.head.tag_ == "VBG"
    )


def frame_of(token: Token) -> Token | None:
    """The frame of intent a to-clause depends on ("vowed" of "vowed to build")."""
    if token.dep_ in {"xcomp", "ccomp"} and lemma(token.head) in cues().frames:
        return token.head
    return None


def polarity(token: Token, base: int) -> int:
    """The cue's polarity with its negation and its frame's ("refused to sign": -1)."""
    value = -base if is_negated(token) else base
    frame = frame_of(token)
    if frame is not None:
        value *= cues().frames[lemma(frame)]
        if is_negated(frame):
            value = -value
    return value


def is_finite(token: Token) -> bool:
    """A verb with its own tense (or a predicate with its copula): one whose subject holds
    the stance, unlike the subjunctive of a demand ("insisted that Hamas accept the offer")."""
    if token.tag_ in _FINITE or any(c.dep_ in {"aux", "auxpass"} for c in token.children):
        return True
    return token.dep_ == "acomp" and token.head.tag_ in _FINITE


_CLAUSE_END = re.compile(r"[,;:.!?—–]|\s-\s")


def condition_in(text: str) -> tuple[int, str] | None:
    """The first condition in a stretch of text, as (offset, its words up to the end of its
    clause); concessive phrases ("even if", "with or without") are no conditions, and a
    measure that "could be dropped for" something is dropped on that condition."""
    masked = cues().not_conditions.sub(lambda found: " " * len(found.group()), text)
    found = cues().conditions.search(masked)
    traded = cues().dropped_for.search(masked)
    if traded is not None and (found is None or traded.start(1) < found.start()):
        start = traded.start(1)  # "could be dropped for a deal": the deal is the condition
    elif found is not None:
        start = found.start()
    else:
        return None
    end = _CLAUSE_END.search(text, start)
    words = text[start : end.start() if end else len(text)].strip()
    return start, words
