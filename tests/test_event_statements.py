"""Events: no event where nothing happened (issue 14). A public statement (CAMEO 01, which
PLOVER codes as nothing) is not coded, whatever its verb's own code, and what an allegation
says happened is not an event the text reports. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.nlp.events.dictionaries import cameo_statement


@pytest.mark.parametrize(
    "text",
    [
        "The ministry declined to comment on the reported arrests in Basra.",
        "A little-known militant group claimed responsibility for the blast in Peshawar.",
        "Peru's president expressed condolences to the family of the late senator.",
        "The Kenyan army rejected accusations that it had shelled a market in Somalia.",
        "Ghana's government denied the allegations of vote rigging in Accra.",
    ],
)
def test_a_statement_is_no_event(analyse_text, text: str) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(text)
    assert [(e.type, e.trigger.text) for e in analysis.events] == []


def test_a_rejected_proposal_is_still_a_rejection(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Bolivia rejected Chile's proposal for talks on the border.")
    assert [e.type for e in analysis.events] == ["REJECT"]


def test_a_report_said_is_not_an_allegation(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Iran threatened to cut off power to the town, a newspaper reported.")
    assert [e.type for e in analysis.events] == ["THREATEN"]


def test_the_dictionary_keeps_cameo_statement_patterns() -> None:
    assert cameo_statement("claim", "responsibility")
    assert cameo_statement("deny", "accusation")
    assert not cameo_statement("reject", "proposal")


def test_a_claim_of_one_s_own_deed_accuses_no_one(analyse_text) -> None:  # type: ignore[no-untyped-def]
    own = analyse_text("The rebels claimed that they had attacked an army convoy near Kidal.")
    assert "ACCUSE" not in {e.type for e in own.events}
    other = analyse_text("The ministry claimed that the rebels had attacked an army convoy.")
    assert "ACCUSE" in {e.type for e in other.events}


@pytest.mark.parametrize(
    "text",
    [
        "A separatist faction claimed responsibility for the ambush that killed four soldiers.",
        "The militia claimed that it had shelled the airport in Goma.",
        "The senator offered condolences over a flood that killed twelve villagers.",
    ],
)
def test_what_a_statement_reports_is_no_event(analyse_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in analyse_text(text).events] == []


def test_a_deed_beside_a_statement_is_still_told(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("The ministry denied the charges and attacked the opposition paper.")
    assert [e.type for e in analysis.events] == ["ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "The Danish government is considering sending medical aid to Tonga.",
        "Lawmakers in Lima are weighing imposing a curfew on the port district.",
    ],
)
def test_an_act_only_deliberated_is_no_event(analyse_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [e.type for e in analyse_text(text).events] == []


def test_an_act_done_after_deliberation_is_told(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Norway sent medical aid to Tonga after the storm.")
    assert [e.type for e in analysis.events] == ["AID"]
