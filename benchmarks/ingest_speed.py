"""Online ingest speed and memory: the Timeline17 stream into a fresh SQLite database.

Reads every Timeline17 collection under ``--data`` as one stream in publication order
(``storyline.evaluate.timeline17_stream``), ingests it with ``Store.ingest`` (clean, track,
store; one transaction per batch) and prints articles per second, where the time went
(cleaning, tracking, writing), resident memory as the stream grows, and the peak. Digests
are built after the articles, and timed on their own. Wall-clock rates depend on what
else the machine runs; the CPU-time rate does not.

Usage (from the repository root)::

    .venv/bin/python benchmarks/ingest_speed.py [--data ../shared/data/timeline17]
        [--limit N] [--batch-size 32] [--no-digests]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import storyline.store.ingest as ingest_module
from storyline.config import Options
from storyline.evaluate.timeline17_stream import load_stream
from storyline.store import Store
from storyline.store.read import refresh_digests

SPENT: dict[str, float] = defaultdict(float)


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
    parser.add_argument("--no-digests", action="store_true")
    args = parser.parse_args()

    gold, skipped = load_stream(args.data)
    stream = [g.article for g in gold][: args.limit]
    print(f"stream: {len(stream)} articles ({len(skipped)} empty files left out)")
    ingest_module.clean = timed("clean", ingest_module.clean)
    ingest_module.write_batch = timed("write", ingest_module.write_batch)
    from storyline.cluster import StoryTracker

    class TimedTracker(StoryTracker):
        add = timed("track", StoryTracker.add)
        to_state = timed("tracker state", StoryTracker.to_state)

    memory: list[tuple[int, float]] = []

    def progress(_phase: str, done: int, total: int) -> None:
        if not memory or done >= memory[-1][0] + total // 8 or done == total:
            memory.append((done, rss_mib()))

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        base = rss_mib()
        with Store(db) as store:
            start, cpu = time.perf_counter(), time.process_time()
            report = store.ingest(stream, batch_size=args.batch_size, digests=False,
                                  tracker_type=TimedTracker, progress=progress)
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
            print(f"stored {report.stored} articles ({len(report.skipped)} skipped) in "
                  f"{seconds:.1f} s: {len(stream) / seconds:.1f} articles/s "
                  f"(CPU {cpu:.1f} s: {len(stream) / cpu:.1f} articles per CPU second)")
            rest = seconds - sum(SPENT.values())
            split = ", ".join(f"{k} {v:.1f} s" for k, v in SPENT.items())
            print(f"time: {split}, other {rest:.1f} s")
            if not args.no_digests:
                start, cpu_d = time.perf_counter(), time.process_time()
                built = refresh_digests(store.engine, Options())
                digest_seconds, cpu_d = time.perf_counter() - start, time.process_time() - cpu_d
                print(f"digests: {built} built in {digest_seconds:.1f} s (CPU {cpu_d:.1f} s); "
                      f"with digests {len(stream) / (seconds + digest_seconds):.1f} articles/s")
        size = sum(f.stat().st_size for f in Path(folder).iterdir()) / 2**20
    print(f"database: {size:.1f} MiB")
    print("memory (articles done: RSS MiB): " + ", ".join(f"{d}: {m:.0f}" for d, m in memory))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MiB (before ingest {base:.0f} MiB); python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
