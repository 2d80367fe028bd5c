"""The learned sentence scorer: shipped weights, features, and what it prefers."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from storyline.model import Article
from storyline.represent.document import build_document
from storyline.summary.summarize import summary_features
from storyline.summary.scorer import FEATURE_NAMES, WEIGHTS_PATH, Scorer, default_scorer

CRACK = "Engineers found a crack in the Kessling Dam spillway on Monday and ordered the east bank evacuated."


def _features() -> tuple[list[str], np.ndarray]:
    articles = [
        Article(id="wire", text=f"{CRACK}\n\nA bakery on the high street sold out of bread by noon, its owner said."),
        Article(id="herald", text=f"{CRACK}\n\nThe mayor said the town hall would stay open through the night."),
    ]
    doc = build_document(articles)
    return [s.text for s in doc.sentences], summary_features(doc)


def test_summary_scorer_ships_weights_for_its_features() -> None:
    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert tuple(data["features"]) == FEATURE_NAMES
    scorer = default_scorer()
    assert scorer.coef.shape == (len(FEATURE_NAMES),)
    assert np.all(scorer.scale > 0)


def test_summary_scorer_prefers_lead_fact_reported_by_both_outlets() -> None:
    _, features = _features()
    assert features.shape == (4, len(FEATURE_NAMES))
    support = features[:, FEATURE_NAMES.index("support_max")]
    assert support[0] == pytest.approx(1.0) and support[1] < 0.5
    scores = default_scorer().score(features)
    assert scores[0] > scores[1] and scores[2] > scores[3]


def test_summary_scorer_refuses_weights_for_other_features(tmp_path: Path) -> None:
    data = default_scorer().to_dict()
    data["features"] = list(FEATURE_NAMES[:-1])
    path = tmp_path / "weights.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="refit"):
        Scorer.load(path)
    assert Scorer.load(WEIGHTS_PATH).intercept == default_scorer().intercept
