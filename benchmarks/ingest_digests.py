"""What keeping digests fresh costs during ``storyline ingest``: with digests against ``--no-digests``.

Ingests the first ``--limit`` articles of the Timeline17 stream (every collection, in
publication order: ``storyline.evaluate.timeline17_stream``) into a fresh SQLite database
with ``Store.ingest`` as ``storyline ingest`` does (``--batch-size``, one worker per core by
default), once without and once with digests, in this one run, and prints articles per
second for each and the ratio of their times. Wall-clock rates depend on what else the
machine runs (the load average is printed); the ratio is measured in the same run.

Usage (from the repository root)::

    PYTHONPATH=src .venv/bin/python benchmarks/ingest_digests.py [--limit 1500]
        [--data ../shared/data/timeline17] [--workers N]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from storyline.evaluate.timeline17_stream import load_stream
from storyline.model import Article
from storyline.store import DEFAULT_BATCH, Store
from storyline.store.prepare import default_workers


def ingest_seconds(stream: list[Article], *, digests: bool, workers: int, batch_size: int) -> tuple[float, int]:
    """Wall seconds to ingest ``stream`` into a new database, and the digests built."""
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.db", create=True) as store:
        start = time.perf_counter()
        report = store.ingest(stream, batch_size=batch_size, digests=digests, workers=workers)
        return time.perf_counter() - start, report.digests


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/data/timeline17")
    parser.add_argument("--limit", type=int, default=1500)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH)
    parser.add_argument("--workers", type=int, default=default_workers())
    args = parser.parse_args()
    gold, _ = load_stream(args.data)
    stream = [g.article for g in gold][: args.limit]
    print(f"{len(stream)} articles, batch size {args.batch_size}, {args.workers} worker(s); "
          f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    bare, _ = ingest_seconds(stream, digests=False, workers=args.workers, batch_size=args.batch_size)
    full, built = ingest_seconds(stream, digests=True, workers=args.workers, batch_size=args.batch_size)
    print(f"--no-digests: {bare:6.1f} s, {len(stream) / bare:6.1f} articles/s")
    print(f"digests:      {full:6.1f} s, {len(stream) / full:6.1f} articles/s ({built} digests)")
    print(f"with digests / without: {full / bare:.2f}x; load average now {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
