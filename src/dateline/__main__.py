"""`python -m dateline ...`: the command line, as the `dateline` script runs it."""

from dateline.cli.main import app

app()
