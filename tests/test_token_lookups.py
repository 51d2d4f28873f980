"""The stages' token look-ups (`nlp.common.sentences`): the tokens with a word of a list,
found on the Doc's arrays, are exactly those a scan of every token finds."""

from __future__ import annotations

import spacy

from dateline.nlp.common.sentences import tokens_with
from dateline.nlp.common.speakers import cue_candidates, is_according_to, is_speech_cue
from dateline.nlp.language import load_plain_language

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


def test_cue_candidates_hold_every_cue_a_scan_of_every_token_finds() -> None:
    nlp = load_plain_language()
    doc = nlp(
        "According to the ferry operator, the crossing reopens Monday. “We are ready,” "
        "Ines Marr told reporters, and she pointed out that the pier had been repaired. "
        "The harbour board, which stated its goal in March, was said to be relieved."
    )
    cues = [t.i for t in doc if is_speech_cue(t) or is_according_to(t)]
    assert cues  # the paragraph has cues to find
    assert set(cues) <= set(cue_candidates(doc))
    assert len(cue_candidates(doc)) < len(doc)
