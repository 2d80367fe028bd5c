"""Where the tasks of a batch run execute: in this process, or on a Dask cluster.

Both executors offer one call, ``map(function, jobs, priorities)``, which runs
``function(job)`` for every job and yields ``(index, result)`` as each finishes, and
``close()``. The pipeline (``storyline.batch.run``) knows nothing else about them, so the
same task functions serve ``--engine local`` and ``--engine dask``.

``--engine dask`` runs on ``dask.distributed``: on an existing scheduler
(``scheduler="tcp://HOST:8786"``, e.g. one started by dask-kubernetes or dask-jobqueue),
or on a ``LocalCluster`` of ``workers`` single-threaded worker processes started here.
A worker that dies is replaced by its nanny and the scheduler runs its lost tasks again;
the tasks are idempotent and write their files atomically, so nothing is lost or
written twice. Dask is imported only when the Dask engine is used.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterator, Sequence
from types import TracebackType
from typing import Any, Protocol, Self

from storyline.errors import UsageError

__all__ = ["DaskEngine", "Engine", "LocalEngine", "open_engine"]


class Engine(Protocol):
    """Runs independent tasks; results come back as they finish."""

    name: str
    workers: int

    def map(
        self, function: Callable[[Any], Any], jobs: Sequence[Any],
        priorities: Sequence[int] | None = None,
    ) -> Iterator[tuple[int, Any]]:
        """Yield ``(index, function(jobs[index]))`` for every job, in any order."""
        ...

    def close(self) -> None:
        """Release what the engine started."""
        ...


class LocalEngine:
    """Runs every task in this process, one after another, in order."""

    name = "local"
    workers = 1

    def map(
        self, function: Callable[[Any], Any], jobs: Sequence[Any],
        priorities: Sequence[int] | None = None,
    ) -> Iterator[tuple[int, Any]]:
        """Run the jobs in order (``priorities`` are ignored)."""
        for index, job in enumerate(jobs):
            yield index, function(job)

    def close(self) -> None:
        """Nothing to release."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class DaskEngine:
    """Runs tasks on a ``dask.distributed`` cluster through ``client``.

    Args:
        client: a connected ``distributed.Client``.
        cluster: a cluster this engine started and must close (``None`` for one given).
    """

    name = "dask"

    def __init__(self, client: Any, cluster: Any = None) -> None:
        self.client = client
        self.cluster = cluster

    @property
    def workers(self) -> int:
        """Workers the scheduler knows now."""
        return len(self.client.scheduler_info(n_workers=-1).get("workers", {}))

    def map(
        self, function: Callable[[Any], Any], jobs: Sequence[Any],
        priorities: Sequence[int] | None = None,
    ) -> Iterator[tuple[int, Any]]:
        """Submit every job (higher priority first) and yield results as they finish.

        Raises:
            Exception: the first task that failed, as raised on the worker (a bug), or
                ``KilledWorker`` when a task's workers kept dying.
        """
        from distributed import as_completed

        priorities = priorities or [0] * len(jobs)
        futures = [self.client.submit(function, job, pure=False, priority=priority)
                   for job, priority in zip(jobs, priorities, strict=True)]
        index_of = {future.key: i for i, future in enumerate(futures)}
        try:
            for future, result in as_completed(futures, with_results=True):
                yield index_of[future.key], result
                future.release()
        finally:
            self.client.cancel([f for f in futures if not f.done()])

    def close(self) -> None:
        """Close the client, and the cluster when this engine started it."""
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def open_engine(kind: str, scheduler: str | None = None, workers: int | None = None) -> Any:
    """The engine for ``--engine kind``: "local", or "dask" on ``scheduler`` or ``workers``.

    Without either, "dask" starts a local cluster of one worker per CPU core.

    Returns:
        A ``LocalEngine`` or a ``DaskEngine`` (both context managers).

    Raises:
        UsageError: an unknown kind, both or neither of ``scheduler`` / ``workers``
            given where they do not fit, or a scheduler that cannot be reached.
    """
    if kind == "local":
        if scheduler is not None or (workers or 1) != 1:
            raise UsageError("--scheduler and --workers need --engine dask")
        return LocalEngine()
    if kind != "dask":
        raise UsageError(f"--engine must be local or dask, got {kind!r}")
    if scheduler is not None and workers is not None:
        raise UsageError("give --scheduler (an existing cluster) or --workers (a local one), not both")
    if workers is not None and workers < 1:
        raise UsageError(f"--workers must be at least 1, got {workers}")
    return _dask_engine(scheduler, workers or os.cpu_count() or 1)


def _dask_engine(scheduler: str | None, workers: int) -> DaskEngine:
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise ImportError(
            f"--engine dask needs dask.distributed ({err}); install it with: "
            "pip install 'dask[distributed]'") from err
    if scheduler is not None:
        try:
            return DaskEngine(Client(scheduler, timeout="20s"))
        except (OSError, TimeoutError) as err:
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from None
    with warnings.catch_warnings():
        # the scheduler's small HTTP server moves off a busy port by itself; say nothing
        warnings.filterwarnings("ignore", message="Port .* is already in use")
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
    return DaskEngine(Client(cluster), cluster)
