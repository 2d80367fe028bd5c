"""Entities and quotes: quality on CoNLL++ / PolNeAR dev (with peers), speed on 50 articles.

Run: ``.venv/bin/python benchmarks/entities_quotes.py [--repeat 5]``. Prints both eval
tables, the seeds' "who said what", and the median wall time of entities + quotes for a
50-article Timeline17 cluster (cleaning included, reading excluded), next to the time of
cleaning alone in the same process, in wall time and in CPU time (the machine is shared:
CPU time and the ratio to cleaning are the steadier figures). Figures, not a test:
nothing here fails.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import storyline
from storyline.clean.prose import clean
from storyline.entities.extract import extract_entities
from storyline.evaluate import conll, polnear
from storyline.evaluate.timeline17 import load_topic
from storyline.quotes.extract import extract_quotes
from storyline.render.people import quotes_text

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
TIMELINE_TOPIC = "EgyptianProtest_cnn"


def cluster(size: int) -> list[storyline.Article]:
    """The first ``size`` non-empty articles of a Timeline17 topic."""
    return list(load_topic(DATA / "timeline17" / TIMELINE_TOPIC).articles[:size])


def median_seconds(
    run: Callable[[], object], repeat: int, clock: Callable[[], float] = time.perf_counter
) -> float:
    run()
    times = []
    for _ in range(repeat):
        start = clock()
        run()
        times.append(clock() - start)
    return statistics.median(times)


def both(articles: list[storyline.Article]) -> None:
    cleaned = [clean(a) for a in articles]
    extract_quotes(cleaned, extract_entities(cleaned))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print("CoNLL++ dev (mention level, exact span)")
    print(conll.table(conll.evaluate(DATA / "conllpp" / "conllpp_dev.txt")))
    print("PolNeAR dev (content >= 50% token overlap; speaker overlaps gold source)")
    print(polnear.table(polnear.evaluate(DATA / "polnear" / "dev")))
    seeds = storyline.read(DATA / "seeds")
    print("Seeds: who said what")
    print(quotes_text(storyline.quotes(seeds).quotes))
    articles = cluster(50)
    words = sum(len(a.text.split()) for a in articles)
    both_s = median_seconds(lambda: both(articles), args.repeat)
    clean_s = median_seconds(lambda: [clean(a) for a in articles], args.repeat)
    cleaned = [clean(a) for a in articles]
    only_s = median_seconds(lambda: extract_quotes(cleaned, extract_entities(cleaned)), args.repeat)
    print(f"{len(articles)} articles ({words:,} words), median of {args.repeat}:")
    print(f"  clean + entities + quotes {both_s:.3f} s; cleaning alone {clean_s:.3f} s;")
    print(f"  entities + quotes on cleaned articles {only_s:.3f} s ({only_s / clean_s:.2f}x cleaning)")
    cpu_clean = median_seconds(lambda: [clean(a) for a in articles], args.repeat, time.process_time)
    cpu_only = median_seconds(
        lambda: extract_quotes(cleaned, extract_entities(cleaned)), args.repeat, time.process_time
    )
    print(f"  CPU time (steadier on a shared machine): cleaning {cpu_clean:.3f} s, entities +"
          f" quotes {cpu_only:.3f} s ({cpu_only / cpu_clean:.2f}x cleaning)")


if __name__ == "__main__":
    main()
