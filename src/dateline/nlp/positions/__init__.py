"""The positions stage: who stands where on what, and when, read from quotes and events.

- component.py: the stage (`dateline_positions`): each quote's and event's cue words to
  positions, one per holder, target and cue;
- cues.py: the stance words (data/stance_cues.json) and how a cue's stance is read (its
  polarity, negation, frames of intent, conditions);
- issues.py: the target of a cue, an entity or an issue with its key ("offensive@rafah"),
  normalised by the head table (data/issue_heads.json).
"""
