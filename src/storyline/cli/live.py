"""Commands over live sources: ``watch`` (feeds and pages into a database), ``fetch`` (to a folder).

``watch`` stores what it reads exactly as ``storyline ingest`` does, and keeps every
answer it fetched in a WARC next to the database (``DB.fetched/pages.warc.gz``, with the
feeds' validators in ``state.json``), or in the ``--archive`` folder. A page the store
already holds (by the URL it was fetched from, or its canonical URL) is not fetched again.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

import typer
from sqlalchemy.engine import make_url

from storyline.cli.app import EXIT_OK, STDERR, Db, MaxBytes, app, finish, usage_errors
from storyline.config import DEFAULT_MAX_BYTES, Config, FetchConfig
from storyline.errors import UsageError, warning_line
from storyline.ingest.fetch import (
    Archive,
    Fetcher,
    WatchState,
    page_id,
    poll,
    read_pages,
)
from storyline.model import Skipped
from storyline.render.listing import ingest_line
from storyline.store import DEFAULT_BATCH, DEFAULT_DB, Store, database_url

__all__ = ["fetch", "read_sources", "watch"]

Urls = Annotated[list[str] | None, typer.Argument(help="Feed (RSS, Atom, JSON Feed) or page URLs.")]
SourcesFile = Annotated[Path | None, typer.Option(
    "--sources", help="A file of feed or page URLs, one a line; lines starting with # are comments.",
)]
Timeout = Annotated[float, typer.Option(help="Seconds to wait for a server (connect, read, body).")]
Delay = Annotated[float, typer.Option(help="Least seconds between two requests to one host.")]
Retries = Annotated[int, typer.Option(help="Further tries after a 5xx answer, timeout or connection error.")]


@app.command()
def watch(
    urls: Urls = None,
    db: Db = DEFAULT_DB,
    sources: SourcesFile = None,
    every: Annotated[float, typer.Option(help="Seconds between two polls.")] = 600.0,
    once: Annotated[bool, typer.Option(help="Poll every source once, then exit (1: something skipped).")] = False,
    archive: Annotated[Path | None, typer.Option(
        help="Folder for the WARC of fetched pages and the watch state (default: DB.fetched/ "
             "beside an SQLite database).")] = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    timeout: Timeout = 20.0,
    delay: Delay = 1.0,
    retries: Retries = 2,
    batch_size: Annotated[int, typer.Option(help="Articles per transaction.")] = DEFAULT_BATCH,
    workers: Annotated[int, typer.Option(help="Processes cleaning articles and building digests.")] = 1,
) -> None:
    """Follow feeds and pages: store every new article, grouped into stories (Ctrl+C stops)."""
    with usage_errors():
        targets = read_sources(urls or [], sources)
        if every <= 0:
            raise UsageError(f"--every must be above 0 seconds, got {every:g}")
        config = _config(timeout, delay, retries, max_bytes)
        folder = archive or _beside(database_url(db))
        with Store(db, config=config, create=True) as store, Fetcher(config.fetch) as fetcher:
            if once:
                finish(_poll_once(targets, store, fetcher, folder, (batch_size, workers)))
            _watch(targets, store, fetcher, folder, (batch_size, workers), every)
    raise typer.Exit(EXIT_OK)


def _poll_once(
    targets: Sequence[str], store: Store, fetcher: Fetcher, folder: Path, sizes: tuple[int, int]
) -> list[Skipped]:
    """One poll: fetch what is new, store it (``sizes``: batch size, workers), then save the
    watch state; what was skipped."""
    state = WatchState.load(folder)
    result = poll(targets, fetcher, known=store.known_urls, state=state, archive=Archive(folder))
    articles, unread = read_pages(result.pages)
    report = store.ingest(articles, batch_size=sizes[0], workers=sizes[1])
    fetched = {item.page.url for item in result.pages}
    state.settled |= (fetched - store.known_urls(fetched)) | result.failed
    state.feeds.update(result.feeds)
    state.save()
    STDERR.print(
        f"polled {len(targets)} source{'s' * (len(targets) != 1)}: fetched {len(result.pages)} "
        f"page{'s' * (len(result.pages) != 1)}, {result.unchanged} feed(s) unchanged; "
        f"{ingest_line(report)}", markup=False,
    )
    return [*result.skipped, *unread, *report.skipped]


def _watch(
    targets: Sequence[str], store: Store, fetcher: Fetcher, folder: Path,
    sizes: tuple[int, int], every: float,
) -> None:
    """Poll every ``every`` seconds until Ctrl+C (or SIGTERM), then return."""
    polls = 0
    try:
        with _stop_on_sigterm(), _status_line() as status:
            while True:
                status.update(f"polling {len(targets)} source(s)...")
                for item in _poll_once(targets, store, fetcher, folder, sizes):
                    STDERR.print(f"warning: {warning_line(item)}", markup=False)
                polls += 1
                next_at = time.strftime("%H:%M:%S", time.localtime(time.time() + every))
                status.update(f"{polls} poll(s) done; next at {next_at} (Ctrl+C stops)")
                time.sleep(every)
    except KeyboardInterrupt:
        STDERR.print(f"stopped after {polls} poll(s); everything stored is kept", markup=False)


class _Plain:
    """The status line where there is no terminal: nothing shown."""

    def update(self, text: str) -> None:
        """Show nothing."""


def _status_line() -> Any:
    """A Rich status line on a terminal, else a silent stand-in."""
    return STDERR.status("starting...") if STDERR.is_terminal else nullcontext(_Plain())


@contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    """While the block runs, SIGTERM stops it as Ctrl+C does (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@app.command()
def fetch(
    urls: Urls = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the pages and fetched.warc.gz.")] = Path("fetched"),
    sources: SourcesFile = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    timeout: Timeout = 20.0,
    delay: Delay = 1.0,
    retries: Retries = 2,
) -> None:
    """Save pages (a feed's: its items' pages) as .html files and a WARC, without storing them."""
    with usage_errors():
        targets = read_sources(urls or [], sources)
        config = _config(timeout, delay, retries, max_bytes)
        output.mkdir(parents=True, exist_ok=True)
        with Fetcher(config.fetch) as fetcher:
            result = poll(targets, fetcher, known=lambda found: set(), archive=Archive(output))
    for item in result.pages:
        (output / f"{page_id(item.page.final_url)}.html").write_bytes(item.page.body)
    STDERR.print(f"saved {len(result.pages)} page(s) in {output}, all answers in "
                 f"{output / 'pages.warc.gz'}", markup=False)
    finish(result.skipped)


def read_sources(urls: Sequence[str], sources: Path | None) -> list[str]:
    """The URLs given and those of the ``--sources`` file, in order, each once.

    Raises:
        UsageError: the file cannot be read, no URL was given, or one is not http(s).
    """
    found = list(urls)
    if sources is not None:
        try:
            lines = sources.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"--sources {sources} cannot be read ({error})") from None
        found += [line.strip() for line in lines if line.strip() and not line.strip().startswith("#")]
    if not found:
        raise UsageError("give at least one feed or page URL, or --sources FILE")
    for url in found:
        if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
            raise UsageError(f"not an http:// or https:// URL: {url}")
    return list(dict.fromkeys(found))


def _config(timeout: float, delay: float, retries: int, max_bytes: int) -> Config:
    """The run's ``Config``, its fetch section from the command line.

    Raises:
        UsageError: a value is out of range.
    """
    fetch = FetchConfig(timeout=timeout, delay=delay, retries=retries, max_bytes=max_bytes)
    return Config(max_bytes=max_bytes, fetch=fetch)


def _beside(url: str) -> Path:
    """The default archive folder: ``DB.fetched`` beside an SQLite database file.

    Raises:
        UsageError: the database is not an SQLite file (say ``--archive``).
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        raise UsageError("the database is not an SQLite file: give --archive DIR for the "
                         "WARC of fetched pages and the watch state")
    database = Path(parsed.database)
    return database.with_name(database.name + ".fetched")
