"""The front page on a real stream: how big the top stories are, how clean their headlines.

Usage: .venv/bin/python benchmarks/front_page.py [--fold tune|heldout|all]
       [--data ../shared/data] [--db PATH] [--limit N]

1. Writes the Timeline17 stream of ``--fold`` (``storyline.evaluate.streams.timeline17``:
   ``tune`` = H1N1, Finan, haiti; ``heldout`` = bpoil, EgyptianProtest) as JSON Lines with
   no titles (text, id, publication day, and the outlet the collection names), as archives
   and feeds deliver articles, and ingests it with the seeds (plain ``.txt`` files, no
   outlet line) by running ``storyline ingest`` into ``--db`` (a temporary file unless
   given; an existing ``--db`` is read as it is).
2. Reads ``storyline stories --format json`` (top order, the default) and prints: the
   article counts of the first 10 stories and their median; the headlines of the first
   10 with the problems a reader would flag (``storyline.evaluate.headlines``); the share
   of all stories whose headline has a problem, by kind; and what the seeds' story says
   about outlets.
3. Prints the median size of the first 10 stories under other ``RECENCY_DAYS`` values
   (the score recomputed here from the stored counts), the figure the constant in
   ``storyline.store.rank`` was chosen by on the tuning fold.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select

from storyline.evaluate.headlines import headline_problems
from storyline.evaluate.streams import timeline17
from storyline.store import Store
from storyline.store.rank import GROWTH_DAYS, GROWTH_WEIGHT, OUTLET_WEIGHT, RECENCY_DAYS
from storyline.store.schema import articles

TOP = 10
GRID = (1.0, 2.0, 3.0, 7.0, 14.0, 30.0)


def write_stream(data: Path, fold: str, limit: int | None, path: Path) -> int:
    """The untitled Timeline17 stream of ``fold`` (its first ``limit`` articles) as JSONL."""
    items, _ = timeline17(data / "timeline17", fold=fold)
    with path.open("w", encoding="utf-8") as out:
        for item in items[:limit]:
            article = item.article
            out.write(json.dumps({"id": article.id, "text": article.text,
                                  "source": article.source.split("_")[-1],
                                  "published": article.published.isoformat()}) + "\n")
    return len(items[:limit])


def storyline(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the ``storyline`` command next to this Python."""
    command = [str(Path(sys.executable).parent / "storyline"), *args]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def stories(db: Path) -> list[dict]:
    """Every story, as ``storyline stories --format json`` lists them (top first)."""
    shown = storyline("stories", "--db", str(db), "--format", "json")
    if shown.returncode:
        raise SystemExit(shown.stderr)
    return json.loads(shown.stdout)["stories"]


def report_top(rows: list[dict]) -> None:
    sizes = [r["article_count"] for r in rows[:TOP]]
    print(f"first {TOP} stories: articles {sizes}, median {statistics.median(sizes)}")
    for row in rows[:TOP]:
        problems = headline_problems(row["headline"])
        print(f"  {row['article_count']:>4}  {row['headline']}" + (f"   <- {problems}" if problems else ""))
    flagged = Counter(p for r in rows for p in set(headline_problems(r["headline"])))
    bad = sum(bool(headline_problems(r["headline"])) for r in rows)
    print(f"all {len(rows)} stories: {bad} headlines with a problem ({bad / max(1, len(rows)):.1%}); "
          f"by kind: {dict(flagged.most_common())}")


def report_seeds(db: Path, rows: list[dict], seeds: Path) -> None:
    ids = {p.stem for p in seeds.glob("*.txt")}
    with Store(db) as store:
        homes = {store.article(i).story for i in ids if store.article(i)}
        outlets = {store.article(i).outlet for i in ids if store.article(i)}
    for row in (r for r in rows if r["id"] in homes):
        print(f"seeds' story {row['id']}: {row['article_count']} articles, "
              f"{row['outlet_count']} known outlets, {row['unknown_outlet_count']} of unknown outlet; "
              f"stored outlets {sorted(outlets)}")


def recency_grid(db: Path, rows: list[dict]) -> None:
    """The median size of the first 10 stories under each ``GRID`` recency scale."""
    with Store(db) as store, store.engine.connect() as connection:
        newest = date.fromisoformat(connection.scalar(select(func.max(articles.c.published)))[:10])
        cutoff = (newest - timedelta(days=GROWTH_DAYS)).isoformat()
        recent = dict(connection.execute(
            select(articles.c.story_id, func.count()).where(articles.c.published >= cutoff)
            .group_by(articles.c.story_id)).all())
    figures = []
    for scale in GRID:
        def score(row: dict, scale: float = scale) -> float:
            grown = recent.get(row["id"], 0)
            age = (newest - date.fromisoformat(row["last_seen"][:10])).days if row["last_seen"] else 1e6
            return (math.log1p(row["article_count"]) + OUTLET_WEIGHT * math.log1p(row["outlet_count"])
                    + GROWTH_WEIGHT * grown / (grown + 1) - age / scale)
        top = sorted(rows, key=score, reverse=True)[:TOP]
        figures.append(f"{scale:g} days: {statistics.median(r['article_count'] for r in top)}")
    print(f"median articles of the first {TOP} by recency scale (RECENCY_DAYS = {RECENCY_DAYS:g}): "
          + ", ".join(figures))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fold", choices=("tune", "heldout", "all"), default="tune")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--db", type=Path, help="keep the database here (read it when it exists)")
    parser.add_argument("--limit", type=int, help="only the first N articles of the stream")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "front.db"
        if not db.exists():
            stream = Path(folder) / "stream.jsonl"
            count = write_stream(args.data, args.fold, args.limit, stream)
            start = time.perf_counter()
            done = storyline("ingest", str(stream), str(args.data / "seeds"), "--db", str(db))
            print(f"ingested {count} Timeline17 articles ({args.fold}) and the seeds in "
                  f"{time.perf_counter() - start:.0f} s: "
                  + next((line for line in done.stderr.splitlines() if line.startswith("stored")), done.stderr))
        rows = stories(db)
        report_top(rows)
        report_seeds(db, rows, args.data / "seeds")
        recency_grid(db, rows)


if __name__ == "__main__":
    main()
