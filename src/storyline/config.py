"""The run's configuration, built once at the entry point (CLI or API) and passed down frozen."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.errors import UsageError

__all__ = [
    "DEFAULT_DATES", "DEFAULT_MAX_BYTES", "DEFAULT_PER_DATE", "DEFAULT_WORDS", "ClusterConfig", "Config",
]

DEFAULT_WORDS = 120
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_DATES = 8
"""Dates on a story's timeline."""
DEFAULT_PER_DATE = 1
"""Sentences per timeline date."""


@dataclass(frozen=True)
class Config:
    """What a run may be told.

    Args:
        words: word budget of the summary.
        max_bytes: inputs larger than this (a file, or one JSONL line) are skipped.
        dates: how many dates the timeline shows.
        per_date: how many sentences the timeline shows for each date.

    Raises:
        UsageError: a value is out of range.
    """

    words: int = DEFAULT_WORDS
    max_bytes: int = DEFAULT_MAX_BYTES
    dates: int = DEFAULT_DATES
    per_date: int = DEFAULT_PER_DATE

    def __post_init__(self) -> None:
        if self.words < 1:
            raise UsageError(f"--words must be at least 1, got {self.words}")
        if self.max_bytes < 1:
            raise UsageError(f"--max-bytes must be at least 1, got {self.max_bytes}")
        if self.dates < 1:
            raise UsageError(f"--dates must be at least 1, got {self.dates}")
        if self.per_date < 1:
            raise UsageError(f"--per-date must be at least 1, got {self.per_date}")


@dataclass(frozen=True)
class ClusterConfig:
    """How articles are grouped, in batch and online.

    Args:
        story_threshold: (batch) least average similarity of the articles of a story,
            weighted with IDF local to their storyline.
        online_story_threshold: (online) least similarity of an article to a story centroid.
        storyline_threshold: (batch) least average similarity of the articles of a storyline.
        online_storyline_threshold: (online) least similarity of a new story to a
            storyline centroid.
        name_weight: share of the similarity given to names and numbers in stories (0..1).
        storyline_name_weight: the same share in storylines, which are about topics more
            than about names.
        story_days: articles this many days apart start losing story similarity.
        storyline_days: stories this many days apart start losing storyline similarity.
        merge_threshold: (online) two stories this similar are merged into one.
        window_days: (online) a story idle this many days is closed and leaves the index.
        line_window_days: (online) a storyline idle this many days is closed likewise.
        max_active: (online) most stories (and storylines) kept in the index; the
            longest idle are closed first, so memory stays flat on any stream.

    Raises:
        UsageError: a value is out of range.
    """

    story_threshold: float = 0.04
    online_story_threshold: float = 0.14
    storyline_threshold: float = 0.055
    online_storyline_threshold: float = 0.14
    name_weight: float = 0.5
    storyline_name_weight: float = 0.35
    story_days: float = 3.0
    storyline_days: float = 120.0
    merge_threshold: float = 0.7
    window_days: float = 14.0
    line_window_days: float = 120.0
    max_active: int = 1000

    def __post_init__(self) -> None:
        for name in ("story_threshold", "online_story_threshold", "storyline_threshold",
                     "online_storyline_threshold", "name_weight", "storyline_name_weight",
                     "merge_threshold"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise UsageError(f"{name} must be between 0 and 1, got {getattr(self, name)}")
        for name in ("story_days", "storyline_days", "window_days", "line_window_days"):
            if getattr(self, name) <= 0:
                raise UsageError(f"{name} must be above 0, got {getattr(self, name)}")
        if self.max_active < 1:
            raise UsageError(f"max_active must be at least 1, got {self.max_active}")
