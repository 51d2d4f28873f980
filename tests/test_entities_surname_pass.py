"""A story's surnames are found in one pass per block (one alternation), at exactly the places
one search per surname finds them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.ingest import article_from_text
from dateline.nlp.entities.component import _surname_matches, _whole_word_matches

# Our own words: surnames that start one another, a hyphenated one, one past ASCII.
WORDS = ["Marlow", "Marlowe", "marlow", "Penn", "Penny", "Ruiz-Penn", "Ødegaard", "the", "K"]
SEPARATORS = [" ", ", ", "-", "'s ", ".\n\n", " said "]


def _one_search_each(text: str, surnames: list[str]) -> dict[str, list[tuple[int, int]]]:
    article = article_from_text(text, "surnames")
    return {s: _whole_word_matches(article, s) for s in surnames}


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=30),
    st.lists(
        st.sampled_from(["Marlow", "Marlowe", "Penn", "Penny", "Ruiz-Penn", "Ødegaard"]),
        unique=True,
    ),
)
def test_one_pass_finds_what_one_search_per_surname_finds(
    pieces: list[tuple[str, str]], surnames: list[str]
) -> None:
    text = "The harbour board met on Monday.\n\n" + "".join(w + s for w, s in pieces)
    article = article_from_text(text, "surnames")
    assert _surname_matches(article, surnames) == _one_search_each(text, surnames)


def test_a_surname_is_not_found_inside_a_longer_one() -> None:
    text = (
        "The ferry left late.\n\nAda Marlowe said the harbour was full. Tom Marlow agreed, "
        "and MARLOWE left before Marlow's crew.\n"
    )
    found = _surname_matches(article_from_text(text, "two"), ["Marlow", "Marlowe"])
    assert [text[a:b] for a, b in found["Marlow"]] == ["Marlow", "Marlow"]
    assert [text[a:b] for a, b in found["Marlowe"]] == ["Marlowe", "MARLOWE"]
