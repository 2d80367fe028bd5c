"""Timeline17 loader and timeline metrics, on tiny hand-computed inputs and the real data."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from storyline.evaluate.timeline17 import load_topic, parse_timeline_txt
from storyline.evaluate.timeline_metrics import align_m1, concat, date_f1, score_timeline
from storyline.evaluate.timelines import format_table, mentions_system, prepare, pubdate_system

D0, D1, D3 = date(2010, 4, 20), date(2010, 4, 21), date(2010, 4, 23)


def test_timeline17_date_f1_counts_shared_days() -> None:
    assert date_f1({D0: [], D1: []}, {D0: [], D3: []}) == pytest.approx(0.5)
    assert date_f1({}, {D0: []}) == 0.0


def test_timeline17_concat_rouge_ignores_stop_words_and_stems() -> None:
    # "The rig exploded" -> rig, explod ; "rigs explode in the Gulf" -> rig, explod, gulf
    score = concat({D0: ["The rig exploded."]}, {D1: ["Rigs explode in the Gulf."]}, 1)
    assert score == pytest.approx(2 * 1.0 * (2 / 3) / (1 + 2 / 3))
    assert concat({D0: ["The rig exploded."]}, {D1: ["Rigs explode in the Gulf."]}, 2) == pytest.approx(
        2 * 1.0 * 0.5 / 1.5)


def test_timeline17_alignment_prefers_matching_content_and_weights_by_distance() -> None:
    predicted = {D1: ["oil spill"]}
    reference = {D0: ["rig explodes"], D3: ["oil spill"]}
    # precision: D1 -> D3 (cost 0), 2 matches / (2 days + 1) over 2 unigrams = 1/3
    # recall: D0 -> D1 matches nothing, D3 -> D1 gives 2/3 over 4 unigrams = 1/6
    assert align_m1(predicted, reference, 1) == pytest.approx(2 * (1 / 3) * (1 / 6) / (1 / 2))


def test_timeline17_perfect_timeline_scores_one() -> None:
    gold = {D0: ["A rig exploded in the Gulf of Mexico."], D3: ["The well was capped by BP engineers."]}
    scores = score_timeline(gold, gold)
    assert (scores.date_f1, scores.concat_r1, scores.concat_r2, scores.align_r1, scores.align_r2) == (
        1.0, 1.0, 1.0, 1.0, 1.0)


def test_timeline17_parse_txt_blocks() -> None:
    text = "2010-04-20\nRig explodes .\nEleven die .\n" + "-" * 32 + "\n2010-04-22\nRig sinks .\n"
    assert parse_timeline_txt(text) == {D0: ("Rig explodes .", "Eleven die ."),
                                        date(2010, 4, 22): ("Rig sinks .",)}


def test_timeline17_load_topic_dates_articles_by_folder(tmp_path: Path) -> None:
    day = tmp_path / "spill" / "InputDocs" / "2010-04-21"
    day.mkdir(parents=True)
    (day / "1.htm.txt").write_text("A rig exploded in the Gulf of Mexico on Tuesday night .\n")
    (day / "2.htm.txt").write_text("")
    (tmp_path / "spill" / "timelines.jsonl").write_text(json.dumps([["2010-04-20", ["Rig explodes ."]]]) + "\n")
    topic = load_topic(tmp_path / "spill")
    assert [a.published for a in topic.articles] == [D1]
    assert topic.empty_files == 1
    assert topic.timelines == ({D0: ("Rig explodes .",)},)


def test_timeline17_real_topic_and_baselines(shared_data: Path) -> None:
    topic = load_topic(shared_data / "timeline17" / "H1N1_guardian")
    assert len(topic.articles) > 50 and len(topic.timelines) == 1
    gold = topic.timelines[0]
    prep = prepare(topic, gold)
    window = (min(gold), max(gold))
    assert all(window[0] <= c.article.published <= window[1] for c in prep.kept)  # news-tls set-up
    for system in (pubdate_system, mentions_system):
        predicted = system(prep, len(gold), 2)
        assert 0 < len(predicted) <= len(gold)
        assert all(window[0] <= d <= window[1] for d in predicted)
        assert score_timeline(predicted, gold).date_f1 > 0


def test_timeline17_table_has_a_row_per_system() -> None:
    from storyline.evaluate.timeline_metrics import Scores
    from storyline.evaluate.timeline_tilse import TilseScores
    from storyline.evaluate.timelines import Result
    rows = [Result("pubdate", f"topic{i}", TilseScores(0.5, 0.3, 0.1, 0.1, 0.03, 0.1, 0.03),
                   Scores(0.5, 0.3, 0.1, 0.1, 0.03), 1.0) for i in range(11)]
    table = format_table(rows)
    assert "pubdate" in table and "0.500" in table and "11 gold timelines" in table
