"""The sides of a match result: "Ajax beat Feyenoord 3-1" names two teams.

The small model reads a club named after its town as the town, a club named like a person as
a person, misses a club opening a sentence, and runs a name into the score that follows it
("Feyenoord 3-1"). A score (two small numbers joined by a dash) beside a verb of result marks
the sentence as a match report: the capitalised names before the verb, after it, or after
"with", "to", "against" or "over" behind the score are the sides, and the score is no part of
either name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.model import FACT_BLOCKS, Article
from dateline.nlp.common.sentences import tokens_with
from dateline.nlp.entities.mentions import Mention
from dateline.vocabulary import word_set

_RESULT_VERBS = word_set("dateline.nlp.entities", "result_verbs.txt")
_DASHES = frozenset({"-", "–", "—"})
_OPPONENT_WORDS = {"with", "to", "against", "over"}
_MAX_SCORE = 99  # a side's goals, runs or points fit two digits; "2019-2020" is no score
_MAX_SIDE_WORDS = 4


def with_match_sides(doc: Doc, article: Article, mentions: list[Mention]) -> list[Mention]:
    """`mentions` with the sides of every match result marked as teams (label ORG), a side
    the tagger missed added, and a score cut off the name before it."""
    sides: list[tuple[int, int]] = []
    for score in _scores(doc):
        verb = _result_verb(doc, score)
        if verb is None:
            continue
        sides.extend(_sides(doc, verb, score))
    if not sides:
        return mentions
    keys: set[str] = set()
    found = list(mentions)
    for start, end in sides:
        mention = _mention_over(doc, article, found, start, end)
        if mention is not None:
            mention.team = True
            keys.add(mention.key)
    for mention in found:
        if mention.key in keys:
            mention.label = "ORG"
    return sorted(found, key=lambda m: m.start)


def _scores(doc: Doc) -> list[int]:
    """The first token of each "3-1" in the text (three tokens: number, dash, number),
    found from the dashes (`tokens_with`) rather than by a Python object of every token."""
    return [
        dash.i - 1
        for dash in tokens_with(doc, "ORTH", _DASHES)
        if 0 < dash.i < len(doc) - 1
        and _small_number(doc[dash.i - 1])
        and _small_number(doc[dash.i + 1])
    ]


def _small_number(token: Token) -> bool:
    return token.text.isdigit() and int(token.text) <= _MAX_SCORE


def _result_verb(doc: Doc, score: int) -> Token | None:
    """The verb of result the score follows within its sentence ("beat Feyenoord 3-1")."""
    sentence_start = doc[score].sent.start
    for i in range(score - 1, max(sentence_start, score - 1 - _MAX_SIDE_WORDS - 1) - 1, -1):
        if doc[i].lemma_.lower() in _RESULT_VERBS or doc[i].lower_ in _RESULT_VERBS:
            return doc[i]
    return None


def _sides(doc: Doc, verb: Token, score: int) -> list[tuple[int, int]]:
    """Token ranges of the side before the verb and of the side it met."""
    found = []
    before = _run_ending(doc, verb.i)
    if before is not None:
        found.append(before)
    after = _run_starting(doc, verb.i + 1)
    if after is not None and after[1] == score:
        found.append(after)
    end = score + 3
    if end < len(doc) and doc[end].lower_ in _OPPONENT_WORDS:
        opponent = _run_starting(doc, end + 1)
        if opponent is not None:
            found.append(opponent)
    return found


def _name_word(token: Token) -> bool:
    return token.text[:1].isupper() and token.text.replace("'", "").isalpha()


def _run_ending(doc: Doc, end: int) -> tuple[int, int] | None:
    start = end
    while start > 0 and end - start < _MAX_SIDE_WORDS and _name_word(doc[start - 1]):
        start -= 1
    if start < end and doc[start].lower_ == "the":
        start += 1
    return (start, end) if start < end else None


def _run_starting(doc: Doc, start: int) -> tuple[int, int] | None:
    if start < len(doc) and doc[start].lower_ == "the":
        start += 1
    end = start
    while end < len(doc) and end - start < _MAX_SIDE_WORDS and _name_word(doc[end]):
        end += 1
    return (start, end) if start < end else None


def _mention_over(
    doc: Doc, article: Article, mentions: list[Mention], start: int, end: int
) -> Mention | None:
    """The mention on tokens start..end, cut to them ("Feyenoord 3-1" loses its score), or
    a new one where the tagger saw nothing."""
    for mention in mentions:
        if mention.token_start < end and start < mention.token_end:
            if mention.token_end > end:
                mention.token_end = end
                mention.end = doc[end - 1].idx + len(doc[end - 1])
                mention.text = article.text[mention.start : mention.end]
            return mention
    first, last = doc[start], doc[end - 1]
    block = article.block_at(first.idx)
    if block is None or block.kind not in FACT_BLOCKS:
        return None
    mention = Mention(
        first.idx, last.idx + len(last), article.text[first.idx : last.idx + len(last)],
        "ORG", block.kind, start, end,
    )  # fmt: skip
    mentions.append(mention)
    return mention
