"""Online ingest speed and memory: the Timeline17 stream into a fresh SQLite database.

Reads every Timeline17 collection under ``--data`` as one stream in publication order
(``storyline.evaluate.timeline17_stream``), ingests it with ``Store.ingest`` (clean, track,
store; one transaction per batch) once per ``--workers`` count, and prints articles per
second, the speed ratio against the first count (run in the same script), where the main
process spent its time, resident memory as the stream grows, and the peak. Digests are
built after the articles, and timed on their own. Wall-clock rates depend on what else the
machine runs: compare the ratio.

Usage (from the repository root)::

    .venv/bin/python benchmarks/ingest_speed.py [--data ../shared/data/timeline17]
        [--limit N] [--batch-size N] [--workers 1 2] [--no-digests]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import storyline.store.ingest as ingest_module
from storyline.cluster.tracker import StoryTracker
from storyline.config import Config
from storyline.evaluate.timeline17_stream import load_stream
from storyline.model import Article
from storyline.store import Store
from storyline.store.prepare import default_workers
from storyline.store.read import refresh_digests

SPENT: dict[str, float] = defaultdict(float)
PREPARE = ingest_module.prepare


def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function``, adding its run time to ``SPENT[name]``."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[name] += time.perf_counter() - start

    return wrapper


def rss_mib() -> float:
    """Resident memory of this process now, in MiB."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/data/timeline17")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--batch-size", type=int, default=ingest_module.DEFAULT_BATCH)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, default_workers()],
                        help="worker counts to run, one after the other (the first is the "
                             "baseline of the speed ratio)")
    parser.add_argument("--no-digests", action="store_true")
    args = parser.parse_args()

    gold, skipped = load_stream(args.data)
    stream = [g.article for g in gold][: args.limit]
    print(f"stream: {len(stream)} articles ({len(skipped)} empty files left out); "
          f"batch size {args.batch_size}; {os.cpu_count()} cores")
    ingest_module.write_batch = timed("write", ingest_module.write_batch)
    baseline = None
    for workers in args.workers:
        seconds = run(stream, workers, args)
        baseline = baseline or seconds
        print(f"  -> {baseline / seconds:.2f}x the speed of {args.workers[0]} worker(s)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MiB (largest worker {children:.0f} MiB); "
          f"python {sys.version.split()[0]}")


def run(stream: list[Article], workers: int, args: argparse.Namespace) -> float:
    """Ingest ``stream`` into a new database with ``workers``; print figures; the seconds."""
    SPENT.clear()
    ingest_module.prepare = timed("prepare (clean, encode, headline)", PREPARE) if workers == 1 else PREPARE

    class TimedTracker(StoryTracker):
        add = timed("track", StoryTracker.add)
        to_state = timed("tracker state", StoryTracker.to_state)

    memory: list[tuple[int, float]] = []

    def progress(_phase: str, done: int, total: int) -> None:
        if not memory or done >= memory[-1][0] + total // 8 or done == total:
            memory.append((done, rss_mib()))

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        with Store(db, create=True) as store:
            start, cpu = time.perf_counter(), time.process_time()
            report = store.ingest(stream, batch_size=args.batch_size, digests=False,
                                  tracker_type=TimedTracker, progress=progress,
                                  workers=workers)
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
            print(f"workers {workers}: stored {report.stored} articles "
                  f"({len(report.skipped)} skipped) in {seconds:.1f} s: "
                  f"{len(stream) / seconds:.1f} articles/s (CPU of this process {cpu:.1f} s)")
            rest = seconds - sum(SPENT.values())
            split = ", ".join(f"{k} {v:.1f} s" for k, v in SPENT.items())
            print(f"  time in this process: {split}, other {rest:.1f} s")
            if not args.no_digests:
                start, cpu_d = time.perf_counter(), time.process_time()
                built = refresh_digests(store.engine, Config(), workers=workers)
                digest_seconds, cpu_d = time.perf_counter() - start, time.process_time() - cpu_d
                print(f"  digests: {built} built in {digest_seconds:.1f} s (CPU {cpu_d:.1f} s); "
                      f"with digests {len(stream) / (seconds + digest_seconds):.1f} articles/s")
        size = sum(f.stat().st_size for f in Path(folder).iterdir()) / 2**20
    print(f"  database: {size:.1f} MiB")
    print("  memory (articles done: RSS MiB): "
          + ", ".join(f"{d}: {m:.0f}" for d, m in memory))
    return seconds


if __name__ == "__main__":
    main()
