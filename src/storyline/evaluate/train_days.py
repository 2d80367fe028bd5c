"""Fit the day ranker (``storyline.timeline.days.DayRanker``) on gold timelines.

Each candidate day of a collection (``day_features``) is an example; its label is 1 when
the day is on the collection's gold timeline. The fit is scikit-learn's
``LogisticRegression`` on standardised features, classes balanced (gold days are a few
percent of the candidates), every collection weighted alike so a large one does not
drown the rest. ``leave_one_out`` fits one ranker per collection on all the others.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.linear_model import LogisticRegression

from storyline.timeline.days import DayFeatures, DayRanker

__all__ = ["REGULARISATION", "fit_ranker", "labels_of", "leave_one_out"]

REGULARISATION = 0.01
"""Inverse L2 strength ``C`` of the logistic regression (on standardised features); the
best of 0.01, 0.1, 1 and 10 by leave-one-collection-out date F1 on the 11 dev collections."""


def labels_of(found: DayFeatures, gold_days: Sequence) -> np.ndarray:
    """1 for each candidate day on the gold timeline, else 0.

    Example:
        >>> from datetime import date
        >>> labels_of(DayFeatures((date(2010, 4, 20), date(2010, 4, 21)), np.zeros((2, 1))), [date(2010, 4, 21)])
        array([0, 1])
    """
    wanted = set(gold_days)
    return np.array([int(d in wanted) for d in found.days])


def fit_ranker(examples: Sequence[tuple[DayFeatures, np.ndarray]], strength: float = REGULARISATION) -> DayRanker:
    """Logistic regression of the labels on the standardised features of ``examples``
    (``(features, labels)`` per collection, each collection's days weighted to sum to 1).

    Raises:
        ValueError: no example has both a gold and a non-gold day.
    """
    values = np.vstack([f.values for f, _ in examples])
    labels = np.concatenate([y for _, y in examples])
    if len(set(labels.tolist())) < 2:
        raise ValueError("the training days need both gold and other days")
    weights = np.concatenate([np.full(len(y), 1 / max(len(y), 1)) for _, y in examples])
    mean = values.mean(axis=0)
    scale = values.std(axis=0)
    scale = np.where(scale > 0, scale, 1.0)
    model = LogisticRegression(C=strength, class_weight="balanced", max_iter=1000)
    model.fit((values - mean) / scale, labels, sample_weight=weights * len(examples))
    return DayRanker(mean, scale, model.coef_.ravel(), float(model.intercept_[0]))


def leave_one_out(examples: dict[str, tuple[DayFeatures, np.ndarray]]) -> dict[str, DayRanker]:
    """For each collection name, the ranker fitted on every other collection."""
    return {name: fit_ranker([e for other, e in examples.items() if other != name]) for name in examples}
