"""The volume chart drawn as inline SVG by the server: articles per day per outlet, events marked.

``volume_chart`` computes the geometry only (numbers and short labels); the template
``_chart.html.j2`` draws it, so every label is escaped like any other text. An article
without a publication date is placed on the latest timeline date it is cited for (the
chart says how many were placed that way); one with neither is left out and counted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from storyline.model import Digest
from storyline.ingest.outlet import outlet_name
from storyline.render.view import published_day

__all__ = ["Bar", "Chart", "Mark", "digest_points", "volume_chart"]

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
