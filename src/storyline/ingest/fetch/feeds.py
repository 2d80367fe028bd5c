"""Feeds to the pages they list: RSS 0.9x/1.0/2.0 and Atom (feedparser), JSON Feed (json).

A feed gives, per item, the link to its page, its title and its date; the page itself
is fetched and read later (``storyline.ingest.fetch.poll``). feedparser is given the
bytes already fetched, never a URL, so reading a feed never touches the network.

Example:
    >>> feed = read_feed("https://example.org/feed.json", b'{"version": '
    ...     b'"https://jsonfeed.org/version/1.1", "title": "Example", "items": '
    ...     b'[{"id": "1", "url": "/a", "title": "A", "date_published": "2024-05-01T08:00:00Z"}]}')
    >>> feed.items[0].url, feed.items[0].published.isoformat()
    ('https://example.org/a', '2024-05-01T08:00:00+00:00')
"""

from __future__ import annotations

import json
from calendar import timegm
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from storyline.errors import skip
from storyline.ingest.published import parse_published
from storyline.model import Skipped

__all__ = ["Feed", "FeedItem", "looks_like_feed", "read_feed"]

JSON_FEED = "https://jsonfeed.org/version/"
FEED_STARTS: tuple[bytes, ...] = (b"<?xml", b"<rss", b"<feed", b"<rdf:rdf")


@dataclass(frozen=True)
class FeedItem:
    """One item of a feed: its page's URL, and the title and date the feed gives it."""

    url: str
    title: str = ""
    published: date | datetime | None = None


@dataclass(frozen=True)
class Feed:
    """A feed read: its title (the outlet, when a page names none), its items and what
    could not be used of them."""

    url: str
    title: str
    items: tuple[FeedItem, ...]
    skipped: tuple[Skipped, ...] = ()


def looks_like_feed(content_type: str, body: bytes) -> bool:
    """True when an answer is a feed rather than a page: by its content type, else by
    how its body starts (an XML feed root, or a JSON object)."""
    if content_type in ("application/rss+xml", "application/atom+xml", "application/feed+json"):
        return True
    if content_type in ("text/html", "application/xhtml+xml"):
        return False
    start = body[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((*FEED_STARTS, b"{")) and b"<html" not in start


def read_feed(url: str, body: bytes) -> Feed | Skipped:
    """Read the feed fetched from ``url``.

    Returns:
        The ``Feed`` (relative item links resolved against ``url``), or ``Skipped``
        ("bad_feed") when ``body`` is neither a JSON Feed nor an RSS/Atom feed with items.
    """
    if body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return _json_feed(url, body)
    return _xml_feed(url, body)


def _json_feed(url: str, body: bytes) -> Feed | Skipped:
    try:
        data = json.loads(body)
    except ValueError as error:
        return skip(url, "bad_feed", detail=f"bad JSON: {error}"[:200])
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith(JSON_FEED):
        return skip(url, "bad_feed", detail="JSON without a jsonfeed.org 'version'")
    items = data.get("items")
    if not isinstance(items, list):
        return skip(url, "bad_feed", detail="a JSON Feed needs an 'items' list")
    found: list[FeedItem] = []
    skipped: list[Skipped] = []
    for index, item in enumerate(items, start=1):
        item = item if isinstance(item, dict) else {}
        link = _link(url, item.get("url") or item.get("external_url"))
        if link is None:
            skipped.append(skip(url, "no_link", index=index))
            continue
        published = parse_published(str(item.get("date_published") or ""))
        found.append(FeedItem(link, str(item.get("title") or "").strip(), published))
    return Feed(url, str(data.get("title") or "").strip(), tuple(found), tuple(skipped))


def _xml_feed(url: str, body: bytes) -> Feed | Skipped:
    import feedparser

    parsed = feedparser.parse(body, response_headers={"content-location": url})
    if not parsed.entries:
        problem = parsed.get("bozo_exception") if parsed.bozo else None
        detail = f"{type(problem).__name__}: {problem}" if problem else "no items"
        if not parsed.version and not problem:
            detail = "no RSS or Atom root element"
        return skip(url, "bad_feed", detail=detail[:200])
    found: list[FeedItem] = []
    skipped: list[Skipped] = []
    for index, entry in enumerate(parsed.entries, start=1):
        link = _link(url, entry.get("link"))
        if link is None:
            skipped.append(skip(url, "no_link", index=index))
            continue
        found.append(FeedItem(link, str(entry.get("title") or "").strip(), _entry_date(entry)))
    title = str(parsed.feed.get("title") or "").strip()
    return Feed(url, title, tuple(found), tuple(skipped))


def _entry_date(entry: Any) -> datetime | None:
    """The item's publication (else update) time, in UTC, as feedparser normalised it."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime.fromtimestamp(timegm(parsed), UTC) if parsed else None


def _link(base: str, value: object) -> str | None:
    """``value`` as an absolute http(s) URL (relative to ``base``), or ``None``."""
    if not isinstance(value, str) or not value.strip():
        return None
    link = urljoin(base, value.strip())
    return link if urlsplit(link).scheme in ("http", "https") else None
