"""Clustering metrics: B-cubed and pairwise precision, recall and F1.

Both compare a predicted grouping with a gold one, given as one label per item (same
order). B-cubed (Bagga and Baldwin, 1998) averages over items: precision is the share of
an item's predicted cluster that shares its gold cluster, recall the share of its gold
cluster found in its predicted cluster. Pairwise scores count item pairs placed together,
as Miranda et al. (2018) report next to B-cubed for streaming news clustering. Both are
computed from the contingency table, so they take O(items) time.

``run_all`` scores storyline's batch clustering, its online ``StoryTracker`` and a peer
(TF-IDF average-linkage agglomerative clustering at its best single threshold) on one
labelled data set, at each level that has gold labels (story, storyline).

Example:
    >>> s = bcubed(["a", "a", "b"], [1, 1, 1])
    >>> s.precision, round(s.recall, 3), round(s.f1, 3)
    (1.0, 0.556, 0.714)
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from storyline.clean.prose import clean
from storyline.cluster.batch import cluster
from storyline.cluster.result import ClusterResult
from storyline.cluster.tracker import StoryTracker
from storyline.config import ClusterConfig
from storyline.evaluate.ecbplus import GoldArticle
from storyline.evaluate.scores import f1
from storyline.evaluate.streams import load_labelled
from storyline.represent.encoder import make_encoder

__all__ = [
    "PEER_THRESHOLDS",
    "Row",
    "Scores",
    "bcubed",
    "evaluate_path",
    "format_table",
    "pairwise",
    "run_all",
    "with_prose",
]


@dataclass(frozen=True)
class Scores:
    """Precision, recall and their harmonic mean (F1), each in 0..1."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0 when both are 0)."""
        return f1(self.precision, self.recall)


def _tables(
    predicted: Sequence[Hashable], gold: Sequence[Hashable]
) -> tuple[Counter[tuple[Hashable, Hashable]], Counter[Hashable], Counter[Hashable]]:
    if len(predicted) != len(gold):
        raise ValueError(f"got {len(predicted)} predicted labels for {len(gold)} gold labels")
    if not gold:
        raise ValueError("nothing to score: no items")
    return Counter(zip(predicted, gold)), Counter(predicted), Counter(gold)


def bcubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> Scores:
    """B-cubed precision and recall of ``predicted`` cluster labels against ``gold`` ones.

    Raises:
        ValueError: the two sequences differ in length or are empty.
    """
    both, clusters, classes = _tables(predicted, gold)
    n = len(gold)
    precision = sum(k * k / clusters[c] for (c, _), k in both.items()) / n
    recall = sum(k * k / classes[g] for (_, g), k in both.items()) / n
    return Scores(precision, recall)


def pairwise(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> Scores:
    """Pairwise precision and recall: item pairs put together, against pairs that belong together.

    With no predicted pair precision is 1; with no gold pair recall is 1.

    Raises:
        ValueError: the two sequences differ in length or are empty.

    Example:
        >>> s = pairwise(["a", "a", "b"], [1, 1, 1])
        >>> s.precision, round(s.recall, 3)
        (1.0, 0.333)
    """
    both, clusters, classes = _tables(predicted, gold)
    together = sum(_pairs(k) for k in both.values())
    predicted_pairs = sum(_pairs(k) for k in clusters.values())
    gold_pairs = sum(_pairs(k) for k in classes.values())
    precision = together / predicted_pairs if predicted_pairs else 1.0
    recall = together / gold_pairs if gold_pairs else 1.0
    return Scores(precision, recall)


def _pairs(k: int) -> int:
    return k * (k - 1) // 2


# -- runs: batch, online and the peer on one labelled data set ---------------------------

PEER_THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(1, 20))
"""Cosine-distance cut-offs tried for the peer; its best one is reported."""
ONLINE_ORDERS = 8
"""Shuffled orders (seeds 0..7) the tracker is fed when the articles carry no dates; one
order can be lucky, so precision and recall are averaged over all of them."""


@dataclass(frozen=True)
class Row:
    """One line of the evaluation table: a method scored at one level."""

    method: str
    level: str
    bcubed: Scores
    pairwise: Scores
    clusters: int
    seconds: float
    note: str = ""


def run_all(items: Sequence[GoldArticle], config: ClusterConfig | None = None,
            modes: Sequence[str] = ("batch", "online", "peer")) -> list[Row]:
    """Score ``modes`` on ``items`` at every level that has gold labels.

    Batch clusters all articles at once; online feeds them to a ``StoryTracker`` in
    publication order (or, when they carry no dates, in ``ONLINE_ORDERS`` shuffled orders,
    with precision and recall averaged); the peer is TF-IDF average-linkage agglomerative
    clustering at its best single threshold per level. ``items`` are scored as given: pass
    them through ``with_prose`` first to score what ``storyline ingest`` and ``storyline
    cluster`` keep.
    """
    rows: list[Row] = []
    for mode in modes:
        start = time.perf_counter()
        if mode == "peer":
            rows += _peer_rows(items, start)
        elif mode == "online":
            rows += _online_rows(items, config, start)
        else:
            result = cluster([item.article for item in items], config=config)
            rows += _rows(mode, items, result, time.perf_counter() - start)
    return rows


def with_prose(items: Sequence[GoldArticle]) -> list[GoldArticle]:
    """The items whose article keeps prose after cleaning (``clean.prose.clean``): an
    archive's crawl notice or an error page is left out, as ``storyline ingest`` and
    ``storyline cluster`` skip it."""
    return [item for item in items if clean(item.article).sentences]


def _online_rows(items: Sequence[GoldArticle], config: ClusterConfig | None,
                 start: float) -> list[Row]:
    articles = [item.article for item in items]
    undated = all(article.published is None for article in articles)
    runs = []
    for seed in range(ONLINE_ORDERS if undated else 1):
        order = list(articles)
        if undated:
            random.Random(seed).shuffle(order)
        tracker = StoryTracker.from_config(config or ClusterConfig()).partial_fit(order)
        runs.append(_rows("online", items, ClusterResult(tracker.stories(), tracker.storylines()), 0.0))
    seconds = (time.perf_counter() - start) / len(runs)
    note = f"mean of {len(runs)} shuffled orders (undated)" if undated else ""
    return [_mean_row(level, seconds, note) for level in zip(*runs, strict=True)]


def _mean_row(rows: Sequence[Row], seconds: float, note: str) -> Row:
    """One row whose precisions, recalls and group count are the means of ``rows``."""
    def mean(scores: Sequence[Scores]) -> Scores:
        return Scores(float(np.mean([s.precision for s in scores])),
                      float(np.mean([s.recall for s in scores])))

    return Row(rows[0].method, rows[0].level, mean([r.bcubed for r in rows]),
               mean([r.pairwise for r in rows]), round(float(np.mean([r.clusters for r in rows]))),
               seconds, note)


def _levels(items: Sequence[GoldArticle]) -> list[tuple[str, list[str]]]:
    levels = []
    for level in ("story", "storyline"):
        gold = [getattr(item, level) for item in items]
        if all(gold):
            levels.append((level, gold))
    return levels


def _rows(method: str, items: Sequence[GoldArticle], result: ClusterResult,
          seconds: float) -> list[Row]:
    story_of = {a: story for story in result.stories for a in story.articles}
    rows = []
    for level, gold in _levels(items):
        key = (lambda s: s.id) if level == "story" else (lambda s: s.storyline)
        predicted = [key(story_of[item.article.id]) for item in items]
        rows.append(Row(method, level, bcubed(predicted, gold), pairwise(predicted, gold),
                        len(set(predicted)), seconds))
    return rows


def _peer_rows(items: Sequence[GoldArticle], start: float) -> list[Row]:
    texts = [item.article.text for item in items]
    vectors = make_encoder().fit_transform(texts)
    distance = np.clip(1.0 - (vectors @ vectors.T).toarray(), 0.0, None)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    cuts = {t: fcluster(tree, t=t, criterion="distance") for t in PEER_THRESHOLDS}
    seconds = time.perf_counter() - start
    rows = []
    for level, gold in _levels(items):
        best = max(PEER_THRESHOLDS, key=lambda t: bcubed(list(cuts[t]), gold).f1)
        labels = list(cuts[best])
        rows.append(Row("peer", level, bcubed(labels, gold), pairwise(labels, gold),
                        len(set(labels)), seconds, f"TF-IDF average linkage, distance {best}"))
    return rows


def format_table(rows: Sequence[Row], title: str) -> str:
    """The rows as a plain-text table headed by ``title``."""
    header = (f"{'method':<8} {'level':<10} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} "
              f"{'pair P':>6} {'pair R':>6} {'pairF1':>6} {'groups':>6} {'secs':>6}  note")
    lines = [title, header]
    for r in rows:
        lines.append(
            f"{r.method:<8} {r.level:<10} {r.bcubed.precision:6.3f} {r.bcubed.recall:6.3f} "
            f"{r.bcubed.f1:6.3f} {r.pairwise.precision:6.3f} {r.pairwise.recall:6.3f} "
            f"{r.pairwise.f1:6.3f} {r.clusters:6d} {r.seconds:6.1f}  {r.note}"
        )
    return "\n".join(lines) + "\n"


def evaluate_path(path: Path | str, modes: Sequence[str] = ("batch", "online", "peer"),
                  config: ClusterConfig | None = None, *, fold: str = "all",
                  collapse: bool = False) -> str:
    """Load ECB+, a Timeline17 stream or a Multi-News pile from ``path`` and score it.

    ``fold`` and ``collapse`` are as in ``storyline.evaluate.streams.load_labelled``.

    Returns:
        The table text, headed by the data set, its size and what was skipped.

    Raises:
        UsageError: ``path`` holds none of the three layouts, or an unknown fold.
    """
    items, skipped, name = load_labelled(path, fold=fold, collapse=collapse)
    kept = with_prose(items)
    title = (f"{name}: {len(items)} articles ({len(items) - len(kept)} with no prose after "
             f"cleaning, left out), {len(skipped)} item(s) skipped")
    return format_table(run_all(kept, config, modes), title)
