"""Summary quality: run methods over clusters, score them with ROUGE, build the table.

``evaluate(clusters, methods, words)`` cleans every cluster once with storyline's own
pipeline (``storyline.clean.prose``: boilerplate out, sentences with offsets), runs each method on
those sentences, and scores it with ``storyline.evaluate.rouge.score``. The budget rule is
the same for every method: a method takes sentences in its own order of preference until
they reach ``words`` white-space words, and the summary is then cut to exactly ``words``
(the last sentence is shortened). ``storyline`` is our summarizer run as ``storyline
digest`` runs it (TF-IDF encoder, ``summarize``) except that it may fill up to the
budget (``fill=True``) before the cut, as the peers do.

Seconds per cluster are wall time of cleaning plus the method, so they compare what a user
would wait for each method from raw text.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from storyline.clean.prose import clean
from storyline.errors import UsageError
from storyline.evaluate.multinews import Cluster, load_clusters
from storyline.evaluate.peers import PEERS, Method, Prepared
from storyline.evaluate.rouge import (
    ROUGE_TYPES,
    Rouge,
    bootstrap_ci,
    score,
    split_reference,
)
from storyline.model import Skipped
from storyline.represent.document import document_of
from storyline.summary.summarize import summarize

__all__ = [
    "METHODS",
    "UPPER_BOUNDS",
    "ClusterScore",
    "MethodRow",
    "evaluate",
    "format_table",
    "load_for_eval",
    "method_names",
    "prepare",
    "storyline_method",
    "table",
    "write_jsonl",
]


def storyline_method(prepared: Prepared, words: int) -> list[str]:
    """storyline's summary (TF-IDF vectors, ``summarize``), filled to the budget."""
    if not prepared.sentences:
        return []
    summary = summarize(document_of(prepared.kept), words, fill=True)
    return [s.text for s in summary]


METHODS: dict[str, Method] = {"storyline": storyline_method, **PEERS}
"""Every method ``storyline eval summaries`` knows, ours first."""
UPPER_BOUNDS = frozenset({"oracle"})
"""Methods that read the reference: reported as upper bounds, not as peers."""


@dataclass(frozen=True)
class ClusterScore:
    """One method's summary of one cluster: ROUGE F1, seconds taken, words before the cut."""

    cluster: str
    method: str
    rouge: Rouge
    seconds: float
    words: int


@dataclass(frozen=True)
class MethodRow:
    """A table row: mean ROUGE F1 (x100) with 95% bootstrap intervals, mean seconds."""

    method: str
    clusters: int
    means: tuple[float, ...]
    intervals: tuple[tuple[float, float], ...]
    seconds: float
    upper_bound: bool


def prepare(cluster: Cluster) -> Prepared:
    """Clean the cluster's articles; articles with no prose left are left out."""
    cleaned = [clean(article) for article in cluster.articles]
    kept = [c for c in cleaned if c.sentences]
    return Prepared(cluster, tuple(c.article for c in kept),
                    tuple(s for c in kept for s in c.sentences), tuple(kept))


def evaluate(
    clusters: Iterable[Cluster],
    methods: Sequence[str],
    words: int,
    progress: Callable[[int], None] | None = None,
) -> list[ClusterScore]:
    """Score every method in ``methods`` (names in ``METHODS``) on every cluster.

    Raises:
        KeyError: a method name is unknown.
    """
    chosen = [(name, METHODS[name]) for name in methods]
    scores: list[ClusterScore] = []
    for count, cluster in enumerate(clusters, start=1):
        start = time.perf_counter()
        prepared = prepare(cluster)
        prep_seconds = time.perf_counter() - start
        reference = split_reference(cluster.reference)
        for name, method in chosen:
            start = time.perf_counter()
            summary = method(prepared, words)
            seconds = prep_seconds + time.perf_counter() - start
            total = sum(len(s.split()) for s in summary)
            scores.append(ClusterScore(cluster.id, name, score(summary, reference, words), seconds, total))
        if progress is not None:
            progress(count)
    return scores


def table(scores: Sequence[ClusterScore]) -> list[MethodRow]:
    """One row per method, in the order methods first appear in ``scores``."""
    rows = []
    for method in dict.fromkeys(s.method for s in scores):
        mine = [s for s in scores if s.method == method]
        values = [[100 * getattr(s.rouge, name) for s in mine] for name in ROUGE_TYPES]
        rows.append(MethodRow(
            method=method,
            clusters=len(mine),
            means=tuple(float(np.mean(v)) for v in values),
            intervals=tuple(bootstrap_ci(v) for v in values),
            seconds=float(np.mean([s.seconds for s in mine])),
            upper_bound=method in UPPER_BOUNDS,
        ))
    return rows


def format_table(rows: Sequence[MethodRow], words: int) -> str:
    """The table as plain text, one line per method (upper bounds marked)."""
    header = f"{'method':<22}{'R1 [95% CI]':>22}{'R2 [95% CI]':>22}{'RLsum [95% CI]':>22}{'s/cluster':>11}"
    lines = [f"ROUGE F1 x100 at {words} words, {rows[0].clusters if rows else 0} clusters", header]
    for row in rows:
        name = f"{row.method} (upper bound)" if row.upper_bound else row.method
        cells = "".join(f"{m:>8.2f} [{lo:5.2f}, {hi:5.2f}]" for m, (lo, hi) in zip(row.means, row.intervals))
        lines.append(f"{name:<22}{cells}{row.seconds:>11.3f}")
    return "\n".join(lines) + "\n"


def write_jsonl(scores: Sequence[ClusterScore], path: Path) -> None:
    """Write one JSON object per (cluster, method) to ``path``, creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        for s in scores:
            record = {"cluster": s.cluster, "method": s.method, "seconds": round(s.seconds, 4),
                      "words": s.words, **{name: round(getattr(s.rouge, name), 5) for name in ROUGE_TYPES}}
            handle.write(json.dumps(record) + "\n")


def method_names(requested: Sequence[str]) -> list[str]:
    """Method names from ``--methods`` values (repeated or comma-separated); all when empty.

    Raises:
        UsageError: a name is not in ``METHODS``.
    """
    names = [name.strip() for value in requested for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in METHODS]
    if unknown:
        raise UsageError(f"unknown method(s) {', '.join(unknown)}; choose from {', '.join(METHODS)}")
    return list(dict.fromkeys(names)) or list(METHODS)


def load_for_eval(data: Path, limit: int | None) -> tuple[list[Cluster], list[Skipped]]:
    """The first ``limit`` clusters (all when ``None``) of ``data`` and what was skipped.

    Raises:
        UsageError: ``data`` is missing or of an unknown kind, or ``limit`` is below 1.
    """
    if limit is not None and limit < 1:
        raise UsageError(f"--limit must be at least 1, got {limit}")
    try:
        clusters, skipped = load_clusters(data)
    except (FileNotFoundError, ValueError) as err:
        raise UsageError(f"--data: {err}") from None
    return clusters[:limit], skipped
