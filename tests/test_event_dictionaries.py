"""The event-data community's dictionaries (PETRARCH2 CAMEO verbs, Phoenix agents and actors)
as the events stage reads them: each use tried on a sentence of our own."""

from __future__ import annotations

import json
from importlib import resources

from dateline.nlp.events.dictionaries import agent_sector, cameo_object_sense, cameo_verb_sense


def test_the_data_says_where_it_came_from() -> None:
    data = resources.files("dateline.nlp.events").joinpath("data")
    sources = json.loads(data.joinpath("SOURCES.json").read_text("utf-8"))
    assert len(sources["petrarch2"]["commit"]) == 40
    assert "MIT" in sources["petrarch2"]["licence"]
    assert "MIT License" in data.joinpath("LICENSE.petrarch2").read_text("utf-8")


def test_cameo_verbs_are_mapped_to_plover() -> None:
    hijack = cameo_verb_sense("hijack")
    assert hijack is not None and hijack.type in {"COERCE", "ASSAULT"}
    snub = cameo_verb_sense("snub")
    assert snub is not None and snub.type == "ACCUSE"
    sanctions = cameo_object_sense("add", "sanctions")
    assert sanctions is not None


def test_catch_all_cooperation_codes_signal_nothing() -> None:
    # CAMEO 050 / 060 hold verbs coders could not place: "influence" is no event.
    assert cameo_verb_sense("influence") is None


def test_agents_give_sectors_in_singular_and_plural() -> None:
    assert agent_sector("police") == "COP"
    assert agent_sector("rebels") == "REB"
    assert agent_sector("protesters") == "OPP"


def test_a_dictionary_verb_codes_an_event_the_lexicon_lacks(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Chile snubbed Bolivia at the regional summit.")
    found = [e for e in analysis.events if e.type == "ACCUSE"]
    assert found and found[0].trigger.text == "snubbed"
    assert found[0].actor is not None and found[0].actor.code == "CHL"
    assert found[0].recipient is not None and found[0].recipient.code == "BOL"


def test_a_dictionary_verb_in_a_purpose_clause_is_not_what_happened(analyse_text) -> None:  # type: ignore[no-untyped-def]
    asserted = analyse_text("Mali helped Senegal with grain shipments.")
    assert [e.type for e in asserted.events] == ["AID"]
    purpose = analyse_text("Officials from Mali travelled to Dakar to help Senegal.")
    assert "AID" not in {e.type for e in purpose.events}


def test_a_party_noun_the_lexicon_lacks_takes_its_agent_sector(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Smugglers attacked Ghanaian border guards near Bawku.")
    attack = next(e for e in analysis.events if e.type == "ASSAULT")
    assert attack.actor is not None and attack.actor.sector == "CRM"


def test_the_story_s_country_is_not_lent_to_an_analyst(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = "Texas-based analyst Tom Reyes said Syrian troops shelled the town."
    analysis = analyse_text(text)
    analyst = next(e for e in analysis.entities if e.name == "Tom Reyes")
    assert analyst.country is None and analyst.country_source is None


def test_a_dictionary_actor_is_coded_and_says_so(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Mahendra Chaudhry flew to Canberra for two days of talks.")
    person = next(e for e in analysis.entities if e.name == "Mahendra Chaudhry")
    assert (person.country, person.country_source) == ("FJI", "dictionary")


def test_a_dictionary_actor_is_dated_against_the_article() -> None:
    from dateline.nlp.common.actor_dictionary import dictionary_actor

    in_office = dictionary_actor("Vladimir Putin", "2005-03-01")
    assert in_office is not None and (in_office.country, in_office.sector) == ("RUS", "GOV")
    undated = dictionary_actor("Vladimir Putin")
    assert undated is not None and undated.country == "RUS" and undated.sector is None
    assert dictionary_actor("nobody the dictionary lists") is None


def test_an_official_s_inferred_country_says_so_and_codes_no_event(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Malawi's parliament rejected the budget on Tuesday.\n\n"
        "Deputy Minister Chikondi Banda criticised Zambia over the border closure."
    )
    analysis = analyse_text(text)
    banda = next(e for e in analysis.entities if e.name == "Chikondi Banda")
    assert (banda.country, banda.country_source) == ("MWI", "inference")
    accuse = [e for e in analysis.events if e.actor is not None and e.actor.entity == banda.id]
    assert accuse and all(e.actor is not None and e.actor.code is None for e in accuse)
    assert all(e.actor is not None and e.actor.code_source == "inference" for e in accuse)


def test_prepositional_patterns_are_read_for_the_verb_they_were_written_for() -> None:
    from dateline.nlp.events.dictionaries import cameo_prep_sense

    # "* (TO)" [visit] was written for "head" in a block that also holds "order": only "head"
    assert cameo_verb_sense("head to") is not None
    assert cameo_verb_sense("order to") is None
    abstain = cameo_prep_sense("abstain", "from", "violence")
    assert abstain is not None and abstain.type == "RETREAT"
    assert cameo_prep_sense("abstain", "from", "comment") is None


def test_a_subject_side_pattern_with_a_mirrored_code_is_not_read() -> None:
    from dateline.nlp.events.dictionaries import cameo_subject_sense

    entered = cameo_subject_sense("enter", "tanks")
    assert entered is not None and entered.type == "COERCE"
    # "&PKO * [0861:074]": whose act an arrival of peacekeepers is depends on the mirror
    assert cameo_subject_sense("arrive", "peacekeepers") is None


def test_a_verb_with_its_prepositional_object_codes_the_dictionary_s_event(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("The militia used farmers as human shields outside Beni.")
    assert "ASSAULT" in {e.type for e in analysis.events}


def test_a_verb_with_a_subject_the_pattern_names_codes_its_event(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Armenian tanks entered the village of Talish at dawn.")
    assert "COERCE" in {e.type for e in analysis.events}
    plain = analyse_text("Armenian delegates entered the hall of the palace at dawn.")
    assert "COERCE" not in {e.type for e in plain.events}


def test_a_preposition_gives_a_dictionary_verb_its_sense(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Kenya's foreign minister headed to Addis Ababa on Monday.")
    assert "CONSULT" in {e.type for e in analysis.events}


def test_a_subject_pattern_whose_subject_is_a_state_of_affairs_codes_nothing(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Aid workers in Tigray said conditions improved over the winter.")
    assert "CONCEDE" not in {e.type for e in analysis.events}


def test_a_block_s_non_specific_consult_code_is_not_lent_to_its_verbs() -> None:
    # CAMEO's GO_SOMEWHERE and MEET_PEOPLE blocks are coded 040: "leave" and "face" are not
    # consultations; a verb coded 040 itself still is one
    assert cameo_verb_sense("leave") is None
    assert cameo_verb_sense("face") is None
    assert cameo_verb_sense("attend") is not None


def test_forces_arriving_on_a_peacekeeping_mission_are_aid(analyse_text) -> None:  # type: ignore[no-untyped-def]
    landed = analyse_text("Bangladeshi peacekeepers landed in Bangui to join the UN mission.")
    assert [e.type for e in landed.events] == ["AID"]
    plane = analyse_text("The cargo plane landed in Bangui after a delay.")
    assert plane.events == []


def test_a_verb_s_own_object_pattern_outranks_one_its_block_shares() -> None:
    # PETRARCH2 shares a block's patterns with all its verbs, but "- * &CEASEFIRE" written
    # for "order" (a demand) comes after one written for another verb of its block
    ordered = cameo_object_sense("order", "truce")
    assert ordered is not None and ordered.type == "REQUEST"
    granted = cameo_object_sense("grant", "access")
    assert granted is not None and (granted.type, granted.mode) == ("RETREAT", "access")
