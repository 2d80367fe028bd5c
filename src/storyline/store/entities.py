"""People and organisations across stories: an index of each digest's entities and quotes.

A digest names its entities (canonical name, type, aliases, mentions) and its quotes (the
speaker's entity, and the span of the article quoted), but only inside its own JSON. So
that one person's stories and words are found without reading every digest, the entities
and the quotes whose speaker is a known entity are copied into ``story_entities`` and
``story_quotes``, keyed by ``entity_key`` of the canonical name: the same key in every
story. ``index_entities`` copies the rows of every story whose digest changed since
(``entity_index.built_from``); ``entity_profile`` reads one entity's rows by that key
(indexed), never a digest. Quotes keep their ``(article, start, end)``: the page cites them.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, or_, select

from storyline.entities.words import american_spelling
from storyline.store.schema import (
    digests, entity_index, stories, story_entities, story_quotes, storylines,
)

__all__ = [
    "EntityProfile", "EntityQuote", "EntityStory", "entity_key", "entity_profile",
    "find_entities", "index_entities", "storyline_entities",
]

MAX_QUOTES = 200
"""An entity page lists at most this many quotes (newest stories first)."""
MAX_FOUND = 20
"""``find_entities`` returns at most this many entities."""
FOLLOWED_TYPES = ("PERSON", "ORG")
"""The entity types a storyline page lists as people and organisations to follow."""
_NOT_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class EntityStory:
    """A story an entity appears in: its row and how prominent the entity is there."""

    id: str
    headline: str
    storyline: str
    storyline_headline: str
    first_seen: str | None
    last_seen: str | None
    salience: float
    mentions: int
    articles: int


@dataclass(frozen=True)
class EntityQuote:
    """What an entity said, cited: ``text == article.text[start:end]`` of the stored article."""

    story: str
    speaker: str
    article: str
    start: int
    end: int
    text: str
    cue: str
    direct: bool


@dataclass(frozen=True)
class EntityProfile:
    """One entity across the store: names, the stories it appears in (oldest first), quotes."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    stories: tuple[EntityStory, ...]
    quotes: tuple[EntityQuote, ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``GET /api/entities/{id}`` and ``storyline entity --format json``."""
        lines: dict[str, str] = {}
        for story in self.stories:
            lines.setdefault(story.storyline, story.storyline_headline)
        return {
            "id": self.id, "name": self.name, "type": self.type, "aliases": list(self.aliases),
            "stories": [vars(s) for s in self.stories],
            "storylines": [{"id": k, "headline": v} for k, v in lines.items()],
            "quotes": [vars(q) for q in self.quotes],
        }


def entity_key(name: str) -> str:
    """The id of the entity called ``name``: casefolded words in American spelling
    (``entities.words.american_spelling``: one body written both ways is one page) joined
    by ``-``.

    Example:
        >>> entity_key("Jose Angel  Cordova"), entity_key("World Health Organisation")
        ('jose-angel-cordova', 'world-health-organization')
    """
    words = _NOT_WORD.sub(" ", name.casefold()).split()
    return "-".join(american_spelling(word) for word in words)


def index_entities(engine: Engine) -> int:
    """Copy the entities and quotes of every stored digest not indexed as it is now, one
    transaction per story; returns how many stories were indexed."""
    built = func.coalesce(digests.c.articles_hash, "") + "/" + digests.c.digest_key
    with engine.connect() as connection:
        stale = connection.execute(
            select(digests.c.story_id, built)
            .outerjoin(entity_index, entity_index.c.story_id == digests.c.story_id)
            .where(or_(entity_index.c.built_from.is_(None), entity_index.c.built_from != built))
            .order_by(digests.c.story_id)
        ).all()
    for story_id, key in stale:
        with engine.begin() as connection:
            document = connection.scalar(select(digests.c.document).where(digests.c.story_id == story_id))
            if document is not None:
                _write(connection, story_id, key, json.loads(document))
    return len(stale)


def _write(connection: Connection, story_id: str, key: str, document: dict[str, Any]) -> None:
    """Replace the index rows of ``story_id`` with those of its digest ``document``."""
    for table in (story_entities, story_quotes, entity_index):
        connection.execute(delete(table).where(table.c.story_id == story_id))
    rows: dict[str, dict[str, Any]] = {}
    for entity in document.get("entities") or ():
        found = entity_key(entity["name"])
        if found and found not in rows:
            rows[found] = {
                "story_id": story_id, "entity_id": found, "name": entity["name"],
                "type": entity["type"], "aliases": "\n".join(entity.get("aliases") or ()),
                "salience": float(entity["salience"]), "mentions": len(entity["mentions"]),
                "articles": len({m["article"] for m in entity["mentions"]}),
            }
    quotes = [
        {"story_id": story_id, "idx": i, "entity_id": entity_key(q["entity"]), "speaker": q["speaker"],
         "article": q["article"], "start": q["start"], "end": q["end"], "text": q["text"],
         "cue": q["cue"], "direct": bool(q["direct"])}
        for i, q in enumerate(document.get("quotes") or ()) if q.get("entity")
    ]
    if rows:
        connection.execute(story_entities.insert(), list(rows.values()))
    if quotes:
        connection.execute(story_quotes.insert(), quotes)
    connection.execute(entity_index.insert(), [{"story_id": story_id, "built_from": key}])


def find_entities(connection: Connection, name: str) -> list[tuple[str, str, int]]:
    """``(id, name, stories)`` of the entities called ``name`` (or with ``name`` in their id,
    when none is called exactly that), those in the most stories first."""
    key = entity_key(name)
    if not key:
        return []
    count = func.count(story_entities.c.story_id)
    query = select(story_entities.c.entity_id, func.min(story_entities.c.name), count).group_by(
        story_entities.c.entity_id).order_by(count.desc(), story_entities.c.entity_id).limit(MAX_FOUND)
    exact = connection.execute(query.where(story_entities.c.entity_id == key)).all()
    if exact:
        return [tuple(row) for row in exact]  # type: ignore[misc]
    near = connection.execute(query.where(story_entities.c.entity_id.contains(key, autoescape=True)))
    return [tuple(row) for row in near]  # type: ignore[misc]


def entity_profile(connection: Connection, entity_id: str) -> EntityProfile | None:
    """The entity ``entity_id`` across the stored stories (``None`` when no story has it):
    its most used name and type, every alias, its stories oldest first, and its quotes."""
    rows = connection.execute(_stories_of(entity_id)).all()
    if not rows:
        return None
    names = Counter(row.name for row in rows)
    kinds = Counter(row.type for row in rows)
    aliases = sorted({a for row in rows for a in row.aliases.split("\n") if a} - set(names))
    found = tuple(
        EntityStory(row.id, row.headline, row.storyline, row.storyline_headline, row.first_seen,
                    row.last_seen, row.salience, row.mentions, row.articles)
        for row in rows
    )
    quotes = connection.execute(
        select(story_quotes).join(stories, stories.c.id == story_quotes.c.story_id)
        .where(story_quotes.c.entity_id == entity_id)
        .order_by(stories.c.first_seen.desc().nulls_last(), story_quotes.c.story_id, story_quotes.c.idx)
        .limit(MAX_QUOTES)
    )
    said = tuple(EntityQuote(q.story_id, q.speaker, q.article, q.start, q.end, q.text, q.cue, q.direct)
                 for q in quotes)
    return EntityProfile(entity_id, names.most_common(1)[0][0], kinds.most_common(1)[0][0],
                         tuple(aliases), found, said)


def _stories_of(entity_id: str) -> Any:
    """The query of ``entity_id``'s index rows with their stories and storylines, oldest first."""
    return (
        select(stories.c.id, stories.c.headline, stories.c.storyline_id.label("storyline"),
               storylines.c.headline.label("storyline_headline"), stories.c.first_seen,
               stories.c.last_seen, story_entities.c.name, story_entities.c.type,
               story_entities.c.aliases, story_entities.c.salience, story_entities.c.mentions,
               story_entities.c.articles)
        .join(stories, stories.c.id == story_entities.c.story_id)
        .join(storylines, storylines.c.id == stories.c.storyline_id)
        .where(story_entities.c.entity_id == entity_id)
        .order_by(stories.c.first_seen.nulls_last(), stories.c.id)
    )


def storyline_entities(connection: Connection, storyline_id: str, limit: int = MAX_FOUND) -> list[tuple[str, str, str, int]]:
    """``(id, name, type, stories)`` of the people and organisations named in the most
    stories of storyline ``storyline_id`` (then by summed salience), at most ``limit``."""
    count = func.count(story_entities.c.story_id)
    query = (
        select(story_entities.c.entity_id, func.min(story_entities.c.name),
               func.min(story_entities.c.type), count)
        .join(stories, stories.c.id == story_entities.c.story_id)
        .where(stories.c.storyline_id == storyline_id, story_entities.c.type.in_(FOLLOWED_TYPES))
        .group_by(story_entities.c.entity_id)
        .order_by(count.desc(), func.sum(story_entities.c.salience).desc(), story_entities.c.entity_id)
        .limit(limit)
    )
    return [tuple(row) for row in connection.execute(query)]  # type: ignore[misc]
