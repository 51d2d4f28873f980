"""Errors as JSON problem details (RFC 9457): a status, a title, and the reason in `detail`,
so a client can show a person what was wrong and what to do."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from dateline.ingest.dates import BadDateError

PROBLEM_TYPE = "application/problem+json"
log = logging.getLogger(__name__)


class ProblemError(Exception):
    """Raised by a route to answer with a problem; `title` names the kind, `detail` the case."""

    def __init__(self, status: int, title: str, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title
        self.detail = detail
        self.extra = extra


def problem_response(
    status: int, title: str, detail: str, instance: str | None = None, **extra: Any
) -> JSONResponse:
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status}
    body["detail"] = detail
    if instance:
        body["instance"] = instance
    body.update(extra)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body, status_code=status, media_type=PROBLEM_TYPE, headers=headers)


_TITLES = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    406: "Not acceptable",
    413: "Content too large",
    415: "Unsupported media type",
    422: "Unprocessable content",
    503: "Service unavailable",
    504: "Gateway timeout",
}


def install_problem_handlers(app: FastAPI) -> None:
    """Every error the app answers with, its own or the framework's, as a problem."""

    async def on_problem(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, ProblemError)
        return problem_response(
            error.status, error.title, error.detail, request.url.path, **error.extra
        )

    async def on_http(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, StarletteHTTPException)
        title = _TITLES.get(error.status_code, "Error")
        return problem_response(error.status_code, title, str(error.detail), request.url.path)

    async def on_validation(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, RequestValidationError)
        errors = [
            {"where": ".".join(str(part) for part in e.get("loc", ())), "problem": e.get("msg")}
            for e in error.errors()
        ]
        reasons = "; ".join(f"{e['where']}: {e['problem']}" for e in errors)
        return problem_response(
            422, _TITLES[422], f"the request does not fit: {reasons}", request.url.path,
            errors=errors,
        )  # fmt: skip

    async def on_bad_date(request: Request, error: Exception) -> JSONResponse:
        # A date filter or a posted `published` that is no ISO date: the caller's to fix.
        assert isinstance(error, BadDateError)
        return problem_response(422, _TITLES[422], error.reason, request.url.path)

    async def on_crash(request: Request, error: Exception) -> JSONResponse:
        log.exception("%s %s failed", request.method, request.url.path, exc_info=error)
        return problem_response(
            500, "Internal server error",
            "the server failed on this request (a bug: the server's log has the details)",
            request.url.path,
        )  # fmt: skip

    app.add_exception_handler(Exception, on_crash)
    app.add_exception_handler(ProblemError, on_problem)
    app.add_exception_handler(BadDateError, on_bad_date)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
