"""The pages that follow a thread over time: a storyline, and a person or organisation.

``/storylines/{id}``: the storyline's title (``storyline.store.storylines``), its stories on
one time axis (``web.chart.story_axis``) and as a list, oldest first, and the people and
organisations it names most. ``/entities/{id}``: an entity's stories on the same axis, the
storylines they belong to, and what it said, each quote a link to its exact span of the
article (``/articles/ID?start=S&end=E#cited``). Both read the store's indexes, not the
digests, except for a story with no known date, whose digest dates it (as the volume chart
does: ``web.chart.digest_points``).
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from storyline.errors import UsageError
from storyline.ingest.names import clean_display
from storyline.store import EntityProfile, EntityQuote, StorylineProfile, Store
from storyline.web.cache import DigestCache
from storyline.web.chart import Axis, digest_points, story_axis
from storyline.web.pages import render_page

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


def _store(request: Request) -> Store:
    return request.app.state.store


@router.get("/storylines/{storyline_id}", response_class=HTMLResponse)
def storyline_page(request: Request, storyline_id: str) -> HTMLResponse:
    found = _store(request).storyline(storyline_id)
    if found is None:
        raise HTTPException(404, f"There is no storyline {storyline_id!r}.")
    axis = _storyline_axis(found, request.app.state.digests)
    people = _store(request).storyline_entities(storyline_id)
    return render_page("storyline.html.j2", line=found, axis=axis, people=people,
                       headline=clean_display(found.headline), clean=clean_display)


def _storyline_axis(found: StorylineProfile, digests: DigestCache) -> Axis | None:
    """The axis of a storyline's stories; an undated story is dated by its digest's
    timeline (``digest_points``), and the note says how many were."""
    spans, inferred = [], 0
    central = next((s.id for s in found.stories if s.headline == found.headline), "")
    for row in found.stories:
        first, last = row.first_seen, row.last_seen
        if first is None:
            try:
                days = [day for day, _ in digest_points(digests.digest(row.id))[0]]
            except UsageError:  # merged away since the storyline was read
                days = []
            if days:
                first, last, inferred = min(days).isoformat(), max(days).isoformat(), inferred + 1
        spans.append((row.id, clean_display(row.headline), first, last, row.article_count))
    axis = story_axis(spans, central)
    if axis is None or not inferred:
        return axis
    placed = f"{inferred} stor{'y' if inferred == 1 else 'ies'} without publication dates placed on the dates its articles report"
    note = "; ".join(n for n in (axis.note, placed) if n)
    return Axis(axis.width, axis.height, axis.baseline, axis.stories, axis.ticks, note)


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str) -> HTMLResponse:
    found = _store(request).entity(entity_id)
    if found is None:
        raise HTTPException(404, f"No stored story names {entity_id!r}.")
    return render_page("entity.html.j2", entity=found, axis=_entity_axis(found),
                       lines=found.to_dict()["storylines"], headlines=_headlines(found),
                       said=_said(found),
                       aliases=", ".join(clean_display(a) for a in found.aliases), clean=clean_display)


def _entity_axis(found: EntityProfile) -> Axis | None:
    """The axis of the stories naming ``found``; a dot grows with the articles naming it."""
    return story_axis([(s.id, clean_display(s.headline), s.first_seen, s.last_seen, s.articles)
                       for s in found.stories])


def _said(found: EntityProfile) -> list[tuple[str, list[tuple[EntityQuote, list[EntityQuote]]]]]:
    """The quotes of ``found`` by story (in the profile's order), each quote once with every
    span that reports the same words (several articles of a story often carry one quote)."""
    stories: dict[str, dict[str, tuple[EntityQuote, list[EntityQuote]]]] = {}
    for quote in found.quotes:
        same = stories.setdefault(quote.story, {})
        same.setdefault(" ".join(quote.text.split()), (quote, []))[1].append(quote)
    return [(story, list(quotes.values())) for story, quotes in stories.items()]


def _headlines(found: EntityProfile) -> dict[str, str]:
    """The headline of each story of ``found``, by story id, as the stories list shows it."""
    return {s.id: clean_display(s.headline) for s in found.stories}
