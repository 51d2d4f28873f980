"""Source profiles: whose voices an article rests on, each rule with a sentence of our own."""

from __future__ import annotations

import json
from typing import Any, get_args

import pytest

from dateline.model import Analysis, Source, SourceSummary, Span
from dateline.nlp.sources.windows import added, combined
from dateline.nlp.sources.words import KINDS, best_hit, kind_hits, kind_words, sector_kinds
from dateline.record import to_record
from dateline.record_types import SourceKind

from .conftest import SHARED


def _source(analysis: Analysis, words: str) -> Source:
    """The source whose name, mention or anonymity cue holds `words`."""
    for source in analysis.sources:
        forms = [source.name or ""]
        forms += [s.text for s in (source.mention, source.anonymity_cue) if s is not None]
        if any(words.lower() in form.lower() for form in forms):
            return source
    shown = [(s.name, s.mention and s.mention.text) for s in analysis.sources]
    raise AssertionError(f"no source with {words!r} in {shown}")


def test_a_titled_minister_is_a_named_government_source_with_their_quotes(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Fisheries Minister Tomas Berglund visited the harbour on Friday. “The quotas will "
        "not change this year,” Berglund said. He said the boats would be inspected in May."
    )
    source = _source(analysis, "Berglund")
    assert source.kind == "government"
    assert source.kind_from == "role noun: minister"
    assert source.anonymity == "named"
    assert source.entity is not None
    assert source.direct == 1 and source.reported == 1
    assert source.gender == "male" and source.gender_evidence is not None
    assert source.gender_evidence.text == "He"


def test_an_official_of_a_named_body_is_unnamed_and_of_its_kind(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "A senior United Nations official said the convoy had been stopped at the border."
    )
    source = _source(analysis, "official")
    assert source.anonymity == "unnamed"
    assert source.kind == "international_body"
    assert source.name is None
    assert source.anonymity_cue is not None and "official said" in source.anonymity_cue.text


def test_people_familiar_with_the_talks_are_one_unnamed_source(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The two ports are close to a deal on shared cranes, people familiar with the talks "
        "said on Monday."
    )
    source = _source(analysis, "familiar with the talks")
    assert source.anonymity == "unnamed"
    assert source.kind == "unknown"


def test_sources_and_one_of_the_sources_are_the_same_unnamed_source(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The mill will close in June, three sources said on Tuesday. The workers will be told "
        "next week, one of the sources said."
    )
    unnamed = [s for s in analysis.sources if s.anonymity == "unnamed"]
    assert len(unnamed) == 1
    assert len(unnamed[0].quotes) == 2
    assert analysis.source_summary is not None
    assert analysis.source_summary.unnamed_claims == 2


def test_reportedly_is_an_unnamed_source_even_without_a_quote(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("The shipyard is reportedly looking for a buyer for its dry dock.")
    source = _source(analysis, "reportedly")
    assert source.anonymity == "unnamed"
    assert source.quotes == [] and source.reported == 1


def test_a_passive_announcement_is_an_unnamed_source(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("It was announced on Thursday that the ferry will run twice a day.")
    source = _source(analysis, "It was announced")
    assert source.anonymity == "unnamed"
    assert source.anonymity_cue is not None and source.anonymity_cue.text == "It was announced"


def test_a_countrys_side_is_its_government_and_named(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Talks on the river border went on in Vienna. The Hungarian side said it wanted a "
        "joint survey of the banks."
    )
    source = _source(analysis, "Hungarian side")
    assert source.kind == "government"
    assert source.anonymity == "named"
    assert (source.country, source.country_source) == ("HUN", "text")


def test_an_honorific_says_gender_and_a_first_name_never_does(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Ms. Okonkwo, the head of the tenants' group, said the repairs were late. Maria "
        "Lindqvist, an engineer, said the pipes would be replaced."
    )
    okonkwo = _source(analysis, "Okonkwo")
    assert okonkwo.gender == "female"
    assert okonkwo.gender_evidence is not None and okonkwo.gender_evidence.text == "Ms."
    assert _source(analysis, "Lindqvist").gender == "unknown"


def test_a_gendered_role_noun_is_gender_evidence(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "A spokeswoman for the city police said two streets would stay closed overnight."
    )
    source = _source(analysis, "spokeswoman")
    assert source.gender == "female"
    assert source.gender_evidence is not None and source.gender_evidence.text == "spokeswoman"
    assert source.kind == "military_police"
    assert source.anonymity == "unnamed"


def test_a_known_organisation_is_of_its_sectors_kind(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Human Rights Watch said on Sunday that the detainees had not seen a lawyer."
    )
    source = _source(analysis, "Human Rights Watch")
    assert source.kind == "ngo_civil_society"
    assert source.kind_from.startswith("organisation: Human Rights Watch")


def test_a_person_without_any_role_is_of_no_kind_the_text_gives(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "“We slept in the car for two nights,” said Aino Virtanen, a resident of the street. "
        "“The council must act,” said Kalle Niemi."
    )
    assert _source(analysis, "Virtanen").kind == "citizen_witness"
    niemi = _source(analysis, "Niemi")
    assert niemi.kind == "unknown" and niemi.kind_from.startswith("no role")


def test_party_words_and_abbreviated_titles_give_the_kind(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Republican candidate Dale Harper said taxes would fall. Sen. Rosa Lind said they "
        "would not."
    )
    assert _source(analysis, "Harper").kind == "party_politician"
    assert _source(analysis, "Lind").kind == "party_politician"


def test_the_body_a_claim_comes_through_is_a_source_too(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Defence Minister Karin Holm met her Danish counterpart on Monday. According to the "
        "Pentagon's summary of the call, the minister said the exercises would go ahead."
    )
    channel = _source(analysis, "Pentagon")
    assert channel.kind == "government" and channel.anonymity == "named"
    assert channel.quotes


def test_a_bare_spokesperson_speaks_for_the_company_named_before(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Shares in Harbourline Shipping rose on Monday. The company said profits had doubled. "
        "A spokesperson said the dividend would rise too."
    )
    source = _source(analysis, "spokesperson")
    assert source.anonymity == "unnamed"
    assert source.kind == "business"


def test_the_words_that_keep_a_source_unnamed_are_no_claim(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "A prison guard, who asked not to be named, said the cells had no heating."
    )
    source = _source(analysis, "guard")
    assert len(source.quotes) == 1
    assert source.anonymity == "unnamed"


def test_the_summary_counts_attributed_sentences_and_direct_speech(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The bridge reopened on Monday after six months.\n\n"
        "“Traffic is back to normal,” said Mayor Petra Novak.\n\n"
        "Engineers said the repairs cost less than planned."
    )
    summary = to_record(analysis)["source_summary"]
    assert summary["attributed_sentence_share"] == pytest.approx(2 / 3, abs=0.01)
    assert summary["direct_share"] == pytest.approx(0.5)
    assert summary["sources"] == 2


def test_the_strongest_word_decides_the_kind() -> None:
    assert best_hit(kind_hits(["army", "officer"])).entry.kind == "military_police"  # type: ignore[union-attr]
    assert best_hit(kind_hits(["union", "leader"])).entry.kind == "ngo_civil_society"  # type: ignore[union-attr]
    assert best_hit(kind_hits(["agency", "head"])).entry.kind == "government"  # type: ignore[union-attr]
    assert best_hit(kind_hits(["chief", "financial", "officer"])).entry.kind == "business"  # type: ignore[union-attr]
    assert best_hit(kind_hits(["the", "weather"])) is None


def test_the_word_lists_name_only_the_eleven_kinds() -> None:
    assert {w.kind for w in kind_words().values()} <= set(KINDS)
    assert set(sector_kinds().values()) <= set(KINDS)


def _window_source(number: int, entity: str | None, quotes: list[str], gender: str) -> Source:
    evidence = Span(0, 2, "he") if gender != "unknown" else None
    return Source(
        f"s{number}", "Edith Marr", entity, None, "government", "role noun: mayor", "named",
        gender=gender, gender_evidence=evidence, quotes=quotes, direct=len(quotes),
    )  # fmt: skip


def test_a_voice_heard_in_two_windows_is_one_source() -> None:
    merged = combined(
        [_window_source(1, "e1", ["q1"], "unknown"), _window_source(1, "e1", ["q4"], "male")]
    )
    assert len(merged) == 1
    assert merged[0].quotes == ["q1", "q4"] and merged[0].direct == 2
    assert merged[0].gender == "male"
    total = added([SourceSummary(10, 4, 3, 2, 1, 1), SourceSummary(6, 2, 1, 0, 0, 1)], 1)
    assert total.attributed_sentence_share == pytest.approx(6 / 16)
    assert total.sources == 1


SEED = SHARED / "seed" / "article.txt"


@pytest.mark.skipif(not SEED.is_file(), reason="../shared/seed is not here")
def test_the_seed_lists_its_sources_with_kinds_and_anonymity(analyse_file) -> None:  # type: ignore[no-untyped-def]
    record: Any = json.loads(json.dumps(to_record(analyse_file(SEED))))
    by_name = {s["name"]: s for s in record["sources"] if s["name"]}
    for name in ("Antony Blinken", "Matthew Miller", "Benjamin Netanyahu", "Israel Katz"):
        assert by_name[name]["kind"] == "government", name
        assert by_name[name]["anonymity"] == "named", name
    for name in ("White House", "State Department"):
        assert by_name[name]["kind"] == "government", name
        assert by_name[name]["anonymity"] == "named", name
    side = next(s for s in record["sources"] if s["name"] and "Israeli side" in s["name"])
    assert (side["kind"], side["anonymity"], side["country"]) == ("government", "named", "ISR")
    reported = [
        s for s in record["sources"]
        if s["anonymity_cue"] and s["anonymity_cue"]["text"] == "reportedly"
    ]  # fmt: skip
    assert len(reported) == 1 and reported[0]["anonymity"] == "unnamed"
    assert by_name["Matthew Miller"]["gender"] == "male"


def test_a_body_before_a_generic_office_decides_the_kind(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Union secretary Mirela Popescu said the drivers would strike.")
    assert _source(analysis, "Popescu").kind == "ngo_civil_society"


def test_an_office_of_a_place_before_the_name_gives_the_kind(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The governor of North Vale, Samuel Adeyinka, said the schools would reopen."
    )
    assert _source(analysis, "Adeyinka").kind == "government"


def test_a_given_name_after_a_person_noun_names_the_source(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("A shopkeeper on the square, Farid, said sales had halved.")
    source = _source(analysis, "Farid")
    assert source.anonymity == "named"
    assert source.kind == "citizen_witness"


def test_word_endings_name_scientists_and_makers() -> None:
    assert best_hit(kind_hits(["volcanologist"])).entry.kind == "expert_academic"  # type: ignore[union-attr]
    assert best_hit(kind_hits(["shoemaker", "brennan"])).entry.kind == "business"  # type: ignore[union-attr]
    assert best_hit(kind_hits(["ologist"])) is None  # an ending alone is no word


def test_a_sports_team_outweighs_a_rank_like_title(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The rugby team's captain, Iwan Pryce, said the squad had trained in the snow."
    )
    assert _source(analysis, "Pryce").kind == "unknown"


def test_a_misread_subject_is_no_source(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Forty percent said they would vote again. Beekeepers said the spring was cold."
    )
    assert not any("percent" in (s.mention.text if s.mention else "") for s in analysis.sources)
    assert _source(analysis, "Beekeepers").anonymity == "unnamed"


def test_a_plural_is_read_by_its_singular_row() -> None:
    assert best_hit(kind_hits(["all", "three", "candidates"])).entry.kind == "party_politician"  # type: ignore[union-attr]


def test_a_body_named_by_two_words_is_read_whole(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("The coast guard said two sailors were pulled from the sea.")
    source = _source(analysis, "coast guard")
    assert (source.kind, source.anonymity) == ("military_police", "named")


def test_a_pronoun_after_a_possessed_source_is_not_its_gender(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The sprinter Mia Torres missed the final. Her physiotherapist said she would race "
        "again in June."
    )
    assert _source(analysis, "physiotherapist").gender == "unknown"


def test_the_stages_kinds_are_the_records_enumeration() -> None:
    """The stage may not import the record's types (layers), so the two lists are checked."""
    assert get_args(SourceKind) == KINDS
