"""The story document: one story, cleaned and encoded once, read by every analysis.

``build_document(articles)`` cleans the articles (``storyline.clean``), encodes every kept
sentence with one encoder (``make_encoder``), and returns a ``StoryDocument``: the kept
articles in input order, their sentences in article then reading order with their offsets,
one L2-normalised row per sentence, the days each sentence names (resolved on first use),
the story centroid, its headline and what was skipped.
Summary, timeline, entities, quotes and the outlet comparison all take this document, so
no analysis cleans or encodes again, and the sentence order every analysis relies on is
guaranteed here, once.

Example:
    >>> a = Article(id="a", title="Port strike ends after talks", text="The port strike ended on Monday.")
    >>> doc = build_document([a])
    >>> doc.headline, len(doc.sentences), doc.vectors.shape[0]
    ('Port strike ends after talks', 1, 1)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from scipy.sparse import csr_matrix

from storyline.clean import clean_story
from storyline.model import Article, CleanArticle, Sentence, Skipped
from storyline.represent.dates import SentenceDates, date_sentences
from storyline.represent.encoder import Encoder, make_encoder
from storyline.represent.headline import choose_headline

__all__ = ["StoryDocument", "build_document", "document_of"]


@dataclass(frozen=True)
class StoryDocument:
    """One story's kept articles, sentences and sentence vectors (see the module docstring).

    Attributes:
        cleaned: the kept articles, each with at least one sentence, in input order.
        vectors: one L2-normalised row per sentence of ``sentences``.
        encoder: the fitted encoder that made ``vectors`` (to encode titles or queries).
        skipped: the articles left out, each with its reason.
    """

    cleaned: tuple[CleanArticle, ...]
    vectors: csr_matrix
    encoder: Encoder
    skipped: tuple[Skipped, ...] = ()

    @cached_property
    def articles(self) -> tuple[Article, ...]:
        """The kept articles, in input order."""
        return tuple(c.article for c in self.cleaned)

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """Every kept sentence, grouped by article in reading order (one row of ``vectors`` each)."""
        return tuple(s for c in self.cleaned for s in c.sentences)

    @cached_property
    def centroid(self) -> np.ndarray:
        """The mean of the sentence rows, as a ``(1, features)`` array."""
        return np.asarray(self.vectors.mean(axis=0))

    @cached_property
    def dates(self) -> SentenceDates:
        """Every sentence with the days it names, resolved against its article's
        publication date (or a date found in its text), resolved once on first use."""
        return date_sentences(self.cleaned)

    @cached_property
    def headline(self) -> str:
        """The story's one headline (``represent.headline.choose_headline``)."""
        closeness = np.asarray(self.encoder.transform([a.title for a in self.articles])
                               @ self.centroid.T).ravel() if self.articles else ()
        kept = [[s.text for s in c.sentences] for c in self.cleaned]
        return choose_headline(self.articles, closeness, sentences=kept)


def build_document(
    articles: Sequence[Article], skipped: Sequence[Skipped] = (), encoder: Encoder | None = None
) -> StoryDocument:
    """Clean and encode one story's ``articles``; articles with no prose go to ``skipped``.

    Raises:
        UsageError: two articles share an id.
    """
    kept, emptied = clean_story(articles)
    return document_of(kept, (*skipped, *emptied), encoder)


def document_of(
    kept: Sequence[CleanArticle], skipped: Sequence[Skipped] = (), encoder: Encoder | None = None
) -> StoryDocument:
    """The document of articles already cleaned (as stored at ingest); encodes their sentences.

    Args:
        kept: cleaned articles; those without sentences are left out.
        skipped: what was skipped before, carried into the document.
        encoder: an unfitted encoder; ``make_encoder()`` when ``None``.
    """
    kept = tuple(c for c in kept if c.sentences)
    encoder = encoder or make_encoder()
    texts = [s.text for c in kept for s in c.sentences]
    vectors = encoder.fit_transform(texts) if texts else csr_matrix((0, 0))
    return StoryDocument(kept, vectors, encoder, tuple(skipped))
