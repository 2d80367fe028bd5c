"""Which sentences of a story report the same fact: the layer below summary, timeline and comparison.

A sentence's fact is reported by another article when that article's closest sentence
(cosine of the story document's rows) reaches ``CITE_MIN``. ``cite`` names those articles
and ``cited_spans`` points at the very sentence of each that reports the fact, so every
citation is an ``(article, start, end)`` span decided by the same test that made it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from storyline.model import Sentence, Span

__all__ = ["CITE_MIN", "article_columns", "cite", "cited_spans", "closest_per_article"]

CITE_MIN = 0.45
"""Cosine at or above which another article's sentence reports the same fact."""


def article_columns(sentences: Sequence[Sentence]) -> tuple[list[str], np.ndarray]:
    """The story's article ids in order of first sentence, and each sentence's position among them.

    Example:
        >>> ids, of = article_columns([Sentence("a", 0, 0, 1, "x", 0), Sentence("b", 0, 0, 1, "y", 0)])
        >>> ids, of.tolist()
        (['a', 'b'], [0, 1])
    """
    article_ids = list(dict.fromkeys(s.article for s in sentences))
    index = {article_id: k for k, article_id in enumerate(article_ids)}
    return article_ids, np.array([index[s.article] for s in sentences])


def closest_per_article(similarity: np.ndarray, article_of: np.ndarray) -> np.ndarray:
    """Per row and per article, the cosine of that article's closest sentence.

    Args:
        similarity: one row per sentence asked about, one column per story sentence,
            the columns grouped by article (as ``article_columns`` numbers them).
        article_of: per column, the position of its article (``article_columns``).

    Returns:
        A ``(rows, articles)`` array: the ``best_match`` that ``cite`` takes, row by row.
    """
    return np.maximum.reduceat(similarity, _starts(article_of), axis=1)


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


def cited_spans(
    sentence: Sentence, cited: Sequence[str], similarity: np.ndarray, columns: Sequence[Sentence]
) -> tuple[Span, ...]:
    """The span of each cited article's sentence that reports ``sentence``'s fact.

    Args:
        sentence: the sentence cited (its own span comes first).
        cited: the ids ``cite`` returned for it.
        similarity: its cosine to every sentence of ``columns``.
        columns: the sentences compared, grouped by article.

    Returns:
        One ``Span`` per cited article, in ``cited`` order: the sentence itself for its own
        article, the closest sentence of each other article.
    """
    ids, article_of = article_columns(columns)
    position = {article: k for k, article in enumerate(ids)}
    starts = _starts(article_of)
    ends = np.r_[starts[1:], len(columns)]
    spans = [Span(sentence.article, sentence.start, sentence.end, sentence.text)]
    for article in cited[1:]:
        k = position[article]
        best = columns[int(starts[k] + np.argmax(similarity[starts[k]:ends[k]]))]
        spans.append(Span(best.article, best.start, best.end, best.text))
    return tuple(spans)


def _starts(article_of: np.ndarray) -> np.ndarray:
    """The first column of each article's block."""
    return np.flatnonzero(np.r_[True, article_of[1:] != article_of[:-1]])
