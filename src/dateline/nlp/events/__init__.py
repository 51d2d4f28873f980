"""The events stage: who did what to whom, coded in PLOVER.

- component.py: the stage (`dateline_events`): clauses to events, modality and negation;
- triggers.py: the words that signal an event type;
- lexicon.py: the PLOVER types, modes, quad classes and the trigger lexicon (data/);
- actors.py: each side of an event as a PLOVER actor code and sector;
- dictionaries.py: PETRARCH2's CAMEO verbs and Phoenix agents (data/), where the lexicon lacks.
"""
