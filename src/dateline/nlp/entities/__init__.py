"""The entities stage: who and what the article names, merged per referent, with roles,
countries and office-holder knowledge.

- component.py: the stage (`dateline_entities`);
- mentions.py: name mentions from NER and the text, their keys and countries;
- headlines.py: names in Title Case headlines and headings, taken from the story;
- roles.py: a person's role and organisation from the words around the name;
- office_holders.py: who held which office when (data/office_holders.csv).
"""
