"""What a reader would flag in a story headline: page clutter, length, a cut mid-phrase.

``headline_problems`` checks one headline the way a person reading a front page would,
with patterns written apart from the ones that make headlines (``represent.clutter``), so
that a benchmark or a test of the headlines does not grade them by their own rules.

Example:
    >>> headline_problems("14 August 2012 Last updated at 08:40 GMT Help China is prep…")
    ['dateline', 'timestamp', 'help', 'ellipsis']
    >>> headline_problems("China prepares to host an envoy from Syria")
    []
"""

from __future__ import annotations

import re

__all__ = ["MAX_WORDS", "PROBLEMS", "headline_problems"]

MAX_WORDS = 25
"""A headline longer than this many words is too long."""

PROBLEMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("dateline", re.compile(r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|"
                            r"September|October|November|December) \d{4}\b|\b(?:Mon|Tue|Wed|Thu|"
                            r"Fri|Sat|Sun)\w* ,? ?\w+ \d{1,2} ?, \d{4}")),
    ("timestamp", re.compile(r"(?i)last updated|\b\d{1,2}[:.]\d\d ?(?:GMT|BST|EST|EDT|UK time|[ap]m)\b")),
    ("help", re.compile(r"(?:^|GMT |BST )Help\b")),
    ("byline", re.compile(r"^By (?:the )?[A-Z]|\bBBC News ,")),
    ("promotion", re.compile(r"(?i)^watch \S+.* (?:at|on) \d")),
    ("photo credit", re.compile(r"(?i)\b(?:photograph|photo|picture) ?:|getty images|-LRB-|-RRB-")),
    ("agency tag", re.compile(r"\((?:Reuters|AFP|AP|CNN)\)|\b(?:Reuters|AFP|AP)\s+-|-LRB- ?(?:Reuters|AFP|AP|CNN)")),
    ("page furniture", re.compile(r"(?i)javascript|flash player|\|")),
    ("transcript", re.compile(r"^[A-Z]{2,}[A-Z ]* (?:, [A-Z][A-Z ]+ )?:|\b[A-Z]{2,}(?: [A-Z]+){3,}\b")),
    ("greeting", re.compile(r"(?i)^(?:good (?:morning|afternoon|evening)|hello|peace be (?:with|upon) you|to (?:those|all) (?:of you )?watching)\b")),
    ("leans on earlier", re.compile(r"^(?:He|She|It|They|This|These|Those|His|Her|Its|Their)\b")),
    ("ellipsis", re.compile(r"…|\.\.\.$")),
)
"""Each problem and the pattern that finds it in a headline."""


def headline_problems(headline: str) -> list[str]:
    """The problems of ``headline`` (names from ``PROBLEMS``, then ``"empty"`` or
    ``"too long"``), in that order; ``[]`` for a headline a reader would accept."""
    found = [name for name, pattern in PROBLEMS if pattern.search(headline)]
    if not headline.strip():
        found.append("empty")
    if len(re.findall(r"\w+(?:'\w+)*", headline)) > MAX_WORDS:
        found.append("too long")
    return found
