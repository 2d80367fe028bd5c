"""A small news site on 127.0.0.1 for the live-source tests: feeds, pages and bad answers.

Everything here is fictional and written for these tests (the town of Harrowmere, its
bridge and ferry). ``LoopbackSite`` serves it from a threaded ``http.server`` and counts
the requests each path gets; ``start_site`` runs one for a test and stops it afterwards
(a watchdog stops it anyway after ``WATCHDOG_S``).
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

__all__ = ["PAGES", "LoopbackSite", "start_site"]

WATCHDOG_S = 120.0
SLOW_S = 1.5
"""How long the slow page waits before answering (tests use a timeout well below it)."""
HUGE_BYTES = 300_000

STORIES: dict[str, tuple[str, str, str]] = {
    "bridge-closed": ("Harrowmere bridge closed after cracks found", "2024-03-02T07:15:00Z",
        "The Lent Street bridge in Harrowmere was closed to all traffic on Sunday after "
        "inspectors found cracks in two of its steel supports. The county engineer, Mira "
        "Oduya, said the bridge would stay shut until a full survey was finished. Buses "
        "between the harbour and the old town now take a detour of about four kilometres. "
        "Shop owners on Lent Street said the closure came without warning."),
    "ferry-extra": ("Ferry adds crossings while bridge is shut", "",
        "The Harrowmere ferry will run twelve extra crossings a day while the Lent Street "
        "bridge is closed, the ferry company said on Monday. Tickets for residents will be "
        "free until the bridge reopens. The company said it had borrowed a second boat from "
        "the island service at Kelder Point. Queues at the harbour landing stretched past "
        "the fish market on Monday morning."),
    "council-vote": ("Council votes money for bridge repairs", "2024-03-04T18:30:00Z",
        "Harrowmere town council voted on Tuesday to spend 2.4 million crowns on repairing "
        "the Lent Street bridge. Councillor Tomas Brede said the work could start within a "
        "month if the survey found no further damage. Two councillors voted against, saying "
        "the town should build a new bridge instead. The repairs are expected to take about "
        "ten weeks."),
    "repair-plan": ("Engineers publish bridge repair plan", "2024-03-06T09:00:00Z",
        "Engineers published a plan on Thursday to replace the two cracked supports of the "
        "Lent Street bridge in Harrowmere. The plan keeps one footpath open during the work. "
        "Mira Oduya said the cracks were caused by corrosion that had gone unnoticed for "
        "years. Residents will be able to comment on the plan until the end of the month."),
    "flaky": ("Harbour market moves for the repairs", "2024-03-07T10:00:00Z",
        "The Saturday market on the Harrowmere harbour front will move to the school yard "
        "while the bridge is repaired, its organisers said on Friday. Stall holders said the "
        "new site was smaller but easier to reach on foot. About forty stalls are expected "
        "at the first market in the school yard. The organisers thanked the school for "
        "lending the space."),
    "moved-here": ("Cyclists get a temporary lane", "2024-03-08T12:00:00Z",
        "Cyclists in Harrowmere will get a temporary lane on the ferry ramp while the Lent "
        "Street bridge is closed. The lane was painted on Saturday and opens on Monday. The "
        "cycling club said the lane was a good start but asked for more bicycle racks at the "
        "landing. The ferry company said bicycles travel free of charge."),
    "standalone": ("Bridge survey finds no further damage", "2024-03-10T08:45:00Z",
        "The survey of the Lent Street bridge in Harrowmere found no damage beyond the two "
        "cracked supports, the county said on Monday. Repairs can therefore begin next week "
        "as planned. Mira Oduya said the bridge could reopen to cars by early summer. "
        "Pedestrians will be able to use one footpath throughout the repairs."),
}
"""Story pages: slug -> (title, publication time in the page or "", text)."""

PAGES = {slug: f"/news/{slug}" for slug in STORIES}


def page_html(slug: str, base: str) -> bytes:
    """The HTML of one story page (no date and no title when its date is "")."""
    title, when, text = STORIES[slug]
    date_meta = f'<meta property="article:published_time" content="{when}">' if when else ""
    head_title = f"<title>{title}</title>" if when else ""
    heading = f"<h1>{title}</h1>" if when else ""
    paragraphs = "".join(f"<p>{sentence}.</p>" for sentence in text.rstrip(".").split(". "))
    return (
        f'<!doctype html><html><head><meta charset="utf-8">{head_title}'
        f'<meta property="og:site_name" content="Harrowmere Herald">{date_meta}'
        f'<link rel="canonical" href="{base}/news/{slug}"></head><body>'
        f'<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        f"<article>{heading}{paragraphs}</article>"
        f"<footer>Harrowmere Herald, Quay Road 4</footer></body></html>"
    ).encode("utf-8")


def rss(base: str) -> bytes:
    """An RSS 2.0 feed: good items and every kind of bad one."""
    items = [
        ("Harrowmere bridge closed after cracks found", "/news/bridge-closed", "Sun, 02 Mar 2024 07:15:00 GMT"),
        ("Extra ferry crossings", "/news/ferry-extra", "Mon, 03 Mar 2024 06:00:00 GMT"),
        ("Internal memo", "/private/memo", "Mon, 03 Mar 2024 07:00:00 GMT"),
        ("A page that is gone", "/news/missing", "Mon, 03 Mar 2024 08:00:00 GMT"),
        ("Harbour market moves", "/news/flaky", "Fri, 07 Mar 2024 10:00:00 GMT"),
        ("A slow page", "/news/slow", "Fri, 07 Mar 2024 11:00:00 GMT"),
        ("A huge page", "/news/huge", "Fri, 07 Mar 2024 12:00:00 GMT"),
        ("Cyclists get a lane", "/old/cycle-lane", "Sat, 08 Mar 2024 12:00:00 GMT"),
        ("The timetable", "/files/timetable.pdf", "Sat, 08 Mar 2024 13:00:00 GMT"),
    ]
    body = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link><pubDate>{when}</pubDate></item>"
        for title, path, when in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Harrowmere Herald</title><link>{base}/</link>{body}</channel></rss>"
    ).encode("utf-8")


def atom(base: str) -> bytes:
    """An Atom feed: a new story, and one the RSS feed lists too."""
    entries = [("Council votes money for bridge repairs", "council-vote", "2024-03-04T18:30:00Z"),
               ("Harrowmere bridge closed after cracks found", "bridge-closed", "2024-03-02T07:15:00Z")]
    body = "".join(
        f'<entry><title>{title}</title><link href="{base}/news/{slug}"/><id>{base}/news/{slug}'
        f"</id><updated>{when}</updated></entry>" for title, slug, when in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Harrowmere Herald (Atom)</title><id>{base}/atom.xml</id>"
        f"<updated>2024-03-04T18:30:00Z</updated>{body}</feed>"
    ).encode("utf-8")


def json_feed(base: str) -> bytes:
    """A JSON Feed 1.1 with one story."""
    return json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": "Harrowmere Herald (JSON)",
        "items": [{"id": "repair-plan", "url": f"{base}/news/repair-plan",
                   "title": "Engineers publish bridge repair plan",
                   "date_published": "2024-03-06T09:00:00Z"}],
    }).encode("utf-8")


ROBOTS = b"User-agent: *\nDisallow: /private/\n"
BROKEN_FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Half a feed<<</rss'
FEED_ETAG = '"rss-v1"'


@dataclass
class LoopbackSite:
    """The running site: its base URL and the requests each path got."""

    base: str = ""
    requests: Counter[str] = field(default_factory=Counter)
    agents: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, path: str) -> int:
        with self.lock:
            return self.requests[path]

    def answer(self, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        """``(status, headers, body)`` for a GET of ``path`` (its n-th request)."""
        with self.lock:
            self.requests[path] += 1
            nth = self.requests[path]
            self.agents.add(headers.get("user-agent", ""))
        html = {"Content-Type": "text/html; charset=utf-8"}
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, ROBOTS
        if path == "/rss.xml":
            if headers.get("if-none-match") == FEED_ETAG:
                return 304, {"ETag": FEED_ETAG}, b""
            return 200, {"Content-Type": "application/rss+xml", "ETag": FEED_ETAG}, rss(self.base)
        if path == "/atom.xml":
            return 200, {"Content-Type": "application/atom+xml"}, atom(self.base)
        if path == "/feed.json":
            return 200, {"Content-Type": "application/feed+json"}, json_feed(self.base)
        if path == "/broken.xml":
            return 200, {"Content-Type": "application/rss+xml"}, BROKEN_FEED
        if path == "/news/flaky" and nth == 1:
            return 500, {"Retry-After": "0"}, b"try again"
        if path == "/news/slow":
            time.sleep(SLOW_S)
            return 200, html, page_html("standalone", self.base)
        if path == "/news/huge":
            return 200, html, b"<html><body><p>" + b"word " * (HUGE_BYTES // 5) + b"</p></body></html>"
        if path == "/news/endless":  # no Content-Length: the limit must hold while streaming
            return 200, {**html, "X-Stream": "1"}, b"<html><body>" + b"<p>more words</p>" * HUGE_BYTES
        if path == "/old/cycle-lane":
            return 301, {"Location": "/news/moved-here"}, b""
        if path == "/loop":
            return 302, {"Location": "/loop"}, b""
        if path == "/files/timetable.pdf":
            return 200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 not really"
        slug = path.removeprefix("/news/")
        if path.startswith("/news/") and slug in STORIES:
            return 200, html, page_html(slug, self.base)
        return 404, {"Content-Type": "text/plain"}, b"not found"


def _handler(site: LoopbackSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            status, headers, body = site.answer(self.path, {k.lower(): v for k, v in self.headers.items()})
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if "X-Stream" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout, a size limit): as intended

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    return Handler


@contextmanager
def start_site() -> Iterator[LoopbackSite]:
    """Serve the site on a free loopback port while the block runs."""
    site = LoopbackSite()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    server.block_on_close = False
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    watchdog = threading.Timer(WATCHDOG_S, server.shutdown)
    watchdog.daemon = True
    thread.start()
    watchdog.start()
    try:
        yield site
    finally:
        watchdog.cancel()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
