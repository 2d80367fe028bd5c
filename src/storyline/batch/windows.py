"""Time windows: which articles are clustered together, and how window stories are joined.

Batch clustering (``storyline.cluster.batch.cluster``) compares every pair of its articles, so
an archive is clustered one time window at a time. Window ``k`` holds the articles
published in days ``[k * window_days, (k + 1) * window_days)`` (days since 1970-01-01) plus
the first ``overlap_days`` of window ``k + 1`` (``storyline.config.BatchConfig``): those
*boundary* articles are clustered in both windows. A window with more than ``max_articles`` is cut, in publication order, into
chunks that overlap by a tenth of a chunk, in the same way. Undated articles form one
window of their own (``UNDATED``).

Joining is by shared articles: two window stories holding the same boundary article are
one story, transitively (``link``); storylines are joined the same way through the stories
they hold. Ids follow the batch rule of ``storyline.cluster.batch``: a story is named after its
earliest article (ties by id), a storyline after its earliest story.

Example:
    >>> plan = BatchConfig(window_days=7, overlap_days=2)
    >>> windows_of(14.5, plan), windows_of(19.0, plan)
    (('2', '1'), ('2',))
    >>> link([{"a", "b"}, {"c"}, {"b", "d"}])
    [[0, 2], [1]]
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from storyline.cluster.result import UNDATED_DAY, story_id, storyline_id
from storyline.config import BatchConfig

__all__ = [
    "UNDATED",
    "Joined",
    "Piece",
    "chunks",
    "join",
    "link",
    "order_key",
    "window_sort_key",
    "windows_of",
]

UNDATED = "undated"
"""The window of articles without a publication date."""


def windows_of(day: float, plan: BatchConfig) -> tuple[str, ...]:
    """The windows that cluster an article of ``day``: its own first, then the one before
    when it falls in the overlap (NaN gives ``(UNDATED,)``)."""
    if math.isnan(day):
        return (UNDATED,)
    k = math.floor(day / plan.window_days)
    if day - k * plan.window_days < plan.overlap_days:
        return (str(k), str(k - 1))
    return (str(k),)


def window_sort_key(name: str) -> tuple[int, int]:
    """Windows in time order, the undated one first (as undated articles sort)."""
    return (0, 0) if name == UNDATED else (1, int(name))


def order_key(day: float, article_id: str) -> tuple[float, str]:
    """Publication order of ``storyline.cluster.batch``: day (undated first), then id."""
    return (UNDATED_DAY if math.isnan(day) else day, article_id)


def chunks(count: int, size: int) -> list[range]:
    """Index ranges of at most ``size`` covering ``range(count)``; neighbours share a tenth.

    Example:
        >>> chunks(25, 10)
        [range(0, 10), range(9, 19), range(18, 25)]
    """
    if count <= size:
        return [range(count)]
    step = size - max(1, size // 10)
    starts = range(0, count - size + step, step)
    return [range(s, min(s + size, count)) for s in starts]


def link(keysets: Sequence[Iterable[str]]) -> list[list[int]]:
    """Group the indices of ``keysets`` that share a key, transitively.

    Returns:
        Groups of indices, each sorted, groups in order of their first index.
    """
    parent = list(range(len(keysets)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for index, keys in enumerate(keysets):
        for key in keys:
            if key in owner:
                a, b = root(owner[key]), root(index)
                parent[max(a, b)] = min(a, b)
            else:
                owner[key] = index
    groups: dict[int, list[int]] = {}
    for index in range(len(keysets)):
        groups.setdefault(root(index), []).append(index)
    return sorted(groups.values(), key=lambda g: g[0])


@dataclass(frozen=True)
class Piece:
    """A story as one clustering call saw it: ``shared`` are its ids seen by another call,
    ``first`` its earliest article as ``order_key``, ``line`` a storyline label unique
    among the pieces being joined, ``size`` its articles and ``chars`` their characters
    (a measure of the work of digesting it)."""

    shared: frozenset[str]
    first: tuple[float, str]
    size: int
    headline: str
    line: str
    chars: int = 0


@dataclass(frozen=True)
class Joined:
    """A story made of ``pieces`` (indices into the joined list), with its ids."""

    id: str
    storyline: str
    headline: str
    first: tuple[float, str]
    size: int
    pieces: tuple[int, ...]
    chars: int = 0


def join(pieces: Sequence[Piece]) -> list[Joined]:
    """Join pieces that share an article into stories, and their storylines likewise.

    Returns:
        The stories, earliest first; a story's headline is that of its largest piece
        (the earliest of equal ones); ``size`` and ``chars`` count shared articles once
        per piece.
    """
    groups = link([p.shared for p in pieces])
    groups.sort(key=lambda g: min(pieces[i].first for i in g))
    lines = link([{pieces[i].line for i in g} for g in groups])
    line_of = {k: storyline_id(min(pieces[i].first for i in groups[line[0]])[1])
               for line in lines for k in line}
    stories = []
    for k, group in enumerate(groups):
        biggest = min(group, key=lambda i: (-pieces[i].size, pieces[i].first))
        first = min(pieces[i].first for i in group)
        stories.append(Joined(
            id=story_id(first[1]), storyline=line_of[k], headline=pieces[biggest].headline,
            first=first, size=sum(pieces[i].size for i in group), pieces=tuple(group),
            chars=sum(pieces[i].chars for i in group),
        ))
    return stories
