"""Refit the storyline pair model (``storyline.cluster.pairs``) from the issue 15 tuning folds.

Run: ``.venv/bin/python benchmarks/train_storyline_pairs.py [--data ../shared/data]
[--out src/storyline/cluster/storyline_pairs.json]`` (about a minute). Then choose the two
storyline thresholds on the same tuning folds and see the held-out figures with
``benchmarks/tune_clusters.py``.

**Pairs**: the ``tune`` fold of each pile of ``benchmarks/cluster_checks.py`` (Timeline17
as is and collapsed in time, ECB+ odd topics, Multi-News even rows with each cluster its
own storyline, the unrelated pile); every pile is encoded as batch clustering encodes it
(IDF fitted on the pile). ``articles``: for each article, ``SAMPLED`` random other
articles and up to ``SAMPLED`` of its own storyline (seeded), so that the rare positive
pairs are seen. ``storylines``: each article in stream order against the centroid of its
own gold storyline so far and the ``SAMPLED`` nearest others. Each pile weighs the same in a
fit, and both classes weigh the same (``class_weight="balanced"``). Held-out folds are
never read here.

**Models**: scikit-learn ``LogisticRegression`` over ``FEATURES``, one per ``KINDS``; it
prints the weights and the balanced pair accuracy on the tuning pairs, and writes the
JSON the package ships.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from functools import partial
from pathlib import Path

import numpy as np
from cluster_checks import DATA, ROOT, labelled
from scipy.sparse import csr_matrix, vstack
from sklearn.linear_model import LogisticRegression

from storyline.cluster.pairs import FEATURES, KINDS, PairModel, block_similarities
from storyline.cluster.result import day_number
from storyline.evaluate.ecbplus import GoldArticle
from storyline.represent.articles import DocumentFrequencies, article_text, encode, weigh

PILES = (("collapsed", "storyline"), ("ecbplus", "storyline"),
         ("multinews", "story"), ("unrelated", "storyline"))
"""The (check, gold level) piles the pairs come from."""
SAMPLED = 30
SEED = 0
SCALE_DAYS = 120.0
HORIZON_DAYS = 365.0
OUT = ROOT / "src" / "storyline" / "cluster" / "storyline_pairs.json"


def encoded(items: list[GoldArticle]) -> tuple[csr_matrix, np.ndarray, np.ndarray]:
    """The raw rows of ``items`` as batch encodes them, the pile's IDF and the days."""
    raw = encode([article_text(item.article) for item in items])
    frequencies = DocumentFrequencies()
    frequencies.add(raw)
    return raw, frequencies.idf(), np.array([day_number(i.article.published) for i in items])


def article_pairs(items: list[GoldArticle], gold: list[str], shape: PairModel,
                  rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Per article, ``SAMPLED`` random pairs and up to ``SAMPLED`` same-storyline pairs."""
    raw, idf, days = encoded(items)
    vectors = weigh(raw, idf, 0.5)
    content, names = block_similarities(vectors, vectors)
    features = shape.features(content, names, days[:, None] - days[None, :])
    labels = np.asarray(gold)
    rows, same = [], []
    for i in range(len(labels)):
        others = rng.choice(len(labels), size=min(SAMPLED, len(labels) - 1), replace=False)
        kin = np.flatnonzero(labels == labels[i])
        kin = kin[kin != i]
        if len(kin):
            others = np.concatenate([others, rng.choice(kin, size=min(SAMPLED, len(kin)), replace=False)])
        others = others[others != i]
        rows.append(features[i, others])
        same.append(labels[others] == labels[i])
    return np.vstack(rows), np.concatenate(same)


def centroid_pairs(items: list[GoldArticle], gold: list[str], shape: PairModel
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Each article, in stream order, against its gold storyline's centroid so far and the
    ``SAMPLED`` nearest storylines' (sums of the earlier articles' rows, as the tracker
    keeps them, and the days they span): the tracker decides on its nearest storyline, so
    the hard negatives are the ones that matter."""
    raw, idf, days = encoded(items)
    sums: dict[str, list] = {}
    rows, same = [], []
    for i, label in enumerate(gold):
        chosen = list(sums)
        if chosen:
            centroids = weigh(vstack([sums[g][0] for g in chosen], format="csr"), idf, 0.5)
            content, names = block_similarities(weigh(raw[i], idf, 0.5), centroids)
            nearest = np.argsort(-(content[0] + names[0]))[:SAMPLED]
            keep = sorted(set(nearest.tolist()) | ({chosen.index(label)} if label in sums else set()))
            chosen, content, names = [chosen[k] for k in keep], content[:, keep], names[:, keep]
            first, last = (np.array([sums[g][k] for g in chosen]) for k in (1, 2))
            gap = np.maximum(np.maximum(first - days[i], days[i] - last), 0.0)
            rows.append(shape.features(content[0], names[0], gap))
            same.append(np.array([g == label for g in chosen]))
        total, first, last = sums.get(label, (csr_matrix(raw[i].shape), days[i], days[i]))
        sums[label] = [total + raw[i], np.fmin(first, days[i]), np.fmax(last, days[i])]
    return np.vstack(rows), np.concatenate(same)


def fit(kind: str, args: argparse.Namespace, shape: PairModel) -> PairModel:
    """The model of ``kind`` fitted on the pairs of every pile's tune fold, each pile
    weighing the same."""
    rng = np.random.default_rng(SEED)
    pairs = partial(article_pairs, rng=rng) if kind == "articles" else centroid_pairs
    blocks, targets, weights = [], [], []
    for check, level in PILES:
        items, _ = labelled(check, args.data, "tune")
        x, y = pairs(items, [getattr(i, level) for i in items], shape)
        print(f"{kind:<10} {check:<11} {len(items):5d} articles, {len(y):6d} pairs, {y.mean():.2f} same")
        blocks.append(x)
        targets.append(y)
        weights.append(np.full(len(y), 1.0 / len(y)))
    x, y, w = np.vstack(blocks), np.concatenate(targets), np.concatenate(weights)
    fitted = LogisticRegression(C=1.0, max_iter=5000, class_weight="balanced").fit(x, y, sample_weight=w * len(y))
    model = replace(shape, weights=tuple(float(v) for v in fitted.coef_[0]),
                    intercept=float(fitted.intercept_[0]))
    print(f"{kind}: " + ", ".join(f"{n} {v:+.3f}" for n, v in zip(FEATURES, model.weights, strict=True))
          + f", intercept {model.intercept:+.3f}; balanced pair accuracy "
          f"{fitted.score(x, y, sample_weight=w):.3f}")
    return model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the model")
    args = parser.parse_args()
    shape = PairModel((0.0,) * len(FEATURES), 0.0, SCALE_DAYS, HORIZON_DAYS)
    models = {kind: fit(kind, args, shape).to_dict() for kind in KINDS}
    args.out.write_text(json.dumps(models, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
