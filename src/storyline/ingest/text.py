"""Plain-text articles (``.txt``): the whole file is the article.

``Article.text`` is the decoded file exactly (see ``storyline.ingest.decode``); the title
is the first non-empty line that is not boilerplate (a lone "Share" or "Advertisement"
line is skipped, using ``storyline.text.line_reason``). ``source`` and
``published`` come from a header line near the top when the file has one ("Brenfield
Courier | March 4, 2025": ``storyline.ingest.header``); otherwise, like ``url``, they stay
empty: nothing is invented.

Example:
    >>> title_of("Share\\n\\nSpokesman: UN to resume aid\\n\\nBody.")
    'Spokesman: UN to resume aid'
"""

from __future__ import annotations

from collections.abc import Iterator

from storyline.config import Config
from storyline.ingest.files import Found, Source, read_text
from storyline.ingest.header import read_header
from storyline.model import Article, Skipped
from storyline.text import line_reason

__all__ = ["read_txt", "title_of"]


def title_of(text: str) -> str:
    """Return the first non-empty, non-boilerplate line of ``text``, stripped, or ``""``."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and line_reason(stripped) is None:
            return stripped
    return ""


def read_txt(source: Source, options: Config) -> Iterator[Found | Skipped]:
    """Read one ``.txt`` file.

    Args:
        source: the file, with its derived id.
        options: ``max_bytes`` limits the file size.

    Yields:
        One ``Found`` (the article) or one ``Skipped`` ("unreadable", "too_large",
        "empty", "binary").
    """
    text = read_text(source.path, options.max_bytes)
    if isinstance(text, Skipped):
        yield text
        return
    outlet, published = read_header(text)
    yield Found(Article(text=text, id=source.id, title=title_of(text), source=outlet,
                        published=published, path=source.path))
