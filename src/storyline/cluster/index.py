"""Nearest-neighbour search over the centroids of active stories (or storylines).

``CentroidIndex`` holds one weighted row per group (``storyline.represent.articles.weigh``) with the
days its articles span. It scores a query by the time-discounted cosine, or, given a
``PairModel`` (the storyline index), by the model's chance that the two share a storyline. Rows change one at a time as articles arrive, and re-stacking a
sparse matrix on every change would cost more than the search itself, so changed and new
rows wait in a small buffer: a search scores the stacked matrix with one sparse
matrix-vector product, masks the rows that changed or left, and scores the buffered rows
one by one. The matrix is re-stacked once the buffer holds ``rebuild_after`` rows.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse import csr_matrix, vstack

from storyline.cluster.pairs import PairModel
from storyline.cluster.similarity import decay, years_apart
from storyline.represent.articles import N_FEATURES

__all__ = ["CentroidIndex", "gaps_to_span"]


class CentroidIndex:
    """Weighted centroid rows by group id, searchable by time-discounted cosine.

    Args:
        width: number of columns of every row.
        rebuild_after: re-stack the matrix when this many rows changed since the last time.
        model: score by this pair model over the content and name cosines and the gap
            (rows and queries ``weigh``-ed with ``name_weight=0.5``) instead of the
            time-discounted cosine.
    """

    def __init__(self, width: int, rebuild_after: int = 32, model: PairModel | None = None) -> None:
        self.width = width
        self.rebuild_after = rebuild_after
        self.model = model
        self._rows: dict[str, tuple[csr_matrix, float, float]] = {}
        self._stacked: list[str] = []
        self._position: dict[str, int] = {}
        self._matrix: csr_matrix | None = None
        self._first = np.empty(0)
        self._last = np.empty(0)
        self._changed: set[str] = set()
        self._buffer = np.zeros(width)

    def __len__(self) -> int:
        return len(self._rows)

    def put(self, group: str, row: csr_matrix, first_day: float, last_day: float) -> None:
        """Add or replace the row of ``group`` (a 1 x width weighted row) and its days."""
        self._rows[group] = (row, first_day, last_day)
        self._changed.add(group)

    def remove(self, group: str) -> None:
        """Forget ``group`` (closed, or merged into another)."""
        if self._rows.pop(group, None) is not None:
            self._changed.add(group)

    def reset(self, rows: dict[str, tuple[csr_matrix, float, float]]) -> None:
        """Replace every row at once (after the IDF weights were refreshed)."""
        self._rows = dict(rows)
        self._rebuild()

    def search(
        self, query: csr_matrix, day: float, scale: float, exclude: str = "", undated: float = 1.0,
        guard_day: float = float("nan"),
    ) -> tuple[str | None, float]:
        """The group whose row is closest to ``query``, and that similarity.

        The cosine is discounted by ``decay(gap, scale, undated)`` where ``gap`` is the
        number of days between ``day`` and the days the group spans (unknown: ``undated``);
        with a ``model`` the score is its probability instead. An undated query whose text
        gives ``guard_day`` never reaches a group a year away.
        """
        if len(self._changed) > self.rebuild_after:
            self._rebuild()
        best, score = None, -np.inf
        self._buffer[query.indices] = query.data
        try:
            if self._matrix is not None:
                scores = self._score(self._matrix, self._first, self._last, (day, scale, undated))
                scores[years_apart(guard_day, self._first, self._last)] = 0.0
                for group in (*self._changed, exclude):
                    if group in self._position:
                        scores[self._position[group]] = -np.inf
                k = int(np.argmax(scores))
                if scores[k] > -np.inf:
                    best, score = self._stacked[k], float(scores[k])
            waiting = [g for g in self._changed if g != exclude and g in self._rows]
            if waiting:
                rows = [self._rows[g] for g in waiting]
                firsts = np.array([first for _, first, _ in rows])
                lasts = np.array([last for _, _, last in rows])
                values = self._score(vstack([row for row, _, _ in rows], format="csr"), firsts, lasts,
                                     (day, scale, undated))
                values[years_apart(guard_day, firsts, lasts)] = 0.0
                k = int(np.argmax(values))
                if values[k] > score:
                    best, score = waiting[k], float(values[k])
        finally:
            self._buffer[query.indices] = 0.0
        return (best, score) if best is not None else (None, -1.0)

    def _score(self, rows: csr_matrix, first: np.ndarray, last: np.ndarray,
               when: tuple[float, float, float]) -> np.ndarray:
        """The score of each of ``rows`` against the query in the buffer; ``when`` is the
        query's day, the time scale and the undated share (see ``search``)."""
        day, scale, undated = when
        gaps = gaps_to_span(first, last, day)
        if self.model is None:
            return (rows @ self._buffer) * decay(gaps, scale, undated)
        content = 2.0 * (rows[:, :N_FEATURES] @ self._buffer[:N_FEATURES])
        names = 2.0 * (rows[:, N_FEATURES:] @ self._buffer[N_FEATURES:])
        return self.model.probability(content, names, gaps)

    def _rebuild(self) -> None:
        self._stacked = list(self._rows)
        self._position = {group: k for k, group in enumerate(self._stacked)}
        self._changed = set()
        if not self._stacked:
            self._matrix, self._first, self._last = None, np.empty(0), np.empty(0)
            return
        rows = [self._rows[group] for group in self._stacked]
        self._matrix = vstack([row for row, _, _ in rows], format="csr")
        self._first = np.array([first for _, first, _ in rows])
        self._last = np.array([last for _, _, last in rows])


def gaps_to_span(
    first: np.ndarray | float, last: np.ndarray | float, day: np.ndarray | float
) -> np.ndarray:
    """Days from ``day`` to the span ``[first, last]`` (0 inside; NaN when unknown), for
    many spans or many days at once."""
    return np.maximum(np.maximum(first - day, day - last), 0.0)
