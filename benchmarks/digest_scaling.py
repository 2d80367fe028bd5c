"""How ``storyline.digest`` scales with the size of one story: time, ratios and peak memory.

The story is the 2010 BP oil spill as told by five outlets (Timeline17's ``bpoil_*``
collections, about 1,450 articles). A story of N articles is N articles spread evenly over
all of them in publication order (every outlet, the whole time span), so a larger story is
longer and denser, not only later. Each size runs in its own subprocess, which prints the
seconds to clean the articles alone (``clean_story``), the seconds of the whole digest
(cleaning included, as a user calls it), each analysis on its own with ``--stages``, and the
process's peak resident memory (``ru_maxrss``, reading the files included). The parent
prints the ratios measured in this one run: digest / cleaning and digest(N) / digest(first
size). On a shared machine wall times vary; the ratios are steadier, and the load average
is printed.

Sizes beyond the number of BP articles repeat them with new ids (``#copyK``), as the issue
asks for the 10,000-article check.

Usage (from the repository root)::

    PYTHONPATH=src .venv/bin/python benchmarks/digest_scaling.py [--sizes 250 1000]
        [--data ../shared/data] [--stages]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

OUTLETS = ("bpoil_bbc", "bpoil_foxnews", "bpoil_guardian", "bpoil_reuters", "bpoil_washingtonpost")
"""Five outlets' collections on one story (the 2010 BP oil spill)."""


def story(data: Path, size: int) -> list:
    """``size`` BP-spill articles spread evenly over all five outlets' articles by date."""
    from storyline.evaluate.timeline17 import load_topic

    every = [a for name in OUTLETS for a in load_topic(data / "timeline17" / name).articles]
    every.sort(key=lambda a: (a.published, a.id))
    if size <= len(every):
        return [every[k * len(every) // size] for k in range(size)]
    return [replace(a, id=f"{a.id}#copy{k // len(every)}")
            for k, a in ((k, every[k % len(every)]) for k in range(size))]


def timed(work: Callable[[], object]) -> tuple[float, float, object]:
    """``(wall seconds, CPU seconds, result)`` of one call of ``work``."""
    start, cpu = time.perf_counter(), time.process_time()
    result = work()
    return time.perf_counter() - start, time.process_time() - cpu, result


def child(data: Path, size: int, stages: bool) -> dict:
    """Measure one size in this process; the figures as a dict."""
    import storyline
    from storyline.clean import clean_story

    articles = story(data, size)
    rss_loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    clean_wall, clean_cpu, (kept, _) = timed(lambda: clean_story(articles))
    del kept
    wall, cpu, digest = timed(lambda: storyline.digest(articles))
    figures = {
        "size": size, "words": sum(digest.words.values()), "clean": clean_wall, "clean_cpu": clean_cpu,
        "digest": wall, "digest_cpu": cpu, "rss_loaded": rss_loaded,
        "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "facts": len(digest.sources.corroborated), "copies": len(digest.sources.copies),
        "conflicts": len(digest.sources.conflicts), "timeline": len(digest.timeline),
    }
    if stages:
        figures["stages"] = stage_times(articles)
    return figures


def stage_times(articles: list) -> dict[str, float]:
    """CPU seconds of each step of ``digest_document`` run one after the other."""
    from storyline.clean import clean_story
    from storyline.compare.comparison import build_comparison
    from storyline.config import Config
    from storyline.entities.extract import extract_entities
    from storyline.quotes.extract import extract_quotes
    from storyline.represent.document import document_of
    from storyline.summary.summarize import summarize
    from storyline.timeline.build import build_timeline

    spent: dict[str, float] = {}

    def step(name: str, work: Callable[[], object]) -> object:
        _, spent[name], result = timed(work)
        return result

    kept, skipped = step("clean", lambda: clean_story(articles))
    doc = step("encode", lambda: document_of(kept, skipped))
    step("headline", lambda: doc.headline)
    step("summary", lambda: summarize(doc, Config().words))
    found = step("entities", lambda: extract_entities(doc.cleaned))
    step("quotes", lambda: extract_quotes(doc.cleaned, found))
    step("timeline", lambda: build_timeline(doc, Config()))
    step("compare", lambda: build_comparison(doc))
    return spent


def load_average() -> str:
    """The 1, 5 and 15 minute load averages and the core count, as one line."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 1000])
    parser.add_argument("--stages", action="store_true", help="also time each analysis")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.data, args.child, args.stages)))
        return
    print(f"start: {load_average()}; python {sys.version.split()[0]}")
    rows = [run_child(args, size) for size in args.sizes]
    print(f"end:   {load_average()}")
    report(rows)


def run_child(args: argparse.Namespace, size: int) -> dict:
    """The figures of one size, measured in a fresh subprocess."""
    command = [sys.executable, __file__, "--data", str(args.data), "--child", str(size)]
    command += ["--stages"] if args.stages else []
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(rows: list[dict]) -> None:
    """Print one line per size and the ratios against the first size."""
    base = rows[0]
    print("seconds: wall (CPU of the process); ratios of wall and of CPU seconds")
    print(f"{'articles':>8} {'words':>7} {'clean s':>13} {'digest s':>15} {'/clean':>11} "
          f"{'/first':>11} {'peak MiB':>8} {'facts':>6} {'copies':>6} {'confl':>6} {'tl':>3}")
    for r in rows:
        print(f"{r['size']:>8} {r['words']:>7} {r['clean']:>6.2f} ({r['clean_cpu']:>5.2f}) "
              f"{r['digest']:>7.2f} ({r['digest_cpu']:>5.2f}) "
              f"{r['digest'] / r['clean']:>4.1f}x ({r['digest_cpu'] / r['clean_cpu']:>4.1f}x) "
              f"{r['digest'] / base['digest']:>4.2f}x ({r['digest_cpu'] / base['digest_cpu']:>4.2f}x) "
              f"{r['peak']:>8.0f} {r['facts']:>6} {r['copies']:>6} {r['conflicts']:>6} {r['timeline']:>3}")
        if "stages" in r:
            print("   CPU s by stage: " + ", ".join(f"{k} {v:.2f}" for k, v in r["stages"].items()))
    loaded = ", ".join(f"{r['rss_loaded']:.0f}" for r in rows)
    print(f"(peak MiB includes reading the articles: {loaded} MiB after reading)")


if __name__ == "__main__":
    main()
