"""CoNLL++ loader and mention scores, on tiny hand-made input and the dev file."""

from __future__ import annotations

from pathlib import Path

from storyline.evaluate.conll import evaluate, gold_mentions, load_conll, score

TINY = """-DOCSTART- - - O

John 0 4 I-PER
Kerry 5 10 I-PER
met 11 14 O
Sergei 15 21 B-PER
Lavrov 22 28 I-PER
in 29 31 O
Geneva 32 38 I-LOC
. 38 39 O

The 40 43 O
UN 44 46 I-ORG
agreed 47 53 O
. 53 54 O
"""


def test_evaluate_conll_loader_rebuilds_text_and_mentions(tmp_path: Path):
    path = tmp_path / "tiny.txt"
    path.write_text(TINY, encoding="utf-8")
    [doc] = load_conll(path)
    assert [doc.text[a:b] for a, b, _ in doc.gold] == ["John Kerry", "Sergei Lavrov", "Geneva", "UN"]
    assert [doc.text[a:b] for a, b in doc.sentences] == [
        "John Kerry met Sergei Lavrov in Geneva.",
        "The UN agreed.",
    ]


def test_evaluate_conll_b_tag_splits_adjacent_mentions():
    sentence = [("A", 0, 1, "I-PER"), ("B", 2, 3, "B-PER"), ("C", 4, 5, "I-PER")]
    assert gold_mentions([sentence]) == [(0, 1, "PER"), (2, 5, "PER")]


def test_evaluate_conll_scores_hand_computed():
    gold = [[(0, 4, "PER"), (5, 8, "ORG"), (9, 12, "LOC")]]
    pred = [[(0, 4, "PER"), (5, 8, "LOC"), (13, 15, "ORG")]]
    untyped, typed = score(pred, gold, typed=False), score(pred, gold, typed=True)
    assert (untyped.correct, untyped.predicted, untyped.gold) == (2, 3, 3)
    assert round(untyped.f1, 4) == round(2 / 3, 4)
    assert typed.correct == 1 and round(typed.f1, 4) == round(1 / 3, 4)


def test_evaluate_conll_tiny_file_scores_storyline(tmp_path: Path):
    path = tmp_path / "tiny.txt"
    path.write_text(TINY, encoding="utf-8")
    results = evaluate(path)
    assert results["storyline"]["typed"].f1 == 1.0


def test_evaluate_conll_dev_floors(shared_data: Path):
    results = evaluate(shared_data / "conllpp/conllpp_dev.txt")
    ours, peer = results["storyline"], results["peer: capitalised runs"]
    assert ours["untyped"].f1 >= 0.80
    assert ours["typed"].f1 >= 0.65
    assert ours["untyped"].f1 > peer["untyped"].f1
