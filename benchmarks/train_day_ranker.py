"""Refit the day ranker (``storyline.timeline.days``) on Timeline17; print tuned and held-out figures.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/train_day_ranker.py [--data ../shared/data/timeline17] [--write]``.
Prepares every gold timeline in the news-tls set-up (``storyline.evaluate.timelines``),
fits the ranker on all of them and, with ``--write``, writes
``src/storyline/timeline/day_weights.json``. Then prints the full ``storyline eval
timelines`` table, where ``learned`` uses the weights just fitted (the tuned folds: every
collection was in the fit) and ``learned-loo`` a ranker fitted without the collection
scored (held out), beside ``storyline`` (the mention rule that ships) and two baselines.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from storyline.evaluate import timelines
from storyline.evaluate.train_days import fit_ranker
from storyline.timeline.days import FEATURE_NAMES, WEIGHTS_PATH

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "timeline17"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--write", action="store_true", help=f"write {WEIGHTS_PATH.name}")
    args = parser.parse_args()
    started = time.perf_counter()
    prepared = timelines.prepare_all(args.data)
    print(f"{len(prepared)} gold timelines prepared in {time.perf_counter() - started:.0f} s")
    ranker = fit_ranker([(p.days, p.labels) for p in prepared])
    for name, weight in zip(FEATURE_NAMES, ranker.coef, strict=True):
        print(f"  {name:<20} {weight:+.3f}")
    if args.write:
        WEIGHTS_PATH.write_text(json.dumps(ranker.to_dict(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS_PATH}")
    timelines.SYSTEMS["learned"] = timelines.ranked_system(ranker)
    results = timelines.evaluate(args.data, prepared=prepared)
    print(timelines.format_table(results), end="")
    print(timelines.format_breakdown(results), end="")


if __name__ == "__main__":
    main()
