"""PLOVER's ontology, read once from `data/plover.json`: the one home of its event types,
their quad classes and quad codes, the types coded both ways, and the actor codes of bodies
above states. The event stage codes with it, the record and the PLOVER export write its
classes and codes, the corpus merges reciprocal events by it, the web pages list its types.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dateline.vocabulary import word_table

ONTOLOGY: Mapping[str, Any] = word_table("dateline", "plover.json")
# The sixteen types in PLOVER's order, cooperation to conflict.
EVENT_TYPES: tuple[str, ...] = tuple(ONTOLOGY["types"])
QUAD_CODES: Mapping[str, int] = ONTOLOGY["quad_codes"]
CONFLICT_QUADS = frozenset({"verbal_conflict", "material_conflict"})
# Types whose sides act together: "A and B met" is A->B and B->A, and "A met B" and "B met A"
# report one meeting.
RECIPROCAL_TYPES = frozenset(ONTOLOGY["reciprocal_types"])
# Actor codes of bodies above states (IGO, NGO, UNO …), which stand where a country would.
NON_STATE_CODES = frozenset(ONTOLOGY["non_state_codes"])


def quad_of(event_type: str) -> str:
    """The quad class of a PLOVER type ("material_conflict" for ASSAULT)."""
    return str(ONTOLOGY["types"][event_type]["quad"])


def types_of_quad(quad: str) -> frozenset[str]:
    """The types of one quad class ("verbal_conflict": REQUEST, ACCUSE, REJECT, THREATEN)."""
    return frozenset(name for name in EVENT_TYPES if quad_of(name) == quad)


def is_conflict(event_type: str) -> bool:
    return quad_of(event_type) in CONFLICT_QUADS


def modes_of(event_type: str) -> Mapping[str, str]:
    """PLOVER's modes of a type, each with Dateline's short definition."""
    modes: Mapping[str, str] = ONTOLOGY["types"][event_type]["modes"]
    return modes
