"""Commands over a database of stories: ingest, stories, show, search, serve.

Only ``ingest`` creates a database (saving its options in it); the others open an
existing one and, given a missing path or a file that is not a storyline database, say
so in one line and exit 2 without making anything.
"""

from __future__ import annotations

import errno
import socket
from datetime import datetime
from enum import StrEnum
from typing import Annotated

import typer

from storyline.cli.app import (
    STDERR,
    Db,
    Format,
    Listing,
    ListingOption,
    MaxBytes,
    Output,
    Paths,
    app,
    emit,
    finish,
    usage_errors,
)
from storyline.cli.story import show_story
from storyline.config import DEFAULT_MAX_BYTES, Config
from storyline.errors import UsageError
from storyline.ingest import read_inputs
from storyline.render.listing import (
    hits_json,
    hits_text,
    ingest_line,
    progress_bar,
    stories_json,
    stories_text,
)
from storyline.store import DEFAULT_BATCH, DEFAULT_DB, Store, StoryQuery
from storyline.store.prepare import default_workers

__all__ = ["ingest", "search", "serve", "show", "stories"]


@app.command()
def ingest(
    paths: Paths,
    db: Db = DEFAULT_DB,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    batch_size: Annotated[int, typer.Option(help="Articles per transaction.")] = DEFAULT_BATCH,
    digests: Annotated[bool, typer.Option(help="Build the digests of changed stories.")] = True,
    workers: Annotated[int | None, typer.Option(
        help="Processes cleaning articles and building digests (default: one per core)."
    )] = None,
) -> None:
    """Store articles in a database, grouped into stories and storylines (safe to rerun)."""
    with usage_errors():
        config = Config(max_bytes=max_bytes)
        read = read_inputs(paths, config)
        with Store(db, config=config, create=True) as store, progress_bar(STDERR) as progress:
            report = store.ingest(
                read.articles, batch_size=batch_size, digests=digests, progress=progress,
                workers=default_workers() if workers is None else workers,
            )
    STDERR.print(ingest_line(report), markup=False)
    finish((*read.skipped, *report.skipped))


class Sort(StrEnum):
    """Orders of ``storyline stories`` (``storyline.store.rank``)."""

    top = "top"
    recent = "recent"


DAY = ["%Y-%m-%d"]
"""The date format of ``--since`` and ``--until``."""


@app.command()
def stories(
    db: Db = DEFAULT_DB,
    fmt: ListingOption = Listing.text,
    limit: Annotated[int | None, typer.Option(help="Show at most this many stories.")] = None,
    sort: Annotated[Sort, typer.Option(
        help="top: most articles, outlets and growth, most recent first; recent: newest activity first."
    )] = Sort.top,
    since: Annotated[datetime | None, typer.Option(
        formats=DAY, help="Only stories with articles on or after this day (YYYY-MM-DD).")] = None,
    until: Annotated[datetime | None, typer.Option(
        formats=DAY, help="Only stories with articles on or before this day (YYYY-MM-DD).")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only stories with an article from this outlet.")] = None,
    entity: Annotated[str | None, typer.Option(help="Only stories whose digest names this person, place or organisation.")] = None,
) -> None:
    """List stored stories, top stories first, with article and outlet counts."""
    with usage_errors(), Store(db) as store:
        query = StoryQuery(sort.value, since and since.date(), until and until.date(), outlet, entity)
        rows = store.stories(limit, query=query)
    emit(stories_json(rows) if fmt is Listing.json else stories_text(rows), None)


@app.command()
def show(
    story: Annotated[str, typer.Argument(help="Story id, as listed by 'storyline stories'.")],
    db: Db = DEFAULT_DB,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    output: Output = None,
) -> None:
    """Print the digest of one stored story (rebuilt only when its articles or options changed)."""
    with usage_errors(), Store(db) as store:
        story_digest = store.digest(story)
    show_story(story_digest, fmt, output)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find (all must occur).")],
    db: Db = DEFAULT_DB,
    fmt: ListingOption = Listing.text,
    limit: Annotated[int, typer.Option(help="Show at most this many articles.")] = 10,
) -> None:
    """Full-text search of stored articles, best match first, with the matching sentence."""
    with usage_errors(), Store(db) as store:
        hits = store.search(query, limit)
    emit(hits_json(query, hits) if fmt is Listing.json else hits_text(hits), None)


@app.command()
def serve(
    db: Db = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    allow_ingest: Annotated[bool, typer.Option(help="Accept POST /api/articles.")] = False,
) -> None:
    """Serve the web app and JSON API: browse stories, read digests, follow every citation."""
    import uvicorn

    from storyline.web import create_app

    with usage_errors():
        web_app = create_app(db, allow_ingest=allow_ingest)
        listening = _listen(host=host, port=port)
    STDERR.print(f"storyline: serving {db} on http://{host}:{port}/ (Ctrl+C stops)", markup=False)
    server = uvicorn.Server(uvicorn.Config(web_app, host=host, port=port, log_level="warning"))
    server.run(sockets=[listening])


def _listen(*, host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host``:``port`` for uvicorn to serve on.

    Raises:
        UsageError: the port is in use, or ``host`` cannot be listened on.
    """
    try:
        family, kind, _, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
        listening = socket.socket(family, kind)
    except OSError as err:
        raise UsageError(f"cannot listen on {host} port {port} ({_reason(err)}); give --host or --port") from None
    try:
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind(address)
    except OSError as err:
        listening.close()
        if err.errno == errno.EADDRINUSE:
            raise UsageError(f"port {port} on {host} is in use; give another with --port") from None
        raise UsageError(f"cannot listen on {host} port {port} ({_reason(err)}); give --host or --port") from None
    return listening


def _reason(err: Exception) -> str:
    """The reason an ``OSError`` gives, without its ``[Errno N]`` prefix."""
    return err.strerror if isinstance(err, OSError) and err.strerror else str(err)
