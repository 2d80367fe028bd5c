"""Clustering metrics: B-cubed and pairwise precision, recall and F1.

Both compare a predicted grouping with a gold one, given as one label per item (same
order). B-cubed (Bagga and Baldwin, 1998) averages over items: precision is the share of
an item's predicted cluster that shares its gold cluster, recall the share of its gold
cluster found in its predicted cluster. Pairwise scores count item pairs placed together,
as Miranda et al. (2018) report next to B-cubed for streaming news clustering. Both are
computed from the contingency table, so they take O(items) time.

Example:
    >>> s = bcubed(["a", "a", "b"], [1, 1, 1])
    >>> round(s.precision, 3), s.recall, round(s.f1, 3)
    (0.556, 1.0, 0.714)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

__all__ = ["Scores", "bcubed", "pairwise"]


@dataclass(frozen=True)
class Scores:
    """Precision, recall and their harmonic mean (F1), each in 0..1."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0 when both are 0)."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


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
