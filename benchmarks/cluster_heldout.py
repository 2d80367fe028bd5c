"""Are the story-level clustering settings tuned to ECB+? A two-fold check on its topics.

Run: ``.venv/bin/python benchmarks/cluster_heldout.py [--data ../shared/data/ecbplus]``.

The online join and merge thresholds and the smallest part a story splits off
(``storyline.cluster.similarity.MIN_PART``) were chosen on all ECB+ topics. Here the topics are cut
in two folds (odd and even topic numbers); for each fold the settings are picked on the
other fold alone (online B-cubed F1, mean of ``ORDERS`` shuffled orders; batch F1 for the
part size), then scored on the fold itself, next to the shipped defaults. A large drop
from "defaults" to "picked elsewhere" would mean the defaults fit ECB+ by luck.
Figures only: nothing here gates anything.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
from pathlib import Path

from storyline.cluster import similarity
from storyline.cluster.batch import cluster
from storyline.cluster.tracker import StoryTracker
from storyline.config import ClusterConfig
from storyline.evaluate.clustering import bcubed
from storyline.evaluate.ecbplus import GoldArticle, load_ecbplus

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "ecbplus"
ORDERS = 4
JOIN = (0.1, 0.14, 0.18, 0.22, 0.3)
MERGE = (0.5, 0.6, 0.7, 0.8)
PARTS = (2, 3, 4)


def story_f1(items: list[GoldArticle], stories: tuple) -> float:
    """B-cubed F1 of ``stories`` against the gold stories of ``items``."""
    story_of = {a: s.id for s in stories for a in s.articles}
    return bcubed([story_of[i.article.id] for i in items], [i.story for i in items]).f1


def online_f1(items: list[GoldArticle], config: ClusterConfig) -> float:
    """Mean story F1 of the tracker over ``ORDERS`` shuffled orders."""
    scores = []
    for seed in range(ORDERS):
        order = [item.article for item in items]
        random.Random(seed).shuffle(order)
        tracker = StoryTracker.from_config(config).partial_fit(order)
        scores.append(story_f1(items, tracker.stories()))
    return statistics.mean(scores)


def batch_f1(items: list[GoldArticle]) -> float:
    return story_f1(items, cluster([item.article for item in items]).stories)


def with_part(part: int, score, *args) -> float:
    """``score(*args)`` with ``MIN_PART`` set to ``part`` (a module constant, set back after)."""
    shipped = similarity.MIN_PART
    similarity.MIN_PART = part
    try:
        return score(*args)
    finally:
        similarity.MIN_PART = shipped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    items = load_ecbplus(args.data)
    topic = {i.article.id: int(i.story.split("_")[0]) for i in items}
    folds = {name: [i for i in items if topic[i.article.id] % 2 == rest]
             for name, rest in (("odd topics", 1), ("even topics", 0))}
    shipped = ClusterConfig()
    print(f"ECB+: {len(items)} articles; online F1 is the mean of {ORDERS} shuffled orders")
    print(f"shipped: join {shipped.online_story_threshold}, merge {shipped.merge_threshold}, "
          f"part {similarity.MIN_PART}")
    for name, fold in folds.items():
        other = [i for i in items if i not in fold]
        part = max(PARTS, key=lambda p: with_part(p, batch_f1, other))
        join, merge = max(
            itertools.product(JOIN, MERGE),
            key=lambda jm: with_part(part, online_f1, other, ClusterConfig(
                online_story_threshold=jm[0], merge_threshold=jm[1])),
        )
        picked = ClusterConfig(online_story_threshold=join, merge_threshold=merge)
        print(f"{name} ({len(fold)} articles): picked on the other fold: join {join}, "
              f"merge {merge}, part {part}")
        print(f"  batch  F1: defaults {batch_f1(fold):.3f}   "
              f"picked elsewhere {with_part(part, batch_f1, fold):.3f}")
        print(f"  online F1: defaults {online_f1(fold, shipped):.3f}   "
              f"picked elsewhere {with_part(part, online_f1, fold, picked):.3f}")


if __name__ == "__main__":
    main()
