"""Vectors for sentences and titles.

``Encoder`` is the contract every encoder meets (scikit-learn style: keyword parameters
stored unchanged, ``fit`` returns ``self``, learned state ends in ``_``,
``get_feature_names_out`` names the columns). ``TfidfEncoder`` is the default: TF-IDF over
content-word stems from ``text.analyze``, rows L2-normalised, so the dot product of two
rows is their cosine similarity. ``make_encoder`` is the one place an encoder is built.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

from storyline.text import analyze

__all__ = ["Encoder", "TfidfEncoder", "make_encoder"]


class Encoder(Protocol):
    """Turns texts into row vectors whose dot products are cosine similarities."""

    def fit(self, texts: Sequence[str]) -> Encoder: ...

    def transform(self, texts: Sequence[str]) -> csr_matrix: ...

    def fit_transform(self, texts: Sequence[str]) -> csr_matrix: ...

    def get_feature_names_out(self) -> Sequence[str]: ...


class TfidfEncoder:
    """TF-IDF vectors of content-word stems.

    Args:
        sublinear_tf: use ``1 + log(tf)`` so a word repeated in one sentence counts less.
        min_df: ignore stems found in fewer texts than this.

    Example:
        >>> enc = TfidfEncoder().fit(["Talks on Syria failed.", "Syria talks collapsed."])
        >>> round(float((enc.transform(["Syria talks"]) @ enc.transform(["talks in Syria"]).T)[0, 0]), 2)
        1.0
    """

    def __init__(self, *, sublinear_tf: bool = True, min_df: int = 1) -> None:
        self.sublinear_tf = sublinear_tf
        self.min_df = min_df

    def fit(self, texts: Sequence[str]) -> TfidfEncoder:
        """Learn the vocabulary and IDF weights from ``texts``; returns ``self``."""
        self._fitted_counts(texts)
        return self

    def transform(self, texts: Sequence[str]) -> csr_matrix:
        """One L2-normalised row per text (all zeros for a text with no known stem)."""
        return self.weights_.transform(self.counts_.transform(texts))

    def fit_transform(self, texts: Sequence[str]) -> csr_matrix:
        """``fit(texts)`` then ``transform(texts)``, reading every text once."""
        counts = self._fitted_counts(texts)
        return self.weights_.transform(counts)

    def _fitted_counts(self, texts: Sequence[str]) -> csr_matrix:
        """Fit on ``texts`` and return their stem counts.

        Counting and weighing are scikit-learn's ``CountVectorizer`` and
        ``TfidfTransformer`` (what ``TfidfVectorizer`` chains), kept apart so that
        ``fit_transform`` counts the texts once; the counts' columns are put back in
        order, as ``transform`` gives them, so its rows are the same to the last bit.
        """
        self.counts_ = CountVectorizer(analyzer=analyze, min_df=self.min_df, dtype=np.float64)
        counts = self.counts_.fit_transform(texts)
        counts.sort_indices()
        self.weights_ = TfidfTransformer(sublinear_tf=self.sublinear_tf).fit(counts)
        return counts

    def get_feature_names_out(self) -> Sequence[str]:
        """The stem of each column, in column order."""
        return self.counts_.get_feature_names_out().tolist()


def make_encoder() -> Encoder:
    """A new, unfitted encoder of the kind every sentence and title is compared in."""
    return TfidfEncoder()
