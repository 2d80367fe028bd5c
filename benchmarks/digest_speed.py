"""Time ``storyline.digest`` in-process on the seeds and on a 50-article Timeline17 cluster.

Run: ``.venv/bin/python benchmarks/digest_speed.py [--repeat 5]``. Prints the median wall
and CPU (process) time of ``digest`` (reading excluded, after one warm-up run) and, for
scale, the time of the cleaning step alone measured in the same process: on a busy
machine the wall time grows while the CPU time and the ratio stay put. Figures, not a
test: nothing here fails on timing.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import storyline
from storyline.clean.prose import clean
from storyline.evaluate.timeline17 import load_topic

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
TIMELINE_TOPIC = "EgyptianProtest_cnn"


def median_seconds(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall and CPU time of ``run()`` over ``repeat`` calls, after one warm-up call."""
    run()
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def report(name: str, articles: Sequence[storyline.Article], repeat: int) -> None:
    """Print the digest time and the cleaning-only time for one input."""
    words = sum(len(a.text.split()) for a in articles)
    total, total_cpu = median_seconds(lambda: storyline.digest(articles), repeat)
    cleaning, _ = median_seconds(lambda: [clean(a) for a in articles], repeat)
    print(f"{name:<32} {len(articles):>3} articles {words:>6} words  digest {total:6.3f} s wall "
          f"{total_cpu:6.3f} s CPU  (cleaning alone {cleaning:6.3f} s wall, {cleaning / total:4.0%})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not DATA.is_dir():
        raise SystemExit(f"{DATA} not found: run from a checkout with ../shared/data beside it")
    report("seeds", storyline.read(DATA / "seeds"), args.repeat)
    report(f"timeline17 {TIMELINE_TOPIC}", list(load_topic(DATA / "timeline17" / TIMELINE_TOPIC).articles[:50]), args.repeat)


if __name__ == "__main__":
    main()
