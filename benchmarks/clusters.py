"""Speed and memory of the online StoryTracker on the Timeline17 stream, and batch time.

Run: ``.venv/bin/python benchmarks/clusters.py [--data ../shared/data/timeline17]``.
Feeds the whole stream (about 2,700 articles, publication order) to a ``StoryTracker``
twice: a cold pass (empty stem cache, as a fresh ``storyline ingest`` process) and a warm
pass (stems cached, as a long-running process), then a third pass under ``tracemalloc``
for its peak memory (tracing slows that pass down). Prints articles per second, the number of
active stories and the size of the saved state every 500 articles (flat when the window
works), peak traced Python memory and peak RSS; then the time of batch ``cluster`` on the
same articles. Quality: ``storyline eval clusters --data DIR``. Figures only, no gate.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
import tracemalloc
from pathlib import Path

from storyline.cluster.batch import cluster
from storyline.cluster.tracker import StoryTracker
from storyline.evaluate.timeline17_stream import load_stream
from storyline.model import Article

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "timeline17"


def track(articles: list[Article], label: str, report_every: int = 500) -> float:
    """Feed ``articles`` to a fresh tracker; print progress; return articles per second."""
    tracker = StoryTracker()
    start = time.perf_counter()
    for n, article in enumerate(articles, 1):
        tracker.add(article)
        if n % report_every == 0:
            paused = time.perf_counter()
            rate = n / (paused - start)
            state = len(json.dumps(tracker.to_state())) // 1000
            closed = len(tracker.pop_closed().stories)  # as the store does: persist, forget
            active = len(tracker.stories())
            print(f"  {label} {n:5d} articles  {rate:6.0f}/s  active stories {active:4d}  "
                  f"closed since last report {closed:4d}  state {state} kB")
            start += time.perf_counter() - paused  # leave the reporting out of the timing
    rate = len(articles) / (time.perf_counter() - start)
    print(f"{label}: {rate:.0f} articles/s over {len(articles)} articles")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    items, skipped = load_stream(args.data)
    articles = [item.article for item in items]
    print(f"Timeline17 stream: {len(articles)} articles ({len(skipped)} empty files skipped)")
    track(articles, "tracker cold")
    track(articles, "tracker warm")
    tracemalloc.start()
    track(articles, "tracker traced")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak traced Python memory of a tracker pass: {peak / 2**20:.0f} MiB")
    start = time.perf_counter()
    result = cluster(articles)
    print(f"batch cluster: {time.perf_counter() - start:.1f} s, {len(result.stories)} stories, "
          f"{len(result.storylines)} storylines")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {rss:.0f} MiB")


if __name__ == "__main__":
    main()
