"""Names in headlines and section headings, where Title Case fools NER.

In "Okafor Meets With Rivals" a small model tags "Okafor Meets" as a person, or misses the
name altogether. A headline names what the story names, so its mentions are taken from the
story: the longest runs of its words that are names found in the body, with their types.
"""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.model import BlockKind
from dateline.nlp.common.lexicon import country_of_demonym
from dateline.nlp.entities.mentions import TITLE_BLOCKS, Mention, name_key, trim_name
from dateline.nlp.stage import article_text


def with_title_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """`mentions` plus the names they give found in headlines and headings."""
    return sorted(mentions + _confirmed_title_mentions(doc, mentions), key=lambda m: m.start)


def _confirmed_title_mentions(doc: Doc, body: list[Mention]) -> list[Mention]:
    """Headline and heading mentions: the names the story itself names, wherever they stand.

    Title Case fools NER both ways ("Blinken Meets" a person, a real surname missed), so in
    headlines and headings NER's guesses are dropped and the longest runs of words that are
    names found in the story are taken instead, with those names' types.
    """
    known: dict[str, str] = {}
    for mention in body:
        known.setdefault(mention.key, mention.label)
        words = mention.key.split()
        if mention.label == "PERSON" and len(words) > 1:
            known.setdefault(words[-1], "PERSON")
    found: list[Mention] = []
    for sentence in doc.sents:
        block = _title_block(doc, sentence.start_char)
        if block is None:
            continue
        found.extend(_known_names_in(doc, sentence.start, sentence.end, known, block))
    return found


def _title_block(doc: Doc, offset: int) -> BlockKind | None:
    analysis = doc._.dateline
    block = analysis.article.block_at(offset) if analysis is not None else None
    return block.kind if block is not None and block.kind in TITLE_BLOCKS else None


def _known_names_in(
    doc: Doc, start: int, end: int, known: dict[str, str], block: BlockKind
) -> list[Mention]:
    """Longest-first, non-overlapping runs of tokens that are known names."""
    found: list[Mention] = []
    index = start
    while index < end:
        if not doc[index].text[:1].isupper():
            index += 1
            continue
        for size in (4, 3, 2, 1):
            part = doc[index : min(index + size, end)]
            if len(part) < size or not part.text[:1].isupper():
                continue
            key = name_key(part.text)
            if key not in known and size == 1 and country_of_demonym(part.text):
                known[key] = "NORP"  # "Colombian rebels say ...": a people, as in the body
            if key in known:
                first, last = trim_name(article_text(doc), part.start_char, part.end_char)
                found.append(
                    Mention(
                        first,
                        last,
                        article_text(doc)[first:last],
                        known[key],
                        block,
                        part.start,
                        part.end,
                    )
                )
                index += size
                break
        else:
            index += 1
    return found
