"""Office holders: the table is sound, names and titles find the right term, and a leader the
text names without a country gets the one the table gives, the text's own word winning."""

from __future__ import annotations

import unicodedata
from collections import Counter
from datetime import date

import pycountry
from hypothesis import given
from hypothesis import strategies as st

from dateline.model import Analysis, Entity
from dateline.nlp.common.lexicon import country_of_name
from dateline.nlp.entities.office_holders import (
    Term,
    holder_by_title,
    holder_key,
    holder_of,
    holders_for_mention,
    holders_named,
    load_terms,
    office_phrases,
    parse_bound,
)

_OFFICES = {
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "secretary_general",
    "director_general",
    "party_leader",
    "paramount_leader",
    "supreme_leader",
    "leader",
    "vice_president",
    "defence_minister",
}


def _people(analysis: Analysis) -> dict[str, Entity]:
    return {e.name: e for e in analysis.entities if e.type.value == "PERSON"}


def test_every_row_has_parseable_ordered_dates_and_a_known_country() -> None:
    known = {c.alpha_3 for c in pycountry.countries} | {country_of_name("Kosovo")}
    terms = load_terms()
    assert len(terms) > 300
    for term in terms:
        start_first, _ = parse_bound(term.start)
        if term.end is not None:
            _, end_last = parse_bound(term.end)
            assert start_first <= end_last, term
        assert term.country is None or term.country in known, term
        assert term.country is not None or term.organisation, term
        assert term.office in _OFFICES, term
        assert term.titles and holder_key(term.surname), term


def test_no_row_is_listed_twice() -> None:
    rows = Counter((t.name, t.country, t.organisation, t.office, t.start) for t in load_terms())
    assert [row for row, count in rows.items() if count > 1] == []


_NAMES = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzéüöçñ-'", min_size=1, max_size=10),
    min_size=1,
    max_size=4,
).map(" ".join)


@given(_NAMES)
def test_a_name_key_ignores_case_and_accents(name: str) -> None:
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    assert holder_key(name.upper()) == holder_key(name) == holder_key(plain)
    assert holder_key(holder_key(name)) == holder_key(name)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_a_written_date_bounds_the_days_it_covers(day: date) -> None:
    for written in (day.isoformat(), day.isoformat()[:7], day.isoformat()[:4]):
        first, last = parse_bound(written)
        assert first <= day <= last


def test_a_name_is_found_in_any_spelling() -> None:
    assert {t.country for t in holders_named("Moammar Kadhafi")} == {"LBY"}
    assert {t.country for t in holders_named("ERDOĞAN")} == {"TUR"}
    assert {t.name for t in holders_named("Hafez Assad")} == {"Hafez al-Assad"}
    assert holders_named("Nobody Atall") == []


def test_the_date_keeps_only_terms_near_it() -> None:
    assert {t.name for t in holders_named("Bush", on_date="2004-06-01")} == {"George W. Bush"}
    assert holders_named("Gorbachev", on_date="2024-01-01") == []


def test_holder_of_an_office_on_a_day() -> None:
    def name(term: Term | None) -> str | None:
        return term.name if term is not None else None

    assert name(holder_of("RUS", "head_of_state", "2000-03-01")) == "Vladimir Putin"
    assert name(holder_of("RUS", "head_of_government", "2000-03-01")) == "Vladimir Putin"
    assert name(holder_of("ISR", "head_of_government", "1994-01-10")) == "Yitzhak Rabin"
    # A presidential republic: the president heads the government too.
    assert name(holder_of("USA", "head_of_government", "1998-07-01")) == "Bill Clinton"
    nato = holder_of("IGO", "secretary_general", "2016-05-01", organisation="NATO")
    assert name(nato) == "Jens Stoltenberg"
    assert holder_of("RUS", "head_of_state", "not a date") is None


def test_a_bare_surname_needs_a_title_the_holder_bore() -> None:
    assert {t.country for t in holders_for_mention("Rao", "Prime Minister")} == {"IND"}
    assert holders_for_mention("Rao") == []
    assert holders_for_mention("Rao", "Vice President") == []
    musharraf = holders_named("Pervez Musharraf")
    assert musharraf and all(t.bore_title("Gen.") for t in musharraf)


def test_namesakes_of_two_countries_wait_for_a_date() -> None:
    assert holders_for_mention("Abdullah", "King") == []
    assert holders_for_mention("Abdullah", "King", on_date="2011-02-01") == []  # both reigned
    assert {t.country for t in holders_for_mention("Abdullah", "King", "2021-02-01")} == {"JOR"}
    assert {t.country for t in holders_for_mention("Hussein", "King")} == {"JOR"}
    assert {t.country for t in holders_for_mention("Hussein", on_date="2002-05-01")} == {"IRQ"}


def test_a_title_read_off_the_name_counts() -> None:
    assert {t.country for t in holders_for_mention("Sheikh Tamim")} == {"QAT"}
    assert {t.country for t in holders_for_mention("King Abdullah", on_date="2020-01-01")} == {
        "JOR"
    }


def test_a_titled_leader_gets_the_country_the_table_gives(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Prime Minister Rao arrived in Tokyo on Monday for two days of talks on trade.\n\n"
        "Rao said the visit would open new markets.",
        published="1993-05-03",
    )
    assert _people(analysis)["Rao"].country == "IND"


def test_the_text_gives_the_country_before_the_table(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Kenyan lawmaker Paul Martin said on Monday that the new road would be finished in May.",
        published="2005-03-01",
    )
    assert _people(analysis)["Paul Martin"].country == "KEN"


def test_an_international_official_gets_no_country(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Nepal's government met rebel leaders in Kathmandu on Friday. Secretary-General Kofi "
        "Annan praised the talks.",
        published="2003-03-01",
    )
    assert _people(analysis)["Kofi Annan"].country is None


def test_a_title_and_a_country_name_the_holder_of_the_day() -> None:
    term = holder_by_title("FRA", "prime minister", "1999-06-01")
    assert term is not None and term.name == "Lionel Jospin"
    assert holder_by_title("FRA", "prime minister", "not a date") is None
    # A movement's leader gives way to a state's office of the same title.
    term = holder_by_title("PSE", "president", "2001-06-01")
    assert term is not None and term.name == "Yasser Arafat"


def test_office_phrases_in_a_text() -> None:
    text = (
        "The Russian president called the South Korean President on Monday, and "
        "Germany's foreign minister spoke to the former Israeli prime minister."
    )
    found = {text[s:e]: t.name for s, e, t in office_phrases(text, 0, len(text), "2001-06-01")}
    assert found == {
        "The Russian president": "Vladimir Putin",
        "the South Korean President": "Kim Dae-jung",
        "Germany's foreign minister": "Joschka Fischer",
    }


def test_an_office_phrase_is_a_mention_of_the_named_holder(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Vladimir Putin met a delegation from Japan on Saturday in the Kremlin.\n\n"
        '"We are ready to talk," the Russian president told reporters after the meeting.',
        published="2001-03-03",
    )
    putin = _people(analysis)["Vladimir Putin"]
    assert putin.country == "RUS"
    assert "the Russian president" in {m.text for m in putin.mentions}
    assert [q.speaker for q in analysis.quotes] == [putin.id]


def test_a_given_name_used_alone_is_not_a_leader(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Sharon Levy, a nurse, has worked at the clinic in Haifa since 1998.\n\n"
        '"We see more patients every winter," Sharon said on Tuesday.',
        published="2003-01-14",
    )
    assert _people(analysis)["Sharon"].country is None
