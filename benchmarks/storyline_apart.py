"""Choose the centroid check that keeps concurrent threads apart (issue 15), on the tune folds.

Run: ``.venv/bin/python benchmarks/storyline_apart.py [--fold tune] [--setting 0.35:20 ...]
[--data ../shared/data]`` (about a minute per setting and fold on 2 cores).

For each ``FLOOR:MIN`` setting (``ClusterConfig.storyline_apart`` and
``storyline.cluster.similarity.APART_MIN``; ``0:20`` is no check) it clusters each pile of
``benchmarks/cluster_checks.py`` in batch and prints storyline (Multi-News: story) B-cubed
precision and F1. The default was chosen on ``--fold tune`` as the middle of the floors
that leave every tune figure as it is without the check; ``--fold heldout`` and
``--fold all`` then show what it does where it was not chosen. Figures only, no gate.
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path
from unittest import mock

from cluster_checks import DATA, labelled

from storyline.cluster.batch import cluster
from storyline.config import ClusterConfig
from storyline.evaluate.clustering import bcubed

PILES = (("timeline17", "storyline"), ("collapsed", "storyline"), ("ecbplus", "storyline"),
         ("unrelated", "storyline"), ("multinews", "story"))
"""(check, gold level) of each pile scored."""
SETTINGS = ("0:20", "0.3:10", "0.3:20", "0.35:20", "0.4:10", "0.4:20", "0.5:20", "0.4:40", "0.5:40")
"""The default ``FLOOR:MIN`` grid."""


def score(check: str, level: str, data: Path, fold: str, floor: float, least: int) -> str:
    """``P.. F..`` of batch clustering one pile with the check at ``floor`` and ``least``."""
    items, _ = labelled(check, data, fold)
    similarity = importlib.import_module("storyline.cluster.similarity")
    with mock.patch.object(similarity, "APART_MIN", least):
        result = cluster([i.article for i in items], config=ClusterConfig(storyline_apart=floor))
    group = {a: (s.id if level == "story" else s.storyline) for s in result.stories for a in s.articles}
    scores = bcubed([group[i.article.id] for i in items], [getattr(i, level) for i in items])
    return f"P{scores.precision:.3f} F{scores.f1:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    parser.add_argument("--fold", action="append", choices=("tune", "heldout", "all"))
    parser.add_argument("--setting", action="append", help="FLOOR:MIN (repeatable)")
    args = parser.parse_args()
    settings = [(float(f), int(m)) for f, m in (s.split(":") for s in args.setting or SETTINGS)]
    print("fold     pile        " + " | ".join(f"{f}:{m}".ljust(13) for f, m in settings))
    for fold in args.fold or ["tune"]:
        for check, level in PILES:
            cells = [score(check, level, args.data, fold, f, m) for f, m in settings]
            print(f"{fold:<8} {check:<11} " + " | ".join(cells), flush=True)


if __name__ == "__main__":
    main()
