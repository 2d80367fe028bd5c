"""What an article is called wherever it is shown, stored or counted: its outlet and its title.

An article's outlet is its ``source`` (white space tidied); else the host of its URL,
``www.`` dropped; else unknown, shown as ``UNKNOWN_OUTLET``. It is never the title: a
title names the article, not who published it. ``outlet_key`` tells outlets apart when
they are counted or compared (an unknown outlet counts as the article's own).

It lives in ``ingest`` because where an article comes from is what reading it tells us
(the source line of a text file, the ``source`` of a JSONL record, the page's URL), and
``ingest`` is the lowest stage: compare, render, store and web all sit above it, while
``model.py`` stays plain data with no logic.

Example:
    >>> outlet_name(Article("x", id="a", url="https://www.herald.example/a/b"))
    'herald.example'
    >>> outlet_name(Article("x", id="a")), outlet_key(Article("x", id="a"))
    ('unknown outlet', 'a')
"""

from __future__ import annotations

import re
from pathlib import PurePath
from urllib.parse import urlsplit

from storyline.model import Article

__all__ = [
    "UNKNOWN_OUTLET", "clean_display", "display_title", "outlet_key", "outlet_name", "outlets_phrase",
]

UNKNOWN_OUTLET = "unknown outlet"
"""The outlet shown for an article with neither a source nor a URL."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def outlet_name(article: Article) -> str:
    """The outlet shown for ``article``: its source, else its URL's host without ``www.``,
    else ``UNKNOWN_OUTLET``."""
    return clean_display(_known_outlet(article)) or UNKNOWN_OUTLET


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


def outlets_phrase(articles: int, outlets: int, unknown: int) -> str:
    """How many ``articles`` from how many known ``outlets``, saying how many articles
    (``unknown``) are of unknown outlet instead of counting them as outlets.

    Example:
        >>> outlets_phrase(5, 0, 5), outlets_phrase(3, 2, 1), outlets_phrase(1, 1, 0)
        ('5 articles, outlet unknown', '3 articles from 2 outlets and 1 of unknown outlet', '1 article from 1 outlet')
    """
    counted = f"{articles} article{'s' * (articles != 1)}"
    if outlets == 0 and articles:
        return f"{counted}, outlet unknown"
    line = f"{counted} from {outlets} outlet{'s' * (outlets != 1)}"
    return f"{line} and {unknown} of unknown outlet" if unknown else line


def display_title(article: Article) -> str:
    """The article's title, else its file name, else its id."""
    return clean_display(article.title) or PurePath(article.path).name or article.id


def clean_display(text: str) -> str:
    """``text`` on one line: whitespace runs collapsed, control characters removed."""
    return " ".join(_CONTROL.sub("", text).split())
