"""The header line of a plain-text article: "Brenfield Courier | March 4, 2025, 8:15 PM".

Saved and pasted articles often carry, near the top, a short line giving the outlet and
the publication date, or the date alone ("Wednesday, March 12, 2025"). ``read_header``
looks for the first such line among the first ``HEADER_LINES`` non-empty lines. Nothing
is taken from prose: the line is short, its date names a day, a month and a four-digit
year (dateparser, strict), and the outlet is the one other short part of the line.

Example:
    >>> read_header("Dam holds\\n\\nBrenfield Courier | March 4, 2025, 8:15 PM\\n\\nText.")
    ('Brenfield Courier', datetime.datetime(2025, 3, 4, 20, 15))
    >>> read_header("Dam holds\\n\\nWednesday, March 12, 2025\\n\\nText.")
    ('', datetime.date(2025, 3, 12))
    >>> read_header("Dam holds\\n\\nThe 1990s were dry | Water board\\n\\nText.")
    ('', None)
"""

from __future__ import annotations

import re
from datetime import date, datetime

import dateparser

from storyline.text import line_reason

__all__ = ["HEADER_LINES", "MAX_HEADER_CHARS", "read_header"]

HEADER_LINES = 6
"""Non-empty lines from the top of the file searched for a header."""
MAX_HEADER_CHARS = 90
"""A longer line is prose, not a header."""
MAX_OUTLET_WORDS = 6
"""An outlet's name is at most this many words."""

_SEPARATOR = re.compile(r"\s+[|•·]\s+|\s+[—–-]\s+")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2\d\d\d)(?![\d\w])")
_TIME = re.compile(r"\d:\d\d|\d\s*[ap]\.?m\b", re.IGNORECASE)
_SETTINGS = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
             "RETURN_AS_TIMEZONE_AWARE": False}


def read_header(text: str) -> tuple[str, date | datetime | None]:
    """The outlet (or ``""``) and publication date (or ``None``) a header line of ``text`` gives.

    The date is a ``datetime`` when the header gives a time of day, else a ``date``.
    """
    lines = (line.strip() for line in text.splitlines())
    for line in [line for line in lines if line][:HEADER_LINES]:
        if len(line) > MAX_HEADER_CHARS:
            continue
        parts = _SEPARATOR.split(line)
        dates = [(part, when) for part in parts if (when := _full_date(part)) is not None]
        if len(dates) != 1:
            continue
        others = [part for part in parts if part != dates[0][0]]
        outlet = others[0] if len(others) == 1 and _is_outlet(others[0]) else ""
        return outlet, dates[0][1]
    return "", None


def _full_date(part: str) -> date | datetime | None:
    """``part`` read as one calendar date with day, month and year, else ``None``."""
    year = _YEAR.search(part)
    if year is None:
        return None
    parsed = dateparser.parse(part, languages=["en"], settings=_SETTINGS)
    if parsed is None or parsed.year != int(year.group(1)):
        return None
    return parsed if _TIME.search(part) else parsed.date()


def _is_outlet(part: str) -> bool:
    """True when ``part`` can be an outlet's name: a few words, capitalised, not a byline."""
    words = part.split()
    return (0 < len(words) <= MAX_OUTLET_WORDS and part[0].isupper()
            and words[0].lower() != "by" and line_reason(part) is None)
