"""Precision, recall and F1 from counts: the one definition every evaluation uses."""

from __future__ import annotations

__all__ = ["f1", "prf"]


def f1(precision: float, recall: float) -> float:
    """Harmonic mean of ``precision`` and ``recall``; 0 when both are 0.

    Example:
        >>> round(f1(0.5, 1.0), 3)
        0.667
    """
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``correct`` hits among ``predicted`` items and ``gold`` items.

    An empty side scores 0 (nothing predicted: precision 0; nothing to find: recall 0).

    Example:
        >>> prf(2, 4, 2)
        (0.5, 1.0, 0.6666666666666666)
    """
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    return precision, recall, f1(precision, recall)
