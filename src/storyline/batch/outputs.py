"""The outputs of a batch run: ``stories.parquet``, ``digests.jsonl`` and ``run.json``.

``stories.parquet`` has one row per story, earliest story first, with the columns
``story_id``, ``storyline_id``, ``headline`` and ``article_ids`` (a list of strings, in
publication order). ``digests.jsonl`` has one line per story in the same order: the digest
JSON of ``storyline digest`` (``docs/digest-json.md``) with the keys ``story_id`` and
``storyline_id`` added. ``run.json`` holds the counts, the skipped inputs with their
reasons, the seconds of each phase, and the CPU seconds its tasks used (the tasks run in
this run; reused ones count 0).

All three are streamed from the digest tasks' files one task at a time and written through
a temporary file renamed into place, so an interrupted run never leaves half a file.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.batch.tasks import DigestResult, ShardResult, WindowResult
from storyline.batch.windows import Joined
from storyline.batch.workdir import atomic_write
from storyline.model import Skipped

__all__ = ["DIGESTS", "RUN", "STORIES", "BatchReport", "write_outputs", "write_run"]

STORIES, DIGESTS, RUN = "stories.parquet", "digests.jsonl", "run.json"


@dataclass(frozen=True)
class BatchReport:
    """What a batch run did: ``counts``, ``skipped`` inputs, wall ``seconds`` per phase and
    the ``cpu`` seconds its tasks used per phase."""

    output: str
    engine: str
    workers: int
    counts: dict[str, int]
    skipped: tuple[Skipped, ...]
    seconds: dict[str, float]
    cpu: dict[str, float] = field(default_factory=dict)

    @classmethod
    def build(
        cls, engine: Any,
        results: tuple[list[ShardResult], list[WindowResult], list[DigestResult]],
        skipped: Sequence[Skipped], seconds: dict[str, float], stories: Sequence[Joined],
    ) -> BatchReport:
        """Count what the phases did (``output`` is set when the report is written)."""
        shards, windows, digests = results
        counts = {
            "shards": len(shards), "shards_reused": sum(r.reused for r in shards),
            "articles_read": sum(r.read for r in shards),
            "articles": sum(len(row[3]) for r in digests for row in r.rows),
            "sentences": sum(r.sentences for r in shards),
            "skipped": len(skipped),
            "windows": len(windows), "windows_reused": sum(r.reused for r in windows),
            "stories": len(stories), "storylines": len({s.storyline for s in stories}),
            "digest_tasks": len(digests), "digest_tasks_reused": sum(r.reused for r in digests),
        }
        total = sum(seconds.values())
        timing = {**{k: round(v, 3) for k, v in seconds.items()}, "total": round(total, 3)}
        cpu = {name: round(sum(r.cpu for r in phase if not r.reused), 3)
               for name, phase in zip(("shards", "windows", "digests"), results, strict=True)}
        return cls("", engine.name, engine.workers, counts, tuple(skipped), timing, cpu)

    def line(self) -> str:
        """One line for the terminal: what was found, from what, in how long."""
        c = self.counts
        return (f"batch: {c['stories']:,} stories in {c['storylines']:,} storylines from "
                f"{c['articles']:,} articles ({c['shards']:,} shards, {c['shards_reused']:,} "
                f"already done) in {self.seconds.get('total', 0.0):.1f} s on {self.engine} "
                f"({self.workers} worker(s)); wrote {self.output}")

    def to_dict(self) -> dict[str, Any]:
        """The ``run.json`` object."""
        total = self.seconds.get("total", 0.0)
        rate = self.counts["articles"] / total if total > 0 else 0.0
        return {
            "output": self.output, "engine": self.engine, "workers": self.workers,
            "counts": self.counts, "articles_per_second": round(rate, 2),
            "seconds": self.seconds, "task_cpu_seconds": self.cpu,
            "skipped": [s.to_dict() for s in self.skipped],
        }


def write_outputs(output: Path, digests: Sequence[DigestResult], report: BatchReport) -> BatchReport:
    """Write the three outputs into ``output`` (created when missing); returns the report."""
    output.mkdir(parents=True, exist_ok=True)
    _write_parquet(output / STORIES, digests)
    _concatenate(output / DIGESTS, [d.file for d in digests])
    report = _with_output(report, output)
    write_run(output, report)
    return report


def write_run(output: Path, report: BatchReport) -> None:
    """Write ``report`` to ``output/run.json`` (atomically)."""
    atomic_write(output / RUN, (json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
                                + "\n").encode("utf-8"))


def _with_output(report: BatchReport, output: Path) -> BatchReport:
    return dataclasses.replace(report, output=str(output))


def _write_parquet(path: Path, digests: Sequence[DigestResult]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([("story_id", pa.string()), ("storyline_id", pa.string()),
                        ("headline", pa.string()), ("article_ids", pa.list_(pa.string()))])
    temporary = _temporary(path)
    try:
        with pq.ParquetWriter(temporary, schema) as writer:
            for result in digests:
                columns = list(zip(*result.rows, strict=True)) or [[], [], [], []]
                writer.write_table(pa.table([list(c) for c in columns], schema=schema))
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _concatenate(path: Path, files: Sequence[str]) -> None:
    temporary = _temporary(path)
    try:
        with open(temporary, "wb") as target:
            for file in files:
                with open(file, "rb") as source:
                    shutil.copyfileobj(source, target)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _temporary(path: Path) -> Path:
    return path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
