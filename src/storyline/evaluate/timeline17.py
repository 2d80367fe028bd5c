"""Timeline17 (Tran et al., 2013): news collections with gold timelines.

Layout read: ``<data>/<topic>/InputDocs/YYYY-MM-DD/*.txt`` - one article per file,
published on its folder's date (text PTB-tokenized, one sentence per line); gold
timelines in ``<topic>/timelines.jsonl`` (one ``[[date, [sentences]], ...]`` per line),
else ``<topic>/timelines/*.txt`` (a ``YYYY-MM-DD`` line, its sentences, then a line of
dashes). Empty article files (25 in the original release) are counted, not read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from storyline.errors import UsageError
from storyline.model import Article

__all__ = ["GoldTimeline", "Topic", "load", "load_topic", "parse_timeline_txt"]

GoldTimeline = dict[date, tuple[str, ...]]
"""A reference timeline: day -> its sentences."""

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SEPARATOR = re.compile(r"^-{5,}$")


@dataclass(frozen=True)
class Topic:
    """One collection: its articles, its gold timelines, and how many files were empty."""

    name: str
    articles: tuple[Article, ...]
    timelines: tuple[GoldTimeline, ...]
    empty_files: int = 0


def load(data_dir: Path) -> list[Topic]:
    """Every topic folder under ``data_dir`` (those with ``InputDocs``), by name.

    Raises:
        UsageError: ``data_dir`` holds no Timeline17 topic.
    """
    topics = [load_topic(p) for p in sorted(Path(data_dir).iterdir()) if (p / "InputDocs").is_dir()]
    if not topics:
        raise UsageError(f"no Timeline17 topics (folders with InputDocs/) under {data_dir}")
    return topics


def load_topic(folder: Path) -> Topic:
    """Read one topic folder: articles dated by their folder, and the gold timelines."""
    articles, empty = [], 0
    for day_dir in sorted((folder / "InputDocs").iterdir()):
        if not (day_dir.is_dir() and _DAY.match(day_dir.name)):
            continue
        published = date.fromisoformat(day_dir.name)
        for path in sorted(day_dir.glob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            if not text.strip():
                empty += 1
                continue
            articles.append(Article(text=text, id=f"{folder.name}/{day_dir.name}/{path.name}",
                                    source=folder.name, published=published, path=str(path)))
    return Topic(folder.name, tuple(articles), _timelines(folder), empty)


def _timelines(folder: Path) -> tuple[GoldTimeline, ...]:
    jsonl = folder / "timelines.jsonl"
    if jsonl.is_file():
        lines = jsonl.read_text(encoding="utf-8").splitlines()
        return tuple(_from_pairs(json.loads(line)) for line in lines if line.strip())
    return tuple(parse_timeline_txt(p.read_text(encoding="utf-8"))
                 for p in sorted((folder / "timelines").glob("*.txt")))


def _from_pairs(pairs: list) -> GoldTimeline:
    timeline: GoldTimeline = {}
    for day, sentences in pairs:
        key = date.fromisoformat(day[:10])
        timeline[key] = timeline.get(key, ()) + tuple(s.strip() for s in sentences if s.strip())
    return timeline


def parse_timeline_txt(text: str) -> GoldTimeline:
    """Parse the ``timelines/*.txt`` format.

    Example:
        >>> parse_timeline_txt("2010-04-20\\nRig explodes .\\n" + "-" * 32 + "\\n2010-04-22\\nRig sinks .\\n")
        {datetime.date(2010, 4, 20): ('Rig explodes .',), datetime.date(2010, 4, 22): ('Rig sinks .',)}
    """
    timeline: GoldTimeline = {}
    day: date | None = None
    for line in (raw.strip() for raw in text.splitlines()):
        if _DAY.match(line):
            day = date.fromisoformat(line)
        elif _SEPARATOR.match(line):
            day = None
        elif line and day is not None:
            timeline[day] = timeline.get(day, ()) + (line,)
    return dict(sorted(timeline.items()))
