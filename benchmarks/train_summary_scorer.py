"""Refit the summary sentence scorer on the Multi-News validation clusters; print CV figures.

Run: ``.venv/bin/python benchmarks/train_summary_scorer.py [--words 250] [--write] [--ablation]``.
Prints the 5-fold cross-validated ROUGE of storyline (every cluster summarized with
weights fitted without it: honest figures) and, with ``--write``, fits on all clusters and
writes ``src/storyline/summary/weights.json``, the weights ``storyline digest`` uses.
``--ablation`` also prints the cross-validated figures with each group of features left out.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from storyline.evaluate.multinews import load_multinews
from storyline.evaluate.rouge import ROUGE_TYPES, bootstrap_ci
from storyline.evaluate.train_scorer import RIDGE_ALPHA, cross_validate, examples, fit
from storyline.summary.scorer import FEATURE_NAMES, WEIGHTS_PATH

GROUPS = {
    "cross-outlet support": ("support_mean", "support_max", "support_share"),
    "centrality": ("centrality", "centroid_cosine", "outlet_word_share", "article_centroid_cosine"),
    "position": ("position_inverse", "is_first", "relative_position", "paragraph_inverse", "is_second"),
    "length": ("log_words", "is_long"),
    "form and quotes": tuple(n for n in FEATURE_NAMES if n.startswith("form: "))
    + ("unbalanced_quotes", "has_quote", "has_digit", "has_attribution"),
}
"""Feature groups left out one at a time by ``--ablation``."""

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "multinews" / "validation.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--words", type=int, default=250)
    parser.add_argument("--write", action="store_true", help=f"write {WEIGHTS_PATH.name}")
    parser.add_argument("--ablation", action="store_true", help="leave out each feature group")
    args = parser.parse_args()
    clusters, _ = load_multinews(args.data)
    start = time.perf_counter()
    data = examples(clusters)
    print(f"{len(data)} clusters, {sum(len(e.labels) for e in data)} sentences "
          f"({time.perf_counter() - start:.1f} s to prepare)")
    figures = report("all features", cross_validate(data, args.words))
    if args.ablation:
        for group, names in GROUPS.items():
            report(f"without {group}", cross_validate(data, args.words, exclude=names))
    if args.write:
        weights = fit(data).to_dict()
        weights["trained_on"] = f"{len(data)} Multi-News validation clusters ({args.data.name})"
        weights["label"] = "ROUGE-2 precision of the sentence against the reference summary"
        weights["model"] = f"sklearn Ridge(alpha={RIDGE_ALPHA}) on standardised features"
        weights["cross_validated_rouge_f1"] = {"words": args.words, "folds": 5, **figures}
        WEIGHTS_PATH.write_text(json.dumps(weights, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS_PATH}")


def report(label: str, results: list) -> dict[str, float]:
    """Print mean ROUGE F1 x100 with 95% intervals; return the means."""
    figures = {}
    cells = []
    for name in ROUGE_TYPES:
        values = [100 * getattr(r, name) for r in results]
        low, high = bootstrap_ci(values)
        figures[name] = round(float(np.mean(values)), 2)
        cells.append(f"{name} {np.mean(values):6.2f} [{low:5.2f}, {high:5.2f}]")
    print(f"5-fold CV, {label:<34}" + "  ".join(cells))
    return figures


if __name__ == "__main__":
    main()
