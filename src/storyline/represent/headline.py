"""A story's one headline, used by clustering, the digest and every view.

``choose_headline(articles, closeness)`` cleans every title (site names after ``|`` or
after a dash when they name the outlet, white space, a trailing full stop), drops titles
that are boilerplate or too short to be headlines, and returns the title of the article
closest to the story; ties go to the earlier article. The caller measures closeness in its
own space: the story document by title vectors against the sentence centroid, the
clusterer by article vectors against the story.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from storyline.model import Article
from storyline.text import line_reason, word_count

__all__ = ["choose_headline", "clean_title"]

MIN_HEADLINE_WORDS = 3
"""Titles shorter than this ("Share", "World news") are not headlines."""
HEADLINE_CHARS = 120
"""A headline taken from the first line of an untitled article is cut to this length."""

_SITE_SUFFIX = re.compile(r"\s+(?:\||[-–—])\s+(?P<site>[^|\-–—]{2,60})$")
_SPACE = re.compile(r"\s+")


def clean_title(article: Article) -> str:
    """The article's title without its outlet's name, extra white space or a final stop.

    Example:
        >>> clean_title(Article(text="x", title="Talks collapse in Geneva | Daily Ledger"))
        'Talks collapse in Geneva'
    """
    title = _SPACE.sub(" ", article.title).strip()
    match = _SITE_SUFFIX.search(title)
    if match and _names_outlet(match, article):
        title = title[: match.start()]
    if title.endswith(".") and not title.endswith(".."):
        title = title[:-1]
    return title


def choose_headline(articles: Sequence[Article], closeness: Sequence[float]) -> str:
    """The story's headline: the usable cleaned title of the article closest to the story.

    Args:
        articles: the story's articles.
        closeness: per article, how close it (or its title) is to the whole story.

    Returns:
        The cleaned title of the closest article that has a usable one (ties go to the
        earlier article); when none has, the first line of at least ``MIN_HEADLINE_WORDS``
        words of the closest article, cut to ``HEADLINE_CHARS``; ``""`` when there is none.

    Example:
        >>> a = Article(id="a", text="x", title="Share")
        >>> b = Article(id="b", text="x", title="Dam repairs begin | Valley Press")
        >>> choose_headline([a, b], [0.9, 0.2])
        'Dam repairs begin'
    """
    ranked = sorted(range(len(articles)), key=lambda i: (-closeness[i], i))
    for i in ranked:
        title = clean_title(articles[i])
        if _is_headline(title):
            return title
    for i in ranked:
        for line in articles[i].text.splitlines():
            line = " ".join(line.split())
            if _is_headline(line):
                return _shorten(line)
    return ""


def _shorten(line: str) -> str:
    """``line`` cut at a word boundary to at most ``HEADLINE_CHARS`` characters."""
    if len(line) <= HEADLINE_CHARS:
        return line
    return line[:HEADLINE_CHARS].rsplit(" ", 1)[0] + "…"


def _names_outlet(match: re.Match[str], article: Article) -> bool:
    """True when a title suffix is the outlet's name: after ``|``, or the source or host."""
    site = match.group("site").strip().lower()
    if "|" in match.group(0):
        return word_count(site) <= 5
    host = urlsplit(article.url).hostname or ""
    known = {article.source.strip().lower(), host.lower().removeprefix("www.")}
    return site in known - {""}


def _is_headline(title: str) -> bool:
    """True for a title that reads as a headline (enough words, not boilerplate)."""
    return word_count(title) >= MIN_HEADLINE_WORDS and line_reason(title) is None
