"""Reported speech: a verb of saying, the clause it reports, and its speaker.

Reported speech is a verb of saying with its reported clause (`X said that …`,
`according to X, …`, `X called the plan reckless`, `a poll shows that …`); an attribution
set into the sentence it reports (`In Miami, she said, …`) splits it in two parts. A clause
holding quoted words is a partial quote; a report inside another report is no quote of its
own.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from dateline.model import FACT_BLOCKS, Article
from dateline.nlp.common.intervals import Intervals
from dateline.nlp.common.sentences import sentence_of, tokens_with
from dateline.nlp.common.speakers import (
    CHARACTERISING,
    NAMING,
    SPEECH_VERBS,
    MentionIndex,
    is_according_to,
    is_speech_cue,
    speaker_of_cue,
    subject_of,
)
from dateline.nlp.quotes.direct import Found, token_span
from dateline.nlp.quotes.marks import QuotedSpan
from dateline.nlp.stage import article_text
from dateline.vocabulary import word_rows, word_set

_MIN_REPORTED_TOKENS = 3


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

_ALL_QUOTED = 0.9

_ACCORDING = frozenset({"according"})

# Subjects of a verb of saying that speak for no one: "only time will tell".
_NO_SPEAKERS = frozenset({"time"})

_EMPTY_SUBJECTS = frozenset({"it", "this", "that", "all"})

_REPORTING = SPEECH_VERBS | NAMING | _FINDING | {"point"}

_CLAUSE_BREAKS = frozenset({":", ";", "—", "–", "-", "--"})

_FINITE = frozenset({"VBD", "VBZ", "VBP"})

# "Editor's note: …": the publisher's standing comment on the story's subject, in its own
# voice; the verbs of saying in it report no one.
# (It opens a line, or is run onto the last one when a page's layout is lost.)
_PUBLISHER_NOTE = re.compile(
    r"(?:^|(?<=[.!?”\")]))\W*editors?['’]?s?\s+note\s*:", re.IGNORECASE | re.MULTILINE
)

_SENTENCE_ENDS = (".", "!", "?", "”", '"', "’", "'")


def reported_speech(
    doc: Doc, article: Article, marked: list[QuotedSpan], index: MentionIndex
) -> list[Found]:
    """ "X said (that) …", "X told Y that …", "…, X said, …", "according to X, …",
    "X announced new sanctions", "X has argued for …"."""
    found: list[Found] = []
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
            cue = token_span(token)
            found.append(Found(kind, article.span(start, end), cue, speaker, confidence))
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


def _outermost(reported: list[Found]) -> list[Found]:
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


def _inside_another(report: Found, spans: Intervals) -> bool:
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
