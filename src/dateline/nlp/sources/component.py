"""Stage 7: the article's source profile, after quotes and entities.

Every quote's claimant (`claimants.py`) is grouped into sources by what makes two claims the
same voice (the entity, the group, the unnamed phrase); each source is then described
(`describe.py`). The summary says how much of the body rests on attribution: the share of
its sentences that carry a quote or its cue, the share of direct speech among the quotes,
and how many claims unnamed sources make.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.model import FACT_BLOCKS, Analysis, Quote, Source, SourceSummary, Span
from dateline.nlp.common.intervals import Intervals
from dateline.nlp.sources.claimants import (
    Claimant,
    Claimants,
    according_to_channels,
    adverb_claims,
)
from dateline.nlp.sources.describe import country_of, gender_of, kind_of
from dateline.nlp.stage import article_text, stage

COMPONENT = "dateline_sources"  # the spaCy component name (nlp.pipeline.STAGES)
DIRECT_KINDS = frozenset({"direct", "partial"})


@stage(COMPONENT)
def profile_sources(doc: Doc, analysis: Analysis) -> None:
    """The sources the article quotes or paraphrases, and how much it rests on them."""
    claimants = Claimants(doc, analysis)
    groups: dict[str, tuple[list[Claimant], list[Quote]]] = {}
    bare: dict[str, int] = {}  # claims with no quote of their own, by source key
    for quote in analysis.quotes:
        found = None if claimants.is_qualifier(quote) else claimants.of(quote)
        if found is not None:
            _add(groups, found, [quote])
    for channel, quotes in according_to_channels(doc, analysis, claimants):
        _add(groups, channel, quotes)
    for claim in adverb_claims(doc, analysis, claimants):
        _add(groups, claim, [])
        bare[claim.key] = bare.get(claim.key, 0) + 1
    text = article_text(doc)
    analysis.sources = [
        _source(f"s{n}", text, found, quotes, bare.get(key, 0))
        for n, (key, (found, quotes)) in enumerate(groups.items(), 1)
    ]
    analysis.source_summary = summarise(doc, analysis)


def _add(
    groups: dict[str, tuple[list[Claimant], list[Quote]]], found: Claimant, quotes: list[Quote]
) -> None:
    claimants, given = groups.setdefault(found.key, ([], []))
    claimants.append(found)
    given.extend(q for q in quotes if q not in given)


def _source(
    source_id: str, text: str, claimants: list[Claimant], quotes: list[Quote], bare: int
) -> Source:
    first = claimants[0]
    describing: list[Token] = [t for c in claimants for t in c.describing]
    kind = kind_of(claimants, describing)
    country, country_source = country_of(claimants, describing)
    gender, evidence = gender_of(text, claimants, describing, quotes)
    unnamed = first.unnamed
    return Source(
        id=source_id,
        name=first.name,
        entity=first.entity.id if first.entity is not None else None,
        mention=_first_mention(claimants),
        kind=kind.kind,
        kind_from=kind.evidence,
        anonymity="unnamed" if unnamed else "named",
        anonymity_cue=next((c.unnamed_cue for c in claimants if c.unnamed_cue), None)
        if unnamed
        else None,
        country=country,
        country_source=country_source,
        gender=gender,
        gender_evidence=evidence,
        quotes=[q.id for q in sorted(quotes, key=lambda q: q.span.start)],
        direct=sum(1 for q in quotes if q.kind in DIRECT_KINDS),
        reported=sum(1 for q in quotes if q.kind not in DIRECT_KINDS) + bare,
    )


def _first_mention(claimants: list[Claimant]) -> Span | None:
    mentions = [c.mention for c in claimants if c.mention is not None]
    if mentions:
        return min(mentions, key=lambda m: m.start)
    entity = claimants[0].entity
    return entity.mentions[0] if entity is not None and entity.mentions else None


def summarise(doc: Doc, analysis: Analysis) -> SourceSummary:
    """Counts the record's shares are made of (they add up over a long article's windows)."""
    article = analysis.article
    carried = Intervals(
        [(q.span.start, q.span.end) for q in analysis.quotes]
        + [(q.cue.start, q.cue.end) for q in analysis.quotes if q.cue is not None]
    )
    body = attributed = 0
    text = article_text(doc)  # sliced: `Span.text` joins a Python object per token
    for sentence in doc.sents:
        block = article.block_at(sentence.start_char)
        if block is None or block.kind not in FACT_BLOCKS:
            continue
        if not text[sentence.start_char : sentence.end_char].strip():
            continue
        body += 1
        if carried.overlaps(sentence.start_char, sentence.end_char):
            attributed += 1
    unnamed = sum(s.direct + s.reported for s in analysis.sources if s.anonymity == "unnamed")
    return SourceSummary(
        body_sentences=body,
        attributed_sentences=attributed,
        quotes=len(analysis.quotes),
        direct_quotes=sum(1 for q in analysis.quotes if q.kind in DIRECT_KINDS),
        unnamed_claims=unnamed,
        sources=len(analysis.sources),
    )
