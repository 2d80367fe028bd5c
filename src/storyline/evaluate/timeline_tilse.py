"""Official timeline scores: tilse (Martschat & Markert 2017/2018), the Timeline17 toolkit.

``tilse_scores(predicted, gold)`` scores one predicted timeline (``day -> sentences``)
against one gold timeline with tilse's ``TimelineRougeEvaluator`` (``rouge_computation=
"reimpl"``: its Python ROUGE - whitespace tokens, lower-cased, Porter stems, stop words
and punctuation left out) in three variants - concat, agreement and align (date-content
costs, many-to-one) - for ROUGE-1 and ROUGE-2, and tilse's ``evaluate_dates`` date F1.
These are the figures news-tls and DATEWISE (Ghalandari & Ifrim 2020) report.

tilse is an optional dependency (``pip install 'storyline[eval]'``); it is imported on
first use.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from storyline.errors import UsageError

__all__ = ["TilseScores", "tilse_scores"]

Timeline = Mapping[date, Sequence[str]]


@dataclass(frozen=True)
class TilseScores:
    """tilse F1 scores of one predicted timeline against one gold timeline."""

    date_f1: float
    concat_r1: float
    concat_r2: float
    agree_r1: float
    agree_r2: float
    align_r1: float
    align_r2: float


@lru_cache(maxsize=1)
def _tilse() -> tuple[Any, Any, Any]:
    """tilse's evaluator, ``Timeline``/``GroundTruth`` module and date scorer.

    Raises:
        UsageError: tilse is not installed.
    """
    try:
        from tilse.data import timelines
        from tilse.evaluation import dates, rouge
    except ImportError as err:
        raise UsageError(f"the official timeline scores need tilse ({err}); "
                         "install it with: pip install 'storyline[eval]'") from None
    evaluator = rouge.TimelineRougeEvaluator(measures={"rouge_1", "rouge_2"}, rouge_computation="reimpl")
    return evaluator, timelines, dates


def tilse_scores(predicted: Timeline, gold: Timeline) -> TilseScores:
    """tilse's date F1 and concat / agreement / align (m:1) ROUGE-1/2 F1.

    An empty prediction scores 0 everywhere (tilse itself divides by zero on it).

    Raises:
        UsageError: tilse is not installed.

    Example:
        >>> from datetime import date as d
        >>> s = tilse_scores({d(2010, 4, 20): ["Rig explodes in gulf"]}, {d(2010, 4, 20): ["Rig explodes"]})
        >>> s.date_f1, round(s.concat_r1, 2), round(s.align_r1, 2)
        (1.0, 0.8, 0.8)
    """
    evaluator, timelines, dates = _tilse()
    kept = {day: list(texts) for day, texts in predicted.items() if texts}
    if not kept:
        return TilseScores(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    pred = timelines.Timeline(kept)
    truth = timelines.GroundTruth([timelines.Timeline({day: list(texts) for day, texts in gold.items()})])
    concat = evaluator.evaluate_concat(pred, truth)
    agree = evaluator.evaluate_agreement(pred, truth)
    align = evaluator.evaluate_align_date_content_costs_many_to_one(pred, truth)
    return TilseScores(
        date_f1=float(dates.evaluate_dates(pred, truth)["f_score"]),
        concat_r1=concat["rouge_1"]["f_score"], concat_r2=concat["rouge_2"]["f_score"],
        agree_r1=agree["rouge_1"]["f_score"], agree_r2=agree["rouge_2"]["f_score"],
        align_r1=align["rouge_1"]["f_score"], align_r2=align["rouge_2"]["f_score"],
    )
