"""Storylines in the store: named by their own content, and read with their stories.

The tracker names a storyline after a story it holds at the time (``storyline.cluster``);
a thread of months then carries the headline of one late episode. ``name_storylines``
gives every storyline whose stories changed the headline of its most central story
(``storyline.cluster.naming.central_story``, over the leads of its stored articles: the
first ``LEAD_SENTENCES`` kept sentences), or, when that story has no headline, its key
entities (``KEY_ENTITIES`` names of highest salience summed over its stories, from the
entity index). The title is stored in ``storylines.headline``, so the stories list, the
API and every page show the same one; ``storylines.title_key`` records the stories (ids
and article hashes) and the title it was derived from, so a storyline is named again
only when its stories change or the tracker wrote its own headline over the title.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, func, select, update

from storyline.cluster.naming import central_story
from storyline.store.digests import articles_hash
from storyline.store.read import StoryRow, list_stories
from storyline.store.schema import articles, sentences, stories, story_entities, storylines

__all__ = ["KEY_ENTITIES", "LEAD_SENTENCES", "StorylineProfile", "name_storylines", "storyline_profile"]

LEAD_SENTENCES = 3
"""The kept sentences of each article that stand for it when stories are compared."""
KEY_ENTITIES = 3
"""How many entity names title a storyline whose central story has no headline."""


@dataclass(frozen=True)
class StorylineProfile:
    """A storyline, its title and its stories, oldest first (undated stories last)."""

    id: str
    headline: str
    stories: tuple[StoryRow, ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``GET /api/storylines/{id}``."""
        dated = [s for s in self.stories if s.first_seen]
        return {
            "id": self.id, "headline": self.headline,
            "first_seen": min((s.first_seen for s in dated), default=None),  # type: ignore[type-var]
            "last_seen": max((s.last_seen or s.first_seen for s in dated), default=None),  # type: ignore[type-var]
            "article_count": sum(s.article_count for s in self.stories),
            "stories": [s.to_dict() for s in self.stories],
        }


def storyline_profile(connection: Connection, storyline_id: str) -> StorylineProfile | None:
    """The storyline ``storyline_id`` with its stories (``None`` when there is none)."""
    headline = connection.scalar(select(storylines.c.headline).where(storylines.c.id == storyline_id))
    if headline is None:
        return None
    rows = list_stories(connection, storyline=storyline_id)
    rows.sort(key=lambda r: (r.first_seen is None, r.first_seen or "", r.id))
    return StorylineProfile(storyline_id, headline, tuple(rows))


def name_storylines(engine: Engine) -> int:
    """Title every storyline whose stories or headline changed since it was titled; how many."""
    with engine.connect() as connection:
        found = connection.execute(
            select(storylines.c.id, storylines.c.headline, storylines.c.title_key,
                   stories.c.id, stories.c.headline, stories.c.articles_hash)
            .join(stories, stories.c.storyline_id == storylines.c.id)
            .order_by(storylines.c.id, stories.c.first_seen.nulls_last(), stories.c.id)
        ).all()
    lines: dict[str, list[Any]] = defaultdict(list)
    for row in found:
        lines[row[0]].append(row)
    done = 0
    for line_id, members in lines.items():
        membership = articles_hash(f"{m[3]}:{m[5]}" for m in members)
        if members[0][2] == _key(membership, members[0][1]):
            continue
        with engine.begin() as connection:
            title = _title(connection, [(m[3], m[4]) for m in members]) or members[0][1]
            connection.execute(update(storylines).where(storylines.c.id == line_id)
                               .values(headline=title, title_key=_key(membership, title)))
        done += 1
    return done


def _key(membership: str, title: str) -> str:
    """What a title was derived from: the storyline's stories and the title written."""
    return articles_hash([membership, title])


def _title(connection: Connection, members: list[tuple[str, str]]) -> str:
    """The headline of the central story of ``members`` (``(id, headline)``, oldest first),
    else their key entities; ``""`` when there is neither."""
    if len(members) == 1:
        return members[0][1] or _key_entities(connection, [members[0][0]])
    leads = _leads(connection, [story_id for story_id, _ in members])
    central = members[central_story([leads.get(story_id, []) for story_id, _ in members])]
    return central[1] or _key_entities(connection, [story_id for story_id, _ in members])


def _leads(connection: Connection, story_ids: list[str]) -> dict[str, list[str]]:
    """Per story, the lead (first ``LEAD_SENTENCES`` kept sentences) of each of its articles."""
    query = (
        select(articles.c.story_id, articles.c.id, sentences.c.text)
        .join(sentences, sentences.c.article_id == articles.c.id)
        .where(articles.c.story_id.in_(story_ids), sentences.c.idx < LEAD_SENTENCES)
        .order_by(articles.c.story_id, articles.c.seq, sentences.c.idx)
    )
    texts: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for story_id, article_id, text in connection.execute(query):
        texts[story_id][article_id].append(text)
    return {story: [" ".join(lead) for lead in by_article.values()] for story, by_article in texts.items()}


def _key_entities(connection: Connection, story_ids: list[str]) -> str:
    """The ``KEY_ENTITIES`` most salient entity names over ``story_ids``, joined by commas."""
    weight = func.sum(story_entities.c.salience)
    names = connection.scalars(
        select(func.min(story_entities.c.name)).where(story_entities.c.story_id.in_(story_ids))
        .group_by(story_entities.c.entity_id).order_by(weight.desc(), story_entities.c.entity_id)
        .limit(KEY_ENTITIES)
    ).all()
    return ", ".join(names)
