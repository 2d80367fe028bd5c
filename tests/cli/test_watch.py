"""``storyline watch`` and ``storyline fetch`` against the loopback site (no network).

The site (``tests/loopback.py``) is a fictional local paper with RSS, Atom and JSON
feeds, seven story pages and every bad answer a fetcher meets; each test gets a fresh
one and counts the requests each path gets.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from loopback import PAGES, LoopbackSite
from typer.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from storyline.cli import app
from storyline.config import Config
from storyline.ingest import read_inputs
from storyline.store import Store

runner = CliRunner()
FAST = ["--timeout", "1", "--delay", "0", "--retries", "1", "--max-bytes", "100000"]
FEEDS = ("/rss.xml", "/atom.xml", "/feed.json", "/broken.xml")


def _sources(site: LoopbackSite, folder: Path) -> Path:
    path = folder / "sources.txt"
    lines = ["# the Harrowmere Herald, three feeds and a page", "",
             *(site.base + feed for feed in FEEDS), site.base + PAGES["standalone"]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _urls(db: Path) -> list[str]:
    with Store(db) as store, store.engine.connect() as connection:
        return [row[0] for row in connection.exec_driver_sql("SELECT url FROM articles")]


def test_watch_once_stores_every_page_once_and_a_second_run_fetches_none_again(
    site: LoopbackSite, tmp_path: Path
) -> None:
    db, sources = tmp_path / "news.db", _sources(site, tmp_path)
    first = runner.invoke(app, ["watch", "--sources", str(sources), "--db", str(db), "--once", *FAST])
    assert first.exit_code == 1, first.output  # bad answers are skipped, each with a warning
    assert "stored 7 new articles" in first.stderr
    for path, words in [("/private/memo", "robots.txt"), ("/news/missing", "404 Not Found"),
                        ("/news/slow", "no answer after 2 tries"), ("/news/huge", "byte limit"),
                        ("/files/timetable.pdf", "application/pdf"), ("/broken.xml", "not a readable")]:
        assert f"warning: skipped {site.base}{path}: " in first.stderr and words in first.stderr
    assert sorted(_urls(db)) == sorted(site.base + path for path in PAGES.values())
    with Store(db) as store:
        assert store.check() == []
        assert sum(row.article_count for row in store.stories()) == 7
        hits = store.search("ferry crossings")
    assert hits and hits[0].title == "Extra ferry crossings"  # the feed's title: the page has none
    asked = {path: site.count(path) for path in PAGES.values()}
    assert asked == {path: 2 if path == PAGES["flaky"] else 1 for path in PAGES.values()}

    second = runner.invoke(app, ["watch", "--sources", str(sources), "--db", str(db), "--once", *FAST])
    assert second.exit_code == 1 and "stored 0 new articles" in second.stderr
    assert {path: site.count(path) for path in PAGES.values()} == asked  # no page fetched again
    assert site.count("/news/missing") == site.count("/files/timetable.pdf") == 1  # settled
    assert site.count("/news/slow") == 4  # a timeout is tried again on the next poll
    assert sorted(_urls(db)) == sorted(site.base + path for path in PAGES.values())

    with (tmp_path / "news.db.fetched" / "pages.warc.gz").open("rb") as handle:
        uris = [r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(handle)]
    assert {site.base + path for path in PAGES.values()} <= set(uris)
    assert sum(uri == site.base + PAGES["bridge-closed"] for uri in uris) == 1


def test_fetch_saves_pages_and_a_warc_that_ingest_reads(site: LoopbackSite, tmp_path: Path) -> None:
    out = tmp_path / "saved"
    result = runner.invoke(app, ["fetch", site.base + "/atom.xml", site.base + "/feed.json",
                                 "--output", str(out), *FAST])
    assert result.exit_code == 0, result.output
    assert "saved 3 page(s)" in result.stderr
    read = read_inputs([out], Config())
    assert sorted(a.title for a in read.articles) == [
        "Council votes money for bridge repairs", "Engineers publish bridge repair plan",
        "Harrowmere bridge closed after cracks found"]
    assert (out / "pages.warc.gz").stat().st_size > 0
    assert not (tmp_path / "news.db").exists()


def test_watch_refuses_what_it_cannot_use_with_exit_2(site: LoopbackSite, tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    for args, words in [([], "give at least one feed or page URL"),
                        (["ftp://example.org/feed"], "not an http:// or https:// URL"),
                        (["--sources", str(tmp_path / "none.txt")], "cannot be read"),
                        ([site.base + "/rss.xml", "--every", "0"], "--every must be above 0")]:
        result = runner.invoke(app, ["watch", *args, "--db", db, "--once"])
        assert result.exit_code == 2 and words in result.stderr, result.output
    memory = runner.invoke(app, ["watch", site.base + "/rss.xml", "--db", ":memory:", "--once"])
    assert memory.exit_code == 2 and "give --archive DIR" in memory.stderr
    assert not Path(db).exists() and site.count("/rss.xml") == 0


def test_watch_polls_until_interrupted_then_stops_cleanly(site: LoopbackSite, tmp_path: Path) -> None:
    db, log = tmp_path / "news.db", tmp_path / "watch.log"
    command = [sys.executable, "-c", "from storyline.cli import main; main()", "watch",
               site.base + "/atom.xml", "--db", str(db), "--every", "0.2", *FAST]
    with log.open("w") as stderr:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr)
        deadline = time.monotonic() + 60
        while log.read_text().count("polled 1 source") < 2 and time.monotonic() < deadline:
            assert process.poll() is None, log.read_text()
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        status = process.wait(timeout=30)
    text = log.read_text()
    assert status == 0, text
    assert "stopped after" in text and "Traceback" not in text
    assert "stored 2 new articles" in text and "stored 0 new articles" in text
    assert site.count(PAGES["council-vote"]) == 1 and site.count("/atom.xml") >= 2
    with Store(db) as store:
        assert store.check() == []


def test_the_documented_sources_file_lists_feeds_and_a_page() -> None:
    from storyline.cli.live import read_sources

    path = Path(__file__).parents[2] / "docs" / "sources.txt"
    urls = read_sources([], path)
    assert len(urls) == 4 and all(url.startswith("https://") and "example.org" in url for url in urls)
