"""A dated timeline of one story: which days matter, and what happened on each.

``timeline(articles, dates=N, per_date=K)`` runs the steps below; ``build_timeline`` does
the same on already cleaned and encoded sentences (``digest.build_digest`` uses it).

1. date: every kept sentence gets the first day it names ("on Friday", "Sept. 9"),
   resolved by ``storyline.temporal`` against its article's publication date, with the
   span of that expression; a sentence naming no day keeps its article's publication day
   as a weaker hint. Articles without ``published`` are anchored on a date found in their
   text, and the result says so in ``notes``.
2. rank days: a day scores by how many articles name it in their text (an article written
   on a later day counts more: the story looked back at it), plus how many articles were
   published on it. Days after the last publication (plans, not events) are left out.
3. choose sentences: for each chosen day, the sentences dated to it (text-dated first,
   then lead sentences of articles published that day) closest to their own centroid,
   never one already chosen nor one saying what a chosen one says.
4. cite: every article reporting the same fact, decided as ``summarize.cite`` decides it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from scipy.sparse import csr_matrix

from storyline.clean import clean
from storyline.config import DEFAULT_DATES, DEFAULT_PER_DATE, Options
from storyline.errors import UsageError, skip
from storyline.model import (
    Article, CleanArticle, DatedSentence, Sentence, Skipped, Timeline, TimelineEntry,
)
from storyline.represent import TfidfEncoder
from storyline.summarize import cite
from storyline.temporal import publication_anchor, resolve_sentences
from storyline.text import word_count

__all__ = [
    "SentenceDates", "build_timeline", "centroid_pick", "choose_sentences", "date_sentences",
    "rank_days", "timeline",
]

LOOKBACK_WEIGHT = 1.0
"""Weight of an article naming a day before the day it was published."""
SAME_DAY_WEIGHT = 0.5
"""Weight of an article naming its own publication day (or a later one)."""
PUBLISHED_WEIGHT = 0.5
"""Weight of an article published on the day."""
LEAD_SENTENCES = 2
"""Sentences at the top of an article that may speak for its publication day."""
MIN_WORDS, MAX_WORDS = 6, 60
"""Sentences outside this length never go on the timeline."""
REDUNDANCY_MAX = 0.5
"""Cosine at or above which two timeline sentences say the same thing."""


@dataclass(frozen=True)
class SentenceDates:
    """Every kept sentence of a story with the day it talks about.

    ``day[i]`` is the day sentence ``i`` names (or ``None``), ``span[i]`` the span of the
    expression naming it, ``published[i]`` its article's anchor day (or ``None``).
    """

    sentences: tuple[Sentence, ...]
    day: tuple[date | None, ...]
    span: tuple[tuple[int, int] | None, ...]
    published: tuple[date | None, ...]
    notes: tuple[str, ...]


def timeline(
    articles: Iterable[Article], *, dates: int = DEFAULT_DATES, per_date: int = DEFAULT_PER_DATE
) -> Timeline:
    """The ``dates`` most important days of one story, ``per_date`` cited sentences each.

    Raises:
        UsageError: two articles share an id, or ``dates`` or ``per_date`` is below 1.

    Example:
        >>> a = Article(id="a", published=date(2016, 9, 21),
        ...             text="The truce collapsed on Monday after an aid convoy was hit near Aleppo.")
        >>> t = timeline([a], dates=1)
        >>> t.entries[0].date, t.entries[0].sentences[0].citations
        (datetime.date(2016, 9, 19), ('a',))
    """
    options = Options(dates=dates, per_date=per_date)
    articles = list(articles)
    repeated = [i for i, n in Counter(a.id for a in articles).items() if n > 1]
    if repeated:
        raise UsageError(f"article ids must be unique; repeated: {', '.join(repeated[:5])}")
    cleaned = [clean(article) for article in articles]
    kept = [c for c in cleaned if c.sentences]
    skipped = tuple(skip(c.article.path or c.article.id, "nothing_left")
                    for c in cleaned if not c.sentences)
    if not kept:
        return Timeline((), (), skipped)
    vectors = TfidfEncoder().fit_transform([s.text for c in kept for s in c.sentences])
    return build_timeline(kept, vectors, options, skipped=skipped)


def build_timeline(
    kept: Sequence[CleanArticle],
    vectors: csr_matrix,
    options: Options,
    window: tuple[date, date] | None = None,
    skipped: Sequence[Skipped] = (),
) -> Timeline:
    """``timeline`` on cleaned articles and one L2-normalised row per kept sentence.

    ``window`` limits the days considered to ``(first, last)``, both included.
    """
    dated = date_sentences(kept)
    days = rank_days(dated, window)[: options.dates]
    chosen = choose_sentences(dated, vectors, days, options.per_date)
    article_ids = [c.article.id for c in kept]
    cited = _citations(dated, vectors, [i for picks in chosen.values() for i in picks], article_ids)
    entries = tuple(
        TimelineEntry(day, tuple(_dated_sentence(dated, i, cited[i]) for i in chosen[day]))
        for day in sorted(chosen) if chosen[day]
    )
    return Timeline(entries, dated.notes, tuple(skipped))


def date_sentences(kept: Sequence[CleanArticle]) -> SentenceDates:
    """Resolve the expressions of every kept sentence; note articles dated from their text."""
    sentences, days, spans, published, notes = [], [], [], [], []
    for cleaned in kept:
        anchor = publication_anchor(cleaned.article)
        if anchor.source != "published":
            notes.append(_anchor_note(cleaned.article, anchor.day, anchor.source))
        for sentence, found in zip(cleaned.sentences, resolve_sentences(
                cleaned.article, cleaned.sentences, anchor.day), strict=True):
            first = next((e for e in found if e.granularity == "day" and e.date), None)
            sentences.append(sentence)
            days.append(first.date if first else None)
            spans.append((first.start, first.end) if first else None)
            published.append(anchor.day)
    return SentenceDates(tuple(sentences), tuple(days), tuple(spans), tuple(published), tuple(notes))


def _anchor_note(article: Article, day: date | None, source: str) -> str:
    name = article.path or article.id
    if day is None:
        return (f"{name}: no publication date and no full date in its text; "
                "only dates that give their year were used")
    where = "its dateline" if source == "dateline" else "the latest full date in its text"
    return f"{name}: no publication date; dated {day.isoformat()} from {where}"


def rank_days(dated: SentenceDates, window: tuple[date, date] | None = None) -> list[date]:
    """Days by importance: articles naming them in text, then articles published on them."""
    scores: dict[date, float] = defaultdict(float)
    seen: set[tuple[str, date]] = set()
    for sentence, day, published in zip(dated.sentences, dated.day, dated.published, strict=True):
        if day is not None and (sentence.article, day) not in seen:
            seen.add((sentence.article, day))
            later = published is not None and published > day
            scores[day] += LOOKBACK_WEIGHT if later else SAME_DAY_WEIGHT
    for article, published in {(s.article, p) for s, p in zip(dated.sentences, dated.published)}:
        if published is not None:
            scores[published] += PUBLISHED_WEIGHT
    last = max((p for p in dated.published if p is not None), default=None)
    allowed = [d for d in scores if (last is None or d <= last)
               and (window is None or window[0] <= d <= window[1])]
    return sorted(allowed, key=lambda d: (-scores[d], d))


def choose_sentences(
    dated: SentenceDates, vectors: csr_matrix, days: Sequence[date], per_date: int
) -> dict[date, list[int]]:
    """Up to ``per_date`` sentence indices for each day, closest to that day's centroid."""
    candidates = _candidates(dated, set(days))
    used: list[int] = []
    chosen: dict[date, list[int]] = {}
    for day in days:
        pool = candidates.get(day, [])
        chosen[day] = centroid_pick(vectors, pool, per_date, used)
        used += chosen[day]
    return chosen


def _candidates(dated: SentenceDates, days: set[date]) -> dict[date, list[int]]:
    """Sentences naming each day, then lead sentences of articles published on it."""
    named: dict[date, list[int]] = defaultdict(list)
    leads: dict[date, list[int]] = defaultdict(list)
    for i, sentence in enumerate(dated.sentences):
        if not MIN_WORDS <= word_count(sentence.text) <= MAX_WORDS:
            continue
        if dated.day[i] in days:
            named[dated.day[i]].append(i)
        elif dated.day[i] is None and sentence.index < LEAD_SENTENCES and dated.published[i] in days:
            leads[dated.published[i]].append(i)
    return {day: named.get(day, []) + leads.get(day, []) for day in days}


def centroid_pick(vectors: csr_matrix, pool: list[int], k: int, used: list[int]) -> list[int]:
    """Greedy: the pool sentences closest to the pool centroid, skipping redundant ones."""
    if not pool:
        return []
    rows = vectors[pool]
    centroid = np.asarray(rows.mean(axis=0)).ravel()
    closeness = rows @ centroid
    picked: list[int] = []
    for j in np.argsort(-closeness, kind="stable"):
        i = pool[int(j)]
        others = picked + used
        if others and (vectors[i] @ vectors[others].T).max() >= REDUNDANCY_MAX:
            continue
        picked.append(i)
        if len(picked) == k:
            break
    return picked


def _citations(
    dated: SentenceDates, vectors: csr_matrix, chosen: list[int], article_ids: list[str]
) -> dict[int, tuple[str, ...]]:
    """Citations of each chosen sentence: its article's best-matching sentence per article."""
    if not chosen:
        return {}
    of_article = {a: k for k, a in enumerate(article_ids)}
    owners = np.array([of_article[s.article] for s in dated.sentences])
    starts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
    similarity = (vectors[chosen] @ vectors.T).toarray()
    best = np.maximum.reduceat(similarity, starts, axis=1)
    ids = [article_ids[owners[s]] for s in starts]
    return {i: tuple(cite(dated.sentences[i].article, best[row], ids))
            for row, i in enumerate(chosen)}


def _dated_sentence(dated: SentenceDates, i: int, citations: tuple[str, ...]) -> DatedSentence:
    sentence, span = dated.sentences[i], dated.span[i]
    return DatedSentence(
        text=sentence.text, article=sentence.article, start=sentence.start, end=sentence.end,
        citations=citations, date_start=span[0] if span else None,
        date_end=span[1] if span else None,
    )
