"""Extractive multi-document summary with citations.

``summarize(sentences, vectors, words)`` takes the kept sentences of a story (grouped by
article, in reading order) and their row vectors, and returns ``SummarySentence``s within
the word budget. Its steps, in order:

1. score: how many *other* articles report the sentence's content (cross-outlet support),
   its closeness to the story centroid, its position in its article, and its form
   (length, dangling pronouns, quote fragments);
2. select: maximal marginal relevance under the budget, never taking a sentence that says
   what a chosen one already says;
3. cite: every article with a sentence reporting the same fact, the sentence's own first;
4. order: by the earliest date the fact was reported, then by position in the article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
from scipy.sparse import csr_matrix

from storyline.model import Article, Sentence, SummarySentence
from storyline.text import word_count

__all__ = ["CITE_MIN", "REDUNDANCY_MAX", "cite", "summarize"]

CITE_MIN = 0.45
"""Cosine at or above which another article's sentence reports the same fact."""
REDUNDANCY_MAX = 0.5
"""Cosine at or above which two summary sentences would say the same thing."""
MMR_LAMBDA = 0.6
"""Weight of a sentence's own score against its overlap with what is already chosen."""
SUPPORT_WEIGHT = 0.6
"""Share of cross-article support (the rest is centroid closeness) in a sentence's score."""
POSITION_DECAY = 0.08
"""Each earlier sentence in its article lowers a sentence's weight by this step."""
MIN_WORDS, MAX_WORDS = 8, 60
"""Shorter sentences are never chosen (datelines, fragments); longer ones weigh less."""
LONG_SENTENCE_WEIGHT = 0.3
FORM_PENALTIES: tuple[tuple[str, re.Pattern[str], float], ...] = (
    ("starts mid-sentence", re.compile(r"^[a-z,;:.\-–—)]"), 0.3),
    ("dangling opener", re.compile(r"^(?:he|she|they|it|this|these|those|that|but|and|or|"
                                   r"so|however|also|still|yet|then)\b", re.I), 0.6),
    ("quotation without speaker", re.compile(r'^["“][^"“”]*["”]$'), 0.3),
    ("question", re.compile(r"\?[\"'”’]?$"), 0.5),
    ("no end punctuation", re.compile(r"[^.!?\"'”’)]$"), 0.5),
)
"""Patterns of sentences that need their neighbours to make sense, with their weight."""


@dataclass(frozen=True)
class _Story:
    """The inputs of the summarizer, with the similarity of every pair of sentences."""

    sentences: Sequence[Sentence]
    articles: dict[str, Article]
    similarity: np.ndarray
    best_match: np.ndarray
    article_ids: list[str]
    article_of: np.ndarray
    lengths: np.ndarray


def summarize(
    sentences: Sequence[Sentence],
    vectors: csr_matrix,
    articles: Sequence[Article],
    words: int,
    *,
    fill: bool = False,
) -> tuple[SummarySentence, ...]:
    """Choose, cite and order summary sentences within ``words`` words.

    Args:
        sentences: kept sentences of the story, grouped by article in reading order.
        vectors: one L2-normalised row per sentence.
        articles: the articles the sentences come from.
        words: word budget; the summary never exceeds it.
        fill: for evaluations that cut summaries to the budget: keep choosing while the
            summary is under ``words``, so the last sentence may cross it.

    Returns:
        Summary sentences in reading order; empty when no sentence fits the budget.
    """
    if not sentences:
        return ()
    story = _story(sentences, vectors, articles)
    scores = _score(story)
    chosen = _select(story, scores, words, fill)
    return tuple(_cite(story, i) for i in _order(story, chosen))


def _story(
    sentences: Sequence[Sentence], vectors: csr_matrix, articles: Sequence[Article]
) -> _Story:
    article_ids = list(dict.fromkeys(s.article for s in sentences))
    index = {article_id: k for k, article_id in enumerate(article_ids)}
    article_of = np.array([index[s.article] for s in sentences])
    similarity = (vectors @ vectors.T).toarray()
    starts = np.flatnonzero(np.r_[True, article_of[1:] != article_of[:-1]])
    return _Story(
        sentences=sentences,
        articles={a.id: a for a in articles},
        similarity=similarity,
        best_match=np.maximum.reduceat(similarity, starts, axis=1),
        article_ids=article_ids,
        article_of=article_of,
        lengths=np.array([word_count(s.text) for s in sentences]),
    )


def _score(story: _Story) -> np.ndarray:
    """Importance of each sentence: cross-article support and centrality, times priors."""
    support = story.best_match.copy()
    own = story.article_of
    support[np.arange(len(own)), own] = 0.0
    n_other = max(1, support.shape[1] - 1)
    centrality = story.similarity.mean(axis=1)
    centrality = centrality / (centrality.max() or 1.0)
    relevance = SUPPORT_WEIGHT * support.sum(axis=1) / n_other
    relevance += (1 - SUPPORT_WEIGHT) * centrality
    return relevance * _position_weights(story) * _form_weights(story)


def _position_weights(story: _Story) -> np.ndarray:
    """Earlier sentences of an article weigh more (news puts the key facts first)."""
    return np.array([1.0 / (1.0 + POSITION_DECAY * s.index) for s in story.sentences])


def _form_weights(story: _Story) -> np.ndarray:
    """Down-weight sentences that are too short, too long, or lean on their neighbours."""
    weights = np.ones(len(story.sentences))
    for i, sentence in enumerate(story.sentences):
        if story.lengths[i] < MIN_WORDS:
            weights[i] = 0.0
        elif story.lengths[i] > MAX_WORDS:
            weights[i] *= LONG_SENTENCE_WEIGHT
        if _unbalanced_quotes(sentence.text):
            weights[i] *= 0.5
        for _, pattern, weight in FORM_PENALTIES:
            if pattern.search(sentence.text):
                weights[i] *= weight
    return weights


def _unbalanced_quotes(text: str) -> bool:
    """True for a fragment of a quotation that opens or closes in another sentence."""
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”")


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
    return SummarySentence(
        text=sentence.text,
        article=sentence.article,
        start=sentence.start,
        end=sentence.end,
        citations=tuple(_citing_articles(story, i)),
    )


def _citing_articles(story: _Story, i: int) -> list[str]:
    """Ids of the articles reporting sentence ``i``'s fact, its own first, then by closeness."""
    return cite(story.sentences[i].article, story.best_match[i], story.article_ids)


def cite(own: str, best_match: Sequence[float], article_ids: Sequence[str]) -> list[str]:
    """Ids of the articles reporting a sentence's fact: ``own`` first, then by closeness.

    Args:
        own: id of the article the sentence comes from.
        best_match: per article, the cosine of its closest sentence to this sentence.
        article_ids: the article id of each ``best_match`` column.

    Returns:
        ``own``, then every other article whose closest sentence reaches ``CITE_MIN``.
    """
    others = [
        (score, article_ids[a])
        for a, score in enumerate(best_match)
        if article_ids[a] != own and score >= CITE_MIN
    ]
    return [own] + [article for _, article in sorted(others, key=lambda pair: -pair[0])]


def _day(published: date | datetime | None) -> date | None:
    """The calendar day of a publication date or time."""
    if isinstance(published, datetime):
        return published.date()
    return published
