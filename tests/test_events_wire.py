"""Events: sides in wire copy (issue 14's sixth stop), each rule with a sentence of our own.

The judges read an event's countries from the entities its sides refer to, so each test
checks that entity's country as well as the side's code.
"""

from __future__ import annotations

from dateline.model import Analysis, Event, Party


def _all(analysis: Analysis, event_type: str) -> list[Event]:
    found = [e for e in analysis.events if e.type == event_type]
    assert found, f"no {event_type} in {[(e.type, e.trigger.text) for e in analysis.events]}"
    return found


def _country(analysis: Analysis, party: Party | None) -> str | None:
    """The country of the entity a side refers to: what score.py events reads."""
    if party is None or party.entity is None:
        return None
    return next(e.country for e in analysis.entities if e.id == party.entity)


def test_a_nationality_word_before_a_party_noun_says_whose_it_is(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # "Somali" opening a sentence can be read as a namesake place; before "police" it is
    # the nationality, and the side is Somalia's
    analysis = analyse_text("Somali police detained three Kenyan traders near Baidoa on Friday.")
    arrest = _all(analysis, "COERCE")[0]
    assert arrest.actor is not None and arrest.actor.code == "SOM"
    assert arrest.actor.code_source == "text"
    assert _country(analysis, arrest.actor) == "SOM"


def test_states_coordinated_after_of_act_together(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # both ministers agreed: a joint act of Chile and Peru, no one the recipient
    text = "The defence ministers of Chile and Peru agreed on Monday to hold joint naval patrols."
    analysis = analyse_text(text)
    agreements = _all(analysis, "AGREE")
    assert {_country(analysis, e.actor) for e in agreements} == {"CHL", "PER"}
    assert all(e.recipient is None for e in agreements)


def test_a_counterpart_is_the_other_side_not_the_actors_own(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # "his" does not make the Danish counterpart Norway's own, as "its troops" would be
    analysis = analyse_text("Norway's prime minister received his Danish counterpart in Oslo.")
    meeting = _all(analysis, "CONSULT")[0]
    assert meeting.recipient is not None and meeting.recipient.code == "DNK"
    assert _country(analysis, meeting.recipient) == "DNK"


def test_where_a_deal_is_signed_is_a_venue_not_a_sides_country(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # a rebel group that signs in Doha is not Qatari
    text = "Chad's government and a northern rebel group signed a peace agreement in Doha."
    analysis = analyse_text(text)
    countries = {_country(analysis, e.actor) for e in _all(analysis, "AGREE")}
    assert "QAT" not in countries
    assert "TCD" in countries


def test_the_agent_of_a_deed_that_is_the_agent_of_a_passive_acted(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # the strikes hit the harbour; whoever carried them out is the side
    text = "The harbour of Berbera was hit by drone strikes carried out by Ethiopian forces."
    analysis = analyse_text(text)
    attack = _all(analysis, "ASSAULT")[0]
    assert attack.actor is not None and attack.actor.code == "ETH"
    assert _country(analysis, attack.actor) == "ETH"


def test_whose_passive_subject_it_is_is_the_recipient(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # a plan drafted by two states and rejected: both are rejected, not the nearest one
    text = "A truce plan drafted by Kenya and Ethiopia was rejected by Sudan on Friday."
    analysis = analyse_text(text)
    rejections = _all(analysis, "REJECT")
    assert {_country(analysis, e.recipient) for e in rejections} == {"KEN", "ETH"}
    assert {_country(analysis, e.actor) for e in rejections} == {"SDN"}


def test_an_act_put_as_an_open_question_is_no_event(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # nothing was done yet: whether to close the embassy is still being decided
    text = "The Dutch cabinet has not decided whether to close its embassy in Caracas."
    assert analyse_text(text).events == []


def test_whom_a_place_is_taken_from_is_the_side_hit(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # the rebels lost the town: they, not the town, are what the force was used on
    text = "Malian soldiers recaptured the town of Kidal from Tuareg rebels on Tuesday."
    attack = _all(analyse_text(text), "ASSAULT")[0]
    assert attack.recipient is not None and attack.recipient.name is not None
    assert "rebels" in attack.recipient.name


def test_officials_from_several_states_all_act(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # the envoys of all three states met the Sudanese side
    text = "Envoys from Kenya, Uganda and Tanzania met Sudanese mediators in Juba on Monday."
    analysis = analyse_text(text)
    meetings = _all(analysis, "CONSULT")
    assert {_country(analysis, e.actor) for e in meetings} == {"KEN", "UGA", "TZA"}


def test_what_could_happen_if_something_else_did_is_no_event(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # a guess about a possibility: no deployment, no threat
    text = "Chad might close its border with Sudan if the fighting spreads, an analyst said."
    assert analyse_text(text).events == []


def test_what_will_be_done_if_a_condition_holds_stays_a_threat(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # intent stated with a condition is what a threat is
    text = "Chad will close its border with Sudan if the fighting spreads, its president said."
    assert [e.type for e in analyse_text(text).events] == ["THREATEN"]
