"""Fit and cross-validate the summary sentence scorer (``storyline.summary.scorer``).

Training data: clusters with reference summaries (the Multi-News validation clusters).
Each kept sentence gets the features ``summarize`` computes and, as its label, its
ROUGE-2 precision against the reference: the share of its bigrams the human summary also
has (a per-sentence ROUGE oracle; rouge-score's tokens and stems). The fit is a
scikit-learn ``Ridge`` on standardised features.

``cross_validate`` reports honest figures: clusters are split into folds, each fold is
summarized with weights fitted on the other folds only, and ROUGE is computed as in
``storyline eval summaries`` (fill to the budget, then cut).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.linear_model import Ridge
from sklearn.preprocessing import StandardScaler

from storyline.evaluate.multinews import Cluster
from storyline.evaluate.peers import Prepared
from storyline.evaluate.rouge import Rouge, ngrams, rouge_tokens, score, split_reference
from storyline.evaluate.summaries import prepare
from storyline.represent.document import StoryDocument, document_of
from storyline.summary.summarize import summarize, summary_features
from storyline.summary.scorer import FEATURE_NAMES, Scorer

__all__ = ["RIDGE_ALPHA", "Example", "cross_validate", "examples", "fit", "sentence_labels"]

RIDGE_ALPHA = 1.0
"""L2 penalty of the ridge fit (on standardised features)."""


@dataclass(frozen=True)
class Example:
    """One training cluster: its prepared sentences, story document, features and labels."""

    prepared: Prepared
    document: StoryDocument
    features: np.ndarray
    labels: np.ndarray


def sentence_labels(texts: Sequence[str], reference: str) -> np.ndarray:
    """ROUGE-2 precision of each text against ``reference`` (0 for a text without bigrams).

    Example:
        >>> sentence_labels(["The dam cracked today.", "Rain fell."], "The dam cracked on Monday.")
        array([0.66666667, 0.        ])
    """
    wanted = ngrams(rouge_tokens(reference), 2)
    labels = []
    for text in texts:
        grams = ngrams(rouge_tokens(text), 2)
        labels.append(sum((grams & wanted).values()) / max(1, sum(grams.values())))
    return np.array(labels)


def examples(clusters: Sequence[Cluster]) -> list[Example]:
    """Prepare, encode and label every cluster that keeps at least one sentence."""
    found = []
    for cluster in clusters:
        prepared = prepare(cluster)
        if not prepared.sentences:
            continue
        texts = [s.text for s in prepared.sentences]
        document = document_of(prepared.kept)
        features = summary_features(document)
        found.append(Example(prepared, document, features, sentence_labels(texts, cluster.reference)))
    return found


def fit(training: Sequence[Example], alpha: float = RIDGE_ALPHA, exclude: Sequence[str] = ()) -> Scorer:
    """Ridge regression of the labels on the standardised features of ``training``.

    Features named in ``exclude`` are left out (their weight is 0), for ablations.
    """
    features = np.vstack([e.features for e in training])
    labels = np.concatenate([e.labels for e in training])
    scaler = StandardScaler().fit(features)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    standard = (features - scaler.mean_) / scale
    standard[:, [FEATURE_NAMES.index(name) for name in exclude]] = 0.0
    model = Ridge(alpha=alpha).fit(standard, labels)
    return Scorer(scaler.mean_, scale, model.coef_, float(model.intercept_))


def cross_validate(
    data: Sequence[Example], words: int, folds: int = 5, seed: int = 0, exclude: Sequence[str] = ()
) -> list[Rouge]:
    """ROUGE of every cluster summarized by weights fitted without its fold (input order)."""
    order = np.random.default_rng(seed).permutation(len(data))
    results: dict[int, Rouge] = {}
    for held_out in np.array_split(order, folds):
        held = set(held_out.tolist())
        scorer = fit([e for k, e in enumerate(data) if k not in held], exclude=exclude)
        for k in held:
            results[k] = _rouge(data[k], scorer, words)
    return [results[k] for k in range(len(data))]


def _rouge(example: Example, scorer: Scorer, words: int) -> Rouge:
    p = example.prepared
    summary = summarize(example.document, words, fill=True, scorer=scorer)
    return score([s.text for s in summary], split_reference(p.cluster.reference), words)
