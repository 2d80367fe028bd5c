"""Running summarizers over clusters: methods, the oracle, the table, the CLI command."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from storyline.cli import app
from storyline.evaluate.multinews import Cluster, load_multinews
from storyline.evaluate.peers import PEERS, lead, oracle, sumy_method
from storyline.evaluate.rouge import cut_to_words
from storyline.evaluate.summaries import (
    METHODS,
    evaluate,
    format_table,
    prepare,
    table,
    write_jsonl,
)
from storyline.model import Article

CRACK = "Engineers found a crack in the Kessling Dam spillway on Monday and ordered the east bank evacuated."
WIRE = (f"{CRACK}\n\nAbout 1,800 residents spent the night in shelters at the sports centre.\n\n"
        "The rail line through the valley was suspended until further notice by the operator.")
COURIER = ("Brenfield woke to sirens and police cars on Tuesday morning as officers went door to door.\n\n"
           f"{CRACK}\n\nThe mayor said the town hall would stay open through the night for residents.")
HERALD = ("Engineers found a crack in the spillway of the Kessling Dam on Monday, and the east bank was "
          "ordered evacuated.\n\nWater is being released from the reservoir to ease the pressure on the wall.")
REFERENCE = ("A crack in the Kessling Dam spillway forced the evacuation of the east bank. "
             "Water is being released from the reservoir to ease the pressure.")


def _cluster() -> Cluster:
    articles = (Article(id="wire", text=WIRE), Article(id="courier", text=COURIER),
                Article(id="herald", text=HERALD))
    return Cluster("dam", articles, REFERENCE)


def test_evaluate_summaries_lead_takes_first_sentences_round_robin() -> None:
    summary = lead(prepare(_cluster()), 40)
    assert summary[0] == CRACK
    assert summary[1].startswith("Brenfield woke")
    assert summary[2].startswith("Engineers found a crack in the spillway")
    assert len(summary) == 3  # 17 + 17 + 20 words reach 40


def test_evaluate_summaries_oracle_picks_what_the_reference_says() -> None:
    summary = oracle(prepare(_cluster()), 40)
    assert any("reservoir" in s for s in summary)
    assert not any("sirens" in s or "rail line" in s for s in summary)


def test_evaluate_summaries_sumy_runs_offline_on_our_sentences() -> None:
    prepared = prepare(_cluster())
    texts = {s.text for s in prepared.sentences}
    for name in ("lexrank", "textrank", "lsa"):
        summary = sumy_method(name)(prepared, 30)
        assert summary and set(summary) <= texts, name
        assert len(summary) == len(set(summary)), name  # the repeated crack sentence once


def test_evaluate_summaries_every_method_is_scored_within_the_budget(tmp_path: Path) -> None:
    scores = evaluate([_cluster()], list(METHODS), 30)
    assert [s.method for s in scores] == list(METHODS)
    for s in scores:
        assert 0.0 <= s.rouge.rouge2 <= s.rouge.rouge1 <= 1.0
        assert s.words >= 30 and s.seconds > 0
    by_method = {s.method: s.rouge for s in scores}
    assert by_method["oracle"].rouge2 >= max(r.rouge2 for m, r in by_method.items() if m != "oracle")
    rows = table(scores)
    assert [r.method for r in rows] == list(METHODS)
    assert [r.method for r in rows if r.upper_bound] == ["oracle"]
    text = format_table(rows, 30)
    assert "oracle (upper bound)" in text and "storyline" in text
    write_jsonl(scores, tmp_path / "out" / "scores.jsonl")
    records = [json.loads(line) for line in (tmp_path / "out" / "scores.jsonl").read_text().splitlines()]
    assert len(records) == len(METHODS) and set(records[0]) >= {"cluster", "method", "rouge1", "rouge2", "rougeLsum"}


def test_evaluate_summaries_storyline_uses_article_sentences() -> None:
    cluster = _cluster()
    summary = METHODS["storyline"](prepare(cluster), 40)
    texts = [a.text for a in cluster.articles]
    assert summary and all(any(s in t for t in texts) for s in summary)
    assert sum(len(s.split()) for s in cut_to_words(summary, 40)) == 40
    assert "crack" in summary[0]


def test_evaluate_summaries_cli_prints_table_and_writes_scores(tmp_path: Path) -> None:
    lines = [json.dumps({"reference": REFERENCE})] + [
        json.dumps({"id": a.id, "text": a.text}) for a in _cluster().articles]
    (tmp_path / "clusters").mkdir()
    (tmp_path / "clusters" / "dam.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "scores.jsonl"
    result = CliRunner().invoke(app, ["eval", "summaries", "--data", str(tmp_path / "clusters"),
                                      "--words", "30", "--methods", "storyline,lead", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "storyline" in result.stdout and "lead" in result.stdout and "lexrank" not in result.stdout
    assert len(out.read_text().splitlines()) == 2
    bad = CliRunner().invoke(app, ["eval", "summaries", "--data", str(tmp_path), "--methods", "bert"])
    assert bad.exit_code == 2


def test_evaluate_summaries_storyline_beats_lead_on_multinews_slice(shared_data: Path) -> None:
    clusters, _ = load_multinews(shared_data / "multinews" / "validation.csv")
    rows = {r.method: r for r in table(evaluate(clusters[-20:], ["storyline", "lead"], 250))}
    assert rows["storyline"].means[1] > rows["lead"].means[1]  # R2 on the last 20 clusters
    assert set(PEERS) == {"lead", "centroid", "lexrank", "textrank", "lsa", "oracle"}
