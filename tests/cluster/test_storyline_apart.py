"""Concurrent threads stay apart in batch storylines (issue 15): real Timeline17 coverage."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from storyline.cluster.batch import cluster
from storyline.cluster.similarity import link
from storyline.cluster.tracker import StoryTracker
from storyline.config import ClusterConfig
from storyline.evaluate.ecbplus import GoldArticle
from storyline.evaluate.streams import collapse_in_time, timeline17


def _threads(items: list[GoldArticle], config: ClusterConfig, online: bool = False) -> list[Counter[str]]:
    """Per predicted storyline (largest first), how many articles of each gold thread it
    holds, clustered in batch or ``online`` (in stream order)."""
    articles = [i.article for i in items]
    stories = (StoryTracker.from_config(config).partial_fit(articles).stories() if online
               else cluster(articles, config=config).stories)
    line = {a: s.storyline for s in stories for a in s.articles}
    held: dict[str, Counter[str]] = {}
    for item in items:
        held.setdefault(line[item.article.id], Counter())[item.storyline] += 1
    return sorted(held.values(), key=lambda c: -sum(c.values()))


@pytest.mark.parametrize("online", [False, True], ids=["batch", "online"])
def test_two_threads_of_the_same_weeks_stay_two_storylines(shared_data: Path, online: bool) -> None:
    # an earthquake's aftermath and a popular uprising, shifted to start on the same day:
    # the same weeks, shared words ("government", "killed", "people"), no people or places
    items, _ = timeline17(shared_data / "timeline17")
    both = collapse_in_time([i for i in items if i.storyline in ("haiti", "EgyptianProtest")])
    merged = _threads(both, ClusterConfig(storyline_apart=0.0), online)
    assert min(merged[0].values()) > 100  # without the check: one storyline holds much of both
    apart = _threads(both, ClusterConfig(), online)
    assert [c.most_common(1)[0][0] for c in apart[:2]] in (["haiti", "EgyptianProtest"],
                                                           ["EgyptianProtest", "haiti"])
    for held in apart[:2]:  # online, a small story placed before its thread had a storyline stays
        assert held.most_common(1)[0][1] / sum(held.values()) >= (0.9 if online else 0.95)
        assert sum(held.values()) >= 200


def test_a_long_thread_is_not_cut_by_the_check(shared_data: Path) -> None:
    # months of financial-crisis coverage: its parts share the thread's people and words
    items, _ = timeline17(shared_data / "timeline17")
    finance = [i for i in items if i.storyline == "Finan"]
    with_check = _threads(finance, ClusterConfig())
    without = _threads(finance, ClusterConfig(storyline_apart=0.0))
    assert [sum(c.values()) for c in with_check] == [sum(c.values()) for c in without]


def test_link_splits_a_group_only_where_apart_says_so() -> None:
    # two blocks of 25 rows (0.9 within, 0.7 across) and 3 rows leaning to the first (0.75)
    blocks = np.repeat([0, 1, 2], [25, 25, 3])
    similarity = np.where(blocks[:, None] == blocks[None, :], 0.9, 0.7)
    similarity[np.ix_(blocks == 2, blocks == 0)] = similarity[np.ix_(blocks == 0, blocks == 2)] = 0.75
    second = set(range(25, 50))

    def across(first_rows: list[int], second_rows: list[int]) -> bool:
        return second in (set(first_rows), set(second_rows))

    everything = list(range(53))
    assert link(similarity, 0.5) == [everything]
    assert link(similarity, 0.5, apart=lambda a, b: False) == [everything]
    assert link(similarity, 0.5, apart=across) == [[*range(25), 50, 51, 52], list(range(25, 50))]
