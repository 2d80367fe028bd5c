"""Runs the analyses for one story into a ``Digest``.

Input: the story's articles (and whatever was skipped while reading them), made into one
``StoryDocument`` (``storyline.represent.document``); output: the ``Digest`` with headline,
cited summary, timeline, entities, quotes, outlet comparison and per-article word counts.
Articles with no prose left after cleaning are moved to ``skipped`` with their reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from storyline.compare.comparison import build_comparison
from storyline.config import DEFAULT_WORDS, Config
from storyline.entities.extract import extract_entities
from storyline.model import Article, CleanArticle, Digest, Skipped
from storyline.quotes.extract import extract_quotes
from storyline.represent.document import StoryDocument, build_document, document_of
from storyline.summary.summarize import summarize
from storyline.text import word_count
from storyline.timeline.build import build_timeline

__all__ = ["build_digest", "digest", "digest_document", "digest_story"]


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
    """``digest`` with a ready ``Config``: build the story document, then ``digest_document``."""
    return digest_document(build_document(articles, skipped), options)


def digest_story(
    kept: Sequence[CleanArticle], options: Config, skipped: Sequence[Skipped] = ()
) -> Digest:
    """The digest of articles already cleaned (as stored at ingest)."""
    return digest_document(document_of(kept, skipped), options)


def digest_document(doc: StoryDocument, options: Config) -> Digest:
    """Every analysis of one story document: headline, summary, entities, quotes, timeline
    and the outlet comparison, each reading the same sentences and vectors."""
    if not doc.sentences:
        return Digest("", doc.articles, (), doc.skipped)
    story_entities = extract_entities(doc.cleaned)
    return Digest(
        headline=doc.headline,
        articles=doc.articles,
        summary=summarize(doc, options.words),
        skipped=doc.skipped,
        words=_prose_words(doc.cleaned),
        entities=story_entities,
        quotes=extract_quotes(doc.cleaned, story_entities),
        timeline=build_timeline(doc, options).entries,
        sources=build_comparison(doc),
    )


def _prose_words(cleaned: Sequence[CleanArticle]) -> dict[str, int]:
    """Words of kept prose per article id."""
    return {c.article.id: sum(word_count(s.text) for s in c.sentences) for c in cleaned}
