"""Places resolved offline, and where a quote was said."""

from __future__ import annotations

from collections import Counter

from dateline.nlp.places import resolve


def test_countries_regions_and_cities() -> None:
    egypt = resolve("Egypt", Counter())
    assert egypt is not None and (egypt.country, egypt.feature) == ("EGY", "country")
    assert egypt.geonameid is not None
    gaza = resolve("the Gaza Strip", Counter())
    assert gaza is not None and (gaza.name, gaza.country) == ("Gaza Strip", "PSE")
    north = resolve("northern Gaza", Counter())
    assert north is not None and north.name == "Gaza Strip"
    riyadh = resolve("Riyadh", Counter())
    assert riyadh is not None and riyadh.country == "SAU" and 24 < riyadh.lat < 25


def test_the_article_decides_between_places_of_one_name() -> None:
    in_egypt = resolve("Rafah", Counter({"EGY": 5}))
    in_gaza = resolve("Rafah", Counter({"PSE": 5}))
    assert in_egypt is not None and in_egypt.country == "EGY"
    assert in_gaza is not None and in_gaza.country == "PSE"


def test_unknown_names_resolve_to_nothing() -> None:
    assert resolve("Qwxzland", Counter()) is None


def test_places_in_an_article_and_where_a_quote_was_said(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Talks Resume\n\nSpeaking at a news conference in Amman on Monday, Foreign Minister "
        "Omar Haddad said the border with Syria would reopen. “We are ready,” he said.\n"
    )
    names = {p.span.text: (p.name, p.country) for p in analysis.places}
    assert names["Amman"] == ("Amman", "JOR")
    assert names["Syria"][1] == "SYR"
    amman = next(p.id for p in analysis.places if p.span.text == "Amman")
    reported = next(q for q in analysis.quotes if "border with Syria" in q.span.text)
    assert reported.place == amman
    for place in analysis.places:
        assert analysis.article.text[place.span.start : place.span.end] == place.span.text
