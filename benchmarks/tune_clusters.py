"""Honest tuning of the clustering parameters (issue 15): chosen on the tune folds, reported on held-out.

Run: ``.venv/bin/python benchmarks/tune_clusters.py [--data ../shared/data] [--passes 3]``
(about 20 minutes on 2 shared cores). It prints the search, then one table of every check
on both folds for today's ``ClusterConfig`` defaults and for the chosen parameters, and
the verdict; it writes nothing.

**Objective** (computed on the ``tune`` folds only; piles and folds as in
``benchmarks/cluster_checks.py``): per mode (batch, online), the mean B-cubed F1 of
Timeline17 storylines, Timeline17 collapsed-in-time storylines, Multi-News pile stories,
ECB+ stories and unrelated-pile storylines, minus ``PENALTY`` times how far unrelated-pile
storyline precision falls below ``PRECISION_FLOOR``. The search uses the batch objective,
then the mean of the batch and online ones.

**Search** (coordinate descent: each parameter in turn takes the grid value that scores
best with the others fixed, when it gains more than ``MIN_GAIN``, so defaults win ties):

1. batch only, up to ``--passes`` passes over ``BATCH_GRID``;
2. batch and online together (the online runs of undated piles are the slow part: 8
   shuffled orders each), one pass over ``ONLINE_GRID``: the online storyline chance and
   the undated story weight again, since the tracker shares it.

The story thresholds (``story_threshold``, ``online_story_threshold``) are **not**
searched: every pile with story gold (Multi-News, ECB+) is undated, where a story threshold
and ``undated_story_weight`` act alike, so moving the threshold would change dated streams
that no check scores; ``undated_story_weight`` moves undated articles alone.

**Verdict**: the chosen parameters are worth adopting when their held-out objective (mean
of batch and online) beats the defaults' and no held-out figure of the table (batch or
online) is worse than the defaults' by more than ``TOLERANCE``. The encoding of a text is memoised for the run (``memoised_encoding``): it
is a pure function of the text, and the clustering itself is run in full for every setting.
"""

from __future__ import annotations

import argparse
import importlib
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, replace
from pathlib import Path
from unittest import mock

from cluster_checks import DATA, labelled, thread
from scipy.sparse import csr_matrix, vstack

from storyline.config import ClusterConfig
from storyline.evaluate.cluster_checks import seeds_after_stream
from storyline.evaluate.clustering import Row, run_all
from storyline.evaluate.ecbplus import GoldArticle
from storyline.evaluate.streams import timeline17
from storyline.represent.articles import article_text, encode, encode_article

TARGETS = (("timeline17", "storyline"), ("collapsed", "storyline"), ("multinews", "story"),
           ("ecbplus", "story"), ("unrelated", "storyline"))
"""The (check, level) pairs whose B-cubed F1 the objective averages."""
PRECISION_FLOOR = 0.95
PENALTY = 2.0
TOLERANCE = 0.01
MIN_GAIN = 0.002
"""Least objective gain for the search to leave the current value (smaller is noise)."""
MODES = ("batch", "online")
BATCH_GRID: dict[str, tuple[float, ...]] = {
    "storyline_chance": (0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8),
    "storyline_apart": (0.35, 0.0, 0.3, 0.4, 0.5),
    "undated_story_weight": (1.0, 0.9, 0.8, 0.7, 0.6),
}
"""Stage 1, in search order: the least average chance of the learned pair model
(``storyline.cluster.pairs``, fitted by ``benchmarks/train_storyline_pairs.py`` on the same
tune folds), the centroid check that keeps concurrent threads apart, then the undated share
of story similarity."""
ONLINE_GRID: dict[str, tuple[float, ...]] = {
    "online_storyline_chance": (0.2, 0.3, 0.4, 0.5, 0.6, 0.7),
    "undated_story_weight": (1.0, 0.9, 0.8, 0.7, 0.6),
}

Scores = dict[tuple[str, str, str], Row]
"""Rows of one setting on one fold, by (check, mode, level)."""


@contextmanager
def memoised_encoding() -> Iterator[None]:
    """Within the block, batch clustering and the tracker reuse each text's term row."""
    rows: dict[str, csr_matrix] = {}

    def row(text: str) -> csr_matrix:
        if text not in rows:
            rows[text] = encode([text])
        return rows[text]

    def many(texts: Sequence[str]) -> csr_matrix:
        return vstack([row(t) for t in texts], format="csr") if texts else encode([])

    batch = importlib.import_module("storyline.cluster.batch")
    tracker = importlib.import_module("storyline.cluster.tracker")
    assert batch.encode is encode and tracker.encode_article is encode_article
    with mock.patch.object(batch, "encode", many), \
            mock.patch.object(tracker, "encode_article", lambda a: row(article_text(a)).copy()):
        yield


def load_piles(data: Path, fold: str) -> dict[str, list[GoldArticle]]:
    """The labelled pile of every target check on ``fold``."""
    return {check: labelled(check, data, fold)[0] for check, _ in TARGETS}


def score(piles: dict[str, list[GoldArticle]], config: ClusterConfig,
          modes: Sequence[str]) -> Scores:
    """Every check of ``piles`` clustered with ``config`` in each of ``modes``."""
    return {(check, row.method, row.level): row for check, items in piles.items()
            for row in run_all(items, config, modes)}


def objective(scores: Scores, mode: str) -> float:
    """The objective of one mode (module docstring)."""
    mean = sum(scores[(c, mode, level)].bcubed.f1 for c, level in TARGETS) / len(TARGETS)
    precision = scores[("unrelated", mode, "storyline")].bcubed.precision
    return mean - PENALTY * max(0.0, PRECISION_FLOOR - precision)


def combined(scores: Scores, modes: Sequence[str]) -> float:
    """The mean objective over ``modes``."""
    return sum(objective(scores, m) for m in modes) / len(modes)


def descend(piles: dict[str, list[GoldArticle]], start: ClusterConfig,
            grid: dict[str, tuple[float, ...]], modes: Sequence[str],
            passes: int) -> ClusterConfig:
    """Coordinate descent over ``grid`` from ``start`` on ``piles``; returns the best config."""
    seen: dict[ClusterConfig, float] = {}

    def value(config: ClusterConfig) -> float:
        if config not in seen:
            seen[config] = combined(score(piles, config, modes), modes)
        return seen[config]

    best = start
    print(f"  start {changes(start)}: {value(start):.4f}", flush=True)
    for sweep in range(passes):
        moved = False
        for name, values in grid.items():
            tried = [(value(replace(best, **{name: v})), v) for v in values]
            top = max(s for s, _ in tried)
            print(f"  pass {sweep + 1} {name}: "
                  + " ".join(f"{v:g}={s:.4f}" for s, v in tried), flush=True)
            if top > value(best) + MIN_GAIN:
                best = replace(best, **{name: next(v for s, v in tried if s == top)})
                moved = True
        print(f"  after pass {sweep + 1}: {changes(best)} -> {value(best):.4f}", flush=True)
        if not moved:
            break
    return best


def changes(config: ClusterConfig) -> str:
    """The fields of ``config`` that differ from the defaults, as ``name=value``."""
    default = asdict(ClusterConfig())
    moved = [f"{k}={v:g}" for k, v in asdict(config).items() if v != default[k]]
    return ", ".join(moved) or "defaults"


# -- the report: defaults and chosen, tune and held-out ------------------------------------

FIGURES = [(c, level, "F1") for c, level in TARGETS[:4]] + [
    ("ecbplus", "storyline", "F1"), ("unrelated", "story", "F1"),
    ("unrelated", "storyline", "F1"), ("unrelated", "storyline", "P")]
"""The figures of the table: (check, level, B-cubed F1 or precision)."""
GUARDED = FIGURES
"""The held-out figures no more than ``TOLERANCE`` worse for the chosen parameters: all of
them, the ECB+ storylines and unrelated-pile stories that the objective leaves out too."""
COLUMNS = (("defaults", "tune"), ("chosen", "tune"), ("defaults", "heldout"), ("chosen", "heldout"))


def figure(scores: Scores, check: str, mode: str, level: str, metric: str) -> float:
    """One B-cubed figure of ``scores``."""
    row = scores[(check, mode, level)].bcubed
    return row.f1 if metric == "F1" else row.precision


def seeds_cells(data: Path, fold: str, config: ClusterConfig) -> dict[str, str]:
    """Per mode, stream articles sharing a story / a storyline with a seed (0/0 is right)."""
    stream, _ = timeline17(data / "timeline17", fold=fold)
    return {c.method: f"{c.shared_story}/{c.shared_storyline}"
            for c in seeds_after_stream(stream, thread(data / "seeds"), config)}


def table(results: dict[tuple[str, str], Scores], seeds: dict[tuple[str, str], dict[str, str]]) -> str:
    """Every figure (rows) for defaults and chosen on tune and held-out (columns), per mode."""
    heads = " ".join(f"{f'{who[:3]}/{fold[:4]}':>8}" for who, fold in COLUMNS)
    lines = [f"{'check':<11} {'level':<10} {'':<3} batch: {heads}   online: {heads}"]
    for check, level, metric in FIGURES:
        cells = ["".join(f"{figure(results[col], check, mode, level, metric):9.3f}" for col in COLUMNS)
                 for mode in MODES]
        lines.append(f"{check:<11} {level:<10} {metric:<3} {'':>6}{cells[0]}   {'':>7}{cells[1]}")
    cells = ["".join(f"{seeds[col][mode]:>9}" for col in COLUMNS) for mode in MODES]
    lines.append(f"{'seeds':<11} {'shared':<10} {'s/l':<3} {'':>6}{cells[0]}   {'':>7}{cells[1]}")
    cells = ["".join(f"{objective(results[col], mode):9.4f}" for col in COLUMNS) for mode in MODES]
    lines.append(f"{'objective':<11} {'':<10} {'':<3} {'':>6}{cells[0]}   {'':>7}{cells[1]}")
    both = "".join(f"{combined(results[col], MODES):9.4f}" for col in COLUMNS)
    lines.append(f"{'objective, mean of batch and online':<32}{both}")
    return "\n".join(lines)


def verdict(results: dict[tuple[str, str], Scores]) -> tuple[bool, list[str]]:
    """Whether the chosen parameters beat the defaults on held-out (module docstring), and why not."""
    old, new = results[("defaults", "heldout")], results[("chosen", "heldout")]
    reasons = []
    if combined(new, MODES) <= combined(old, MODES):
        reasons.append(f"held-out objective {combined(new, MODES):.4f} <= defaults' {combined(old, MODES):.4f}")
    for check, level, metric in GUARDED:
        for mode in MODES:
            drop = figure(old, check, mode, level, metric) - figure(new, check, mode, level, metric)
            if drop > TOLERANCE:
                reasons.append(f"held-out {check} {level} {metric} ({mode}) falls by {drop:.3f}")
    return not reasons, reasons


def report(data: Path, chosen: ClusterConfig) -> None:
    """Score defaults and ``chosen`` on both folds, batch and online, and print the table."""
    settings = {"defaults": ClusterConfig(), "chosen": chosen}
    results: dict[tuple[str, str], Scores] = {}
    seeds: dict[tuple[str, str], dict[str, str]] = {}
    for fold in ("tune", "heldout"):
        piles = load_piles(data, fold)
        for who, config in settings.items():
            results[(who, fold)] = score(piles, config, MODES)
            seeds[(who, fold)] = seeds_cells(data, fold, config)
    print("\nB-cubed figures (def = today's defaults, cho = chosen; tune / held-out fold):")
    print(table(results, seeds))
    good, reasons = verdict(results)
    print(f"\nchosen: {changes(chosen)}")
    print("verdict: " + ("the chosen parameters beat the defaults on the held-out folds" if good
                         else "keep the defaults: " + "; ".join(reasons)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    parser.add_argument("--passes", type=int, default=3, help="most batch coordinate-descent passes")
    args = parser.parse_args()
    started = time.perf_counter()
    with memoised_encoding():
        piles = load_piles(args.data, "tune")
        print("stage 1: batch objective on the tune folds", flush=True)
        chosen = descend(piles, ClusterConfig(), BATCH_GRID, ("batch",), args.passes)
        print("stage 2: mean of batch and online objectives on the tune folds", flush=True)
        chosen = descend(piles, chosen, ONLINE_GRID, MODES, 1)
        report(args.data, chosen)
    print(f"\nwall time {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
