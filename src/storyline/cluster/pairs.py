"""The learned chance that two articles (or an article and a storyline) share a storyline.

Storyline decisions combine separate signals rather than one hand-weighted cosine: the
cosine of the content-word blocks, the cosine of the name-and-number blocks (people,
places, organisations and figures, ``storyline.represent.articles.name_terms``), and the
time gap, with its own feature for an unknown gap. A logistic regression over these
``FEATURES`` gives ``P(same storyline)``. Two such models (``KINDS``) live in
``storyline_pairs.json`` beside this module: one for two articles, which batch clustering
links with average linkage, and one for an arriving article against the centroid of a
storyline, which the online tracker uses, in the manner of the article-to-cluster model of
Miranda et al. (EMNLP 2018). ``benchmarks/train_storyline_pairs.py`` refits both from the
issue 15 tuning folds of ``../shared/data`` (the Timeline17 stream as is and collapsed in
time, ECB+ topics, Multi-News clusters and an unrelated pile).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
from scipy.sparse import csr_matrix

from storyline.represent.articles import N_FEATURES

__all__ = ["FEATURES", "KINDS", "PairModel", "block_similarities", "pair_model"]

FEATURES = ("content", "names", "sqrt_content", "sqrt_names", "log_gap", "undated",
            "content_recent", "names_recent")
"""The pair features, in the order of the model's weights (see ``PairModel.features``)."""


@dataclass(frozen=True)
class PairModel:
    """Logistic regression weights over ``FEATURES``.

    Args:
        weights: one weight per feature.
        intercept: the bias.
        scale_days: time scale of the ``*_recent`` features (``exp(-gap / scale_days)``).
        horizon_days: the gap at which ``log_gap`` reaches 1.
    """

    weights: tuple[float, ...]
    intercept: float
    scale_days: float
    horizon_days: float

    def features(self, content: np.ndarray, names: np.ndarray, gap: np.ndarray) -> np.ndarray:
        """The ``FEATURES`` of pairs with these block cosines and day gaps (NaN: unknown),
        stacked on a new last axis."""
        unknown = np.isnan(gap)
        days = np.where(unknown, 0.0, np.abs(gap))
        content, names = np.clip(content, 0.0, 1.0), np.clip(names, 0.0, 1.0)
        recent = np.exp(-days / self.scale_days)
        return np.stack([content, names, np.sqrt(content), np.sqrt(names),
                         np.log1p(days) / np.log1p(self.horizon_days), unknown.astype(float),
                         content * recent, names * recent], axis=-1)

    def probability(self, content: np.ndarray, names: np.ndarray, gap: np.ndarray) -> np.ndarray:
        """``P(same storyline)`` of each pair (arrays of one shape; ``gap`` NaN when unknown).

        Example:
            >>> model = pair_model("articles")
            >>> same, other, later = model.probability(
            ...     np.array([0.5, 0.02, 0.5]), np.array([0.4, 0.0, 0.4]), np.array([1.0, 1.0, 400.0]))
            >>> bool(same > later > other)
            True
        """
        score = self.features(content, names, gap) @ np.asarray(self.weights) + self.intercept
        return 1.0 / (1.0 + np.exp(-score))

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-able data (``features`` names the weights in order)."""
        return {"features": list(FEATURES), "weights": list(self.weights),
                "intercept": self.intercept, "scale_days": self.scale_days,
                "horizon_days": self.horizon_days}


KINDS = ("articles", "storylines")
"""The shipped models: ``articles`` scores two articles (batch average linkage),
``storylines`` an arriving article against a storyline's centroid (the online tracker),
whose cosines run higher than those of two articles."""


@cache
def pair_model(kind: str) -> PairModel:
    """The shipped model of ``kind`` (one of ``KINDS``; ``storyline_pairs.json``).

    Raises:
        ValueError: the file names other features than ``FEATURES``.
        KeyError: an unknown ``kind``.
    """
    text = resources.files(__package__).joinpath("storyline_pairs.json").read_text("utf-8")
    data = json.loads(text)[kind]
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"storyline_pairs.json has features {data['features']}, expected {FEATURES}")
    return PairModel(tuple(float(w) for w in data["weights"]), float(data["intercept"]),
                     float(data["scale_days"]), float(data["horizon_days"]))


def block_similarities(rows: csr_matrix, others: csr_matrix) -> tuple[np.ndarray, np.ndarray]:
    """Content and name cosines between every row of ``rows`` and of ``others``.

    Both are ``weigh``-ed with ``name_weight=0.5`` (each block at length ``sqrt(0.5)``), so
    each block's dot product is half its cosine.

    Returns:
        ``(content, names)``, dense arrays of shape ``(len(rows), len(others))``.
    """
    in_names = rows.indices >= N_FEATURES
    content = csr_matrix((rows.data * ~in_names, rows.indices, rows.indptr), shape=rows.shape)
    names = csr_matrix((rows.data * in_names, rows.indices, rows.indptr), shape=rows.shape)
    return (2.0 * (content @ others.T).toarray(), 2.0 * (names @ others.T).toarray())
