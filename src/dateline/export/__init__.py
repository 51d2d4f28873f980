"""Exporters, adapters over the store and the record: JSONL, CSV, Parquet, GeoJSON and
PLOVER JSON.

- records.py: the store's results in each format;
- plover.py: an analysis record's events in the PLOVER manual's field names.
"""
