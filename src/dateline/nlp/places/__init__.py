"""The places stage: places the article names, resolved offline to coordinates.

- component.py: the stage (`dateline_places`); the gazetteer is in nlp/common/gazetteer.py.
"""
