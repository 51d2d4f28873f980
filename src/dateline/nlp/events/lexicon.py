"""The words that signal events, and the PLOVER type and mode each one signals.

The lists live in `data/event_lexicon.json` and the ontology in `data/plover.json` (read by
`dateline.ontology`, which every layer shares); this module reads them once and answers the
questions the event stage asks: what does this verb signal, what does this verb signal with
this object, what does this event noun signal.
An entry reads "TYPE", "TYPE/mode" or "TYPE/mode | prep, prep" (the prepositions whose object
is the event's recipient).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from dateline.ontology import ONTOLOGY, modes_of
from dateline.ontology import is_conflict as is_conflict  # the stage's questions, asked here
from dateline.ontology import quad_of as quad_of
from dateline.vocabulary import word_table


@dataclass(frozen=True, slots=True)
class Sense:
    """What a word signals: a PLOVER type, its mode, and where its recipient is found."""

    type: str
    mode: str | None = None
    recipient_preps: tuple[str, ...] = ()


def parse_sense(entry: str) -> Sense:
    """ "ASSAULT/aerial | on, at" -> Sense("ASSAULT", "aerial", ("on", "at"))."""
    head, _, preps = entry.partition("|")
    event_type, _, mode = head.strip().partition("/")
    return Sense(
        event_type,
        mode or None,
        tuple(p.strip() for p in preps.split(",") if p.strip()),
    )


def _data(name: str) -> Mapping[str, Any]:
    return word_table("dateline", name)


def lexicon() -> Mapping[str, Any]:
    """The whole word list, as `data/event_lexicon.json` has it."""
    return _data("event_lexicon.json")


def ontology() -> Mapping[str, Any]:
    """PLOVER's types (quad class, score, definition, modes), sectors and actor codes."""
    return ONTOLOGY


def valid_mode(event_type: str, mode: str | None) -> str | None:
    """The mode if PLOVER defines it for this type, else None: a mode never leaks across types."""
    return mode if mode in modes_of(event_type) else None


@cache
def _senses(section: str) -> dict[str, Sense]:
    return {word: parse_sense(entry) for word, entry in lexicon()[section].items()}


@cache
def _object_senses() -> dict[str, dict[str, Sense]]:
    table = lexicon()["object_senses"]
    return {verb: {noun: parse_sense(e) for noun, e in table[verb].items()} for verb in table}


def verb_sense(lemma: str) -> Sense | None:
    """What a verb signals by itself ("attack"), or with its particle ("pull out")."""
    return _senses("verbs").get(lemma)


def object_sense(verb: str, noun: str, *, any_object: bool = True) -> Sense | None:
    """What a verb signals with this object ("take" + "hostage"); `_aid` stands for any aid
    noun ("provide" + "food"), and `_any` for any object at all: "returned the paintings"
    gives something back whatever it is, while "returned home" (no object) does not."""
    table = _object_senses().get(verb)
    if table is None:
        return None
    if noun in table:
        return table[noun]
    if noun in word_set("aid_nouns") and "_aid" in table:
        return table["_aid"]
    # an intransitive subject ("the refugees returned") is not a thing given back
    return table.get("_any") if any_object else None


def has_object_senses(verb: str) -> bool:
    return verb in _object_senses()


def noun_sense(noun: str) -> Sense | None:
    """What an event noun signals ("offensive", "air strike", "hunger strike")."""
    return _senses("nouns").get(noun)


def control_type(lemma: str) -> str | None:
    """The type of a verb that frames another action: "agreed to", "threatened to",
    "urged X to", "refused to"."""
    found = _data("event_lexicon.json")["control_verbs"].get(lemma)
    return str(found) if found is not None else None


@cache
def word_set(section: str) -> frozenset[str]:
    return frozenset(_data("event_lexicon.json")[section])


def assault_mode(lemma: str) -> str | None:
    """The ASSAULT mode a nearby word implies ("drone" -> drone, "shelling" -> heavy-weapons)."""
    found = _data("event_lexicon.json")["assault_modes"].get(lemma)
    return str(found) if found is not None else None
