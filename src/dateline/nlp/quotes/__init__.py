"""The quotes stage: direct, partial and reported speech with its speaker, cue, date and
place.

- component.py: the stage (`dateline_quotes`): direct quotes, reported speech, attribution;
- data/: the reporting verbs and the nouns for documents and works that the readers use;
- marks.py: quotation marks paired into quoted spans, straight or curly.

Speakers are found by nlp/common/speakers.py, which the events stage shares.
"""
