"""The language pipeline: spaCy plus Dateline's stages, each a registered spaCy component."""
