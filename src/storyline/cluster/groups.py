"""The online tracker's stories and storylines: as kept in memory, and as plain JSON data.

``Group`` is an active story or storyline (raw centroid, members, days, headline), ``Member``
what a young story keeps of one article so that it can still be split; ``prune``,
``extend``, ``count_day`` and ``offer_headline`` keep a group's centroid, days and headline
up to date. ``group_state`` / ``group_from`` turn a group into JSON-able data and back, as
``StoryTracker.to_state`` and ``from_state`` save and restore it; ``plain_state`` and ``story_from`` do the same for a
closed ``Story`` or ``Storyline``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

import numpy as np
from scipy.sparse import csr_matrix

from storyline.model import Story
from storyline.represent.articles import N_FEATURES

__all__ = [
    "CENTROID_TERMS", "Group", "Member", "count_day", "extend", "group_from", "group_state",
    "offer_headline", "plain_state", "prune", "story_from",
]

CENTROID_TERMS = 4000
"""A centroid keeps at most about this many terms (twice as many before it is cut), so a
long storyline costs the same to search and to keep as a short one."""


@dataclass(frozen=True)
class Member:
    """What a young story keeps of one article so that it can be split later."""

    id: str
    row: csr_matrix
    day: float
    moment: date | datetime | None
    headline: str
    titled: bool


@dataclass
class Group:
    """An active story or storyline: raw centroid (sum of rows) and bookkeeping."""

    id: str
    centroid: csr_matrix
    members: list[str]
    first_day: float
    last_day: float
    step: int
    first_seen: date | datetime | None = None
    last_seen: date | datetime | None = None
    headline: str = ""
    score: float = -1.0
    storyline: str = ""
    size: int = 0
    kept: list[Member] = field(default_factory=list)
    day_sum: float = 0.0
    dated: int = 0


def prune(centroid: csr_matrix) -> csr_matrix:
    """``centroid`` cut to its ``CENTROID_TERMS`` heaviest terms once it holds twice as many."""
    if centroid.nnz <= 2 * CENTROID_TERMS:
        return centroid
    keep = np.sort(np.argpartition(centroid.data, -CENTROID_TERMS)[-CENTROID_TERMS:])
    return csr_matrix((centroid.data[keep], centroid.indices[keep], [0, len(keep)]),
                      shape=centroid.shape)


def extend(group: Group, moment: date | datetime | None, day: float) -> None:
    """Widen ``group``'s first and last day (and moment) to take in ``day``; NaN is ignored."""
    if np.isnan(day):
        return
    if np.isnan(group.first_day) or day < group.first_day:
        group.first_day, group.first_seen = day, moment or group.first_seen
    if np.isnan(group.last_day) or day >= group.last_day:
        group.last_day, group.last_seen = day, moment or group.last_seen


def count_day(story: Group, day: float) -> None:
    """Count ``day`` into the story's mean day (``day_sum / dated``); NaN is ignored."""
    if not np.isnan(day):
        story.day_sum += day
        story.dated += 1


def offer_headline(story: Group, member: Member, similarity: float) -> None:
    """Keep the member's headline when it is closer to the story than the last (titles first)."""
    score = similarity + (1.0 if member.titled else 0.0)
    if member.headline and score > story.score:
        story.headline, story.score = member.headline, score


def _iso(moment: date | datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _parse(text: str | None) -> date | datetime | None:
    if text is None:
        return None
    return datetime.fromisoformat(text) if len(text) > 10 else date.fromisoformat(text)


def plain_state(data: dict[str, object]) -> dict[str, object]:
    """``data`` (``asdict`` of a ``Story`` or ``Storyline``) with dates as ISO text, tuples as lists."""
    return {k: _iso(v) if isinstance(v, date) else list(v) if isinstance(v, tuple) else v
            for k, v in data.items()}


def story_from(data: dict[str, object]) -> Story:
    """The ``Story`` saved by ``plain_state(asdict(story))``."""
    return Story(data["id"], data["headline"], tuple(data["articles"]), data["storyline"],  # type: ignore[arg-type]
                 _parse(data["first_seen"]), _parse(data["last_seen"]))  # type: ignore[arg-type]


def group_state(group: Group) -> dict[str, object]:
    """``group`` as plain JSON-able data (rows as column and value lists, NaN days as None)."""
    return {
        "id": group.id, "members": list(group.members), "step": group.step,
        **_row_state(group.centroid),
        "first_day": _day_state(group.first_day), "last_day": _day_state(group.last_day),
        "first_seen": _iso(group.first_seen), "last_seen": _iso(group.last_seen),
        "headline": group.headline, "score": group.score, "storyline": group.storyline,
        "size": group.size, "day_sum": group.day_sum, "dated": group.dated,
        "kept": [{"id": m.id, **_row_state(m.row), "day": _day_state(m.day),
                  "moment": _iso(m.moment), "headline": m.headline, "titled": m.titled}
                 for m in group.kept],
    }


def group_from(data: dict[str, object]) -> Group:
    """The ``Group`` saved by ``group_state`` (a version-1 state keeps no members: ``kept`` empty)."""
    kept = [
        Member(m["id"], _row_from(m), _day_from(m["day"]), _parse(m["moment"]),  # type: ignore[index]
               m["headline"], bool(m["titled"]))  # type: ignore[index]
        for m in data.get("kept", [])  # type: ignore[attr-defined]
    ]
    return Group(
        id=data["id"], centroid=_row_from(data), members=list(data["members"]),  # type: ignore[arg-type, call-overload]
        first_day=_day_from(data["first_day"]), last_day=_day_from(data["last_day"]),
        step=int(data["step"]),  # type: ignore[call-overload]
        first_seen=_parse(data["first_seen"]), last_seen=_parse(data["last_seen"]),  # type: ignore[arg-type]
        headline=data["headline"], score=float(data["score"]),  # type: ignore[arg-type]
        storyline=data["storyline"], size=int(data["size"]),  # type: ignore[arg-type, call-overload]
        kept=kept, day_sum=float(data.get("day_sum", 0.0)),  # type: ignore[arg-type]
        dated=int(data.get("dated", 0)),  # type: ignore[call-overload]
    )


def _row_state(row: csr_matrix) -> dict[str, list[int] | list[float]]:
    row = row.tocsr()
    return {"columns": row.indices.tolist(), "values": row.data.tolist()}


def _row_from(data: dict[str, object]) -> csr_matrix:
    columns = np.asarray(data["columns"], dtype=np.int64)
    return csr_matrix((np.asarray(data["values"], dtype=float), columns,
                       np.array([0, len(columns)])), shape=(1, 2 * N_FEATURES))


def _day_state(day: float) -> float | None:
    return None if np.isnan(day) else day


def _day_from(value: object) -> float:
    return float("nan") if value is None else float(value)  # type: ignore[arg-type]
