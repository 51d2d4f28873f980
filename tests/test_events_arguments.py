"""Events: who did it to whom (issue 14's fourth stop), each rule with a sentence of our own.

The sides of an event are the arguments its clause gives: how they are named (the words an
annotator of sources and targets marks), where they are found, and where their country comes
from. Each test names the convention it follows, not an evaluation sentence.
"""

from __future__ import annotations

from dateline.model import Analysis, Event


def _one(analysis: Analysis, event_type: str) -> Event:
    found = [e for e in analysis.events if e.type == event_type]
    assert found, f"no {event_type} in {[(e.type, e.trigger.text) for e in analysis.events]}"
    return found[0]


def test_what_force_hits_is_named_by_its_words_with_where_it_is(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # the positions were hit, not the group that holds them, and the place phrase on the
    # noun says which positions
    text = "Kenyan troops shelled al-Shabaab positions near the town of Dhobley on Monday."
    attack = _one(analyse_text(text), "ASSAULT")
    assert attack.recipient is not None and attack.recipient.name is not None
    assert attack.recipient.name.startswith("al-Shabaab positions")
    assert attack.recipient.name.endswith("Dhobley")


def test_a_thing_of_a_body_that_words_are_aimed_at_is_named_by_its_words(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # condemning the report is not condemning the body; its code stays the body's
    accusation = _one(analyse_text("Chile condemned the IMF's report on pensions."), "ACCUSE")
    assert accusation.recipient is not None
    assert accusation.recipient.name == "the IMF's report"
    assert accusation.recipient.code == "IGO"


def test_people_spoken_to_keep_their_name_without_where_they_are(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # words are said to the residents; where they live is not part of who they are
    text = "Kenyan police urged residents in the north of Mandera to stay indoors."
    request = _one(analyse_text(text), "REQUEST")
    assert request.recipient is not None and request.recipient.name == "residents"
