"""Live-source speed: pages fetched, read and ingested per second against a loopback server.

ECB+ articles (topics ``--topics``, read from ``--data`` at run time) are rendered as HTML
pages and listed in one RSS feed, served on 127.0.0.1 by a threaded ``http.server``. The
script then times, in the same process:

1. fetch: ``poll`` over the feed (robots.txt, one request per page, WARC archive) and
   ``read_pages`` (our HTML reader) - pages per second;
2. disk: the same pages written as ``.html`` files, read by ``read_inputs`` - pages per
   second, and the fetch layer's cost as the ratio of the two times;
3. ingest: the fetched articles stored with ``Store.ingest`` (no digests) into a fresh
   SQLite database - fetched-and-ingested pages per second end to end.

No politeness delay (``delay=0``): the server is ours; it runs in this process, so its
own work (and the GIL it holds) is in the fetch time. Figures, not a test.

Usage (from the repository root)::

    .venv/bin/python benchmarks/fetch_speed.py [--data ../shared/data/ecbplus] [--topics 1 2 3 4 5]
"""

from __future__ import annotations

import argparse
import html
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from storyline.config import Config, FetchConfig
from storyline.evaluate.ecbplus import load_ecbplus
from storyline.ingest import read_inputs
from storyline.ingest.fetch import Archive, Fetcher, poll, read_pages
from storyline.model import Article
from storyline.store import Store

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "ecbplus"


def page(article: Article, number: int) -> bytes:
    """One article as a news page with a title, an outlet, a date and a canonical URL."""
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in article.text.split("\n") if p.strip())
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(article.title)}"
        f"</title><meta property='og:site_name' content='Bench Wire'><meta property="
        f"'article:published_time' content='2024-01-{number % 28 + 1:02d}'></head><body>"
        f"<nav><a href='/'>Home</a></nav><article>{paragraphs}</article></body></html>"
    ).encode("utf-8")


def serve(pages: dict[str, bytes]) -> tuple[ThreadingHTTPServer, str]:
    """Serve ``pages`` (path -> HTML) and ``/feed.xml`` listing them; the server and base URL."""
    server_box: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            if self.path == "/feed.xml":
                items = "".join(f"<item><title>{p}</title><link>{server_box[0]}{p}</link></item>"
                                for p in pages)
                body, kind = (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Bench"
                              f"</title>{items}</channel></rss>").encode(), "application/rss+xml"
            elif self.path in pages:
                body, kind = pages[self.path], "text/html; charset=utf-8"
            else:
                body, kind = b"", "text/plain"
            self.send_response(200 if body or self.path == "/robots.txt" else 404)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server_box.append(f"http://127.0.0.1:{server.server_address[1]}")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server_box[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--topics", type=int, nargs="+", default=[1, 2, 3, 4, 5])
    args = parser.parse_args()
    articles = [gold.article for gold in load_ecbplus(args.data, topics=args.topics)]
    pages = {f"/news/{i:04d}": page(a, i) for i, a in enumerate(articles)}
    server, base = serve(pages)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for path, body in pages.items():
            (work / f"{path.rsplit('/', 1)[1]}.html").write_bytes(body)
        read_inputs([work / "0000.html"], Config())  # warm-up: imports and first parse
        start = time.perf_counter()
        with Fetcher(FetchConfig(delay=0.0, timeout=10.0)) as fetcher:
            result = poll([base + "/feed.xml"], fetcher, known=lambda urls: set(),
                          archive=Archive(work / "archive"))
        fetched, unread = read_pages(result.pages)
        fetch_s = time.perf_counter() - start
        start = time.perf_counter()
        from_disk = read_inputs(sorted(work.glob("*.html")), Config())
        disk_s = time.perf_counter() - start
        start = time.perf_counter()
        with Store(work / "bench.db", create=True) as store:
            report = store.ingest(fetched, digests=False)
        ingest_s = time.perf_counter() - start
    server.shutdown()
    n = len(pages)
    print(f"{n} ECB+ pages (topics {' '.join(map(str, args.topics))}) on a loopback server")
    print(f"fetch + read: {len(fetched)} articles, {len(result.skipped) + len(unread)} skipped, "
          f"{fetch_s:.2f} s = {n / fetch_s:.1f} pages/s ({fetcher.requests} requests)")
    print(f"disk read:    {len(from_disk.articles)} articles, {disk_s:.2f} s = {n / disk_s:.1f} pages/s")
    print(f"fetch layer cost: {fetch_s / disk_s:.2f}x the time of reading the same pages from disk")
    print(f"ingest:       {report.stored} stored in {ingest_s:.2f} s; fetched and ingested end to "
          f"end: {n / (fetch_s + ingest_s):.1f} pages/s")


if __name__ == "__main__":
    main()
