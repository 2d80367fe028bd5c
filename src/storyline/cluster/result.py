"""What clustering returns, and how its stories are named and ordered in time.

Shared by batch clustering (``storyline.cluster.batch``) and the online tracker
(``storyline.cluster.tracker``), so that both give the same ids for the same story: a story
is named after its earliest article (``story-`` + a hash of that article's id), a storyline
after its earliest story's first article (``line-`` + hash). Days are counted as floats
since 1970-01-01, NaN when an article carries no date.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime

from storyline.model import Story, Storyline

__all__ = ["UNDATED_DAY", "ClusterResult", "day_number", "story_id", "storyline_id"]

UNDATED_DAY = -1e9
"""Where undated articles sort in publication order: before every dated one."""


@dataclass(frozen=True)
class ClusterResult:
    """Stories (oldest first) and the storylines they belong to (oldest first)."""

    stories: tuple[Story, ...]
    storylines: tuple[Storyline, ...]


def day_number(moment: date | datetime | None) -> float:
    """Days since 1970-01-01 (fractional for datetimes, UTC when aware); NaN when unknown."""
    if moment is None:
        return float("nan")
    if isinstance(moment, datetime):
        if moment.tzinfo is not None:
            moment = moment.astimezone(tz=None).replace(tzinfo=None)
        return (moment - datetime(1970, 1, 1)).total_seconds() / 86400.0
    return float((moment - date(1970, 1, 1)).days)


def story_id(first_article: str) -> str:
    """The id of the story opened by ``first_article``: ``story-`` + 12 hex digits."""
    return "story-" + _short_hash(first_article)


def storyline_id(first_article: str) -> str:
    """The id of the storyline opened by ``first_article``: ``line-`` + 12 hex digits."""
    return "line-" + _short_hash(first_article)


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
