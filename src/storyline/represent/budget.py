"""Which sentences of a large story an analysis reads: a fixed budget, shared fairly.

Input: the story's kept sentences (grouped by article, in reading order) and its articles;
output: the indices of the sentences read, in order. The outlet comparison
(``compare.comparison``, ``MAX_COMPARED``) and the summary's sentence pool
(``summary.summarize``) compare sentences pairwise, so their time and memory grow with the
square of the sentences read; the budget bounds both whatever the story's size. A story of
up to ``budget`` sentences is read whole, so a small story's analyses are exactly what they
were. Past that, the budget is split over the story's cells - one cell per outlet and
publication day (undated articles: one cell per outlet) - by max-min fairness: every cell
keeps all its sentences or the same number ``c`` as every other capped cell, with ``c``
the largest share the budget allows. Inside a cell the articles take turns, leading
sentences first (news puts its facts first): sentence 1 of each article, then sentence 2
of each, and so on. When the story has more cells than the budget, each of ``budget``
cells spread evenly over the cells in time order (days, then outlets) gives its first
sentence.

Why not the first N sentences: a long-running story would then be read on its first days
only, and a prolific outlet would crowd out the others.

Example:
    >>> from storyline.model import Sentence
    >>> s = [Sentence("a", k, 0, 1, "x", 0) for k in range(3)] + [Sentence("b", 0, 0, 1, "y", 0)]
    >>> arts = [Article(id="a", text="x", source="W"), Article(id="b", text="y", source="D")]
    >>> budgeted_sentences(s, arts, budget=2)
    [0, 3]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime

import numpy as np

from storyline.ingest.names import outlet_key
from storyline.model import Article, Sentence

__all__ = ["MAX_COMPARED", "budgeted_sentences"]

MAX_COMPARED = 6000
"""Sentences of one story the outlet comparison reads at most."""


def budgeted_sentences(
    sentences: Sequence[Sentence], articles: Sequence[Article], *, budget: int = MAX_COMPARED
) -> list[int]:
    """The indices of at most ``budget`` of ``sentences`` to read, ascending (see the
    module docstring).

    Args:
        sentences: the story's kept sentences, grouped by article in reading order.
        articles: the story's articles (every article a sentence names among them).
        budget: sentences read at most.
    """
    if len(sentences) <= budget:
        return list(range(len(sentences)))
    cells = _cells(sentences, articles)
    if len(cells) > budget:
        spread = np.linspace(0, len(cells) - 1, budget).round().astype(int)
        return sorted(cells[i][0] for i in spread)
    share = _fair_share(np.array([len(c) for c in cells]), budget)
    return sorted(k for cell in cells for k in cell[:share])


def _cells(sentences: Sequence[Sentence], articles: Sequence[Article]) -> list[list[int]]:
    """Per (outlet, day) cell, in time order (undated last), its sentence indices: articles
    taking turns, leading ones first."""
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
    in_time = sorted(turns, key=lambda cell: (cell[1] is None, cell[1] or date.min, cell[0]))
    return [[k for _, _, k in sorted(turns[cell])] for cell in in_time]


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
