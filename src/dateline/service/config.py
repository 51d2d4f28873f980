"""What `dateline serve` may be tuned by: one typed object, `DATELINE_API_*` variables and
the command's flags."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field

from dateline.settings import Settings


def _flag(raw: str | None, default: bool) -> bool:
    if raw is None:
        return default
    return raw.strip().lower() not in {"0", "false", "no", "off", ""}


@dataclass(frozen=True, slots=True)
class ServerConfig:
    """db: the store (a path or URL, as for `dateline ingest`).
    open_reads: reads need no token (the default); False closes them, and then the web
        pages over the corpus are closed too, since a browser carries no token.
    max_body_bytes: larger request bodies are refused with 413 before they are read whole.
    page_limit: the most rows one page of a listing may ask for.
    csrf_secret: signs the web forms' CSRF tokens; a new random one per process unless set,
        so several server processes behind one address need the same one.
    analysis_workers: how many posted articles are analysed at once, each in a worker process
        of its own; one more is refused with 503. 0 analyses in the server's process, one at
        a time and without a time limit (for embedding, not for a public server).
    analysis_timeout: seconds one analysis may take; past it the worker is stopped and the
        request answered 504.
    settings: the pipeline's settings, for analysing posted articles.
    """

    db: str | None = None
    open_reads: bool = True
    max_body_bytes: int = 2_000_000
    page_limit: int = 1000
    csrf_secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    analysis_workers: int = 2
    analysis_timeout: float = 30.0
    settings: Settings = field(default_factory=Settings.from_env)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: object) -> ServerConfig:
        """Defaults, then `DATELINE_DB`, `DATELINE_API_OPEN_READS`, `DATELINE_API_MAX_BODY_BYTES`,
        `DATELINE_API_CSRF_SECRET`, `DATELINE_API_ANALYSIS_WORKERS`,
        `DATELINE_API_ANALYSIS_TIMEOUT`, then the given overrides (None keeps the value)."""
        env = dict(os.environ if environ is None else environ)
        values: dict[str, object] = {"settings": Settings.from_env(env)}
        if "DATELINE_DB" in env:
            values["db"] = env["DATELINE_DB"]
        values["open_reads"] = _flag(env.get("DATELINE_API_OPEN_READS"), True)
        if "DATELINE_API_MAX_BODY_BYTES" in env:
            values["max_body_bytes"] = int(env["DATELINE_API_MAX_BODY_BYTES"])
        if "DATELINE_API_ANALYSIS_WORKERS" in env:
            values["analysis_workers"] = int(env["DATELINE_API_ANALYSIS_WORKERS"])
        if "DATELINE_API_ANALYSIS_TIMEOUT" in env:
            values["analysis_timeout"] = float(env["DATELINE_API_ANALYSIS_TIMEOUT"])
        if env.get("DATELINE_API_CSRF_SECRET"):
            values["csrf_secret"] = env["DATELINE_API_CSRF_SECRET"].encode("utf-8")
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
