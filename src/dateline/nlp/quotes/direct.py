"""Direct and partial quotes: quoted words, their cue and their speaker.

Direct and partial quotes start from quotation marks (`marks.py`) and look for their
cue and speaker where a reader would: after the closing mark ("…," he said), before the
opening one (She said: "…"), or in the verb the quoted words depend on (described it as
"…"). A quote with no attribution of its own continues the speaker of the quote just before
it, or, for a paragraph that is only a quote, takes the nearest attribution around it.
Titles of works and names in quotation marks are told from speech by how they sit in the
sentence; words that run on after a closing mark up to the attribution finish the quote.
A pull quote repeating a body quote takes that quote's speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from dateline.model import Article, EntityType, Span
from dateline.nlp.common.sentences import sentence_of, tokens_with
from dateline.nlp.common.speakers import (
    ATTRIBUTION_ADVERBS,
    CHARACTERISING,
    NAMING,
    MentionIndex,
    Speaker,
    cue_candidates,
    is_according_to,
    is_speech_cue,
    speaker_of_cue,
    speaker_of_token,
    subject_of,
)
from dateline.nlp.quotes.marks import QuotedSpan
from dateline.nlp.stage import article_text
from dateline.vocabulary import TITLE_SMALL_WORDS, word_set

# How far into the sentence after a quoted question its attribution's verb may stand.
_MAX_ATTRIBUTION_TOKENS = 8

_SAME_QUOTE_RATIO = 0.9

# An unattributed quote this short, or shaped like a title ("The Walking Dead"), is no quote.
_MIN_UNATTRIBUTED_WORDS = 5

# Shorter quoted words inside a sentence count only as part of a reported clause around them.
_MIN_PARTIAL_WORDS = 5

# Longer quoted words run into a sentence with no verb of saying are still someone's words.
_MIN_UNCUED_PARTIAL_WORDS = 8

_MAX_TITLE_WORDS = 8

# Nouns for a piece of writing, a broadcast or a show, whose title follows them in quotes.
_WORKS = word_set("dateline.nlp.quotes", "works.txt")

_CONJUNCTIONS = frozenset({"and", "but", "or", "nor", "then", "so"})

_OPENING_MARK = re.compile(r"[“\"‘]|''|``")

_TITLE_SMALL_WORDS = TITLE_SMALL_WORDS


@dataclass(slots=True)
class Found:
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


def _words(text: str) -> int:
    return len(text.split())


def is_a_quote(quote: Found) -> bool:
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


def quoted(
    doc: Doc,
    article: Article,
    span: QuotedSpan,
    index: MentionIndex,
    paragraphs: list[tuple[int, int]],
) -> Found | None:
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or not span.end > span.start:
        return None
    content = article.span(span.start, span.end)
    sentence = sentence_of(tokens[0])
    introduced = _introduced(article_text(doc), span.open_mark)
    partial = not introduced and not _starts_upper(content)
    found = Found(
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
            found.cue = token_span(cue)
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
        found.cue, found.confidence = token_span(adverb), 0.7
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


def _run_on(doc: Doc, article: Article, found: Found, span: QuotedSpan, cue: Token) -> None:
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


def token_span(token: Token) -> Span:
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
        positions = [i for i in cue_candidates(doc) if _is_cue(doc[i])]
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


def attribute_from_neighbours(quotes: list[Found], doc: Doc) -> None:
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


def _inherit(quote: Found, source: Found, confidence: float) -> None:
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


def link_repeated_quotes(quotes: list[Found]) -> None:
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
