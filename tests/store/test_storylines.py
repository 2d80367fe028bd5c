"""Storylines titled by their own content, and people and organisations followed across
stories, on real coverage: the first 60 H1N1_bbc articles of Timeline17 (``h1n1_db``)."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import update

from storyline.cluster.naming import central_story
from storyline.store import Store, entity_key
from storyline.store.schema import storylines
from storyline.store.storylines import _leads


def _longest(store: Store) -> str:
    """The storyline with the most stories."""
    return Counter(row.storyline for row in store.stories()).most_common(1)[0][0]


def test_store_storyline_is_titled_by_its_central_story_not_its_newest(h1n1_db: str) -> None:
    with Store(h1n1_db) as store:
        line = store.storyline(_longest(store))
        assert line is not None and len(line.stories) >= 5
        with store.engine.connect() as connection:
            leads = _leads(connection, [s.id for s in line.stories])
        central = line.stories[central_story([leads.get(s.id, []) for s in line.stories])]
        newest = max(line.stories, key=lambda s: s.last_seen or "")
        assert line.headline == central.headline != newest.headline
        assert [s.first_seen for s in line.stories] == sorted(s.first_seen for s in line.stories)
        assert {row.storyline_headline for row in store.stories() if row.storyline == line.id} == {line.headline}


def test_store_storyline_title_is_kept_until_its_stories_change(h1n1_db: str, tmp_path) -> None:
    copy = tmp_path / "copy.db"
    copy.write_bytes(open(h1n1_db, "rb").read())
    with Store(copy) as store:
        line_id = _longest(store)
        title = store.storyline(line_id).headline
        with store.engine.begin() as connection:  # what the tracker's writer does on a new batch
            connection.execute(update(storylines).where(storylines.c.id == line_id).values(headline="tracker"))
        store.derive()
        assert store.storyline(line_id).headline == title
        assert store.check() == []


def test_store_entity_quotes_are_exact_spans_of_stored_articles(h1n1_db: str) -> None:
    with Store(h1n1_db) as store:
        profile = store.entity("jose-angel-cordova")
        assert profile is not None and profile.type == "PERSON" and "Cordova" in profile.aliases
        assert len(profile.quotes) >= 5
        for quote in profile.quotes:
            article = store.article(quote.article)
            assert article is not None and article.article.text[quote.start:quote.end] == quote.text
        digest = store.digest(profile.stories[0].id)
        said = [q for q in digest.quotes if q.entity and entity_key(q.entity) == profile.id]
        assert [(q.article, q.start, q.end) for q in said] == [
            (q.article, q.start, q.end) for q in profile.quotes if q.story == profile.stories[0].id]


def test_store_entity_lists_every_story_naming_it_oldest_first(h1n1_db: str) -> None:
    with Store(h1n1_db) as store:
        profile = store.entity(entity_key("World Health Organization"))
        assert profile is not None and len(profile.stories) >= 3
        naming = [row.id for row in store.stories()
                  if any(entity_key(e.name) == profile.id for e in store.digest(row.id).entities)]
        assert sorted(s.id for s in profile.stories) == sorted(naming)
        days = [s.first_seen for s in profile.stories]
        assert days == sorted(days)
        assert store.find_entities("World Health Organization")[0][0] == profile.id
        assert store.entity("nobody-at-all") is None
