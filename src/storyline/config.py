"""Options for a run, built once at the entry point (CLI or API) and passed down frozen."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.errors import UsageError

__all__ = ["DEFAULT_DATES", "DEFAULT_MAX_BYTES", "DEFAULT_PER_DATE", "DEFAULT_WORDS", "Options"]

DEFAULT_WORDS = 120
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_DATES = 8
"""Dates on a story's timeline."""
DEFAULT_PER_DATE = 1
"""Sentences per timeline date."""


@dataclass(frozen=True)
class Options:
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
