"""Work of an ingest that needs no shared state, run in worker processes.

Cleaning an article and encoding it for the tracker depend on the article alone, and a
story's digest on the story's articles alone, so an ingest hands them to a pool of
processes (``concurrent.futures``) while the main process assigns articles and writes to
the database. With one worker nothing is started and the work is done in the caller's
process when its result is read.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, NamedTuple

from scipy.sparse import csr_matrix

from storyline.clean.prose import clean
from storyline.errors import UsageError
from storyline.represent.articles import encode_article
from storyline.model import Article, CleanArticle

__all__ = ["MAX_WORKERS", "Prepared", "WorkerMap", "default_workers", "prepare", "worker_map"]

MAX_WORKERS = 8
"""More processes than this gain nothing: the main process (assigning, writing) is then
the bottleneck."""
WorkerMap = Callable[[Callable[[Any], Any], Sequence[Any]], Iterator[Any]]
"""``run(function, items)``: starts ``function`` on every item at once; the results, in
order, as they are read. ``function`` must be importable by name (a module-level function
or a ``functools.partial`` of one)."""
_PARENT_CHECK_S = 0.2
"""Seconds between a worker's checks that the process that started it is still there."""
_TASKS_PER_WORKER = 2
"""Pieces each worker gets of a call's items: few round trips, and a worker done early
takes more."""


class Prepared(NamedTuple):
    """One article cleaned, and its tracker row (``encode_article``)."""

    cleaned: CleanArticle
    row: csr_matrix


def prepare(article: Article) -> Prepared:
    """Clean ``article`` and encode it for the tracker."""
    return Prepared(clean(article), encode_article(article))


def default_workers() -> int:
    """Worker processes for an ingest on this machine: one per core, at most ``MAX_WORKERS``."""
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1))


@contextmanager
def worker_map(workers: int) -> Iterator[WorkerMap]:
    """A ``WorkerMap`` over ``workers`` processes, shut down on exit (work not started yet
    is dropped); with 1 it is the built-in lazy ``map`` in this process.

    Raises:
        UsageError: ``workers`` is below 1.
    """
    if workers < 1:
        raise UsageError(f"--workers must be at least 1, got {workers}")
    if workers == 1:
        yield map
        return
    pool = ProcessPoolExecutor(workers, initializer=_exit_with, initargs=(os.getpid(),))

    def run(function: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[Any]:
        pieces = _TASKS_PER_WORKER * workers
        return pool.map(function, items, chunksize=max(1, -(-len(items) // pieces)))

    try:
        yield run
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _exit_with(parent: int) -> None:
    """Make this worker exit when process ``parent`` is gone (killed with ``kill -9``, say):
    a thread looks every ``_PARENT_CHECK_S`` seconds. Without it an orphaned worker would
    wait for work forever, since its siblings keep the queue to it open."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_PARENT_CHECK_S)
        os._exit(1)

    threading.Thread(target=watch, name="storyline-parent-watch", daemon=True).start()
