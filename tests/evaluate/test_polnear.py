"""PolNeAR loader, matching and scores, on tiny hand-made input and the dev split."""

from __future__ import annotations

from pathlib import Path

from storyline.quotes.attribution import Attribution
from storyline.evaluate.polnear import (
    GoldAttribution,
    PolnearDocument,
    group_by_cue,
    load_polnear,
    parse_ann,
    score,
)

TEXT = "The plan failed, Ann Lee said. He said that talks would resume soon."
#       0         1         2         3         4         5         6
ANN = (
    "T1\tSource 17 24\tAnn Lee\n"
    "T2\tCue 25 29\tsaid\n"
    "T3\tContent 0 15\tThe plan failed\n"
    "E1\tAttribution:T9 Content:T3 Cue:T2 Source:T1\n"
    "T4\tSource 31 33\tHe\n"
    "T5\tContent 39 51;52 68\tthat talks would ...\n"
    "E2\tAttribution:T8 Content:T5 Source:T4\n"
)


def _doc() -> PolnearDocument:
    return PolnearDocument("d", "x", TEXT, tuple(parse_ann(ANN)))


def test_evaluate_polnear_parse_discontinuous_spans():
    gold = parse_ann(ANN)
    assert gold[0] == GoldAttribution(((0, 15),), ((17, 24),))
    assert gold[1].content == ((39, 51), (52, 68))


def test_evaluate_polnear_scores_hand_computed():
    predictions = [[
        (((0, 15),), ((17, 24),)),   # exact content, right speaker
        (((44, 68),), ((0, 3),)),    # 4 of 5 gold tokens, wrong speaker
        (((30, 38),), ()),           # no gold content here
    ]]
    s = score([_doc()], predictions)
    assert (s.matched, s.predicted, s.gold) == (2, 3, 2)
    assert s.recall == 1.0 and round(s.precision, 4) == round(2 / 3, 4)
    assert s.speaker_accuracy == 0.5


def test_evaluate_polnear_half_overlap_needed_both_ways():
    too_long = [[(((0, 68),), ((17, 24),))]]
    assert score([_doc()], too_long).matched == 0


def test_evaluate_polnear_loader_picks_first_annotator(tmp_path: Path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "doc_b2.ann").write_text("", encoding="utf-8")
    (tmp_path / "attributions" / "doc_a1.ann").write_text(ANN, encoding="utf-8")
    [doc] = load_polnear(tmp_path)
    assert doc.annotator == "a1" and len(doc.gold) == 2


def test_evaluate_polnear_dev_beats_peer(shared_data: Path):
    from storyline.evaluate.polnear import evaluate

    results = evaluate(shared_data / "polnear/dev")
    ours, peer = results["storyline"], results["peer: quotation marks + nearest name"]
    assert ours.f1 >= 0.59 and ours.speaker_accuracy >= 0.83
    assert ours.f1 > peer.f1 and ours.speaker_accuracy > peer.speaker_accuracy


def test_evaluate_polnear_split_quote_is_one_prediction_per_paragraph():
    text = '"A b c," she said. "D e f."\n\n"G h i."'
    said = (11, 15)
    found = [
        Attribution(1, 6, said, (7, 10), True),
        Attribution(20, 25, said, (7, 10), True),
        Attribution(30, 35, said, (7, 10), True),
    ]
    assert group_by_cue(text, found) == [
        (((1, 6), (20, 25)), ((7, 10),)),
        (((30, 35),), ((7, 10),)),
    ]
