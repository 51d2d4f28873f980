"""Events: which sentences an event is read from (issue 14's fifth stop): title-case
headlines given alone, each with a line of our own. Each test names the PLOVER type it
expects; none is a dev or held-out sentence.
"""

from __future__ import annotations

import pytest

from dateline.model import Analysis
from dateline.nlp.events import headlines


def _types(analysis: Analysis) -> list[str]:
    return [e.type for e in analysis.events]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # a headline's capitalised verb, read in sentence case: PLOVER COERCE/arrest, /seize
        ("Riot Police Detain Dozens Of Students In Dhaka After Exam Protest", "COERCE"),
        ("Navy Seizes Two Fishing Boats Off The Coast Of Senegal", "COERCE"),
        # a plural subject's present read as a noun until put in the past: PROTEST, AGREE
        ("Nurses March In Lisbon Over Unpaid Overtime", "PROTEST"),
        ("Feuding Clans Sign Peace Deal In Mogadishu", "AGREE"),
        # PLOVER SANCTION: a state expelling an envoy, the country keeping its capital
        ("Norway Expels Belarusian Envoy After Spy Row", "SANCTION"),
    ],
)
def test_a_title_case_line_is_read_in_sentence_case(
    analyse_text, text: str, event_type: str
) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(text)
    assert event_type in _types(analysis)
    # the trigger and the sentence still point at the article's own words, capitals and all
    event = next(e for e in analysis.events if e.type == event_type)
    assert event.trigger.text == text[event.trigger.start : event.trigger.end]
    assert event.trigger.text[0].isupper()
    assert text[event.sentence.start : event.sentence.end] == text


def test_a_headline_keeps_its_sides(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # PLOVER CONSULT: "A And B Hold Talks" is a meeting of both, coded to their countries
    analysis = analyse_text("Chile And Peru Hold Border Talks In Lima")
    actors = {e.actor.code for e in analysis.events if e.type == "CONSULT" and e.actor}
    assert actors == {"CHL", "PER"}


def test_title_case_lines_of_a_longer_story_are_not_read(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # the title-case lines after a story are other stories' headlines, listed as links
    text = (
        "The weather in the valley stayed dry for most of the week.\n\n"
        "Rebels Seize Border Post Near Goma\n\n"
        "Farmers Block Highways To Protest Fuel Prices\n"
    )
    assert _types(analyse_text(text)) == []


def test_a_title_case_line_after_blanks_keeps_its_offsets(analyse_text) -> None:  # type: ignore[no-untyped-def]
    text = "\n\n   Gunmen Kill Four Guards At Copper Mine"
    event = analyse_text(text).events[0]
    assert event.type == "ASSAULT"
    assert text[event.trigger.start : event.trigger.end] == "Kill"


def test_prose_with_names_is_not_taken_for_a_headline() -> None:
    from dateline.nlp.language import load_plain_language

    nlp = load_plain_language()
    prose = nlp("President Ruto of Kenya met Ugandan Foreign Minister Odongo in Kampala.")
    assert not any(headlines.is_title_case(s) for s in prose.sents)
    headline = nlp("Kenya And Uganda Sign Pipeline Deal In Kampala")
    assert headlines.is_title_case(headline[:])


@pytest.mark.parametrize(
    ("word", "past"),
    [("Sign", "signed"), ("Seizes", "seized"), ("Strike", "struck"), ("Bury", "buried")],
)
def test_a_headline_verb_is_put_in_the_past(word: str, past: str) -> None:
    from dateline.nlp.pipeline import load_pipeline

    assert headlines._past(word, load_pipeline()) == past


def test_a_second_act_of_one_type_by_the_same_side_is_the_same_event(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # PLOVER ASSAULT, one per sentence: "they also shelled" is the rebels' one attack told on
    analysis = analyse_text(
        "The rebels attacked the base at dawn; they also shelled a nearby village."
    )
    assert _types(analysis) == ["ASSAULT"]
    assert analysis.events[0].trigger.text == "attacked"


def test_acts_of_one_type_by_two_sides_are_two_events(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # PLOVER COERCE/arrest twice: the police and the soldiers each detained someone
    analysis = analyse_text(
        "Police arrested twelve protesters in Accra, and soldiers detained two reporters in Tema."
    )
    assert _types(analysis) == ["COERCE", "COERCE"]


def test_what_an_appeal_refused_asks_for_is_no_event(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # PLOVER REJECT alone: the release asked for did not happen, wherever the parse hangs it
    analysis = analyse_text("Ankara rejected loud appeals to release the jailed reporters.")
    assert _types(analysis) == ["REJECT"]
