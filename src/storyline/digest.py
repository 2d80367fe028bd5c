"""Runs the analyses for one story into a ``Digest``.

Input: the story's articles (and whatever was skipped while reading them); output: the
``Digest`` with headline, cited summary and per-article word counts. Articles with no
prose left after cleaning are moved to ``skipped`` with their reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

from storyline.clean import clean
from storyline.compare import build_comparison
from storyline.config import DEFAULT_WORDS, Options
from storyline.entities import extract_entities
from storyline.errors import UsageError, skip
from storyline.headline import choose_headline
from storyline.model import Article, CleanArticle, Digest, Skipped
from storyline.quotes import extract_quotes
from storyline.represent import TfidfEncoder
from storyline.summarize import summarize
from storyline.text import word_count
from storyline.timeline import build_timeline

__all__ = ["build_digest", "digest"]


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
    return build_digest(list(articles), Options(words=words), skipped)


def build_digest(
    articles: Sequence[Article], options: Options, skipped: Sequence[Skipped] = ()
) -> Digest:
    """``digest`` with a ready ``Options``: clean, encode, summarize, choose the headline."""
    _check_unique_ids(articles)
    cleaned = [clean(article) for article in articles]
    kept = [c for c in cleaned if c.sentences]
    emptied = [skip(c.article.path or c.article.id, "nothing_left") for c in cleaned if not c.sentences]
    kept_articles = tuple(c.article for c in kept)
    sentences = [sentence for c in kept for sentence in c.sentences]
    if not sentences:
        return Digest("", kept_articles, (), (*skipped, *emptied))
    encoder = TfidfEncoder().fit([s.text for s in sentences])
    vectors = encoder.transform([s.text for s in sentences])
    centroid = np.asarray(vectors.mean(axis=0))
    story_entities = extract_entities(kept)
    return Digest(
        headline=choose_headline(kept_articles, encoder, centroid),
        articles=kept_articles,
        summary=summarize(sentences, vectors, kept_articles, options.words),
        skipped=(*skipped, *emptied),
        words=_prose_words(kept),
        entities=story_entities,
        quotes=extract_quotes(kept, story_entities),
        timeline=build_timeline(kept, vectors, options).entries,
        sources=build_comparison(kept, vectors, encoder.vectorizer_.vocabulary_),
    )


def _prose_words(cleaned: Sequence[CleanArticle]) -> dict[str, int]:
    """Words of kept prose per article id."""
    return {c.article.id: sum(word_count(s.text) for s in c.sentences) for c in cleaned}


def _check_unique_ids(articles: Sequence[Article]) -> None:
    repeated = [article_id for article_id, n in Counter(a.id for a in articles).items() if n > 1]
    if repeated:
        raise UsageError(f"article ids must be unique; repeated: {', '.join(repeated[:5])}")
