"""Events: rules and lexicon entries of issue 14's third stop, each with a sentence of our own.

Each test names the PLOVER convention it follows (the type definitions in PLOVER's manual and
its CAMEO-to-PLOVER mapping), not a dev sentence: the rules are general patterns of news prose.
"""

from __future__ import annotations

import pytest

from dateline.model import Analysis, Event


def _types(analysis: Analysis) -> list[str]:
    return [e.type for e in analysis.events]


def _one(analysis: Analysis, event_type: str) -> Event:
    found = [e for e in analysis.events if e.type == event_type]
    assert found, f"no {event_type} in {[(e.type, e.trigger.text) for e in analysis.events]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        # PLOVER AID covers military assistance: weapons and vehicles given are aid
        ("The Dutch navy handed forty rifles to the Kenyan coast guard.", "KEN"),
        # "provided X with Y": the thing given follows "with", X is who gets it
        ("Canada has provided Chad with medical equipment and trucks.", "TCD"),
        # aid announced by a donor is aid given (CAMEO 07, provide aid)
        ("The Swedish government announced new humanitarian assistance for Malawi.", "MWI"),
    ],
)
def test_things_given_are_aid_whichever_way_the_sentence_puts_them(  # type: ignore[no-untyped-def]
    analyse_text, text: str, recipient: str
) -> None:
    aid = _one(analyse_text(text), "AID")
    assert aid.recipient is not None and aid.recipient.code == recipient


def test_peacekeepers_and_monitors_sent_are_aid_not_a_show_of_force(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # CAMEO 074 (provide military protection or peacekeeping) maps to PLOVER AID
    sent = analyse_text("Vietnam sent peacekeeping troops to South Sudan in May.")
    assert _types(sent) == ["AID"]
    monitors = analyse_text("The African Union deployed monitors in Gambia before the vote.")
    assert _types(monitors) == ["AID"]
    troops = analyse_text("Russia deployed troops along the border on Monday.")
    assert _types(troops) == ["MOBILIZE"]


def test_something_given_back_is_a_retreat_but_coming_back_is_nothing(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # CAMEO 0842 (return, release property) maps to PLOVER RETREAT
    returned = _one(analyse_text("Peru returned three stolen statues to Bolivia."), "RETREAT")
    assert returned.recipient is not None and returned.recipient.code == "BOL"
    assert not analyse_text("Thousands of refugees returned to Burundi last year.").events
    fire = analyse_text("The soldiers returned fire on the gunmen near the bridge.")
    assert _types(fire) == ["ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Brazil cut tariffs on Argentine beef in March.",
        "Japan scrapped its ban on Korean fish imports.",
        "Ottawa lowered duties on steel from Mexico.",
    ],
)
def test_an_easing_of_trade_curbs_carried_out_is_a_retreat(analyse_text, text: str) -> None:  # type: ignore[no-untyped-def]
    # CAMEO 0811 (ease economic sanctions, boycott or embargo) maps to PLOVER RETREAT
    assert _types(analyse_text(text)) == ["RETREAT"]


def test_cut_or_reduced_aid_is_a_sanction(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # CAMEO 1621 (reduce or stop economic assistance) maps to PLOVER SANCTION
    event = _one(analyse_text("Chile reduced its aid to Haiti last year."), "SANCTION")
    assert event.recipient is not None and event.recipient.code == "HTI"


def test_a_threatened_sanction_is_a_threat(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # PLOVER THREATEN: a threat of an act is coded as the threat, not as the act
    analysis = analyse_text("The president threatened new sanctions against Cuba on Friday.")
    assert _types(analysis) == ["THREATEN"]


def test_troops_sent_for_peacekeeping_are_aid(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # CAMEO 074 (provide peacekeeping) maps to PLOVER AID, whatever word carries the purpose
    sent = analyse_text("Spain is sending troops to the UN peacekeeping mission in Lebanon.")
    assert _types(sent) == ["AID"]
    # a peacekeeping word in another clause says nothing of this deployment
    other = analyse_text("Troops were deployed to the border after peacekeepers were attacked.")
    assert "AID" not in _types(other)


def test_an_exercise_held_by_several_sides_is_cooperation(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # PLOVER COOPERATE: joint military exercises; one side's exercise is a show of force
    joint = analyse_text("Chile and Peru staged war games near the border.")
    assert set(_types(joint)) == {"COOPERATE"}
    alone = analyse_text("Kenya staged a military exercise near Somalia.")
    assert _types(alone) == ["MOBILIZE"]


def test_taking_part_in_an_event_is_doing_it(analyse_text) -> None:  # type: ignore[no-untyped-def]
    protest = analyse_text("Thousands of students participated in the protest in Lima.")
    assert _types(protest) == ["PROTEST"]
    drill = analyse_text("Germany and Spain are taking part in a naval exercise off Crete.")
    assert set(_types(drill)) == {"COOPERATE"}


def test_a_phrasal_verb_is_read_with_its_object(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # CAMEO 0871-0874 (de-escalation carried out) map to PLOVER RETREAT; a strike called
    # off ends a protest, and forces built up are a show of force
    from dateline.nlp.events.lexicon import object_sense

    called_off = object_sense("call off", "strike")
    assert called_off is not None and called_off.type == "RETREAT"
    built = analyse_text("Russia has strengthened its forces near the Finnish border.")
    assert _types(built) == ["MOBILIZE"]


def test_overrunning_a_post_is_an_attack_and_a_state_of_siege_coercion(analyse_text) -> None:  # type: ignore[no-untyped-def]
    assert _types(analyse_text("Jihadists overran an army post in Mali on Sunday.")) == ["ASSAULT"]
    siege = analyse_text("Bolivia declared a state of siege in Pando on Friday.")
    assert _types(siege) == ["COERCE"]


def test_what_an_accused_thing_is_said_to_have_done_is_no_event(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # "accuse X of V-ing", with the parse hanging "of" on X: V is the accuser's claim
    analysis = analyse_text("Critics accuse the new law of attacking the free press in Poland.")
    assert "ASSAULT" not in _types(analysis)


def test_an_easing_or_release_declared_not_to_be_done_is_a_refusal(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # PLOVER REJECT: refusing a cooperative act ("will not lift", "will not end the strike")
    lifted = analyse_text("Peru said it will not lift the ban on Chilean fruit.")
    assert _types(lifted) == ["REJECT"]
    strike = analyse_text("The nurses said they will not end the strike until their pay is raised.")
    assert _types(strike) == ["REJECT"]


def test_a_doer_no_dictionary_codes_is_kept_by_its_words(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("The dockworkers called off their strike on Tuesday.")
    event = _one(analysis, "RETREAT")
    assert event.actor is not None and event.actor.code is None
    assert event.actor.name is not None and "dockworkers" in event.actor.name
    # a statement with no event in it stays none
    assert not analyse_text("The report said the economy grew last year.").events


def test_peacekeepers_arriving_are_aid_and_an_envoy_arriving_a_visit(analyse_text) -> None:  # type: ignore[no-untyped-def]
    arrived = analyse_text("Chinese peacekeepers arrived in Juba on Thursday.")
    assert _types(arrived) == ["AID"]
    envoy = analyse_text("The envoy arrived in Juba for talks on the peacekeeping mission.")
    assert _types(envoy) == ["CONSULT"]


def test_aid_flown_in_is_aid_and_a_suspended_tax_an_easing(analyse_text) -> None:  # type: ignore[no-untyped-def]
    flown = analyse_text("The Red Cross flew ten tonnes of medicine into Yemen on Monday.")
    assert _types(flown) == ["AID"]
    taxed = analyse_text("India suspended its tax on Nepali rice in June.")
    assert _types(taxed) == ["RETREAT"]


@pytest.mark.parametrize(
    "text",
    [
        "The rebel command declared a truce for the harvest season in Kachin.",
        "The army announced a three-day cease-fire in the eastern provinces.",
    ],
)
def test_a_declared_ceasefire_is_a_military_retreat(analyse_text, text: str) -> None:  # type: ignore[no-untyped-def]
    # CAMEO 0871 (declare truce, ceasefire), which PLOVER's mapping codes RETREAT/ceasefire
    assert [(e.type, e.mode) for e in analyse_text(text).events] == [("RETREAT", "ceasefire")]


def test_forces_offered_to_someone_are_help_offered(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # CAMEO 0332 (intent to provide military aid) maps to PLOVER AGREE, not THREATEN
    offered = analyse_text("Ghana has offered to send troops to Mali to help the army.")
    assert _types(offered) == ["AGREE"]
    threatened = analyse_text("Ghana threatened to send troops to the disputed island.")
    assert _types(threatened) == ["THREATEN"]


@pytest.mark.parametrize(
    "text",
    [
        "Rebel fighters backed by Turkish drones shelled the town of Afrin on Monday.",
        "Malian soldiers, supported by French helicopters, attacked a camp near Gao.",
    ],
)
def test_a_side_described_as_backed_by_another_tells_no_support(analyse_text, text: str) -> None:  # type: ignore[no-untyped-def]
    # PLOVER SUPPORT is an act of endorsement; "backed by X" describes the side that acts
    assert _types(analyse_text(text)) == ["ASSAULT"]


def test_a_dictionary_verb_in_a_plain_future_is_coded_by_intent(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # talks to come are an agreement (PLOVER codes announced cooperation by intent)
    coming = analyse_text("The Peruvian foreign minister will attend the summit in Quito.")
    assert _types(coming) == ["AGREE"]
    maybe = analyse_text("The Peruvian foreign minister may attend the summit in Quito.")
    assert _types(maybe) == []


def test_what_someone_is_arrested_for_is_no_event_of_its_own(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # the act held against the arrested is told by the arrest, as an accusation's content is
    held = analyse_text("Two farmers were arrested for collaborating with the rebels near Tumaco.")
    assert _types(held) == ["COERCE"]


def test_discussions_held_are_talks_and_a_deployment_announced_a_mobilisation(analyse_text) -> None:  # type: ignore[no-untyped-def]
    talks = analyse_text("Kenya's president held bilateral discussions with the Somali president.")
    assert _types(talks) == ["CONSULT"]
    deployed = analyse_text("Russia announced the deployment of troops along the border.")
    assert _types(deployed) == ["MOBILIZE"]
    # troops deployed on a peacekeeping mission: CAMEO 074, PLOVER AID
    kept = analyse_text(
        "Nigeria announced the deployment of 200 troops to Liberia on a peacekeeping mission."
    )
    assert _types(kept) == ["AID"]
