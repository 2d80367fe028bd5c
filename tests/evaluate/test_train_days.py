"""Fitting the day ranker on Timeline17 gold timelines and ranking a collection it never saw."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from storyline.evaluate.timeline17 import load_topic
from storyline.evaluate.timeline_metrics import date_f1
from storyline.evaluate.timelines import prepare
from storyline.evaluate.train_days import fit_ranker
from storyline.timeline.days import FEATURE_NAMES, DayFeatures


def _prepared(shared_data: Path, name: str):
    topic = load_topic(shared_data / "timeline17" / name)
    return prepare(topic, topic.timelines[0])


def test_train_days_ranker_fitted_on_two_collections_finds_a_third_ones_days(shared_data: Path) -> None:
    training = [_prepared(shared_data, name) for name in ("bpoil_foxnews", "H1N1_bbc")]
    assert all(p.labels.sum() > 0 for p in training)
    ranker = fit_ranker([(p.days, p.labels) for p in training])
    held_out = _prepared(shared_data, "H1N1_guardian")
    days = ranker.rank(held_out.days)[: len(held_out.gold)]
    assert date_f1(dict.fromkeys(days, []), held_out.gold) >= 0.5


def test_train_days_needs_gold_and_other_days() -> None:
    found = DayFeatures((), np.zeros((0, len(FEATURE_NAMES))))
    with pytest.raises(ValueError, match="both gold and other days"):
        fit_ranker([(found, np.zeros(0, dtype=int))])
