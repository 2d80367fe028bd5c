"""``storyline eval timelines``: storyline's timelines and three baselines on Timeline17.

Set-up (news-tls, Ghalandari & Ifrim 2020), the same for every system: for each gold
timeline, N = its number of days, K = its mean sentences per day (rounded, at least 1);
only the articles published within the gold timeline's first and last day are read, and
only days within that span are candidates. This uses the gold timeline's span and makes
date F1 easier (where the gold timeline covers every day of its span, as
EgyptianProtest_cnn's does, every system gets date F1 1.0). ``window=False`` reads every
article and takes every day of the collection's publication span instead. The query
keywords of ``keywords.json`` are not used: in this copy they hold only the collection's
label ("bpoil", "Finan"), not query terms. Scores are averaged over gold timelines
(macro). Each timeline is scored twice: by tilse (``timeline_tilse``, the official
toolkit) and by our own ``timeline_metrics``. Systems, run on the same cleaned sentences
and TF-IDF vectors:

* ``pubdate``: the N days with most articles published, and the first sentence of the
  first K articles published on each;
* ``mentions``: the N days most often named in the text (``storyline.represent.dates``; each
  sentence's first day), and the K sentences naming each day closest to their centroid;
* ``storyline``: storyline's timeline as it ships (``build.rank_days``, the mention rule,
  and ``build.choose_sentences``);
* ``learned``: days by ``build.select_days`` with the shipped weights (fitted on every dev
  collection, the one scored included: the tuned folds), storyline's sentences;
* ``learned-loo``: the same with a ranker fitted on every other collection only
  (leave-one-collection-out: the held-out figure).
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix

from storyline.clean.prose import clean
from storyline.evaluate.timeline17 import GoldTimeline, Topic, load
from storyline.evaluate.timeline_metrics import Scores, score_timeline
from storyline.evaluate.timeline_tilse import TilseScores, tilse_scores
from storyline.evaluate.train_days import labels_of, leave_one_out
from storyline.model import CleanArticle
from storyline.represent.dates import SentenceDates, date_sentences
from storyline.represent.encoder import make_encoder
from storyline.text import word_count
from storyline.timeline.build import MIN_WORDS, centroid_pick, choose_sentences, rank_days
from storyline.timeline.days import DayFeatures, DayRanker, day_features, default_ranker

__all__ = [
    "LONG", "SYSTEMS", "Prepared", "Result", "evaluate", "format_breakdown", "format_table",
    "prepare", "prepare_all", "ranked_system", "systems",
]

LONG = ("bpoil_", "Finan_")
"""Name prefixes of the long collections (months to a year of coverage)."""


@dataclass(frozen=True)
class Prepared:
    """One gold timeline ready for every system: its collection's cleaned articles (those
    the set-up reads), dated sentences, vectors, candidate days and their gold labels."""

    name: str
    gold: GoldTimeline
    span: tuple[date, date]
    kept: tuple[CleanArticle, ...]
    dated: SentenceDates
    vectors: csr_matrix
    days: DayFeatures
    labels: np.ndarray


@dataclass(frozen=True)
class Result:
    """One system on one gold timeline: tilse's scores, ours, and its run time."""

    system: str
    collection: str
    tilse: TilseScores
    ours: Scores
    seconds: float


System = Callable[[Prepared, int, int], dict[date, list[str]]]


def prepare(topic: Topic, gold: GoldTimeline, window: bool = True) -> Prepared:
    """Clean, date and encode the articles of ``topic`` that the set-up reads for ``gold``
    (published within its span, or all with ``window=False``), and describe the candidate
    days (within the gold span, or the publication span)."""
    first, last = min(gold), max(gold)
    read = [a for a in topic.articles if not window or (a.published is not None and first <= a.published <= last)]
    kept = tuple(c for c in (clean(a) for a in read) if c.sentences)
    dated = date_sentences(kept)
    texts = [s.text for s in dated.sentences]
    vectors = make_encoder().fit_transform(texts)
    if not window:
        published = [c.article.published for c in kept if c.article.published is not None]
        first, last = min(published), max(published)
    days = day_features(dated, vectors, (first, last))
    return Prepared(topic.name, gold, (first, last), kept, dated, vectors, days, labels_of(days, gold))


def _texts(prep: Prepared, chosen: dict[date, list[int]]) -> dict[date, list[str]]:
    return {d: [prep.dated.sentences[i].text for i in picks] for d, picks in chosen.items()}


def ranked_system(ranker: DayRanker | None) -> System:
    """storyline's sentences on days ranked by ``ranker`` (``None``: the shipped weights)."""
    def run(prep: Prepared, n: int, k: int) -> dict[date, list[str]]:
        days = (ranker or default_ranker()).rank(prep.days)[:n]
        return _texts(prep, choose_sentences(prep.dated, prep.vectors, days, k))
    return run


def storyline_system(prep: Prepared, n: int, k: int) -> dict[date, list[str]]:
    """storyline's own timeline (the mention rule's days)."""
    days = rank_days(prep.dated, prep.span)[:n]
    return _texts(prep, choose_sentences(prep.dated, prep.vectors, days, k))


def pubdate_system(prep: Prepared, n: int, k: int) -> dict[date, list[str]]:
    """Days with most articles published; first sentence of that day's first K articles."""
    firsts: dict[date, list[str]] = defaultdict(list)
    for cleaned in prep.kept:
        day = cleaned.article.published
        lead = next((s for s in cleaned.sentences if word_count(s.text) >= MIN_WORDS), None)
        if lead and day is not None and prep.span[0] <= day <= prep.span[1]:
            firsts[day].append(lead.text)
    days = sorted(firsts, key=lambda d: (-len(firsts[d]), d))[:n]
    return {d: firsts[d][:k] for d in days}


def mentions_system(prep: Prepared, n: int, k: int) -> dict[date, list[str]]:
    """Days most often named in the text; centroid sentences among those naming each."""
    named: dict[date, list[int]] = defaultdict(list)
    for i, day in enumerate(prep.dated.day):
        if day is not None and prep.span[0] <= day <= prep.span[1]:
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
    "learned": ranked_system(None),
}
"""The systems that need no training on the data scored, baselines first."""


def systems(prepared: Sequence[Prepared]) -> dict[str, dict[str, System]]:
    """Per collection name, every system to run on it: ``SYSTEMS`` and ``learned-loo``
    (a ranker fitted on the other collections of ``prepared``; left out with fewer than
    three collections)."""
    if len(prepared) < 3:
        return {p.name: dict(SYSTEMS) for p in prepared}
    rankers = leave_one_out({p.name: (p.days, p.labels) for p in prepared})
    return {p.name: {**SYSTEMS, "learned-loo": ranked_system(rankers[p.name])} for p in prepared}


def prepare_all(data_dir: Path, window: bool = True) -> list[Prepared]:
    """``prepare`` for every gold timeline of every collection under ``data_dir``."""
    return [prepare(topic, gold, window) for topic in load(data_dir) for gold in topic.timelines]


def evaluate(data_dir: Path, window: bool = True, prepared: Sequence[Prepared] = ()) -> list[Result]:
    """Run every system on every gold timeline of ``data_dir``; one result per pair.

    ``window``: the news-tls set-up (articles and candidate days within the gold span),
    else every article and every day of the collection's publication span. ``prepared``:
    timelines already prepared (then ``data_dir`` is not read).
    """
    prepared = list(prepared) or prepare_all(data_dir, window)
    runs = systems(prepared)
    results = []
    for prep in prepared:
        n, k = _budget(prep.gold)
        for name, system in runs[prep.name].items():
            started = time.perf_counter()
            predicted = system(prep, n, k)
            seconds = time.perf_counter() - started
            results.append(Result(name, prep.name, tilse_scores(predicted, prep.gold),
                                  score_timeline(predicted, prep.gold), seconds))
    return results


def _budget(gold: GoldTimeline) -> tuple[int, int]:
    n = len(gold)
    return n, max(1, round(sum(len(s) for s in gold.values()) / n))


def _mean(items: Sequence) -> object:
    kind = type(items[0])
    return kind(**{f.name: float(np.mean([getattr(s, f.name) for s in items])) for f in fields(kind)})


def _row(label: str, items: Sequence[Result]) -> str:
    t: TilseScores = _mean([r.tilse for r in items])  # type: ignore[assignment]
    o: Scores = _mean([r.ours for r in items])  # type: ignore[assignment]
    return (f"{label:<36} {t.date_f1:>6.3f} {t.concat_r1:>6.3f} {t.concat_r2:>6.3f} {t.agree_r1:>6.3f} "
            f"{t.agree_r2:>6.3f} {t.align_r1:>6.3f} {t.align_r2:>6.3f} {o.date_f1:>6.3f} {o.align_r1:>6.3f}")


HEADER = (f"{'':<36} {'tilse':>6} {'concat':>13} {'agreement':>13} {'align m:1':>13} {'ours':>13}\n"
          f"{'system / timelines':<36} {'dateF1':>6} {'R1':>6} {'R2':>6} {'R1':>6} {'R2':>6} {'R1':>6} "
          f"{'R2':>6} {'dateF1':>6} {'aR1':>6}")


def format_table(results: Sequence[Result]) -> str:
    """Mean scores per system over every gold timeline and over the long collections
    (``LONG``), then the leave-one-collection-out summary line."""
    lines = [HEADER, "-" * len(HEADER.splitlines()[1])]
    names = list(dict.fromkeys(r.system for r in results))
    for subset, keep in (("all", lambda r: True), ("long", lambda r: r.collection.startswith(LONG))):
        for name in names:
            rows = [r for r in results if r.system == name and keep(r)]
            if rows:
                lines.append(_row(f"{name} / {subset} ({len(rows)})", rows))
    loo = [r for r in results if r.system == "learned-loo"]
    if loo:
        long = [r for r in loo if r.collection.startswith(LONG)]
        lowest = min((r.tilse.date_f1 for r in long), default=float("nan"))
        lines.append(f"learned ranker, leave-one-collection-out: date F1 {np.mean([r.tilse.date_f1 for r in loo]):.3f}, "
                     f"align R1 {np.mean([r.tilse.align_r1 for r in loo]):.3f} over {len(loo)} timelines; "
                     f"long: date F1 {np.mean([r.tilse.date_f1 for r in long]):.3f} (lowest {lowest:.3f}), "
                     f"align R1 {np.mean([r.tilse.align_r1 for r in long]):.3f} over {len(long)}")
    lines.append(f"({len({r.collection for r in results})} gold timelines; tilse: rouge_computation='reimpl'; align = date-content costs, many-to-one; "
                 "ours: storyline.evaluate.timeline_metrics)")
    return "\n".join(lines) + "\n"


def format_breakdown(results: Sequence[Result]) -> str:
    """Every score of every system on each gold timeline."""
    lines = [HEADER, "-" * len(HEADER.splitlines()[1])]
    for collection in dict.fromkeys(r.collection for r in results):
        for r in (r for r in results if r.collection == collection):
            lines.append(_row(f"{collection} {r.system}", [r]))
    return "\n".join(lines) + "\n"
