"""The pipeline over sharded archives, on this machine or on a Dask cluster.

``run_batch(inputs, output, engine)`` reads shards (JSONL, JSONL.gz, WARC, folders of
article files), cleans and dates every article, clusters them one time window at a time
(windows overlap; stories cut by a window boundary are joined again), digests every story,
and writes ``stories.parquet``, ``digests.jsonl`` and ``run.json`` to ``output``. The same
task functions run on either engine (``open_engine("local")`` or ``open_engine("dask",
workers=4)``), and both give the same stories for the same input.

One module per step of the data flow: ``shards`` (input), ``windows`` (partitioning and
joining), ``tasks`` (the work done on workers), ``workdir`` (atomic, keyed files),
``engine`` (local or Dask), ``run`` (the driver), ``outputs`` (the files written),
``to_store`` (``--db``: the results loaded into a storyline database).
See ``docs/scale-out.md``.

Example::

    with open_engine("dask", workers=2) as engine:
        report = run_batch(["archive/*.jsonl.gz"], "out/archive", engine)
    report.counts["stories"]
"""

from __future__ import annotations

from storyline.batch.engine import DaskEngine, Engine, LocalEngine, open_engine
from storyline.batch.outputs import DIGESTS, RUN, STORIES, BatchReport
from storyline.batch.run import run_batch
from storyline.batch.shards import Shard, find_shards, read_shard

__all__ = [
    "DIGESTS",
    "RUN",
    "STORIES",
    "BatchReport",
    "DaskEngine",
    "Engine",
    "LocalEngine",
    "Shard",
    "find_shards",
    "open_engine",
    "read_shard",
    "run_batch",
]
