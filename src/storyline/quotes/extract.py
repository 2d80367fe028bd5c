"""Who said what: quotes and reported speech, with speakers resolved to the story's entities.

``quotes(articles)`` cleans each article, finds attributions in its kept sentences
(``attribution.find_attributions``) and resolves each speaker phrase: a name in it is
matched to the story's entities (people first, then organisations, then places); "he" or
"she" goes back to the last person who spoke, else the last person named, before it, "it"
and "they" to the last organisation or country that spoke (a pronoun with no such speaker is kept,
marked unresolved, as is an indefinite description naming no one: "a statement", "an
official"); "who" to the name right before it; a phrase that names no one and is
no speaker description ("Food aid", "their information") is not a speaker, and its item
is dropped; a definite description ("the secretary", "the spokesman") goes to the person last mentioned
of those named with that title before it ("Secretary of State John Kerry"). The same
statement in several articles is one item (``merge``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import islice, takewhile

from storyline.quotes.attribution import Attribution, find_attributions
from storyline.quotes.filter import kept
from storyline.quotes.merge import one_per_statement
from storyline.quotes.speakers import speaker_like
from storyline.quotes.words import PRONOUNS
from storyline.clean.prose import clean_story
from storyline.entities.extract import extract_entities
from storyline.entities.words import PERSON_TITLES
from storyline.model import Article, CleanArticle, Entity, Quote, QuoteList

__all__ = ["article_attributions", "candidates", "extract_quotes", "quotes"]

TYPE_ORDER = {"PERSON": 0, "ORG": 1, "GPE": 2, "FACILITY": 3, "OTHER": 4}
PRONOUN_KINDS = {
    **dict.fromkeys(("he", "she", "his", "her"), frozenset({"PERSON"})),
    **dict.fromkeys(("it", "its"), frozenset({"ORG", "GPE"})),
    **dict.fromkeys(("they", "their", "we"), frozenset({"ORG", "GPE"})),
}
"""Pronoun speakers and the entity types they may stand for: "he" a person, "it" an
organisation or a country; "they" a group, never a single person (number agreement)."""
WHO_GAP = 60
"""``Selma Brandt, who ...``: the name may stand this many characters before "who"."""
ROLE_DESCRIPTION = re.compile(r"(?:the|this)\s+(?:[\w-]+\s+){0,2}?([a-z]+)", re.IGNORECASE)
"""``the secretary``, ``the State Department spokesman``: a definite description ending
in a role word."""
ROLE_WINDOW = 40
"""How far before a name (or after it, past a comma) its title is looked for."""
RECENT_SPEAKER_CHARS = 500
"""A person who spoke this close before "he said" is taken as "he"."""


def quotes(articles: Iterable[Article]) -> QuoteList:
    """The quotes of one story's ``articles``, in article and reading order (``QuoteList.quotes``).

    Articles with no prose left after cleaning are listed under ``skipped``.

    Raises:
        UsageError: two articles share an id.

    Example:
        >>> a = Article(id="a", text='"We will not stop the talks," John Kirby said on Monday.')
        >>> [(q.entity, q.text, q.direct) for q in quotes([a]).quotes]
        [('John Kirby', 'We will not stop the talks', True)]
    """
    kept, skipped = clean_story(list(articles))
    return QuoteList(extract_quotes(kept, extract_entities(kept)), skipped)


def extract_quotes(cleaned: Sequence[CleanArticle], entities: Sequence[Entity]) -> tuple[Quote, ...]:
    """``quotes`` over cleaned articles and the story's entities."""
    found: list[Quote] = []
    by_article = _mentions_by_article(entities)
    for article in cleaned:
        mentions = by_article.get(article.article.id, [])
        text = article.article.text
        attributions = article_attributions(article)
        quoted = [(a.start, a.end) for a in attributions if a.direct]
        outside = [m for m in mentions if not any(a <= m[0] < b for a, b in quoted)]
        resolved: list[tuple[Attribution, str | None]] = []
        for item in attributions:
            entity = _resolve(text, item, outside, resolved)
            resolved.append((item, entity))
            if entity is None and not speaker_like(text, item.speaker):
                continue
            found.append(_quote(article.article, item, entity))
    return one_per_statement(found)


def article_attributions(article: CleanArticle) -> list[Attribution]:
    """Attributions in the kept sentences of one cleaned article that the learned filter
    keeps (``filter.kept``)."""
    return kept(article.article.text, candidates(article))


def candidates(article: CleanArticle) -> list[Attribution]:
    """Every attribution the rules find in the kept sentences of one cleaned article."""
    sentences = [(s.start, s.end, s.paragraph) for s in article.sentences]
    return find_attributions(article.article.text, sentences)


def _mentions_by_article(entities: Sequence[Entity]) -> dict[str, list[tuple[int, int, str, str]]]:
    """``(start, end, entity name, type)`` of every mention, per article, by position."""
    spans: dict[str, list[tuple[int, int, str, str]]] = {}
    for e in entities:
        for m in e.mentions:
            spans.setdefault(m.article, []).append((m.start, m.end, e.name, e.type))
    return {article: sorted(found) for article, found in spans.items()}


def _resolve(
    text: str,
    item: Attribution,
    mentions: list[tuple[int, int, str, str]],
    earlier: list[tuple[Attribution, str | None]],
) -> str | None:
    """The canonical entity a speaker phrase names, or ``None``."""
    if item.speaker is None:
        return None
    start, end = item.speaker
    first = bisect_left(mentions, start, key=lambda m: m[0])  # mentions are by position
    inside = [m for m in takewhile(lambda m: m[0] < end, islice(mentions, first, None))
              if m[1] <= end and m[3] != "OTHER"]
    if inside:
        return min(inside, key=lambda m: (TYPE_ORDER[m[3]], -m[0]))[2]
    pronoun = text[start:end].lower()
    if pronoun in PRONOUN_KINDS:
        return _last_of(start, PRONOUN_KINDS[pronoun], mentions, earlier)
    if pronoun == "who":
        named = [m for m in mentions if m[1] <= start and start - m[1] <= WHO_GAP]
        return named[-1][2] if named else None
    return _role_holder(text, (start, end), mentions)


def _role_holder(
    text: str, speaker: tuple[int, int], mentions: list[tuple[int, int, str, str]]
) -> str | None:
    """``the secretary``: of the people named before it with that title ("Secretary of
    State John Kerry", "John Kirby, the spokesman"), the one mentioned last."""
    match = ROLE_DESCRIPTION.fullmatch(text, *speaker)
    role = match.group(1).lower() if match else ""
    if role not in PERSON_TITLES:
        return None
    pattern = re.compile(rf"\b(?i:{role})\b(?:\s+(?:of|for|the|[A-Z][\w.'’-]*))*\s*$")
    earlier = [m for m in mentions if m[3] == "PERSON" and m[1] <= speaker[0]]
    holders = set()
    for m_start, m_end, name, _ in earlier:
        before = text[max(0, m_start - ROLE_WINDOW) : m_start]
        after = text[m_end : m_end + ROLE_WINDOW]
        if pattern.search(before) or (after.startswith(",") and _role_after(after, role)):
            holders.add(name)
    last = [m[2] for m in earlier if m[2] in holders]
    return last[-1] if last else None


def _role_after(after: str, role: str) -> bool:
    """``, the spokesman`` (or ``, a spokesman for ...``) right after a name."""
    words = after[1:].split(",")[0].lower().split()
    return role in words[:5]


def _last_of(
    offset: int,
    kinds: frozenset[str],
    mentions: list[tuple[int, int, str, str]],
    earlier: list[tuple[Attribution, str | None]],
) -> str | None:
    """The last speaker of a compatible kind (``kinds``: entity types) who spoke shortly
    before ``offset``, else, for a person, the last person named before it."""
    compatible = {m[2] for m in mentions if m[3] in kinds}
    for item, entity in reversed(earlier):
        if item.speaker and item.speaker[0] < offset - RECENT_SPEAKER_CHARS:
            break
        if entity in compatible and item.speaker and item.speaker[0] < offset:
            return entity
    before = [m for m in mentions if m[3] in kinds and m[1] <= offset and "PERSON" in kinds]
    return before[-1][2] if before else None


def _indefinite(speaker: str) -> bool:
    """An indefinite description that names no one ("A statement", "an official"): like an
    unresolved pronoun, it cannot head a group of its own."""
    return speaker.split(" ", 1)[0].lower() in ("a", "an")


def _quote(article: Article, item: Attribution, entity: str | None) -> Quote:
    text = article.text
    speaker = " ".join(text[item.speaker[0] : item.speaker[1]].split()) if item.speaker else ""
    told = " ".join(text[item.addressee[0] : item.addressee[1]].split()) if item.addressee else ""
    return Quote(
        addressee=told,
        resolved=entity is not None or not (speaker.lower() in PRONOUNS or _indefinite(speaker)),
        speaker=speaker,
        entity=entity,
        text=text[item.start : item.end],
        article=article.id,
        start=item.start,
        end=item.end,
        cue=text[item.cue[0] : item.cue[1]],
        direct=item.direct,
    )
