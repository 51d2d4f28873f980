"""The layout stage: the article's blocks (headline, standfirst, captions, byline, body) set
on the spaCy Doc before parsing, so later stages know which words are story and which are
page furniture.

- blocks.py: the stage (`dateline_blocks`).
"""
