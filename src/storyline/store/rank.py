"""Which stories lead the list: the "top" score, kept in stored columns, and the filters.

A story's score grows with its articles, its distinct known outlets and its growth (its
articles published in the ``GROWTH_DAYS`` days up to the newest article in the store), and
falls with the days between its last article and that newest article::

    score = ln(1 + articles) + OUTLET_WEIGHT * ln(1 + outlets)
            + GROWTH_WEIGHT * recent / (recent + 1) - (newest - last) / RECENCY_DAYS

Everything but growth and the newest day is a property of the story alone, so the writer
stores it with the story (``stories.rank`` = the score without growth, plus ``last /
RECENCY_DAYS``, in ``refresh_counts``); the newest day shifts every score alike and
drops out of the order, and growth reads only the articles of the last ``GROWTH_DAYS``
days (``articles.published`` is indexed). The list is thus ordered without reading every
story's articles. A story with no dated article comes after the dated ones. The weights
are chosen on the Timeline17 tuning fold (``benchmarks/front_page.py``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement, Connection, Select, and_, bindparam, case, exists, func, select, union, update,
)

from storyline.errors import UsageError
from storyline.ingest.names import UNKNOWN_OUTLET
from storyline.store.digests import parse_moment
from storyline.store.schema import articles, digests, stories

__all__ = [
    "GROWTH_DAYS", "GROWTH_WEIGHT", "OUTLET_WEIGHT", "RECENCY_DAYS", "SORTS", "StoryQuery",
    "filtered", "ordered", "rank_value", "refresh_counts",
]

RECENCY_DAYS = 7.0
"""Days over which a story's score falls by 1 (a story this much older needs e times the articles)."""
OUTLET_WEIGHT = 1.0
"""Weight of ``ln(1 + distinct known outlets)`` against ``ln(1 + articles)``."""
GROWTH_DAYS = 3
"""Articles published this many days before the newest article in the store, or later, are recent."""
GROWTH_WEIGHT = 1.0
"""Weight of ``recent / (recent + 1)``: a story still being written about gains up to this."""
SORTS = ("top", "recent")
"""``top``: by score; ``recent``: by last article date, then by last stored article."""


@dataclass(frozen=True)
class StoryQuery:
    """How to order and filter a story list.

    Attributes:
        sort: one of ``SORTS``.
        since, until: keep stories with articles dated in this range (inclusive).
        outlet: keep stories with an article from this outlet (case ignored;
            ``"unknown outlet"`` for articles whose outlet is unknown).
        entity: keep stories whose digest names this entity (as an entity's name or one
            of its mentions, case ignored).

    Raises:
        UsageError: an unknown ``sort``, or ``since`` after ``until``.
    """

    sort: str = "top"
    since: date | None = None
    until: date | None = None
    outlet: str | None = None
    entity: str | None = None

    def __post_init__(self) -> None:
        if self.sort not in SORTS:
            raise UsageError(f"--sort must be one of {', '.join(SORTS)}, got {self.sort!r}")
        if self.since and self.until and self.since > self.until:
            raise UsageError(f"--since {self.since} is after --until {self.until}")


def rank_value(article_count: int, outlet_count: int, last_seen: str | None) -> float:
    """The stored part of the score (see the module docstring); without the day term for
    an undated story, which thus ranks after every dated one (the day term, over 200,000,
    dwarfs the rest), bigger undated stories first.

    Example:
        >>> round(rank_value(3, 2, "1970-01-04") - rank_value(1, 1, "1970-01-04"), 3)
        1.099
    """
    size = math.log1p(article_count) + OUTLET_WEIGHT * math.log1p(outlet_count)
    last = parse_moment(last_seen)
    if last is None:
        return size
    return size + (last if isinstance(last, date) else last.date()).toordinal() / RECENCY_DAYS


def refresh_counts(connection: Connection, story_ids: Iterable[str]) -> None:
    """Recount the articles, distinct known outlets and articles of unknown outlet of each
    of ``story_ids`` (those still stored) and store them with its rank."""
    wanted = sorted(set(story_ids))
    if not wanted:
        return
    known = func.count(func.distinct(func.nullif(articles.c.outlet, UNKNOWN_OUTLET)))
    unknown = func.sum(case((articles.c.outlet == UNKNOWN_OUTLET, 1), else_=0))
    rows = connection.execute(
        select(stories.c.id, func.count(articles.c.id), known, func.coalesce(unknown, 0),
               stories.c.last_seen)
        .join(articles, articles.c.story_id == stories.c.id)
        .where(stories.c.id.in_(wanted)).group_by(stories.c.id, stories.c.last_seen)
    ).all()
    if rows:
        connection.execute(
            update(stories).where(stories.c.id == bindparam("sid")),
            [{"sid": sid, "article_count": n, "outlet_count": o, "unknown_outlets": u,
              "rank": rank_value(n, o, last)} for sid, n, o, u, last in rows],
        )


def ordered(
    connection: Connection, chosen: Select[Any], query: StoryQuery, *, needed: int | None = None,
) -> Select[Any]:
    """``chosen`` (a select over ``stories``) in ``query``'s order.

    With ``needed`` (the rows a page reads: offset + limit), the top order looks only at
    the ``needed`` stories of highest stored rank and the stories with recent articles:
    growth adds less than ``GROWTH_WEIGHT``, and a story without recent articles that is
    not among the first ``needed`` by rank has ``needed`` others scoring at least as high.
    """
    if query.sort == "recent":
        latest = (select(func.max(articles.c.seq)).where(articles.c.story_id == stories.c.id)
                  .scalar_subquery())
        return chosen.order_by(stories.c.last_seen.desc().nulls_last(), latest.desc())
    newest = parse_moment(connection.scalar(select(func.max(articles.c.published))))
    if newest is None:
        return chosen.order_by(stories.c.rank.desc().nulls_last(), stories.c.id)
    cutoff = (newest if isinstance(newest, date) else newest.date()) - timedelta(days=GROWTH_DAYS)
    recent = (select(articles.c.story_id, func.count().label("recent"))
              .where(articles.c.published >= cutoff.isoformat())
              .group_by(articles.c.story_id).subquery())
    if needed is not None:
        ranked = (chosen.with_only_columns(stories.c.id)
                  .order_by(stories.c.rank.desc().nulls_last()).limit(needed).subquery())
        grown_ids = select(articles.c.story_id).where(articles.c.published >= cutoff.isoformat())
        chosen = chosen.where(stories.c.id.in_(union(select(ranked.c.id), grown_ids)))
    grown = func.coalesce(recent.c.recent, 0)
    score = stories.c.rank + GROWTH_WEIGHT * grown / (grown + 1.0)
    return (chosen.outerjoin(recent, recent.c.story_id == stories.c.id)
            .order_by(score.desc().nulls_last(), stories.c.last_seen.desc().nulls_last(),
                      stories.c.id))


def filtered(chosen: Select[Any], query: StoryQuery) -> Select[Any]:
    """``chosen`` (a select over ``stories``) keeping only the stories ``query`` asks for."""
    conditions: list[ColumnElement[bool]] = []
    if query.since:
        conditions.append(stories.c.last_seen >= query.since.isoformat())
    if query.until:
        conditions.append(stories.c.first_seen < (query.until + timedelta(days=1)).isoformat())
    if query.outlet:
        conditions.append(exists().where(
            articles.c.story_id == stories.c.id,
            func.lower(articles.c.outlet) == " ".join(query.outlet.split()).lower()))
    if query.entity:
        conditions.append(exists().where(digests.c.story_id == stories.c.id, _names(query.entity)))
    return chosen.where(and_(*conditions)) if conditions else chosen


def _names(entity: str) -> ColumnElement[bool]:
    """True for a stored digest document that names ``entity`` (an entity's ``name`` or a
    mention's ``text``, case ignored), as ``json.dumps`` writes those fields."""
    quoted = json.dumps(" ".join(entity.split()), ensure_ascii=False)
    escaped = quoted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return (digests.c.document.ilike(f'%"name": {escaped}%', escape="\\")
            | digests.c.document.ilike(f'%"text": {escaped}%', escape="\\"))
