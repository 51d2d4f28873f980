"""The positions stage: who stands where on what, read from quotes and events.

Every rule has a sentence of our own; each test names the rule it holds to.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import dateline
from dateline.model import Analysis, Position
from dateline.nlp.positions.cues import condition_in, cues
from dateline.nlp.positions.issues import heads, place_key
from dateline.ontology import modes_of, quad_of
from dateline.record import to_record
from dateline.settings import Settings


def positions(analyse_text: Any, text: str, **kwargs: Any) -> list[Position]:
    analysis: Analysis = analyse_text(text, **kwargs)
    return analysis.positions


def one(analyse_text: Any, text: str, **kwargs: Any) -> Position:
    found = positions(analyse_text, text, **kwargs)
    assert len(found) == 1, [(p.holder_name, p.target.key, p.stance) for p in found]
    return found[0]


# -- cue words -------------------------------------------------------------------------------


def test_a_support_verb_in_reported_speech_states_support(analyse_text: Any) -> None:
    found = one(
        analyse_text, "Mayor Hedda Lund said on Monday that she supports the new tram line.\n"
    )
    assert (found.holder_name, found.stance, found.target.key) == (
        "Hedda Lund",
        "support",
        "tram line",
    )
    assert found.cue.text == "supports"
    assert found.quote is not None


def test_an_oppose_verb_states_opposition(analyse_text: Any) -> None:
    found = one(analyse_text, "Councillor Arvid Holm said he opposes the tram line.\n")
    assert (found.stance, found.target.key) == ("oppose", "tram line")


def test_a_stance_verb_that_reports_a_quote_has_its_content_for_target(analyse_text: Any) -> None:
    found = positions(
        analyse_text, "The Dairy Guild on Friday condemned the proposed milk quota.\n"
    )
    assert [(p.stance, p.target.key) for p in found] == [("oppose", "milk quota")]


def test_negation_flips_the_stance(analyse_text: Any) -> None:
    found = one(
        analyse_text, "“We will not support the harbour tax,” Treasurer Mia Berg said on May 2.\n"
    )
    assert (found.stance, found.target.key) == ("oppose", "harbour tax")


def test_never_accept_is_opposition(analyse_text: Any) -> None:
    found = one(analyse_text, "“We will never accept a foreign base in Narvik,” Ola Brekke said.\n")
    assert (found.stance, found.target.key) == ("oppose", "base@narvik")


def test_urge_against_opposes_its_object(analyse_text: Any) -> None:
    found = one(
        analyse_text,
        "The Red Cross on Friday urged against a ground offensive in Kharkiv.\n",
        published="2025-03-08",
    )
    assert (found.holder_name, found.stance, found.target.key) == (
        "Red Cross",
        "oppose",
        "offensive@kharkiv",
    )
    assert found.cue.text == "urged against"
    assert found.event is not None


@pytest.mark.parametrize(
    ("sentence", "stance", "key"),
    [
        ("Finance Minister Olga Berg said she rules out the fuel levy.\n", "oppose", "fuel levy"),
        ("Mayor Ben Ode said the council came out against the casino.\n", "oppose", "casino"),
        ("“We will press ahead with the metro line,” Mayor Ben Ode said.\n", "support",
         "metro line"),
        ("“We dismiss the merger,” board chair Ola Rist said.\n", "oppose", "merger"),
    ],
)  # fmt: skip
def test_particles_and_adverbs_belong_to_their_phrase(
    analyse_text: Any, sentence: str, stance: str, key: str
) -> None:
    found = one(analyse_text, sentence)
    assert (found.stance, found.target.key) == (stance, key)


def test_a_condition_after_the_reported_clause_is_still_its_own(analyse_text: Any) -> None:
    text = (
        "Prime Minister Ana Lund said on Monday that Sweden would accept the fishing treaty "
        "provided that the quotas are fair.\n"
    )
    found = one(analyse_text, text, published="2025-09-09")
    assert (found.stance, found.target.key) == ("conditional", "fishing treaty")
    assert found.condition == "provided that the quotas are fair"


def test_a_neutral_adjective_states_no_side(analyse_text: Any) -> None:
    found = one(
        analyse_text, "Board chair Tove Aas said that the firm is undecided on the mill closure.\n"
    )
    assert (found.stance, found.target.key) == ("neutral", "mill closure")


def test_a_cues_preposition_follows_it_past_a_date_only(analyse_text: Any) -> None:
    found = one(analyse_text, "The Red Cross warned on Friday against a siege of Kharkiv.\n")
    assert (found.stance, found.target.key) == ("oppose", "siege@kharkiv")
    text = "Clerk Ida Berg said that she called in sick for the budget meeting.\n"
    assert positions(analyse_text, text) == []


def test_an_investigation_states_no_stance_on_whom_it_names(analyse_text: Any) -> None:
    text = "Prosecutor Lea Moe said on Monday that she is investigating the Harbour Board.\n"
    assert positions(analyse_text, text, published="2025-02-04") == []


# -- frames of intent and verbs of doing ------------------------------------------------------


def test_refusing_to_sign_opposes_the_accord(analyse_text: Any) -> None:
    found = one(
        analyse_text, "Trade Minister Ivo Petrov said that he refuses to sign the grain accord.\n"
    )
    assert (found.stance, found.target.key) == ("oppose", "grain accord")


def test_a_vow_to_build_supports_what_is_built(analyse_text: Any) -> None:
    found = positions(
        analyse_text, "Governor Lina Sow said on Tuesday that she will build the river dam.\n"
    )
    assert [(p.stance, p.target.key) for p in found] == [("support", "river dam")]


def test_not_halting_is_support(analyse_text: Any) -> None:
    found = one(
        analyse_text, "Admiral Kai Rowe said that the navy will not halt the patrols off Malta.\n"
    )
    assert (found.stance, found.target.key) == ("support", "patrol")


def test_entering_a_place_is_the_offensive_there(analyse_text: Any) -> None:
    found = one(analyse_text, "“We will enter Kharkiv before winter,” General Ivo Sarr said.\n")
    assert (found.stance, found.target.key, found.target.span.text) == (
        "support",
        "offensive@kharkiv",
        "enter Kharkiv",
    )


def test_a_things_future_is_no_ones_intent(analyse_text: Any) -> None:
    text = "“The toll will keep traffic down,” Mayor Edda Vik said.\n"
    assert positions(analyse_text, text) == []


def test_a_supposed_idea_states_nothing(analyse_text: Any) -> None:
    text = "“The idea that we will stop the bridge is absurd,” Mayor Edda Vik said.\n"
    assert positions(analyse_text, text) == []


# -- conditions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "“We will back the dam unless the valley is flooded,” Senator Nils Ek said.\n",
        "“We will back the dam only if the farms are spared,” Senator Nils Ek said.\n",
        "“We will back the dam as long as the farms are spared,” Senator Nils Ek said.\n",
        "“We can accept the dam without the new road,” Senator Nils Ek said.\n",
    ],
)
def test_a_condition_makes_the_stance_conditional(analyse_text: Any, sentence: str) -> None:
    found = one(analyse_text, sentence)
    assert (found.stance, found.target.key) == ("conditional", "dam")
    assert found.condition


def test_a_dropped_measure_with_a_condition_is_conditional(analyse_text: Any) -> None:
    text = "Police chief Aida Noor said the curfew in Tromsø could be dropped if the riots end.\n"
    found = one(analyse_text, text)
    assert (found.stance, found.target.key) == ("conditional", "curfew@tromsø")
    assert found.condition == "if the riots end"


def test_a_measure_that_could_be_dropped_for_a_deal_is_conditional(analyse_text: Any) -> None:
    text = "Transport chief Eva Lind said the toll could be dropped for a new rail line.\n"
    found = one(analyse_text, text)
    assert (found.stance, found.target.key, found.condition) == (
        "conditional",
        "toll",
        "for a new rail line",
    )
    assert condition_in("the levy might yet be shelved in exchange for a tax") == (
        30,
        "in exchange for a tax",
    )
    assert condition_in("the hall could be used for a concert") is None


def test_even_if_and_with_or_without_are_no_conditions() -> None:
    assert condition_in("we will go on even if a deal is reached") is None
    assert condition_in("we will go on with or without a deal") is None
    assert condition_in("we will go on unless a deal is reached") == (
        14,
        "unless a deal is reached",
    )


# -- holders, issues, dates -------------------------------------------------------------------


def test_the_subject_named_in_the_clause_holds_the_stance(analyse_text: Any) -> None:
    text = "Prime Minister Ola Dahl said on Monday that Norway backs the cod quota.\n"
    found = one(analyse_text, text, published="2025-11-18")
    assert (found.holder_name, found.stance, found.target.key) == ("Norway", "support", "cod quota")


def test_one_issue_whatever_the_words_of_head_and_place(analyse_text: Any) -> None:
    text = (
        "Senator Ann Roy said she opposes a Kharkiv offensive.\n\n"
        "Senator Bo Lee said he backs the offensive in Kharkiv.\n\n"
        "Senator Cy Orr said he rejects military operations in Kharkiv.\n"
    )
    found = positions(analyse_text, text)
    assert {p.target.key for p in found} == {"offensive@kharkiv"}
    assert [p.stance for p in found] == ["oppose", "support", "oppose"]


def test_the_head_table_maps_synonyms_to_one_head() -> None:
    table = heads()
    assert {table.heads[h] for h in ("offensive", "operation", "assault")} == {"offensive"}
    assert place_key("Rafaḩ") == place_key("rafah") == "rafah"


def test_the_date_is_the_quotes_else_the_sentences_else_the_articles(analyse_text: Any) -> None:
    text = (
        "Mayor Hedda Lund said on Monday that she supports the tram line.\n\n"
        "Councillor Arvid Holm said he opposes the tram line.\n"
    )
    found = positions(analyse_text, text, published="2025-03-05")
    assert [p.date for p in found] == ["2025-03-03", "2025-03-05"]


def test_a_stance_type_of_plover_states_a_stance_on_the_recipient(analyse_text: Any) -> None:
    text = "Interior Minister Rana Aziz accused the Northern Alliance of fraud on Monday.\n"
    found = positions(analyse_text, text, published="2025-01-07")
    assert [(p.stance, p.target.entity is not None) for p in found] == [("oppose", True)]
    assert found[0].event is not None


# -- the tables and the record ------------------------------------------------------------------


def test_the_cue_tables_hold_only_known_stances() -> None:
    table = cues()
    stances = {"support", "oppose", "neutral"}
    for part in (table.verbs, table.phrases, table.adjectives, table.nouns):
        assert set(part.values()) <= stances
    assert set(table.frames.values()) <= {1, -1}
    assert not table.pro & table.anti


def test_a_plover_types_stance_agrees_with_its_quad_class() -> None:
    for sense, stance in cues().events.items():
        quad = quad_of(sense.split("/")[0])
        assert ("cooperation" in quad) == (stance == "support"), (sense, quad)
        event_type, _, mode = sense.partition("/")
        assert not mode or mode in modes_of(event_type), sense


def test_the_record_carries_positions_with_their_evidence(
    analyse_text: Any, schema: dict[str, Any] | None
) -> None:
    text = (
        "Mayor Hedda Lund said on Monday that she supports the new tram line.\n\n"
        "“We will not support the tram line unless fares fall,” Councillor Arvid Holm said.\n"
    )
    record = to_record(analyse_text(text, published="2025-03-05"))
    found = record["positions"]
    assert [p["id"] for p in found] == ["pos1", "pos2"]
    quote_ids = {q["id"] for q in record["quotes"]}
    for position in found:
        assert position["evidence"]["quote"] in quote_ids
        for span in (position["cue"], position["target"]["span"]):
            assert record["article"]["text"][span["start"] : span["end"]] == span["text"]
    assert found[1]["stance"] == "conditional"
    assert found[1]["condition"] == "unless fares fall"
    if schema is not None:  # the shared schema with the project's extension (conftest)
        jsonschema.validate(record, schema)


def test_windows_keep_the_positions_of_each_part() -> None:
    section = (
        "Mayor Hedda Lund said on Monday that she supports the new tram line across the city "
        "centre, which the council will vote on next month after a long public debate.\n\n"
    )
    text = section * 6
    whole = dateline.analyze(text, published="2025-03-05")
    cut = dateline.analyze(text, published="2025-03-05", settings=Settings(window_chars=400))
    assert len(cut.positions) == len(whole.positions) == 6
    assert [p.cue for p in cut.positions] == [p.cue for p in whole.positions]
    quotes = {q.id for q in cut.quotes}
    assert all(p.quote in quotes for p in cut.positions)
    assert all(text[p.cue.start : p.cue.end] == p.cue.text for p in cut.positions)


def test_the_gold_set_holds_its_floors() -> None:
    """Our own gold set (benchmarks/data/positions_gold.jsonl) against the issue's floors:
    stance accuracy 0.85 on found positions, recall 0.75; a fall below fails here."""
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "positions_eval.py"
    spec = importlib.util.spec_from_file_location("positions_eval", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    got = module.evaluate(module.read_gold())
    assert got["stance_accuracy"] >= 0.85 and got["recall"] >= 0.75, got
    assert got["precision"] >= 0.85, got
