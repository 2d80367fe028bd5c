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

``storyline_groups`` links articles into storylines by the learned pair model; with
``threads_apart`` it keeps apart two large groups whose centroids share too little
(``centroid_closeness``), however the linkage chained them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np
from scipy.cluster.hierarchy import ClusterNode, fcluster, linkage, to_tree
from scipy.sparse import csr_matrix, vstack
from scipy.spatial.distance import squareform

from storyline.cluster.pairs import block_similarities, pair_model
from storyline.cluster.result import day_number
from storyline.config import ClusterConfig
from storyline.model import Article
from storyline.represent.articles import MAX_CHARS, N_FEATURES, DocumentFrequencies, weigh
from storyline.represent.dates import publication_anchor

__all__ = [
    "ADOPT_SIMILARITY", "APART_MIN", "LOCAL_POWER", "MIN_PART", "YEAR_GUARD_DAYS", "adopt_lone",
    "agglomerate", "centroid_closeness", "decay", "link", "split_parts", "split_story",
    "storyline_groups", "text_day", "threads_apart", "years_apart",
]

APART_MIN = 20
"""Fewest articles each of two groups needs before their centroids can keep them apart."""
LOCAL_POWER = 2.0
"""Power of the storyline-local IDF in the story step (tuned on ECB+ topics 1-35)."""
MIN_PART = 3
"""Fewest articles a part of a story needs to be split off as a story of its own."""
ADOPT_SIMILARITY = 0.1
"""Least time-discounted similarity (global IDF) a lone article of a storyline needs, on
average, to the articles of one of its storyline's stories to join that story
(``adopt_lone``): the largest value that keeps the best B-cubed F1 of the issue 15 tuning
folds (Multi-News and ECB+ stories)."""
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


def storyline_groups(vectors: csr_matrix, days: np.ndarray, known: np.ndarray, threshold: float,
                     apart_floor: float = 0.0) -> list[list[int]]:
    """Average-linkage groups of articles whose learned chance of sharing a storyline
    (``storyline.cluster.pairs``) averages at least ``threshold``.

    Args:
        vectors: the articles' rows, ``weigh``-ed with ``name_weight=0.5``.
        days: each article's day (NaN when unknown).
        known: each article's day or else the day its text gives (``text_day``): a pair
            with an undated article whose known days lie a year apart never groups.
        apart_floor: two groups of ``APART_MIN`` articles or more whose centroids are
            less alike than this stay apart (``threads_apart``); 0 checks nothing.

    Returns:
        Groups of row indices, ordered by their first row.
    """
    if vectors.shape[0] == 1:
        return [[0]]
    content, names = block_similarities(vectors, vectors)
    chance = pair_model("articles").probability(content, names, days[:, None] - days[None, :])
    chance[_years_apart_undated(known, np.isnan(days))] = 0.0
    if apart_floor <= 0.0:
        return link(chance, threshold)
    return link(chance, threshold, apart=lambda a, b: threads_apart(vectors, a, b, apart_floor))


def threads_apart(vectors: csr_matrix, first: list[int], second: list[int], floor: float) -> bool:
    """Whether two groups of at least ``APART_MIN`` rows each are separate threads: their
    centroids' ``centroid_closeness`` is under ``floor``.

    Article pairs of one long thread share few words, so their average chance can be as low
    as that of two concurrent threads; the centroids of two halves of one thread stay close
    (they share its people, places and vocabulary) while two threads' centroids do not.

    Example:
        >>> rows = weigh(csr_matrix(np.eye(4)[[0] * 40 + [1] * 20]), np.ones(4), 0.5)
        >>> one, two, other = list(range(20)), list(range(20, 40)), list(range(40, 60))
        >>> threads_apart(rows, one, other, 0.5), threads_apart(rows, one, two, 0.5)
        (True, False)
    """
    if min(len(first), len(second)) < APART_MIN:
        return False
    return centroid_closeness(csr_matrix(vectors[first].sum(axis=0)),
                              csr_matrix(vectors[second].sum(axis=0))) < floor


def centroid_closeness(first: csr_matrix, second: csr_matrix) -> float:
    """The mean of the content cosine and the name cosine of two ``weigh``-ed rows (each
    block's cosine 0 when either side has none of it)."""
    both = vstack([first, second], format="csr")
    cosines = []
    for block in (both.indices < N_FEATURES, both.indices >= N_FEATURES):
        part = csr_matrix((both.data * block, both.indices, both.indptr), shape=both.shape)
        norms = np.sqrt(np.asarray(part.multiply(part).sum(axis=1)).ravel())
        dot = float((part[0] @ part[1].T).toarray()[0, 0])
        cosines.append(dot / (norms[0] * norms[1]) if norms.all() else 0.0)
    return float(np.mean(cosines))


def link(similarity: np.ndarray, threshold: float,
         apart: Callable[[list[int], list[int]], bool] | None = None) -> list[list[int]]:
    """Average-linkage groups of a symmetric ``similarity`` matrix whose members average at
    least ``threshold`` (SciPy), ordered by their first row.

    With ``apart``, every merge inside a group is checked with ``apart(first_rows,
    second_rows)``; a group that holds a merge of two separate threads is split
    (``_split_apart``)."""
    distance = np.clip(1.0 - similarity, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    if apart is None:
        labels = fcluster(tree, t=1.0 - threshold, criterion="distance")
        groups: dict[int, list[int]] = {}
        for index, label in enumerate(labels):
            groups.setdefault(int(label), []).append(index)
        return sorted(groups.values(), key=min)
    # average linkage never merges lower than it merged before: a group is a highest subtree
    # whose merge lies within the cut, as fcluster forms them
    kept, nodes = [], [to_tree(tree)]
    while nodes:
        node = nodes.pop()
        if node.is_leaf() or node.dist <= 1.0 - threshold:
            kept += _split_apart(node, similarity, apart)
        else:
            nodes += [node.left, node.right]
    return sorted((sorted(part) for part in kept), key=min)


def _split_apart(root: ClusterNode, similarity: np.ndarray,
                 apart: Callable[[list[int], list[int]], bool]) -> list[list[int]]:
    """The group under ``root`` split where it merged two separate threads.

    Walking down from ``root``: a subtree with no separate merge in it stays one part; a
    separate merge splits into its two sides; elsewhere each side with a separate merge in
    it is walked in turn and each side without one becomes a part of its own when it holds
    ``APART_MIN`` rows, else its rows wait. Each waiting row then joins the part whose rows
    it is most similar to on average (``similarity``), as average linkage would have it.
    """
    walk, nodes = [], [root]
    while nodes:
        node = nodes.pop()
        walk.append(node)
        nodes += [] if node.is_leaf() else [node.left, node.right]
    holds_separate: dict[int, bool] = {}  # node id -> a separate merge at or below it
    for node in reversed(walk):  # children before their parent
        holds_separate[node.id] = not node.is_leaf() and (
            holds_separate[node.left.id] or holds_separate[node.right.id]
            or min(node.left.count, node.right.count) >= APART_MIN
            and apart(node.left.pre_order(), node.right.pre_order()))
    parts, waiting, nodes = [], [], [root]
    while nodes:
        node = nodes.pop()
        if not holds_separate[node.id]:
            parts.append(node.pre_order())
            continue
        for side in (node.left, node.right):
            if holds_separate[side.id] or side.count >= APART_MIN:
                nodes.append(side)
            else:
                waiting += side.pre_order()
    if not parts:
        return [waiting]
    for row in waiting:
        best = max(range(len(parts)), key=lambda k: similarity[row, parts[k]].mean())
        parts[best].append(row)
    return parts


def _years_apart_undated(known: np.ndarray, undated: np.ndarray) -> np.ndarray:
    """Pairs with an undated row whose known days lie more than ``YEAR_GUARD_DAYS`` apart."""
    with np.errstate(invalid="ignore"):
        far = np.abs(known[:, None] - known[None, :]) > YEAR_GUARD_DAYS
    return far & (undated[:, None] | undated[None, :])


def split_parts(
    rows: csr_matrix, idf: np.ndarray | DocumentFrequencies, days: np.ndarray, opts: ClusterConfig,
    min_part: int = MIN_PART,
) -> list[list[int]]:
    """The stories that one story's articles (``rows``) make when split on their own.

    ``split_story`` over the story's articles alone, where even the words of its event
    fade and two events caught together come apart. Parts smaller than ``min_part``
    stay with the part of the first article.

    Returns:
        ``[all rows]`` when the story holds, else the first article's part and then each
        part split off, as lists of row indices.
    """
    count = rows.shape[0]
    everything = [list(range(count))]
    if count < 2 * min_part:
        return everything
    parts = split_story(rows, idf, days, opts)
    away = [part for part in parts[1:] if len(part) >= min_part]
    if len(parts[0]) < min_part or not away:
        return everything
    gone = {i for part in away for i in part}
    return [[i for i in range(count) if i not in gone], *away]


def adopt_lone(
    rows: csr_matrix, idf: np.ndarray, days: np.ndarray, stories: list[list[int]],
    opts: ClusterConfig,
) -> list[list[int]]:
    """The stories of one storyline with each lone article moved into the story it is
    closest to, when close enough.

    With IDF local to the storyline (``split_story``) one report of an event can share
    too few of the words that still weigh there and be left alone, although it plainly
    reports the event of one of its storyline's stories. When no date tells the events
    apart, each story of one article joins the story of two or more whose articles it is
    most similar to on average - IDF over the whole input, pairs with an unknown time gap
    only (times ``undated_story_weight``; a pair of known days counts 0) - if that average
    reaches ``ADOPT_SIMILARITY``. Dated articles are left as the story step placed them:
    on the dated Timeline17 stream the same rule would fold 309 of 681 lone articles into
    stories of the same week, a Brazilian drilling report into a story on the White
    House's spill politics among them.

    Args:
        rows: the raw article rows of the storyline; ``days`` their days (NaN unknown).
        stories: its stories as lists of row indices.

    Returns:
        The stories, the adopting ones first in their order, each sorted.
    """
    hosts = [list(story) for story in stories if len(story) > 1]
    lone = [story[0] for story in stories if len(story) == 1]
    if not hosts or not lone:
        return stories
    vectors = weigh(rows, idf, opts.name_weight)
    members = [i for story in hosts for i in story]
    similarity = (vectors[lone] @ vectors[members].T).toarray()
    similarity *= np.isnan(days[lone][:, None] - days[members][None, :]) * opts.undated_story_weight
    owner = np.repeat(np.arange(len(hosts)), [len(story) for story in hosts])
    means = np.stack([similarity[:, owner == k].mean(axis=1) for k in range(len(hosts))], axis=1)
    left = []
    for i, row in zip(lone, means, strict=True):
        best = int(np.argmax(row))
        if row[best] >= ADOPT_SIMILARITY:
            hosts[best].append(i)
        else:
            left.append([i])
    return [sorted(story) for story in hosts] + left


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
