"""Full-text search over stored articles: SQLite FTS5, or PostgreSQL ``tsvector`` + GIN.

Both index an article's title and its kept sentences (not the boilerplate cleaning
dropped), with English stemming (FTS5 ``porter``; PostgreSQL ``english``). A query is the
words of the user's text, stop words left out, all of which must occur in the article;
punctuation and search operators in the text are taken as plain words, never as syntax.
Results are ranked by BM25 (SQLite) or ``ts_rank`` (PostgreSQL), best first; each carries
the sentence that matches the query best, with its offsets in the article text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, select, text

from storyline.errors import UsageError
from storyline.store.schema import articles, sentences, stories
from storyline.text import STOP_WORDS, analyze, tokens

__all__ = ["SearchHit", "index_articles", "query_words", "search"]

TITLE_WEIGHT = 5.0
"""How much more a word in the title counts than one in the body (SQLite BM25 weight)."""

_INSERT = {
    "sqlite": "INSERT INTO article_fts (article_id, title, body) VALUES (:id, :title, :body)",
    "postgresql": (
        "INSERT INTO article_fts (article_id, document) VALUES (:id, "
        "setweight(to_tsvector('english', :title), 'A') || to_tsvector('english', :body))"
    ),
}
_MATCH = {
    "sqlite": (
        f"SELECT article_id, bm25(article_fts, 0.0, {TITLE_WEIGHT}, 1.0) AS score "
        "FROM article_fts WHERE article_fts MATCH :query ORDER BY score, article_id LIMIT :limit"
    ),
    "postgresql": (
        "SELECT article_id, -ts_rank(document, query) AS score "
        "FROM article_fts, plainto_tsquery('english', :query) AS query "
        "WHERE document @@ query ORDER BY score, article_id LIMIT :limit"
    ),
}


@dataclass(frozen=True)
class SearchHit:
    """One article that matches: where it is filed, and its best-matching sentence.

    ``text == article.text[start:end]`` for the matching sentence (empty when only the
    title matched and ``start == end == 0``).
    """

    article: str
    title: str
    outlet: str
    published: str | None
    story: str
    story_headline: str
    text: str
    start: int
    end: int


def index_articles(connection: Connection, rows: Sequence[dict[str, str]]) -> None:
    """Add ``{"id", "title", "body"}`` rows to the full-text index (in the caller's transaction)."""
    if rows:
        connection.execute(text(_INSERT[connection.dialect.name]), list(rows))


def query_words(query: str) -> list[str]:
    """The words of ``query`` that a search uses (lower case, stop words left out).

    Raises:
        UsageError: no word is left to search for.

    Example:
        >>> query_words("Kerry and the Lavrov-talks?")
        ['kerry', 'lavrov', 'talks']
    """
    kept = [word for word in tokens(query) if word not in STOP_WORDS]
    if not kept:
        raise UsageError(f"nothing to search for in {query!r}: give at least one content word")
    return kept


def search(connection: Connection, query: str, limit: int = 10) -> list[SearchHit]:
    """The ``limit`` best-matching articles for ``query``, best first.

    Raises:
        UsageError: ``query`` has no content word, or ``limit`` is below 1.
    """
    if limit < 1:
        raise UsageError(f"--limit must be at least 1, got {limit}")
    words = query_words(query)
    dialect = connection.dialect.name
    phrase = " ".join(f'"{w}"' for w in words) if dialect == "sqlite" else " ".join(words)
    found = connection.execute(text(_MATCH[dialect]), {"query": phrase, "limit": limit}).all()
    return [_hit(connection, article_id, words) for article_id, _score in found]


def _hit(connection: Connection, article_id: str, words: list[str]) -> SearchHit:
    row = connection.execute(
        select(articles.c.title, articles.c.outlet, articles.c.published, stories.c.id, stories.c.headline)
        .join(stories, stories.c.id == articles.c.story_id)
        .where(articles.c.id == article_id)
    ).one()
    text_, start, end = _best_sentence(connection, article_id, words)
    return SearchHit(article_id, row[0], row[1], row[2], row[3], row[4], text_, start, end)


def _best_sentence(connection: Connection, article_id: str, words: list[str]) -> tuple[str, int, int]:
    """The first kept sentence sharing the most query stems, as ``(text, start, end)``."""
    wanted = set(analyze(" ".join(words)))
    best, best_score = ("", 0, 0), 0
    rows = connection.execute(
        select(sentences.c.text, sentences.c.start, sentences.c.end)
        .where(sentences.c.article_id == article_id)
        .order_by(sentences.c.idx)
    )
    for sentence, start, end in rows:
        score = len(wanted & set(analyze(sentence)))
        if score > best_score:
            best, best_score = (sentence, start, end), score
    return best
