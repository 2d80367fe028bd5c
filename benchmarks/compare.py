"""Speed and quality of ``storyline.compare.comparison``; prints figures, gates nothing.

Speed: a 50-article story from Timeline17's BP oil spill collections (real articles,
ten from each of five outlets) - seconds for ``compare`` alone, and as a ratio to cleaning the same articles
in the same process (timings on a shared machine are noisy; the ratio is steadier).
Quality: ``storyline.evaluate.compare`` on Multi-News (planted copies and conflicts).

    .venv/bin/python benchmarks/compare.py [--data ../shared/data] [--articles 50]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from storyline.clean.prose import clean
from storyline.compare.comparison import compare
from storyline.evaluate import compare as compare_eval
from storyline.evaluate.timeline17 import load_topic

OUTLETS = ("bpoil_bbc", "bpoil_foxnews", "bpoil_guardian", "bpoil_reuters", "bpoil_washingtonpost")
"""Five outlets' collections on one story (the 2010 BP oil spill)."""


def story(data: Path, size: int) -> list:
    """``size`` articles on the BP oil spill, the same number from each of five outlets."""
    per_outlet = -(-size // len(OUTLETS))
    articles = [a for name in OUTLETS for a in load_topic(data / "timeline17" / name).articles[:per_outlet]]
    return articles[:size]


def best_of(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--skip-quality", action="store_true")
    args = parser.parse_args()
    articles = story(args.data, args.articles)
    words = sum(len(a.text.split()) for a in articles)
    seconds = best_of(3, lambda: compare(articles))
    cleaning = best_of(3, lambda: [clean(a) for a in articles])
    result = compare(articles).sources
    print(f"{len(articles)} articles, {words} words: compare {seconds:.2f} s (best of 3), "
          f"{seconds / cleaning:.1f}x the time to clean them; "
          f"{len(result.corroborated)} corroborated, {len(result.conflicts)} conflicts, {len(result.copies)} copies")
    if not args.skip_quality:
        print(compare_eval.format_table(*compare_eval.evaluate(args.data / "multinews" / "validation.csv")))


if __name__ == "__main__":
    main()
