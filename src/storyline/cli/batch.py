"""The ``batch`` command: a sharded archive processed here or on a Dask cluster."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from storyline.cli.app import STDERR, MaxBytes, app, finish, usage_errors
from storyline.config import DEFAULT_MAX_BYTES, DEFAULT_WORDS, BatchConfig, Config
from storyline.render.listing import progress_bar

__all__ = ["BatchEngine", "batch"]


class BatchEngine(StrEnum):
    """Where ``storyline batch`` runs its tasks."""

    local = "local"
    dask = "dask"


@app.command()
def batch(
    inputs: Annotated[list[str], typer.Argument(
        help="Shards: .jsonl, .jsonl.gz, .warc, .warc.gz files, folders, or quoted glob patterns.")],
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="Folder for stories.parquet, digests.jsonl and run.json; "
                               "a rerun with the same folder skips finished work.")],
    engine: Annotated[BatchEngine, typer.Option(help="Run here, or on Dask.")] = BatchEngine.local,
    scheduler: Annotated[str | None, typer.Option(
        help="A running Dask scheduler, e.g. tcp://HOST:8786 (with --engine dask).")] = None,
    workers: Annotated[int | None, typer.Option(
        help="Worker processes of a local Dask cluster (with --engine dask; default: one per core).")] = None,
    window_days: Annotated[float, typer.Option(help="Days per clustering window.")] = BatchConfig.window_days,
    overlap_days: Annotated[float, typer.Option(
        help="Days each window shares with the next.")] = BatchConfig.overlap_days,
    words: Annotated[int, typer.Option(help="Word budget of each summary.")] = DEFAULT_WORDS,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    db: Annotated[str | None, typer.Option(
        "--db", help="Also load the stories, articles and digests into this database: a file "
                     "path (SQLite) or a URL such as postgresql+psycopg://USER@HOST/NAME.")] = None,
) -> None:
    """Process a sharded archive into stories, storylines and digests, here or on Dask."""
    from storyline.batch import open_engine, run_batch

    with usage_errors():
        config = Config(words=words, max_bytes=max_bytes,
                        batch=BatchConfig(window_days=window_days, overlap_days=overlap_days))
        with open_engine(engine.value, scheduler, workers) as runner, progress_bar(STDERR) as progress:
            report = run_batch(inputs, output, runner, config, progress, db=db)
    STDERR.print(report.line(), markup=False)
    if db is not None:
        c = report.counts
        STDERR.print(f"db: stored {c['db_articles_stored']:,} new articles "
                     f"({c['db_articles_known']:,} already there, {c['db_articles_skipped']:,} "
                     f"skipped) and {c['db_digests_stored']:,} digests in {db}", markup=False)
    finish(report.skipped)
