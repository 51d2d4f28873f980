"""The two consoles every command prints to, and the exit status of bad input.

Records go to standard output, errors and progress to standard error, so `> out.jsonl`
keeps clean data.
"""

from __future__ import annotations

from rich.console import Console

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

EXIT_BAD_INPUT = 2
