"""Which sentences of a large story the outlet comparison reads: a fixed budget, shared fairly.

Input: the story's kept sentences (grouped by article, in reading order) and its articles;
output: the indices of the sentences compared, in order. A story of up to
``MAX_COMPARED`` sentences is compared whole, so the comparison of a small story is exactly
what it was. Past that, the budget is split over the story's cells - one cell per outlet
and publication day (undated articles: one cell per outlet) - by max-min fairness: every
cell keeps all its sentences or the same number ``c`` as every other capped cell, with
``c`` the largest share the budget allows (never below 1, so every outlet's every day is
heard). Inside a cell the articles take turns, leading sentences first (news puts its facts
first): sentence 1 of each article, then sentence 2 of each, and so on.

Why not the first N sentences: a long-running story would then be compared on its first
days only, and a prolific outlet would crowd out the others. The pairs the comparison
computes grow with the square of the sentences compared, so the budget bounds its time and
memory whatever the story's size.

Example:
    >>> from storyline.model import Sentence
    >>> s = [Sentence("a", k, 0, 1, "x", 0) for k in range(3)] + [Sentence("b", 0, 0, 1, "y", 0)]
    >>> arts = [Article(id="a", text="x", source="W"), Article(id="b", text="y", source="D")]
    >>> compared_sentences(s, arts, budget=2)
    [0, 3]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime

import numpy as np

from storyline.ingest.names import outlet_key
from storyline.model import Article, Sentence

__all__ = ["MAX_COMPARED", "compared_sentences"]

MAX_COMPARED = 6000
"""Sentences of one story the comparison reads at most (before the one-per-cell floor)."""


def compared_sentences(
    sentences: Sequence[Sentence], articles: Sequence[Article], *, budget: int = MAX_COMPARED
) -> list[int]:
    """The indices of ``sentences`` to compare, ascending (see the module docstring).

    Args:
        sentences: the story's kept sentences, grouped by article in reading order.
        articles: the story's articles (every article a sentence names among them).
        budget: sentences compared at most, unless the story has more cells than that.
    """
    if len(sentences) <= budget:
        return list(range(len(sentences)))
    cells = _cells(sentences, articles)
    share = _fair_share(np.array([len(c) for c in cells]), budget)
    return sorted(k for cell in cells for k in cell[:share])


def _cells(sentences: Sequence[Sentence], articles: Sequence[Article]) -> list[list[int]]:
    """Per (outlet, day) cell, its sentence indices: articles taking turns, leading ones first."""
    by_id = {a.id: a for a in articles}
    turns: dict[tuple[str, date | None], list[tuple[int, int, int]]] = defaultdict(list)
    position: dict[str, int] = {}
    order: dict[str, int] = {}
    for k, sentence in enumerate(sentences):
        article = by_id[sentence.article]
        rank = position.get(article.id, 0)
        position[article.id] = rank + 1
        order.setdefault(article.id, len(order))
        turns[outlet_key(article), _day(article.published)].append((rank, order[article.id], k))
    return [[k for _, _, k in sorted(cell)] for cell in turns.values()]


def _day(published: date | datetime | None) -> date | None:
    """The publication day (``None`` when unknown)."""
    if isinstance(published, datetime):
        return published.date()
    return published


def _fair_share(sizes: np.ndarray, budget: int) -> int:
    """The largest ``c >= 1`` with ``sum(min(size, c)) <= budget`` (1 when even that is over)."""
    low, high = 1, int(sizes.max())
    while low < high:
        middle = (low + high + 1) // 2
        if np.minimum(sizes, middle).sum() <= budget:
            low = middle
        else:
            high = middle - 1
    return low
