"""The command line, an adapter over the pipeline, the store and the server: `dateline`."""

from dateline.cli.main import app

__all__ = ["app"]
