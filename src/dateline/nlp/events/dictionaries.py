"""The event-data community's dictionaries, as the events stage asks them.

PETRARCH2's CAMEO verb dictionary (through PLOVER's CAMEO-to-PLOVER mapping) and its Phoenix
agent dictionary were built over decades on wire news; they cover verbs and party nouns that
Dateline's own lexicon (written sentence by sentence) never met. They are converted by
`scripts/convert_petrarch.py` into `data/` (origin, commit and licence in `data/SOURCES.json`)
and read once per process. Dateline's own lexicon is asked first: the dictionaries fill gaps,
they do not overrule a sense written for this project.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from dateline.nlp.events.lexicon import Sense, parse_sense

# CAMEO's catch-all codes: 050 "engage in diplomatic cooperation" and 060 "engage in material
# cooperation" are where coders put verbs they could not place ("influence", "facilitate"),
# so a verb coded only that vaguely says no event by itself.
_VAGUE = frozenset({"SUPPORT", "COOPERATE"})


def _read(name: str) -> Any:
    raw = resources.files("dateline.nlp.events").joinpath("data", name).read_text("utf-8")
    return json.loads(raw)


@cache
def _verbs() -> dict[str, Any]:
    data: dict[str, Any] = _read("cameo_verbs.json")
    return data


@cache
def _verb_senses() -> dict[str, Sense]:
    return {
        verb: sense
        for verb, entry in _verbs()["verbs"].items()
        if (sense := parse_sense(entry)).type not in _VAGUE
    }


def cameo_verb_sense(lemma: str) -> Sense | None:
    """What the CAMEO dictionary codes a verb as by itself ("abduct" -> ASSAULT/abduct)."""
    return _verb_senses().get(lemma)


@cache
def _sets_of() -> dict[str, tuple[str, ...]]:
    """Noun -> the names of the CAMEO noun sets it is in ("truce" -> ("&ceasefire",))."""
    found: dict[str, list[str]] = {}
    for name, nouns in _verbs()["noun_sets"].items():
        for noun in nouns:
            found.setdefault(noun, []).append(name)
    return {noun: tuple(names) for noun, names in found.items()}


def cameo_object_sense(verb: str, noun: str) -> Sense | None:
    """What the CAMEO dictionary codes a verb with this object ("add" + "sanctions"), the
    noun by itself or as a word of a set a pattern names ("send" + "&food": "rice")."""
    table = _verbs()["object_senses"].get(verb)
    entry = _in_table(table, noun) if table else None
    return parse_sense(entry) if entry is not None else None


def _in_table(table: dict[str, str], noun: str, prefix: str = "") -> str | None:
    """A table's entry for a noun, by itself or as a word of a set the table names."""
    entry = table.get(prefix + noun)
    if entry is None:
        entry = next(
            (table[k] for s in _sets_of().get(noun, ()) if (k := prefix + s) in table), None
        )
    return entry


def cameo_prep_sense(verb: str, prep: str, noun: str) -> Sense | None:
    """What the CAMEO dictionary codes a verb with this prepositional object ("appeal" +
    "for forgiveness", "agree" + "to" a word of "&ceasefire")."""
    table = _verbs()["prep_senses"].get(verb)
    entry = _in_table(table, noun, f"{prep} ") if table else None
    return parse_sense(entry) if entry is not None else None


def cameo_subject_sense(verb: str, noun: str) -> Sense | None:
    """What the CAMEO dictionary codes a verb with this subject, or this word before it
    ("gunmen" + "kill", a word of "&military" + "seize")."""
    table = _verbs()["subject_senses"].get(verb)
    entry = _in_table(table, noun) if table else None
    return parse_sense(entry) if entry is not None else None


@cache
def _statements() -> dict[str, frozenset[str]]:
    return {verb: frozenset(nouns) for verb, nouns in _verbs()["statements"].items()}


def has_statements(verb: str) -> bool:
    """Whether the CAMEO dictionary has any statement pattern for this verb at all."""
    return verb in _statements()


def cameo_statement(verb: str, word: str) -> bool:
    """True when the CAMEO dictionary codes this verb with this object (or the verb it
    frames) as a public statement, CAMEO 01, which PLOVER codes as no event: "claimed
    responsibility", "denied the accusations", "expressed condolences", "declined to
    comment". This outranks the verb's own code and Dateline's lexicon alike, since it is
    the dictionary's judgement of the whole pattern."""
    nouns = _statements().get(verb, frozenset())
    return word in nouns or any(s in nouns for s in _sets_of().get(word, ()))


@cache
def cameo_verbs() -> frozenset[str]:
    """Every first word of a dictionary verb: the tokens the stage must look at."""
    words = {verb.split()[0] for verb in _verb_senses()}
    data = _verbs()
    return frozenset(words | set(data["object_senses"]) | set(data["prep_senses"]))


@cache
def _agents() -> dict[str, str]:
    data: dict[str, str] = _read("agents.json")
    return data


def agent_sector(noun: str) -> str | None:
    """The sector the Phoenix agent dictionary gives a party noun ("police" COP, "rebels"
    REB), in the singular or the plural it lists."""
    agents = _agents()
    found = agents.get(noun)
    if found is None and noun.endswith("s"):
        found = agents.get(noun[:-1]) or (agents.get(noun[:-2]) if noun.endswith("es") else None)
    return found
