"""Places the tagger's spans alone miss: inside organisations' names, and in the text itself."""

from __future__ import annotations

from collections import Counter
from typing import Any

from dateline.model import BlockKind


def _places(analysis: Any) -> dict[str, tuple[str, str | None]]:
    return {p.span.text: (p.feature, p.country) for p in analysis.places}


def test_a_place_leading_an_organisation_s_name(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The Kenyan Wildlife Board and the Manchester Evening News both reported on the "
        "flooding. A spokesman for the Ohio Department of Transportation said roads were shut."
    )
    places = _places(analysis)
    assert places["Kenyan"] == ("country", "KEN")
    assert places["Manchester"][0] == "city"
    assert places["Ohio"] == ("region", "USA")
    assert not any(
        p.span.text.startswith(("Kenyan Wildlife", "Ohio Department")) for p in analysis.places
    )


def test_a_state_s_institution_is_no_state(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Researchers at Kansas State University and officers of the Oregon State Police "
        "examined the damaged bridge on Tuesday."
    )
    assert not any(
        p.span.text in {"Kansas", "Kansas State", "Oregon", "Oregon State"} for p in analysis.places
    )


def test_a_town_and_its_state_resolve_together(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "A 40-year-old Brockton, Mass. woman was charged with theft. Police said she lived "
        "in Dublin, Ohio until last year."
    )
    places = {p.span.text: p for p in analysis.places}
    assert places["Mass."].name == "Massachusetts" and places["Mass."].feature == "region"
    dublin = places["Dublin"]
    assert dublin.country == "USA" and 39 < (dublin.lat or 0) < 41


def test_a_town_listed_beside_another_place(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Shops in Trnava, Nitra and Presov will close next month.")
    assert {"Trnava", "Presov"} <= {p.span.text for p in analysis.places}


def test_a_name_that_is_also_a_word_or_a_person_is_no_town() -> None:
    from spacy.lang.en import English

    from dateline.model import Analysis, Article, Block, Entity, EntityType, Span
    from dateline.nlp.places.component import resolve
    from dateline.nlp.places.textscan import text_places

    text = "Tom Denton spoke of the orange grove. Later he drove to Denton and to Orange."
    article = Article(text=text, blocks=[Block(0, len(text), BlockKind.BODY)])
    person = Entity("e1", "Tom Denton", EntityType.PERSON, mentions=[Span(0, 10, "Tom Denton")])
    analysis = Analysis(article=article, entities=[person])
    found = text_places(English()(text), analysis, [], lambda n: resolve(n, Counter()))
    assert found == []


def test_a_capitalised_word_after_a_preposition_is_a_town() -> None:
    from spacy.lang.en import English

    from dateline.model import Analysis, Article, Block
    from dateline.nlp.places.component import resolve
    from dateline.nlp.places.textscan import text_places

    text = "The convoy turned back outside Lelystad after the storm."
    article = Article(text=text, blocks=[Block(0, len(text), BlockKind.BODY)])
    found = text_places(
        English()(text), Analysis(article=article), [], lambda n: resolve(n, Counter())
    )
    assert [(f.span.text, f.place.country) for f in found] == [("Lelystad", "NLD")]


def test_a_spelling_of_a_town_s_name_is_its_name_another_name_is_not() -> None:
    from dateline.nlp.common.gazetteer import City, spelled_like

    town = City(1, "Lokichokio", "KEN", 4.2, 34.3, 11_000, by_name=False)
    assert spelled_like(town, "Lokichogio")
    assert not spelled_like(
        City(2, "Harare", "ZWE", -17.8, 31.0, 1_500_000, by_name=False), "Salisbury"
    )
    assert not spelled_like(City(3, "Gaoa", "XXX", 0.0, 0.0, 5_000, by_name=False), "Gao")


def test_a_town_known_by_a_spelling_of_its_name_is_found(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Herders in northern Kenya said the road to Lokichogio had washed away in the rains."
    )
    assert ("Lokichogio", ("city", "KEN")) in _places(analysis).items()


def test_an_inferred_country_is_no_evidence_for_the_places_it_came_from() -> None:
    from dateline.model import Analysis, Article, Block, Entity, EntityType, Span
    from dateline.nlp.places.component import _context_countries

    text = "Dana Roe of Quarrytown spoke."
    article = Article(text=text, blocks=[Block(0, len(text), BlockKind.BODY)])
    person = Entity(
        "e1", "Dana Roe", EntityType.PERSON, country="TUR", country_source="inference",
        mentions=[Span(0, 8, "Dana Roe")],
    )  # fmt: skip
    town = Entity("e2", "Quarrytown", EntityType.GPE, country="GBR", mentions=[Span(12, 22, "x")])
    assert _context_countries(Analysis(article=article, entities=[person, town])) == Counter(
        {"GBR": 1}
    )
