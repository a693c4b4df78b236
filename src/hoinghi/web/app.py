"""The web app: `create_app(store)` gives a FastAPI application serving the pages and /api.

Read-only unless given an ingest token; every response carries a Content-Security-Policy that allows only the
app's own assets (no script, no CDN); errors under /api are JSON `{"error": message}`, pages show them in HTML."""

from __future__ import annotations

import logging
from importlib import resources
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy import event

from hoinghi.store.core import Store, StoreError
from hoinghi.text import fold

log = logging.getLogger("hoinghi.web")
CSP = ("default-src 'none'; img-src 'self' data:; style-src 'self'; script-src 'none'; font-src 'self'; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
           "X-Frame-Options": "DENY"}


def _fold_sql(value):
    return fold(value) if isinstance(value, str) else value


def register_fold(store: Store) -> None:
    """`fold()` as an SQLite function on every connection of the store (`WHERE fold(name) = 'luong duc hien'`)."""
    if store.dialect != "sqlite":
        return

    def on_connect(dbapi_conn, _record) -> None:
        dbapi_conn.create_function("fold", 1, _fold_sql, deterministic=True)

    event.listen(store.engine, "connect", on_connect)
    store.engine.dispose()  # connections opened before get it too, when reopened


def _package_dir(name: str) -> str:
    return str(resources.files("hoinghi.web").joinpath(name))


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api")


def _error(request: Request, status: int, message: str, details: Any = None):
    if _is_api(request) or request.url.path.startswith("/static"):
        body = {"error": message} | ({"details": details} if details else {})
        return JSONResponse(body, status_code=status)
    from hoinghi.web.pages import render

    return render(request, "error.html", status=status, status_code=status, message=message)


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        return _error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(404)
    async def not_found(request: Request, exc):
        return _error(request, 404, getattr(exc, "detail", None) or f"no page at {request.url.path}")

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        errors = [{"where": ".".join(str(x) for x in e.get("loc", ())), "problem": e.get("msg")}
                  for e in exc.errors()]
        message = "; ".join(f"{e['where']}: {e['problem']}" for e in errors) or "invalid request"
        return _error(request, 422, message, errors)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        return _error(request, 400, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):  # pragma: no cover - a bug; logged, never shown raw
        log.exception("error serving %s", request.url.path)
        return _error(request, 500, "internal error (logged on the server)")


def create_app(store: Store, *, ingest_token: str | None = None) -> FastAPI:
    """The application over `store`. With `ingest_token`, POST /api/ingest stores pages given that token."""
    from hoinghi.web import api, pages

    register_fold(store)
    app = FastAPI(title="hoinghi", version="1", description="Conferences, officials and documents read from "
                  "Vietnamese official news pages.", docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json")
    app.state.store = store
    app.state.token = ingest_token
    app.state.templates = Jinja2Templates(directory=_package_dir("templates"))
    app.mount("/static", StaticFiles(directory=_package_dir("static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _install_errors(app)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(HEADERS)
        return response

    return app
