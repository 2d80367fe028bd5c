"""An outlet's banner (a lead line on top of its pages about unrelated stories) stays out of digests."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import select

from storyline.evaluate.timeline17 import load_topic
from storyline.model import Article
from storyline.store import Store
from storyline.store.banners import BANNER_STORIES
from storyline.store.engine import MIGRATIONS
from storyline.store.schema import articles

BANNER = "2 men charged in death of Chicago teen who performed in inauguration event ."
"""The trending link CNN's crawl put on top of its pages in early 2011 (Timeline17)."""


def _cnn_pages(shared_data: Path) -> list[Article]:
    """The EgyptianProtest_cnn pages of three weeks, the outlet named, in publication order."""
    found = load_topic(shared_data / "timeline17" / "EgyptianProtest_cnn").articles
    return [replace(a, source="CNN") for a in sorted(found, key=lambda a: (a.published, a.path))
            if a.published and a.published.isoformat() < "2011-02-15"]


def test_banners_a_line_on_top_of_many_stories_is_left_out_of_their_digests(tmp_path: Path, shared_data: Path) -> None:
    pages = _cnn_pages(shared_data)
    bannered = [a for a in pages if a.text.startswith(BANNER[:30])]
    assert len(bannered) >= 10
    with Store(tmp_path / "cnn.db", create=True) as store:
        store.ingest(pages, digests=False)
        homes = {store.article(a.id).story for a in bannered}
        assert len(homes) >= BANNER_STORIES  # the banner tops pages of unrelated stories
        for story_id in homes:
            kept = store.sentences(story_id)
            assert all(s.text != BANNER for sentences in kept.values() for s in sentences)
            assert all(kept[a.id] for a in bannered if a.id in kept)  # their news is still there
        biggest = max(homes, key=lambda s: len(store.sentences(s)))
        digest = store.digest(biggest)
        assert "Chicago teen" not in digest.headline
        assert all("Chicago teen" not in s.text for s in digest.summary)
        assert store.article(bannered[0].id).article.text.startswith(BANNER[:30])  # the text is kept whole


def test_banners_a_lead_shared_inside_one_story_is_kept(tmp_path: Path, seed_articles: list[Article]) -> None:
    lead = seed_articles[0]
    copies = [replace(lead, id=f"copy-{i}", source="Daily Ledger", url="", text=lead.text + f"\nUpdate {i} .")
              for i in range(BANNER_STORIES + 1)]
    with Store(tmp_path / "one.db", create=True) as store:
        store.ingest(copies, digests=False)
        story_id = store.article("copy-0").story
        kept = store.sentences(story_id)
        assert {store.article(c.id).story for c in copies} == {story_id}
        assert all(kept[c.id][0].index == 0 for c in copies)


def test_banners_migration_0007_hashes_the_leads_of_stored_articles(tmp_path: Path, seed_articles: list[Article]) -> None:
    db = tmp_path / "m.db"
    with Store(db, create=True) as store:
        store.ingest(seed_articles, digests=False)
        with store.engine.connect() as connection:
            written = dict(connection.execute(select(articles.c.id, articles.c.lead_hash)).all())
        config = AlembicConfig()
        config.set_main_option("script_location", str(MIGRATIONS))
        with store.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0006")
    with Store(db) as store, store.engine.connect() as connection:
        assert store.version == "0007"
        assert dict(connection.execute(select(articles.c.id, articles.c.lead_hash)).all()) == written
    assert len(written) == len(seed_articles) and all(written.values())
