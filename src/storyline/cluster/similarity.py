"""Time-discounted similarity and the average-linkage grouping both clusterers use.

``decay`` discounts similarity by the days between two articles (by ``undated`` when the
gap is unknown); ``text_day`` and ``years_apart`` keep an undated article whose text gives
a day out of groups a year away from it.

``agglomerate`` groups weighted article rows whose similarity, discounted by the days
between them (``decay``), averages at least a threshold (SciPy average linkage).
``split_story`` groups the articles of one storyline (or one story) into stories with IDF
local to them, so the words they all share fade and the names, numbers and words that tell
their events apart decide; ``split_parts`` splits one story's articles when two events
were caught together. Batch clustering applies them to every storyline and story; the
online tracker splits its young stories with ``split_parts``.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from scipy.spatial.distance import squareform

from storyline.cluster.pairs import block_similarities, pair_model
from storyline.cluster.result import day_number
from storyline.config import ClusterConfig
from storyline.model import Article
from storyline.represent.articles import MAX_CHARS, DocumentFrequencies, weigh
from storyline.represent.dates import publication_anchor

__all__ = [
    "LOCAL_POWER", "MIN_PART", "YEAR_GUARD_DAYS", "agglomerate", "decay", "link", "split_parts",
    "split_story", "storyline_groups", "text_day", "years_apart",
]

LOCAL_POWER = 2.0
"""Power of the storyline-local IDF in the story step (tuned on ECB+ topics 1-35)."""
MIN_PART = 3
"""Fewest articles a part of a story needs to be split off as a story of its own."""
YEAR_GUARD_DAYS = 365.0
"""An undated article never joins articles this many days away from the day its text gives."""


def decay(gap_days: np.ndarray, scale: float, undated: float = 1.0) -> np.ndarray:
    """Time discount: 1 up to ``scale`` days apart, then ``exp(-(gap - scale) / scale)``;
    ``undated`` for an unknown gap (NaN), where words alone must say more.

    Example:
        >>> decay(np.array([0.0, 6.0, np.nan]), 3.0, undated=0.5).round(3).tolist()
        [1.0, 0.368, 0.5]
    """
    gap = np.abs(gap_days)
    unknown = np.isnan(gap)
    gap[unknown] = 0.0
    return np.where(unknown, undated, np.exp(-np.maximum(gap - scale, 0.0) / scale))


def text_day(article: Article) -> float:
    """For an undated article, the day (``day_number``) its text gives - a dateline, or the
    latest full date it states, read by ``represent.dates.publication_anchor`` in its first
    ``MAX_CHARS`` characters; NaN for a dated article or when the text gives none.

    Used only to keep an undated article out of stories and storylines of another year
    (``years_apart``); time discounts and the article's shown date stay as they are, since
    dates in a text often name past events rather than the day it was published.
    """
    if article.published is not None:
        return float("nan")
    return day_number(publication_anchor(replace(article, text=article.text[:MAX_CHARS])).day)


def years_apart(day: float, first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """True where ``day`` lies more than ``YEAR_GUARD_DAYS`` outside ``[first, last]`` (False
    when any of them is unknown)."""
    with np.errstate(invalid="ignore"):
        return np.maximum(first - day, day - last) > YEAR_GUARD_DAYS



def agglomerate(
    vectors: csr_matrix, starts: np.ndarray, ends: np.ndarray, threshold: float, scale: float,
    undated: float = 1.0,
) -> list[list[int]]:
    """Average-linkage groups of rows whose time-discounted similarity reaches ``threshold``.

    Args:
        vectors: weighted rows (unit length per block, ``represent.articles.weigh``).
        starts, ends: the first and last day of each row (NaN when unknown).
        threshold: least average similarity within a group.
        scale: days after which similarity starts to decay (``decay``).
        undated: share of the similarity kept when a pair's time gap is unknown.

    Returns:
        Groups of row indices, ordered by their first row.
    """
    if vectors.shape[0] == 1:
        return [[0]]
    similarity = (vectors @ vectors.T).toarray()
    gap = np.maximum(starts[None, :] - ends[:, None], starts[:, None] - ends[None, :])
    similarity *= decay(np.maximum(gap, 0.0), scale, undated)
    return link(similarity, threshold)


def storyline_groups(vectors: csr_matrix, days: np.ndarray, known: np.ndarray, threshold: float
                     ) -> list[list[int]]:
    """Average-linkage groups of articles whose learned chance of sharing a storyline
    (``storyline.cluster.pairs``) averages at least ``threshold``.

    Args:
        vectors: the articles' rows, ``weigh``-ed with ``name_weight=0.5``.
        days: each article's day (NaN when unknown).
        known: each article's day or else the day its text gives (``text_day``): a pair
            with an undated article whose known days lie a year apart never groups.

    Returns:
        Groups of row indices, ordered by their first row.
    """
    if vectors.shape[0] == 1:
        return [[0]]
    content, names = block_similarities(vectors, vectors)
    chance = pair_model("articles").probability(content, names, days[:, None] - days[None, :])
    chance[_years_apart_undated(known, np.isnan(days))] = 0.0
    return link(chance, threshold)


def link(similarity: np.ndarray, threshold: float) -> list[list[int]]:
    """Average-linkage groups of a symmetric ``similarity`` matrix whose members average at
    least ``threshold`` (SciPy), ordered by their first row."""
    distance = np.clip(1.0 - similarity, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - threshold, criterion="distance")
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    return sorted(groups.values(), key=min)


def _years_apart_undated(known: np.ndarray, undated: np.ndarray) -> np.ndarray:
    """Pairs with an undated row whose known days lie more than ``YEAR_GUARD_DAYS`` apart."""
    with np.errstate(invalid="ignore"):
        far = np.abs(known[:, None] - known[None, :]) > YEAR_GUARD_DAYS
    return far & (undated[:, None] | undated[None, :])


def split_parts(
    rows: csr_matrix, idf: np.ndarray | DocumentFrequencies, days: np.ndarray, opts: ClusterConfig
) -> list[list[int]]:
    """The stories that one story's articles (``rows``) make when split on their own.

    ``split_story`` over the story's articles alone, where even the words of its event
    fade and two events caught together come apart. Parts smaller than ``MIN_PART``
    stay with the part of the first article.

    Returns:
        ``[all rows]`` when the story holds, else the first article's part and then each
        part split off, as lists of row indices.
    """
    count = rows.shape[0]
    everything = [list(range(count))]
    if count < 2 * MIN_PART:
        return everything
    parts = split_story(rows, idf, days, opts)
    away = [part for part in parts[1:] if len(part) >= MIN_PART]
    if len(parts[0]) < MIN_PART or not away:
        return everything
    gone = {i for part in away for i in part}
    return [[i for i in range(count) if i not in gone], *away]


def split_story(
    rows: csr_matrix, idf: np.ndarray | DocumentFrequencies, days: np.ndarray, opts: ClusterConfig
) -> list[list[int]]:
    """The stories among ``rows`` (raw article rows of one storyline, or of one story).

    Average linkage at ``story_threshold`` over ``story_days``, with each term weighted by
    its IDF (``idf``) times its IDF local to ``rows`` to the power ``LOCAL_POWER``.

    Returns:
        Groups of row indices, ordered by their first row.
    """
    columns, inverse, local_df = np.unique(rows.indices, return_inverse=True, return_counts=True)
    local_idf = np.log((1.0 + rows.shape[0]) / (1.0 + local_df)) + 1.0
    overall = idf.idf_at(columns) if isinstance(idf, DocumentFrequencies) else idf[columns]
    factor = (local_idf**LOCAL_POWER * overall)[inverse]
    weighted = csr_matrix((rows.data * factor, rows.indices, rows.indptr), shape=rows.shape)
    vectors = weigh(weighted, None, opts.name_weight)
    return agglomerate(vectors, days, days, opts.story_threshold, opts.story_days,
                       opts.undated_story_weight)
