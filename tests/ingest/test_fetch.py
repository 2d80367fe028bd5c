"""The live-source fetcher, feed reader and poll, against the loopback site (no network).

The site (``tests/loopback.py``, the ``site`` fixture) serves a fictional local paper:
RSS, Atom and JSON feeds, story pages, and every bad answer a fetcher meets.
"""

from __future__ import annotations

import io
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from loopback import PAGES, SLOW_S, LoopbackSite

from storyline.config import USER_AGENT, FetchConfig
from storyline.ingest.fetch import (
    Archive,
    Fetcher,
    Page,
    WatchState,
    page_id,
    poll,
    read_feed,
    read_pages,
)
from storyline.model import Skipped

FAST = FetchConfig(timeout=1.0, retries=1, backoff=0.0, delay=0.0, max_bytes=100_000)


def _get(site: LoopbackSite, path: str, **options: object) -> Page | Skipped:
    with Fetcher(FAST) as fetcher:
        return fetcher.get(site.base + path, **options)


def test_a_page_is_fetched_with_our_user_agent(site: LoopbackSite) -> None:
    page = _get(site, PAGES["bridge-closed"])
    assert isinstance(page, Page) and page.status == 200
    assert b"Lent Street bridge" in page.body
    assert site.agents == {USER_AGENT} and USER_AGENT.startswith("storyline/")
    assert site.count("/robots.txt") == 1


@pytest.mark.parametrize(("path", "code", "words"), [
    ("/private/memo", "robots_disallowed", "does not allow storyline"),
    ("/news/missing", "http_error", "404 Not Found"),
    ("/news/huge", "page_too_large", "100,000-byte limit"),
    ("/news/endless", "page_too_large", "100,000-byte limit"),
    ("/files/timetable.pdf", "not_html", "application/pdf"),
    ("/loop", "too_many_redirects", "more than 5 redirects"),
    ("ftp://127.0.0.1/file", "bad_url", "http"),
])
def test_each_bad_answer_is_one_skip_naming_the_url(
    site: LoopbackSite, path: str, code: str, words: str
) -> None:
    url = path if "://" in path else site.base + path
    with Fetcher(FAST) as fetcher:
        answer = fetcher.get(url)
    assert isinstance(answer, Skipped), answer
    assert (answer.path, answer.code) == (url, code)
    assert words in answer.reason
    assert site.count("/private/memo") == 0  # robots.txt is obeyed before asking


def test_a_slow_page_times_out_and_is_tried_again_once(site: LoopbackSite) -> None:
    started = time.monotonic()
    answer = _get(site, "/news/slow")
    assert isinstance(answer, Skipped) and answer.code == "unreachable"
    assert "2 tries" in answer.reason and "Timeout" in answer.reason
    assert time.monotonic() - started < 2 * SLOW_S
    assert site.count("/news/slow") == 2


def test_a_500_then_200_is_retried_into_the_page(site: LoopbackSite) -> None:
    page = _get(site, PAGES["flaky"])
    assert isinstance(page, Page) and b"school yard" in page.body
    assert site.count("/news/flaky") == 2


def test_a_redirect_is_followed_to_the_page(site: LoopbackSite) -> None:
    page = _get(site, "/old/cycle-lane")
    assert isinstance(page, Page)
    assert (page.url, page.final_url) == (site.base + "/old/cycle-lane", site.base + "/news/moved-here")


def test_a_feed_is_asked_again_with_its_etag_and_answers_304(site: LoopbackSite) -> None:
    with Fetcher(FAST) as fetcher:
        first = fetcher.get(site.base + "/rss.xml", accept=("application/rss+xml",))
        assert isinstance(first, Page) and first.status == 200
        again = fetcher.get(site.base + "/rss.xml", accept=("application/rss+xml",),
                            etag=first.headers["etag"])
    assert isinstance(again, Page) and (again.status, again.body) == (304, b"")


def _mock(answers: list[httpx.Response | Exception], robots: str = "") -> httpx.MockTransport:
    """A transport answering robots.txt with ``robots`` and pages with ``answers`` in turn."""
    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text=robots, headers={"Content-Type": "text/plain"})
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer
    return httpx.MockTransport(handle)


def _page(status: int = 200) -> httpx.Response:
    return httpx.Response(status, text="<p>hi</p>", headers={"Content-Type": "text/html"})


def test_retries_back_off_exponentially_then_give_up_with_the_reason() -> None:
    waits: list[float] = []
    config = FetchConfig(retries=3, backoff=0.5, delay=0.0)
    transport = _mock([_page(503), httpx.ConnectError("refused"), _page(502), _page(503)])
    with Fetcher(config, transport=transport, sleep=waits.append) as fetcher:
        answer = fetcher.get("https://news.example.org/a")
    assert waits == [0.5, 1.0, 2.0]
    assert isinstance(answer, Skipped) and answer.code == "server_error"
    assert answer.reason == "the server answered 503 Service Unavailable 4 times; try again later"
    with Fetcher(config, transport=_mock([httpx.ConnectError("refused")] * 4),
                 sleep=waits.append) as fetcher:
        answer = fetcher.get("https://news.example.org/a")
    assert isinstance(answer, Skipped) and answer.code == "unreachable"
    assert answer.reason == "no answer after 4 tries (ConnectError: refused)"


def test_one_host_is_asked_at_most_once_per_delay_or_crawl_delay() -> None:
    waits: list[float] = []
    config = FetchConfig(delay=0.2, retries=0)
    with Fetcher(config, transport=_mock([_page(), _page()]), sleep=waits.append) as fetcher:
        fetcher.get("https://a.example.org/1")
        fetcher.get("https://a.example.org/2")
    assert len(waits) == 2 and all(0.1 < wait <= 0.2 for wait in waits)  # robots, 1, 2
    waits.clear()
    robots = "User-agent: storyline\nCrawl-delay: 7\nDisallow: /drafts/\n"
    with Fetcher(config, transport=_mock([_page(), _page()], robots), sleep=waits.append) as f:
        assert isinstance(f.get("https://b.example.org/1"), Page)
        assert isinstance(f.get("https://b.example.org/2"), Page)
        assert f.get("https://b.example.org/drafts/x").code == "robots_disallowed"  # type: ignore[union-attr]
    assert len(waits) == 2 and all(6.9 < wait <= 7.0 for wait in waits[1:])


def test_a_robots_txt_that_cannot_be_had_keeps_the_host_closed() -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503 if request.url.path == "/robots.txt" else 200, text="x")
    config = FetchConfig(retries=0, delay=0.0)
    with Fetcher(config, transport=httpx.MockTransport(handle)) as fetcher:
        answer = fetcher.get("https://c.example.org/page")
    assert isinstance(answer, Skipped) and answer.code == "robots_unavailable"
    assert "robots.txt of c.example.org could not be read" in answer.reason


RSS_091 = b"""<?xml version="1.0"?><rss version="0.91"><channel><title>Old Wire</title>
<item><title>Mill reopens</title><link>https://wire.example.org/mill</link></item></channel></rss>"""
RSS_10 = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://wire.example.org/"><title>RDF Wire</title></channel>
<item rdf:about="https://wire.example.org/dam"><title>Dam inspected</title>
<link>https://wire.example.org/dam</link><dc:date>2031-01-05T10:00:00Z</dc:date></item></rdf:RDF>"""


def test_every_feed_format_gives_its_items_links_titles_and_dates(site: LoopbackSite) -> None:
    with Fetcher(FAST) as fetcher:
        bodies = {name: fetcher.get(site.base + name, accept=("application/",)).body  # type: ignore[union-attr]
                  for name in ("/rss.xml", "/atom.xml", "/feed.json")}
    rss = read_feed(site.base + "/rss.xml", bodies["/rss.xml"])
    assert rss.title == "Harrowmere Herald" and len(rss.items) == 9  # type: ignore[union-attr]
    assert rss.items[1].url == site.base + "/news/ferry-extra"  # type: ignore[union-attr]
    assert rss.items[1].published == datetime(2024, 3, 3, 6, 0, tzinfo=UTC)  # type: ignore[union-attr]
    atom = read_feed(site.base + "/atom.xml", bodies["/atom.xml"])
    assert [i.title for i in atom.items][0] == "Council votes money for bridge repairs"  # type: ignore[union-attr]
    jsonfeed = read_feed(site.base + "/feed.json", bodies["/feed.json"])
    assert jsonfeed.items[0].url == site.base + "/news/repair-plan"  # type: ignore[union-attr]
    old, rdf = read_feed("https://wire.example.org/", RSS_091), read_feed("https://wire.example.org/", RSS_10)
    assert (old.title, old.items[0].url) == ("Old Wire", "https://wire.example.org/mill")  # type: ignore[union-attr]
    assert rdf.items[0].published == datetime(2031, 1, 5, 10, 0, tzinfo=UTC)  # type: ignore[union-attr]


@pytest.mark.parametrize("body", [
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Half a feed<<</rss',
    b'{"title": "no version", "items": []}',
    b"{not json",
    b"<html><body>a page</body></html>",
])
def test_a_malformed_feed_is_skipped_with_the_reason(body: bytes) -> None:
    answer = read_feed("https://wire.example.org/feed", body)
    assert isinstance(answer, Skipped) and answer.code == "bad_feed"
    assert answer.path == "https://wire.example.org/feed"


def test_a_poll_reads_every_new_page_once_and_skips_the_rest_with_reasons(
    site: LoopbackSite, tmp_path: Path
) -> None:
    sources = [site.base + path for path in
               ("/rss.xml", "/atom.xml", "/feed.json", "/broken.xml", PAGES["standalone"])]
    archive = Archive(tmp_path)
    with Fetcher(FAST) as fetcher:
        result = poll(sources, fetcher, known=lambda urls: set(), state=WatchState(tmp_path),
                      archive=archive)
    articles, unread = read_pages(result.pages)
    assert unread == []
    by_slug = {a.url.rsplit("/", 1)[1]: a for a in articles}
    assert set(by_slug) == set(PAGES)
    assert site.count(PAGES["bridge-closed"]) == 1  # listed by two feeds, fetched once
    codes = sorted((s.path.removeprefix(site.base), s.code) for s in result.skipped)
    assert codes == [("/broken.xml", "bad_feed"), ("/files/timetable.pdf", "not_html"),
                     ("/news/huge", "page_too_large"), ("/news/missing", "http_error"),
                     ("/news/slow", "unreachable"), ("/private/memo", "robots_disallowed")]
    ferry = by_slug["ferry-extra"]  # the page has no date: the feed's stands in
    assert ferry.published == datetime(2024, 3, 3, 6, 0, tzinfo=UTC)
    assert (ferry.source, ferry.path) == ("Harrowmere Herald", site.base + PAGES["ferry-extra"])
    assert ferry.id == page_id(ferry.url) and ferry.title == "Extra ferry crossings"
    moved = by_slug["moved-here"]
    assert (moved.path, moved.url) == (site.base + "/old/cycle-lane", site.base + "/news/moved-here")
    assert by_slug["flaky"].title == "Harbour market moves for the repairs"  # the page's, not the feed's
    assert str(by_slug["standalone"].published) == "2024-03-10"  # from the page (a day: htmldate)
    assert [a.published is None for a in articles] == [False] * len(articles)
    assert [a.url.rsplit("/", 1)[1] for a in articles] == [  # oldest first
        "bridge-closed", "ferry-extra", "council-vote", "repair-plan", "flaky", "moved-here",
        "standalone"]
    assert set(result.feeds) == {site.base + "/atom.xml", site.base + "/feed.json"}  # RSS: /news/slow
    _assert_archive_holds(archive, result.pages)


def _assert_archive_holds(archive: Archive, fetched: list) -> None:  # type: ignore[type-arg]
    from warcio.archiveiterator import ArchiveIterator

    with archive.path.open("rb") as handle:
        records = {r.rec_headers.get_header("WARC-Target-URI"): r.content_stream().read()
                   for r in ArchiveIterator(handle) if r.rec_type == "response"}
    for item in fetched:
        assert records[item.page.final_url] == item.page.body
    assert archive.records == len(fetched) + 4  # and the four feeds, the broken one too


def test_the_watch_state_survives_a_restart_and_a_damaged_file(tmp_path: Path) -> None:
    state = WatchState(tmp_path / "state.json", {"https://x.example.org/feed": {"etag": '"1"'}},
                       {"https://x.example.org/empty"})
    state.save()
    again = WatchState.load(tmp_path)
    assert (again.feeds, again.settled) == (state.feeds, state.settled)
    (tmp_path / "state.json").write_text("{half", encoding="utf-8")
    assert WatchState.load(tmp_path).feeds == {}


def test_an_archive_record_is_whole_even_for_a_binary_body(tmp_path: Path) -> None:
    archive = Archive(tmp_path)
    body = bytes(range(256)) * 10
    archive.add(Page("https://x.example.org/a", "https://x.example.org/a", 200, "OK",
                     {"content-type": "text/html", "content-encoding": "gzip"}, body))
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(io.BytesIO(archive.path.read_bytes()))
    assert [r.content_stream().read() for r in records] == [body]


def test_a_feed_unchanged_since_the_last_poll_costs_one_request(site: LoopbackSite) -> None:
    state = WatchState(Path("unused"), {site.base + "/rss.xml": {"etag": '"rss-v1"'}})
    with Fetcher(FAST) as fetcher:
        result = poll([site.base + "/rss.xml"], fetcher, known=lambda urls: set(), state=state)
    assert (result.unchanged, result.pages, result.skipped) == (1, [], [])
    assert sum(site.requests.values()) == 2  # robots.txt and the feed


def test_a_transient_failure_keeps_the_feed_to_be_asked_in_full_again(site: LoopbackSite) -> None:
    with Fetcher(FAST) as fetcher:
        result = poll([site.base + "/rss.xml", site.base + "/atom.xml"], fetcher,
                      known=lambda urls: set())
    assert set(result.feeds) == {site.base + "/atom.xml"}  # /news/slow timed out: no validators
    with Fetcher(FAST) as fetcher:
        again = poll([site.base + "/rss.xml"], fetcher, known=lambda urls: set(),
                     state=WatchState(Path("unused"), settled={site.base + "/news/slow"}))
    assert again.feeds == {site.base + "/rss.xml": {"etag": '"rss-v1"'}}
    assert site.base + "/news/missing" in result.failed and site.base + "/news/slow" not in result.failed
