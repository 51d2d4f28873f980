"""Stage 2: quotes — who said what, in their words (direct, partial) or reported (indirect).

Direct and partial quotes start from quotation marks (`quotemarks.py`) and look for their
cue and speaker where a reader would: after the closing mark ("…," he said), before the
opening one (She said: "…"), or in the verb the quoted words depend on (described it as
"…"). A quote with no attribution of its own continues the speaker of the quote just before
it, or, for a paragraph that is only a quote, takes the nearest attribution around it.
Titles of works and names in quotation marks are told from speech by how they sit in the
sentence; words that run on after a closing mark up to the attribution finish the quote.

Reported speech is a verb of saying with its reported clause (`X said that …`,
`according to X, …`, `X called the plan reckless`, `a poll shows that …`); an attribution
set into the sentence it reports (`In Miami, she said, …`) splits it in two parts. A clause
holding quoted words is a partial quote; a report inside another report, or a clause that
only frames a direct quote, is no quote of its own. A pull quote repeating a body quote takes
that quote's speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from dateline.model import FACT_BLOCKS, Analysis, Article, EntityType, Quote, Span
from dateline.nlp.common.intervals import Intervals
from dateline.nlp.common.sentences import sentence_of, tokens_with
from dateline.nlp.common.speakers import (
    ATTRIBUTION_ADVERBS,
    CHARACTERISING,
    NAMING,
    SPEECH_VERBS,
    MentionIndex,
    Speaker,
    is_according_to,
    is_speech_cue,
    speaker_of_cue,
    speaker_of_token,
    subject_of,
)
from dateline.nlp.quotes.marks import QuotedSpan, find_quoted_spans, without_subheadings
from dateline.nlp.stage import article_text, stage
from dateline.vocabulary import TITLE_SMALL_WORDS, word_rows, word_set

COMPONENT = "dateline_quotes"  # the spaCy component name (nlp.pipeline.STAGES)

_MIN_REPORTED_TOKENS = 3
# How far into the sentence after a quoted question its attribution's verb may stand.
_MAX_ATTRIBUTION_TOKENS = 8
_SAME_QUOTE_RATIO = 0.9


def _reporting(kind: str) -> frozenset[str]:
    """The verbs of `data/reporting_verbs.csv` that hold what they report this way."""
    rows = word_rows("dateline.nlp.quotes", "reporting_verbs.csv")
    return frozenset(row["verb"] for row in rows if row["kind"] == kind)


# Verbs whose report follows "for": "argued for a ceasefire".
_ARGUE_FOR = _reporting("for")
# Verbs that report a commitment or request as a to-infinitive: "vowed to fight on".
_TO_INFINITIVE = _reporting("to-infinitive")

# Verbs whose object is what was said: "announced new sanctions", "denied the charge".
_NOMINAL_REPORTS = _reporting("object")
# What documents do when a reporter cites them: "the poll shows that …", "the audit found …".
_FINDING = _reporting("finding")
_DOCUMENTS = word_set("dateline.nlp.quotes", "documents.txt")
# An unattributed quote this short, or shaped like a title ("The Walking Dead"), is no quote.
_MIN_UNATTRIBUTED_WORDS = 5
# Shorter quoted words inside a sentence count only as part of a reported clause around them.
_MIN_PARTIAL_WORDS = 5
# Longer quoted words run into a sentence with no verb of saying are still someone's words.
_MIN_UNCUED_PARTIAL_WORDS = 8
_ALL_QUOTED = 0.9
_ACCORDING = frozenset({"according"})
_MAX_TITLE_WORDS = 8
# Subjects of a verb of saying that speak for no one: "only time will tell".
_NO_SPEAKERS = frozenset({"time"})
_EMPTY_SUBJECTS = frozenset({"it", "this", "that", "all"})
# Nouns for a piece of writing, a broadcast or a show, whose title follows them in quotes.
_WORKS = word_set("dateline.nlp.quotes", "works.txt")
_REPORTING = SPEECH_VERBS | NAMING | _FINDING | {"point"}
_CLAUSE_BREAKS = frozenset({":", ";", "—", "–", "-", "--"})
_CONJUNCTIONS = frozenset({"and", "but", "or", "nor", "then", "so"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_OPENING_MARK = re.compile(r"[“\"‘]|''|``")
# "Editor's note: …": the publisher's standing comment on the story's subject, in its own
# voice; the verbs of saying in it report no one.
# (It opens a line, or is run onto the last one when a page's layout is lost.)
_PUBLISHER_NOTE = re.compile(
    r"(?:^|(?<=[.!?”\")]))\W*editors?['’]?s?\s+note\s*:", re.IGNORECASE | re.MULTILINE
)
_SENTENCE_ENDS = (".", "!", "?", "”", '"', "’", "'")
_TITLE_SMALL_WORDS = TITLE_SMALL_WORDS


@dataclass(slots=True)
class _Found:
    """A quote while it is being attributed."""

    kind: str
    span: Span
    cue: Span | None = None
    speaker: Speaker | None = None
    confidence: float = 0.3
    paragraph: int = 0
    quoted: str = ""  # the words inside the marks, for a quote
    introduced: bool = True  # opens a sentence or follows "," or ":", not run into the text
    announced: bool = False  # follows a colon: "Her reply: “No.”", "Mayor Roe: ‘We Stay’"
    names_a_work: bool = False  # follows "the book", "a headline", "her column,": a title
    aside: bool = False  # opens a parenthesis that holds no attribution of its own
    appositive: bool = False  # follows "his memoir," as the name of the thing just named
    # Set off as speech: introduced or followed by its cue, and hanging from that cue ("…," she
    # said); a title or a name hangs from a noun or is run into the sentence instead.
    set_off: bool = False


@stage(COMPONENT)
def find_quotes(doc: Doc, analysis: Analysis) -> None:
    """Direct, partial and reported quotes with their cues and speakers."""
    article = analysis.article
    paragraphs = [(b.start, b.end) for b in article.blocks if b.kind in FACT_BLOCKS]
    marked = without_subheadings(
        article_text(doc), find_quoted_spans(article_text(doc), paragraphs)
    )
    index = MentionIndex(analysis.entities, [(q.open_mark, q.end + 1) for q in marked])
    quoted = [q for q in (_quoted(doc, article, span, index, paragraphs) for span in marked) if q]
    _attribute_from_neighbours(quoted, doc)
    _link_repeated_quotes(quoted)
    quoted = [q for q in quoted if _is_a_quote(q)]
    reported = _reported_speech(doc, article, marked, index)
    reporting = Intervals((r.span.start, r.span.end + 1) for r in reported)
    quoted = [q for q in quoted if not _inside_reported(q, reporting)]
    # a clause framing a direct quote ("He said his wife “told him to run.”") is that quote
    quoting = Intervals((q.span.start, q.span.end) for q in quoted)
    reported = [r for r in reported if not quoting.overlaps(r.span.start, r.span.end)]
    analysis.quotes = _to_quotes(sorted(quoted + reported, key=lambda q: q.span.start))


def _words(text: str) -> int:
    return len(text.split())


def _is_a_quote(quote: _Found) -> bool:
    """Scare quotes and titles of works are quoted words nobody is quoted as saying."""
    words = _words(quote.quoted)
    if quote.kind == "partial" and quote.cue is None and words < _MIN_UNCUED_PARTIAL_WORDS:
        return False  # quoted words run into a sentence with no cue are mostly a term
    if quote.kind == "partial" and words < _MIN_PARTIAL_WORDS:
        return False  # a few quoted words in a sentence are mostly a term or a label
    if quote.announced and quote.kind == "direct":
        return True  # a colon announces words as said, however few: 'His answer: "Never."'
    if quote.aside:
        return False  # rates voters from 1 ("Sure thing") to 5: an example, not a quote
    if _stage_direction(quote.quoted) or (quote.quoted.isupper() and quote.cue is None):
        return False  # "(LAUGHTER.)" in a transcript, ‘THE HOUSE PARTY’ as a heading
    if quote.names_a_work and not quote.set_off:
        return False  # his memoir, “A Long Way From Any Home”, however long the title
    titled = _title_like(quote.quoted) and words <= _MAX_TITLE_WORDS
    if titled and (not quote.set_off or quote.appositive):
        return False  # on “Meet the Press.”, his book, ''A Time for Truth'', but “Okay,” I said.
    if quote.cue is not None or quote.speaker is not None:
        return True  # "No," he said.
    return words >= _MIN_UNATTRIBUTED_WORDS


def _stage_direction(text: str) -> bool:
    """ "(CROSSTALK.)": a transcript's note of what happened, in brackets, is no one's words."""
    inner = text.strip().rstrip(".,")
    return inner[:1] in "([" and inner[-1:] in ")]" and bool(inner)


def _title_like(text: str) -> bool:
    """Capitalised like a title ("Meet the Press."): American style puts the sentence's own
    full stop inside the closing mark, so a final stop says nothing either way."""
    words = [w for w in text.split() if w[:1].isalpha() and w.lower() not in _TITLE_SMALL_WORDS]
    capitalised = sum(w[0].isupper() for w in words)
    return bool(words) and capitalised / len(words) > 0.6


def _inside_reported(quote: _Found, reporting: Intervals) -> bool:
    """A partial quote inside a reported clause is part of that clause's quote."""
    return quote.kind == "partial" and reporting.containing(quote.span.start, quote.span.end)


def _quoted(
    doc: Doc,
    article: Article,
    span: QuotedSpan,
    index: MentionIndex,
    paragraphs: list[tuple[int, int]],
) -> _Found | None:
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or not span.end > span.start:
        return None
    content = article.span(span.start, span.end)
    sentence = sentence_of(tokens[0])
    introduced = _introduced(article_text(doc), span.open_mark)
    partial = not introduced and not _starts_upper(content)
    found = _Found(
        "partial" if partial else "direct",
        content,
        paragraph=_paragraph(span, paragraphs),
        quoted=content.text,
        introduced=introduced,
        appositive=_appositive(doc, tokens),
        names_a_work=_names_a_work(doc, tokens),
    )
    # Quoted words inside a sentence are someone's only when the verb they hang from is a cue;
    # a cue elsewhere in the sentence does not make a scare quote a quote.
    searches = (_from_head,) if partial else (_after_quote, _before_quote, _from_head)
    for search in searches:
        cue = search(doc, span, tokens)
        if cue is not None:
            found.cue = _token_span(cue)
            found.speaker = _speaker(cue, index)
            found.confidence = 0.9
            found.set_off = _set_off(cue, span, tokens, introduced)
            found.aside = _aside(article_text(doc), span, found.cue)
            if not partial:
                _run_on(doc, article, found, span, cue)
            return found
    if span.credit is not None:
        found.speaker, found.confidence = _credited(span.credit, index), 0.8
    adverb = _first_in(doc, _adverbs(doc), sentence.start, sentence.end)
    if adverb is not None:
        found.cue, found.confidence = _token_span(adverb), 0.7
    found.aside = _aside(article_text(doc), span, found.cue)
    found.announced = article_text(doc)[: span.open_mark].rstrip().endswith(":")
    if found.announced and not partial and found.cue is None:
        found.speaker = _name_before_colon(doc, span, index)
    if partial and found.cue is None:
        found.speaker = _person_doing(tokens, span, index)
    return found


def _person_doing(tokens: TokenSpan, span: QuotedSpan, index: MentionIndex) -> Speaker | None:
    """ "He offered “my thoughts and prayers …”": words quoted in a sentence with no verb of
    saying are most likely those of the person the sentence is about, its verb's subject."""
    verb = next(
        (a for a in tokens.root.ancestors if a.pos_ in {"VERB", "AUX"} and a.idx < span.open_mark),
        None,
    )
    subject = subject_of(verb) if verb is not None else None
    if subject is None:
        return None
    speaker = speaker_of_token(subject, index)
    if speaker.entity is None or speaker.entity.type is not EntityType.PERSON:
        return None
    return speaker


def _aside(text: str, span: QuotedSpan, cue: Span | None) -> bool:
    """ "from 1 (“Sure thing”) to 5", "(“Mayor Quits,” Harbour News, Monday)": quoted words
    opening a parenthesis are an example or a citation, unless the parenthesis also holds
    who said them ("(“No,” she said.)")."""
    if not text[max(0, span.open_mark - 3) : span.open_mark].rstrip().endswith("("):
        return False
    close = text.find(")", span.end)
    return cue is None or close < 0 or not span.open_mark < cue.start < close


def _credited(credit: tuple[int, int], index: MentionIndex) -> Speaker | None:
    """The person (else the body) a pull quote's credit line names."""
    named = [(m, e) for m, e in index.within(*credit) if e.type is EntityType.PERSON]
    named = named or [(m, e) for m, e in index.within(*credit) if e.type is EntityType.ORG]
    if not named:
        return None
    mention, entity = named[0]
    return Speaker(entity, entity.name, mention)


def _name_before_colon(doc: Doc, span: QuotedSpan, index: MentionIndex) -> Speaker | None:
    """ "Senator Roe: ‘We Will Not Back Down’": a headline's speaker is the name that the
    colon follows."""
    colon = article_text(doc).rfind(":", 0, span.open_mark)
    hit = index.at(colon - 1, colon) if colon > 0 else None
    if hit is None or hit[1].type not in {EntityType.PERSON, EntityType.ORG}:
        return None
    return Speaker(hit[1], hit[1].name, hit[0])


def _run_on(doc: Doc, article: Article, found: _Found, span: QuotedSpan, cue: Token) -> None:
    """“…” for second place, she said: words that run on after the closing mark, up to the
    attribution or the end of the sentence, finish what the speaker said in the reporter's
    words, and belong to the quote (which is then partial)."""
    text = article_text(doc)
    after = _after_marks(text, span)
    if after is None or not text[after : after + 1].islower():
        return
    if text[after:].split(maxsplit=1)[0] in _CONJUNCTIONS:
        return  # “…,” and shared a link: the reporter goes on about the speaker
    first = doc.char_span(after, after + 1, alignment_mode="expand")
    if first is None:
        return
    end = sentence_of(first[0]).end_char
    next_quote = _OPENING_MARK.search(text, after, end)
    end = next_quote.start() if next_quote else end
    if after <= cue.idx < end:  # up to the attribution: "…” on Friday, the lawyer said"
        words = [c.left_edge.idx for c in cue.lefts if c.idx >= after and not c.is_punct]
        end = min([cue.idx] + [w for w in words if w >= after])
        if not text[after:end].rstrip().endswith(","):
            return  # "…,” the lawyer Rosa Imbert said: only the attribution follows
    while end > after and (text[end - 1].isspace() or text[end - 1] in ",;:—–-."):
        end -= 1
    if end > after:
        found.kind, found.span = "partial", article.span(span.start, end)


def _after_marks(text: str, span: QuotedSpan) -> int | None:
    """The offset after a quote's closing mark and the space after it."""
    if span.close_mark is None:
        return None
    after = span.close_mark
    while after < len(text) and text[after] in "”\"'’":
        after += 1
    while after < len(text) and text[after] == " ":
        after += 1
    return after


def _appositive(doc: Doc, tokens: TokenSpan) -> bool:
    """ "in his 2012 memoir, “Far From Home,”": a quote after a noun and a comma names that
    noun, unless the noun is whom a cue addresses ("told the crowd, “…”")."""
    first = tokens[0].i
    if first < 3 or not doc[first - 1].is_quote or doc[first - 2].text != ",":
        return False
    noun = doc[first - 3]
    return noun.pos_ in {"NOUN", "PROPN"} and not _is_cue(noun.head)


def _names_a_work(doc: Doc, tokens: TokenSpan) -> bool:
    """ "the memoir “…”", "his column, “…”", "headlines such as “…”": quoted words right
    after a noun for a piece of writing or a show are its title, not someone's speech."""
    position = tokens[0].i - 1
    while position >= 0 and (doc[position].is_quote or doc[position].text == ","):
        position -= 1
    if position >= 1 and doc[position].lower_ == "as" and doc[position - 1].lower_ == "such":
        position -= 2
    return position >= 0 and doc[position].lemma_.lower() in _WORKS


def _introduced(text: str, open_mark: int) -> bool:
    """Whether a quote opens a sentence or follows "," or ":", as speech does; a title is run
    into the sentence ("on Channel 9’s “Morning Forum.”", "the so-called “peace dividend”")."""
    previous = text[max(0, open_mark - 40) : open_mark].rstrip()[-1:]
    return not previous or not (previous.isalnum() or previous in "’'%$&")


def _set_off(cue: Token, span: QuotedSpan, tokens: TokenSpan, introduced: bool) -> bool:
    """Whether the quoted words are what the cue says: they hang from the cue itself, not
    from a noun ("host of MSNBC's “Morning Joe,” said …", "his memoir, “A Time for Truth,”")."""
    outside = next(
        (a for a in tokens.root.ancestors if not a.is_punct and not span.start <= a.idx < span.end),
        None,
    )
    told = introduced or cue.idx > span.end  # set off by punctuation, or followed by "she said"
    if outside is None:  # the parse gives the quote no head: the punctuation decides
        return told
    if introduced and span.close_mark is not None and span.close_mark < cue.idx:
        between = article_text(cue.doc)[span.close_mark + 1 : cue.idx]
        if len(between.split()) <= 3:  # “Okay,” the judge said: a parse may hang it elsewhere
            return True
    return told and outside.i == cue.i


def _starts_upper(content: Span) -> bool:
    return content.text[:1].isupper() or not content.text[:1].isalpha()


def _paragraph(span: QuotedSpan, paragraphs: list[tuple[int, int]]) -> int:
    """The number of the paragraph holding the opening mark; paragraphs are in text order."""
    number = bisect_right(paragraphs, span.open_mark, key=lambda p: p[0]) - 1
    if number >= 0 and paragraphs[number][0] <= span.open_mark < paragraphs[number][1]:
        return number
    return -1


def _token_span(token: Token) -> Span:
    if is_according_to(token):
        end = token.idx + len("according to")
        return Span(token.idx, end, article_text(token.doc)[token.idx : end])
    return Span(token.idx, token.idx + len(token.text), token.text)


def _speaker(cue: Token, index: MentionIndex) -> Speaker | None:
    if cue.lower_ in ATTRIBUTION_ADVERBS:
        return None
    return speaker_of_cue(cue, index)


def _is_cue(token: Token) -> bool:
    return is_speech_cue(token) or is_according_to(token)


_CUES_KEY = "dateline_quote_cues"
_ADVERBS_KEY = "dateline_attribution_adverbs"
_MARKS_KEY = "dateline_opening_marks"
_OPENING_MARKS = frozenset({"“", '"'})


def _cues(doc: Doc) -> list[int]:
    """The positions of the Doc's cue tokens, found once per Doc: every quote looks for the
    cue nearest it, and a scan of its sentence per quote is quadratic in a long sentence."""
    positions: list[int] | None = doc.user_data.get(_CUES_KEY)
    if positions is None:
        positions = [t.i for t in doc if _is_cue(t)]
        doc.user_data[_CUES_KEY] = positions
    return positions


def _opening_marks(doc: Doc) -> list[int]:
    """The positions of the Doc's “ and " tokens, found once per Doc."""
    positions: list[int] | None = doc.user_data.get(_MARKS_KEY)
    if positions is None:
        positions = [t.i for t in tokens_with(doc, "ORTH", _OPENING_MARKS)]
        doc.user_data[_MARKS_KEY] = positions
    return positions


def _adverbs(doc: Doc) -> list[int]:
    """The positions of the Doc's attribution adverbs ("reportedly"), found once per Doc."""
    positions: list[int] | None = doc.user_data.get(_ADVERBS_KEY)
    if positions is None:
        positions = [t.i for t in tokens_with(doc, "LOWER", ATTRIBUTION_ADVERBS)]
        doc.user_data[_ADVERBS_KEY] = positions
    return positions


def _first_in(doc: Doc, positions: list[int], start: int, end: int) -> Token | None:
    """The first token of `positions` (sorted) in [start, end), if any."""
    position = bisect_left(positions, start)
    if position < len(positions) and positions[position] < end:
        return doc[positions[position]]
    return None


def _last_in(doc: Doc, positions: list[int], start: int, end: int) -> Token | None:
    """The last token of `positions` (sorted) in [start, end), if any."""
    position = bisect_left(positions, end) - 1
    if position >= 0 and positions[position] >= start:
        return doc[positions[position]]
    return None


def _after_quote(doc: Doc, span: QuotedSpan, tokens: TokenSpan) -> Token | None:
    """ "…," he said / "…," said Jane Roe / "…" — according to …: the cue after the quote."""
    if span.close_mark is None:
        return None
    sentence = sentence_of(doc[tokens.end - 1])
    if span.close_mark + 1 >= sentence.end_char:
        return _attribution_after_question(doc, span, sentence)
    window = doc.char_span(span.close_mark + 1, sentence.end_char, alignment_mode="expand")
    if window is None:
        return None
    cue = _first_in(doc, _cues(doc), window.start, window.end)
    # the next quote's words are not this quote's attribution
    mark = _first_in(doc, _opening_marks(doc), window.start + 1, window.end)
    return cue if cue is not None and (mark is None or cue.i < mark.i) else None


def _attribution_after_question(doc: Doc, span: QuotedSpan, sentence: TokenSpan) -> Token | None:
    """ "Did everyone get a ticket?" the mayor asked. The parser ends the sentence at the
    question or exclamation mark, so the attribution is the next sentence: one whose verb is
    a cue with nothing reported of its own, in the same paragraph."""
    text = article_text(doc)
    if span.close_mark is None or text[span.close_mark - 1 : span.close_mark] not in {"?", "!"}:
        return None
    if sentence.end >= len(doc) or "\n" in text[span.close_mark : doc[sentence.end].idx]:
        return None
    following = sentence_of(doc[sentence.end])
    cue = following.root
    if not _is_cue(cue) or cue.i - following.start > _MAX_ATTRIBUTION_TOKENS:
        return None
    reports = any(c.dep_ in {"ccomp", "xcomp", "mark"} for c in cue.children)
    return None if reports else cue


def _before_quote(doc: Doc, span: QuotedSpan, tokens: TokenSpan) -> Token | None:
    """She said: "…" / He told reporters, "…": the last cue before the opening mark."""
    sentence = sentence_of(tokens[0])
    if span.open_mark <= sentence.start_char:
        return None
    window = doc.char_span(sentence.start_char, span.open_mark, alignment_mode="contract")
    if window is None:
        return None
    return _last_in(doc, _cues(doc), window.start, window.end)


def _from_head(doc: Doc, span: QuotedSpan, tokens: TokenSpan) -> Token | None:
    """described the terms as "…": the cue the quoted words hang from."""
    root = tokens.root
    for ancestor in root.ancestors:
        outside = ancestor.idx < span.open_mark or ancestor.idx > span.end
        if outside and ancestor.lemma_.lower() in NAMING:
            return ancestor if _names_someone_as(ancestor, span) else None
        if outside and (_is_cue(ancestor) or ancestor.lemma_.lower() in CHARACTERISING):
            return ancestor
    return None


def _names_someone_as(verb: Token, span: QuotedSpan) -> bool:
    """ "She called his orders “a crucial step …”": someone calling a thing, just named, by
    the quoted words, though the parse hangs them elsewhere; "a site called “…”" and "called
    “…” by friends" name no one."""
    named = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return (
        verb.pos_ == "VERB"
        and subject_of(verb) is not None
        and named is not None
        and named.right_edge.idx + len(named.right_edge.text) <= span.open_mark
        and not article_text(verb.doc)[named.right_edge.idx : span.open_mark].count(",")
    )


def _attribute_from_neighbours(quotes: list[_Found], doc: Doc) -> None:
    """Quotes with no cue of their own: the speaker of the quote before them (the same
    speaker goes on), else of the quote in the next paragraph (a quote-only paragraph)."""
    for position, quote in enumerate(quotes):
        if quote.cue is not None or quote.kind != "direct" or not quote.introduced:
            continue  # words run into a sentence ("the “Lanny” in the email") speak for no one
        previous = quotes[position - 1] if position > 0 else None
        following = quotes[position + 1] if position + 1 < len(quotes) else None
        if (
            previous is not None
            and previous.speaker is not None
            and (
                quote.paragraph - previous.paragraph <= 1
                and not _cue_between(doc, previous.span.end, quote.span.start, previous.cue)
            )
        ):
            _inherit(quote, previous, 0.8)
        elif (
            following is not None
            and following.speaker is not None
            and (following.paragraph - quote.paragraph == 1)
        ):
            _inherit(quote, following, 0.6)


def _inherit(quote: _Found, source: _Found, confidence: float) -> None:
    quote.cue, quote.speaker, quote.confidence = source.cue, source.speaker, confidence


def _cue_between(doc: Doc, start: int, end: int, own_cue: Span | None) -> bool:
    """A new attribution between two quotes means the speaker may have changed; the first
    quote's own attribution clause ("…," Mr. X said, according to his office) is no new one."""
    window = doc.char_span(start, end, alignment_mode="contract") if start < end else None
    if window is None:
        return False
    own = doc.char_span(own_cue.start, own_cue.end, alignment_mode="expand") if own_cue else None
    own_sentence = sentence_of(own[0]) if own is not None else None
    return any(
        _is_cue(t) and t.i > window.start + 1 and sentence_of(t) != own_sentence for t in window
    )


def _normalised(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def _link_repeated_quotes(quotes: list[_Found]) -> None:
    """The same words quoted twice (a pull quote, "ceasefire" and "cease-fire") are one
    quote: the copy without a speaker takes the original's.

    The original is the first quote in text order, with a speaker, whose words are close
    enough; a copy that takes a speaker can be the original of a later copy. Each distinct
    wording is compared once, and SequenceMatcher's cheap upper bounds rule out most pairs."""
    wordings = [_normalised(q.span.text) for q in quotes]
    originals = _Originals()
    for position, quote in enumerate(quotes):
        if quote.speaker is not None:
            originals.add(position, wordings[position])
    for position, quote in enumerate(quotes):
        mine = wordings[position]
        if quote.speaker is not None or len(mine) < 20:
            continue
        found = originals.matching(mine)
        speaker = quotes[found].speaker if found is not None else None
        if speaker is not None:
            quote.speaker, quote.confidence = replace(speaker, mention=None), 0.8
            originals.add(position, mine)


class _Originals:
    """Distinct wordings of quotes with a speaker, each at its first quote, in text order."""

    def __init__(self) -> None:
        self._first: dict[str, int] = {}
        self._order: list[tuple[int, str]] = []

    def add(self, position: int, wording: str) -> None:
        known = self._first.get(wording)
        if known is not None and known <= position:
            return
        if known is not None:
            self._order.remove((known, wording))
        self._first[wording] = position
        insort(self._order, (position, wording))

    def matching(self, mine: str) -> int | None:
        """The position of the first quote whose wording is close enough to `mine`."""
        for position, theirs in self._order:
            if not 0.8 <= len(mine) / max(1, len(theirs)) <= 1.25:
                continue
            matcher = SequenceMatcher(None, mine, theirs)
            if (
                matcher.real_quick_ratio() >= _SAME_QUOTE_RATIO
                and matcher.quick_ratio() >= _SAME_QUOTE_RATIO
                and matcher.ratio() >= _SAME_QUOTE_RATIO
            ):
                return position
        return None


def _reported_speech(
    doc: Doc, article: Article, marked: list[QuotedSpan], index: MentionIndex
) -> list[_Found]:
    """ "X said (that) …", "X told Y that …", "…, X said, …", "according to X, …",
    "X announced new sanctions", "X has argued for …"."""
    found: list[_Found] = []
    fact = Intervals(_reported_blocks(article, article_text(doc)))
    quotations = Intervals((q.start, q.end) for q in marked)
    candidates = tokens_with(doc, "LEMMA", _REPORTING) + tokens_with(doc, "LOWER", _ACCORDING)
    for token in sorted(candidates, key=lambda t: t.i):
        if not fact.overlaps(token.idx, token.idx + 1) or index.inside_quote(token.idx):
            continue
        content = _reported_content(token)
        if content is None or content[1] - content[0] < _MIN_REPORTED_TOKENS:
            continue
        if _impersonal(token):
            continue
        speaker = None if _asked_of(token) else speaker_of_cue(token, index)
        content = _without_attribution(token, content)
        if content[1] <= token.i and not is_according_to(token) and _after_a_break(token):
            continue  # "The port was shut; the envoy said she would stay": a new statement
        parts = _parenthetical_parts(token, content)
        # the words before a parenthetical attribution are less surely the speaker's own
        weighted = zip(parts, (0.7, 0.75), strict=True) if parts else [(content, 0.75)]
        for (first, last), confidence in weighted:
            start, end = _trimmed(doc, doc[first:last])
            end = _to_end_of_quote(end, quotations)
            if end <= start or _mostly_quoted(start, end, quotations):
                continue
            kind = "partial" if quotations.overlaps(start, end) else "indirect"
            cue = _token_span(token)
            found.append(_Found(kind, article.span(start, end), cue, speaker, confidence))
    return _outermost(found)


def _reported_blocks(article: Article, text: str) -> list[tuple[int, int]]:
    """The stretches whose sentences report facts: body and standfirst blocks, up to an
    editor's note, which runs on over line breaks until a line ends its sentence."""
    stretches = []
    in_note = False
    for block in article.blocks:
        if not in_note:
            note = _PUBLISHER_NOTE.search(text, block.start, block.end)
            end = note.start() if note else block.end
            if block.kind in FACT_BLOCKS and end > block.start:
                stretches.append((block.start, end))
            in_note = note is not None
        if in_note and text[block.start : block.end].rstrip().endswith(_SENTENCE_ENDS):
            in_note = False
    return stretches


def _asked_of(cue: Token) -> bool:
    """ "Asked whether she would run, Ms. Roe said …": the question is the unnamed asker's,
    not Ms. Roe's, who is the subject of the answer."""
    return (
        cue.lemma_.lower() == "ask"
        and cue.tag_ == "VBN"
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in cue.children)
    )


def _impersonal(cue: Token) -> bool:
    """ "It is too soon to say how …", "it's worth noting that …": the reporter's own voice,
    not a report of anyone's ("It said sales would recover" is a company speaking; "it was
    reported that …" stays, a report with no named source)."""
    if cue.i > 0 and cue.doc[cue.i - 1].lower_ == "no":
        return True  # "there is no denying that …": the reporter's certainty
    subject = subject_of(cue)
    if subject is not None and subject.lemma_.lower() in _NO_SPEAKERS:
        return True  # "only time will tell whether …"
    head = cue.head
    if cue.dep_ != "xcomp" or not (head.pos_ in {"ADJ", "ADV"} or head.lemma_ == "be"):
        return False
    holders = (head, head.head)
    # "it is too soon to say", "all this is to say that …"
    return any(
        c.dep_ == "nsubj" and c.lower_ in _EMPTY_SUBJECTS for h in holders for c in h.children
    )


def _outermost(reported: list[_Found]) -> list[_Found]:
    """ "She said he had promised to resign": a report inside another's reported words is
    part of what the outer speaker said, not a quote of its own. Words two cues report
    ("said …, according to the filing") are one quote, the first cue's."""
    seen: set[tuple[int, int]] = set()
    kept = []
    spans = Intervals((r.span.start, r.span.end) for r in reported)
    for r in reported:
        if r.cue is not None and _inside_another(r, spans):
            continue
        if (r.span.start, r.span.end) not in seen:
            seen.add((r.span.start, r.span.end))
            kept.append(r)
    return kept


def _inside_another(report: _Found, spans: Intervals) -> bool:
    """Whether the cue of `report` lies in the words of a report other than its own."""
    assert report.cue is not None
    cue = report.cue.start
    holding = sum(1 for _ in spans.overlapping(cue, cue + 1))
    own = report.span.start <= cue < report.span.end
    return holding > (1 if own else 0)


def _without_attribution(cue: Token, content: tuple[int, int]) -> tuple[int, int]:
    """ "emails, which she said were all her work": a relative pronoun heads the reported
    clause but stands before its attribution; what was said follows the cue."""
    start, end = _attribution_phrase(cue)
    if content[0] < start and end < content[1] and start - content[0] <= 1:
        return end + 1, content[1]
    return content


def _parenthetical_parts(cue: Token, content: tuple[int, int]) -> list[tuple[int, int]] | None:
    """ "In Miami, she said, the race is close": an attribution set off by commas inside the
    sentence it reports splits that sentence in two, and both parts are what was said."""
    if not (is_according_to(cue) or cue.tag_ in _FINITE) or cue.dep_ in {"relcl", "acl"}:
        return None  # "…, saying …" and "Jane Roe, who said …" are not set into the sentence
    sentence = sentence_of(cue)
    start, end = _attribution_phrase(cue)
    doc = cue.doc
    if not (sentence.start < start - 1 and end + 2 < sentence.end - 1):
        return None
    if start <= content[0] and content[1] <= end + 1:
        return None  # "In May, Ms. Roe announced new rules, …": what she announced is her object
    if doc[start - 1].text != "," or doc[end + 1].text != ",":
        return None
    if doc[end + 2].is_quote and doc[end + 3].is_title:
        return None  # "On Sunday, he said, “We …”": what leads is the occasion, not the words
    left = (sentence.start, start - 1)
    right = content if content[0] > end else (end + 2, sentence.end)
    return [left, right]


def _attribution_phrase(cue: Token) -> tuple[int, int]:
    """First and last token of "she said", "said Jane Roe", "he told reporters", "according
    to the poll": the cue, its subject, and what it governs other than the reported words."""
    if is_according_to(cue):
        return cue.i, cue.right_edge.i
    start = end = cue.i
    subject = subject_of(cue)
    if subject is not None and subject.head.i == cue.i:
        start, end = min(start, subject.left_edge.i), max(end, subject.right_edge.i)
    for child in cue.children:
        if child.dep_ in {"aux", "auxpass", "neg", "advmod"} and child.i < cue.i:
            start = min(start, child.left_edge.i)
        if child.dep_ in {"dobj", "dative", "npadvmod"} and child.i > cue.i:
            end = max(end, child.right_edge.i)
    return start, end


def _reported_content(token: Token) -> tuple[int, int] | None:
    """Token range of what a cue reports, or None when `token` reports nothing."""
    if is_according_to(token):
        # '"…," he said, according to his office': the source of the attribution itself
        return None if is_speech_cue(token.head) else _host_clause_without(token)
    lemma = token.lemma_.lower()
    if lemma in NAMING or lemma in CHARACTERISING:
        return _naming_content(token)
    if lemma in _FINDING:
        return _finding_content(token)
    if not is_speech_cue(token):
        return None
    for child in token.children:
        if child.dep_ == "ccomp":
            return _with_counterpoint(token, _content_of(child))
    if token.dep_ == "parataxis":
        return _host_clause_without(token)  # "The talks failed, he said, and …"
    if lemma in _ARGUE_FOR:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "for":
                return _content_of(child)
    if lemma in _TO_INFINITIVE:
        for child in token.children:
            if child.dep_ == "xcomp":  # "vowed to fight on", "urged them to leave"
                objects = [c.left_edge.i for c in token.children if c.dep_ == "dobj"]
                start = min([child.left_edge.i, *objects])
                return start, _content_of(child)[1]
    if lemma in _NOMINAL_REPORTS:
        return _object_content(token)
    return None


def _after_a_break(cue: Token) -> bool:
    """Whether the attribution opens a clause of its own after a colon, semicolon or dash:
    what comes before is the reporter's, a comma alone sets an attribution into a clause."""
    start, _ = _attribution_phrase(cue)
    doc = cue.doc
    first = sentence_of(cue).start
    position = start - 1
    while position > first and (
        doc[position].pos_ in {"ADV", "CCONJ"} or doc[position].text == ","
    ):
        position -= 1  # "; indeed, she said", ": soon he had declared"
    if position <= first or doc[position].text not in _CLAUSE_BREAKS:
        return False
    # a dash between words, not in one ("Glass-Steagall")
    return doc[position].text != "-" or bool(doc[position - 1].whitespace_)


def _with_counterpoint(cue: Token, content: tuple[int, int]) -> tuple[int, int]:
    """ "She said she won a grant, but her parents earned too much": a clause joined to the
    report with a subject of its own, a noun, goes on with what was said even where the
    parse hangs it on the cue; with a pronoun ("but he declined …") or a new verb of saying
    it is the reporter's next sentence."""
    if content[0] < cue.i:
        return content
    for conj in cue.rights:
        if conj.dep_ != "conj" or conj.i < content[1] or conj.lemma_.lower() in _REPORTING:
            continue
        subject = next((c for c in conj.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        joined = any(c.dep_ == "cc" and c.i < conj.i for c in cue.children if c.i >= content[1])
        if subject is not None and subject.pos_ in {"NOUN", "PROPN"} and joined:
            return content[0], _content_of(conj)[1]
    return content


def _naming_content(verb: Token) -> tuple[int, int] | None:
    """ "called him divisive", "described the plan as a “mistake”": what someone called whom;
    "a website called …" and "called her on Tuesday" name no one as anything."""
    if verb.pos_ != "VERB" or verb.dep_ in {"amod", "acl", "compound"}:
        return None
    named = next((c for c in verb.children if c.dep_ == "dobj"), None)
    to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    if named is None and to is not None:  # "referred to the strikes as …"
        named = next((c for c in to.children if c.dep_ == "pobj"), None)
    if named is None:
        return None
    as_what = next((c for c in verb.children if _names_as(c)), None) or next(
        (c for c in named.children if c.dep_ == "prep" and c.lower_ == "as"), None
    )
    if as_what is None or as_what.i < named.i:
        return None
    return named.left_edge.i, as_what.right_edge.i + 1


def _names_as(child: Token) -> bool:
    return child.dep_ == "oprd" or (child.dep_ == "prep" and child.lower_ == "as")


def _finding_content(verb: Token) -> tuple[int, int] | None:
    """ "A new poll shows that …", "the audit found that …": a document's findings are
    attributed to it; a person's "found" or "showed" is no report."""
    subject = subject_of(verb)
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if subject is None or clause is None:
        return None
    stated = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
    if subject.lemma_.lower() not in _DOCUMENTS and not stated:
        return None
    return _content_of(clause)


def _content_of(root: Token) -> tuple[int, int]:
    """A reported clause without what the reporter adds at its end: ", according to X", or
    a new attribution the parse hangs on it ("… he would win but declined to say how")."""
    left, right = root.left_edge.i, root.right_edge.i
    for token in root.subtree:
        if is_according_to(token) and token.right_edge.i >= right and token.left_edge.i > left:
            right = token.left_edge.i - 1
    for conj in root.rights:
        if conj.dep_ == "conj" and _reports_anew(conj) and conj.i <= right:
            right = min(right, _before_conjunction(root, conj))
    return left, right + 1


def _reports_anew(verb: Token) -> bool:
    """A conjoined verb of saying with no subject of its own is the reporter's next clause."""
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return False
    if is_speech_cue(verb) or verb.lemma_.lower() in {"decline", "refuse"}:
        return True
    return any(is_speech_cue(c) and c.dep_ == "xcomp" for c in verb.children)


def _before_conjunction(root: Token, conj: Token) -> int:
    """The last token of `root`'s clause before `conj` and its "and"/"but" and comma."""
    end = conj.left_edge.i - 1
    doc = root.doc
    while end > root.i and (doc[end].dep_ == "cc" or doc[end].is_punct):
        end -= 1
    return end


def _object_content(verb: Token) -> tuple[int, int] | None:
    """ "announced new sanctions on the ministry": the object and what completes it."""
    parts = [c for c in verb.rights if c.dep_ in {"dobj", "prep", "xcomp", "dative"}]
    if not any(c.dep_ == "dobj" for c in parts):
        return None
    return parts[0].left_edge.i, parts[-1].right_edge.i + 1


def _host_clause_without(token: Token) -> tuple[int, int] | None:
    """The clause a phrase hangs from, without the phrase: "According to X, the talks
    failed" and "The talks, he said, failed" both report "the talks failed"."""
    head = token.head
    if head.i == token.i:
        return None
    phrase = range(token.left_edge.i, token.right_edge.i + 1)
    words = [t.i for t in head.subtree if t.i not in phrase]
    if not words:
        return None
    left, right = words[0], words[-1]
    if token.left_edge.i > left and token.right_edge.i < right:
        # the phrase sits inside the clause: keep the side with the clause's verb
        if head.i < token.left_edge.i:
            right = token.left_edge.i - 1
        else:
            left = token.right_edge.i + 1
    return left, right + 1


def _trimmed(doc: Doc, content: TokenSpan) -> tuple[int, int]:
    """Without a leading "that"/"whether" or commas, nor trailing punctuation."""
    tokens = list(content)
    while tokens and (tokens[0].lower_ in {"that", "whether", "if"} or tokens[0].is_punct):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    if not tokens:
        return 0, 0
    last = _closing_mark_after(doc, tokens) or tokens[-1]
    return tokens[0].idx, last.idx + len(last.text)


def _closing_mark_after(doc: Doc, tokens: list[Token]) -> Token | None:
    """The mark closing a quote the content opens (“a mess.”), which the trim took off."""
    text = "".join(t.text_with_ws for t in tokens)
    opened = text.count("“") > text.count("”") or text.count('"') % 2 == 1
    if not opened:
        return None
    for token in doc[tokens[-1].i + 1 : tokens[-1].i + 3]:
        if token.text in {"”", '"', "''"}:
            return token
        if token.text not in {".", ",", "!", "?"}:
            break
    return None


def _to_end_of_quote(end: int, quotations: Intervals) -> int:
    """ "called him “the most extreme pick in a generation”": a clause the parse ends inside
    quoted words ends where the quotation does, since the speaker's words are whole."""
    around = quotations.first_around(end)
    return around[1] if around is not None else end


def _mostly_quoted(start: int, end: int, quotations: Intervals) -> bool:
    """A reported clause that is all quotation is the direct quote it holds, not a second
    quote; one with words of the reporter's own around quoted ones is reported speech. (A
    clause holding the speaker's own words otherwise is a partial quote.)"""
    quoted = sum(
        min(end, high) - max(start, low) for low, high in quotations.overlapping(start, end)
    )
    return quoted >= _ALL_QUOTED * (end - start)


def _to_quotes(found: list[_Found]) -> list[Quote]:
    quotes = []
    for number, item in enumerate(found, 1):
        speaker = item.speaker
        quotes.append(
            Quote(
                id=f"q{number}",
                kind=item.kind,
                span=item.span,
                speaker=speaker.entity.id if speaker and speaker.entity else None,
                speaker_name=speaker.name if speaker else None,
                speaker_mention=speaker.mention if speaker else None,
                cue=item.cue,
                confidence=item.confidence,
            )
        )
    return quotes
