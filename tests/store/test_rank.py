"""Stored counts and the "top" order: the writer keeps them, migration 0004 fills them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import select

from storyline.clean.prose import clean
from storyline.model import Article, Story, Storyline
from storyline.store import Store, StoryQuery
from storyline.store.engine import MIGRATIONS
from storyline.store.schema import stories
from storyline.store.writer import Batch, take_headline, write_batch

DAYS = ("2016-09-09", "2016-09-16", "2016-09-30", None)
"""The last day of each of four stories; the last is undated."""


def _write(store: Store, seed_articles: list[Article], sizes: tuple[int, ...]) -> None:
    """Stories s0.. of ``sizes`` seed articles each (outlets: 'Wire' or unknown), with ``DAYS``."""
    batch, seq, taken = Batch(), 1, iter(seed_articles)
    for k, (size, day) in enumerate(zip(sizes, DAYS, strict=True)):
        ids = []
        for n in range(size):
            article = next(taken)
            published = date.fromisoformat(day) if day else None
            article = Article(article.text, id=article.id, source="Wire" if n % 2 else "", published=published)
            batch.cleaned.append(clean(article))
            batch.seqs[article.id], batch.home[article.id] = seq, f"s{k}"
            seq, ids = seq + 1, [*ids, article.id]
        moment = date.fromisoformat(day) if day else None
        batch.stories.append(Story(f"s{k}", f"story {k}", tuple(ids), "l", moment, moment))
    batch.storylines.append(Storyline("l", "line", tuple(s.id for s in batch.stories)))
    with store.engine.begin() as connection:
        write_batch(connection, batch)


def test_rank_top_order_weighs_size_and_recency_undated_last(tmp_path: Path, seed_articles) -> None:
    with Store(tmp_path / "r.db", create=True) as store:
        _write(store, seed_articles, (2, 1, 1, 1))
        rows = store.stories(query=StoryQuery())
        counts = {r.id: (r.article_count, r.outlet_count, r.unknown_outlets) for r in rows}
        assert counts == {"s0": (2, 1, 1), "s1": (1, 0, 1), "s2": (1, 0, 1), "s3": (1, 0, 1)}
        assert [r.id for r in rows] == ["s2", "s0", "s1", "s3"]  # s0: bigger, two weeks older
        assert [r.id for r in store.stories(query=StoryQuery(sort="recent"))] == ["s2", "s1", "s0", "s3"]
        pages = [r.id for k in range(4) for r in store.stories(1, k, query=StoryQuery())]
        assert pages == [r.id for r in rows] and store.story_count(StoryQuery(outlet="wire")) == 1


def test_rank_stored_headline_stays_the_digests_while_the_articles_do(tmp_path: Path, seed_articles) -> None:
    with Store(tmp_path / "h.db", create=True) as store:
        _write(store, seed_articles, (2, 1, 1, 1))
        with store.engine.begin() as connection:
            take_headline(connection, "s0", "The digest's headline")
            again = Batch(stories=[Story("s0", "tracker headline", ("000_fedc441ce172bc4f", "001_d4b8a26fefebb67f"),
                                         "l", None, None)], storylines=[Storyline("l", "line", ("s0",))])
            write_batch(connection, again)  # same articles, story rewritten (a storyline change, say)
            assert connection.scalar(select(stories.c.headline).where(stories.c.id == "s0")) == "The digest's headline"


def test_rank_migration_0006_fills_the_counts_of_stored_stories(tmp_path: Path, seed_articles) -> None:
    db = tmp_path / "m.db"
    with Store(db, create=True) as store:
        _write(store, seed_articles, (2, 1, 1, 1))
        before = [(r.id, r.article_count, r.outlet_count, r.unknown_outlets) for r in store.stories(query=StoryQuery())]
        config = AlembicConfig()
        config.set_main_option("script_location", str(MIGRATIONS))
        with store.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0005")
    with Store(db) as store:
        assert store.version == "0007"
        assert [(r.id, r.article_count, r.outlet_count, r.unknown_outlets)
                for r in store.stories(query=StoryQuery())] == before
