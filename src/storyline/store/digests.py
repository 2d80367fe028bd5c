"""Stored digests: the hash that says when one is stale, and JSON back to a ``Digest``.

A story's digest is stored as its ``storyline.digest/1`` JSON together with the hash of
the article ids it was built from (``articles_hash``) and the ``Config.digest_key()`` it
was built with, when, and from how many articles and outlets (``Built``); it is rebuilt
when the database's config's key differs, or when the story's articles changed enough to
matter (``owes_rebuild``: a new outlet, a growth step, or an age bound), so a story growing
by a few articles a batch is not digested again from scratch each time
(``storyline.store.read``). ``digest_from_dict`` turns the stored JSON back into the ``Digest``
the renderers take, following the type annotations of ``storyline.model``, so analyses
added to the digest later come back as their dataclasses without code here.
"""

from __future__ import annotations

import functools
import hashlib
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from storyline import model
from storyline.model import Article, Digest

__all__ = [
    "GROWTH_STEP", "MAX_AGE", "Built", "articles_hash", "built_now", "digest_from_dict",
    "owes_rebuild", "parse_moment",
]

GROWTH_STEP = 1.25
"""A story with this many times the articles its digest was built from gets a new digest."""
MAX_AGE = timedelta(hours=1)
"""A digest older than this is rebuilt as soon as its story has changed at all."""


@dataclass(frozen=True)
class Built:
    """What a stored digest was built from (a row of ``schema.digests``).

    Attributes:
        articles_hash: ``articles_hash`` of the article ids it was built from.
        digest_key: the ``Config.digest_key()`` it was built with.
        articles: how many articles the story had then (0: not recorded).
        outlets: how many outlets (``ingest.names.outlet_key``) the story had then.
        at: when it was built, ISO 8601 UTC (``""``: not recorded).
    """

    articles_hash: str
    digest_key: str
    articles: int = 0
    outlets: int = 0
    at: str = ""


def built_now() -> str:
    """The current time as stored in ``Built.at`` (ISO 8601 UTC, to the second)."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def owes_rebuild(built: Built | None, now: Built) -> bool:
    """Whether a story whose articles, outlets and key are ``now`` needs a new digest.

    A digest is rebuilt when there is none, when the options or code it was built with
    changed (``digest_key``), or when its story's articles changed enough to matter: a new
    outlet, ``GROWTH_STEP`` times the articles, fewer articles than before, or any change
    once the digest is ``MAX_AGE`` old (``now.at`` is the time now). A digest that did not
    record its counts is rebuilt on any change.

    Example:
        >>> old = Built("h1", "k", articles=40, outlets=3, at="2024-05-01T10:00:00+00:00")
        >>> owes_rebuild(old, Built("h2", "k", 45, 3, "2024-05-01T10:20:00+00:00"))
        False
        >>> owes_rebuild(old, Built("h2", "k", 45, 4, "2024-05-01T10:20:00+00:00"))
        True
    """
    if built is None or built.digest_key != now.digest_key:
        return True
    if built.articles_hash == now.articles_hash:
        return False
    if not built.articles or not built.at or now.outlets > built.outlets:
        return True
    if now.articles < built.articles or now.articles >= built.articles * GROWTH_STEP:
        return True
    return datetime.fromisoformat(now.at) - datetime.fromisoformat(built.at) >= MAX_AGE


def articles_hash(article_ids: Iterable[str]) -> str:
    """SHA-1 of the sorted article ids: equal exactly when the set of articles is equal.

    Example:
        >>> articles_hash(["b", "a"]) == articles_hash(["a", "b"])
        True
    """
    joined = "\n".join(sorted(article_ids))
    return hashlib.sha1(joined.encode("utf-8", "surrogatepass")).hexdigest()


def parse_moment(value: str | None) -> date | datetime | None:
    """An ISO date or date-time string back to a ``date`` or ``datetime`` (``None`` stays).

    Example:
        >>> parse_moment("2016-09-09"), parse_moment("2016-09-09T10:30:00").hour
        (datetime.date(2016, 9, 9), 10)
    """
    if not value:
        return None
    if len(value) <= len("YYYY-MM-DD"):
        return date.fromisoformat(value)
    return datetime.fromisoformat(value)


def digest_from_dict(data: dict[str, Any]) -> Digest:
    """The ``Digest`` whose ``to_dict()`` is ``data`` (a stored ``storyline.digest/1`` object).

    Raises:
        KeyError, TypeError, ValueError: ``data`` is not a digest written by ``to_dict``.
    """
    hints = _hints(Digest)
    values: dict[str, Any] = {
        "headline": data["headline"],
        "articles": tuple(_decode(Article, item) for item in data["articles"]),
        "words": {item["id"]: item.get("words", 0) for item in data["articles"]},
    }
    for name in ("summary", "skipped", "timeline", "entities", "quotes", "sources"):
        if name in data:
            values[name] = _decode(hints[name], data[name])
    return Digest(**values)


def _decode(hint: Any, value: Any) -> Any:
    """``value`` (plain JSON) as the type ``hint`` describes."""
    if value is None or hint is Any:
        return value
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return _decode_union(typing.get_args(hint), value)
    if origin is tuple:
        item_hint = typing.get_args(hint)[0]
        return tuple(_decode(item_hint, item) for item in value)
    if origin is dict:
        _key, item_hint = typing.get_args(hint)
        return {key: _decode(item_hint, item) for key, item in value.items()}
    if is_dataclass(hint):
        return _decode_dataclass(hint, value)
    if hint in (date, datetime):
        return parse_moment(value)
    return value


def _decode_union(options: tuple[Any, ...], value: Any) -> Any:
    options = tuple(option for option in options if option is not type(None))
    if any(option in (date, datetime) for option in options) and isinstance(value, str):
        return parse_moment(value)
    return _decode(options[0], value) if len(options) == 1 else value


@functools.cache
def _hints(cls: Any) -> dict[str, Any]:
    """The resolved type annotations of a ``storyline.model`` class (resolved once: slow)."""
    return typing.get_type_hints(cls, vars(model))


def _decode_dataclass(cls: Any, value: dict[str, Any]) -> Any:
    hints = _hints(cls)
    known = {f.name for f in fields(cls)}
    return cls(**{k: _decode(hints[k], v) for k, v in value.items() if k in known})
