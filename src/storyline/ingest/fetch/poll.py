"""One poll of the sources a user follows: feeds and pages in, fetched pages and articles out.

``poll`` asks each source once: a source already stored as a page is not fetched; a
feed is fetched with its saved validators (a 304 answer means nothing new), and each
item whose page is neither stored nor settled is fetched. ``read_pages`` then reads
every fetched page with our HTML reader (``storyline.ingest.html``): the outlet, date and
canonical URL come from the page, the feed's title and date stand in when the page
has none (no ``<title>``, ``og:title`` or ``<h1>``; no date in its markup). Article ids come from the article's URL: ``<host>-<12 hex digits>``, so the
same page always gets the same id.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from storyline.ingest.decode import decode
from storyline.ingest.fetch.archive import Archive, WatchState
from storyline.ingest.fetch.client import FEED_TYPES, HTML_TYPES, Fetcher, Page
from storyline.ingest.fetch.feeds import FeedItem, looks_like_feed, read_feed
from storyline.ingest.files import Source
from storyline.ingest.html import parse_html
from storyline.model import Article, Skipped

__all__ = ["PERMANENT", "Fetched", "Known", "PollResult", "page_id", "poll", "read_pages"]

PAGE_TITLE = re.compile(rb"<title[^>]*>\s*[^<\s]|og:title|<h1[\s>]", re.IGNORECASE)
"""A page names its own title (trafilatura reads it from these); else the feed's is used."""

PERMANENT = frozenset({
    "bad_url", "http_error", "not_html", "page_too_large", "robots_disallowed", "too_many_redirects",
})
"""Skip codes of a page that will not change by asking again soon: it is settled (reported
once, not fetched again). Other failures (no answer, 5xx, robots.txt unavailable) are
transient: the feed's validators are not saved, so the next poll asks for it again."""

Known = Callable[[Sequence[str]], set[str]]
"""``urls -> the ones already stored`` (as an article's URL or the URL it was fetched from)."""


@dataclass(frozen=True)
class Fetched:
    """A page fetched, with the feed item that linked to it and the feed's title."""

    page: Page
    item: FeedItem | None = None
    feed_title: str = ""


@dataclass
class PollResult:
    """What one poll fetched: the pages, what was skipped (one per URL), the page URLs that
    failed for good (to settle), and the new validators of the feeds whose every item was
    had (to save once the pages' articles are stored)."""

    pages: list[Fetched] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)
    feeds: dict[str, dict[str, str]] = field(default_factory=dict)
    unchanged: int = 0


def poll(
    sources: Sequence[str], fetcher: Fetcher, *, known: Known, state: WatchState | None = None,
    archive: Archive | None = None,
) -> PollResult:
    """Fetch what is new at each of ``sources`` (feed or page URLs), in order.

    Args:
        sources: feed or page URLs.
        fetcher: the client (robots.txt, delays, retries, limits).
        known: which URLs the store already holds.
        state: the feeds' saved validators and the settled pages (read, not changed);
            none: every feed is asked for in full.
        archive: where every answer fetched is appended (a WARC), when given.

    Returns:
        A ``PollResult``; nothing raises for a bad source or page.
    """
    result = PollResult()
    state = state or WatchState(Path())
    stored = known(list(sources))
    asked: set[str] = set()
    for source in dict.fromkeys(sources):
        if source in stored or source in state.settled:
            continue
        saved = state.feeds.get(source, {})
        answer = fetcher.get(source, accept=HTML_TYPES + FEED_TYPES,
                             etag=saved.get("etag", ""), modified=saved.get("modified", ""))
        if isinstance(answer, Skipped):
            result.skipped.append(answer)
        elif answer.status == 304:
            result.unchanged += 1
        else:
            _keep(archive, answer)
            if looks_like_feed(answer.content_type, answer.body):
                _follow(answer, fetcher, known, state, archive, result, asked)
            else:
                result.pages.append(Fetched(answer))
    return result


def _follow(
    answer: Page, fetcher: Fetcher, known: Known, state: WatchState, archive: Archive | None,
    result: PollResult, asked: set[str],
) -> None:
    """Read the feed in ``answer`` and fetch its new items' pages into ``result``."""
    feed = read_feed(answer.url, answer.body)
    if isinstance(feed, Skipped):
        result.skipped.append(feed)
        return
    result.skipped.extend(feed.skipped)
    stored = known([item.url for item in feed.items])
    complete = True
    for item in feed.items:
        if item.url in stored or item.url in state.settled or item.url in asked:
            continue
        asked.add(item.url)
        page = fetcher.get(item.url)
        if isinstance(page, Skipped):
            result.skipped.append(page)
            if page.code in PERMANENT:
                result.failed.add(item.url)
            complete = complete and page.code in PERMANENT
            continue
        _keep(archive, page)
        result.pages.append(Fetched(page, item, feed.title))
    if complete:
        result.feeds[answer.url] = _validators(answer)


def _validators(page: Page) -> dict[str, str]:
    found = {"etag": page.headers.get("etag", ""), "modified": page.headers.get("last-modified", "")}
    return {name: value for name, value in found.items() if value}


def _keep(archive: Archive | None, page: Page) -> None:
    if archive is not None:
        archive.add(page)


def read_pages(fetched: Sequence[Fetched]) -> tuple[list[Article], list[Skipped]]:
    """Read each fetched page into an ``Article``, oldest first (undated ones last).

    Returns:
        ``(articles, skipped)``: skip codes those of ``parse_html`` (no_html_text, bad_html).

    Raises:
        ImportError: trafilatura cannot be imported (an installation problem).
    """
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in fetched:
        read = page_article(item)
        (skipped if isinstance(read, Skipped) else articles).append(read)
    articles.sort(key=_when)
    return articles, skipped


def page_article(fetched: Fetched) -> Article | Skipped:
    """The article of one fetched page; its ``path`` is the URL it was fetched from."""
    page, item = fetched.page, fetched.item
    found = parse_html(page_text(page), Source(page.url, page_id(page.final_url), ".html"))
    if isinstance(found, Skipped):
        return found
    article = found.article
    url = article.url if urlsplit(article.url).scheme in ("http", "https") else page.final_url
    title = article.title
    if item is not None and item.title and not PAGE_TITLE.search(page.body[:65536]):
        title = item.title  # the page has no title of its own
    return replace(
        article, id=page_id(url), url=url, title=title, path=page.url,
        source=article.source or fetched.feed_title,
        published=article.published or (item.published if item else None),
    )


def page_text(page: Page) -> str:
    """The page's text: decoded by its declared charset, else by our own rules."""
    if page.charset:
        try:
            return page.body.decode(codecs.lookup(page.charset).name, errors="replace")
        except LookupError:
            pass
    return decode(page.body)


def page_id(url: str) -> str:
    """The article id of the page at ``url``.

    Example:
        >>> page_id("https://news.example.org/2024/flood")
        'news.example.org-948cb9b19c9e'
    """
    host = (urlsplit(url).hostname or "page").lower()
    return f"{host}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:12]}"


def _when(article: Article) -> tuple[bool, datetime]:
    """Sort key: dated articles by time (UTC), then undated ones."""
    value = article.published
    if value is None:
        return True, datetime.min
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day) if isinstance(value, date) else value
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return False, value
