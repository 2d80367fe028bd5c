"""``kill -9`` during ``storyline watch --once``, for real, then the same command again.

The sources are the loopback site's feeds and a page (``tests/loopback.py``). The watch
runs in a subprocess and is killed with SIGKILL while it fetches (the WARC has begun,
nothing is stored yet), after its first stored article, and while digests are built;
each killed run starts from what the one before it left. After every kill the database
must pass ``Store.check`` and the WARC must read to its end; after a final full run the
store holds every page exactly once.
"""

from __future__ import annotations

import random
import signal
import subprocess
from collections.abc import Callable
from pathlib import Path

from loopback import PAGES, LoopbackSite
from test_kill import COMMAND, JITTER_S, count_rows, kill_when
from warcio.archiveiterator import ArchiveIterator

from storyline.store import Store

WATCH = ["watch", "--once", "--batch-size", "1", "--timeout", "1", "--delay", "0.05",
         "--retries", "1", "--max-bytes", "100000"]


def _warc_uris(warc: Path) -> list[str]:
    with warc.open("rb") as handle:
        return [r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(handle)]


def test_watch_kill_9_at_any_moment_then_rerun_stores_every_page_once(
    site: LoopbackSite, tmp_path: Path
) -> None:
    db = tmp_path / "news.db"
    warc = tmp_path / "news.db.fetched" / "pages.warc.gz"
    sources = [site.base + feed for feed in ("/rss.xml", "/atom.xml", "/feed.json")]
    args = [*sources, site.base + PAGES["standalone"], "--db", str(db)]
    moments: list[tuple[str, Callable[[], bool]]] = [
        ("while fetching", lambda: warc.exists()),
        ("after the first stored article", lambda: count_rows(db, "articles") >= 1),
        ("while building digests", lambda: count_rows(db, "digests") >= 1),
    ]
    rng = random.Random(21)
    killed = 0
    for name, ready in moments:
        status = kill_when([*WATCH, *args], ready, rng.uniform(0, JITTER_S))
        killed += status == -signal.SIGKILL
        with Store(db, create=True) as store:
            assert store.check() == [], f"after kill -9 {name}"
        if warc.exists():
            _warc_uris(warc)  # reads to the end: only whole records were written
    assert killed >= 2, "the watch finished before most kills"
    final = subprocess.run([*COMMAND, *WATCH, *args], check=False, capture_output=True, text=True)
    assert final.returncode == 1 and "Traceback" not in final.stderr, final.stderr
    with Store(db) as store, store.engine.connect() as connection:
        assert store.check() == []
        urls = [row[0] for row in connection.exec_driver_sql("SELECT url FROM articles")]
    assert sorted(urls) == sorted(site.base + path for path in PAGES.values())
    assert set(_warc_uris(warc)) >= set(urls)
