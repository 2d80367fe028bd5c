"""ROUGE scoring of summaries against a reference, with Google's ``rouge-score``.

The set-up, the same for every method:

* ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 from ``rouge_score.rouge_scorer`` with the Porter
  stemmer on (the package's own tokenizer: lower case, ``[a-z0-9]+`` tokens).
* The system summary is cut to the word budget: its sentences are kept in order while
  they fit, and the sentence that crosses the budget is cut to the words that remain.
  A word is a white-space separated token, as in the usual ``text.split()[:N]`` cut.
* ROUGE-Lsum needs one sentence per line: system sentences are joined by newlines, and
  the reference is split into sentences with ``storyline.text.sentence_spans`` (the
  package's own splitter needs NLTK data, which is not installed here).

``bootstrap_ci`` gives the 95% percentile bootstrap interval of a mean, with a fixed seed so
that a table is reproducible.

Example:
    >>> s = score(["The dam cracked on Monday."], "The dam cracked on Monday.", words=250)
    >>> round(s.rouge1, 3), round(s.rouge2, 3), round(s.rougeLsum, 3)
    (1.0, 1.0, 1.0)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rouge_score import rouge_scorer
from rouge_score.tokenizers import DefaultTokenizer

from storyline.text import sentence_spans

__all__ = [
    "ROUGE_TYPES",
    "Rouge",
    "bootstrap_ci",
    "cut_to_words",
    "ngrams",
    "rouge_tokens",
    "score",
    "split_reference",
]

ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")
"""The ROUGE variants reported, in table order."""
BOOTSTRAP_SAMPLES = 1000
"""Resamples drawn for a bootstrap confidence interval."""


@dataclass(frozen=True)
class Rouge:
    """F1 scores (0 to 1) of one summary against its reference."""

    rouge1: float
    rouge2: float
    rougeLsum: float  # the name rouge-score gives it


@lru_cache(maxsize=1)
def _scorer() -> rouge_scorer.RougeScorer:
    return rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)


@lru_cache(maxsize=1)
def _tokenizer() -> DefaultTokenizer:
    return DefaultTokenizer(use_stemmer=True)


def rouge_tokens(text: str) -> list[str]:
    """``text`` as rouge-score tokenizes it (lower case, ``[a-z0-9]+``, Porter stems).

    Example:
        >>> rouge_tokens("The dams cracked.")
        ['the', 'dam', 'crack']
    """
    return _tokenizer().tokenize(text)


def ngrams(tokens: Sequence[str], n: int) -> Counter:
    """Counts of the ``n``-grams of ``tokens`` (tuples of ``n`` tokens)."""
    return Counter(zip(*(tokens[k:] for k in range(n))))


def cut_to_words(sentences: Sequence[str], words: int) -> list[str]:
    """Keep ``sentences`` in order up to ``words`` white-space words, cutting the last one.

    Raises:
        ValueError: ``words`` is below 1.

    Example:
        >>> cut_to_words(["One two three.", "Four five six."], 4)
        ['One two three.', 'Four']
    """
    if words < 1:
        raise ValueError(f"words must be at least 1, got {words}")
    kept: list[str] = []
    left = words
    for sentence in sentences:
        parts = sentence.split()
        if not parts:
            continue
        kept.append(" ".join(parts[:left]))
        left -= min(left, len(parts))
        if left == 0:
            break
    return kept


def split_reference(reference: str) -> list[str]:
    """The reference's sentences, one string each (for ROUGE-Lsum)."""
    return [reference[start:end] for start, end in sentence_spans(reference)]


def score(summary: Sequence[str], reference: str | Sequence[str], words: int) -> Rouge:
    """ROUGE F1 of ``summary`` (sentences, cut to ``words``) against ``reference``.

    Args:
        summary: the system summary's sentences, in output order.
        reference: the reference text, or its sentences already split.
        words: the word budget the summary is cut to.

    Returns:
        ``Rouge`` with F1 values between 0 and 1 (all 0 for an empty summary).
    """
    lines = reference if not isinstance(reference, str) else split_reference(reference)
    target = "\n".join(" ".join(line.split()) for line in lines)
    prediction = "\n".join(cut_to_words(summary, words))
    found = _scorer().score(target, prediction)
    return Rouge(*(found[name].fmeasure for name in ROUGE_TYPES))


def bootstrap_ci(values: Sequence[float], *, level: float = 0.95, seed: int = 0) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean of ``values`` (``BOOTSTRAP_SAMPLES`` draws).

    Raises:
        ValueError: ``values`` is empty.

    Example:
        >>> bootstrap_ci([0.5, 0.5, 0.5])
        (0.5, 0.5)
    """
    data = np.asarray(values, dtype=float)
    if data.size == 0:
        raise ValueError("bootstrap_ci needs at least one value")
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, data.size, size=(BOOTSTRAP_SAMPLES, data.size))
    means = data[draws].mean(axis=1)
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return float(low), float(high)
