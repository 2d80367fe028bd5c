"""The FastAPI application: pages, the JSON API, local static files, security headers.

``create_app(db_url)`` opens an existing store once (migrating it; it never creates one)
and serves it read-only unless ``allow_ingest`` is set; digests are built with the
store's saved config. Every asset is served by the app (no CDN; Swagger and ReDoc are
off; the OpenAPI schema stays at ``/openapi.json``). Errors under ``/api/`` are JSON, the
others an HTML page; neither echoes a stack trace.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from importlib.resources import files

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline.store import Store
from storyline.web import api, follow, pages
from storyline.web.cache import DigestCache

__all__ = ["SECURITY_HEADERS", "create_app"]

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def create_app(db_url: str, allow_ingest: bool = False) -> FastAPI:
    """The storyline web app over the database ``db_url`` (a path or SQLAlchemy URL).

    Raises:
        UsageError: ``db_url`` cannot be opened, does not exist or is not a storyline
            database.
    """
    store = Store(db_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="storyline", summary="News stories from many outlets, every sentence cited.",
                  docs_url=None, redoc_url=None, lifespan=lifespan)
    app.state.store = store
    app.state.digests = DigestCache(store)
    app.state.allow_ingest = allow_ingest
    app.mount("/static", StaticFiles(directory=str(files("storyline") / "web" / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(follow.router)
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.middleware("http")(_security_headers)
    return app


async def _security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


async def _http_error(request: Request, error: StarletteHTTPException) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": error.detail}, status_code=error.status_code, headers=error.headers)
    message = error.detail if isinstance(error.detail, str) else "That request could not be served."
    return pages.render_page("error.html.j2", status=error.status_code, status_code=error.status_code,
                             message=message)


async def _validation_error(request: Request, error: RequestValidationError) -> Response:
    if _wants_json(request):
        detail = [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in error.errors()]
        return JSONResponse({"detail": detail}, status_code=422)
    return pages.render_page("error.html.j2", status=422, status_code=422,
                             message="Some of the page's parameters are not valid.")


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/openapi"))
