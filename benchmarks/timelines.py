"""Timeline figures: hand-annotated resolution accuracy, Timeline17 table, speed on 500 articles.

Run: ``.venv/bin/python benchmarks/timelines.py [--data ../shared/data/timeline17]``.
Prints figures only; nothing here gates a test.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import date
from pathlib import Path

from storyline.config import Config
from storyline.evaluate.timeline17 import load
from storyline.evaluate.timelines import evaluate, format_breakdown, format_table
from storyline.ingest import read_inputs
from storyline.model import Article, Sentence
from storyline.represent.dates import resolve_sentences
from storyline.text import sentence_spans
from storyline.represent.document import build_document
from storyline.timeline.build import rank_days, select_days, timeline

ROOT = Path(__file__).parents[1]
GOLD = ROOT / "tests" / "timeline" / "data" / "temporal_gold.jsonl"
HELD_OUT = ROOT / "tests" / "timeline" / "data" / "temporal_heldout.jsonl"
HELD_OUT_2 = ROOT / "tests" / "timeline" / "data" / "temporal_heldout_2.jsonl"
HELD_OUT_3 = ROOT / "tests" / "timeline" / "data" / "temporal_heldout_3.jsonl"


def _score(records: list[dict], articles: dict[str, Article]) -> tuple[int, list[str]]:
    """Right count on ``records`` (each names its article), and the misses."""
    right, misses = 0, []
    for r in records:
        article = articles[r["article"]]
        sentences = [Sentence(article.id, k, s, e, article.text[s:e], 0)
                     for k, (s, e) in enumerate(sentence_spans(article.text))]
        found = [e for per in resolve_sentences(article, sentences, date.fromisoformat(r["published"]))
                 for e in per if e.start < r["end"] and r["start"] < e.end]
        if any(str(e.date) == r["expected"] and e.granularity == r["granularity"] for e in found):
            right += 1
        else:
            got = [(str(e.date), e.granularity) for e in found]
            misses.append(f"{r['article']} {r['text']!r}: expected {r['expected']} {r['granularity']}, got {got}")
    return right, misses


def resolution_accuracy(path: Path = GOLD) -> tuple[int, int, list[str]]:
    """Right / total on hand-annotated expressions of the seeds and examples, and the misses:
    ``temporal_gold.jsonl`` (the tuning set) by default, or ``temporal_heldout_2.jsonl``."""
    read = read_inputs([ROOT / "../shared/data/seeds", ROOT / "examples"], Config())
    articles = {a.id: a for a in read.articles}
    records = [json.loads(line) for line in path.read_text().splitlines()]
    right, misses = _score(records, articles)
    return right, len(records), misses


def held_out_accuracy(path: Path = HELD_OUT) -> tuple[int, int, list[str]]:
    """The same on ``temporal_heldout.jsonl`` (or ``temporal_heldout_3.jsonl``): expressions
    annotated after tuning, in PolNeAR and Timeline17 articles read by path (``published``
    from the file name)."""
    records = [json.loads(line) for line in path.read_text().splitlines()]
    for r in records:
        r["article"] = r["path"]
    articles = {r["path"]: Article(id=r["path"], text=(ROOT / ".." / r["path"]).read_text(
        encoding="utf-8"), published=date.fromisoformat(r["published"])) for r in records}
    right, misses = _score(records, articles)
    return right, len(records), misses


def speed(data: Path, n: int = 500) -> tuple[int, float, float, float]:
    """Seconds for ``storyline.timeline.build`` on the first ``n`` Timeline17 articles (bpoil),
    and, on the same story document, seconds to rank its days by the mention rule and by
    the learned ranker (``select_days``, features included)."""
    articles = [a for t in load(data) if t.name.startswith("bpoil") for a in t.articles][:n]
    started = time.perf_counter()
    timeline(articles, dates=20, per_date=2)
    whole = time.perf_counter() - started
    doc = build_document(articles)
    dated = doc.dates  # resolved once, outside both timings
    started = time.perf_counter()
    rank_days(dated)
    rule = time.perf_counter() - started
    started = time.perf_counter()
    select_days(dated, doc.vectors)
    return len(articles), whole, rule, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=ROOT / "../shared/data/timeline17")
    args = parser.parse_args()
    right, total, misses = resolution_accuracy()
    print(f"hand-annotated resolution: {right}/{total} = {right / total:.1%}")
    for miss in misses:
        print(f"  miss: {miss}")
    right, total, misses = held_out_accuracy()
    print(f"held-out resolution (annotated after tuning): {right}/{total} = {right / total:.1%}")
    for miss in misses:
        print(f"  miss: {miss}")
    right, total, misses = resolution_accuracy(HELD_OUT_2)
    print(f"second hand-annotated set (seeds and examples; 20/29 when held out, tuned on since): "
          f"{right}/{total} = {right / total:.1%}")
    for miss in misses:
        print(f"  miss: {miss}")
    right, total, misses = held_out_accuracy(HELD_OUT_3)
    print(f"third held-out set (PolNeAR, annotated before any run on it): "
          f"{right}/{total} = {right / total:.1%}")
    for miss in misses:
        print(f"  miss: {miss}")
    count, seconds, rule, learned = speed(args.data)
    print(f"speed: {count} articles in {seconds:.1f} s; ranking days: rule {rule:.3f} s, "
          f"learned ranker {learned:.3f} s ({learned / max(rule, 1e-9):.1f}x the rule)")
    started = time.perf_counter()
    results = evaluate(args.data)
    print(format_table(results), end="")
    print(format_breakdown(results), end="")
    print(f"eval wall time {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
