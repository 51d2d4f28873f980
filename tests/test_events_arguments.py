"""Events: who did it to whom (issue 14's fourth stop), each rule with a sentence of our own.

The sides of an event are the arguments its clause gives: how they are named (the words an
annotator of sources and targets marks), where they are found, and where their country comes
from. Each test names the convention it follows, not an evaluation sentence.
"""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(
    ("text", "event_type", "recipient"),
    [
        # a measure lifted is aimed at whom it was imposed on (CAMEO 081-085's targets)
        ("Canada lifted its sanctions against Peru on Monday.", "RETREAT", "PER"),
        ("Norway eased the travel ban imposed on Chilean citizens.", "RETREAT", "CHL"),
        # a withdrawal's recipient is the place left, not the troops withdrawn
        ("Ghana withdrew some of its troops from Mali.", "RETREAT", "MLI"),
    ],
)
def test_whom_a_measure_is_aimed_at_and_what_is_left_are_the_recipient(  # type: ignore[no-untyped-def]
    analyse_text, text: str, event_type: str, recipient: str
) -> None:
    event = _one(analyse_text(text), event_type)
    assert event.recipient is not None and event.recipient.code == recipient


def test_what_is_acted_on_with_no_code_is_kept_by_its_words(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # an inquiry into people no dictionary knows: they are still its target, uncoded
    text = "Dutch prosecutors opened an investigation into twelve managers of Vanterra."
    inquiry = _one(analyse_text(text), "ACCUSE")
    assert inquiry.recipient is not None
    assert inquiry.recipient.name == "twelve managers of Vanterra"
    assert inquiry.recipient.code is None
    refusal = _one(analyse_text("The army rejected the draft resolution."), "REJECT")
    assert refusal.recipient is not None and refusal.recipient.name == "the draft resolution"


def test_a_date_is_not_whom_and_a_mutual_agreement_keeps_its_two_sides(analyse_text) -> None:  # type: ignore[no-untyped-def]
    attack = _one(analyse_text("Rebels launched an attack on Monday."), "ASSAULT")
    assert attack.recipient is None
    deal = analyse_text("Chile and Peru agreed the new fishing plan.")
    # both are its actors (PLOVER's joint act), and the plan is no recipient
    assert {(e.actor.code if e.actor else None) for e in deal.events} == {"CHL", "PER"}
    assert all(e.recipient is None or e.recipient.code is None for e in deal.events)


def test_a_pronoun_acted_on_is_named_by_whom_it_stands_for(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Chile's president Gabriel Boric called Peru's new leader Ana Ruiz to congratulate her."
    praise = _one(analyse_text(text), "SUPPORT")
    assert praise.recipient is not None and praise.recipient.name == "Ana Ruiz"


def test_whom_aid_is_given_to_help_is_its_recipient(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # the purpose names the helped state before a "to" deeper in it names the crisis
    text = "Canada has donated forty ventilators to help Ghana with its response to the virus."
    aid = _one(analyse_text(text), "AID")
    assert aid.recipient is not None and aid.recipient.code == "GHA"


def test_words_said_at_a_summons_are_said_to_the_one_summoned(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # the meeting is the means (one event, the complaint), and its other side is the envoy
    text = "Pakistan summoned the Danish ambassador on Monday to complain about the cartoons."
    complaint = _one(analyse_text(text), "ACCUSE")
    assert complaint.recipient is not None and complaint.recipient.code == "DNK"
    assert complaint.recipient.name == "the Danish ambassador"


# A story about one country quoting a foreign analyst, and an official the text gives no
# nationality (issue 14, item 3: actors with provenance).
_TARIFF_STORY = """Colombia raises steel tariffs

BOGOTA — Colombia's trade minister Laura Pardo announced new tariffs on steel imports on \
Tuesday, days after Colombian steelworkers protested in Medellin.

"These tariffs will hurt small builders more than anyone," said Mark Ellison, an analyst at \
a research group in London. Ellison criticised the ministry for the timing of the decision.

Deputy Minister Andres Villa praised the steelworkers for their patience.
"""


def test_a_foreign_analyst_keeps_no_country_and_an_inferred_one_codes_no_event(  # type: ignore[no-untyped-def]
    analyse_text,
) -> None:
    analysis = analyse_text(_TARIFF_STORY)
    people = {e.name: e for e in analysis.entities if e.type.value == "PERSON"}
    # the analyst works in London and the story is about Colombia: neither is his country
    assert people["Mark Ellison"].country is None
    criticism = _one(analysis, "ACCUSE")
    assert criticism.actor is not None and criticism.actor.entity == people["Mark Ellison"].id
    assert criticism.actor.code is None and criticism.actor.code_source is None
    # an official's country guessed from the story says so, and does not code the event
    villa = people["Andres Villa"]
    assert villa.country_source == "inference"
    praise = _one(analysis, "SUPPORT")
    assert praise.actor is not None and praise.actor.entity == villa.id
    assert praise.actor.code is None and praise.actor.code_source == "inference"
    # a country the text states codes, and says it came from the text
    protest = _one(analysis, "PROTEST")
    assert protest.actor is not None
    assert (protest.actor.code, protest.actor.code_source) == ("COL", "text")
    for event in analysis.events:
        for side in (event.actor, event.recipient):
            assert side is None or side.code is None or side.code_source is not None


def test_every_sector_and_body_code_says_where_it_came_from(analyse_text) -> None:  # type: ignore[no-untyped-def]
    arrest = _one(analyse_text("Kenyan police arrested five smugglers in Mombasa."), "COERCE")
    assert arrest.actor is not None and arrest.recipient is not None
    # "police" is Dateline's own party noun read in the text; "smugglers" a Phoenix agent
    assert (arrest.actor.sector, arrest.actor.sector_source) == ("COP", "text")
    assert (arrest.recipient.sector, arrest.recipient.sector_source) == ("CRM", "dictionary")
    # a body above states is coded by its sector, which a known organisation gives
    text = "The United Nations condemned the attack on the clinic."
    condemned = _one(analyse_text(text), "ACCUSE")
    assert condemned.actor is not None and condemned.actor.code == "IGO"
    assert condemned.actor.code_source == "dictionary"


def test_a_place_called_by_another_name_keeps_the_texts_name(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # "US" and "Burma" are other names of the gazetteer's United States and Myanmar: the
    # code says which state, the name is what the text says
    easing = _one(analyse_text("The US lifted its sanctions against Burma."), "RETREAT")
    assert easing.actor is not None and easing.recipient is not None
    assert (easing.actor.name, easing.actor.code) == ("US", "USA")
    assert (easing.recipient.name, easing.recipient.code) == ("Burma", "MMR")
    # where the gazetteer's name only completes the text's words, it is kept
    aid = _one(analyse_text("Britain sent aid to northern Gaza."), "AID")
    assert aid.recipient is not None and aid.recipient.name == "Gaza Strip"
    assert aid.actor is not None and aid.actor.name == "Britain"


def test_a_demand_for_a_measure_is_aimed_at_the_measures_target(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Norway has called for sanctions against the cartel and its bankers."
    demand = _one(analyse_text(text), "REQUEST")
    assert demand.recipient is not None and demand.recipient.name == "the cartel"


def test_who_is_released_is_the_recipient_even_uncoded(analyse_text) -> None:  # type: ignore[no-untyped-def]
    release = _one(analyse_text("The junta released two detained engineers."), "RETREAT")
    assert release.recipient is not None
    assert release.recipient.name == "two detained engineers"


def test_a_leaders_government_is_named_by_its_words(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # the government is the state's organ, not the person who leads it
    text = "Prime Minister Ana Ruiz's government released the detained leaders of the opposition."
    release = _one(analyse_text(text), "RETREAT")
    assert release.actor is not None
    assert release.actor.name == "Prime Minister Ana Ruiz's government"
    assert release.actor.sector == "GOV"


def test_a_counted_group_keeps_its_count_in_its_words(analyse_text) -> None:  # type: ignore[no-untyped-def]
    march = _one(analyse_text("Thousands of Kenyan teachers marched in Nairobi."), "PROTEST")
    assert march.actor is not None
    assert (march.actor.name, march.actor.code) == ("Thousands of Kenyan teachers", "KEN")
    text = "Georgian police detained dozens of students in Tbilisi on Monday."
    arrest = _one(analyse_text(text), "COERCE")
    assert arrest.recipient is not None and arrest.recipient.name is not None
    assert arrest.recipient.name.startswith("dozens of students")


def test_a_bodys_officials_are_named_by_their_words_and_its_fighters_by_its_name(  # type: ignore[no-untyped-def]
    analyse_text,
) -> None:
    refusal = _one(analyse_text("Hezbollah officials rejected the French plan."), "REJECT")
    assert refusal.actor is not None and refusal.actor.name == "Hezbollah officials"
    attack = _one(analyse_text("Hezbollah fighters attacked an Israeli patrol."), "ASSAULT")
    assert attack.actor is not None and attack.actor.name == "Hezbollah"


def test_what_force_hits_near_a_place_is_the_thing_not_the_place(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Syrian jets attacked the last rebel-held town near Homs on Friday."
    attack = _one(analyse_text(text), "ASSAULT")
    assert attack.recipient is not None
    assert (attack.recipient.name, attack.recipient.code) == (
        "the last rebel-held town near Homs",
        "SYR",
    )
    # a place the act is done in, beside what is used, stays the place
    bombing = _one(analyse_text("Rebels exploded two bombs in Gao."), "ASSAULT")
    assert bombing.recipient is not None and bombing.recipient.name == "Gao"
