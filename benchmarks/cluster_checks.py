"""The clustering checks of issue 15, batch and online, on a tuning and a held-out fold.

Run: ``.venv/bin/python benchmarks/cluster_checks.py [--data ../shared/data]
[--fold tune --fold heldout --fold all] [--check NAME ...] [--peer]``.

Checks (data sets and folds: ``storyline.evaluate.streams``):

- ``timeline17``: the Timeline17 dev stream as is (gold storyline = collection name before '_');
- ``collapsed``: the same stream with every collection shifted to start on the same day;
- ``multinews``: the Multi-News validation clusters shuffled into one pile (gold story =
  cluster; undated, so online is the mean of 8 shuffled orders);
- ``ecbplus``: ECB+ topics (gold story = topic + ecb/ecbplus, storyline = topic);
- ``unrelated``: 20 Multi-News clusters (the first of the fold with >= 2 articles) plus the
  seeds and examples/ threads, each its own storyline - storyline precision should be >= 0.95;
- ``seeds``: the Timeline17 stream of the fold, then the five undated seeds: stream
  articles sharing a story (and a storyline) with a seed, batch and online - should be 0.

Each fold is clustered as a pile of its own. For each check and fold it prints B-cubed
and pairwise P/R/F1, group counts and seconds per method (``storyline.evaluate.clustering``
table), the online gap (online minus batch B-cubed F1), then one summary table of all.
Figures only, no gate; the gates are in tests/test_cluster_checks.py.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from storyline.evaluate.cluster_checks import online_gap, seeds_after_stream
from storyline.evaluate.clustering import Row, format_table, run_all, with_prose
from storyline.evaluate.ecbplus import GoldArticle
from storyline.evaluate.streams import FOLDS, ecbplus, multinews_pile, timeline17, unrelated_pile
from storyline.ingest import read_inputs
from storyline.model import Article

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "data"
CHECKS = ("timeline17", "collapsed", "multinews", "ecbplus", "unrelated", "seeds")


def labelled(check: str, data: Path, fold: str) -> tuple[list[GoldArticle], str]:
    """The gold-labelled items of ``check`` on ``fold`` that keep prose after cleaning
    (``with_prose``), and a title naming them."""
    if check in ("timeline17", "collapsed"):
        items, _ = timeline17(data / "timeline17", fold=fold, collapse=check == "collapsed")
    elif check == "multinews":
        items, _ = multinews_pile(data / "multinews" / "validation.csv", fold=fold)
    elif check == "ecbplus":
        items = ecbplus(data / "ecbplus", fold=fold)
    else:
        threads = {"seeds": thread(data / "seeds"), "examples": thread(ROOT / "examples")}
        items, _ = unrelated_pile(data / "multinews" / "validation.csv", threads, fold=fold)
    kept = with_prose(items)
    return kept, (f"== {check}, fold {fold}: {len(items)} articles "
                  f"({len(items) - len(kept)} with no prose after cleaning, left out)")


def thread(path: Path) -> list[Article]:
    """The articles under ``path`` as ``storyline`` reads them."""
    return list(read_inputs([path]).articles)


def run_check(check: str, data: Path, fold: str, modes: tuple[str, ...]) -> list[str]:
    """Print one check on one fold; return its summary lines."""
    if check == "seeds":
        return run_seeds(data, fold)
    items, title = labelled(check, data, fold)
    rows = run_all(items, modes=modes)
    print(format_table(rows, title))
    gap = online_gap(rows)
    print("online gap (online - batch B3 F1): "
          + ", ".join(f"{level} {value:+.3f}" for level, value in gap.items()) + "\n")
    return [summary(check, fold, level, rows, gap[level]) for level in gap]


def summary(check: str, fold: str, level: str, rows: list[Row], gap: float) -> str:
    """One summary line: batch and online B-cubed P/R/F1 of ``level``, the gap, seconds."""
    by = {r.method: r for r in rows if r.level == level}
    cells = [f"{by[m].bcubed.precision:.3f} {by[m].bcubed.recall:.3f} {by[m].bcubed.f1:.3f} "
             f"{by[m].seconds:6.1f}" for m in ("batch", "online")]
    return f"{check:<11} {fold:<8} {level:<10} {cells[0]}   {cells[1]}   {gap:+.3f}"


def run_seeds(data: Path, fold: str) -> list[str]:
    """Print the seeds-after-stream check on ``fold``; return its summary line."""
    stream, _ = timeline17(data / "timeline17", fold=fold)
    checks = seeds_after_stream(stream, thread(data / "seeds"))
    print(format_table([c.row for c in checks],
                       f"== seeds after the Timeline17 stream, fold {fold}: {len(stream)} + 5 articles"))
    for c in checks:
        print(f"{c.method}: {c.shared_story} stream article(s) share a story with a seed, "
              f"{c.shared_storyline} a storyline; the seeds fall into {c.seed_stories} story(ies)")
    print()
    rows = [c.row for c in checks]
    counts = " ".join(f"{c.method} {c.shared_story}/{c.shared_storyline}" for c in checks)
    return [summary("seeds", fold, "storyline", rows, online_gap(rows)["storyline"])
            + f"  shared story/storyline: {counts}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    parser.add_argument("--fold", action="append", choices=FOLDS,
                        help="fold(s) to run, each as its own pile (default: tune and heldout)")
    parser.add_argument("--check", action="append", choices=CHECKS, help="check(s) to run (default: all)")
    parser.add_argument("--peer", action="store_true", help="also score the TF-IDF peer")
    args = parser.parse_args()
    modes = ("batch", "online", "peer") if args.peer else ("batch", "online")
    started = time.perf_counter()
    lines = [line for check in args.check or CHECKS for fold in args.fold or ("tune", "heldout")
             for line in run_check(check, args.data, fold, modes)]
    print("summary (B-cubed P R F1 and seconds):")
    print(f"{'check':<11} {'fold':<8} {'level':<10} {'batch P  R     F1     secs':<29}  "
          f"{'online P R     F1     secs':<29} gap")
    print("\n".join(lines))
    print(f"\nwall time {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
