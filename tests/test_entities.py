"""Entities that are right: names, types, roles, countries, and one entity per person."""

from __future__ import annotations

from dateline.model import Analysis, Entity


def _by_name(analysis: Analysis) -> dict[str, Entity]:
    return {e.name: e for e in analysis.entities}


def test_title_before_the_name_gives_role_and_country(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "German Foreign Minister Karla Weiss met Polish Defense Minister Piotr Nowak in Warsaw on "
        "Monday. Ms. Weiss said the talks were useful, and Mr. Nowak agreed."
    )
    people = _by_name(analysis)
    assert (people["Karla Weiss"].role, people["Karla Weiss"].country) == (
        "Foreign Minister",
        "DEU",
    )
    assert (people["Piotr Nowak"].role, people["Piotr Nowak"].country) == (
        "Defense Minister",
        "POL",
    )
    assert {m.text for m in people["Karla Weiss"].mentions} == {"Karla Weiss", "Weiss"}
    assert len(people["Piotr Nowak"].mentions) == 2


def test_a_nationality_before_a_list_holds_for_the_list(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The envoy met Kenyan President Daniel Otieno, Vice President Ruth Wanjiru, and Interior "
        "Minister Samuel Kiprop on Tuesday."
    )
    people = _by_name(analysis)
    assert people["Ruth Wanjiru"].country == "KEN"
    assert people["Samuel Kiprop"].role == "Interior Minister"
    assert people["Samuel Kiprop"].country == "KEN"


def test_an_organisation_in_the_title_lends_its_country(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "State Department spokeswoman Lena Ortiz said on Friday that the aid would arrive soon."
    )
    lena = _by_name(analysis)["Lena Ortiz"]
    assert (lena.role, lena.country) == ("State Department spokeswoman", "USA")


def test_apposition_and_possessive_titles(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Chile's Interior Minister Tomas Rojas visited the port. Ana Pereira, a doctor at the "
        "city hospital, said the wards were full."
    )
    people = _by_name(analysis)
    assert (people["Tomas Rojas"].role, people["Tomas Rojas"].country) == (
        "Interior Minister",
        "CHL",
    )
    assert people["Ana Pereira"].role == "doctor"


def test_a_person_named_like_a_country_stays_a_person(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Israeli Foreign Minister Israel Katz spoke to reporters on Sunday. Israel has not "
        "commented further."
    )
    names = _by_name(analysis)
    assert names["Israel Katz"].type == "PERSON"
    assert names["Israel Katz"].role == "Foreign Minister"
    assert names["Israel"].type == "GPE"


def test_role_nouns_resolve_to_the_holder(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Secretary of State Maria Lund arrived in Oslo on Monday. The secretary of state told "
        "reporters that the talks had gone well. The Secretary will fly home on Tuesday."
    )
    maria = _by_name(analysis)["Maria Lund"]
    texts = [m.text for m in maria.mentions]
    assert "The secretary of state" in texts and "The Secretary" in texts


def test_headline_fragments_are_not_people(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Okafor Meets With Rivals Amid Lagos Strike Threat\n\n"
        "Nigerian opposition leader Chidi Okafor met union leaders in Lagos on Monday, two days "
        "before a planned general strike, his office said.\n"
    )
    people = {e.name for e in analysis.entities if e.type == "PERSON"}
    assert people == {"Chidi Okafor"}
    okafor = _by_name(analysis)["Chidi Okafor"]
    assert analysis.article.text[okafor.mentions[0].start : okafor.mentions[0].end] == "Okafor"


def test_a_town_tagged_as_a_person_becomes_a_place(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Shelling hit the outskirts of Goma on Friday. Residents fled north of Goma and toward "
        "Sake, aid groups said. Fighting near Goma continued."
    )
    assert all(e.type != "PERSON" for e in analysis.entities)


def test_a_title_makes_an_organisation_looking_name_a_person(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "U.N. spokeswoman Nadia Ferreira said on Monday that the convoy had been delayed."
    )
    nadia = _by_name(analysis)["Nadia Ferreira"]
    assert nadia.type == "PERSON"
    assert nadia.country is None  # an official of an international body


def test_countries_of_places_nationalities_and_organisations(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Hamas said on Monday that Egyptian mediators had met officials from the United States "
        "in Cairo. The U.S. delegation left on Tuesday."
    )
    names = _by_name(analysis)
    assert names["Hamas"].country == "PSE"
    assert names["Egyptian"].type == "NORP" and names["Egyptian"].country == "EGY"
    assert names["United States"].country == "USA"
    us_mentions = {m.text for m in names["United States"].mentions}
    assert {"U.S.", "United States"} <= us_mentions
    assert names["Cairo"].country == "EGY"


def test_every_mention_indexes_the_text(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Prime Minister Jonas Berg of Norway said on Monday the State Department’s offer was fair."
    )
    for entity in analysis.entities:
        for mention in entity.mentions:
            assert analysis.article.text[mention.start : mention.end] == mention.text
    org = _by_name(analysis)["State Department"]
    assert org.mentions[0].text == "State Department"


def test_a_name_ending_a_headline_keeps_no_line_break(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Floods Cut Roads Around Vienna\n\n"
        "Rivers rose across Austria on Monday. Officials in Vienna closed two bridges."
    )
    names = [e.name for e in analysis.entities]
    assert "Vienna" in names
    assert all(not any(c.isspace() and c != " " for c in name) for name in names)
    for entity in analysis.entities:
        assert all(m.text == m.text.strip() for m in entity.mentions)


def test_a_mention_that_is_only_an_honorific_is_no_mention(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # Issue 13 row 14: an empty name key once "Miss" is removed crashed the entities stage.
    analysis = analyse_text("Flooding closed two bridges near Gulfport , Miss . on Sunday night.")
    assert all(
        m.text.strip(" .").lower() not in {"miss", "dr"}
        for e in analysis.entities
        for m in e.mentions
    )
    lone = analyse_text("Dr said the clinic would reopen. Nobody else spoke.")
    assert "Dr" not in {e.name for e in lone.entities}


def test_the_ian_spellings_of_nationalities_give_the_country(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # countryinfo spells them "Ecuadorean" and "Argentine"; news mostly writes "-ian"
    analysis = analyse_text(
        "Ecuadorian Interior Minister Rosa Vera met Argentinian Foreign Minister Tomas Ibarra "
        "in Lima on Thursday to discuss river patrols."
    )
    people = _by_name(analysis)
    assert people["Rosa Vera"].country == "ECU"
    assert people["Tomas Ibarra"].country == "ARG"
