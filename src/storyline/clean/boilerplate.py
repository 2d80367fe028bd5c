"""What boilerplate looks like in scraped news text: named patterns and one classifier.

Input is one line or sentence of an article; output is the reason it is boilerplate, or
``None`` when it may be article prose. trafilatura removes boilerplate from HTML by its
tree; plain text and JSONL have no tree, so these line patterns are ours. Each pattern
must match the whole stripped line (case-insensitive), so prose that merely mentions a
word like "share" or "copyright" is never dropped.
"""

from __future__ import annotations

import re

__all__ = ["LINE_PATTERNS", "line_reason"]

_SHARE_WORD = (
    r"(?:share(?:\s+(?:this|on\s+\w+))?(?:\s+(?:article|story|page|post))?|tweet|email|e-mail"
    r"|print|pin(?:\s+it)?|whatsapp|facebook|twitter|linkedin|reddit|messenger|copy\s+link"
    r"|save|\d+\s+shares?)"
)

_CASED = ("photo credit", "byline")
"""Patterns that rely on capital letters (names); all others ignore case."""

LINE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, 0 if reason in _CASED else re.IGNORECASE))
    for reason, pattern in (
        ("share buttons", rf"{_SHARE_WORD}(?:\s*[|/·•,:]?\s*{_SHARE_WORD})*:?"),
        ("advertisement", r"(?:advertisement|advertising|sponsored(?:\s+content)?|ad|"
                          r"story continues below(?: this)? advertisement)"),
        ("comment prompt", r"(?:leave\s+a\s+(?:reply|comment)|comments?|\d+\s+comments?|"
                           r"post\s+a\s+comment|join\s+the\s+(?:conversation|discussion)|"
                           r"do you like the content of this article\??|"
                           r"you must be logged in to post a comment\.?|"
                           r"this site uses akismet to reduce spam\..*|"
                           r"cancel reply|reply|view comments?)"),
        ("subscription prompt", r"(?:subscribe(?:\s+(?:now|today|here))?.{0,60}|"
                                r"sign\s+up\s+(?:for|to)\s+.{0,60}newsletter.{0,40}|"
                                r"already\s+a\s+subscriber\??.{0,30}|"
                                r"get\s+the\s+latest\s+.{0,60}\s+in\s+your\s+inbox\.?|"
                                r"(?:log|sign)\s+in\s+to\s+continue\s+reading\.?)"),
        ("related links", r"(?:related(?:\s+(?:video|videos|articles?|stories|story|"
                          r"coverage|content|topics))?|read\s+more|more\s+on\s+this\s+story|"
                          r"watch|most\s+read|recommended(?:\s+for\s+you)?|"
                          r"you\s+may\s+also\s+like|trending(?:\s+now)?)\s*:?"),
        ("read-more link", r"(?:show\s+full\s+article|continue\s+reading(?:\s+the\s+main"
                           r"\s+story)?|read\s+the\s+full\s+(?:story|article)|"
                           r"click\s+here\s+to\s+.{0,60}|skip\s+to\s+(?:main\s+)?content)\.?"),
        ("copyright line", r"(?:copyright|©|\(c\)).{0,200}|.{0,120}all\s+rights\s+reserved\..*|"
                           r"this\s+material\s+may\s+not\s+be\s+published.{0,80}"),
        ("photo credit", r".{0,400}(?:\|\s*(?i:image|photo|picture|video|credit)s?\s*:|"
                         r"\b(?i:photo|image|picture)\s+(?i:credit|copyright|caption)\s*:?|"
                         r"\((?:AP|AFP|Reuters|Getty)?\s*Photo\s*/[^)]{1,60}\)|"
                         r"\([A-Z][\w .&-]{1,40}/[A-Z][\w .'-]{1,40}\))\s*"
                         r"(?:[A-Z][\w .'/-]{0,60})?"),
        ("byline", r"(?:(?i:by)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}"
                   r"(?:\s*(?:,|and|&)\s*[A-Z][\w'-]+(?:\s+[A-Z][\w.'-]+){0,4}){0,3}|"
                   r".{0,120}\b(?i:contributed\s+to\s+this\s+report)\.?|"
                   r"\(?(?i:reporting|writing|editing|additional\s+reporting)\s+(?i:by)\s+.{0,120}\)?|"
                   r"[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3},\s+(?i:staff|senior|chief)?\s*"
                   r"(?i:reporter|writer|correspondent|editor)\.?)"),
        ("timestamp line", r"(?:posted|published|updated|last\s+updated)\s*(?:on|at)?\s*:?"
                           r"\s*[\w ,:./+-]{0,60}"),
    )
)


def line_reason(line: str) -> str | None:
    """Return why ``line`` is boilerplate, or ``None`` when it may be prose.

    Example:
        >>> line_reason("Advertisement")
        'advertisement'
        >>> line_reason("The talks were suspended on Monday.") is None
        True
    """
    stripped = line.strip()
    if not stripped:
        return None
    for reason, pattern in LINE_PATTERNS:
        if pattern.fullmatch(stripped):
            return reason
    return None
