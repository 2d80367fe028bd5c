"""Retrain the quote filter on PolNeAR train/, choose its threshold on half of dev/.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/train_quote_filter.py [--write]``.
Fits a logistic regression (scikit-learn) over ``quotes.filter.candidate_features`` of
every rule candidate in PolNeAR ``train/`` (label: its content matches a gold content,
>= 50% shared tokens both ways), chooses the threshold on the even-numbered ``dev/``
documents (the highest threshold whose F-beta is within ``F_TIE`` of the best, F1
unless ``--beta`` says otherwise), and prints the
figures on that tuning half, on the odd-numbered held-out half and on all of ``dev/``.
With ``--write`` it writes ``src/storyline/quotes/filter.json``, the weights
``storyline quotes`` uses. Nothing here reads PolNeAR test data (we have none).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from storyline.clean.prose import clean
from storyline.evaluate import polnear
from storyline.model import Article
from storyline.quotes.extract import candidates
from storyline.quotes.filter import WEIGHTS, best, candidate_features, variants
from storyline.quotes.speakers import Attribution

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "polnear"
MIN_COUNT = 5
"""A feature seen in fewer training candidates than this gets no weight."""
F_TIE = 0.005
"""F-beta this close to the best counts as a tie when the threshold is chosen."""

Found = list[tuple[polnear.PolnearDocument, list[Attribution]]]


def rule_candidates(documents: Sequence[polnear.PolnearDocument]) -> Found:
    """Every document with its rule candidates (before the filter)."""
    return [(d, candidates(clean(Article(text=d.text, id=d.name)))) for d in documents]


def labelled(found: Found) -> tuple[list[dict[str, int]], list[int]]:
    """Feature dicts and labels (1: the content, with the other parts of a quote split
    around the same cue, matches some gold content, as the evaluation groups them)."""
    rows, labels = [], []
    for document, items in found:
        gold = [polnear.content_tokens(document.text, g.content) for g in document.gold]
        for item in items:
            shared = [(a.start, a.end) for a in items if a.cue == item.cue and a is not item]
            for variant in variants(document.text, item):
                spans = ((variant.start, variant.end), *(shared if item.cue[0] < item.cue[1] else ()))
                tokens = polnear.content_tokens(document.text, tuple(spans))
                names = candidate_features(document.text, variant, item.end)
                rows.append(dict.fromkeys(names, 1))
                labels.append(int(any(polnear.tokens_match(tokens, g) for g in gold)))
    return rows, labels


def fit(rows: list[dict[str, int]], labels: list[int], c: float) -> dict[str, float]:
    """Logistic-regression weights per feature name (the intercept folded into ``bias``)."""
    counts: dict[str, int] = {}
    for row in rows:
        for name in row:
            counts[name] = counts.get(name, 0) + 1
    rows = [{k: v for k, v in row.items() if counts[k] >= MIN_COUNT} for row in rows]
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=c, max_iter=2000).fit(vectorizer.fit_transform(rows), labels)
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= 0.01
    }
    weights["bias"] = round(weights.get("bias", 0.0) + float(model.intercept_[0]), 4)
    return weights


def figures(found: Found, weights: dict[str, float], threshold: float) -> polnear.QuoteScores:
    """PolNeAR scores of the candidates the weights keep at ``threshold``."""
    predictions = []
    for document, items in found:
        chosen = (best(document.text, item, weights) for item in items)
        kept = [item for value, item in chosen if value >= threshold]
        predictions.append(polnear.group_by_cue(document.text, kept))
    return polnear.score([d for d, _ in found], predictions)


def choose(found: Found, weights: dict[str, float], beta: float) -> float:
    """The highest threshold whose F-beta (beta < 1: precision first) is within
    ``F_TIE`` of the best: F-beta is flat over a wide band of thresholds, and within
    that band the one that keeps fewer, surer quotes is taken."""
    results = {t / 100: figures(found, weights, t / 100) for t in range(5, 96, 5)}

    def f_beta(s: polnear.QuoteScores) -> float:
        total = beta * beta * s.precision + s.recall
        return (1 + beta * beta) * s.precision * s.recall / total if total else 0.0

    top = max(f_beta(s) for s in results.values())
    return max(t for t, s in results.items() if f_beta(s) >= top - F_TIE)


def line(name: str, s: polnear.QuoteScores) -> str:
    return (f"{name:<28} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  speaker "
            f"{s.speaker_accuracy:.3f}  ({s.predicted} predicted, {s.gold} gold)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    parser.add_argument("--beta", type=float, default=1.0, help="F-beta the threshold maximises")
    parser.add_argument("--write", action="store_true", help=f"write {WEIGHTS.name}")
    args = parser.parse_args()
    train = rule_candidates(polnear.load_polnear(args.data / "train"))
    dev = rule_candidates(polnear.load_polnear(args.data / "dev"))
    tune, held_out = dev[0::2], dev[1::2]
    rows, labels = labelled(train)
    print(f"train: {len(train)} documents, {len(rows)} candidates, {sum(labels)} true")
    weights = fit(rows, labels, args.c)
    threshold = choose(tune, weights, args.beta)
    print(f"threshold {threshold:.2f} (chosen on the tuning half of dev), {len(weights)} weights")
    print(line("rules alone, all dev", figures(dev, {"bias": 10.0}, 0.5)))
    print(line("tuning half of dev", figures(tune, weights, threshold)))
    print(line("held-out half of dev", figures(held_out, weights, threshold)))
    print(line("all dev", figures(dev, weights, threshold)))
    if args.write:
        data = {"threshold": threshold, "model": f"sklearn LogisticRegression(C={args.c})",
                "trained_on": "PolNeAR train/; threshold on the even-numbered dev/ documents",
                "threshold_maximises": f"F{args.beta} on the tuning half",
                "weights": dict(sorted(weights.items()))}
        WEIGHTS.write_text(json.dumps(data, indent=0) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS}")


if __name__ == "__main__":
    main()
