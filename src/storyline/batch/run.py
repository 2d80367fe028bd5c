"""The driver of a batch run: plans the tasks, hands them to an engine, writes the outputs.

The driver holds no article text. It keeps, per shard, the ids it read (to find ids read
twice), per window the story pieces (first article, size, headline, boundary ids), and per
story its id, storyline and pieces. Everything else moves between tasks as files in
``OUTPUT/_work`` (see ``storyline.batch.tasks``), and the outputs are streamed from the
digest tasks' files in story order (``storyline.batch.outputs``).
"""

from __future__ import annotations

import dataclasses
import math
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from storyline.batch.engine import Engine
from storyline.batch.outputs import BatchReport, write_outputs, write_run
from storyline.batch.shards import Shard, find_shards
from storyline.batch.tasks import (
    DigestJob,
    ShardJob,
    ShardResult,
    StorySpec,
    WindowJob,
    WindowResult,
    digest_task,
    shard_task,
    window_task,
)
from storyline.batch.windows import Joined, join, window_sort_key
from storyline.batch.workdir import WORK_DIR, content_key, load
from storyline.config import Config
from storyline.errors import skip
from storyline.model import Skipped

__all__ = ["Progress", "run_batch"]

Progress = Callable[[str, int, int], None]
"""Called as ``progress(phase, done, total)``; phases "shards", "windows", "digests"."""

MIN_DIGEST_TASKS = 32
"""Digest tasks a run makes at least (when it has that many stories), so that small runs
still spread over the workers; the grouping does not depend on the engine, so a rerun on
another engine reuses finished digests."""


def run_batch(
    inputs: Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    engine: Engine,
    config: Config | None = None,
    progress: Progress | None = None,
    *,
    db: str | None = None,
) -> BatchReport:
    """Read, cluster and digest every article under ``inputs``; write them to ``output``.

    Args:
        inputs: files, folders or glob patterns of shards (see ``storyline.batch.shards``).
        output: the output folder; a rerun with the same folder skips finished tasks.
        engine: where tasks run (``storyline.batch.engine``).
        config: the run's options (reading, ``cluster``, ``batch`` and digest options);
            ``Config()`` when omitted.
        progress: called as each task finishes.
        db: a storyline database (path or URL) to load the results into after the outputs
            are written (``storyline.batch.to_store``); ``None``: files only.

    Returns:
        The ``BatchReport`` also written to ``output/run.json``.

    Raises:
        UsageError: an input does not exist or a glob matches nothing, or ``db`` cannot
            be opened.
    """
    config = config or Config()
    clock = _Clock()
    shards, skipped = find_shards([os.fspath(p) for p in inputs])
    work = Path(output) / WORK_DIR
    shard_results = _phase("shards", _shard_jobs(shards, work, config), shard_task,
                           engine, progress)
    clock.lap("shards")
    excluded, repeated = _repeated_ids(shard_results)
    window_results = _phase("windows", _window_jobs(shard_results, excluded, work, config),
                            window_task, engine, progress)
    clock.lap("windows")
    stories = join([p for w in window_results for p in w.pieces])
    jobs = _digest_jobs(stories, window_results, work, config)
    digest_results = _phase("digests", jobs, digest_task, engine, progress)
    clock.lap("digests")
    skipped += [s for r in shard_results for s in r.skipped] + repeated
    skipped += [s for r in digest_results for s in r.skipped]
    report = BatchReport.build(engine, (shard_results, window_results, digest_results),
                               skipped, clock.laps, stories)
    report = write_outputs(Path(output), digest_results, report)
    if db is None:
        return report
    from storyline.batch.to_store import load_into_store

    started = time.perf_counter()
    loaded = load_into_store(db, config, Path(output), shard_results, excluded,
                             digest_results)
    seconds = round(time.perf_counter() - started, 3)
    report = dataclasses.replace(report, counts={**report.counts, **loaded},
                                 seconds={**report.seconds, "db": seconds})
    write_run(Path(output), report)
    return report


class _Clock:
    """Seconds of each phase, and of the run so far."""

    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.laps: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = now - self.last
        self.last = now


def _phase(
    name: str, jobs: Sequence[Any], task: Callable[[Any], Any], engine: Engine,
    progress: Progress | None,
) -> list[Any]:
    """Results of ``task`` for every job, in job order; finished jobs are not run again."""
    results: list[Any] = [None] * len(jobs)
    todo = []
    for index, job in enumerate(jobs):
        if job.marker.exists():
            results[index] = dataclasses.replace(load(job.marker), reused=True)
        else:
            todo.append(index)
    done = len(jobs) - len(todo)
    if progress:
        progress(name, done, len(jobs))
    sizes = [_size(jobs[i]) for i in todo]
    for position, result in engine.map(task, [jobs[i] for i in todo], sizes):
        results[todo[position]] = result
        done += 1
        if progress:
            progress(name, done, len(jobs))
    return results


def _size(job: Any) -> int:
    """Rough work of a job, so that the biggest start first."""
    if isinstance(job, ShardJob):
        return sum(_file_size(s.path) for s in job.shard.sources) // 1024
    if isinstance(job, WindowJob):
        return len(job.inputs)
    return job.size // 1024


def _file_size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _shard_jobs(shards: Sequence[Shard], work: Path, config: Config) -> list[ShardJob]:
    jobs = []
    for shard in shards:
        files = [_stamp(s.path) for s in shard.sources]
        key = content_key(shard.key, files, config.max_bytes, _windowing(config))
        jobs.append(ShardJob(shard, key, str(work), config))
    return jobs


def _windowing(config: Config) -> dict[str, float]:
    """The options that decide which articles a window clusters (part of task keys)."""
    plan = config.batch
    return {"days": plan.window_days, "overlap": plan.overlap_days,
            "max_articles": plan.max_articles}


def _stamp(path: str) -> tuple[int, int]:
    """Size and modification time of a file (``(-1, -1)`` when it cannot be read)."""
    try:
        info = os.stat(path)
    except OSError:
        return (-1, -1)
    return (info.st_size, info.st_mtime_ns)


def _repeated_ids(
    results: Sequence[ShardResult],
) -> tuple[frozenset[tuple[str, str]], list[Skipped]]:
    """Ids read by an earlier shard: ``(shard key, id)`` pairs to leave out, and why."""
    seen: dict[str, str] = {}
    excluded, skipped = set(), []
    for result in results:
        for article_id, path, line in result.ids:
            if article_id in seen:
                excluded.add((result.key, article_id))
                skipped.append(skip(path, "duplicate_id", line, id=article_id,
                                    other=seen[article_id]))
            else:
                seen[article_id] = path
    return frozenset(excluded), skipped


def _window_jobs(
    results: Sequence[ShardResult], excluded: frozenset[tuple[str, str]], work: Path,
    config: Config,
) -> list[WindowJob]:
    inputs: dict[str, list[tuple[str, str]]] = {}
    for result in results:
        for window, (file, _) in result.windows.items():
            inputs.setdefault(window, []).append((result.key, file))
    jobs = []
    for name in sorted(inputs, key=window_sort_key):
        shards = {key for key, _ in inputs[name]}
        left_out = frozenset(pair for pair in excluded if pair[0] in shards)
        key = content_key(name, inputs[name], sorted(left_out), _windowing(config),
                          asdict(config.cluster))
        jobs.append(WindowJob(name, key, str(work), tuple(inputs[name]), left_out, config))
    return jobs


def _digest_jobs(
    stories: Sequence[Joined], windows: Sequence[WindowResult], work: Path, config: Config,
) -> list[DigestJob]:
    """Consecutive stories grouped into jobs of about ``digest_chars`` characters."""
    where = [(w.file, i) for w in windows for i in range(len(w.pieces))]
    total = sum(s.chars for s in stories)
    target = max(1, min(config.batch.digest_chars, math.ceil(total / MIN_DIGEST_TASKS)))
    groups: list[list[StorySpec]] = [[]]
    sizes = [0]
    for story in stories:
        if sizes[-1] >= target:
            groups.append([])
            sizes.append(0)
        parts = tuple(where[k] for k in story.pieces)
        groups[-1].append(StorySpec(story.id, story.storyline, story.headline, parts))
        sizes[-1] += story.chars
    options = config.digest_key()
    return [DigestJob(content_key([asdict(s) for s in group], options), str(work), tuple(group),
                      config, size)
            for group, size in zip(groups, sizes, strict=True) if group]
