"""The volume chart drawn as inline SVG by the server: articles per day per outlet, events marked.

``volume_chart`` computes the geometry only (numbers and short labels); the template
``_chart.html.j2`` draws it, so every label is escaped like any other text. An article
without a publication date is placed on the latest timeline date it is cited for (the
chart says how many were placed that way); one with neither is left out and counted.

``story_axis`` draws the stories of a storyline (or of an entity) on one time axis: a bar
per story from its first to its last day, rows reused as stories end, so a thread of two
years reads at a glance; each bar links to its story.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from storyline.ingest.names import outlet_name
from storyline.model import Digest
from storyline.render.view import published_day

__all__ = ["Axis", "AxisStory", "Bar", "Chart", "Mark", "digest_points", "story_axis", "volume_chart"]

WIDTH, HEIGHT = 640, 200
LEFT, RIGHT, TOP, BOTTOM = 36, 12, 16, 40
MAX_DAYS = 120
"""At most this many days are drawn (the latest ones); older days are cut off."""
PALETTE_SIZE = 8
"""Outlets beyond this many share colours (``o0`` .. ``o7`` in ``static/style.css``)."""


@dataclass(frozen=True)
class Bar:
    """One outlet's articles on one day: a rectangle and its accessible label."""

    x: float
    y: float
    width: float
    height: float
    colour: int
    label: str


@dataclass(frozen=True)
class Mark:
    """A vertical mark (a tick or a dated event) at ``x`` with a short label."""

    x: float
    label: str


@dataclass(frozen=True)
class Chart:
    """Everything ``_chart.html.j2`` draws."""

    width: int
    height: int
    baseline: float
    top: float
    peak: int
    bars: tuple[Bar, ...]
    ticks: tuple[Mark, ...]
    events: tuple[Mark, ...]
    outlets: tuple[tuple[str, int], ...]
    note: str


def digest_points(digest: Digest) -> tuple[list[tuple[date, str]], int, int]:
    """``(day, outlet)`` per article, how many were dated from the timeline, how many left out."""
    cited: dict[str, date] = {}
    for entry in digest.timeline or ():
        for sentence in entry.sentences:
            for article in sentence.citations or (sentence.article,):
                cited[article] = max(cited.get(article, entry.date), entry.date)
    points, inferred, missing = [], 0, 0
    for article in digest.articles:
        day = published_day(article)
        if day is None and article.id in cited:
            day, inferred = cited[article.id], inferred + 1
        if day is None:
            missing += 1
            continue
        points.append((day, outlet_name(article)))
    return points, inferred, missing


def volume_chart(points: list[tuple[date, str]], events: list[tuple[date, str]], note: str = "") -> Chart | None:
    """The chart of ``points`` (``(day, outlet)``) with ``events`` (``(day, label)``) marked.

    Returns ``None`` when there is nothing dated to draw.
    """
    days = [d for d, _ in points] + [d for d, _ in events]
    if not days:
        return None
    last = max(days)
    first = max(min(days), last - timedelta(days=MAX_DAYS - 1))
    span = (last - first).days + 1
    step = (WIDTH - LEFT - RIGHT) / span
    counts = Counter((d, o) for d, o in points if d >= first)
    outlets = sorted({o for _, o in counts})
    colours = {o: i % PALETTE_SIZE for i, o in enumerate(outlets)}
    per_day = Counter(d for d, _ in counts.elements())
    peak = max(per_day.values(), default=1)
    unit = (HEIGHT - TOP - BOTTOM) / peak
    x = lambda day: LEFT + (day - first).days * step
    bars, stacked = [], Counter()
    for (day, outlet), n in sorted(counts.items()):
        y = HEIGHT - BOTTOM - (stacked[day] + n) * unit
        stacked[day] += n
        label = f"{day.isoformat()}: {n} from {outlet}"
        bars.append(Bar(x(day) + step * 0.1, y, step * 0.8, n * unit, colours[outlet], label))
    every = max(1, span // 6)
    ticks = tuple(Mark(x(first + timedelta(days=k)) + step / 2, (first + timedelta(days=k)).strftime("%b %d"))
                  for k in range(0, span, every))
    marks = tuple(Mark(x(d) + step / 2, f"{d.isoformat()}: {label}") for d, label in events if d >= first)
    return Chart(WIDTH, HEIGHT, HEIGHT - BOTTOM, TOP, peak, tuple(bars), ticks, marks,
                 tuple((o, colours[o]) for o in outlets), note)


AXIS_LANES = 8
"""Rows of the story axis; a story that finds no free row shares the one that frees first."""
LANE, AXIS_TOP, AXIS_BOTTOM = 18, 10, 30
_TICK_STEPS = ((1, "day"), (2, "day"), (7, "day"), (14, "day"), (1, "month"), (2, "month"),
               (3, "month"), (6, "month"), (12, "month"), (24, "month"))
MAX_TICKS = 7


@dataclass(frozen=True)
class AxisStory:
    """One story on the axis: a bar from its first to its last day, a dot sized by weight."""

    id: str
    x: float
    width: float
    y: float
    radius: float
    label: str
    central: bool


@dataclass(frozen=True)
class Axis:
    """Everything ``_axis.html.j2`` draws: stories by time, ticks, and what was left out."""

    width: int
    height: int
    baseline: float
    stories: tuple[AxisStory, ...]
    ticks: tuple[Mark, ...]
    note: str


def story_axis(stories: list[tuple[str, str, str | None, str | None, int]], central: str = "") -> Axis | None:
    """The time axis of ``stories`` (``(id, label, first seen, last seen, weight)``, ISO dates).

    Each dated story is a bar from its first to its last day in one of ``AXIS_LANES`` rows,
    with a dot whose area grows with ``weight`` (articles); the story ``central`` is marked.
    Undated stories are not drawn, and the note says how many. ``None`` when none is dated.
    """
    dated = sorted((s for s in stories if s[2]), key=lambda s: (s[2], s[0]))
    if not dated:
        return None
    days = [(_day(s[2]), _day(s[3] or s[2])) for s in dated]
    first, last = min(d for d, _ in days), max(e for _, e in days)
    span = max(1, (last - first).days + 1)
    scale = (WIDTH - LEFT - RIGHT) / span
    ends: list[date] = []
    drawn = []
    for (story_id, label, *_rest, weight), (start, end) in zip(dated, days, strict=True):
        lane = next((i for i, e in enumerate(ends) if e < start), None)
        if lane is None and len(ends) < AXIS_LANES:
            lane = len(ends)
            ends.append(end)
        elif lane is None:
            lane = min(range(len(ends)), key=lambda i: ends[i])
        ends[lane] = max(ends[lane], end)
        width = max(scale, ((end - start).days + 1) * scale)
        drawn.append(AxisStory(story_id, LEFT + (start - first).days * scale, width,
                               AXIS_TOP + lane * LANE + LANE / 2, min(9.0, 3 + 1.5 * weight ** 0.5),
                               f"{start.isoformat()}: {label} ({weight} article{'s' if weight != 1 else ''})",
                               story_id == central))
    baseline = AXIS_TOP + len(ends) * LANE + 4
    ticks = tuple(Mark(LEFT + (d - first).days * scale, text) for d, text in _ticks(first, last))
    missing = len(stories) - len(dated)
    note = f"{missing} undated stor{'y' if missing == 1 else 'ies'} not drawn" if missing else ""
    return Axis(WIDTH, int(baseline + AXIS_BOTTOM), baseline, tuple(drawn), ticks, note)


def _day(value: str) -> date:
    return date.fromisoformat(value[:10])


def _ticks(first: date, last: date) -> list[tuple[date, str]]:
    """At most ``MAX_TICKS`` round dates between ``first`` and ``last`` with their labels."""
    span = (last - first).days + 1
    for step, unit in _TICK_STEPS:
        if unit == "day" and span / step <= MAX_TICKS:
            return [(first + timedelta(days=k), (first + timedelta(days=k)).strftime("%d %b"))
                    for k in range(0, span, step)]
        if unit == "month" and span / (30.4 * step) <= MAX_TICKS:
            return _month_ticks(first, last, step)
    return _month_ticks(first, last, 12 * -(-span // (365 * MAX_TICKS)))


def _month_ticks(first: date, last: date, step: int) -> list[tuple[date, str]]:
    """The first day of every ``step``-th month from ``first``'s to ``last``'s, labelled."""
    found, month = [], first.year * 12 + first.month - 1
    while True:
        day = date(month // 12, month % 12 + 1, 1)
        if day > last:
            return found
        if day >= first:
            found.append((day, day.strftime("%Y" if step >= 12 else "%b %Y")))
        month += step
