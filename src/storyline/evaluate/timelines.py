"""``storyline eval timelines``: storyline's timelines and two baselines on Timeline17.

Set-up, the same for every system: for each gold timeline, N = its number of days,
K = its mean sentences per day (rounded, at least 1). By default only days within the
gold timeline's first and last day are candidates, as in Ghalandari & Ifrim (2020) - this
uses the gold timeline's span and makes date F1 easier (where the gold timeline covers
every day of its span, as EgyptianProtest_cnn's does, every system gets date F1 1.0);
``window=False`` takes every day of the collection's publication span instead. The
query keywords of ``keywords.json`` are not used: in this copy they hold only the
collection's label ("bpoil", "Finan"), not query terms. Scores are averaged over the
gold timelines (macro). Systems, run on the same cleaned sentences and TF-IDF vectors:

* ``pubdate``: the N days with most articles published, and the first sentence of the
  first K articles published on each;
* ``mentions``: the N days most often named in the text (``storyline.represent.dates``; each
  sentence's first day), and the K sentences naming each day closest to their centroid;
* ``storyline``: ``storyline.timeline.build``'s ``rank_days`` and ``choose_sentences``.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix

from storyline.clean.prose import clean
from storyline.evaluate.timeline17 import GoldTimeline, Topic, load
from storyline.evaluate.timeline_metrics import Scores, score_timeline
from storyline.model import CleanArticle
from storyline.represent.dates import SentenceDates, date_sentences
from storyline.represent.encoder import make_encoder
from storyline.text import word_count
from storyline.timeline.build import (
    MIN_WORDS,
    centroid_pick,
    choose_sentences,
    rank_days,
)

__all__ = [
    "SYSTEMS", "Prepared", "Result", "evaluate", "format_breakdown", "format_table", "prepare",
]


@dataclass(frozen=True)
class Prepared:
    """One topic ready for every system: cleaned articles, dated sentences, vectors."""

    topic: Topic
    kept: tuple[CleanArticle, ...]
    dated: SentenceDates
    vectors: csr_matrix


@dataclass(frozen=True)
class Result:
    """Mean scores of one system over every gold timeline, and its run time."""

    system: str
    scores: Scores
    timelines: int
    seconds: float
    by_timeline: tuple[tuple[str, Scores], ...] = ()
    """(collection name, scores) for each gold timeline, in the order run."""


System = Callable[[Prepared, tuple[date, date], int, int], dict[date, list[str]]]


def prepare(topic: Topic) -> Prepared:
    """Clean, date and encode one topic's articles."""
    kept = tuple(c for c in (clean(a) for a in topic.articles) if c.sentences)
    dated = date_sentences(kept)
    texts = [s.text for s in dated.sentences]
    vectors = make_encoder().fit(texts).transform(texts)
    return Prepared(topic, kept, dated, vectors)


def storyline_system(prep: Prepared, window: tuple[date, date], n: int, k: int) -> dict[date, list[str]]:
    """storyline's own timeline."""
    days = rank_days(prep.dated, window)[:n]
    chosen = choose_sentences(prep.dated, prep.vectors, days, k)
    return {d: [prep.dated.sentences[i].text for i in picks] for d, picks in chosen.items()}


def pubdate_system(prep: Prepared, window: tuple[date, date], n: int, k: int) -> dict[date, list[str]]:
    """Days with most articles published; first sentence of that day's first K articles."""
    firsts: dict[date, list[str]] = defaultdict(list)
    for cleaned in prep.kept:
        day = cleaned.article.published
        lead = next((s for s in cleaned.sentences if word_count(s.text) >= MIN_WORDS), None)
        if lead and day is not None and window[0] <= day <= window[1]:
            firsts[day].append(lead.text)
    days = sorted(firsts, key=lambda d: (-len(firsts[d]), d))[:n]
    return {d: firsts[d][:k] for d in days}


def mentions_system(prep: Prepared, window: tuple[date, date], n: int, k: int) -> dict[date, list[str]]:
    """Days most often named in the text; centroid sentences among those naming each."""
    named: dict[date, list[int]] = defaultdict(list)
    for i, day in enumerate(prep.dated.day):
        if day is not None and window[0] <= day <= window[1]:
            named[day].append(i)
    counts = Counter({d: len(v) for d, v in named.items()})
    days = sorted(counts, key=lambda d: (-counts[d], d))[:n]
    used: list[int] = []
    result = {}
    for day in days:
        picks = centroid_pick(prep.vectors, named[day], k, used)
        used += picks
        result[day] = [prep.dated.sentences[i].text for i in picks]
    return result


SYSTEMS: dict[str, System] = {
    "pubdate": pubdate_system, "mentions": mentions_system, "storyline": storyline_system,
}
"""The systems compared, baselines first."""


def evaluate(data_dir: Path, window: bool = True) -> list[Result]:
    """Run every system on every topic of ``data_dir`` and average over gold timelines.

    ``window``: limit candidate days to each gold timeline's span (else the collection's
    publication span).
    """
    scores: dict[str, list[Scores]] = defaultdict(list)
    names: list[str] = []
    seconds: Counter = Counter()
    for topic in load(data_dir):
        prep = prepare(topic)
        for gold in topic.timelines:
            names.append(topic.name)
            span, n, k = _budget(gold)
            span = span if window else _publication_span(prep)
            for name, system in SYSTEMS.items():
                started = time.perf_counter()
                predicted = system(prep, span, n, k)
                seconds[name] += time.perf_counter() - started
                scores[name].append(score_timeline(predicted, gold))
    return [Result(name, _mean(scores[name]), len(scores[name]), seconds[name],
                   tuple(zip(names, scores[name], strict=True))) for name in SYSTEMS]


def _budget(gold: GoldTimeline) -> tuple[tuple[date, date], int, int]:
    days = sorted(gold)
    n = len(days)
    k = max(1, round(sum(len(s) for s in gold.values()) / n))
    return (days[0], days[-1]), n, k


def _publication_span(prep: Prepared) -> tuple[date, date]:
    days = [c.article.published for c in prep.kept if c.article.published is not None]
    return min(days), max(days)


def _mean(items: list[Scores]) -> Scores:
    names = [f.name for f in fields(Scores)]
    return Scores(**{name: float(np.mean([getattr(s, name) for s in items])) for name in names})


def format_table(results: list[Result]) -> str:
    """A plain-text table: one row per system."""
    header = f"{'system':<10} {'date F1':>8} {'concat R1':>9} {'concat R2':>9} {'align R1':>9} {'align R2':>9}"
    lines = [header, "-" * len(header)]
    for r in results:
        s = r.scores
        lines.append(f"{r.system:<10} {s.date_f1:>8.3f} {s.concat_r1:>9.3f} {s.concat_r2:>9.3f} "
                     f"{s.align_r1:>9.3f} {s.align_r2:>9.3f}")
    lines.append(f"({results[0].timelines} gold timelines; align = date-content alignment m:1)")
    return "\n".join(lines) + "\n"




def format_breakdown(results: list[Result]) -> str:
    """Date F1 and alignment ROUGE-1 of every system on each gold timeline."""
    header = f"{'collection':<22}" + "".join(f" {r.system + ' F1/aR1':>20}" for r in results)
    lines = [header, "-" * len(header)]
    for row, (name, _) in enumerate(results[0].by_timeline):
        cells = [r.by_timeline[row][1] for r in results]
        lines.append(f"{name:<22}" + "".join(f" {s.date_f1:>12.3f}/{s.align_r1:.3f}" for s in cells))
    return "\n".join(lines) + "\n"
