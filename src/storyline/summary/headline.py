"""The story's headline: the article title that best represents the whole story.

``choose_headline(articles, encoder, centroid)`` cleans every title (site names after
``|`` or after a dash when they name the outlet, white space, a trailing full stop), drops
titles that are boilerplate or too short to be headlines, and returns the one whose vector
is closest to the story centroid; ties go to the earlier article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

import numpy as np

from storyline.clean.boilerplate import line_reason
from storyline.model import Article
from storyline.represent.encoder import Encoder
from storyline.text import word_count

__all__ = ["choose_headline", "clean_title"]

MIN_HEADLINE_WORDS = 3
"""Titles shorter than this ("Share", "World news") are not headlines."""

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


def choose_headline(articles: Sequence[Article], encoder: Encoder, centroid: np.ndarray) -> str:
    """The cleaned title closest to ``centroid`` (a row vector in ``encoder``'s space).

    Returns:
        The headline, or ``""`` when no article has a usable title.
    """
    titles = [clean_title(article) for article in articles]
    usable = [title for title in dict.fromkeys(titles) if _is_headline(title)]
    if not usable:
        return ""
    closeness = np.asarray(encoder.transform(usable) @ centroid.T).ravel()
    return usable[int(np.argmax(closeness))]


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
