"""The data model every stage passes on: plain frozen dataclasses, no analysis logic.

Spans point into ``Article.text`` exactly as it was read, so a reader can always check
``article.text[start:end] == sentence.text``.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date, datetime
from typing import Any

__all__ = [
    "Article",
    "CleanArticle",
    "Clustering",
    "Comparison",
    "Conflict",
    "ConflictSide",
    "Copy",
    "DatedSentence",
    "Digest",
    "Entity",
    "EntityList",
    "Fact",
    "Mention",
    "Outlet",
    "Quote",
    "QuoteList",
    "Removed",
    "Sentence",
    "SharedPassage",
    "Skipped",
    "Span",
    "Story",
    "StoryComparison",
    "Storyline",
    "SummarySentence",
    "TimeExpression",
    "Timeline",
    "TimelineEntry",
]

SCHEMA = "storyline.digest/1"


@dataclass(frozen=True)
class Article:
    """One news article as read from its source.

    ``text`` is the full text as read (title line and boilerplate included); cleaning
    never changes it. ``published`` is a ``date`` or ``datetime`` when known. When no
    ``id`` is given, one is derived from the text so that it is stable across runs.
    """

    text: str
    id: str = ""
    title: str = ""
    source: str = ""
    url: str = ""
    published: date | datetime | None = None
    path: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError(f"Article.text must be str, got {type(self.text).__name__}")
        if not self.id:
            digest = hashlib.sha1(self.text.encode("utf-8", "surrogatepass")).hexdigest()
            object.__setattr__(self, "id", f"sha1-{digest[:16]}")


@dataclass(frozen=True)
class Skipped:
    """An input that was not used, and why (``line`` is set for one line of a JSONL file)."""

    path: str
    reason: str
    code: str
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "reason": self.reason, "code": self.code, "line": self.line}


@dataclass(frozen=True)
class Sentence:
    """A kept sentence: ``text == article.text[start:end]``; ``index`` counts kept sentences."""

    article: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True)
class Removed:
    """A span of an article's text that cleaning dropped, with the rule that dropped it."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class CleanArticle:
    """An article with its kept sentences and the boilerplate spans removed from it."""

    article: Article
    sentences: tuple[Sentence, ...]
    removed: tuple[Removed, ...]


@dataclass(frozen=True)
class SummarySentence:
    """A summary sentence: a span of one article plus every article reporting the same fact.

    ``citations`` starts with ``article`` itself; ``cited`` holds, in the same order, the
    span of each cited article's sentence that reports the fact (the first is this one).
    """

    text: str
    article: str
    start: int
    end: int
    citations: tuple[str, ...]
    cited: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Mention:
    """One place an entity is named: ``text == article.text[start:end]``."""

    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    """A person, organisation, place or other named thing, merged across articles.

    ``type`` is PERSON, ORG, GPE (a place), FACILITY (a dam, bridge, airport ...) or OTHER;
    ``aliases`` are the other names it goes by;
    ``salience`` (0 to 1) ranks entities within the story.
    """

    name: str
    type: str
    aliases: tuple[str, ...]
    salience: float
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class Quote:
    """Who said what: ``text == article.text[start:end]`` is the quoted or reported content.

    ``speaker`` is the speaker as named in the article (or ``""`` when unknown), ``entity``
    the canonical name of the matching ``Entity`` (or ``None``), ``cue`` the verb or phrase
    that attributes it, and ``direct`` whether the content is inside quotation marks.
    ``addressee`` is who was told (``warned Russia that ...``: "Russia"; ``""`` when none),
    ``resolved`` is False for a pronoun speaker no named speaker could be found for (kept
    here, left out of the who-said-what view), and ``variants`` are the same statement in
    other articles, reworded or not (each a ``Span``).
    """

    speaker: str
    entity: str | None
    text: str
    article: str
    start: int
    end: int
    cue: str
    direct: bool
    addressee: str = ""
    resolved: bool = True
    variants: tuple[Span, ...] = ()


@dataclass(frozen=True)
class TimeExpression:
    """A date reference in an article: ``text == article.text[start:end]``.

    ``date`` is the first day of the period it names (``None`` when it cannot be resolved);
    ``granularity`` is ``day``, ``week`` (``date`` is that week's Monday), ``month`` or
    ``year``.
    """

    article: str
    start: int
    end: int
    text: str
    date: date | None
    granularity: str


@dataclass(frozen=True)
class DatedSentence:
    """A timeline sentence: ``text == article.text[start:end]``, ``citations`` own id first.

    ``date_start``/``date_end`` span the expression that dated it in the same article,
    or are ``None`` when it was dated by its article's publication date. ``cited`` holds,
    in ``citations`` order, the span of each cited article's sentence reporting the fact.
    """

    text: str
    article: str
    start: int
    end: int
    citations: tuple[str, ...]
    date_start: int | None = None
    date_end: int | None = None
    cited: tuple[Span, ...] = ()


@dataclass(frozen=True)
class TimelineEntry:
    """One date of a story's timeline and the sentences saying what happened on it."""

    date: date
    sentences: tuple[DatedSentence, ...]


@dataclass(frozen=True)
class Timeline:
    """A dated timeline of one story, with notes on how dates were found and what was skipped."""

    entries: tuple[TimelineEntry, ...]
    notes: tuple[str, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    headline: str = ""
    """The story's headline (``StoryDocument.headline``), or ``""``."""
    articles: tuple[Article, ...] = ()
    """The articles the timeline was drawn from (the sources its citations number)."""

    def to_dict(self) -> dict[str, Any]:
        """``{"headline", "timeline": [{"date", "sentences": [...]}], "notes", "skipped"}``."""
        return {
            "headline": self.headline,
            "timeline": [_json(entry) for entry in self.entries],
            "notes": list(self.notes),
            "skipped": [s.to_dict() for s in self.skipped],
        }


@dataclass(frozen=True)
class Span:
    """A stretch of one article's text: ``text == article.text[start:end]``."""

    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Outlet:
    """One outlet's part in a story.

    ``unique_facts`` counts the facts no other outlet reports; ``shared`` is the share
    (0 to 1) of its prose words found in passages it shares with other outlets.
    """

    name: str
    articles: tuple[str, ...]
    words: int
    unique_facts: int
    shared: float


@dataclass(frozen=True)
class Fact:
    """One fact and every sentence reporting it; the first span is the representative.

    ``outlets`` are the distinct outlets whose articles report it, most sentences first.
    """

    text: str
    article: str
    start: int
    end: int
    outlets: tuple[str, ...]
    support: tuple[Span, ...]


@dataclass(frozen=True)
class ConflictSide:
    """One side of a conflict: the sentence (``start``/``end``) and the value in it.

    ``value == article.text[value_start:value_end]``.
    """

    article: str
    outlet: str
    start: int
    end: int
    text: str
    value: str
    value_start: int
    value_end: int


@dataclass(frozen=True)
class Conflict:
    """The same fact told with different values.

    ``kind`` is ``number``, ``date`` or ``actor``; ``about`` names what the values stand
    for (the noun after a number, ``date``, or the role of a name).
    """

    kind: str
    about: str
    sides: tuple[ConflictSide, ...]


@dataclass(frozen=True)
class SharedPassage:
    """Text two articles share: ``first`` in one article, ``second`` in the other."""

    first: Span
    second: Span


@dataclass(frozen=True)
class Copy:
    """Two articles sharing text (syndication, wire copy, a spun rewrite).

    ``kind`` is ``copy`` (most of the shorter article, word for word), ``partial``
    (a large part), ``rewrite`` (sentence by sentence, reworded) or ``passages`` (a few
    long passages, such as the same wire quotes); ``shared`` is the share (0 to 1) of
    the shorter article's prose words found in the other.
    """

    first: str
    second: str
    kind: str
    shared: float
    passages: tuple[SharedPassage, ...]


@dataclass(frozen=True)
class Comparison:
    """How the outlets of one story compare (the digest's ``sources`` key)."""

    outlets: tuple[Outlet, ...]
    corroborated: tuple[Fact, ...]
    single_source: tuple[Fact, ...]
    conflicts: tuple[Conflict, ...]
    copies: tuple[Copy, ...]

    def to_dict(self) -> dict[str, Any]:
        """``{"outlets", "corroborated", "single_source", "conflicts", "copies"}`` as lists."""
        return {
            "outlets": [_json(o) for o in self.outlets],
            "corroborated": [_json(f) for f in self.corroborated],
            "single_source": [_json(f) for f in self.single_source],
            "conflicts": [_json(c) for c in self.conflicts],
            "copies": [_json(c) for c in self.copies],
        }


@dataclass(frozen=True)
class Digest:
    """Everything storyline says about one story; ``to_dict`` gives the JSON contract."""

    headline: str
    articles: tuple[Article, ...]
    summary: tuple[SummarySentence, ...]
    skipped: tuple[Skipped, ...] = ()
    words: dict[str, int] = field(default_factory=dict)
    timeline: tuple[TimelineEntry, ...] | None = None
    entities: tuple[Entity, ...] | None = None
    quotes: tuple[Quote, ...] | None = None
    sources: Comparison | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the ``storyline.digest/1`` JSON object (see ``docs/digest-json.md``).

        The analyses added after version 1 (``timeline``, ``entities``, ``quotes``) appear
        as lists of JSON objects when they were run (``None`` means not run).
        """
        data = {
            "schema": SCHEMA,
            "headline": self.headline,
            "articles": [_article_dict(a, self.words.get(a.id, 0)) for a in self.articles],
            "summary": [
                {
                    "text": s.text,
                    "article": s.article,
                    "start": s.start,
                    "end": s.end,
                    "citations": list(s.citations),
                    "cited": [_json(span) for span in s.cited],
                }
                for s in self.summary
            ],
            "skipped": [s.to_dict() for s in self.skipped],
        }
        for key in ("timeline", "entities", "quotes"):
            items = getattr(self, key)
            if items is not None:
                data[key] = [_json(item) for item in items]
        if self.sources is not None:
            data["sources"] = self.sources.to_dict()
        return data


def _json(value: Any) -> Any:
    """A result dataclass as a JSON-ready dict (tuples become lists, dates ISO strings).

    Walks the fields itself: ``dataclasses.asdict`` deep-copies every leaf, which cost a
    digest of many articles seconds.
    """
    if is_dataclass(value) and not isinstance(value, type):
        return {name: _json(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, dict):
        return {key: _json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


@functools.cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))


def _article_dict(article: Article, words: int) -> dict[str, Any]:
    published = article.published.isoformat() if article.published else None
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": published,
        "path": article.path,
        "text": article.text,
        "words": words,
    }


@dataclass(frozen=True)
class Story:
    """One event or development: the articles that report it, in publication order."""

    id: str
    headline: str
    articles: tuple[str, ...]
    storyline: str
    first_seen: date | datetime | None = None
    last_seen: date | datetime | None = None


@dataclass(frozen=True)
class Storyline:
    """A thread of stories over weeks or months, oldest story first."""

    id: str
    headline: str
    stories: tuple[str, ...]


@dataclass(frozen=True)
class EntityList:
    """The entities of one story, most salient first, the articles skipped and any notes."""

    entities: tuple[Entity, ...]
    skipped: tuple[Skipped, ...] = ()
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """``{"entities": [...], "notes", "skipped"}``: the ``entities --format json`` object."""
        return {"entities": [_json(e) for e in self.entities], **_reported(self.skipped, self.notes)}


@dataclass(frozen=True)
class QuoteList:
    """The quotes of one story in article and reading order, the articles skipped and notes."""

    quotes: tuple[Quote, ...]
    skipped: tuple[Skipped, ...] = ()
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """``{"quotes": [...], "notes", "skipped"}``: the ``quotes --format json`` object."""
        return {"quotes": [_json(q) for q in self.quotes], **_reported(self.skipped, self.notes)}


@dataclass(frozen=True)
class StoryComparison:
    """What ``compare`` returns: the outlet comparison (``sources``, as embedded in a
    ``Digest``), the story's headline, the articles skipped and any notes."""

    sources: Comparison
    headline: str = ""
    skipped: tuple[Skipped, ...] = ()
    notes: tuple[str, ...] = ()
    articles: tuple[Article, ...] = ()
    """The articles compared (the sources its items number)."""

    def to_dict(self) -> dict[str, Any]:
        """``{"headline", "sources": {...}, "notes", "skipped"}``: the ``compare --format json``
        object; ``sources`` is exactly the digest's ``sources``."""
        return {"headline": self.headline, "sources": self.sources.to_dict(),
                **_reported(self.skipped, self.notes)}


@dataclass(frozen=True)
class Clustering:
    """Stories (oldest first) and their storylines (oldest first), the articles skipped and
    any notes; every article not skipped is in exactly one story."""

    stories: tuple[Story, ...]
    storylines: tuple[Storyline, ...]
    skipped: tuple[Skipped, ...] = ()
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """``{"stories": [...], "storylines": [...], "notes", "skipped"}`` (dates ISO or null):
        the ``cluster --format json`` object."""
        return {
            "stories": [_json(s) for s in self.stories],
            "storylines": [_json(line) for line in self.storylines],
            **_reported(self.skipped, self.notes),
        }


def _reported(skipped: tuple[Skipped, ...], notes: tuple[str, ...]) -> dict[str, Any]:
    """The ``notes`` and ``skipped`` keys every analysis result's JSON ends with."""
    return {"notes": list(notes), "skipped": [s.to_dict() for s in skipped]}
