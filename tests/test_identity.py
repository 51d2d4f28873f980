"""Who is who across articles, by evidence: names compared without what describes their
bearer, middle names and initials compatible, a surname joined to the full name of its own
article or its story, never to the corpus at large. Every sentence and name here is our own."""

from __future__ import annotations

from dateline.corpus.identity import compatible, corpus_keys
from dateline.names import NAME_PARTICLES, NAME_SUFFIXES, person_words
from dateline.store.results import NamedEntity


def _in(article: int, name: str, type_: str = "PERSON", **facts: str | None) -> NamedEntity:
    published = facts.pop("published", None)
    return NamedEntity(name, type_, article=article, published=published, **facts)  # type: ignore[arg-type]


def test_descriptions_role_nouns_and_suffixes_are_not_the_name() -> None:
    assert person_words("comedian Ellen Marsh") == ["ellen", "marsh"]
    assert person_words("unemployed Jon Tiller") == ["jon", "tiller"]
    assert person_words("Lawyer Mark Jay Heller") == ["mark", "jay", "heller"]
    assert person_words("Samuel Okoro Jr.") == ["samuel", "okoro"]
    assert person_words("Ursula von der Brink") == ["ursula", "von", "der", "brink"]
    assert person_words("de Villiers") == ["de", "villiers"]


def test_middle_names_and_initials_are_compatible_when_they_agree() -> None:
    assert compatible(["mark", "heller"], ["mark", "jay", "heller"])
    assert compatible(["m", "heller"], ["mark", "heller"])
    assert compatible(["mark", "j", "heller"], ["mark", "jay", "heller"])
    assert not compatible(["mark", "jay", "heller"], ["mark", "paul", "heller"])
    assert not compatible(["mark", "heller"], ["maria", "heller"])


def test_forms_of_one_full_name_share_a_key() -> None:
    forms = [
        _in(1, "Mark Jay Heller", role="lawyer"),
        _in(2, "Mark Heller"),
        _in(3, "M. Heller"),
        _in(4, "comedian Mark Heller"),
        _in(5, "Mark Heller Jr."),
    ]
    assert set(corpus_keys(forms).values()) == {"person:mark-heller"}


def test_a_name_that_fits_two_people_who_differ_stays_on_its_own() -> None:
    keys = corpus_keys([_in(1, "Tom H. Varga"), _in(2, "Tom W. Varga"), _in(3, "Tom Varga")])
    assert len(set(keys.values())) == 3


def test_a_surname_the_tagger_took_for_a_place_is_the_person_its_article_names() -> None:
    # "Actress Dana Lohrey left the court; Lohrey waved." with "Lohrey" tagged as a place.
    full, bare = _in(1, "Dana Lohrey"), _in(1, "Lohrey", "GPE")
    city = _in(2, "Lohrey", "GPE", country="DEU")  # a resolved place of that name
    keys = corpus_keys([full, bare, city])
    assert keys[bare] == "person:dana-lohrey"
    assert keys[city] == "gpe:lohrey"


def test_a_surname_joins_its_own_article_s_full_name_among_many_namesakes() -> None:
    firsts = ["Ann", "Bo", "Cy", "Di", "Ed"]
    namesakes = [_in(n, f"{first} Wilder") for n, first in enumerate(firsts)]
    own_full, own_bare = _in(9, "Fay Wilder"), _in(9, "Wilder", "NORP")
    keys = corpus_keys([*namesakes, own_full, own_bare])
    assert keys[own_bare] == "person:fay-wilder"


def test_a_surname_joins_the_full_name_of_its_story_not_of_the_corpus() -> None:
    # Monday: "Coach Rina Kessel praised the Harbor Hawks after the win over Eastfield."
    # Wednesday: "Kessel said the Harbor Hawks would rest before Eastfield."
    # Months later, another Kessel: "Kessel, a baker in Morrow, opened a second shop."
    story = [
        _in(1, "Rina Kessel", published="2025-03-03"),
        _in(1, "Harbor Hawks", "ORG", published="2025-03-03"),
        _in(1, "Eastfield", "GPE", country="USA", published="2025-03-03"),
        _in(2, "Kessel", published="2025-03-05"),
        _in(2, "Harbor Hawks", "ORG", published="2025-03-05"),
        _in(2, "Eastfield", "GPE", country="USA", published="2025-03-05"),
    ]
    other = [
        _in(3, "Kessel", published="2025-07-14"),
        _in(3, "Morrow", "GPE", country="USA", published="2025-07-14"),
    ]
    namesake = [
        _in(4, "Otto Kessel", published="2025-03-04"),
        _in(4, "Morrow", "GPE", country="USA", published="2025-03-04"),
    ]
    keys = corpus_keys([*story, *other, *namesake])
    assert keys[story[3]] == "person:rina-kessel"
    assert keys[other[0]] == "person:kessel"  # its story names no Kessel in full


def test_a_story_that_shares_as_much_with_two_namesakes_chooses_neither() -> None:
    shared = ("Lakeside Council", "ORG")
    found = [
        _in(1, "Ida Brandt", published="2025-05-01"),
        _in(1, *shared, published="2025-05-01"),
        _in(2, "Ole Brandt", published="2025-05-02"),
        _in(2, *shared, published="2025-05-02"),
        _in(3, "Brandt", published="2025-05-03"),
        _in(3, *shared, published="2025-05-03"),
    ]
    assert corpus_keys(found)[found[4]] == "person:brandt"


def test_an_honorific_that_conflicts_keeps_namesakes_apart() -> None:
    # "Ms. Brandt" in the story of Ole Brandt, whom his articles call "Mr. Brandt".
    found = [
        _in(1, "Ole Brandt", gender="m", published="2025-05-02"),
        _in(1, "Lakeside Council", "ORG", published="2025-05-02"),
        _in(2, "Brandt", gender="f", published="2025-05-03"),
        _in(2, "Lakeside Council", "ORG", published="2025-05-03"),
    ]
    assert corpus_keys(found)[found[2]] == "person:brandt"


def test_a_surname_alone_is_a_person_s_when_most_entities_of_that_word_are() -> None:
    # "Okoye scored twice" typed ORG in a story naming "Tobi Okoye"; months later "Okoye"
    # alone, twice as a person and once as an organisation, in a story naming no Okoye.
    found = [
        _in(1, "Tobi Okoye", published="2025-03-10"),
        _in(1, "Okoye", "ORG", published="2025-03-10"),
        _in(2, "Okoye", "PERSON", gender="f", published="2025-07-01"),
        _in(3, "Okoye", "ORG", published="2025-07-03"),
        _in(4, "Okoye", "PERSON", gender="f", published="2025-07-04"),
    ]
    keys = corpus_keys(found)
    assert keys[found[1]] == "person:tobi-okoye"
    assert {keys[e] for e in found[2:]} == {"person:okoye"}


def test_a_full_name_typed_otherwise_is_a_person_s_beside_its_surname() -> None:
    # "Hanne Lindvall (tagged an organisation) lost in straight sets. Ms. Lindvall left."
    full, bare = _in(1, "Hanne Lindvall", "ORG"), _in(1, "Lindvall", gender="f")
    keys = corpus_keys([full, bare, _in(2, "Hanne Lindvall", "ORG")])
    assert keys[full] == keys[bare] == "person:hanne-lindvall"


def test_the_country_of_a_surname_taken_for_a_place_is_no_conflict() -> None:
    # "Mr. Ibarra" tagged as a town of another country, in the story of Sergio Ibarra.
    found = [
        _in(1, "Sergio Ibarra", country="CHL", published="2025-02-25"),
        _in(1, "Marta Sousa", published="2025-02-25"),
        _in(2, "Ibarra", "GPE", country="ARG", gender="m", published="2025-02-25"),
        _in(2, "Marta Sousa", published="2025-02-25"),
    ]
    assert corpus_keys(found)[found[2]] == "person:sergio-ibarra"


# One invented name for each particle kept inside a name, and each suffix taken off.
PARTICLE_NAMES = {
    "al": "Samir al Haddadi", "bin": "Yusuf bin Tariq", "da": "Lucia da Serra",
    "de": "Ana de Molen", "del": "Rosa del Campo", "della": "Gianna della Riva",
    "den": "Pieter den Hartog", "der": "Anke der Linden", "di": "Marco di Stefano",
    "dos": "Joana dos Reis", "du": "Claire du Pont", "la": "Inès la Fontaine",
    "le": "Yann le Goff", "van": "Eva van Dam", "von": "Ilse von Brandt",
}  # fmt: skip
SUFFIX_NAMES = {
    "jr": "Calvin Ross Jr.", "sr": "Calvin Ross Sr.", "ii": "Calvin Ross II",
    "iii": "Calvin Ross III", "iv": "Calvin Ross IV",
}  # fmt: skip


def test_every_particle_stays_inside_a_name_and_every_suffix_comes_off() -> None:
    assert set(PARTICLE_NAMES) == NAME_PARTICLES and set(SUFFIX_NAMES) == NAME_SUFFIXES
    for particle, name in PARTICLE_NAMES.items():
        assert particle in person_words(f"unemployed {name}"), name
    for name in SUFFIX_NAMES.values():
        assert person_words(name) == ["calvin", "ross"], name
