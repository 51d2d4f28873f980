"""The quotes stage: direct, partial and reported speech with its speaker, cue, date and
place.

- component.py: the stage (`dateline_quotes`), which runs both readers and settles where
  they overlap;
- direct.py: quoted words: the quoted span, its cue and speaker, titles told from speech,
  repeated quotes linked, attribution from the quotes around;
- data/: the reporting verbs and the nouns for documents and works that the readers use;
- marks.py: quotation marks paired into quoted spans, straight or curly;
- reported.py: reported speech: a verb of saying, the clause it reports, its speaker.

Speakers are found by nlp/common/speakers.py, which the events stage shares.
"""
