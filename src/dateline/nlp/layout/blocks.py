"""Stage 0: tell spaCy where the article's blocks begin, before it parses them.

A headline, a byline and a caption are separate lines with no full stop between them; left
alone, spaCy runs them into one sentence and its NER joins a credit to the byline below it
("Getty Images\\nRyan Morgan"). Each block starts a sentence, and no entity may cross a line
break. A wire dateline ("GENEVA, March 3 (Reuters) —") is a sentence of its own: joined to
the lead, the parser makes the town the subject of the lead's verb; cut from it, the lead's
first words are still one sentence with the rest ("Vietnam protested …").
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc, Span

from dateline.model import Analysis
from dateline.nlp.stage import stage

COMPONENT = "dateline_blocks"  # the spaCy component name (nlp.pipeline.STAGES)
# How many words open a lead that cannot be a sentence by themselves, and what ends one.
_LEAD_WORDS = 4
_SENTENCE_ENDS = frozenset({".", "!", "?"})


@stage(COMPONENT)
def mark_blocks(doc: Doc, analysis: Analysis) -> None:
    """Sentence starts at block starts; line-break tokens closed to entities."""
    starts = {block.start for block in analysis.article.blocks}
    if analysis.article.dateline is not None:
        starts.add(analysis.article.dateline.end)
    line_breaks: list[Span] = []
    lead = analysis.article.dateline.end if analysis.article.dateline is not None else None
    # Read off the Doc's arrays: a Python object of every token costs more than the rest.
    spaces, offsets = doc.to_array(["IS_SPACE", "IDX"]).T
    breaks = [int(i) for i in np.nonzero(spaces)[0] if "\n" in doc[int(i)].text]
    for i in breaks:
        line_breaks.append(doc[i : i + 1])
        if i + 1 < len(doc):
            doc[i + 1].is_sent_start = True
    broken = set(breaks)
    for i in np.nonzero(np.isin(offsets, sorted(starts)))[0].tolist():
        if i > 0 and i not in broken:
            # Only boundaries are set: inside a block the parser still finds the sentences.
            doc[i].is_sent_start = True
            if int(offsets[i]) == lead:
                _keep_lead_whole(doc, i)
    if line_breaks:
        doc.set_ents([], blocked=line_breaks)


def _keep_lead_whole(doc: Doc, first: int) -> None:
    """ "HANOI, Oct 14 - Vietnam protested …": cut from its dateline, the lead's first words
    may be taken for a sentence of their own ("Vietnam"), and the event loses its actor. No
    sentence of a lead ends within its first words unless a full stop or a line ends it."""
    for token in doc[first + 1 : first + 1 + _LEAD_WORDS]:
        before = doc[token.i - 1]
        if before.text in _SENTENCE_ENDS or (before.is_space and "\n" in before.text):
            return
        token.is_sent_start = False
