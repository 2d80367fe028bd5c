"""The JSON API under ``/api/``: stories (paged), story digests, storylines, entities,
articles, search, ingest.

Every error is a 4xx JSON object ``{"detail": ...}``: unknown ids 404, a query with no
content word 400, bad parameters 422, a body over ``MAX_BODY_BYTES`` 413, a body that is
not JSON 400, and ``POST /api/articles`` 403 unless the app was created with
``allow_ingest=True``. Each route declares every status it answers with, and its error
body (``Problem``, or ``Invalid`` for 422), in the OpenAPI document; a schemathesis run in
the tests holds the routes to it.
"""

from __future__ import annotations

import json
import threading
from dataclasses import asdict
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, ConfigDict, Field, StrictStr, ValidationError

from storyline.clean.prose import clean
from storyline.errors import UsageError
from storyline.model import Article, Digest
from storyline.store import Store, StoryQuery, entity_key
from storyline.web.data import MAX_PER_PAGE, story_page, story_query

__all__ = ["MAX_BODY_BYTES", "MAX_TEXT_CHARS", "ArticleIn", "Invalid", "Problem", "router"]

MAX_TEXT_CHARS = 200_000
"""The longest article text ``POST /api/articles`` takes (characters)."""
MAX_BODY_BYTES = 1_000_000
"""The largest request body ``POST /api/articles`` reads (bytes)."""
MAX_SEARCH_HITS = 50

class Problem(BaseModel):
    """The body of every error but 422: what went wrong, in one line."""

    detail: str


class InvalidItem(BaseModel):
    """One invalid part of a request: where (``loc``), what (``msg``) and its kind (``type``)."""

    model_config = ConfigDict(extra="allow")

    loc: list[str | int]
    msg: str
    type: str


class Invalid(BaseModel):
    """The body of a 422: every invalid part of the request."""

    detail: list[InvalidItem]


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI ``responses`` of the error ``codes`` a route answers with (422 is declared
    for every route by the router)."""
    said = {400: "Bad request", 403: "Forbidden", 404: "Not found", 413: "Body too large"}
    return {code: {"model": Problem, "description": said[code]} for code in codes}


router = APIRouter(prefix="/api", tags=["api"],
                   responses={422: {"model": Invalid, "description": "Invalid parameters or body"}})
_WRITE_LOCK = threading.Lock()


class ArticleIn(BaseModel):
    """One article to add: its text (required) and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: StrictStr = Field(min_length=1, max_length=MAX_TEXT_CHARS, description="Full text as read.")
    id: StrictStr = Field("", max_length=200, pattern=r"^[A-Za-z0-9._:-]*$", description="Stable id; derived from the text when empty.")
    title: StrictStr = Field("", max_length=1_000)
    source: StrictStr = Field("", max_length=200, description="Outlet name.")
    url: StrictStr = Field("", max_length=2_000)
    published: date | None = Field(None, description="Publication day, YYYY-MM-DD.")


def _store(request: Request) -> Store:
    return request.app.state.store


@router.get("/stories", summary="Stories, top stories first (paged, with the filters of 'storyline stories')")
def api_stories(
    request: Request,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = 20,
    query: Annotated[StoryQuery, Depends(story_query)] = StoryQuery(),
) -> dict[str, Any]:
    found = story_page(_store(request), page, per_page, query)
    return {"page": found.page, "per_page": found.per_page, "total": found.total,
            "has_next": found.has_next, "stories": [row.to_dict() for row in found.rows]}


@router.get("/stories/{story_id}", summary="The digest of one story (storyline.digest/1 JSON)",
            responses=_errors(404))
def api_story(request: Request, story_id: str) -> dict[str, Any]:
    try:
        return request.app.state.digests.derived(story_id, "json", Digest.to_dict)[1]
    except UsageError:
        raise HTTPException(404, f"no story {story_id!r}") from None


@router.get("/articles/{article_id:path}", summary="One stored article, its kept sentences and removed boilerplate",
            responses=_errors(404))
def api_article(request: Request, article_id: str) -> dict[str, Any]:
    stored = _store(request).article(article_id)
    if stored is None:
        raise HTTPException(404, f"no article {article_id!r}")
    article, cleaned = stored.article, clean(stored.article)
    return {
        "id": article.id, "title": article.title, "source": article.source,
        "outlet": stored.outlet, "url": article.url, "story": stored.story,
        "published": article.published.isoformat() if article.published else None,
        "text": article.text,
        "sentences": [{"start": s.start, "end": s.end, "text": s.text} for s in cleaned.sentences],
        "removed": [{"start": r.start, "end": r.end, "reason": r.reason} for r in cleaned.removed],
    }


@router.get("/search", summary="Full-text search of stored articles, best match first",
            responses=_errors(400))
def api_search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=MAX_SEARCH_HITS)] = 10,
) -> dict[str, Any]:
    try:
        hits = _store(request).search(q, limit)
    except UsageError as error:
        raise HTTPException(400, str(error)) from None
    return {"query": q, "hits": [asdict(hit) for hit in hits]}


@router.post(
    "/articles", status_code=201, summary="Add one article (only when started with --allow-ingest)",
    responses=_errors(400, 403, 413),
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/json": {"schema": ArticleIn.model_json_schema()}}}},
)
async def api_add_article(request: Request) -> dict[str, Any]:
    if not request.app.state.allow_ingest:
        raise HTTPException(403, "ingest is off; start the server with --allow-ingest")
    article = _article(await _read_json(request))
    with _WRITE_LOCK:
        report = _store(request).ingest([article])
    stored = _store(request).article(article.id)
    return {"id": article.id, "stored": report.stored, "known": report.known,
            "story": stored.story if stored else None,
            "skipped": [s.to_dict() for s in report.skipped]}


@router.get("/storylines/{storyline_id}", summary="One storyline: its title and its stories, oldest first",
            responses=_errors(404))
def api_storyline(request: Request, storyline_id: str) -> dict[str, Any]:
    found = _store(request).storyline(storyline_id)
    if found is None:
        raise HTTPException(404, f"no storyline {storyline_id!r}")
    return found.to_dict()


@router.get("/entities", summary="People, organisations and other entities by name, in the most stories first")
def api_entities(request: Request, q: Annotated[str, Query(min_length=1, max_length=200)]) -> dict[str, Any]:
    found = _store(request).find_entities(q)
    return {"query": q, "entities": [{"id": i, "name": n, "stories": c} for i, n, c in found]}


@router.get("/entities/{entity_id}", summary="One entity: its stories and storylines over time, and its quotes (cited)",
            responses=_errors(404))
def api_entity(request: Request, entity_id: str) -> dict[str, Any]:
    found = _store(request).entity(entity_key(entity_id))
    if found is None:
        raise HTTPException(404, f"no stored story names {entity_id!r}")
    return found.to_dict()


async def _read_json(request: Request) -> Any:
    """The request body parsed as JSON, refusing more than ``MAX_BODY_BYTES`` (413)."""
    declared = request.headers.get("content-length", "0")
    if not declared.isdigit() or int(declared) > MAX_BODY_BYTES:
        raise HTTPException(413, f"request body over {MAX_BODY_BYTES} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise HTTPException(413, f"request body over {MAX_BODY_BYTES} bytes")
    try:
        return json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise HTTPException(400, f"body is not valid JSON: {error}") from None


def _article(data: Any) -> Article:
    """``data`` validated as an ``ArticleIn`` (422 with the errors) and made an ``Article``."""
    try:
        given = ArticleIn.model_validate(data)
    except ValidationError as error:
        raise HTTPException(422, json.loads(error.json(include_url=False, include_input=False))) from None
    return Article(text=given.text, id=given.id, title=given.title, source=given.source,
                   url=given.url, published=given.published, path="api")
