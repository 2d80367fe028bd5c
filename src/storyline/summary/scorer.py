"""How much a sentence belongs in a story's summary: features and a small learned scorer.

``sentence_features`` describes each sentence of a story with ``FEATURE_NAMES``: support
across outlets (how closely the other articles report the same content), centrality,
position in its article, length, form (fragments that lean on their neighbours, quotes,
attributions), and how many outlets use its words. ``Scorer`` is a linear model over the
standardised features; its weights ship in ``weights.json`` next to this module.

The weights were fitted (ridge regression) on the 250 Multi-News validation clusters in
``../shared/data/multinews/validation.csv``; the label of a sentence is its ROUGE-2
precision against the human reference summary (a per-sentence ROUGE oracle). Refit and
cross-validate with ``benchmarks/train_summary_scorer.py``. No library learns this from
our sentence layer, so the features are ours; the fit itself is scikit-learn's ``Ridge``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix

from storyline.model import Sentence
from storyline.summary.words import ATTRIBUTION, DIGIT, FORM_PATTERNS
from storyline.text import QUOTE_MARK

__all__ = ["FEATURE_NAMES", "FORM_PATTERNS", "WEIGHTS_PATH", "Scorer", "default_scorer", "sentence_features"]

WEIGHTS_PATH = Path(__file__).with_name("weights.json")
"""The shipped weights of the default scorer."""

SUPPORT_MIN = 0.3
"""Cosine at or above which another article counts as reporting a sentence's content."""
LONG_WORDS = 40
"""Sentences longer than this are flagged as long."""

FEATURE_NAMES: tuple[str, ...] = (
    "support_mean", "support_max", "support_share", "centrality", "centroid_cosine",
    "position_inverse", "is_first", "relative_position", "log_words", "is_long",
    *(f"form: {name}" for name, _ in FORM_PATTERNS),
    "unbalanced_quotes", "has_quote", "has_digit", "capitalised_share", "log_articles",
    "log_article_sentences", "outlet_word_share", "article_centroid_cosine",
    "paragraph_inverse", "is_second", "has_attribution",
)
"""The columns of ``sentence_features``, in order."""


@dataclass(frozen=True)
class Scorer:
    """Linear scorer over standardised features: ``((F - mean) / scale) @ coef + intercept``.

    Raises:
        ValueError: (from ``load``) the weights do not name ``FEATURE_NAMES`` in order.
    """

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    @classmethod
    def load(cls, path: Path | str = WEIGHTS_PATH) -> Scorer:
        """Read weights written by ``to_dict`` (JSON)."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if tuple(data["features"]) != FEATURE_NAMES:
            raise ValueError(f"{path}: weights are for other features; refit them")
        return cls(*(np.array(data[key], dtype=float) for key in ("mean", "scale", "coef")),
                   float(data["intercept"]))

    def to_dict(self) -> dict[str, object]:
        """JSON-ready weights, keyed by feature name order."""
        return {"features": list(FEATURE_NAMES), "mean": self.mean.round(6).tolist(),
                "scale": self.scale.round(6).tolist(), "coef": self.coef.round(6).tolist(),
                "intercept": round(self.intercept, 6)}

    def score(self, features: np.ndarray) -> np.ndarray:
        """One score per row of ``features`` (higher: more summary-worthy)."""
        return ((features - self.mean) / self.scale) @ self.coef + self.intercept


@lru_cache(maxsize=1)
def default_scorer() -> Scorer:
    """The scorer with the shipped weights (read once)."""
    return Scorer.load()


def sentence_features(
    sentences: Sequence[Sentence],
    vectors: csr_matrix,
    similarity: np.ndarray,
    best_match: np.ndarray,
    article_of: np.ndarray,
) -> np.ndarray:
    """One row of ``FEATURE_NAMES`` per sentence.

    Args:
        sentences: the story's kept sentences, grouped by article in reading order.
        vectors: their L2-normalised rows (TF-IDF by default).
        similarity: cosine of every pair of sentences.
        best_match: per sentence and article, the cosine of that article's closest sentence.
        article_of: per sentence, the position of its article in ``best_match``'s columns.
    """
    n, articles = best_match.shape
    per_article = np.bincount(article_of, minlength=articles)[article_of]
    index = np.array([s.index for s in sentences], dtype=float)
    lengths = np.array([len(s.text.split()) for s in sentences], dtype=float)
    paragraph = np.array([s.paragraph for s in sentences], dtype=float)
    columns = [
        *_support(best_match, article_of),
        _centrality(similarity),
        _centroid_cosine(similarity, np.zeros(n, dtype=int)),
        1 / (1 + index), index == 0, index / per_article,
        np.log(np.maximum(lengths, 1)), lengths > LONG_WORDS,
        *_text_flags(sentences),
        np.full(n, np.log(articles)), np.log(per_article),
        _outlet_word_share(vectors, article_of, articles),
        _centroid_cosine(similarity, article_of),
        1 / (1 + paragraph), index == 1,
        np.array([bool(ATTRIBUTION.search(s.text)) for s in sentences]),
    ]
    return np.column_stack([np.asarray(c, dtype=float) for c in columns])


def _support(best_match: np.ndarray, article_of: np.ndarray) -> list[np.ndarray]:
    """Mean and max closeness of the other articles, and the share that report it."""
    n, articles = best_match.shape
    if articles < 2:
        return [np.zeros(n)] * 3
    others = best_match.copy()
    others[np.arange(n), article_of] = np.nan
    return [np.nanmean(others, axis=1), np.nanmax(others, axis=1),
            np.nansum(others >= SUPPORT_MIN, axis=1) / (articles - 1)]


def _centrality(similarity: np.ndarray) -> np.ndarray:
    mean = similarity.mean(axis=1)
    return mean / (mean.max() or 1.0)


def _centroid_cosine(similarity: np.ndarray, group: np.ndarray) -> np.ndarray:
    """Cosine of each sentence with the centroid of its group (``group`` ids per sentence)."""
    result = np.zeros(len(group))
    for g in np.unique(group):
        members = group == g
        totals = similarity[np.ix_(members, members)].sum(axis=1)
        result[members] = totals / np.sqrt(max(totals.sum(), 1e-12))
    return result


def _text_flags(sentences: Sequence[Sentence]) -> list[np.ndarray]:
    """Form patterns, quote balance, quotes, digits and the share of capitalised words."""
    rows = []
    for s in sentences:
        text = s.text
        words = text.split()
        capitalised = sum(1 for w in words[1:] if w[:1].isupper()) / max(1, len(words) - 1)
        rows.append([*(bool(p.search(text)) for _, p in FORM_PATTERNS),
                     text.count('"') % 2 == 1 or text.count("“") != text.count("”"),
                     bool(QUOTE_MARK.search(text)), bool(DIGIT.search(text)), capitalised])
    return list(np.array(rows, dtype=float).reshape(len(sentences), -1).T)


def _outlet_word_share(vectors: csr_matrix, article_of: np.ndarray, articles: int) -> np.ndarray:
    """Mean, over a sentence's words, of the share of articles that use the word."""
    present = vectors.copy().tocsr()
    present.data[:] = 1.0
    membership = csr_matrix((np.ones(len(article_of)), (article_of, np.arange(len(article_of)))),
                            shape=(articles, len(article_of)))
    used = (membership @ present).toarray() > 0
    share = used.sum(axis=0) / articles
    words = np.asarray(present.sum(axis=1)).ravel()
    return np.asarray(present @ share).ravel() / np.maximum(words, 1)
