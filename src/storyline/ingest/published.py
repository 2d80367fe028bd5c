"""Publication dates given by an input (a JSONL field, an HTML page's metadata).

Only ISO 8601 is accepted here: a date (``2016-09-16``) becomes a ``date``; a date with a
time (``2016-09-16T14:30``, ``2016-09-16 14:30:00+02:00``, ``2016-09-16T14:30:00Z``)
becomes a ``datetime``, timezone-aware when the text names one. Free-text dates inside an
article ("last Friday") are the timeline's job, not the reader's.

Example:
    >>> parse_published("2016-09-16")
    datetime.date(2016, 9, 16)
    >>> parse_published("2016-09-16T14:30:00Z").tzinfo
    datetime.timezone.utc
    >>> parse_published("Sept. 21 2016") is None
    True
"""

from __future__ import annotations

from datetime import date, datetime

__all__ = ["ISO_DATE_LENGTH", "parse_published"]

ISO_DATE_LENGTH = len("2016-09-16")
"""Length of a calendar date in ISO form; longer values must carry a time."""


def parse_published(value: str) -> date | datetime | None:
    """Parse an ISO date or datetime.

    Args:
        value: the text, surrounding whitespace allowed.

    Returns:
        A ``date`` for a bare date, a ``datetime`` for a date with a time, or ``None``
        when ``value`` is not ISO 8601 (the caller decides whether that is an error).
    """
    text = value.strip()
    try:
        if len(text) == ISO_DATE_LENGTH:
            return date.fromisoformat(text)
        if len(text) > ISO_DATE_LENGTH:
            return datetime.fromisoformat(text)
    except ValueError:
        return None
    return None
