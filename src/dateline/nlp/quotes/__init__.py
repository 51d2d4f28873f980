"""The quotes stage: direct, partial and reported speech with its speaker, cue, date and
place.

- component.py: the stage (`dateline_quotes`): runs both readers and settles their overlaps;
- direct.py: direct and partial quotes: quoted words, their cue and speaker, titles told apart;
- reported.py: reported speech: a verb of saying, its reported clause and its speaker;
- data/: the reporting verbs and the nouns for documents and works that the readers use;
- marks.py: quotation marks paired into quoted spans, straight or curly.

Speakers are found by nlp/common/speakers.py, which the events stage shares.
"""
