"""ROUGE set-up checked against values computed by hand on tiny inputs."""

from __future__ import annotations

import pytest

from storyline.evaluate.rouge import bootstrap_ci, cut_to_words, score, split_reference


def test_evaluate_rouge_matches_hand_computed_unigrams_and_bigrams() -> None:
    # reference: the cat sat on the mat -> 6 unigrams, 5 bigrams; summary: the cat sat
    result = score(["The cat sat."], "The cat sat on the mat.", words=250)
    assert result.rouge1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)  # P 3/3, R 3/6
    assert result.rouge2 == pytest.approx(2 * 1.0 * 0.4 / 1.4)  # P 2/2, R 2/5
    assert result.rougeLsum == pytest.approx(2 / 3)  # LCS 3 of 3 and of 6


def test_evaluate_rouge_lsum_reads_sentences_one_per_line() -> None:
    # each reference sentence is matched by the summary sentence that says it, whatever
    # the order: 6 of 6 hits (one line each way would give an LCS of 3 of 6)
    result = score(["Roads were closed.", "Rain fell hard."], "Rain fell hard. Roads were closed.", 250)
    assert result.rougeLsum == pytest.approx(1.0)
    assert split_reference("Rain fell hard. Roads were closed.") == ["Rain fell hard.", "Roads were closed."]


def test_evaluate_rouge_cuts_summary_to_word_budget() -> None:
    reference = "Rescuers reached the village on Monday."
    assert score(["Rescuers reached the village on Monday. Then rain fell."], reference, 6).rouge1 == 1.0
    assert score(["Rescuers reached the village on Monday. Then rain fell."], reference, 250).rouge1 < 1.0
    assert cut_to_words(["one two three", "four five", "six"], 4) == ["one two three", "four"]
    assert cut_to_words(["one two"], 10) == ["one two"]
    with pytest.raises(ValueError):
        cut_to_words(["one"], 0)


def test_evaluate_rouge_stems_words() -> None:
    result = score(["The dams cracked."], "the dam cracks", words=250)
    assert result.rouge1 == pytest.approx(1.0)


def test_evaluate_rouge_empty_summary_scores_zero() -> None:
    result = score([], "The cat sat on the mat.", words=250)
    assert (result.rouge1, result.rouge2, result.rougeLsum) == (0.0, 0.0, 0.0)


def test_evaluate_rouge_bootstrap_interval_holds_the_mean_and_is_reproducible() -> None:
    values = [0.1, 0.4, 0.35, 0.2, 0.9, 0.5, 0.45, 0.3]
    low, high = bootstrap_ci(values)
    assert low < sum(values) / len(values) < high
    assert (low, high) == bootstrap_ci(values)
    assert bootstrap_ci([0.5, 0.5]) == (0.5, 0.5)
    with pytest.raises(ValueError):
        bootstrap_ci([])
