"""Extractive multi-document summary with citations.

``summarize(doc, words)`` takes a ``StoryDocument`` (the kept sentences of a story, grouped
by article in reading order, and their row vectors) and returns ``SummarySentence``s within
the word budget. Its steps, in order:

1. score: a small learned linear scorer (``storyline.summary.scorer``) over how closely the
   *other* articles report the sentence's content (cross-outlet support), its closeness to
   the story centroid, its position in its article, and its form (length, dangling
   pronouns, quote fragments); sentences under ``MIN_WORDS`` words are never chosen;
2. select: maximal marginal relevance under the budget, never taking a sentence that says
   what a chosen one already says;
3. cite: every article with a sentence reporting the same fact, the sentence's own first,
   each with the span of that sentence (``represent.facts``);
4. order: by the earliest date the fact was reported, then by position in the article.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
from scipy.sparse import csr_matrix

from storyline.model import Article, Sentence, SummarySentence
from storyline.represent.document import StoryDocument
from storyline.represent.facts import (
    article_columns,
    cite,
    cited_spans,
    closest_per_article,
)
from storyline.summary.scorer import Scorer, default_scorer, sentence_features
from storyline.summary.words import UNREADABLE_ALONE
from storyline.text import word_count

__all__ = ["MIN_WORDS", "REDUNDANCY_MAX", "summarize", "summary_features"]

REDUNDANCY_MAX = 0.5
"""Cosine at or above which two summary sentences would say the same thing."""
MMR_LAMBDA = 0.6
"""Weight of a sentence's own score against its overlap with what is already chosen."""
MIN_WORDS = 8
"""Shorter sentences are never chosen (datelines, fragments)."""
POOL_SIZE = 3000
"""At most this many sentences are compared pairwise (memory grows with its square)."""
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


def summarize(
    doc: StoryDocument, words: int, *, fill: bool = False, scorer: Scorer | None = None
) -> tuple[SummarySentence, ...]:
    """Choose, cite and order summary sentences within ``words`` words.

    Args:
        doc: the story document (kept sentences and their vectors).
        words: word budget; the summary never exceeds it.
        fill: for evaluations that cut summaries to the budget: keep choosing while the
            summary is under ``words``, so the last sentence may cross it.
        scorer: sentence scorer; the shipped ``default_scorer()`` when ``None``.

    Returns:
        Summary sentences in reading order; empty when no sentence fits the budget.
    """
    if not doc.sentences:
        return ()
    story = _story(doc.sentences, doc.vectors, doc.articles)
    scores = _score(story, scorer or default_scorer())
    chosen = _select(story, scores, words, fill)
    return tuple(_cite(story, i) for i in _order(story, chosen))


def _pool(sentences: Sequence[Sentence], size: int = POOL_SIZE) -> list[int]:
    """Indices of the sentences to compare: all of them, or each article's first ones.

    News puts its facts first, so when a story has more than ``size`` sentences every
    article keeps its leading sentences, as many as the pool allows for each article.
    """
    if len(sentences) <= size:
        return list(range(len(sentences)))
    per_article = max(1, size // len({s.article for s in sentences}))
    return [i for i, s in enumerate(sentences) if s.index < per_article]


def _story(
    sentences: Sequence[Sentence], vectors: csr_matrix, articles: Sequence[Article]
) -> _Story:
    pool = _pool(sentences)
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


def _score(story: _Story, scorer: Scorer) -> np.ndarray:
    """Importance of each sentence from the learned scorer; 0 for sentences too short."""
    raw = scorer.score(_features(story))
    return (raw - raw.min() + SCORE_FLOOR) * _readable(story)


def _readable(story: _Story) -> np.ndarray:
    """1 for sentences that stand on their own in a summary, 0 for the others."""
    return np.array([
        length >= MIN_WORDS and not UNREADABLE_ALONE.search(sentence.text)
        for sentence, length in zip(story.sentences, story.lengths, strict=True)
    ], dtype=float)


def _select(story: _Story, scores: np.ndarray, words: int, fill: bool = False) -> list[int]:
    """Maximal marginal relevance under the word budget, skipping redundant sentences."""
    relevance = scores / (scores.max() or 1.0)
    chosen: list[int] = []
    left = words
    candidates = set(np.flatnonzero(scores > 0).tolist())
    while candidates and left > 0:
        overlap = story.similarity[:, chosen].max(axis=1) if chosen else np.zeros(len(scores))
        fitting = [i for i in candidates
                   if (fill or story.lengths[i] <= left) and overlap[i] < REDUNDANCY_MAX]
        if not fitting:
            break
        best = max(fitting, key=lambda i: MMR_LAMBDA * relevance[i] - (1 - MMR_LAMBDA) * overlap[i])
        chosen.append(best)
        left -= int(story.lengths[best])
        candidates.discard(best)
    return chosen


def _order(story: _Story, chosen: list[int]) -> list[int]:
    """Reading order: earliest report of the fact first, then position in its article."""
    def key(i: int) -> tuple[date, float]:
        cited = _citing_articles(story, i)
        dates = [_day(story.articles[a].published) for a in cited]
        known = [d for d in dates if d is not None]
        sentence = story.sentences[i]
        count = int((story.article_of == story.article_of[i]).sum())
        return (min(known) if known else date.max, sentence.index / count)

    return sorted(chosen, key=key)


def _cite(story: _Story, i: int) -> SummarySentence:
    """The summary sentence for sentence ``i`` with every article reporting its fact."""
    sentence = story.sentences[i]
    citations = _citing_articles(story, i)
    return SummarySentence(
        text=sentence.text,
        article=sentence.article,
        start=sentence.start,
        end=sentence.end,
        citations=tuple(citations),
        cited=cited_spans(sentence, citations, story.similarity[i], story.sentences),
    )


def _citing_articles(story: _Story, i: int) -> list[str]:
    """Ids of the articles reporting sentence ``i``'s fact, its own first, then by closeness."""
    return cite(story.sentences[i].article, story.best_match[i], story.article_ids)


def _day(published: date | datetime | None) -> date | None:
    """The calendar day of a publication date or time."""
    if isinstance(published, datetime):
        return published.date()
    return published
