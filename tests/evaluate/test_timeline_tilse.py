"""tilse's official timeline scores against our own metric, on hand-computed timelines."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.evaluate.timeline_metrics import score_timeline
from storyline.evaluate.timeline_tilse import tilse_scores

D0, D1, D3 = date(2010, 4, 20), date(2010, 4, 21), date(2010, 4, 23)


def test_timeline_tilse_perfect_timeline_scores_one() -> None:
    gold = {D0: ["A rig exploded in the Gulf of Mexico ."], D3: ["BP engineers capped the well ."]}
    scores = tilse_scores(gold, gold)
    assert scores.date_f1 == 1.0
    assert scores.concat_r1 == scores.agree_r1 == scores.align_r1 == pytest.approx(1.0)
    assert scores.align_r2 == pytest.approx(1.0)


def test_timeline_tilse_agreement_needs_the_same_day_and_align_forgives_one_day() -> None:
    predicted = {D1: ["rig explodes"]}
    gold = {D0: ["rig explodes"]}
    scores = tilse_scores(predicted, gold)
    assert scores.date_f1 == 0.0 and scores.agree_r1 == 0.0
    assert scores.concat_r1 == pytest.approx(1.0)
    assert scores.align_r1 == pytest.approx(0.5)  # matches divided by (1 day apart + 1)
    assert score_timeline(predicted, gold).align_r1 == pytest.approx(scores.align_r1)


def test_timeline_tilse_drops_stop_words_and_punctuation() -> None:
    # tilse: "the" and "." are ignored; P = 2/2, R = 2/3 over rig, explod, gulf
    scores = tilse_scores({D0: ["The rig exploded ."]}, {D0: ["Rigs explode in the Gulf ."]})
    assert scores.concat_r1 == pytest.approx(2 * 1.0 * (2 / 3) / (1 + 2 / 3))


def test_timeline_tilse_empty_prediction_scores_zero() -> None:
    scores = tilse_scores({}, {D0: ["rig explodes"]})
    assert scores.date_f1 == scores.concat_r1 == scores.align_r1 == 0.0
