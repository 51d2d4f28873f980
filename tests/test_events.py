"""Events: who did what to whom, coded in PLOVER, with actors, dates and places."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.export.plover import plover_events
from dateline.model import Analysis, Event
from dateline.record import to_record


def _events(analysis: Analysis, event_type: str) -> list[Event]:
    return [e for e in analysis.events if e.type == event_type]


def _one(analysis: Analysis, event_type: str) -> Event:
    found = _events(analysis, event_type)
    described = [(e.type, e.trigger.text) for e in analysis.events]
    assert found, f"no {event_type} event in {described}"
    return found[0]


def _codes(event: Event) -> tuple[str | None, str | None]:
    actor = event.actor.code if event.actor else None
    recipient = event.recipient.code if event.recipient else None
    return actor, recipient


# One sentence of our own per PLOVER type: (text, type, actor code, recipient code, mode).
TYPES = [
    (
        "Chile and Peru agreed on Monday to hold joint naval drills.",
        "AGREE",
        "CHL",
        None,
        None,
    ),
    (
        "Norway's foreign minister met with Kenyan officials in Nairobi.",
        "CONSULT",
        "NOR",
        "KEN",
        None,
    ),
    (
        "Canada praised Ghana for its peaceful election.",
        "SUPPORT",
        "CAN",
        "GHA",
        None,
    ),
    (
        "Egypt apologized to Sudan for the border incident.",
        "CONCEDE",
        "EGY",
        "SDN",
        None,
    ),
    (
        "Brazil and Argentina cooperated with Uruguay on the river cleanup.",
        "COOPERATE",
        "BRA",
        "URY",
        None,
    ),
    (
        "Japan donated medical supplies to Nepal after the quake.",
        "AID",
        "JPN",
        "NPL",
        None,
    ),
    (
        "Ethiopian troops withdrew from Somalia on Tuesday.",
        "RETREAT",
        "ETH",
        "SOM",
        "withdraw",
    ),
    (
        "Germany urged Serbia to release the detained reporters.",
        "REQUEST",
        "DEU",
        "SRB",
        "yield",
    ),
    (
        "Lithuania accused Belarus of pushing migrants across the border.",
        "ACCUSE",
        "LTU",
        "BLR",
        "allege",
    ),
    (
        "Pakistan rejected India's proposal for new talks.",
        "REJECT",
        "PAK",
        "IND",
        None,
    ),
    (
        "Iran threatened Azerbaijan with economic reprisals.",
        "THREATEN",
        "IRN",
        "AZE",
        None,
    ),
    (
        "Kenyan students protested against the government of Uganda.",
        "PROTEST",
        "KEN",
        "UGA",
        "demo",
    ),
    (
        "Australia imposed sanctions on Myanmar's military rulers.",
        "SANCTION",
        "AUS",
        "MMR",
        None,
    ),
    (
        "Armenia deployed troops along its border with Azerbaijan.",
        "MOBILIZE",
        "ARM",
        "AZE",
        "troops",
    ),
    (
        "Turkish police arrested dozens of Syrian refugees in Istanbul.",
        "COERCE",
        "TUR",
        "SYR",
        "arrest",
    ),
    (
        "Russian warplanes bombed a market in northern Syria.",
        "ASSAULT",
        "RUS",
        "SYR",
        "aerial",
    ),
]


@pytest.mark.parametrize(("text", "event_type", "actor", "recipient", "mode"), TYPES)
def test_every_plover_type_from_a_sentence_of_its_own(  # type: ignore[no-untyped-def]
    analyse_text, text: str, event_type: str, actor: str, recipient: str, mode: str | None
) -> None:
    event = _one(analyse_text(text), event_type)
    assert _codes(event) == (actor, recipient)
    if mode is not None:
        assert event.mode == mode


def test_a_meeting_with_three_people_is_one_event_per_pair(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Foreign Secretary Maria Lind met with Kenyan President William Ruto, Vice President "
        "Rigathi Gachagua and Speaker Moses Wetangula in Nairobi on March 3, 2024."
    )
    meetings = _events(analysis, "CONSULT")
    # each named by the words the text uses, title and all; "in Nairobi" is where they met
    assert [e.recipient.name for e in meetings if e.recipient] == [
        "Kenyan President William Ruto",
        "Vice President Rigathi Gachagua",
        "Speaker Moses Wetangula",
    ]
    assert {e.trigger.text for e in meetings} == {"met"}
    assert {e.date for e in meetings} == {"2024-03-03"}


def test_two_parties_agreeing_are_both_actors(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # PLOVER's joint act: every party an actor, no recipient, one trigger for the one act
    # (ConfliBERT marks "A and B" as one actor too; issue 14's fifth stop)
    analysis = analyse_text("Chile and Peru agreed on Monday to hold joint naval drills.")
    agreed = _events(analysis, "AGREE")
    assert {_codes(e) for e in agreed} == {("CHL", None), ("PER", None)}
    assert len({(e.trigger.start, e.trigger.end) for e in agreed}) == 1


def test_a_passive_takes_its_actor_from_the_by_phrase(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("A food convoy was struck by Israeli forces near Khan Younis.")
    strike = _one(analysis, "ASSAULT")
    assert strike.actor is not None
    assert (strike.actor.code, strike.actor.sector) == ("ISR", "MIL")
    assert strike.actor.mention.text == "Israeli forces"


def test_a_state_organ_stands_for_its_state(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Greece sent a note to Turkey on Monday. Turkish officials rejected the note on Tuesday."
    )
    refusal = _one(analysis, "REJECT")
    assert refusal.actor is not None
    # coded to the state (and linked to its entity), named by the text's words (issue 14)
    assert refusal.actor.code == "TUR" and refusal.actor.name == "Turkish officials"
    assert refusal.actor.sector == "GOV"


def test_a_negated_event_says_so(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Indian troops did not attack the Chinese post, the ministry said.")
    assert _one(analysis, "ASSAULT").aux_mode == "negation"


def test_a_pledge_of_force_is_a_threat_and_a_pledge_of_help_an_agreement(analyse_text) -> None:  # type: ignore[no-untyped-def]
    threat = analyse_text("Venezuela will attack Guyana if the oil survey goes ahead.")
    assert [e.type for e in threat.events] == ["THREATEN"]
    offer = analyse_text("Sweden will send aid to Moldova next month.")
    assert _one(offer, "AGREE").recipient is not None
    assert not _events(offer, "AID")


def test_a_hypothetical_event_is_not_coded(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Talks could resume if a ceasefire is agreed, Qatari mediators said.")
    assert not _events(analysis, "AGREE")


def test_statements_are_quotes_not_events(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Mayor Ines Duarte said the bridge would reopen in June. “We are ready,” she said."
    )
    assert analysis.events == []
    assert analysis.quotes


def test_no_event_from_a_headline_or_caption(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Rebels Attack Army Base in North\n\n"
        "Soldiers guard the gate of the base on Sunday. (Photo: Ana Ruiz/Reuters)\n\n"
        "By Tom Hale\n\n"
        "The mayor of Goma opened a new school on Monday, officials said."
    )
    texts = [analysis.article.text[e.sentence.start : e.sentence.end] for e in analysis.events]
    assert all("Rebels Attack" not in t and "guard the gate" not in t for t in texts)


def test_an_event_takes_the_date_and_place_of_its_own_clause(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "KYIV, June 4, 2024 — Ukrainian drones struck an oil depot in Novorossiysk on June 2, "
        "officials said.",
    )
    strike = _one(analysis, "ASSAULT")
    assert strike.date == "2024-06-02"
    place = next(p for p in analysis.places if p.id == strike.place)
    assert place.name == "Novorossiysk"
    assert strike.mode == "drone"


def test_the_other_side_is_found_when_the_clause_names_none(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Colombian negotiators submitted a new proposal on Thursday, days after ELN rebels "
        "released two Venezuelan hostages."
    )
    offer = _one(analysis, "AGREE")
    assert offer.recipient is not None and offer.recipient.code == "VEN"


def test_the_record_and_plover_export_carry_codes(analyse_text, schema) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Japan donated medical supplies to Nepal on May 2, 2024.")
    record = to_record(analysis)
    event = record["events"][0]
    assert event["type"] == "AID" and event["quad"] == "material_cooperation"
    assert event["actor_party"]["code"] == "JPN"
    if schema is not None:
        import jsonschema

        jsonschema.validate(record, schema)
    plover = plover_events(record)[0]
    assert plover["event"] == ["AID"] and plover["date"] == "2024-05-02"
    assert plover["actor"][0]["code"] == "JPN" and plover["recipient"][0]["code"] == "NPL"
    assert plover["quad_code"] == 2 and plover["date_resolution"] == "event"


def test_events_command_prints_a_table_and_plover_lines(tmp_path) -> None:  # type: ignore[no-untyped-def]
    story = tmp_path / "story.txt"
    story.write_text("Canada praised Ghana for its peaceful election on Sunday.\n", "utf-8")
    runner = CliRunner()
    table = runner.invoke(app, ["events", str(story)])
    assert table.exit_code == 0, table.output
    assert "SUPPORT" in table.output and "Canada" in table.output
    lines = runner.invoke(app, ["events", str(story), "--format", "plover"])
    assert lines.exit_code == 0, lines.output
    parsed: list[dict[str, Any]] = [json.loads(x) for x in lines.output.splitlines() if x]
    assert [p["event"] for p in parsed] == [["SUPPORT"]]


def test_a_wire_dateline_is_not_the_lead_s_subject(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "QUITO, May 5 (Andes Post) — Mr. Ferreira signed an agreement with Peru in Quito on "
        "Friday.\n\nMr. Ferreira said the terms were fair."
    )
    deal = _one(analysis, "AGREE")
    assert deal.actor is not None and deal.actor.name == "Mr. Ferreira"
    assert deal.recipient is not None and deal.recipient.code == "PER"


def test_a_title_with_a_name_beside_it_is_that_person(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Bolivia's foreign minister, Rosa Quispe, rejected an offer from Jorge Salinas in La Paz "
        "on Monday."
    )
    refusal = _one(analysis, "REJECT")
    assert refusal.actor is not None and refusal.actor.name == "Rosa Quispe"
    assert refusal.recipient is not None and refusal.recipient.name == "Jorge Salinas"


def test_what_an_accusation_alleges_is_not_an_event(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Estonia accused Russian forces of attacking a border post near Narva, speaking at a "
        "meeting in Tallinn on March 4, 2024."
    )
    assert [e.type for e in analysis.events] == ["ACCUSE"]
    accusation = analysis.events[0]
    assert accusation.date == "2024-03-04"
    place = next(p for p in analysis.places if p.id == accusation.place)
    assert place.name == "Tallinn"


def test_a_place_that_says_whose_a_person_is_does_not_place_the_event(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Chile's trade minister refused a request from Foreign Minister Ana Ortiz of Peru in "
        "Lima on Tuesday."
    )
    refusal = _one(analysis, "REJECT")
    place = next(p for p in analysis.places if p.id == refusal.place)
    assert place.name == "Lima"


def test_sitting_down_with_someone_is_a_meeting(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Helga Strand sat down with Peruvian officials in Lima on Monday.")
    meeting = _one(analysis, "CONSULT")
    assert meeting.recipient is not None and meeting.recipient.code == "PER"
    calm = analyse_text("The marchers sat down in the square on Monday.")
    assert not _events(calm, "CONSULT")


def test_two_titled_names_joined_by_and_both_act(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Mr. Varga and Defence Minister Piotr Nowak signed a deal in Budapest on Friday."
    )
    pairs = {
        (e.actor.name if e.actor else None, e.recipient.name if e.recipient else None)
        for e in _events(analysis, "AGREE")
    }
    assert pairs == {("Mr. Varga", None), ("Defence Minister Piotr Nowak", None)}


def test_the_partner_of_a_plan_comes_before_the_town_it_is_made_in(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Sara Lindgren agreed a joint plan with Mr. Okoye in Kumasi on Thursday."
    )
    plan = _one(analysis, "AGREE")
    assert plan.recipient is not None and plan.recipient.name == "Mr. Okoye"


def test_aid_sent_through_a_town_happens_there(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Tove Aasen sent relief supplies to Mr. Haddad through Amman on Sunday."
    )
    aid = _one(analysis, "AID")
    place = next(p for p in analysis.places if p.id == aid.place)
    assert place.name == "Amman"


def test_force_by_someone_unnamed_is_coded_to_unidentified_attackers_there(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("A roadside bomb near the town of Tikrit killed two British soldiers.")
    event = _one(analysis, "ASSAULT")
    assert event.actor is not None and event.actor.name == "unidentified attackers"
    assert event.actor.mention.text == "roadside bomb"
    assert _codes(event) == ("IRQ", "GBR")
    # A doer the text names is never replaced.
    named = _one(analyse_text("Rebels near Tikrit killed two British soldiers."), "ASSAULT")
    assert named.actor is not None and named.actor.name != "unidentified attackers"


def test_the_demand_a_protest_is_made_for_is_no_event_of_its_own(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Thousands of workers marched in Lagos to demand higher wages.")
    assert [e.type for e in analysis.events] == ["PROTEST"]
    # A demand said in words, with no protest around it, is still a REQUEST.
    said = analyse_text("Nigeria's unions demanded higher wages from the government.")
    assert _events(said, "REQUEST")


def test_troops_put_on_alert_in_a_place_are_mobilised_against_it(analyse_text) -> None:  # type: ignore[no-untyped-def]
    event = _one(analyse_text("Turkish troops stayed on alert in Idlib on Sunday."), "MOBILIZE")
    assert _codes(event) == ("TUR", "SYR")


def test_a_stance_towards_a_country_does_not_make_a_person_its_own(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("A noted anti-Iran journalist was killed in a bomb blast in Basra.")
    event = _one(analysis, "ASSAULT")
    assert event.recipient is not None and "journalist" in (event.recipient.name or "")
    assert _codes(event) == ("IRQ", "IRQ")


def test_a_place_only_the_gazetteer_places_gives_its_country(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Niger's interior ministry lifted the curfew in Agadez on Tuesday.")
    agadez = next(e for e in analysis.entities if e.name == "Agadez")
    assert agadez.country == "NER"
    assert _codes(_one(analysis, "RETREAT")) == ("NER", "NER")


def test_initials_of_a_state_name_the_state(analyse_text) -> None:  # type: ignore[no-untyped-def]
    event = _one(analyse_text("The PRC demanded that Japan halt the naval drills."), "REQUEST")
    assert _codes(event) == ("CHN", "JPN")


def test_a_people_named_with_its_country_takes_that_country(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Bosnian Croats demanded a truce with Serb forces.")
    croats = next(e for e in analysis.entities if e.name == "Bosnian Croats")
    assert (croats.type.value, croats.country) == ("NORP", "BIH")
    assert _codes(_one(analysis, "REQUEST")) == ("BIH", "SRB")


def test_an_ally_of_a_state_belongs_where_it_is_not_to_the_state(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Rebels killed the commander of Iran's militia ally in eastern Iraq.")
    assert _codes(_one(analysis, "ASSAULT"))[1] == "IRQ"


def test_calling_for_someone_to_act_is_a_demand_not_their_act(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Egypt called for Israel to withdraw its troops from the border.")
    assert [e.type for e in analysis.events] == ["REQUEST"]
    assert _codes(analysis.events[0]) == ("EGY", "ISR")


def test_an_arrest_by_no_one_named_is_the_authorities_of_the_place(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Two British journalists were arrested in Istanbul on Friday.")
    event = _one(analysis, "COERCE")
    assert event.actor is not None and (event.actor.name, event.actor.sector) == (
        "authorities",
        "GOV",
    )
    assert _codes(event) == ("TUR", "GBR")


def test_a_country_the_tagger_missed_is_still_a_party(analyse_text) -> None:  # type: ignore[no-untyped-def]
    event = _one(analyse_text("Chad sent 2,000 troops to the border on Monday."), "MOBILIZE")
    assert _codes(event)[0] == "TCD"
    # A first name that is also a country's name stays part of the person's name.
    people = analyse_text("Chad Smith said the talks had failed.").entities
    assert [(e.name, e.type.value) for e in people] == [("Chad Smith", "PERSON")]


def test_intelligence_shared_is_information_not_a_party(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("France and Germany shared intelligence on the bombing suspects.")
    assert {_codes(e) for e in _events(analysis, "COOPERATE")} == {("FRA", None), ("DEU", None)}


def test_what_a_request_asks_for_is_not_an_event_that_happened(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Indonesia rejected Australia's request to extradite the suspect.")
    assert [e.type for e in analysis.events] == ["REJECT"]
    # An effort under way is being made: its act is coded.
    effort = analyse_text("Britain is leading an effort to deliver food aid to Haiti.")
    assert _codes(_one(effort, "AID")) == ("GBR", "HTI")


def test_its_and_their_stand_for_the_party_of_the_clause(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Turkey denied that its jets had bombed civilians in northern Iraq.")
    assert _codes(_one(analysis, "ASSAULT")) == ("TUR", "IRQ")
    # The subject's "its", not the country named last before it.
    urged = analyse_text(
        "Ghana, a close partner of Nigeria, has refused to send troops to Mali and has urged "
        "its citizens to leave the region."
    )
    request = _one(urged, "REQUEST")
    assert request.recipient is not None and request.recipient.code == "GHA"


def test_freezing_assets_is_a_sanction_and_mediating_a_consultation(analyse_text) -> None:  # type: ignore[no-untyped-def]
    frozen = _one(analyse_text("Canada froze the assets of three Iranian banks."), "SANCTION")
    assert _codes(frozen) == ("CAN", "IRN")
    talks = analyse_text("Oman mediated talks between Iran and Britain.")
    assert {e.mode for e in _events(talks, "CONSULT")} == {"third-party"}


def test_shows_of_force_and_cut_loans_have_their_own_types(analyse_text) -> None:  # type: ignore[no-untyped-def]
    tested = analyse_text("Pakistan test-fired a nuclear-capable missile on Saturday.")
    assert [(e.type, e.mode) for e in tested.events] == [("MOBILIZE", "weapons")]
    loans = _one(analyse_text("The World Bank suspended loans to Zimbabwe."), "SANCTION")
    assert _codes(loans) == ("IGO", "ZWE")


def test_talks_with_his_counterpart_are_with_the_counterpart_s_country(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Peru's foreign minister held talks with his Bolivian counterpart.")
    assert _codes(_one(analysis, "CONSULT")) == ("PER", "BOL")


def test_mobilising_is_of_forces_and_a_prepared_attack_is_one_event(analyse_text) -> None:  # type: ignore[no-untyped-def]
    assert not analyse_text("Qatar has mobilized lobby groups in Washington.").events
    assert _events(analyse_text("Serbia mobilized 10,000 reservists on Friday."), "MOBILIZE")
    prepared = analyse_text("The Croatian army prepared to resume shelling Serb-held villages.")
    assert [e.type for e in prepared.events] == ["MOBILIZE"]
    assert _codes(prepared.events[0]) == ("HRV", "SRB")


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Norway has provided more than $40 million for drought relief in Somalia.", "SOM"),
        (
            "The Dutch government handed over 200 tonnes of medical supplies to the Red Crescent.",
            "NGO",
        ),
        ("Canada allocated $5 million in emergency aid to Haiti on Monday.", "HTI"),
    ],
)
def test_a_sum_or_quantity_given_is_aid(analyse_text, text: str, recipient: str) -> None:  # type: ignore[no-untyped-def]
    aid = _one(analyse_text(text), "AID")
    assert aid.recipient is not None and aid.recipient.code == recipient


def test_a_sum_paid_for_something_is_no_aid(analyse_text) -> None:  # type: ignore[no-untyped-def]
    assert not analyse_text("The company paid $2 million for the land in Lagos.").events


@pytest.mark.parametrize(
    "text",
    [
        "The rebels will not release the two Kenyan pilots until a ransom is paid.",
        "Hungary says it cannot accept more refugees from the camps in Greece.",
        "Peru won't send aid to the flooded region this year.",
    ],
)
def test_a_cooperative_act_declared_not_to_be_done_is_a_refusal(analyse_text, text: str) -> None:  # type: ignore[no-untyped-def]
    refusal = _one(analyse_text(text), "REJECT")
    assert refusal.aux_mode is None  # the refusal itself was said: it happened


def test_ending_an_event_is_not_doing_it(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("The envoy ended mediation efforts between the two parties on Friday.")
    assert not _events(analysis, "AGREE") and not _events(analysis, "CONSULT")


def test_a_meeting_held_to_complain_is_the_complaint(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Chile summoned the Peruvian ambassador on Monday to complain about the border incident."
    )
    assert [e.type for e in analysis.events] == ["ACCUSE"]
    talks = analyse_text("The minister met the Kenyan envoy to discuss trade.")
    assert [e.type for e in talks.events] == ["CONSULT"]


def test_a_clause_of_time_is_the_background_of_its_sentence_s_event(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Kenya recalled its ambassador from Uganda after Ugandan troops shelled a border village."
    )
    assert "ASSAULT" not in {e.type for e in analysis.events}
    alone = analyse_text("Ugandan troops shelled a border village in Kenya on Monday.")
    assert _one(alone, "ASSAULT").actor is not None


def test_a_place_is_named_by_its_gazetteer_name(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Israeli jets struck targets in northern Gaza on Monday.")
    strike = _one(analysis, "ASSAULT")
    assert strike.recipient is not None and strike.recipient.name == "Gaza Strip"


def test_a_participle_describing_a_noun_is_background_unless_it_names_the_doer(
    analyse_text,
) -> None:  # type: ignore[no-untyped-def]
    eased = analyse_text("Jordan eased the curfew imposed on Irbid after the riots in May.")
    assert "COERCE" not in {e.type for e in eased.events}
    taken = analyse_text(
        "Chad proposed talks on the release of hostages taken by Boko Haram fighters in May."
    )
    assert "ASSAULT" in {e.type for e in taken.events}


def test_what_an_attack_did_is_one_event_with_it(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Gunmen stormed a police station in Kano on Sunday, killing three officers."
    )
    assert [e.type for e in analysis.events] == ["ASSAULT"]


def test_two_verbs_of_one_type_sharing_a_subject_are_one_event(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Bandits killed four farmers and wounded two others near Gusau on Tuesday."
    )
    assert [e.type for e in analysis.events] == ["ASSAULT"]
    both = analyse_text("Rebels shelled Goma and the army bombed their camps on Friday.")
    assert {e.trigger.text for e in both.events} == {"shelled", "bombed"}  # two subjects


def test_taking_in_refugees_is_aid(analyse_text) -> None:  # type: ignore[no-untyped-def]
    aid = _one(analyse_text("Canada accepted 2,000 Syrian refugees from camps last year."), "AID")
    assert aid.actor is not None and aid.actor.code == "CAN"
    proposal = analyse_text("Norway accepted the proposal from Sweden.")
    assert [e.type for e in proposal.events] == ["AGREE"]


def test_war_waged_or_launched_is_force(analyse_text) -> None:  # type: ignore[no-untyped-def]
    war = analyse_text("The rebels waged a guerrilla war against the government in the north.")
    assert _one(war, "ASSAULT").actor is not None
    declared = analyse_text("Russia declared war on the neighbouring state.")
    assert [e.type for e in declared.events] == ["THREATEN"]


def test_an_intent_verb_with_nothing_intended_is_no_agreement(analyse_text) -> None:  # type: ignore[no-untyped-def]
    fled = analyse_text("Thousands of Malians have sought refuge in Mauritania since March.")
    assert not _events(fled, "AGREE")
    offer = analyse_text("Ghana pledged to send engineers to Togo next month.")
    assert _one(offer, "AGREE").recipient is not None


def test_defending_a_decision_is_support_in_words(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Portugal's prime minister defended Spain's decision to close the border."
    )
    assert [e.type for e in analysis.events if e.type in {"SUPPORT", "AID"}] == ["SUPPORT"]


def test_an_easing_carried_out_is_a_retreat_and_one_promised_an_agreement(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # PLOVER's CAMEO-to-PLOVER mapping (0813, 0814, 085): an eased curfew, state of
    # emergency or sanction is a de-escalation carried out, as PLOVER's RETREAT says
    done = analyse_text("Zambia lifted the curfew in Lusaka on Friday.")
    assert [e.type for e in done.events] == ["RETREAT"]
    eased = analyse_text("Canada eased sanctions on Belarus in June.")
    assert [e.type for e in eased.events] == ["RETREAT"]
    promised = analyse_text("Zambia will lift the curfew in Lusaka next week.")
    assert [e.type for e in promised.events] == ["AGREE"]


def test_a_surrender_is_a_retreat(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # PLOVER's mapping 0874: retreat or surrender militarily
    event = _one(analyse_text("Forty rebel fighters surrendered to the army near Beni."), "RETREAT")
    assert event.recipient is not None and event.recipient.name == "the army"
