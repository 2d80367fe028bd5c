"""Do storyline titles speak of the whole thread? Central story vs the tracker's choice.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/storyline_titles.py [--data ../shared/data/timeline17] [--per 200]``.

For each fold of Timeline17 (``storyline.evaluate.streams``: ``bpoil`` and
``EgyptianProtest`` held out, the other collections tune), the first ``--per`` articles of
each collection (publication order) are merged into one stream and ingested into a new
store, without digests, so each story keeps the tracker's headline. For every storyline
of two or more stories, the title each method picks is scored by its *gold precision*:
the share of the title's content-word stems (``storyline.text.analyze``) that occur in the
gold timelines of the storyline's collection (its articles' majority), i.e. how much of
the title is about what the whole thread's reference timeline covers; and its *article
coverage*: the share of the storyline's articles whose lead (first three kept sentences)
shares at least ``SHARED`` content-word stems with the title, i.e. how many of the thread's
articles the title speaks for. Methods: the
tracker's title (the story that was largest when the storyline last grew), the newest
story's headline, the largest story's headline, and ``central_story`` at several size
weights. The weight is picked on ``tune``; both folds print all figures.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from storyline.cluster.naming import centrality
from storyline.evaluate.timeline17 import load_topic
from storyline.store import Store
from storyline.store.storylines import _leads
from storyline.store.schema import articles, stories, storylines
from storyline.text import analyze

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "timeline17"
HELDOUT = ("bpoil", "EgyptianProtest")
WEIGHTS = (0.0, 0.25, 0.5, 1.0, 2.0)
SHARED = 2


def _gold_stems(folders: list[Path]) -> dict[str, set[str]]:
    """Per gold storyline (collection prefix), the stems of all its gold timeline sentences."""
    stems: dict[str, set[str]] = defaultdict(set)
    for folder in folders:
        for line in (folder / "timelines.jsonl").read_text(encoding="utf-8").splitlines():
            for _day, sentences in json.loads(line):
                for sentence in sentences:
                    stems[folder.name.split("_")[0]].update(analyze(sentence))
    return stems


def _precision(title: str, gold: set[str]) -> float:
    words = analyze(title)
    return sum(w in gold for w in words) / len(words) if words else 0.0


def _coverage(title: str, leads: list[set[str]]) -> float:
    words = set(analyze(title))
    return sum(len(words & lead) >= SHARED for lead in leads) / len(leads) if leads else 0.0


def _threads(store: Store) -> list[tuple[str, str, list[tuple[str, str, int, str | None]]]]:
    """``(gold storyline, tracker title, [(story, headline, size, last_seen)])`` per storyline
    of two or more stories."""
    with store.engine.connect() as connection:
        rows = connection.execute(
            articles.select().with_only_columns(articles.c.source, articles.c.story_id)).all()
        gold_of: dict[str, Counter[str]] = defaultdict(Counter)
        for source, story_id in rows:
            gold_of[story_id][source.split("_")[0]] += 1
        found = connection.execute(
            stories.select().with_only_columns(stories.c.storyline_id, storylines.c.headline,
                                               stories.c.id, stories.c.headline, stories.c.last_seen)
            .join(storylines, storylines.c.id == stories.c.storyline_id)
            .order_by(stories.c.storyline_id, stories.c.first_seen, stories.c.id)).all()
    lines: dict[str, list] = defaultdict(list)
    for line, title, story, headline, last in found:
        lines[line].append((title, story, headline, sum(gold_of[story].values()), last, gold_of[story]))
    result = []
    for members in lines.values():
        if len(members) > 1:
            gold = sum((m[5] for m in members), Counter()).most_common(1)[0][0]
            result.append((gold, members[0][0], [(m[1], m[2], m[3], m[4]) for m in members]))
    return result


def run_fold(data: Path, fold: str, per: int) -> dict[str, float]:
    folders = [p for p in sorted(data.iterdir()) if (p / "InputDocs").is_dir()
               and (p.name.split("_")[0] in HELDOUT) == (fold == "heldout")]
    stream = []
    for folder in folders:
        stream += sorted(load_topic(folder).articles, key=lambda a: (a.published, a.path))[:per]
    stream.sort(key=lambda a: (a.published, a.source, a.path))
    gold = _gold_stems(folders)
    scores: dict[str, list[tuple[float, float]]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "t.db", create=True) as store:
        store.ingest(stream, digests=False)
        threads = _threads(store)
        with store.engine.connect() as connection:
            for topic, tracker_title, members in threads:
                leads = _leads(connection, [m[0] for m in members])
                texts = [leads.get(m[0], []) for m in members]
                stems = [set(analyze(t)) for story in texts for t in story]
                titles = {"tracker": tracker_title,
                          "newest story": max(members, key=lambda m: (m[3] or "", m[0]))[1],
                          "largest story": max(members, key=lambda m: m[2])[1]}
                for weight in WEIGHTS:
                    values = centrality(texts, size_weight=weight)
                    best = max(range(len(values)), key=lambda i: (values[i], -i))
                    titles[f"central, size weight {weight}"] = members[best][1]
                for name, title in titles.items():
                    scores[name].append((_precision(title, gold[topic]), _coverage(title, stems)))
    print(f"{fold}: {len(stream)} articles, {len(threads)} storylines of 2+ stories")
    means = {name: statistics.fmean(c for _, c in values) for name, values in scores.items()}
    for name, values in scores.items():
        print(f"  {name:<28} gold precision {statistics.fmean(p for p, _ in values):.3f}"
              f"  article coverage {means[name]:.3f}")
    return means


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--per", type=int, default=200, help="articles per collection")
    args = parser.parse_args()
    tune = run_fold(args.data, "tune", args.per)
    picked = max(WEIGHTS, key=lambda w: tune[f"central, size weight {w}"])
    print(f"size weight picked on tune (article coverage): {picked}")
    held = run_fold(args.data, "heldout", args.per)
    print(f"held-out article coverage: central (weight {picked}) {held[f'central, size weight {picked}']:.3f} "
          f"vs tracker {held['tracker']:.3f}, newest {held['newest story']:.3f}")


if __name__ == "__main__":
    main()
