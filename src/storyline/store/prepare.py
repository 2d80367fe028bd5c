"""Work of an ingest that needs no shared state, run in worker processes.

Cleaning an article and what the tracker reads of it depend on the article alone, and a
story's digest on the story's articles alone, so an ingest hands them to a pool of
processes (``concurrent.futures``) while the main process assigns articles and writes to
the database. With one worker nothing is started and the work is done in the caller's
process when its result is read.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from typing import Any, NamedTuple

from storyline.clean.prose import clean
from storyline.cluster.tracker import TrackerInput, tracker_input
from storyline.errors import UsageError
from storyline.model import Article, CleanArticle

__all__ = [
    "MAX_WORKERS", "Prepared", "WorkerMap", "WorkerStream", "default_workers", "prepare", "worker_map",
    "worker_stream",
]

MAX_WORKERS = 8
"""More processes than this gain nothing: the main process (assigning, writing) is then
the bottleneck."""
WorkerMap = Callable[[Callable[[Any], Any], Sequence[Any]], Iterator[Any]]
"""``run(function, items)``: starts ``function`` on every item at once; the results, in
order, as they are read. ``function`` must be importable by name (a module-level function
or a ``functools.partial`` of one)."""
WorkerStream = Callable[[Callable[[Any], Any], Iterable[Any]], Iterator[tuple[Any, Any]]]
"""``run(function, items)``: ``(item, function(item))`` pairs in the order they finish, with
at most ``_IN_FLIGHT_PER_WORKER`` items per worker started and not yet read; the next item is
drawn from ``items`` (in the caller's process) only when one finishes."""
_IN_FLIGHT_PER_WORKER = 2
"""Items each worker has started or queued: one to work on, one ready for when it is done."""
_PARENT_CHECK_S = 0.2
"""Seconds between a worker's checks that the process that started it is still there."""
_TASKS_PER_WORKER = 2
"""Pieces each worker gets of a call's items: few round trips, and a worker done early
takes more."""


class Prepared(NamedTuple):
    """One article cleaned, and what the tracker reads of it."""

    cleaned: CleanArticle
    tracked: TrackerInput


def prepare(article: Article) -> Prepared:
    """Clean ``article`` and make its ``TrackerInput``."""
    return Prepared(clean(article), tracker_input(article))


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
    _check(workers)
    if workers == 1:
        yield map
        return
    with _pool(workers) as pool:

        def run(function: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[Any]:
            pieces = _TASKS_PER_WORKER * workers
            return pool.map(function, items, chunksize=max(1, -(-len(items) // pieces)))

        yield run


@contextmanager
def worker_stream(workers: int) -> Iterator[WorkerStream]:
    """A ``WorkerStream`` over ``workers`` processes, for items of very unequal cost (story
    digests): a worker done early takes the next item at once, and the caller reads the next
    item and handles a finished one while the workers work. With 1 worker, items are done
    in order in the caller's process.

    Raises:
        UsageError: ``workers`` is below 1.
    """
    _check(workers)
    if workers == 1:
        yield lambda function, items: ((item, function(item)) for item in items)
        return
    with _pool(workers) as pool:

        def run(function: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[tuple[Any, Any]]:
            waiting = iter(items)
            started: dict[Future[Any], Any] = {}
            while True:
                for item in waiting:
                    started[pool.submit(function, item)] = item
                    if len(started) >= _IN_FLIGHT_PER_WORKER * workers:
                        break
                if not started:
                    return
                done, _ = wait(started, return_when=FIRST_COMPLETED)
                for future in done:
                    yield started.pop(future), future.result()

        yield run


@contextmanager
def _pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A process pool of ``workers``, shut down on exit (work not started yet is dropped)."""
    pool = ProcessPoolExecutor(workers, initializer=_exit_with, initargs=(os.getpid(),))
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _check(workers: int) -> None:
    if workers < 1:
        raise UsageError(f"--workers must be at least 1, got {workers}")


def _exit_with(parent: int) -> None:
    """Make this worker exit when process ``parent`` is gone (killed with ``kill -9``, say):
    a thread looks every ``_PARENT_CHECK_S`` seconds. Without it an orphaned worker would
    wait for work forever, since its siblings keep the queue to it open."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_PARENT_CHECK_S)
        os._exit(1)

    threading.Thread(target=watch, name="storyline-parent-watch", daemon=True).start()
