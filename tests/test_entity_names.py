"""Entity types and countries from the article's own evidence, for names the tagger misreads
(issue 15's seventh stop). Every sentence here was written for these tests."""

from __future__ import annotations

from typing import Any

TypesOf = dict[str, tuple[str, str | None]]


def _types(analysis: Any) -> TypesOf:
    return {e.name: (e.type.value, e.country) for e in analysis.entities}


def _entity(analysis: Any, name: str) -> Any:
    return next(e for e in analysis.entities if e.name == name)


def test_a_country_s_body_has_that_country(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Peru's National Police said on Monday that officers had found the missing hikers."
    )
    police = _entity(analysis, "National Police")
    assert (police.type.value, police.country, police.country_source) == ("ORG", "PER", "text")


def test_movement_after_a_name_is_part_of_the_movement(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "DUBAI (Reuters) - Yemen's Houthi movement said on Friday it had fired a missile at a "
        "Liberian-flagged bulk carrier in the Gulf of Aden."
    )
    movement = _entity(analysis, "Houthi movement")
    assert (movement.type.value, movement.country) == ("ORG", "YEM")


def test_an_office_the_namesake_never_held_lends_no_country(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Defense Minister Pedro Sanchez visited troops in Tumaco on Friday, Colombia's army said."
    )
    assert _entity(analysis, "Pedro Sanchez").country != "ESP"


def test_a_un_secretary_general_serves_no_country(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Secretary-General Antonio Guterres asked donors in Geneva for more money for Sudan."
    )
    guterres = _entity(analysis, "Antonio Guterres")
    assert guterres.role == "Secretary-General"
    assert guterres.country is None


def test_who_after_a_name_makes_a_person(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The fee was paid for Aleksandar Mitrovic, who left for Qatar in the summer."
    )
    assert _types(analysis)["Aleksandar Mitrovic"][0] == "PERSON"


def test_an_owned_role_before_a_comma_makes_a_person(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The businessman denied the charge. His lawyer, Gobind Rajan, said the case was weak."
    )
    assert _types(analysis)["Gobind Rajan"][0] == "PERSON"


def test_a_name_known_as_another_is_a_person(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("The gang is run by Renel Destina, known as Lapli, a former soldier.")
    assert _types(analysis)["Lapli"][0] == "PERSON"


def test_the_first_word_of_a_full_name_alone_is_that_person(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Prime Minister Anwar Ibrahim named a new cabinet on Tuesday. Two parties in Anwar's "
        "coalition said they had not been consulted."
    )
    assert all(e.type.value == "PERSON" for e in analysis.entities if e.name == "Anwar")


def test_a_kind_of_place_before_a_name_makes_a_place(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Trucks carrying maize reached the provincial capital Solwezi on Friday after a week "
        "on the road."
    )
    assert _types(analysis)["Solwezi"][0] == "GPE"


def test_a_town_s_word_ending_a_name_makes_no_person(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("The new bridge will link George Town with the mainland by 2030.")
    assert _types(analysis)["George Town"][0] == "GPE"


def test_an_apposition_calling_a_name_a_body(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Gran Grif, a gang that controls much of the Artibonite valley, claimed the attack."
    )
    assert _types(analysis)["Gran Grif"][0] == "ORG"


def test_a_nationality_word_in_a_headline_is_a_people(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Zambian miners strike over unpaid wages\n\n"
        "LUSAKA (Reuters) - Hundreds of workers at a copper mine in Chingola walked out on "
        "Monday, their union said."
    )
    zambian = _entity(analysis, "Zambian")
    assert (zambian.type.value, zambian.country) == ("NORP", "ZMB")


def test_lines_ends_a_shipping_company_s_name(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Its smaller rival, Wan Hai Lines, said it would cut sailings on its routes to the "
        "Middle East."
    )
    assert _types(analysis)["Wan Hai Lines"][0] == "ORG"


def test_an_acronym_used_as_a_body_is_one(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The ELN said it would free the men. Talks between the government and the ELN broke "
        "down in January."
    )
    assert _types(analysis)["ELN"][0] == "ORG"


def test_an_acronym_of_a_title_or_a_town_s_code_is_no_body(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The CEO said costs had risen. Analysts said the CEO would leave by March."
    )
    assert "CEO" not in _types(analysis)


def test_a_role_in_its_own_phrase_before_the_holder(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "LUSAKA (Reuters) - Zambia's copper output rose. In Solwezi, the provincial minister, "
        "Elias Kasonde, said residents wanted jobs."
    )
    kasonde = _entity(analysis, "Elias Kasonde")
    assert (kasonde.role, kasonde.country, kasonde.country_source) == (
        "provincial minister",
        "ZMB",
        "inference",
    )


def test_a_nationality_before_a_person_noun_and_a_comma(analyse_text) -> None:  # type: ignore[no-untyped-def]
    told = analyse_text("The club's Portuguese coach, Jorge Jesus, had asked for a striker.")
    assert (_entity(told, "Jorge Jesus").country, _entity(told, "Jorge Jesus").role) == (
        "PRT",
        "coach",
    )
    untold = analyse_text("The club's coach, Jorge Jesus, had asked for a striker.")
    assert _entity(untold, "Jorge Jesus").country is None


def test_a_state_body_or_party_of_no_stated_country_is_the_story_s(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "KATHMANDU, Nepal (AP) - Nepal's prime minister lost a confidence vote on Friday. "
        "The Janata Samajbadi Party said it would decide whom to back, and the UN Office for "
        "Project Services said its work in the country would go on."
    )
    party = _entity(analysis, "Janata Samajbadi Party")
    assert (party.country, party.country_source) == ("NPL", "inference")
    assert all(e.country is None for e in analysis.entities if e.name.startswith("UN"))


def test_who_after_a_town_s_team_makes_no_person(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The Rockets beat the Portland Trail Blazers, who rested two starters. The Rockets "
        "visit Portland in March."
    )
    types = _types(analysis)
    assert types["Portland Trail Blazers"][0] != "PERSON"
    assert types["Portland"][0] == "GPE"


def test_a_full_name_s_first_word_that_names_a_town_needs_a_verb_of_saying(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Cheng Chuan-yi chairs the board. Cheng said the company would wait.")
    assert all(e.type.value == "PERSON" for e in analysis.entities if e.name == "Cheng")


def test_untagged_proper_nouns_open_a_body_s_cut_name(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "TAIPEI (Reuters) - Yang Ming Marine Transport Corp, Taiwan's second-largest container "
        "line, reported a loss on Tuesday."
    )
    assert _types(analysis)["Yang Ming Marine Transport Corp"][0] == "ORG"


def test_a_nationality_word_opens_the_body_after_it(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Al-Hilal have signed the striker, the Saudi Pro League club said on Saturday."
    )
    assert _types(analysis)["Saudi Pro League"] == ("ORG", "SAU")
    assert "Saudi" not in _types(analysis)


def test_a_facility_named_by_a_body_s_word_is_the_body(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The case was heard at the Penang High Court, which adjourned it to May."
    )
    assert _types(analysis)["Penang High Court"][0] == "ORG"


def test_a_people_the_text_calls_a_region_is_the_region(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Gangs now control roads in the Artibonite region, north of the capital."
    )
    assert _types(analysis)["Artibonite"][0] == "GPE"


def test_a_kind_of_body_run_on_by_of_and_a_name(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The Diocese of Bathurst voted to sell two churches. The Law Society of Zambia said "
        "the ruling was wrong."
    )
    types = _types(analysis)
    assert types["Diocese of Bathurst"][0] == "ORG"
    assert types["Law Society of Zambia"][0] == "ORG"
    assert "Bathurst" not in types


def test_a_body_s_first_two_words_are_its_short_name(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "TAIPEI (Reuters) - Yang Ming Marine Transport Corp, Taiwan's second-largest container "
        "line, reported a loss on Tuesday. Yang Ming would keep its ships away from the Red Sea, "
        "its chairman said."
    )
    line = _entity(analysis, "Yang Ming Marine Transport Corp")
    assert (line.type.value, line.country, line.country_source) == ("ORG", "TWN", "text")
    assert "Yang Ming" not in _types(analysis)


def test_a_body_s_name_closing_with_a_country(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("The Law Society of Zambia said the ruling was wrong.")
    assert _types(analysis)["Law Society of Zambia"] == ("ORG", "ZMB")


def test_an_officer_of_a_body_with_a_country_serves_it(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        'Voters in the hills backed Nepal\'s largest party. "We listened," said Bimal Rai, '
        "general secretary of the Nepali Congress, in the capital."
    )
    rai = _entity(analysis, "Bimal Rai")
    assert (rai.country, rai.country_source) == ("NPL", "text")


def test_a_body_s_kind_before_a_name_makes_the_body(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The miner Glencore said output fell. The company Tuesday said it would not comment."
    )
    types = _types(analysis)
    assert types["Glencore"][0] == "ORG"
    assert "Tuesday" not in types


def test_a_body_named_with_its_country_s_possessive(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "LONDON - Japan’s Ministry of Agriculture said on Monday that exports of rice had "
        "risen. The party States would meet in March."
    )
    types = _types(analysis)
    assert types["Ministry of Agriculture"] == ("ORG", "JPN")
    assert "States" not in types


def test_a_body_s_span_opening_with_its_country_s_possessive() -> None:
    from dateline.model import BlockKind
    from dateline.nlp.entities.mentions import Mention, mention_country

    tagged = "Japan’s Ministry of Agriculture"
    assert mention_country(Mention(0, len(tagged), tagged, "ORG", BlockKind.BODY)) == "JPN"


def test_a_body_noun_inside_a_person_s_apposition_makes_no_body(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The campaign's Ohio director, Maria Lopez, a former county party chairwoman, said "
        "turnout was high."
    )
    assert _types(analysis)["Maria Lopez"][0] == "PERSON"


def test_a_possessor_stays_out_of_a_body_run_on_by_of(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Nora Patel, who sat on Governor Ann Boyd’s Board of Regents, said fees would rise."
    )
    types = _types(analysis)
    assert types["Board of Regents"][0] == "ORG"
    assert types["Ann Boyd"][0] == "PERSON"


def test_a_party_s_word_opening_a_name_stays_a_people(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        '"I have voted for years, and now I am a Republican," she said. Republican candidate '
        "Jane Moss won the county."
    )
    assert all(e.type.value != "PERSON" for e in analysis.entities if e.name == "Republican")
