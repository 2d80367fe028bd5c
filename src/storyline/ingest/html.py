"""HTML pages (``.html``, ``.htm``): trafilatura finds the article in the page.

For HTML, "the text as read" is the main text trafilatura extracts (navigation, footers,
comments and scripts left out); every later offset points into that extracted text, not
into the markup. Metadata comes from the page: the title, the site name as ``source``,
the canonical URL (``<link rel=canonical>``, else ``og:url``) and the publication date
from the page's markup (meta tags, ``<time>``, JSON-LD, the URL), as a ``date``.

The page is decoded by our own rules (``storyline.ingest.decode``) and parsed to a tree
before trafilatura sees it, so trafilatura and htmldate never get a string they could
mistake for a URL to download: reading HTML never touches the network. htmldate's
"extensive" search, which guesses a date from any date-like text in the page, is off.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

from storyline.config import Config
from storyline.errors import skip
from storyline.ingest.files import Found, Source, read_text
from storyline.ingest.published import parse_published
from storyline.ingest.text import title_of
from storyline.model import Article, Skipped

__all__ = ["DATE_PARAMS", "EXTRACT_OPTIONS", "parse_html", "read_html"]

DATE_PARAMS: dict[str, Any] = {"original_date": True, "extensive_search": False}
"""htmldate options: the first-publication date, from markup only."""

EXTRACT_OPTIONS: dict[str, Any] = {
    "with_metadata": True,
    "include_comments": False,
    "include_tables": True,
    "deduplicate": False,
}
"""trafilatura options: article text plus metadata, no reader comments, no cross-page
deduplication (results must not depend on which pages were read before)."""


def _trafilatura() -> ModuleType:
    """Import trafilatura, or say what to install (lxml >= 5.2 needs lxml_html_clean)."""
    try:
        import trafilatura
    except ImportError as err:
        raise ImportError(
            f"reading .html files needs trafilatura ({err}); "
            "install it with: pip install trafilatura lxml_html_clean"
        ) from err
    return trafilatura


def read_html(source: Source, options: Config) -> Iterator[Found | Skipped]:
    """Read one HTML page.

    Args:
        source: the file, with its derived id.
        options: ``max_bytes`` limits the file size.

    Yields:
        One ``Found`` or one ``Skipped``: the file-level codes of ``read_text``, plus
        "no_html_text" (nothing extracted) and "bad_html" (the parser failed).

    Raises:
        ImportError: trafilatura cannot be imported (an installation problem).
    """
    markup = read_text(source.path, options.max_bytes)
    yield markup if isinstance(markup, Skipped) else parse_html(markup, source)


def parse_html(markup: str, source: Source) -> Found | Skipped:
    """Extract the article of one decoded HTML page (a file, or a WARC record's payload).

    Args:
        markup: the page, already decoded to text.
        source: where it came from (its ``path`` and the article ``id`` to give).

    Returns:
        ``Found`` with the article, or ``Skipped`` ("no_html_text", "bad_html").

    Raises:
        ImportError: trafilatura cannot be imported (an installation problem).
    """
    trafilatura = _trafilatura()
    try:
        document = _extract(trafilatura, markup)
    except Exception as err:  # noqa: BLE001 - a parser failure on one page must not end the run
        return skip(source.path, "bad_html", detail=f"{type(err).__name__}: {err}"[:200])
    if document is None or not (document.text or "").strip():
        return skip(source.path, "no_html_text")
    return Found(_article(document, source))


def _extract(trafilatura: ModuleType, markup: str) -> Any:
    """Parse ``markup`` and return trafilatura's ``Document``, or ``None``."""
    tree = trafilatura.load_html(markup)
    if tree is None:
        return None
    params = dict(DATE_PARAMS)
    return trafilatura.bare_extraction(tree, date_extraction_params=params, **EXTRACT_OPTIONS)


def _article(document: Any, source: Source) -> Article:
    """Build the ``Article`` from a trafilatura ``Document`` with text."""
    text = document.text
    published = parse_published(document.date) if document.date else None
    return Article(
        text=text,
        id=source.id,
        title=(document.title or "").strip() or title_of(text),
        source=(document.sitename or "").strip(),
        url=(document.url or "").strip(),
        published=published,
        path=source.path,
    )
