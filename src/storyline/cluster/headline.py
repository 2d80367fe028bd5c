"""A story's headline as clustering gives it: the best title among its articles.

``headline_of`` picks, among the story's articles, the cleaned title closest to the story
(titles of fewer than ``MIN_HEADLINE_WORDS`` words are passed over), else the first usable
line of an untitled article. Used by batch clustering and the online tracker alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from storyline.model import Article
from storyline.summary.headline import clean_title
from storyline.text import word_count

__all__ = ["HEADLINE_CHARS", "MIN_HEADLINE_WORDS", "headline_of"]


MIN_HEADLINE_WORDS = 3
"""A title or first line shorter than this is not used as a headline."""
HEADLINE_CHARS = 120
"""A headline taken from the first line of an untitled article is cut to this length."""


def headline_of(articles: Sequence[Article], scores: Sequence[float]) -> str:
    """The cleaned title with the highest score, else the first line of the first article.

    Args:
        articles: the story's articles; ``scores`` one closeness to the story per article.

    Returns:
        A headline taken from the articles (``""`` when none has a usable line).
    """
    ranked = sorted(range(len(articles)), key=lambda i: (-scores[i], i))
    for i in ranked:
        title = clean_title(articles[i])
        if word_count(title) >= MIN_HEADLINE_WORDS:
            return title
    for article in articles:
        for line in article.text.splitlines():
            line = " ".join(line.split())
            if word_count(line) >= MIN_HEADLINE_WORDS:
                return _shorten(line)
    return ""


def _shorten(line: str) -> str:
    if len(line) <= HEADLINE_CHARS:
        return line
    cut = line[:HEADLINE_CHARS].rsplit(" ", 1)[0]
    return cut + "…"
