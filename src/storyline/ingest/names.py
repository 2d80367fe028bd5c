"""What an article is called wherever it is shown or stored: its outlet and its title.

The store files each article under its outlet name and every view (text, Markdown, HTML,
the web app) shows the same names, so both take them from here, below both in the flow.

Example:
    >>> from storyline.model import Article
    >>> outlet_name(Article("Text.", id="a", title="Dam\\ncrack", source=""))
    'Dam crack'
"""

from __future__ import annotations

import re
from pathlib import PurePath

from storyline.model import Article

__all__ = ["clean_display", "display_title", "outlet_name"]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def outlet_name(article: Article) -> str:
    """The outlet shown for ``article``: its source, else its title, else its display title."""
    return clean_display(article.source) or clean_display(article.title) or display_title(article)


def display_title(article: Article) -> str:
    """The article's title, else its file name, else its id."""
    return clean_display(article.title) or PurePath(article.path).name or article.id


def clean_display(text: str) -> str:
    """``text`` on one line: whitespace runs collapsed, control characters removed."""
    return " ".join(_CONTROL.sub("", text).split())
