"""Extractive multi-document summary with citations.

``summarize(doc, words)`` takes a ``StoryDocument`` (the kept sentences of a story, grouped
by article in reading order, and their row vectors) and returns ``SummarySentence``s within
the word budget. Its steps, in order:

1. score: a small learned linear scorer (``storyline.summary.scorer``) over how closely the
   *other* articles report the sentence's content (cross-outlet support), its closeness to
   the story centroid, its position in its article, and its form (length, dangling
   pronouns, quote fragments);
2. candidates: every sentence on its own, except that a quotation running over several
   sentences is one candidate, taken whole or not at all (``storyline.summary.units``);
   a candidate under ``MIN_WORDS`` words, one that starts or ends inside a quotation, a
   quotation with no speaker and one opening with a pronoun or a fragment is never chosen
   (``storyline.summary.standalone``);
3. select: maximal marginal relevance under the budget, never taking a candidate that says
   what a chosen one already says, nor one opening with "The <noun>" that no candidate
   before it in reading order names;
4. cite: every article with a sentence reporting the same fact, the candidate's own first,
   each with the span of that sentence (``represent.facts``);
5. order: by the earliest date the fact was reported, then by position in the article.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

import numpy as np
from scipy.sparse import csr_matrix

from storyline.model import Article, Sentence, SummarySentence
from storyline.represent.budget import budgeted_sentences
from storyline.represent.document import StoryDocument
from storyline.represent.facts import (
    article_columns,
    cite,
    cited_spans,
    closest_per_article,
)
from storyline.summary.scorer import Scorer, default_scorer, sentence_features
from storyline.summary.standalone import definite_nouns, quote_scan
from storyline.summary.units import Unit, antecedent_units, quote_units, unit_sentence
from storyline.summary.words import UNREADABLE_ALONE
from storyline.text import opens_with_pronoun, stem, tokens, word_count

__all__ = ["MIN_WORDS", "REDUNDANCY_MAX", "summarize", "summary_features"]

REDUNDANCY_MAX = 0.5
"""Cosine at or above which two summary sentences would say the same thing."""
MMR_LAMBDA = 0.6
"""Weight of a sentence's own score against its overlap with what is already chosen."""
MIN_WORDS = 8
"""Shorter sentences are never chosen (datelines, fragments)."""
POOL_SIZE = 3000
"""At most this many sentences are compared pairwise (memory grows with its square): a
larger story's are shared fairly over its outlets and days, leading sentences first
(``represent.budget``)."""
SCORE_FLOOR = 1e-3
"""Added to the scores once the lowest is moved to zero, so every readable sentence stays a candidate."""


@dataclass(frozen=True)
class _Story:
    """The inputs of the summarizer, with the similarity of every pair of sentences."""

    sentences: Sequence[Sentence]
    articles: dict[str, Article]
    vectors: csr_matrix
    similarity: np.ndarray
    best_match: np.ndarray
    article_ids: list[str]
    article_of: np.ndarray
    lengths: np.ndarray


@dataclass(frozen=True)
class _Candidates:
    """What the summary may take (``units.Unit``: a sentence, a quotation over several, or
    a sentence with the one before it that it points back to) with, per candidate: its
    span; its closeness to the others (that of its closest pair of sentences) and to each
    article; its words (``text.word_count``, and white-space words, which evaluations cut
    by); the words its "The <noun>" opening needs named before it (``None``: it needs
    none); its word stems and its reading-order key (both worked out when asked)."""

    units: list[Unit]
    spans: list[Sentence]
    similarity: np.ndarray
    best_match: np.ndarray
    lengths: np.ndarray
    spaced: np.ndarray
    needs: list[frozenset[str] | None]
    stems: Callable[[int], frozenset[str]]
    key: Callable[[int], tuple[date, float]]


def summarize(
    doc: StoryDocument, words: int, *, fill: bool = False, scorer: Scorer | None = None
) -> tuple[SummarySentence, ...]:
    """Choose, cite and order summary sentences within ``words`` words.

    Args:
        doc: the story document (kept sentences and their vectors).
        words: word budget; the summary never exceeds it.
        fill: for evaluations that cut summaries to the budget: keep choosing while the
            summary is under ``words`` white-space words (what they cut by), so the last
            sentence may cross it.
        scorer: sentence scorer; the shipped ``default_scorer()`` when ``None``.

    Returns:
        Summary sentences in reading order; empty when no sentence fits the budget. A
        quotation over several sentences is one summary sentence spanning them all.
    """
    if not doc.sentences:
        return ()
    story = _story(doc.sentences, doc.vectors, doc.articles)
    candidates = _candidates(story)
    scores = _score(story, candidates, scorer or default_scorer())
    chosen = _select(candidates, scores, words, fill)
    ordered = sorted(chosen, key=candidates.key)  # stable: ties in order of choice
    return tuple(_cite(story, candidates, i) for i in ordered)


def _story(
    sentences: Sequence[Sentence], vectors: csr_matrix, articles: Sequence[Article]
) -> _Story:
    pool = budgeted_sentences(sentences, articles, budget=POOL_SIZE)
    sentences = [sentences[i] for i in pool]
    vectors = vectors[pool]
    article_ids, article_of = article_columns(sentences)
    similarity = (vectors @ vectors.T).toarray()
    return _Story(
        sentences=sentences,
        articles={a.id: a for a in articles},
        vectors=vectors,
        similarity=similarity,
        best_match=closest_per_article(similarity, article_of),
        article_ids=article_ids,
        article_of=article_of,
        lengths=np.array([word_count(s.text) for s in sentences]),
    )


def summary_features(doc: StoryDocument) -> np.ndarray:
    """The scorer's features (``scorer.FEATURE_NAMES``) of every sentence ``summarize`` compares."""
    return _features(_story(doc.sentences, doc.vectors, doc.articles))


def _features(story: _Story) -> np.ndarray:
    return sentence_features(story.sentences, story.vectors, story.similarity,
                             story.best_match, story.article_of)


def _candidates(story: _Story) -> _Candidates:
    """The story's candidates (``units.quote_units``, then ``units.antecedent_units``)
    with what choosing them needs."""
    units = quote_units(story.sentences, story.articles)
    units += antecedent_units(story.sentences, units, story.articles)
    spans = [unit_sentence(u, story.sentences, story.articles) for u in units]
    best_match = _rows(story.best_match, units)
    counts = np.bincount(story.article_of, minlength=len(story.article_ids))

    @cache
    def key(k: int) -> tuple[date, float]:
        cited = cite(spans[k].article, best_match[k], story.article_ids)
        known = [d for d in (_day(story.articles[a].published) for a in cited) if d is not None]
        first = units[k].first
        return (min(known) if known else date.max,
                story.sentences[first].index / counts[story.article_of[first]])

    return _Candidates(
        units=units,
        spans=spans,
        similarity=_rows(_rows(story.similarity, units).T, units).T,
        best_match=best_match,
        lengths=np.array([story.lengths[u.first : u.last + 1].sum() for u in units]),
        spaced=np.array([len(span.text.split()) for span in spans]),
        needs=[definite_nouns(span.text) for span in spans],
        stems=cache(lambda k: frozenset(stem(w) for w in tokens(spans[k].text))),
        key=key,
    )


def _rows(matrix: np.ndarray, units: list[Unit]) -> np.ndarray:
    """One row per unit of a per-sentence ``matrix``: the most of its sentences' rows."""
    rows = matrix[[u.first for u in units]]
    for k, unit in enumerate(units):
        if unit.last > unit.first:
            rows[k] = matrix[unit.first : unit.last + 1].max(axis=0)
    return rows


def _score(story: _Story, candidates: _Candidates, scorer: Scorer) -> np.ndarray:
    """Importance of each candidate: the mean learned score of its sentences, 0 for a
    candidate that cannot stand in a summary."""
    raw = scorer.score(_features(story))
    base = raw - raw.min() + SCORE_FLOOR
    mean = np.array([base[u.first : u.last + 1].mean() for u in candidates.units])
    return mean * _readable(candidates)


def _readable(candidates: _Candidates) -> np.ndarray:
    """1 for candidates that stand on their own in a summary, 0 for the others: long
    enough, every quotation whole and with its speaker, no pronoun or fragment opening."""
    return np.array([
        unit.intact and length >= MIN_WORDS and not UNREADABLE_ALONE.search(span.text)
        and not opens_with_pronoun(span.text)
        and (unit.first == unit.last or quote_scan(span.text).spoken)
        for unit, span, length in zip(candidates.units, candidates.spans, candidates.lengths,
                                      strict=True)
    ], dtype=float)


def _select(candidates: _Candidates, scores: np.ndarray, words: int, fill: bool = False) -> list[int]:
    """Maximal marginal relevance under the word budget, skipping redundant candidates, those
    holding a sentence already chosen, and those opening with "The <noun>" that no
    candidate before them names."""
    relevance = scores / (scores.max() or 1.0)
    lengths = candidates.spaced if fill else candidates.lengths
    chosen: list[int] = []
    taken: set[int] = set()
    left = words
    remaining = set(np.flatnonzero(scores > 0).tolist())
    while remaining and left > 0:
        overlap = (candidates.similarity[:, chosen].max(axis=1) if chosen
                   else np.zeros(len(scores)))
        fitting = [i for i in remaining
                   if (fill or lengths[i] <= left) and overlap[i] < REDUNDANCY_MAX
                   and not _shares_sentence(candidates.units[i], taken)
                   and _named_before(candidates, i, chosen)]
        if not fitting:
            break
        best = max(fitting, key=lambda i: MMR_LAMBDA * relevance[i] - (1 - MMR_LAMBDA) * overlap[i])
        chosen.append(best)
        taken.update(range(candidates.units[best].first, candidates.units[best].last + 1))
        left -= int(lengths[best])
        remaining.discard(best)
    return chosen


def _shares_sentence(unit: Unit, taken: set[int]) -> bool:
    """Whether ``unit`` holds a sentence already in the summary (a sentence and the same
    sentence taken with its antecedent)."""
    return any(k in taken for k in range(unit.first, unit.last + 1))


def _named_before(candidates: _Candidates, i: int, chosen: list[int]) -> bool:
    """Whether candidate ``i`` needs no antecedent, or a chosen candidate before it in
    reading order names a word of its opening "The <noun>" (``standalone.definite_nouns``).
    A chosen candidate with the same key comes before it: reading order keeps the order of
    choice between equal keys."""
    needs = candidates.needs[i]
    if needs is None:
        return True
    key = candidates.key(i)
    return any(candidates.key(j) <= key and needs & candidates.stems(j) for j in chosen)


def _cite(story: _Story, candidates: _Candidates, i: int) -> SummarySentence:
    """The summary sentence for candidate ``i`` with every article reporting its fact."""
    span = candidates.spans[i]
    unit = candidates.units[i]
    citations = cite(span.article, candidates.best_match[i], story.article_ids)
    closeness = story.similarity[unit.first : unit.last + 1].max(axis=0)
    return SummarySentence(
        text=span.text,
        article=span.article,
        start=span.start,
        end=span.end,
        citations=tuple(citations),
        cited=cited_spans(span, citations, closeness, story.sentences),
    )


def _day(published: date | datetime | None) -> date | None:
    """The calendar day of a publication date or time."""
    if isinstance(published, datetime):
        return published.date()
    return published
