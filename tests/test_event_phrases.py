"""Events: a side named by the noun phrase the text uses for it where those words name the
side itself, and by its entity where they name a part of it (issue 14)."""

from __future__ import annotations

from dateline.model import Analysis, Event


def _one(analysis: Analysis, event_type: str) -> Event:
    found = [e for e in analysis.events if e.type == event_type]
    assert found, f"no {event_type} event in {[(e.type, e.trigger.text) for e in analysis.events]}"
    return found[0]


def test_a_person_is_named_with_title_and_what_says_which_one(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Foreign Minister Ana Costa of Brazil met with Kenyan officials.")
    event = _one(analysis, "CONSULT")
    assert event.actor is not None
    assert event.actor.name == "Foreign Minister Ana Costa of Brazil"
    assert event.actor.mention.text == event.actor.name


def test_a_state_organ_is_named_by_its_words_and_coded_to_the_state(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # issue 14: the name is what the text says (what a reader and an annotator of sources
    # and targets see); the code and the entity link still say which state acted
    analysis = analyse_text("The Chilean government condemned the Argentine navy on Monday.")
    event = _one(analysis, "ACCUSE")
    assert event.actor is not None and event.actor.name == "The Chilean government"
    assert event.actor.code == "CHL" and event.actor.sector == "GOV"
    assert event.recipient is not None and event.recipient.name == "the Argentine navy"
    assert event.recipient.code == "ARG"


def test_a_group_is_named_by_its_whole_phrase(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("A court in Lisbon sentenced the leader of a smuggling gang on Friday.")
    event = _one(analysis, "SANCTION")
    assert event.recipient is not None
    assert event.recipient.name == "the leader of a smuggling gang"


def test_a_phrase_ends_before_a_relative_clause(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Rebels who control the hills attacked an army post near Goma, the governor said."
    )
    event = _one(analysis, "ASSAULT")
    assert event.actor is not None and event.actor.name == "Rebels"
    # the place phrase on the noun says which post was hit (force: test_events_arguments)
    assert event.recipient is not None and event.recipient.name == "an army post near Goma"


def test_a_coined_name_is_kept_for_an_unnamed_doer(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("A car bomb near the port of Aden killed four Yemeni guards.")
    event = _one(analysis, "ASSAULT")
    assert event.actor is not None and event.actor.name == "unidentified attackers"
    assert event.actor.mention.text == "car bomb"


def test_a_thing_standing_for_a_state_is_named_by_its_words(analyse_text) -> None:  # type: ignore[no-untyped-def]
    thing = analyse_text("Norway rejected the Swedish proposal on fishing quotas.")
    refusal = _one(thing, "REJECT")
    assert refusal.recipient is not None and refusal.recipient.code == "SWE"
    assert refusal.recipient.name is not None and "proposal" in refusal.recipient.name


def test_a_thing_in_a_place_acted_on_is_named_by_its_words(analyse_text) -> None:  # type: ignore[no-untyped-def]
    attack = _one(
        analyse_text("Taliban fighters attacked an Afghan army base in Helmand."), "ASSAULT"
    )
    name = "an Afghan army base in Helmand"  # which base was hit: its place phrase too
    assert attack.recipient is not None and attack.recipient.name == name
    assert attack.recipient.code == "AFG"
    # a place struck is still named by the gazetteer, and aid goes to the place
    strike = _one(
        analyse_text("Israeli jets struck targets in northern Gaza on Monday."), "ASSAULT"
    )
    assert strike.recipient is not None and strike.recipient.name == "Gaza Strip"
