"""Issue 15 checks on real data: seeds kept apart from a dev stream, storylines on unrelated piles, the folds."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.evaluate.cluster_checks import online_gap, seeds_after_stream
from storyline.evaluate.clustering import run_all, with_prose
from storyline.evaluate.ecbplus import GoldArticle
from storyline.evaluate.streams import (
    PILE_CLUSTERS,
    ecbplus,
    multinews_pile,
    timeline17,
    unrelated_pile,
)
from storyline.model import Article

SUBSET = ["EgyptianProtest_cnn", "haiti_bbc"]
"""Two Timeline17 collections (no Syria collection is in the dev data; the Egyptian protests
are nearest the seeds' Middle East story) - small enough for CI."""


@pytest.mark.parametrize("mode", ["batch", "online"])
def test_cluster_checks_seeds_added_after_a_stream_share_no_story_with_it(
        shared_data: Path, seed_articles: list[Article], mode: str) -> None:
    stream, _ = timeline17(shared_data / "timeline17", collections=SUBSET)
    assert {item.article.source for item in stream} == set(SUBSET)
    (check,) = seeds_after_stream(stream, seed_articles, modes=(mode,))
    assert check.method == mode
    assert check.shared_story == 0, f"{check.shared_story} stream articles share a story with a seed"


def _unrelated(shared_data: Path, seeds: list[Article], examples: list[Article],
               fold: str = "all") -> list[GoldArticle]:
    items, skipped = unrelated_pile(shared_data / "multinews" / "validation.csv",
                                    {"seeds": seeds, "examples": examples}, fold=fold)
    assert skipped == []
    return items


def test_cluster_checks_unrelated_pile_holds_twenty_clusters_and_the_two_threads(
        shared_data: Path, seed_articles: list[Article], example_articles: list[Article]) -> None:
    items = _unrelated(shared_data, seed_articles, example_articles)
    sizes: dict[str, int] = defaultdict(int)
    for item in items:
        assert item.story == item.storyline
        sizes[item.story] += 1
    assert sizes.pop("seeds") == 5 and sizes.pop("examples") == len(example_articles)
    assert len(sizes) == PILE_CLUSTERS and min(sizes.values()) >= 2
    assert sorted(sizes, key=lambda s: int(s[3:]))[:3] == ["mn-0", "mn-1", "mn-2"]


@pytest.mark.parametrize("mode", ["batch", "online"])
def test_cluster_checks_unrelated_stories_stay_in_their_own_storylines(
        shared_data: Path, seed_articles: list[Article], example_articles: list[Article],
        mode: str) -> None:
    items = with_prose(_unrelated(shared_data, seed_articles, example_articles))
    (row,) = [r for r in run_all(items, modes=(mode,)) if r.level == "storyline"]
    assert row.bcubed.precision >= 0.95


def test_cluster_checks_collapse_starts_every_collection_on_one_day_and_keeps_its_gaps(
        shared_data: Path) -> None:
    plain, _ = timeline17(shared_data / "timeline17", collections=SUBSET)
    collapsed, _ = timeline17(shared_data / "timeline17", collections=SUBSET, collapse=True)
    day = {i.article.id: i.article.published for i in plain}
    moved = {i.article.id: i.article.published for i in collapsed}
    assert set(day) == set(moved)
    firsts = {}
    for item in collapsed:
        firsts.setdefault(item.article.source, item.article.id)
    assert len({moved[a] for a in firsts.values()}) == 1
    for source, first in firsts.items():
        gaps = {moved[a] - moved[first] == day[a] - day[first]
                for a in day if a.startswith(source + "/")}
        assert gaps == {True}
    dates = [i.article.published for i in collapsed]
    assert dates == sorted(dates)


def test_cluster_checks_folds_split_every_data_set_in_two_disjoint_halves(shared_data: Path) -> None:
    csv = shared_data / "multinews" / "validation.csv"
    loaders = {
        "timeline17": lambda fold: timeline17(shared_data / "timeline17", fold=fold)[0],
        "multinews": lambda fold: multinews_pile(csv, fold=fold)[0],
        "ecbplus": lambda fold: ecbplus(shared_data / "ecbplus", fold=fold),
    }
    for name, load in loaders.items():
        halves = [{i.article.id for i in load(fold)} for fold in ("tune", "heldout")]
        assert halves[0] and halves[1], name
        assert not halves[0] & halves[1], name
        assert halves[0] | halves[1] == {i.article.id for i in load("all")}, name
    held = {i.storyline for i in timeline17(shared_data / "timeline17", fold="heldout")[0]}
    assert held == {"bpoil", "EgyptianProtest"}


def test_cluster_checks_online_gap_is_online_minus_batch(shared_data: Path) -> None:
    items, _ = multinews_pile(shared_data / "multinews" / "validation.csv", limit=12)
    rows = run_all(items, modes=("batch", "online"))
    f1 = {r.method: r.bcubed.f1 for r in rows}
    assert online_gap(rows) == {"story": pytest.approx(f1["online"] - f1["batch"])}


def test_cluster_checks_eval_clusters_scores_a_multinews_fold(shared_data: Path) -> None:
    csv = shared_data / "multinews" / "validation.csv"
    result = CliRunner().invoke(app, ["eval", "clusters", "--data", str(csv),
                                      "--fold", "heldout", "--mode", "batch"])
    assert result.exit_code == 0, result.output
    assert "Multi-News pile (gold story: cluster, heldout fold): 344 articles" in result.output
    assert "batch    story" in result.output
    refused = CliRunner().invoke(app, ["eval", "clusters", "--data", str(csv), "--collapse"])
    assert refused.exit_code == 2
    assert "not a Timeline17 folder" in refused.output
