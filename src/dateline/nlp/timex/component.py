"""Stage 2: time expressions, normalised to TIMEX3 and anchored on the article's date.

Expressions come from the grammar of `timex/finder.py` and, for what it does not cover, from
spaCy's DATE and TIME entities when they normalise. Each is read with the tense of the verb
it belongs to (a year-less date in a past-tense clause lies before the anchor), and "two days
later" counts from the last date the narrative gave. Captions count (they date photos);
headlines and headings do not.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Token

from dateline.model import FACT_BLOCKS, Analysis, BlockKind, Timex
from dateline.nlp.common.intervals import ByStart, SpanSet
from dateline.nlp.common.occasions import attribution_sentence, carry_forward
from dateline.nlp.stage import stage
from dateline.nlp.timex.context import DATE_ORDERS, DateOrder, Tense, TimeValue
from dateline.nlp.timex.finder import find_time_expressions
from dateline.nlp.timex.normaliser import normalise
from dateline.vocabulary import word_set

COMPONENT = "dateline_times"  # the spaCy component name (nlp.pipeline.STAGES)

_TIME_BLOCKS = FACT_BLOCKS | {BlockKind.CAPTION}
_FUTURE_AUXILIARIES = {"will", "'ll", "shall", "wo", "would"}
_PAST_AUXILIARIES = {"did", "was", "were", "had"}
_AHEAD = re.compile(r"\bas (?:soon|early) as (?:on )?$", re.IGNORECASE)
_UNTIL = re.compile(r"\b(?:until|till|by) (?:on )?$", re.IGNORECASE)
# Words that put the verb they govern ahead in time: "set to close", "expected to vote".
_SCHEDULING = word_set("dateline.nlp.timex", "scheduling_words.txt")
# A quarter the text names itself ("the third quarter"), which "a year earlier" then refers to.
_NAMED_QUARTER = re.compile(r"(?:first|second|third|fourth)[ -]quarter", re.IGNORECASE)
_DATED_OR_SHIFTED = re.compile(r"\d{4}|year", re.IGNORECASE)

if not Doc.has_extension("date_order"):
    Doc.set_extension("date_order", default="MDY")


@stage(COMPONENT)
def find_times(doc: Doc, analysis: Analysis) -> None:
    """Every time expression of the article's text blocks, with its TIMEX3 value."""
    article = analysis.article
    anchor = _anchor(article.published)
    spans = _expression_spans(doc, analysis)
    date_order = _date_order(doc)
    timexes: list[Timex] = []
    previous: date | None = None
    quarter: str | None = None
    story_month: str | None = None
    text = article.text
    for start, end in spans:
        tokens = doc.char_span(start, end, alignment_mode="expand")
        tense = _tense(tokens.root) if tokens is not None else "past"
        tense = _looking_ahead(text[max(0, start - 16) : start], tense)
        found = normalise(
            text[start:end],
            anchor,
            tense,
            previous,
            quarter=quarter,
            date_order=date_order,
            after=text[end : end + 12],
            story_month=story_month,
        )
        if found is None:
            continue
        timexes.append(
            Timex(f"t{len(timexes) + 1}", article.span(start, end), found.type, found.value)
        )
        previous = _narrative_date(found) or previous
        if found.type == "DATE" and re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", found.value):
            story_month = found.value[:7]
        if _names_a_quarter(text[start:end]) and re.fullmatch(r"\d{4}-Q[1-4]", found.value):
            quarter = found.value
    analysis.timexes = timexes
    _date_quotes(doc, analysis)
    _anchor_quoted_times(doc, analysis)


def _date_quotes(doc: Doc, analysis: Analysis) -> None:
    """A quote was said on the date its attribution gives ("…," she said on Tuesday): the
    date nearest the cue in the cue's sentence, outside the quoted words; none if none."""
    by_start = ByStart(analysis.timexes, lambda t: t.span.start)
    for quote in analysis.quotes:
        sentence = attribution_sentence(doc, quote)
        if sentence is None or quote.cue is None:
            continue
        dated = [
            t
            for t in by_start.within(sentence.start_char, sentence.end_char)
            if t.type == "DATE"
            and not quote.span.start <= t.span.start < quote.span.end
            and t.value
            and t.value[:4].isdigit()
        ]
        if dated:
            cue_start = quote.cue.start
            quote.date = min(dated, key=lambda t: abs(t.span.start - cue_start)).value
    carry_forward(analysis, "date")


def _anchor_quoted_times(doc: Doc, analysis: Analysis) -> None:
    """ "About a week from now" in a quote counts from the day it was said, not the day the
    article was published."""
    by_start = ByStart(analysis.timexes, lambda t: t.span.start)
    for quote in analysis.quotes:
        said_on = _anchor(quote.date)
        if said_on is None or quote.kind == "indirect":
            continue
        for timex in by_start.within(quote.span.start, quote.span.end):
            tokens = doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
            tense = _tense(tokens.root) if tokens is not None else "past"
            found = normalise(timex.span.text, said_on, tense, date_order=_date_order(doc))
            if found is not None:
                timex.type, timex.value = found.type, found.value


def _narrative_date(found: TimeValue) -> date | None:
    """The day a date of the story names, which "two days later", "that day" and "the
    following month" count from."""
    if found.type != "DATE" or not re.fullmatch(r"\d{4}-\d\d-\d\d", found.value):
        return None
    return date.fromisoformat(found.value)


def _looking_ahead(before: str, tense: Tense) -> Tense:
    """ "as soon as Tuesday", "until Monday" in a present-tense clause: a day still to come."""
    if _AHEAD.search(before) or (tense == "present" and _UNTIL.search(before)):
        return "future"
    return tense


def _names_a_quarter(expression: str) -> bool:
    """ "the third quarter", not "the year-ago third quarter" or "the 1988 third quarter"."""
    return bool(_NAMED_QUARTER.search(expression)) and not _DATED_OR_SHIFTED.search(expression)


def _date_order(doc: Doc) -> DateOrder:
    order = str(doc._.date_order).upper()
    for known in DATE_ORDERS:
        if order == known:
            return known
    return "MDY"


def _anchor(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None  # "XXXX-03-03": the year is unknown, so nothing can be anchored


def _expression_spans(doc: Doc, analysis: Analysis) -> list[tuple[int, int]]:
    """Grammar matches first; spaCy's DATE/TIME entities where the grammar found nothing."""
    text = analysis.article.text
    spans: list[tuple[int, int]] = []
    for block in analysis.article.blocks:
        if block.kind in _TIME_BLOCKS:
            spans.extend(find_time_expressions(text, block.start, block.end))
    taken = SpanSet(spans)
    for ent in doc.ents:
        if ent.label_ not in {"DATE", "TIME"}:
            continue
        holder = analysis.article.block_at(ent.start_char)
        if holder is None or holder.kind not in _TIME_BLOCKS:
            continue
        if not taken.overlaps(ent.start_char, ent.end_char):
            spans.append((ent.start_char, ent.end_char))
            taken.add(ent.start_char, ent.end_char)
    return sorted(spans)


def _tense(token: Token) -> Tense:
    """The tense of the verb an expression belongs to. Only a verb in the past ("met", "had
    met") puts a year-less date before the anchor and only "will" after it; anything else
    ("is calling for a vote on Dec. 7", "expected in December") takes the nearest date."""
    verb = token
    for _ in range(6):
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        verb = verb.head
    auxiliaries = {child.lower_ for child in verb.children if child.dep_ in {"aux", "auxpass"}}
    if auxiliaries & _FUTURE_AUXILIARIES or verb.lower_ in _FUTURE_AUXILIARIES:
        return "future"
    if "to" in auxiliaries and verb.tag_ == "VB" and verb.head.lemma_ in _SCHEDULING:
        return "future"  # "is to resume Tuesday", "set to close Monday": what lies ahead
    if verb.tag_ == "VBD" and not auxiliaries - _PAST_AUXILIARIES:
        return "past"
    if verb.tag_ == "VBN" and auxiliaries & {"has", "have", "had", "was", "were"}:
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.lemma_ not in _SCHEDULING:
        return "past"  # "the products introduced in April", "the year ended March 31"
    return "present"
