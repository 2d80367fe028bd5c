"""Candidate days and their features, and the shipped day ranker, on the seed story."""

from __future__ import annotations

from datetime import date

import numpy as np

from storyline.represent.document import build_document
from storyline.timeline.build import rank_days, select_days
from storyline.timeline.days import FEATURE_NAMES, DayRanker, day_features, default_ranker


def test_days_features_describe_the_seed_story(seed_articles) -> None:
    doc = build_document(seed_articles)
    found = day_features(doc.dates, doc.vectors)
    assert list(found.days) == sorted(found.days) and found.values.shape == (len(found.days), len(FEATURE_NAMES))
    assert np.isfinite(found.values).all()
    row = dict(zip(FEATURE_NAMES, found.values[found.days.index(date(2016, 9, 19))], strict=True))
    assert row["log_named_after"] > 0  # "the deal collapsed Monday", written days later
    assert 0 <= row["novelty"] <= 1 and 0 < row["mention_share"] <= 1
    assert set(found.days) == set(rank_days(doc.dates))  # the rule and the ranker see the same days


def test_days_window_limits_the_candidates(seed_articles) -> None:
    doc = build_document(seed_articles)
    found = day_features(doc.dates, doc.vectors, (date(2016, 9, 20), None))
    assert found.days and min(found.days) >= date(2016, 9, 20)
    assert day_features(doc.dates, doc.vectors, (date(2030, 1, 1), None)).days == ()
    assert select_days(doc.dates, doc.vectors, (date(2030, 1, 1), None)) == []


def test_days_shipped_weights_load_and_rank_every_candidate(seed_articles) -> None:
    ranker = default_ranker()
    assert ranker.coef.shape == (len(FEATURE_NAMES),)
    assert DayRanker.load().to_dict() == ranker.to_dict()
    doc = build_document(seed_articles)
    ranked = select_days(doc.dates, doc.vectors)
    assert sorted(ranked) == sorted(day_features(doc.dates, doc.vectors).days)
    assert date(2016, 9, 19) in ranked[:5]
