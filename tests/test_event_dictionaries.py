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
