"""The HTML pages: stories, search, story, article (server-rendered Jinja2; the storyline
and entity pages are in ``web.follow``).

Templates live in ``web/templates`` with autoescaping on; no article-derived value is
marked safe. Each route gathers display data (``render.view``, ``web.citations``,
``web.chart``, ``web.article_view``) and hands it to one template.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from functools import lru_cache, partial
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined

from storyline.errors import UsageError
from storyline.model import Digest, Sentence
from storyline.ingest.names import clean_display, outlets_phrase
from storyline.render.view import DigestView, build_view
from storyline.store import Store, StoryQuery, entity_key
from storyline.store.digests import Built
from storyline.web.article_view import article_view, used_spans
from storyline.web.cache import DigestCache
from storyline.web.chart import digest_points, volume_chart
from storyline.web.citations import Citer
from storyline.web.data import query_string, story_page, story_query
from storyline.web.highlight import marked

__all__ = ["render_page", "router"]

PER_PAGE = 20
EVENT_LABEL_CHARS = 80
router = APIRouter(include_in_schema=False)


@lru_cache(maxsize=1)
def _environment() -> Environment:
    # the digest's own templates come second: the story page reuses its comparison section
    loader = ChoiceLoader([PackageLoader("storyline", "web/templates"),
                           PackageLoader("storyline", "render/templates")])
    environment = Environment(
        loader=loader, autoescape=True,
        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )
    environment.globals["entity_key"] = entity_key  # the story page links each entity to its page
    return environment


def render_page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render template ``name`` with ``context`` as an HTML response."""
    return HTMLResponse(_environment().get_template(name).render(**context), status_code=status)


def _store(request: Request) -> Store:
    return request.app.state.store


def _digests(request: Request) -> DigestCache:
    return request.app.state.digests


def _digest(request: Request, story_id: str) -> Digest:
    try:
        return _digests(request).digest(story_id)
    except UsageError:
        raise HTTPException(404, f"There is no story {story_id!r}.") from None


def _cited_view(digest: Digest, kept: dict[str, tuple[Sentence, ...]]) -> tuple[DigestView, Citer]:
    view = build_view(digest)
    return view, Citer(digest, view.sources, kept)


def _first_sentence(digest: Digest) -> str:
    return clean_display(digest.summary[0].text) if digest.summary else ""


def _headlines(request: Request, story_ids: Iterable[str]) -> dict[str, str]:
    """The digest headline of each story, as its story page shows it ("" when it has none).

    The store keeps the tracker's headline for a story, which can differ from the digest's;
    the pages name a story the way its own page does (the story and storyline pages take
    it from the digests they read anyway).
    """
    found = {}
    for story_id in story_ids:
        try:
            found[story_id] = clean_display(_digests(request).digest(story_id).headline)
        except UsageError:  # merged away since the list was read
            found[story_id] = ""
    return found


@router.get("/", response_class=HTMLResponse)
def stories_page(
    request: Request, page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    query: Annotated[StoryQuery, Depends(story_query)] = StoryQuery(),
) -> HTMLResponse:
    store = _store(request)
    found = story_page(store, page, PER_PAGE, query)
    digests = {row.id: _digests(request).digest(row.id) for row in found.rows}
    lines = {story_id: _first_sentence(digest) for story_id, digest in digests.items()}
    headlines = {story_id: clean_display(digest.headline) for story_id, digest in digests.items()}
    counts = {row.id: outlets_phrase(row.article_count, row.outlet_count, row.unknown_outlets)
              for row in found.rows}
    status = 404 if found.page > found.last_page else 200  # past the end: say so, link the last page
    return render_page("stories.html.j2", status, found=found, lines=lines, headlines=headlines,
                       counts=counts, filters=query, params=query_string(query), query="")


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Annotated[str, Query(max_length=500)] = "") -> HTMLResponse:
    hits, error = [], ""
    if q.strip():
        try:
            hits = _store(request).search(q, 20)
        except UsageError as problem:
            error = str(problem)
    headlines = _headlines(request, {hit.story for hit in hits})
    return render_page("search.html.j2", query=q, hits=hits, error=error, headlines=headlines,
                       marked=partial(marked, query=q))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page_view(request: Request, story_id: str, since: date | None = None,
                    until: date | None = None) -> HTMLResponse:
    """The story page; ``since`` / ``until`` (YYYY-MM-DD, inclusive) keep only the
    timeline's days inside that window."""
    store = _store(request)
    storyline = store.storyline_of(story_id)
    try:
        _found, html = _digests(request).derived(
            story_id, f"page {storyline!r} {since} {until}",
            lambda digest: _story_html(_in_window(digest, since, until), story_id, storyline,
                                       store.sentences(story_id),
                                       built=_built_note(store.digest_built(story_id))))
    except UsageError:
        raise HTTPException(404, f"There is no story {story_id!r}.") from None
    return HTMLResponse(html)


def _in_window(digest: Digest, since: date | None, until: date | None) -> Digest:
    """``digest`` with only the timeline days from ``since`` to ``until`` (open when ``None``)."""
    if since is None and until is None:
        return digest
    kept = tuple(e for e in digest.timeline or ()
                 if (since is None or since <= e.date) and (until is None or e.date <= until))
    return replace(digest, timeline=kept)


def _built_note(built: tuple[Built, int] | None) -> str:
    """"Digest built <when> UTC from N of the story's M articles" (``""`` when unrecorded)."""
    if built is None or not built[0].at:
        return ""
    when = built[0].at.replace("T", " ").removesuffix("+00:00")
    count, now = built[0].articles, built[1]
    of = f"{count} of the story's {now} articles" if count != now else f"its {now} article{'s' * (now != 1)}"
    return f"Digest built {when} UTC from {of}"


def _story_html(digest: Digest, story_id: str, storyline: tuple[str, str] | None,
                kept: dict[str, tuple[Sentence, ...]], *, built: str = "") -> str:
    """The story page of ``digest`` (cached per digest and storyline by ``story_page_view``)."""
    view, citer = _cited_view(digest, kept)
    summary = [(cited, citer.contexts(s))
               for cited, s in zip((c for p in view.paragraphs for c in p), digest.summary, strict=True)]
    timeline = [
        (day.date, [(cited, citer.contexts(s))
                    for cited, s in zip(day.sentences, entry.sentences, strict=True)])
        for day, entry in zip(view.timeline, digest.timeline or (), strict=True)
    ]
    points, inferred, missing = digest_points(digest)
    events = [(e.date, clean_display(e.sentences[0].text)[:EVENT_LABEL_CHARS]) for e in digest.timeline or () if e.sentences]
    return _environment().get_template("story.html.j2").render(
        view=view, story_id=story_id, summary=summary, timeline=timeline,
        chart=volume_chart(points, events, _chart_note(inferred, missing)), storyline=storyline,
        built=built,
    )


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(
    request: Request, article_id: str,
    start: Annotated[int | None, Query(ge=0)] = None, end: Annotated[int | None, Query(ge=0)] = None,
) -> HTMLResponse:
    store = _store(request)
    stored = store.article(article_id)
    if stored is None:
        raise HTTPException(404, f"There is no article {article_id!r}.")
    text = stored.article.text
    target = (start, end) if start is not None and end is not None and start < end <= len(text) else None
    used = used_spans(_digest(request, stored.story), article_id)
    return render_page("article.html.j2", view=article_view(stored.article, stored.story, used, target))


def _chart_note(inferred: int, missing: int) -> str:
    parts = []
    if inferred:
        parts.append(f"{inferred} article(s) without a publication date placed on the latest date they report")
    if missing:
        parts.append(f"{missing} undated article(s) not drawn")
    return "; ".join(parts)
