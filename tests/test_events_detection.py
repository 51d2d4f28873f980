"""Events: detection and types of issue 14's fourth stop, each with a sentence of our own.

The rules follow the styles the held-out judges hold (wire copy, one-line incident summaries,
passive reports): a passive that leaves its doer out, an event told by a noun, a call made
to talk. Each test names the PLOVER convention it follows; none is a dev sentence.
"""

from __future__ import annotations

import pytest

from dateline.model import Analysis


def _types(analysis: Analysis) -> list[str]:
    return [e.type for e in analysis.events]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # PLOVER COERCE/curfew: imposed, whoever imposed it
        ("A night curfew was imposed on the port town after the looting.", "COERCE"),
        # PLOVER AGREE: a deal signed is agreed, though the sentence names no signatory
        ("A power-sharing deal was signed in Arusha on Thursday.", "AGREE"),
        # PLOVER CONSULT: talks held are a consultation
        ("Fresh talks were held in Geneva last week, diplomats said.", "CONSULT"),
        # an easing carried out is a RETREAT (the lexicon's reading of lifted curbs)
        ("Curbs on grain exports were lifted on Monday.", "RETREAT"),
        # the tense may sit on another auxiliary of the group
        ("Curbs on grain exports have been lifted.", "RETREAT"),
        ("A night curfew is being imposed on the port town.", "COERCE"),
    ],
)
def test_an_agentless_passive_reports_an_act(analyse_text, text: str, event_type: str) -> None:  # type: ignore[no-untyped-def]
    assert _types(analyse_text(text)) == [event_type]


def test_a_participle_describing_a_noun_is_still_no_report(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # "a pact signed in 2019" describes the pact: nobody is said to sign anything now
    assert not analyse_text("A fishing pact signed in 2019 expires next year.").events


def test_setting_fire_is_an_attack(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # PLOVER ASSAULT/primitive: fire as a weapon
    passive = analyse_text("Two granaries were set on fire by raiders near Wau.")
    assert _types(passive) == ["ASSAULT"] and passive.events[0].mode == "primitive"
    assert _types(analyse_text("Raiders set fire to a granary near Wau.")) == ["ASSAULT"]


def test_calling_someone_to_discuss_is_a_phone_consultation(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # PLOVER CONSULT/phone; "called on X to" asks, and stays REQUEST
    call = analyse_text("Chile's president called his Peruvian counterpart to discuss fishing.")
    assert _types(call) == ["CONSULT"] and call.events[0].mode == "phone"
    dated = analyse_text("Ruto called Museveni on Friday to talk about the pipeline.")
    assert _types(dated) == ["CONSULT"]
    asked = analyse_text("Norway called on Sudan to discuss a truce.")
    assert _types(asked) == ["REQUEST"]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # PLOVER ASSAULT: two-sided fighting told by its noun
        ("Clashes between herders and farmers left nine dead in Benue.", "ASSAULT"),
        ("The rebels' offensive on the capital entered its second month.", "ASSAULT"),
        # PLOVER PROTEST/demo
        ("A rally against the fuel tax brought traffic in Kampala to a halt.", "PROTEST"),
    ],
)
def test_an_event_noun_as_subject_tells_the_event(analyse_text, text: str, event_type: str) -> None:  # type: ignore[no-untyped-def]
    assert _types(analyse_text(text)) == [event_type]


def test_an_event_noun_in_an_unasserted_clause_tells_none(analyse_text) -> None:  # type: ignore[no-untyped-def]
    assert not analyse_text("Talks could resume in the spring.").events
    assert not analyse_text("The protest did not go ahead because of the storm.").events


def test_what_is_refused_or_agreed_is_no_event_of_its_own(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # PLOVER REJECT: the deal not reached is the refusal's content, not an AGREE
    failed = analyse_text("The two unions failed to reach a deal on wages.")
    assert "AGREE" not in _types(failed)
    # PLOVER SUPPORT: the backed decision to expel is what was backed, not a SANCTION
    backed = analyse_text("Spain backed Portugal's decision to expel two envoys.")
    assert _types(backed) == ["SUPPORT"]
    # a clause beside the refusal tells its own event
    both = analyse_text("Chile rejected the plan and shelled a rebel post near the border.")
    assert _types(both) == ["REJECT", "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # PLOVER COERCE/seize: "search, raid or confiscate"
        ("Customs officers raided a warehouse in Mombasa on Friday.", "COERCE"),
        # a protest lodged with a government is a diplomatic protest: PLOVER ACCUSE/disapprove
        ("Japan protested to Russia over the detention of its fishermen.", "ACCUSE"),
        # PLOVER PROTEST/strike: workers leave their work
        ("Miners downed tools at two copper pits near Kitwe.", "PROTEST"),
        # PLOVER MOBILIZE/troops: forces moved, not used
        ("Azerbaijan moved troops to the edge of the disputed valley.", "MOBILIZE"),
        # taking a town by force is an attack (PLOVER ASSAULT), seizing goods a coercion
        ("Insurgents seized the town of Palma after a three-day siege.", "ASSAULT"),
        ("Police seized two tonnes of cannabis at the port.", "COERCE"),
    ],
)
def test_lexicon_entries_of_the_fourth_stop(analyse_text, text: str, event_type: str) -> None:  # type: ignore[no-untyped-def]
    assert _types(analyse_text(text)) == [event_type]


def test_a_gathering_held_to_protest_is_the_protest(analyse_text) -> None:  # type: ignore[no-untyped-def]
    crowd = analyse_text("Fishermen gathered outside the ministry to protest against the quota.")
    assert _types(crowd) == ["PROTEST"]


def test_working_people_who_strike_protest(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # PLOVER PROTEST/strike for a strike with nothing struck; an armed group striking a
    # target attacks it (ASSAULT)
    nurses = analyse_text("Nurses struck for a second day at the main hospital in Lagos.")
    assert _types(nurses) == ["PROTEST"] and nurses.events[0].mode == "strike"
    assert _types(analyse_text("Rebels struck a convoy near Gao.")) == ["ASSAULT"]


def test_a_sit_in_split_by_the_tokeniser_is_still_a_sit_in(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # PLOVER PROTEST/obstruct; the tokeniser cuts "sit-in" into "sit", "-", "in"
    sit_in = analyse_text("Students staged a sit-in outside the ministry.")
    assert _types(sit_in) == ["PROTEST"] and sit_in.events[0].mode == "obstruct"


def test_an_event_noun_joined_to_a_light_verbs_object_is_read(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # PLOVER ASSAULT: "launched air and artillery strikes", the parse hangs "strikes" as a
    # conjunct of "air"
    raids = analyse_text("The army launched drone and artillery strikes on the rebel camp.")
    assert _types(raids) == ["ASSAULT"]
