"""Stage 7: source profiles — whose voices the article rests on.

`component.py` is the registered stage: it reads the quotes, entities and text and lists
every distinct source the article quotes or paraphrases (`claimants.py` finds who gives each
claim, `describe.py` what the text says of them: kind, country, gender) with a summary of
how much of the article rests on attribution. `words.py` reads the documented word lists.
"""
