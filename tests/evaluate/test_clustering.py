"""Clustering metrics (hand-computed), the ECB+ and Timeline17 stream loaders, the eval run."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.evaluate.clustering import bcubed, format_table, pairwise, run_all
from storyline.evaluate.ecbplus import GoldArticle, load_ecbplus
from storyline.evaluate.timeline17_stream import load_stream
from storyline.model import Article


def test_evaluate_clustering_bcubed_by_hand() -> None:
    # predicted {a1 a2 b1} {b2}; gold {a1 a2} {b1 b2}
    predicted, gold = ["x", "x", "x", "y"], ["a", "a", "b", "b"]
    scores = bcubed(predicted, gold)
    # precision: a1 2/3, a2 2/3, b1 1/3, b2 1/1 -> 8/12; recall: 1, 1, 1/2, 1/2 -> 3/4
    assert scores.precision == pytest.approx(8 / 12)
    assert scores.recall == pytest.approx(3 / 4)
    assert scores.f1 == pytest.approx(2 * (8 / 12) * 0.75 / (8 / 12 + 0.75))


def test_evaluate_clustering_pairwise_by_hand() -> None:
    scores = pairwise(["x", "x", "x", "y"], ["a", "a", "b", "b"])
    # predicted pairs: 3, of which 1 (a1-a2) is gold; gold pairs: 2
    assert (scores.precision, scores.recall) == (pytest.approx(1 / 3), 0.5)
    perfect = pairwise([1, 2, 2], ["p", "q", "q"])
    assert (perfect.precision, perfect.recall, perfect.f1) == (1.0, 1.0, 1.0)
    assert pairwise([1, 2], ["p", "q"]).f1 == 1.0


def test_evaluate_clustering_rejects_mismatched_labels() -> None:
    with pytest.raises(ValueError, match="3 gold"):
        bcubed([1, 2], [1, 2, 3])
    with pytest.raises(ValueError, match="no items"):
        pairwise([], [])


def test_evaluate_clustering_ecbplus_drops_the_url_sentence(shared_data: Path) -> None:
    items = load_ecbplus(shared_data / "ecbplus", topics=[1])
    by_id = {item.article.id: item for item in items}
    plus = by_id["1_10ecbplus"]
    assert plus.story == "1_ecbplus" and plus.storyline == "1"
    assert "http" not in plus.article.text.split("\n")[0]
    assert "Lohan" in plus.article.text
    assert by_id["1_10ecb"].story == "1_ecb"
    assert {item.story for item in items} == {"1_ecb", "1_ecbplus"}


def test_evaluate_clustering_timeline17_stream_in_publication_order(shared_data: Path) -> None:
    items, skipped = load_stream(shared_data / "timeline17")
    days = [item.article.published for item in items]
    assert days == sorted(days)
    assert {item.storyline for item in items} == {"EgyptianProtest", "Finan", "H1N1", "bpoil", "haiti"}
    assert skipped and all(s.code == "empty" for s in skipped)
    assert all(item.article.text.strip() for item in items)


def test_evaluate_clustering_run_all_scores_every_mode_on_tiny_data() -> None:
    texts = {
        "q": ["Quake of 7.1 hits Valparaiso, Chile.", "Valparaiso quake of 7.1 kills two in Chile."],
        "f": ["Flood in Dresden as the Elbe rises.", "The Elbe flood reaches Dresden old town."],
    }
    items = [GoldArticle(Article(id=f"{k}{i}", text=t), k, "all") for k, ts in texts.items()
             for i, t in enumerate(ts)]
    rows = run_all(items)
    assert {(r.method, r.level) for r in rows} == {
        (m, lvl) for m in ("batch", "online", "peer") for lvl in ("story", "storyline")}
    batch = next(r for r in rows if r.method == "batch" and r.level == "story")
    assert batch.bcubed.f1 == 1.0
    assert "peer" in format_table(rows, "tiny")


def test_evaluate_clustering_cli_refuses_an_unknown_layout(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "clusters", "--data", str(tmp_path)])
    assert result.exit_code == 2
    assert "expected ECB+" in result.output
