"""The polite HTTP client: one ``Fetcher`` per run; every answer is a ``Page`` or a ``Skipped``.

httpx does the HTTP; what it leaves to its caller is written here: robots.txt checked
for every hop (``storyline.ingest.fetch.robots``), a delay between two requests to one
host (the larger of ``FetchConfig.delay`` and the host's ``Crawl-delay``), retries with
exponential backoff (or the server's ``Retry-After``) on 5xx, 408, 429, timeouts and
connection errors, a byte limit enforced while the body streams in, redirects followed
one hop at a time up to a limit, content types refused before the body is read, and
conditional GET (``If-None-Match`` / ``If-Modified-Since``). Nothing here raises for a
bad answer: the caller gets a ``Skipped`` naming the URL and the reason.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Self
from urllib.parse import urljoin, urlsplit

import httpx

from storyline.config import FetchConfig
from storyline.errors import skip
from storyline.ingest.fetch.robots import Robots
from storyline.model import Skipped

__all__ = ["FEED_TYPES", "HTML_TYPES", "Fetcher", "Page"]


HTML_TYPES: tuple[str, ...] = ("text/html", "application/xhtml+xml")
"""Content types read as pages (an answer without a Content-Type is read too)."""

FEED_TYPES: tuple[str, ...] = (
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
    "text/xml", "application/feed+json", "application/json", "text/plain",
)
"""Content types read as feeds (``text/plain``: some servers send feeds so)."""

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_RETRY_AFTER_S = 60.0
"""A server's ``Retry-After`` is obeyed up to this many seconds."""


@dataclass(frozen=True)
class Page:
    """One successful answer (2xx, or 304 to a conditional GET).

    Attributes:
        url: the URL asked for; ``final_url`` the one that answered (after redirects).
        status, reason: the HTTP status line; ``headers`` the answer's headers
            (lower-case names), ``body`` its decoded-from-transfer bytes.
    """

    url: str
    final_url: str
    status: int
    reason: str
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""

    @property
    def content_type(self) -> str:
        """The media type, lower case, without parameters (``""`` when not given)."""
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str:
        """The ``charset`` parameter of the Content-Type (``""`` when not given)."""
        for part in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = part.partition("=")
            if name.strip().lower() == "charset":
                return value.strip().strip('"').lower()
        return ""


class Fetcher:
    """Fetch URLs politely; use as a context manager (it holds a connection pool).

    Args:
        config: the limits and manners (``FetchConfig()`` when omitted).
        transport: an httpx transport (tests); the network when ``None``.
        sleep, clock: how to wait and tell the time (tests replace them).
    """

    def __init__(
        self, config: FetchConfig | None = None, *, transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.config = config or FetchConfig()
        timeout = httpx.Timeout(self.config.timeout)
        self.client = httpx.Client(
            headers={"User-Agent": self.config.user_agent}, timeout=timeout,
            follow_redirects=False, transport=transport,
        )
        self.sleep, self.clock = sleep, clock
        self.robots = Robots(self._robots_text, self.config.user_agent, clock=clock)
        self.requests = 0
        self._last: dict[str, float] = {}

    def get(
        self, url: str, *, accept: tuple[str, ...] = HTML_TYPES, etag: str = "",
        modified: str = "",
    ) -> Page | Skipped:
        """Fetch ``url``, following redirects, obeying robots.txt.

        Args:
            url: an http(s) URL.
            accept: content types to read; any other is skipped (``not_html``) unread.
            etag, modified: the validators of an earlier answer (conditional GET).

        Returns:
            The ``Page`` (status 304 when unchanged since ``etag``/``modified``), or
            ``Skipped`` (codes: bad_url, robots_disallowed, robots_unavailable, http_error,
            server_error, unreachable, too_many_redirects, page_too_large, not_html).
        """
        headers = {"If-None-Match": etag} if etag else {}
        if modified:
            headers["If-Modified-Since"] = modified
        target = url
        for _ in range(self.config.max_redirects + 1):
            if urlsplit(target).scheme not in ("http", "https") or not urlsplit(target).hostname:
                return skip(url, "bad_url")
            refused = self.robots.check(target)
            if refused is not None:
                return skip(url, refused[0], host=_host(target), target=target, detail=refused[1])
            answer = self._request(url, target, headers, accept)
            if isinstance(answer, str):
                target = urljoin(target, answer)
                continue
            if isinstance(answer, Page) and answer.status != 304 and not 200 <= answer.status < 300:
                return skip(url, "http_error", status=answer.status, phrase=answer.reason)
            return answer
        return skip(url, "too_many_redirects", limit=self.config.max_redirects, target=target)

    def _request(
        self, url: str, target: str, headers: dict[str, str], accept: tuple[str, ...]
    ) -> Page | Skipped | str:
        """One hop, retried: a ``Page`` (any final status), a ``Skipped``, or the
        ``Location`` to go to next."""
        failure: Skipped | None = None
        wait = self.config.backoff
        for attempt in range(1, self.config.retries + 2):
            if failure is not None:
                self.sleep(wait)
                wait *= 2
            try:
                answer = self._once(url, target, headers, accept)
            except httpx.TransportError as error:
                detail = f"{type(error).__name__}: {error}".rstrip(": ")[:200]
                failure = skip(url, "unreachable", tries=attempt, detail=detail)
                continue
            if isinstance(answer, Page) and answer.status in RETRY_STATUSES:
                failure = skip(url, "server_error", status=answer.status, phrase=answer.reason,
                               tries=attempt)
                after = answer.headers.get("retry-after", "").strip()
                wait = min(float(after), MAX_RETRY_AFTER_S) if after.isdigit() else wait
                continue
            return answer
        assert failure is not None
        return failure

    def _once(
        self, url: str, target: str, headers: dict[str, str], accept: tuple[str, ...]
    ) -> Page | Skipped | str:
        self._wait_turn(target)
        self.requests += 1
        with self.client.stream("GET", target, headers=headers) as response:
            status = response.status_code
            location = response.headers.get("location")
            if status in REDIRECT_STATUSES and location:
                return location
            page = Page(url, str(response.url), status, response.reason_phrase,
                        {k.lower(): v for k, v in response.headers.items()})
            if not 200 <= status < 300:
                return page
            if page.content_type and not page.content_type.startswith(accept):
                return skip(url, "not_html", kind=page.content_type)
            body = self._body(response)
        if body is None:
            return skip(url, "page_too_large", limit=self.config.max_bytes)
        return Page(page.url, page.final_url, status, page.reason, page.headers, body)

    def _body(self, response: httpx.Response) -> bytes | None:
        """The body, or ``None`` when it is over the byte limit; raises ``ReadTimeout``
        when the whole body takes longer than the timeout."""
        limit = self.config.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            return None
        deadline = self.clock() + self.config.timeout
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > limit:
                return None
            if self.clock() > deadline:
                raise httpx.ReadTimeout(f"the body took over {self.config.timeout:g} s")
        return bytes(body)

    def _wait_turn(self, url: str) -> None:
        """Sleep until this host may be asked again, then note the time."""
        host = _host(url)
        delay = max(self.config.delay, self.robots.crawl_delay(host))
        last = self._last.get(host)
        if last is not None:
            wait = last + delay - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last[host] = self.clock()

    def _robots_text(self, robots_url: str) -> tuple[int, str]:
        """``(status, text)`` of a robots.txt, redirects followed (too many: 404, which
        RFC 9309 reads as "no rules"); raises ``OSError`` when no answer came."""
        target = robots_url
        for _ in range(self.config.max_redirects + 1):
            answer = self._request(robots_url, target, {}, ("text/",))
            if not isinstance(answer, str):
                break
            target = urljoin(target, answer)
        else:
            return 404, ""
        if isinstance(answer, Page):
            return answer.status, answer.body.decode("utf-8", errors="replace")
        if answer.code == "server_error":
            return 503, ""
        if answer.code in ("not_html", "page_too_large"):  # not a plain-text robots.txt
            return 404, ""
        raise OSError(answer.reason)

    def close(self) -> None:
        """Close the connections."""
        self.client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def _host(url: str) -> str:
    """``host[:port]`` of ``url``, lower case: the unit of politeness."""
    return urlsplit(url).netloc.lower()

