"""Throughput of ``storyline batch``: --engine local (one process) against Dask workers.

Writes a slice of the Timeline17 collections (``../shared/data/timeline17``) as sharded
JSONL into a temporary folder - the first ``--articles / 11`` articles of each collection,
or every article replicated with fresh ids (``r<k>/<id>``, optionally published
``--shift-days`` later per replica) when more are asked for than there are - and runs the same ``run_batch`` on it with the local engine and with a
``LocalCluster`` of ``--workers`` single-threaded worker processes, alternating, for
``--repeats`` rounds. Each run writes to a fresh output folder.

The cluster is started (and warmed with one small run) before the timed runs, so both
engines are timed with their code imported and their caches filled; the seconds to start
the cluster are printed on their own. Prints articles/s per run, the ratio dask / local
per round, its median and spread, the CPU seconds the tasks used (which, unlike wall time,
do not grow when other processes compete for the cores), and the peak memory (RSS) of
each worker process.

Usage (from the repository root)::

    .venv/bin/python benchmarks/batch_throughput.py --articles 1100 --repeats 3
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import psutil

from storyline.batch import DaskEngine, LocalEngine, run_batch
from storyline.evaluate.timeline17 import load

DATA = Path(__file__).resolve().parents[1] / "../shared/data/timeline17"


def write_shards(folder: Path, articles: int, shard_size: int, shift_days: int = 0) -> int:
    """Write ``articles`` Timeline17 articles as JSONL shards; return how many were written.

    Replica ``k`` (beyond the first) is published ``k * shift_days`` days later than the
    original, so that with a shift the copies form a longer archive instead of swelling
    the same stories ``k``-fold.
    """
    topics = load(DATA)
    total = sum(len(t.articles) for t in topics)
    if articles <= total:
        per_topic = math.ceil(articles / len(topics))
        pool = [a for t in topics for a in t.articles[:per_topic]][:articles]
    else:
        pool = [a for t in topics for a in t.articles]
    lines = []
    for k in range(math.ceil(articles / len(pool))):
        for article in pool:
            if len(lines) == articles:
                break
            published = article.published + timedelta(days=k * shift_days)
            record = {"id": f"r{k}/{article.id}" if k else article.id, "text": article.text,
                      "source": article.source, "published": published.isoformat()}
            lines.append(json.dumps(record))
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, len(lines), shard_size):
        shard = folder / f"shard-{start // shard_size:05d}.jsonl"
        shard.write_text("\n".join(lines[start:start + shard_size]) + "\n", encoding="utf-8")
    return len(lines)


def timed(engine, inputs: Path, output: Path) -> tuple[float, int, float, float]:
    """Seconds of one run, the articles it clustered, the CPU seconds of its tasks, and
    the cores the whole machine kept busy on average meanwhile (all processes)."""
    before, start = psutil.cpu_times(), time.perf_counter()
    report = run_batch([str(inputs)], output, engine)
    seconds, after = time.perf_counter() - start, psutil.cpu_times()
    idle = (after.idle + after.iowait) - (before.idle + before.iowait)
    busy = (sum(after) - sum(before) - idle) / seconds
    return seconds, report.counts["articles"], sum(report.cpu.values()), busy


def peak_rss_mib() -> float:
    """Peak resident memory of this process, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1100)
    parser.add_argument("--shard-size", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--shift-days", type=int, default=0,
                        help="Publish replica k this many days * k later (0: same dates).")
    args = parser.parse_args()

    from distributed import Client, LocalCluster

    with tempfile.TemporaryDirectory(prefix="storyline-bench-") as tmp:
        root = Path(tmp)
        count = write_shards(root / "in", args.articles, args.shard_size, args.shift_days)
        write_shards(root / "warm", 40, 10)
        print(f"{count} articles in shards of {args.shard_size}; {args.workers} dask workers")
        start = time.perf_counter()
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
        print(f"cluster start: {time.perf_counter() - start:.1f} s")
        local, dask = LocalEngine(), DaskEngine(client)
        timed(local, root / "warm", root / "warm-local")
        timed(dask, root / "warm", root / "warm-dask")
        ratios = []
        for round_ in range(args.repeats):
            order = [("local", local), ("dask", dask)]
            if round_ % 2:
                order.reverse()
            rates, cpus = {}, {}
            for name, engine in order:
                seconds, done, cpus[name], busy = timed(engine, root / "in", root / f"out-{name}-{round_}")
                rates[name] = done / seconds
                print(f"round {round_ + 1} {name:5s}: {seconds:7.1f} s  {rates[name]:6.1f} articles/s"
                      f"  ({rates[name] / (engine.workers or 1):.1f} per worker); task CPU "
                      f"{cpus[name]:.1f} s = {1000 * cpus[name] / done:.0f} ms/article, "
                      f"{cpus[name] / seconds:.2f} cores; machine busy {busy:.2f} of "
                      f"{psutil.cpu_count()} cores")
            ratios.append(rates["dask"] / rates["local"])
            print(f"round {round_ + 1} ratio dask/local: {ratios[-1]:.2f}; task CPU dask/local: "
                  f"{cpus['dask'] / cpus['local']:.2f}")
        print(f"ratio: median {statistics.median(ratios):.2f}, min {min(ratios):.2f}, "
              f"max {max(ratios):.2f} over {len(ratios)} rounds")
        workers = client.run(peak_rss_mib)
        print("peak RSS per worker (MiB): " + ", ".join(f"{v:.0f}" for v in workers.values())
              + f"; driver/local process: {peak_rss_mib():.0f}")
        client.close()
        cluster.close()


if __name__ == "__main__":
    main()
