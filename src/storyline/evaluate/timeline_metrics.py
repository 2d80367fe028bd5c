"""Timeline metrics: date F1, concatenated ROUGE and date-content alignment ROUGE (m:1).

Our own implementation of the measures of Martschat & Markert (2017, "Improving ROUGE for
timeline summarization"), as the tilse toolkit defines them. A timeline is a mapping
``day -> sentences``; one predicted timeline is scored against one reference.

Tokens: lower-cased ``\\w+`` words (``text.tokens``), English stop words removed
(scikit-learn's list), Snowball stems - close to ROUGE-1.5.5 with ``-s`` and stemming,
as tilse runs it; ROUGE-2 bigrams are formed after stop-word removal, as ``-s`` does.
rouge-score is not used: these measures need the raw n-gram match counts, summed over
days, which it does not expose. With ``count(x)`` the n-grams of a text, ``match(x, y)``
the clipped overlap ``sum min(count_x, count_y)`` and ``|x|`` the n-gram total:

* date F1: precision ``|P & R| / |P|``, recall ``|P & R| / |R|`` over the sets of days.
* concat: every day's sentences joined, in date order; P = match / |pred|,
  R = match / |ref|.
* align m:1 (tilse's ``align_date_content_costs_many_to_one``): each predicted day p is
  aligned to the reference day r with the lowest cost
  ``(1 - 1 / (|p - r| + 1)) * (1 - approx(p, r))`` - ``approx`` is unigram F1 of the two
  days' texts, ties go to the earlier day; P = sum_p match(p, r(p)) / (|p - r(p)| + 1)
  divided by sum_p |p|. Recall aligns each reference day to a predicted day the same
  way and divides by sum_r |r|. F1 of P and R, 0 when both are 0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from storyline.evaluate.rouge import ngrams as rouge_ngrams
from storyline.evaluate.scores import f1
from storyline.text import stem, tokens

__all__ = ["Scores", "align_m1", "concat", "date_f1", "ngrams", "score_timeline"]

Timeline = Mapping[date, Sequence[str]]


@dataclass(frozen=True)
class Scores:
    """F1 scores of one predicted timeline against one reference."""

    date_f1: float
    concat_r1: float
    concat_r2: float
    align_r1: float
    align_r2: float


@lru_cache(maxsize=100_000)
def _words(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in tokens(text) if w not in ENGLISH_STOP_WORDS)


def ngrams(sentences: Sequence[str], n: int) -> Counter:
    """N-gram counts of ``sentences`` (n-grams never cross a sentence boundary).

    Example:
        >>> sorted(ngrams(["The rigs exploded."], 1).items())
        [(('explod',), 1), (('rig',), 1)]
    """
    counts: Counter = Counter()
    for sentence in sentences:
        counts.update(rouge_ngrams(_words(sentence), n))
    return counts


def _match(a: Counter, b: Counter) -> int:
    return sum(min(v, b[k]) for k, v in a.items() if k in b)


def date_f1(predicted: Timeline, reference: Timeline) -> float:
    """F1 of the predicted days against the reference days.

    Example:
        >>> from datetime import date as d
        >>> date_f1({d(2010, 4, 20): [], d(2010, 4, 21): []}, {d(2010, 4, 20): []})
        0.6666666666666666
    """
    hits = len(set(predicted) & set(reference))
    if not predicted or not reference:
        return 0.0
    return f1(hits / len(predicted), hits / len(reference))


def concat(predicted: Timeline, reference: Timeline, n: int) -> float:
    """ROUGE-n F1 of all predicted sentences against all reference sentences."""
    pred = ngrams([s for d in sorted(predicted) for s in predicted[d]], n)
    ref = ngrams([s for d in sorted(reference) for s in reference[d]], n)
    match = _match(pred, ref)
    total_p, total_r = sum(pred.values()), sum(ref.values())
    return f1(match / total_p if total_p else 0.0, match / total_r if total_r else 0.0)


def _approx(a: Counter, b: Counter) -> float:
    """Unigram F1 of two texts' counts (tilse's content similarity for alignment)."""
    match = _match(a, b)
    total_a, total_b = sum(a.values()), sum(b.values())
    return f1(match / total_a if total_a else 0.0, match / total_b if total_b else 0.0)


def _aligned_sum(source: Timeline, target: Timeline, n: int) -> tuple[float, int]:
    """Distance-weighted matches of each source day with its cheapest target day, and
    the source n-gram total."""
    target_days = sorted(target)
    target_uni = {d: ngrams(target[d], 1) for d in target_days}
    target_n = {d: ngrams(target[d], n) for d in target_days}
    weighted, total = 0.0, 0
    for day in sorted(source):
        grams, uni = ngrams(source[day], n), ngrams(source[day], 1)
        total += sum(grams.values())
        if not target_days:
            continue
        best = min(target_days, key=lambda t: (1 - 1 / (abs((day - t).days) + 1))
                   * (1 - _approx(uni, target_uni[t])))
        weighted += _match(grams, target_n[best]) / (abs((day - best).days) + 1)
    return weighted, total


def align_m1(predicted: Timeline, reference: Timeline, n: int) -> float:
    """Date-content alignment ROUGE-n F1, many-to-one (see the module docstring).

    Example:
        >>> from datetime import date as d
        >>> round(align_m1({d(2010, 4, 21): ["Rig explodes"]}, {d(2010, 4, 20): ["Rig explodes"]}, 1), 2)
        0.5
    """
    p_num, p_den = _aligned_sum(predicted, reference, n)
    r_num, r_den = _aligned_sum(reference, predicted, n)
    return f1(p_num / p_den if p_den else 0.0, r_num / r_den if r_den else 0.0)


def score_timeline(predicted: Timeline, reference: Timeline) -> Scores:
    """Every measure of one predicted timeline against one reference."""
    return Scores(
        date_f1=date_f1(predicted, reference),
        concat_r1=concat(predicted, reference, 1),
        concat_r2=concat(predicted, reference, 2),
        align_r1=align_m1(predicted, reference, 1),
        align_r2=align_m1(predicted, reference, 2),
    )
