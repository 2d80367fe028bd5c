"""Which story stands for a whole storyline: the most central one, weighted by its size.

A storyline that runs for months holds many stories; naming it after its newest or its
biggest story names it after one episode. ``central_story`` instead compares each story
with the storyline as a whole: every article is a TF-IDF vector of its lead (content-word
stems, ``storyline.text.analyze``, IDF counted within the storyline), the storyline's
centroid is the mean of all its articles, a story's vector the mean of its own. The story
whose vector is closest to the centroid (cosine), times its article count to the power
``SIZE_WEIGHT``, wins; ties go to the earlier story. ``benchmarks/storyline_titles.py``
scores the titles on Timeline17 (tuning and held-out folds); there every weight from 0 to
2 picks the same stories, so ``SIZE_WEIGHT`` stays at a middle value: size breaks near ties.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from storyline.text import analyze

__all__ = ["SIZE_WEIGHT", "central_story", "centrality"]

SIZE_WEIGHT = 0.5
"""How much a story's size counts beside its closeness to the storyline (0: not at all)."""


def centrality(leads: Sequence[Sequence[str]], *, size_weight: float = SIZE_WEIGHT) -> list[float]:
    """Per story, its cosine to the storyline centroid times ``articles ** size_weight``.

    Args:
        leads: per story, the lead text of each of its articles (a story with none scores 0).
        size_weight: the exponent of a story's article count.

    Example:
        >>> leads = [["Dam repairs begin in the valley"], ["Valley dam repairs go on", "Dam repairs end"],
        ...          ["Football club wins the cup"]]
        >>> [round(x, 2) for x in centrality(leads, size_weight=0.0)]
        [0.8, 0.89, 0.37]
    """
    texts = [text for story in leads for text in story]
    if not any(analyze(text) for text in texts):
        return [0.0] * len(leads)
    vectors = TfidfVectorizer(analyzer=analyze, sublinear_tf=True).fit_transform(texts)
    centroid = _unit(np.asarray(vectors.mean(axis=0)).ravel())
    scores, row = [], 0
    for story in leads:
        if not story:
            scores.append(0.0)
            continue
        mean = _unit(np.asarray(vectors[row:row + len(story)].mean(axis=0)).ravel())
        scores.append(float(mean @ centroid) * len(story) ** size_weight)
        row += len(story)
    return scores


def central_story(leads: Sequence[Sequence[str]], *, size_weight: float = SIZE_WEIGHT) -> int:
    """The index of the story that stands for the storyline (see ``centrality``).

    Raises:
        ValueError: ``leads`` is empty.
    """
    if not leads:
        raise ValueError("a storyline has at least one story")
    scores = centrality(leads, size_weight=size_weight)
    return max(range(len(scores)), key=lambda i: (scores[i], -i))


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector
