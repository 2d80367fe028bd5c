"""Batch clustering: articles -> storylines (threads of stories) -> stories (one event each).

``StoryClusterer().fit(articles)`` encodes every article with ``storyline.represent.articles``
(content stems plus names and numbers, IDF fitted on the whole input) and groups it with
average-linkage agglomerative clustering (SciPy, ``storyline.cluster.similarity``) in
three steps:

1. storylines: articles whose learned chance of sharing a storyline
   (``storyline.cluster.pairs``: content and name cosines, time gap) averages at least
   ``storyline_chance``, except that two groups of ``APART_MIN`` articles or more whose
   centroids share too little (``storyline_apart``) stay apart: concurrent threads whose
   articles share a few words each day (``similarity.threads_apart``);
2. stories, inside each storyline: the same linkage with the IDF weights multiplied by
   the squared IDF *local to the storyline* (``LOCAL_POWER``), so the words every article
   of the thread shares ("pirates", "Gulf of Aden") fade and the names, numbers and words
   that tell its events apart decide; discounted over ``story_days``;
3. each story once more, with IDF local to the story itself (``split_parts``): two similar
   events of one storyline that step 2 kept together (two injured-reserve moves of one
   team, years apart) come apart once the words of the story fade too. The online
   tracker splits its young stories the same way;
4. a story of one article left by steps 2-3 joins the story of its storyline it is most
   similar to over the whole input's IDF, when close enough (``adopt_lone``).

Ids are stable for the same input, whatever its order (``storyline.cluster.result``).
``cluster`` and ``cluster_stories`` are the one-call forms. The online counterpart is
``storyline.cluster.tracker.StoryTracker``; both take the parameters of ``ClusterConfig``.
Batch clustering holds an n x n similarity matrix, so it is meant for up to some ten
thousand articles; feed larger archives to the tracker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from scipy.sparse import csr_matrix

from storyline.clean.prose import clean_story
from storyline.cluster.params import ClusterParams
from storyline.cluster.result import (
    UNDATED_DAY,
    ClusterResult,
    day_number,
    story_id,
    storyline_id,
)
from storyline.cluster.similarity import (
    adopt_lone,
    split_parts,
    split_story,
    storyline_groups,
    text_day,
)
from storyline.config import ClusterConfig
from storyline.errors import require_unique_ids
from storyline.model import Article, CleanArticle, Clustering, Skipped, Story, Storyline
from storyline.represent.articles import (
    DocumentFrequencies,
    article_text,
    encode,
    weigh,
)
from storyline.represent.document import document_of
from storyline.represent.headline import choose_headline

__all__ = ["StoryClusterer", "cluster", "cluster_cleaned", "cluster_stories"]


class StoryClusterer(ClusterParams):
    """Groups a set of articles into stories and storylines, all at once.

    Takes the keyword parameters of ``ClusterConfig`` (``story_threshold``,
    ``story_days``, ...; the online-only ones are kept but unused here) and stores them
    as given; ``StoryClusterer.from_config(config)`` takes them from a config.

    Attributes (after ``fit``):
        stories_: the stories, oldest first; every article is in exactly one.
        storylines_: the storylines they belong to, oldest first.
        labels_: the story id of each article, in the order given to ``fit``.

    Example:
        >>> a = Article(id="a", text="Flood waters rose in Dresden on Monday.")
        >>> b = Article(id="b", text="Flood waters in Dresden rose again on Monday.")
        >>> StoryClusterer(story_threshold=0.04).fit([a, b]).labels_[0] == story_id("a")
        True
    """

    def fit(self, articles: Sequence[Article], y: None = None) -> StoryClusterer:
        """Cluster ``articles`` (unique ids, any order); ``y`` is ignored. Returns ``self``.

        Raises:
            UsageError: two articles share an id, or a parameter is out of range.
        """
        result = _cluster(articles, self.to_config())
        self.stories_ = result.stories
        self.storylines_ = result.storylines
        story_of = {a: story.id for story in result.stories for a in story.articles}
        self.labels_ = tuple(story_of[article.id] for article in articles)
        return self


def cluster(articles: Sequence[Article], *, config: ClusterConfig | None = None) -> ClusterResult:
    """Group ``articles`` into stories and storylines (``StoryClusterer`` in one call).

    Args:
        articles: articles with unique ids, in any order.
        config: the clustering parameters (the defaults when ``None``).

    Returns:
        A ``ClusterResult``; every article is in exactly one story.

    Raises:
        UsageError: two articles share an id.

    Example:
        >>> a = Article(id="a", text="Flood waters rose in Dresden on Monday.")
        >>> b = Article(id="b", text="Flood waters in Dresden rose again on Monday.")
        >>> len(cluster([a, b]).stories)
        1
    """
    return _cluster(articles, config or ClusterConfig())


def cluster_stories(articles: Sequence[Article], *, config: ClusterConfig | None = None) -> Clustering:
    """``cluster`` over the ``articles`` with prose left after cleaning; those with none are
    ``skipped`` (the public ``storyline.cluster``). Each story is headed as its digest is
    (``StoryDocument.headline``), each storyline by its first story.

    Raises:
        UsageError: two articles share an id, or an option is out of range.
    """
    kept, skipped = clean_story(articles)
    return cluster_cleaned(kept, skipped, config=config)


def cluster_cleaned(
    kept: Sequence[CleanArticle], skipped: Sequence[Skipped] = (), *,
    config: ClusterConfig | None = None,
) -> Clustering:
    """``cluster_stories`` of articles already cleaned (``kept``, each with prose), so a
    caller that digests them next cleans each article once; ``skipped`` is carried over."""
    result = cluster([c.article for c in kept], config=config)
    cleaned = {c.article.id: c for c in kept}
    stories = tuple(replace(s, headline=document_of([cleaned[a] for a in s.articles]).headline)
                    for s in result.stories)
    headline = {s.id: s.headline for s in stories}
    lines = tuple(replace(line, headline=headline[line.stories[0]]) for line in result.storylines)
    return Clustering(stories, lines, tuple(skipped))


def _cluster(articles: Sequence[Article], opts: ClusterConfig) -> ClusterResult:
    """Storylines, then the stories of each storyline, then each story split (see above)."""
    ordered = _in_publication_order(articles)
    if not ordered:
        return ClusterResult((), ())
    raw = encode([article_text(a) for a in ordered])
    frequencies = DocumentFrequencies()
    frequencies.add(raw)
    idf = frequencies.idf()
    days = np.array([day_number(a.published) for a in ordered], dtype=float)
    known = np.array([text_day(a) if np.isnan(d) else d for a, d in zip(ordered, days, strict=True)])
    lines = storyline_groups(weigh(raw, idf, 0.5), days, known, opts.storyline_chance,
                             opts.storyline_apart)
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
    here, so the names, numbers and words that tell its events apart decide; then a lone
    article joins the story it is close to (``adopt_lone``).
    """
    rows, line_days = raw[line], days[line]
    stories = []
    for group in split_story(rows, idf, line_days, opts):
        for part in split_parts(rows[group], idf, line_days[group], opts):
            stories.append(sorted(group[i] for i in part))
    return [[line[i] for i in story] for story in adopt_lone(rows, idf, line_days, stories, opts)]


def _in_publication_order(articles: Sequence[Article]) -> list[Article]:
    require_unique_ids(articles)
    keyed = [(np.nan_to_num(day_number(a.published), nan=UNDATED_DAY), a.id, a) for a in articles]
    return [a for _, _, a in sorted(keyed, key=lambda k: k[:2])]


def _sum_rows(raw: csr_matrix, groups: Sequence[Sequence[int]]) -> csr_matrix:
    rows = np.concatenate([np.full(len(g), i) for i, g in enumerate(groups)])
    members = np.concatenate([np.asarray(g) for g in groups])
    pick = csr_matrix((np.ones(len(members)), (rows, members)), shape=(len(groups), raw.shape[0]))
    return (pick @ raw).tocsr()


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
