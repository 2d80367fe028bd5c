"""Batch clustering: articles -> storylines (threads of stories) -> stories (one event each).

``cluster(articles)`` encodes every article with ``storyline.represent.articles`` (content stems plus
names and numbers, IDF fitted on the whole input) and groups it with average-linkage
agglomerative clustering (SciPy) in two steps:

1. storylines: articles whose similarity, discounted over a long time scale
   (``storyline_days``), averages at least ``storyline_threshold``;
2. stories, inside each storyline: the same linkage with the IDF weights multiplied by
   the squared IDF *local to the storyline* (``LOCAL_POWER``), so the words every article
   of the thread shares ("pirates", "Gulf of Aden") fade and the names, numbers and words
   that tell its events apart decide; discounted over ``story_days``;
3. each story once more, with IDF local to the story itself (``split_parts``): two similar
   events of one storyline that step 2 kept together (two injured-reserve moves of one
   team, years apart) come apart once the words of the story fade too. The online
   tracker splits its young stories the same way.

Ids are stable for the same input, whatever its order: a story is named after its earliest
article (``story-`` + a hash of that article's id; ties by id), a storyline after its
earliest story's first article (``line-`` + hash). The online counterpart is
``storyline.cluster.tracker.StoryTracker`` (re-exported here); both share ``ClusterConfig``.
Batch clustering holds an n x n similarity matrix, so it is meant for up to some ten
thousand articles; feed larger archives to the tracker.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from scipy.spatial.distance import squareform

from storyline.clean.prose import clean_story
from storyline.represent.document import document_of
from storyline.config import ClusterConfig
from storyline.errors import require_unique_ids
from storyline.represent.articles import DocumentFrequencies, article_text, encode, weigh
from storyline.represent.headline import choose_headline
from storyline.model import Article, Clustering, Story, Storyline

__all__ = [
    "LOCAL_POWER",
    "MIN_PART",
    "UNDATED_DAY",
    "Assignment",
    "ClusterResult",
    "StoryTracker",
    "cluster",
    "cluster_stories",
    "day_number",
    "decay",
    "split_parts",
    "split_story",
    "story_id",
    "storyline_id",
]


LOCAL_POWER = 2.0
"""Power of the storyline-local IDF in the story step (tuned on ECB+ topics 1-35)."""
MIN_PART = 3
"""Fewest articles a part of a story needs to be split off as a story of its own."""
UNDATED_DAY = -1e9
"""Where undated articles sort in publication order: before every dated one."""


@dataclass(frozen=True)
class ClusterResult:
    """Stories (oldest first) and the storylines they belong to (oldest first)."""

    stories: tuple[Story, ...]
    storylines: tuple[Storyline, ...]


def cluster(
    articles: Sequence[Article], *, options: ClusterConfig | None = None, **params: object
) -> ClusterResult:
    """Group ``articles`` into stories and storylines.

    Args:
        articles: articles with unique ids, in any order.
        options: a ready ``ClusterConfig``; keyword ``params`` replace its fields.

    Returns:
        A ``ClusterResult``; every article is in exactly one story.

    Raises:
        UsageError: two articles share an id, or an option is out of range or unknown.

    Example:
        >>> a = Article(id="a", text="Flood waters rose in Dresden on Monday.")
        >>> b = Article(id="b", text="Flood waters in Dresden rose again on Monday.")
        >>> len(cluster([a, b]).stories)
        1
    """
    opts = ClusterConfig.build(options, params)
    ordered = _in_publication_order(articles)
    if not ordered:
        return ClusterResult((), ())
    raw = encode([article_text(a) for a in ordered])
    frequencies = DocumentFrequencies()
    frequencies.add(raw)
    idf = frequencies.idf()
    days = np.array([day_number(a.published) for a in ordered], dtype=float)
    vectors = weigh(raw, idf, opts.storyline_name_weight)
    lines = _agglomerate(vectors, days, days, opts.storyline_threshold, opts.storyline_days)
    stories = [story for line in lines for story in _split_line(raw, idf, days, line, opts)]
    stories.sort(key=min)
    line_of = {i: k for k, line in enumerate(lines) for i in line}
    grouped: dict[int, list[int]] = {}
    for k, story in enumerate(stories):
        grouped.setdefault(line_of[story[0]], []).append(k)
    lines = sorted(grouped.values(), key=min)
    return _result(ordered, stories, lines, raw, (idf, opts))


def _split_line(
    raw: csr_matrix, idf: np.ndarray, days: np.ndarray, line: list[int], opts: ClusterConfig
) -> list[list[int]]:
    """The stories of one storyline: its articles grouped with IDF local to the storyline.

    Words every article of the storyline shares ("pirates", "Gulf of Aden") weigh little
    here, so the names, numbers and words that tell its events apart decide.
    """
    stories = []
    for group in split_story(raw[line], idf, days[line], opts):
        members = [line[i] for i in group]
        for part in split_parts(raw[members], idf, days[members], opts):
            stories.append(sorted(members[i] for i in part))
    return stories


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
    return _agglomerate(vectors, days, days, opts.story_threshold, opts.story_days)


def cluster_stories(
    articles: Sequence[Article], *, options: ClusterConfig | None = None, **params: object
) -> Clustering:
    """``cluster`` over the ``articles`` with prose left after cleaning; those with none are
    ``skipped`` (the public ``storyline.cluster``). Each story is headed as its digest is
    (``StoryDocument.headline``), each storyline by its first story.

    Raises:
        UsageError: two articles share an id, or an option is out of range or unknown.
    """
    kept, skipped = clean_story(articles)
    result = cluster([c.article for c in kept], options=options, **params)
    cleaned = {c.article.id: c for c in kept}
    stories = tuple(replace(s, headline=document_of([cleaned[a] for a in s.articles]).headline)
                    for s in result.stories)
    headline = {s.id: s.headline for s in stories}
    lines = tuple(replace(line, headline=headline[line.stories[0]]) for line in result.storylines)
    return Clustering(stories, lines, skipped)


def _in_publication_order(articles: Sequence[Article]) -> list[Article]:
    require_unique_ids(articles)
    keyed = [(np.nan_to_num(day_number(a.published), nan=UNDATED_DAY), a.id, a) for a in articles]
    return [a for _, _, a in sorted(keyed, key=lambda k: k[:2])]


def day_number(moment: date | datetime | None) -> float:
    """Days since 1970-01-01 (fractional for datetimes, UTC when aware); NaN when unknown."""
    if moment is None:
        return float("nan")
    if isinstance(moment, datetime):
        if moment.tzinfo is not None:
            moment = moment.astimezone(tz=None).replace(tzinfo=None)
        return (moment - datetime(1970, 1, 1)).total_seconds() / 86400.0
    return float((moment - date(1970, 1, 1)).days)


def decay(gap_days: np.ndarray, scale: float) -> np.ndarray:
    """Time discount: 1 up to ``scale`` days apart, then ``exp(-(gap - scale) / scale)``.

    Unknown gaps (NaN) are not discounted.
    """
    gap = np.abs(gap_days)
    gap[np.isnan(gap)] = 0.0
    return np.exp(-np.maximum(gap - scale, 0.0) / scale)


def _agglomerate(
    vectors: csr_matrix, starts: np.ndarray, ends: np.ndarray, threshold: float, scale: float
) -> list[list[int]]:
    """Average-linkage groups of rows whose time-discounted similarity reaches ``threshold``."""
    n = vectors.shape[0]
    if n == 1:
        return [[0]]
    similarity = (vectors @ vectors.T).toarray()
    gap = np.maximum(starts[None, :] - ends[:, None], starts[:, None] - ends[None, :])
    similarity *= decay(np.maximum(gap, 0.0), scale)
    distance = np.clip(1.0 - similarity, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - threshold, criterion="distance")
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    return sorted(groups.values(), key=min)


def _sum_rows(raw: csr_matrix, groups: Sequence[Sequence[int]]) -> csr_matrix:
    rows = np.concatenate([np.full(len(g), i) for i, g in enumerate(groups)])
    members = np.concatenate([np.asarray(g) for g in groups])
    pick = csr_matrix((np.ones(len(members)), (rows, members)), shape=(len(groups), raw.shape[0]))
    return (pick @ raw).tocsr()


def story_id(first_article: str) -> str:
    """The id of the story opened by ``first_article``: ``story-`` + 12 hex digits."""
    return "story-" + _short_hash(first_article)


def storyline_id(first_article: str) -> str:
    """The id of the storyline opened by ``first_article``: ``line-`` + 12 hex digits."""
    return "line-" + _short_hash(first_article)


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def _result(
    ordered: Sequence[Article],
    stories: Sequence[Sequence[int]],
    lines: Sequence[Sequence[int]],
    raw: csr_matrix,
    weighting: tuple[np.ndarray, ClusterConfig],
) -> ClusterResult:
    idf, opts = weighting
    titles = weigh(encode([a.title for a in ordered]), idf, opts.name_weight)
    centroids = weigh(_sum_rows(raw, stories), idf, opts.name_weight)
    line_of = {k: storyline_id(ordered[stories[line[0]][0]].id) for line in lines for k in line}
    built = []
    for k, members in enumerate(stories):
        scores = np.asarray((titles[members] @ centroids[k].T).toarray()).ravel()
        group = [ordered[i] for i in members]
        published = [a.published for a in group if a.published is not None]
        built.append(Story(
            id=story_id(group[0].id),
            headline=choose_headline(group, scores),
            articles=tuple(a.id for a in group),
            storyline=line_of[k],
            first_seen=min(published, key=day_number) if published else None,
            last_seen=max(published, key=day_number) if published else None,
        ))
    storylines = tuple(
        Storyline(id=line_of[line[0]], headline=built[line[0]].headline,
                  stories=tuple(built[k].id for k in line))
        for line in lines
    )
    return ClusterResult(tuple(built), storylines)


# The online tracker lives in its own module and builds on the definitions above; it is
# re-exported here so that ``storyline.cluster.batch`` offers both ways of clustering.
from storyline.cluster.tracker import Assignment, StoryTracker
