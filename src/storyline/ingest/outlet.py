"""The outlet an article comes from, defined once for every stage that shows or counts outlets.

An article's outlet is its ``source`` (white space tidied); else the host of its URL,
``www.`` dropped; else unknown, shown as ``UNKNOWN_OUTLET``. It is never the title: a
title names the article, not who published it.

It lives in ``ingest`` because where an article comes from is what reading it tells us
(the source line of a text file, the ``source`` of a JSONL record, the page's URL), and
``ingest`` is the lowest stage: compare, render, store and web all sit above it and may
import it, while ``model.py`` stays plain data with no logic.

Example:
    >>> outlet_name(Article("x", id="a", url="https://www.herald.example/a/b"))
    'herald.example'
    >>> outlet_name(Article("x", id="a")), outlet_key(Article("x", id="a"))
    ('unknown outlet', 'a')
"""

from __future__ import annotations

from urllib.parse import urlsplit

from storyline.model import Article

__all__ = ["UNKNOWN_OUTLET", "outlet_key", "outlet_name"]

UNKNOWN_OUTLET = "unknown outlet"
"""The outlet shown for an article with neither a source nor a URL."""


def outlet_name(article: Article) -> str:
    """The outlet shown for ``article``: its source, else its URL's host without ``www.``,
    else ``UNKNOWN_OUTLET``."""
    return _known_outlet(article) or UNKNOWN_OUTLET


def outlet_key(article: Article) -> str:
    """What tells ``article``'s outlet from others when outlets are counted or compared:
    ``outlet_name``, but the article id when the outlet is unknown, so that two articles
    of unknown outlets never count as one outlet (nor their texts as one outlet's)."""
    return _known_outlet(article) or article.id


def _known_outlet(article: Article) -> str:
    """The source, else the URL's host without ``www.``, else ``""``."""
    if article.source.strip():
        return " ".join(article.source.split())
    host = (urlsplit(article.url).hostname or "") if article.url else ""
    return host.removeprefix("www.")
