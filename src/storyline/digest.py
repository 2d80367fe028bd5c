"""Runs the analyses for one story into a ``Digest``.

Input: the story's articles (and whatever was skipped while reading them); output: the
``Digest`` with headline, cited summary and per-article word counts. Articles with no
prose left after cleaning are moved to ``skipped`` with their reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from storyline.clean.prose import clean_story
from storyline.compare.comparison import build_comparison
from storyline.config import DEFAULT_WORDS, Config
from storyline.entities.extract import extract_entities
from storyline.summary.headline import choose_headline
from storyline.model import Article, CleanArticle, Digest, Skipped
from storyline.quotes.extract import extract_quotes
from storyline.represent.encoder import TfidfEncoder
from storyline.summary.summarize import summarize
from storyline.text import word_count
from storyline.timeline.build import build_timeline

__all__ = ["build_digest", "digest", "digest_story"]


def digest(
    articles: Iterable[Article], *, words: int = DEFAULT_WORDS, skipped: Sequence[Skipped] = ()
) -> Digest:
    """Digest one story's ``articles`` with a summary of at most ``words`` words.

    Raises:
        UsageError: two articles share an id, or ``words`` is below 1.

    Example:
        >>> a = Article(id="a", title="Port strike ends", text="The port strike ended on Monday after talks.")
        >>> digest([a]).summary[0].citations
        ('a',)
    """
    return build_digest(list(articles), Config(words=words), skipped)


def build_digest(
    articles: Sequence[Article], options: Config, skipped: Sequence[Skipped] = ()
) -> Digest:
    """``digest`` with a ready ``Config``: clean the articles, then ``digest_story``."""
    kept, emptied = clean_story(articles)
    return digest_story(kept, options, (*skipped, *emptied))


def digest_story(
    kept: Sequence[CleanArticle], options: Config, skipped: Sequence[Skipped] = ()
) -> Digest:
    """The digest of articles already cleaned (each with at least one sentence).

    Encodes the sentences once and runs every analysis on them: headline, summary,
    entities, quotes, timeline and the outlet comparison.
    """
    kept_articles = tuple(c.article for c in kept)
    sentences = [sentence for c in kept for sentence in c.sentences]
    if not sentences:
        return Digest("", kept_articles, (), tuple(skipped))
    encoder = TfidfEncoder()
    vectors = encoder.fit_transform([s.text for s in sentences])
    centroid = np.asarray(vectors.mean(axis=0))
    story_entities = extract_entities(kept)
    return Digest(
        headline=choose_headline(kept_articles, encoder, centroid),
        articles=kept_articles,
        summary=summarize(sentences, vectors, kept_articles, options.words),
        skipped=tuple(skipped),
        words=_prose_words(kept),
        entities=story_entities,
        quotes=extract_quotes(kept, story_entities),
        timeline=build_timeline(kept, vectors, options).entries,
        sources=build_comparison(kept, vectors, encoder.vectorizer_.vocabulary_),
    )


def _prose_words(cleaned: Sequence[CleanArticle]) -> dict[str, int]:
    """Words of kept prose per article id."""
    return {c.article.id: sum(word_count(s.text) for s in c.sentences) for c in cleaned}

