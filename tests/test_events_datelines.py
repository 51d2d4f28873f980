"""Events: which sentences and actors an event is read from (issue 14's fifth stop): wire
datelines. Each line is our own; none is a dev or held-out sentence.

A dateline ("CITY, Month Day (Agency) -") is cut from the lead so the town is not taken for
the lead's subject; the lead must stay one sentence, and a lead that opens with capitals and
a dash is a dateline, not a byline.
"""

from __future__ import annotations

import pytest

from dateline.ingest import article_from_text
from dateline.model import Analysis, BlockKind


def _pairs(analysis: Analysis) -> list[tuple[str, str | None, str | None]]:
    return [
        (e.type, e.actor.code if e.actor else None, e.recipient.code if e.recipient else None)
        for e in analysis.events
    ]


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # the parser split "Vietnam" off the lead once its dateline was cut: one sentence
        ("HANOI, Oct 14 - Laos protested to Cambodia over the border post.", "Laos protested"),
        ("TUNIS (Reuters) - Tunisia recalled its envoy from Libya on Monday.", "Tunisia recalled"),
        ("DAKAR, Senegal, May 2 -- Senegal expelled two Gambian officials.", "Senegal expelled"),
        ("RABAT, June 9 (AFP) — Morocco accused Algeria of arming rebels.", "Morocco accused"),
        # a place in ordinary capitals is a dateline when the day follows it
        ("Quito, Aug. 21 - Ecuador expelled a Peruvian diplomat.", "Ecuador expelled"),
    ],
)
def test_the_lead_after_a_dateline_is_one_sentence_with_its_actor(
    analyse_text, text: str, lead: str
) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(text)
    assert analysis.article.dateline is not None
    assert analysis.events, text
    event = analysis.events[0]
    assert text[event.sentence.start : event.sentence.end].startswith(lead)
    assert event.actor is not None and event.actor.code is not None


def test_a_dated_lead_keeps_both_sides(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # PLOVER ACCUSE: Laos (LAO) protests to Cambodia (KHM)
    analysis = analyse_text("VIENTIANE, Oct 14 - Laos protested to Cambodia over the border post.")
    assert ("ACCUSE", "LAO", "KHM") in _pairs(analysis)


def test_a_dateline_in_capitals_with_a_sentence_is_no_byline() -> None:
    article = article_from_text("ADDIS ABABA - Kenya and Somalia signed a border accord.", None)
    assert [b.kind for b in article.blocks] == [BlockKind.BODY]
    assert article.dateline is not None and article.dateline.text == "ADDIS ABABA - "
    # a name and its outlet stays a byline
    signed = article_from_text("JANE ROE - Reuters\nFloods closed the coast road on Monday.", None)
    assert BlockKind.BODY in [b.kind for b in signed.blocks]
    assert signed.dateline is None


def test_a_text_of_one_line_is_the_story() -> None:
    # four capitalised words look like a name, but a byline heads a story, and there is none
    article = article_from_text("Ghana Recalls Nigerian Envoy", None)
    assert [b.kind for b in article.blocks] == [BlockKind.BODY]


def test_a_name_and_a_dash_without_a_day_is_no_dateline() -> None:
    assert (
        article_from_text("Smith - the captain - scored twice, Jones said.", None).dateline is None
    )


def test_a_hyphenated_compound_in_capitals_is_no_dateline() -> None:
    # "UN-backed", "NATO-member": the hyphen joins two words, the lead starts at the first
    assert (
        article_from_text("EU-funded clinics reopened in Tigray on Monday.", None).dateline is None
    )
