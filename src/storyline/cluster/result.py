"""What clustering returns, and how its stories are named and ordered in time.

Shared by batch clustering (``storyline.cluster.batch``) and the online tracker
(``storyline.cluster.tracker``), so that both give the same ids for the same story: a story
is named after its earliest article (``story-`` + a hash of that article's id), a storyline
after its earliest story's first article (``line-`` + hash). Days are counted as floats
since 1970-01-01, NaN when an article carries no date.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date, datetime

import numpy as np

from storyline.model import Article, Story, Storyline
from storyline.represent.articles import MAX_CHARS
from storyline.represent.dates import publication_anchor

__all__ = [
    "UNDATED_DAY", "YEAR_GUARD_DAYS", "ClusterResult", "day_number", "story_id", "storyline_id",
    "text_day", "years_apart",
]

UNDATED_DAY = -1e9
"""Where undated articles sort in publication order: before every dated one."""
YEAR_GUARD_DAYS = 365.0
"""An undated article never joins articles this many days away from the day its text gives."""


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


def text_day(article: Article) -> float:
    """For an undated article, the day (``day_number``) its text gives - a dateline, or the
    latest full date it states, read by ``represent.dates.publication_anchor`` in its first
    ``MAX_CHARS`` characters; NaN for a dated article or when the text gives none.

    Used only to keep an undated article out of stories and storylines of another year
    (``years_apart``); time discounts and the article's shown date stay as they are, since
    dates in a text often name past events rather than the day it was published.
    """
    if article.published is not None:
        return float("nan")
    return day_number(publication_anchor(replace(article, text=article.text[:MAX_CHARS])).day)


def years_apart(day: float, first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """True where ``day`` lies more than ``YEAR_GUARD_DAYS`` outside ``[first, last]`` (False
    when any of them is unknown)."""
    with np.errstate(invalid="ignore"):
        return np.maximum(first - day, day - last) > YEAR_GUARD_DAYS


def story_id(first_article: str) -> str:
    """The id of the story opened by ``first_article``: ``story-`` + 12 hex digits."""
    return "story-" + _short_hash(first_article)


def storyline_id(first_article: str) -> str:
    """The id of the storyline opened by ``first_article``: ``line-`` + 12 hex digits."""
    return "line-" + _short_hash(first_article)


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
