"""Figures for the web app: stories list over 10,000 stories, a 50-article story page.

Usage: .venv/bin/python benchmarks/web_figures.py [--stories 10000] [--repeat 20]
       [--timeline17 ../shared/data/timeline17] [--skip-server]

1. Builds a temporary SQLite store with ``--stories`` one- to three-article stories made of
   synthetic sentences generated here, written through the store's own writer
   (``storyline.store.writer.write_batch``: articles, kept sentences, search rows, stories,
   storylines), with the digests of the stories on the timed pages built and stored first
   (``Store.digest``) - the "digest cached in the store" case. Then times GET ``/`` and
   ``/api/stories`` (first page and a deep page) in-process with FastAPI's ``TestClient``
   and over a real uvicorn server (``storyline serve``) on loopback; then the front page in
   top order (the default) against newest first (the baseline) and with filters, warm,
   against the 50 ms goal.
2. Files the first 100 articles of one Timeline17 collection (``--collection``) as two
   50-article stories through the same writer, builds and stores their digests
   (``Store.digest``), then times the story page of the first with a fresh app (its first
   request compiles the templates), of the second after that (stored digest read, parsed,
   rendered: the cold-story case) and repeat requests of each (warm), and the story JSON.

Load figures with wrk (50 connections, 30 s, loopback) are made by ``benchmarks/web_wrk.sh``.
Timings are medians of ``--repeat`` requests; the machine is shared, so they are noisy.
"""

from __future__ import annotations

import argparse
import itertools
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import httpx
from fastapi.testclient import TestClient

from storyline.clean.prose import clean
from storyline.evaluate.timeline17 import load_topic
from storyline.model import Article, Story, Storyline
from storyline.store import Store, StoryQuery
from storyline.store.writer import Batch, content_hash, write_batch
from storyline.web.app import create_app

PLACES = ("Dresden", "Lagos", "Quito", "Osaka", "Perth", "Tromso", "Lima", "Hanoi", "Kazan", "Porto")
SUBJECTS = ("council", "union", "court", "ministry", "airline", "hospital", "port", "university")
VERBS = ("approved", "rejected", "delayed", "announced", "suspended", "reviewed", "expanded")
OBJECTS = ("a budget", "a strike plan", "new rules", "a merger", "repairs", "a recall", "an inquiry")
OUTLETS = ("Daily Ledger", "Morning Wire", "Coast Herald", "Valley Post")
BATCH = 500
STORY_ARTICLES = 50
FRONT_PAGE_MS = 50
"""The goal: the front page of 10,000 stories in under this many ms of server time, warm."""


def _sentence(rng: random.Random, place: str, number: int) -> str:
    return (f"The {rng.choice(SUBJECTS)} in {place} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
            f"on item {number} after {rng.randint(2, 90)} days of talks.")


def _story_batch(first: int, count: int, seq: int, rng: random.Random) -> tuple[Batch, int]:
    """Stories ``first`` .. ``first + count - 1``, one to three articles each."""
    batch = Batch()
    start = date(2020, 1, 1)
    for number in range(first, first + count):
        place, day = PLACES[number % len(PLACES)], start + timedelta(days=number // 7)
        ids = []
        for k in range(1 + number % 3):
            text = " ".join(_sentence(rng, place, number) for _ in range(4))
            article = Article(text=text, id=f"a{number}-{k}", title=f"{place} item {number}",
                              source=OUTLETS[(number + k) % len(OUTLETS)], published=day,
                              url=f"https://example.org/{number}/{k}")
            batch.cleaned.append(clean(article))
            batch.seqs[article.id], batch.home[article.id] = seq, f"s{number}"
            seq += 1
            ids.append(article.id)
        line = f"l{number // 5}"
        batch.stories.append(Story(f"s{number}", f"{place} item {number}", tuple(ids), line, day, day))
        batch.storylines.append(Storyline(line, f"{place} thread {number // 5}", (f"s{number}",)))
    return batch, seq


def build_big_store(path: Path, count: int) -> None:
    """Write ``count`` synthetic stories into a new store at ``path`` (its real writer)."""
    rng, seq = random.Random(7), 1
    with Store(path, create=True) as store:
        for first in range(0, count, BATCH):
            batch, seq = _story_batch(first, min(BATCH, count - first), seq, rng)
            with store.engine.begin() as connection:
                write_batch(connection, batch)


def _median_ms(fetch: Callable[[], httpx.Response], repeat: int) -> tuple[float, float]:
    """(first request ms, median ms of ``repeat`` more); every response must be 200."""
    times = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        response = fetch()
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"HTTP {response.status_code}: {response.text[:200]}")
    return times[0], statistics.median(times[1:])


def _report(label: str, first: float, median: float) -> None:
    print(f"  {label:<40} first {first:7.1f} ms   median {median:7.1f} ms")


def time_urls(get: Callable[[str], httpx.Response], urls: list[str], repeat: int) -> None:
    for url in urls:
        _report(f"GET {url}", *_median_ms(lambda url=url: get(url), repeat))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def time_server(db: Path, urls: list[str], repeat: int) -> None:
    """Start ``storyline serve`` on loopback, time ``urls`` over HTTP, stop it."""
    port = _free_port()
    command = [str(Path(sys.executable).parent / "storyline"), "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(command, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            for _ in range(300):
                try:
                    client.get("/openapi.json")
                    break
                except httpx.HTTPError:
                    time.sleep(0.1)
            time_urls(client.get, urls, repeat)
    finally:
        server.terminate()
        server.wait(timeout=20)


def list_figures(stories: int, repeat: int, server: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "big.db"
        start = time.perf_counter()
        build_big_store(db, stories)
        print(f"built {stories} stories in {time.perf_counter() - start:.1f} s")
        deep = stories // 20 // 2
        with Store(db) as store:
            for offset, query in itertools.product((0, (deep - 1) * 20), (StoryQuery(), StoryQuery("recent"))):
                for row in store.stories(limit=20, offset=offset, query=query):
                    store.digest(row.id)
        urls = ["/", f"/?page={deep}", "/api/stories", f"/api/stories?page={deep}"]
        print(f"in-process (TestClient), {stories} stories:")
        with TestClient(create_app(str(db))) as client:
            time_urls(client.get, urls, repeat)
            front_page_figures(client.get, repeat)
        if server:
            print(f"uvicorn on loopback, {stories} stories:")
            time_server(db, urls, repeat)


def front_page_figures(get: Callable[[str], httpx.Response], repeat: int) -> None:
    """The front page in top order (the default) against newest-first (the order before
    ranking, the baseline), and with a filter; warm medians, against the 50 ms goal."""
    orders = {url: _median_ms(lambda url=url: get(url), repeat)[1]
              for url in ("/?sort=recent", "/", "/?outlet=Daily%20Ledger", "/?since=2021-01-01")}
    for url, median in orders.items():
        _report(f"GET {url} (warm)", median, median)
    top = orders["/"]
    print(f"  front page, top order: {top:.1f} ms warm ({'under' if top < FRONT_PAGE_MS else 'OVER'} "
          f"{FRONT_PAGE_MS} ms), {top / orders['/?sort=recent']:.2f} x the newest-first page")


def build_story_store(path: Path, collection: Path) -> list[str]:
    """Two stories of ``STORY_ARTICLES`` articles each (the first articles of ``collection``,
    oldest first), written by the store's writer, with their digests built and stored.

    The online tracker splits a Timeline17 collection into many smaller stories (the largest
    from H1N1_bbc has 15 articles), so the 50-article stories are filed here directly.
    """
    found, hashes = [], set()
    for article in sorted(load_topic(collection).articles, key=lambda a: (a.published, a.path)):
        if article.text.strip() and content_hash(article) not in hashes:
            hashes.add(content_hash(article))
            found.append(article)
    batch, ids = Batch(), []
    for number in range(2):
        chunk = found[number * STORY_ARTICLES:(number + 1) * STORY_ARTICLES]
        story_id = f"story-{number}"
        for k, article in enumerate(chunk):
            batch.cleaned.append(clean(article))
            batch.seqs[article.id] = number * STORY_ARTICLES + k + 1
            batch.home[article.id] = story_id
        batch.stories.append(Story(story_id, chunk[0].title or story_id, tuple(a.id for a in chunk),
                                   "line", chunk[0].published, chunk[-1].published))
        ids.append(story_id)
    batch.storylines.append(Storyline("line", collection.name, tuple(ids)))
    with Store(path, create=True) as store:
        with store.engine.begin() as connection:
            write_batch(connection, batch)
        for story_id in ids:
            start = time.perf_counter()
            digest = store.digest(story_id)
            print(f"{story_id}: {len(digest.articles)} articles; digest built and stored "
                  f"in {time.perf_counter() - start:.1f} s")
    return ids


def story_figures(collection: Path, repeat: int, server: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "t17.db"
        first, second = build_story_store(db, collection)
        with TestClient(create_app(str(db))) as client:
            print("in-process (TestClient), stored digests:")
            _report(f"GET /stories/{first} (fresh app)", *_median_ms(lambda: client.get(f"/stories/{first}"), repeat))
            _report(f"GET /stories/{second} (warm app)", *_median_ms(lambda: client.get(f"/stories/{second}"), repeat))
            time_urls(client.get, [f"/api/stories/{first}"], repeat)
        if server:
            print("uvicorn on loopback, stored digests:")
            time_server(db, [f"/stories/{first}", f"/stories/{second}", f"/api/stories/{first}"], repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--timeline17", type=Path, default=Path("../shared/data/timeline17"))
    parser.add_argument("--collection", default="bpoil_bbc")
    parser.add_argument("--skip-server", action="store_true")
    args = parser.parse_args()
    list_figures(args.stories, args.repeat, not args.skip_server)
    collection = args.timeline17 / args.collection
    if (collection / "InputDocs").is_dir():
        story_figures(collection, args.repeat, not args.skip_server)
    else:
        print(f"no Timeline17 collection under {args.timeline17}; story page figures skipped")


if __name__ == "__main__":
    main()
