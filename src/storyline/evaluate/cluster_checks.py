"""The clustering checks of issue 15 that ``run_all`` alone does not make: seeds after a stream, the online gap.

``seeds_after_stream`` feeds a labelled stream and then the seed articles (batch: all at
once; online: the stream in its order, then the seeds) and counts the stream articles put
in a story, or a storyline, with any seed - zero when undated articles from another year
keep to themselves. ``online_gap`` is online minus batch B-cubed F1 per level, from the
rows of ``run_all``. The data sets are in ``storyline.evaluate.streams``; the runner
printing every check on both folds is ``benchmarks/cluster_checks.py``.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.cluster.batch import cluster
from storyline.cluster.result import ClusterResult
from storyline.cluster.tracker import StoryTracker
from storyline.config import ClusterConfig
from storyline.evaluate.clustering import Row, bcubed, pairwise
from storyline.evaluate.ecbplus import GoldArticle
from storyline.model import Article

__all__ = ["SEEDS_STORYLINE", "SeedCheck", "online_gap", "seeds_after_stream"]

SEEDS_STORYLINE = "seeds"
"""Gold storyline of the seed articles in ``seeds_after_stream``."""


@dataclass(frozen=True)
class SeedCheck:
    """One run of the seeds-after-stream check.

    ``shared_story`` / ``shared_storyline`` count stream articles in a story / storyline
    holding a seed; ``seed_stories`` is how many stories the seeds fall into; ``row``
    scores storylines against the gold (stream collections, the seeds one more).
    """

    method: str
    shared_story: int
    shared_storyline: int
    seed_stories: int
    row: Row


def seeds_after_stream(stream: Sequence[GoldArticle], seeds: Sequence[Article],
                       config: ClusterConfig | None = None,
                       modes: Sequence[str] = ("batch", "online")) -> list[SeedCheck]:
    """Cluster ``stream`` then ``seeds`` in each of ``modes`` (``batch``, ``online``).

    Raises:
        UsageError: two articles share an id.
    """
    items = list(stream) + [GoldArticle(a, "", SEEDS_STORYLINE) for a in seeds]
    checks = []
    for mode in modes:
        start = time.perf_counter()
        if mode == "online":
            tracker = StoryTracker.from_config(config or ClusterConfig())
            for item in items:
                tracker.add(item.article)
            result = ClusterResult(tracker.stories(), tracker.storylines())
        else:
            result = cluster([item.article for item in items], config=config)
        checks.append(_seed_check(mode, items, result, time.perf_counter() - start))
    return checks


def _seed_check(method: str, items: list[GoldArticle], result: ClusterResult,
                seconds: float) -> SeedCheck:
    story_of = {a: story for story in result.stories for a in story.articles}
    seed_ids = {i.article.id for i in items if i.storyline == SEEDS_STORYLINE}
    seed_stories = {story_of[a].id for a in seed_ids}
    seed_lines = {story_of[a].storyline for a in seed_ids}
    stream = [story_of[i.article.id] for i in items if i.article.id not in seed_ids]
    predicted = [story_of[i.article.id].storyline for i in items]
    gold = [i.storyline for i in items]
    row = Row(method, "storyline", bcubed(predicted, gold), pairwise(predicted, gold),
              len(set(predicted)), seconds)
    return SeedCheck(method, sum(s.id in seed_stories for s in stream),
                     sum(s.storyline in seed_lines for s in stream), len(seed_stories), row)


def online_gap(rows: Sequence[Row]) -> dict[str, float]:
    """Online minus batch B-cubed F1 for each level scored by both in ``rows``."""
    f1 = {(r.method, r.level): r.bcubed.f1 for r in rows}
    return {level: f1[("online", level)] - f1[("batch", level)]
            for method, level in f1 if method == "batch" and ("online", level) in f1}
