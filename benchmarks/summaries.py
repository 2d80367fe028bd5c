"""Reproduce the summary-quality table: storyline, its peers and the oracle on Multi-News.

Run: ``.venv/bin/python benchmarks/summaries.py [--words 250] [--limit N] [--output FILE]``.
It runs exactly what ``storyline eval summaries --data ../shared/data/multinews/validation.csv
--words 250`` runs (every method, same clusters, same budget, fill then cut), prints the
table (ROUGE-1/2/Lsum F1 x100 with 95% bootstrap intervals, seconds per cluster), then the
gap of storyline to the best peer. Figures, not a test: nothing here fails on a score.

storyline's scorer was fitted on these same clusters, so its row here is in-sample; the
honest (5-fold cross-validated) figure comes from ``benchmarks/train_summary_scorer.py``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from storyline.evaluate.summaries import (
    METHODS,
    UPPER_BOUNDS,
    evaluate,
    format_table,
    load_for_eval,
    table,
    write_jsonl,
)

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "multinews" / "validation.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--words", type=int, default=250)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--output", type=Path, default=None, help="per-cluster scores (JSONL)")
    args = parser.parse_args()
    clusters, skipped = load_for_eval(args.data, args.limit)
    start = time.perf_counter()
    scores = evaluate(clusters, list(METHODS), args.words)
    rows = table(scores)
    print(format_table(rows, args.words), end="")
    ours = next(r for r in rows if r.method == "storyline")
    peers = [r for r in rows if r.method != "storyline" and r.method not in UPPER_BOUNDS]
    for k, name in enumerate(("R1", "R2", "RLsum")):
        best = max(peers, key=lambda r: r.means[k])
        print(f"storyline - best peer ({best.method}) {name}: {ours.means[k] - best.means[k]:+.2f}")
    print(f"{len(skipped)} input(s) skipped; {time.perf_counter() - start:.0f} s in all")
    if args.output:
        write_jsonl(scores, args.output)


if __name__ == "__main__":
    main()
