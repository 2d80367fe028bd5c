"""Which days of a story matter: candidate days, their features and a small learned ranker.

``day_features(dated, vectors, window)`` lists the candidate days (every day a sentence
names or an article was published on, inside ``window`` and not after the last
publication) and describes each with ``FEATURE_NAMES``:

* how many distinct articles name the day, published before, on and after it (log);
* the articles published on the day and on the next (log), their share of the busiest day,
  and the burst: that coverage against the mean of the fortnight around it;
* how long after the day it is still named (days, log, and as a share of the time left);
* how many sentences name it, and the share of the most-named day's articles;
* the novelty of the day's words: one minus the cosine of its sentences' centroid with
  the centroid of everything published before it;
* the mention score of ``build.rank_days`` (today's rule), as a share of the best day's;
* how many sentences open with the day's date, as the entries of a printed timeline do.

``DayRanker`` is a logistic regression over the standardised features (after DATEWISE,
Ghalandari & Ifrim 2020, who rank candidate days with a classifier over such features).
Its weights ship in ``day_weights.json``, fitted on the 11 Timeline17 dev collections by
``benchmarks/train_day_ranker.py`` (labels: the day is on the gold timeline), which also
prints the leave-one-collection-out figures. No library computes these features from our
sentence layer, so they are ours; the fit is scikit-learn's ``LogisticRegression``.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix

from storyline.represent.dates import SentenceDates

__all__ = [
    "FEATURE_NAMES", "LOOKBACK_WEIGHT", "PUBLISHED_WEIGHT", "SAME_DAY_WEIGHT", "WEIGHTS_PATH",
    "DayFeatures", "DayRanker", "day_features", "default_ranker", "mention_scores",
]

WEIGHTS_PATH = Path(__file__).with_name("day_weights.json")
"""The shipped weights of the default day ranker."""
LOOKBACK_WEIGHT = 1.0
"""Mention score: weight of an article naming a day before the day it was published."""
SAME_DAY_WEIGHT = 0.5
"""Mention score: weight of an article naming its own publication day (or a later one)."""
PUBLISHED_WEIGHT = 0.5
"""Mention score: weight of ``log(1 + articles published on the day)``."""
LISTED_OFFSET = 3
"""A date expression at most this many characters into its sentence opens it."""
BURST_DAYS = 7
"""The burst compares a day's coverage with the mean of this many days either side."""

FEATURE_NAMES: tuple[str, ...] = (
    "log_named_before", "log_named_same", "log_named_after", "log_published",
    "log_published_next", "published_share", "burst", "log_referred_days",
    "referred_share", "log_sentences", "named_share", "novelty", "mention_share", "log_listed",
)
"""The columns of ``day_features``, in order."""

Window = tuple[date | None, date | None]
"""First and last day allowed (``None``: open on that side)."""


@dataclass(frozen=True)
class DayFeatures:
    """Candidate days (in date order) and one row of ``FEATURE_NAMES`` each."""

    days: tuple[date, ...]
    values: np.ndarray


@dataclass(frozen=True)
class DayRanker:
    """Logistic regression over standardised day features: higher score, likelier on the
    timeline (``((F - mean) / scale) @ coef + intercept``).

    Raises:
        ValueError: (from ``load``) the weights do not name ``FEATURE_NAMES`` in order.
    """

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    @classmethod
    def load(cls, path: Path | str = WEIGHTS_PATH) -> DayRanker:
        """Read weights written by ``to_dict`` (JSON)."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if tuple(data["features"]) != FEATURE_NAMES:
            raise ValueError(f"{path}: weights are for other features; refit them")
        return cls(*(np.array(data[key], dtype=float) for key in ("mean", "scale", "coef")),
                   float(data["intercept"]))

    def to_dict(self) -> dict[str, object]:
        """JSON-ready weights, in ``FEATURE_NAMES`` order."""
        return {"features": list(FEATURE_NAMES), "mean": self.mean.round(6).tolist(),
                "scale": self.scale.round(6).tolist(), "coef": self.coef.round(6).tolist(),
                "intercept": round(self.intercept, 6)}

    def rank(self, found: DayFeatures) -> list[date]:
        """The candidate days, best first (ties: the earlier day)."""
        if not found.days:
            return []
        scores = ((found.values - self.mean) / self.scale) @ self.coef + self.intercept
        order = sorted(range(len(found.days)), key=lambda k: (-scores[k], found.days[k]))
        return [found.days[k] for k in order]


@lru_cache(maxsize=1)
def default_ranker() -> DayRanker:
    """The ranker with the shipped weights (read once)."""
    return DayRanker.load()


def mention_scores(dated: SentenceDates) -> dict[date, float]:
    """Today's rule (Tran et al. 2013; Ghalandari & Ifrim 2020's mention count): each
    article naming a day adds ``LOOKBACK_WEIGHT`` (published after it) or
    ``SAME_DAY_WEIGHT``, plus ``PUBLISHED_WEIGHT * log(1 + articles published on it)``."""
    scores: dict[date, float] = defaultdict(float)
    for (article, day), published in _namings(dated).items():
        later = published is not None and published > day
        scores[day] += LOOKBACK_WEIGHT if later else SAME_DAY_WEIGHT
    for published, count in _published_counts(dated).items():
        scores[published] += PUBLISHED_WEIGHT * math.log1p(count)
    return dict(scores)


def day_features(dated: SentenceDates, vectors: csr_matrix, window: Window = (None, None)) -> DayFeatures:
    """The candidate days of a story and their features (see the module docstring)."""
    mentions = mention_scores(dated)
    last = max((p for p in dated.published if p is not None), default=None)
    days = tuple(sorted(d for d in mentions if (last is None or d <= last)
                        and (window[0] is None or window[0] <= d)
                        and (window[1] is None or d <= window[1])))
    if not days:
        return DayFeatures((), np.zeros((0, len(FEATURE_NAMES))))
    published = _published_counts(dated)
    columns = [*_naming_columns(dated, days), *_volume_columns(published, days),
               _novelty(dated, vectors, days)]
    best = max(mentions[d] for d in days) or 1.0
    columns.append(np.array([mentions[d] / best for d in days]))
    columns.append(np.log1p(_listed(dated, days)))
    order = ("log_named_before", "log_named_same", "log_named_after", "log_referred_days",
             "referred_share", "log_sentences", "named_share", "log_published",
             "log_published_next", "published_share", "burst", "novelty", "mention_share", "log_listed")
    by_name = dict(zip(order, columns, strict=True))
    return DayFeatures(days, np.column_stack([by_name[name] for name in FEATURE_NAMES]))


def _namings(dated: SentenceDates) -> dict[tuple[str, date], date | None]:
    """``(article, day named) -> the article's publication day``, once per pair."""
    found: dict[tuple[str, date], date | None] = {}
    for sentence, named, published in zip(dated.sentences, dated.named, dated.published, strict=True):
        for day, _, _ in named:
            found.setdefault((sentence.article, day), published)
    return found


def _published_counts(dated: SentenceDates) -> Counter:
    articles = {s.article: p for s, p in zip(dated.sentences, dated.published, strict=True)}
    return Counter(p for p in articles.values() if p is not None)


def _naming_columns(dated: SentenceDates, days: Sequence[date]) -> list[np.ndarray]:
    """Articles naming each day before / on / after it, how long it is referred to,
    sentences naming it, and its share of the most-named day's articles."""
    before, same, after, latest = Counter(), Counter(), Counter(), {}
    for (_, day), published in _namings(dated).items():
        if published is None or published == day:
            same[day] += 1
        elif published > day:
            after[day] += 1
            latest[day] = max(latest.get(day, day), published)
        else:
            before[day] += 1
    sentences = Counter(day for named in dated.named for day, _, _ in named)
    last = max((p for p in dated.published if p is not None), default=max(days))
    referred = np.array([(latest.get(d, d) - d).days for d in days], dtype=float)
    left = np.array([(last - d).days + 1 for d in days], dtype=float)
    named = np.array([before[d] + same[d] + after[d] for d in days], dtype=float)
    return [np.log1p([before[d] for d in days]), np.log1p([same[d] for d in days]),
            np.log1p([after[d] for d in days]), np.log1p(referred), referred / np.maximum(left, 1),
            np.log1p([sentences[d] for d in days]), named / max(named.max(), 1.0)]


def _listed(dated: SentenceDates, days: Sequence[date]) -> np.ndarray:
    """Sentences that open with the day's date, as the entries of a timeline an article
    prints ("June 16 - BP agrees to ...")."""
    listed: Counter = Counter()
    for sentence, named in zip(dated.sentences, dated.named, strict=True):
        for day, start, _ in named:
            if start - sentence.start <= LISTED_OFFSET:
                listed[day] += 1
    return np.array([listed[d] for d in days], dtype=float)


def _volume_columns(published: Counter, days: Sequence[date]) -> list[np.ndarray]:
    """Articles published on each day and the next, share of the busiest day, burst."""
    on = np.array([published[d] for d in days], dtype=float)
    following = np.array([published[d + timedelta(days=1)] for d in days], dtype=float)
    around = np.array([sum(published[d + timedelta(days=k)] for k in range(-BURST_DAYS, BURST_DAYS + 1))
                       / (2 * BURST_DAYS + 1) for d in days])
    busiest = max(published.values(), default=1) or 1
    burst = np.log((1 + on + following) / (1 + 2 * around))
    return [np.log1p(on), np.log1p(following), on / busiest, burst]


def _novelty(dated: SentenceDates, vectors: csr_matrix, days: Sequence[date]) -> np.ndarray:
    """One minus the cosine of the centroid of the sentences naming each day (or, naming
    none, published on it) with the centroid of the sentences published before it."""
    position = {d: k for k, d in enumerate(days)}
    issued = sorted({p for p in dated.published if p is not None})
    issue_of = {d: k for k, d in enumerate(issued)}
    rows, cols, issue_rows, issue_cols = [], [], [], []
    for i, (named, published) in enumerate(zip(dated.named, dated.published, strict=True)):
        hits = [position[d] for d, _, _ in named if d in position]
        if not named and published in position:
            hits = [position[published]]
        rows += hits
        cols += [i] * len(hits)
        if published is not None:
            issue_rows.append(issue_of[published])
            issue_cols.append(i)
    own = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(days), vectors.shape[0])) @ vectors
    by_issue = csr_matrix((np.ones(len(issue_rows)), (issue_rows, issue_cols)),
                          shape=(len(issued), vectors.shape[0])) @ vectors
    earlier = np.array([[p < d for p in issued] for d in days], dtype=float).reshape(len(days), len(issued))
    prior = csr_matrix(earlier) @ by_issue
    dot = np.asarray(own.multiply(prior).sum(axis=1)).ravel()
    norms = np.sqrt(np.asarray(own.multiply(own).sum(axis=1)).ravel()
                    * np.asarray(prior.multiply(prior).sum(axis=1)).ravel())
    return 1 - np.where(norms > 0, dot / np.maximum(norms, 1e-12), 0.0)
