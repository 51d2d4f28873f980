"""The stages' token look-ups (`nlp.common.sentences`): the tokens with a word of a list,
found on the Doc's arrays, are exactly those a scan of every token finds."""

from __future__ import annotations

import spacy

from dateline.nlp.common.sentences import tokens_with

NLP = spacy.blank("en")
TEXT = "The Harbour Board met at dawn; the board's chair, Ines Marr, said the pier stays shut."


def _scanned(attribute: str, words: frozenset[str]) -> list[int]:
    doc = NLP(TEXT)
    read = {"LOWER": lambda t: t.lower_, "ORTH": lambda t: t.text}[attribute]
    return [token.i for token in doc if read(token) in words]


def test_tokens_with_finds_what_a_scan_of_every_token_finds() -> None:
    doc = NLP(TEXT)
    for attribute, words in [
        ("LOWER", frozenset({"board", "the", "shut"})),
        ("ORTH", frozenset({"The", "Marr", ","})),
        ("LOWER", frozenset({"absent", "words", "only"})),
        ("LOWER", frozenset({"pier"})),
    ]:
        assert [t.i for t in tokens_with(doc, attribute, words)] == _scanned(attribute, words)


def test_tokens_with_an_empty_word_list_finds_nothing() -> None:
    assert tokens_with(NLP(TEXT), "LOWER", frozenset()) == []
