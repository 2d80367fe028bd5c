"""The per-article work of an ingest that needs no shared state, run in worker processes.

Cleaning an article and encoding it for the tracker depend on the article alone, so an
ingest hands them to a pool of processes (``concurrent.futures``) one batch ahead of
the main process, which meanwhile assigns and writes the batch before. With one worker
nothing is started and the work is done in the caller's process when it is needed.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import NamedTuple

from scipy.sparse import csr_matrix

from storyline.clean import clean
from storyline.errors import UsageError
from storyline.eventvec import encode_article
from storyline.model import Article, CleanArticle

__all__ = ["MAX_WORKERS", "Prepare", "Prepared", "default_workers", "prepare", "preparer"]

MAX_WORKERS = 8
"""More processes than this gain nothing: the main process (assigning, writing) is then
the bottleneck."""
Prepare = Callable[[Sequence[Article]], Iterator["Prepared"]]
"""Starts preparing articles; their ``Prepared`` results, in order, as they are read."""
_PARENT_CHECK_S = 0.2
_TASKS_PER_WORKER = 2
"""Pieces each worker gets of a batch: few round trips, and a worker done early takes more."""


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
def preparer(workers: int) -> Iterator[Prepare]:
    """A ``Prepare`` function: it starts the work on the articles given at once.

    With ``workers`` above 1 the work runs in that many processes, shut down on exit
    (work not started yet is dropped);
    with 1 it runs lazily in this process as the iterator is read.

    Raises:
        UsageError: ``workers`` is below 1.
    """
    if workers < 1:
        raise UsageError(f"--workers must be at least 1, got {workers}")
    if workers == 1:
        yield lambda articles: map(prepare, articles)
        return
    pool = ProcessPoolExecutor(workers, initializer=_exit_with, initargs=(os.getpid(),))
    try:
        yield lambda articles: pool.map(
            prepare, articles, chunksize=max(1, -(-len(articles) // (_TASKS_PER_WORKER * workers)))
        )
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
