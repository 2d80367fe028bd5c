"""Whether two sentences that share words report the same fact: the same actors, the same event.

Sentences of two outlets can share many words and still report different facts: a phone
call and a meeting of the same two ministers, a spokesman's account and another statement
by one of the people he names, "the White House regrets Russia's decision" and "Russia
regrets America's decision". ``same_fact`` asks two things of a pair:

- **the event**: the sentences share a content word that is not a name, a title or role
  ("secretary", "counterpart"), a verb of saying or a day: the words left say what
  happened;
- **the roles**: when each sentence opens with a named actor followed by a verb (its
  subject, after any opening phrase set off by a comma; sentences in the passive voice
  have none) and the two differ, neither subject may appear in the other sentence: the
  same actors in swapped roles are not the same fact.

Names are compared as the entity layer reads them (``entities.mentions.find_mentions``),
with common country aliases folded ("US", "America" -> "United States") and a person's
surname standing for the full name. Hand-written: no library here labels the subject and
event of a news sentence without a parser model we do not ship.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storyline.entities.mentions import RawMention, find_mentions
from storyline.entities.words import GPE_ALIASES, HONORIFICS, PERSON_NOUNS, PERSON_TITLES
from storyline.represent.articles import CALENDAR_WORDS
from storyline.text import STOP_WORDS, stem, tokens

__all__ = ["SAYING", "SUBJECT_WORDS", "same_fact"]

SAYING: frozenset[str] = frozenset(stem(w) for w in """say said says saying told tell tells
    telling added adds stated states announced announces according reported reports noted
    notes insisted insists claimed claims called calls""".split())
"""Stems of verbs of saying: who said it is not what happened."""
SUBJECT_WORDS = 3
"""A sentence's subject is a name starting within its first this many words (after an
opening phrase set off by a comma)."""

_DAYS = frozenset(stem(w) for w in CALENDAR_WORDS | {"week", "weekend", "month", "year", "last", "next"})
_ROLES = frozenset(stem(w) for w in PERSON_TITLES | PERSON_NOUNS | HONORIFICS)
_OPENING_PHRASE = re.compile(r"^[^,]{0,40}?,\s+")
_VERB = re.compile(
    r"\s+(?:has|have|had|is|are|was|were|will|would|could|can|may|might|must|should|did|does"
    r"|said|told|met|made|took|gave|sent|kept|held|left|led|put|set|won|lost|began|brought|built"
    r"|chose|fought|found|got|heard|hit|knew|paid|ran|rose|sold|shot|spoke|stood|struck|threw|wrote"
    r"|[a-z]+ed|[a-z]+s)\b")
"""What follows a subject: an auxiliary, a past tense or a verb in the third person."""
_PASSIVE = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+(?:\w+\s+)?\w+(?:ed|en|wn|t)\s+by\b")


def same_fact(first: str, second: str) -> bool:
    """Whether sentences ``first`` and ``second`` report the same fact (see the module docstring).

    Example:
        >>> same_fact("The Marlow Council has said it regrets the Dockers Union's decision to strike.",
        ...           "The Dockers Union has said it regrets the Marlow Council's decision, calling it rushed.")
        False
        >>> same_fact("The US warned Russia that talks on Syria would end.",
        ...           "The United States told Russia on Friday that the Syria talks would end.")
        True
    """
    (names, events, subject), (other_names, other_events, other_subject) = _reading(first), _reading(second)
    if not events & other_events:
        return False
    if subject is None or other_subject is None or _same_actor(subject, other_subject):
        return True
    return not (any(_same_actor(subject, n) for n in other_names)
                or any(_same_actor(other_subject, n) for n in names))


@lru_cache(maxsize=50_000)
def _reading(sentence: str) -> tuple[tuple[str, ...], frozenset[str], str | None]:
    """The names the entity layer finds in ``sentence``, the stems of its content words
    that are not in a name, a title or role, a verb of saying or a day, and its subject."""
    mentions = find_mentions(sentence, 0, len(sentence))
    names = tuple(m.text for m in mentions)
    in_names = {w for name in names for w in tokens(name)}
    events = frozenset(stem(w) for w in tokens(sentence)
                       if w not in STOP_WORDS and w not in in_names and not w.isdigit())
    return names, events - SAYING - _DAYS - _ROLES, _subject(sentence, mentions)


def _subject(sentence: str, mentions: list[RawMention]) -> str | None:
    """The name ``sentence`` opens with as its subject, or ``None``: a name within
    ``SUBJECT_WORDS`` words (after an opening phrase set off by a comma) followed by a verb
    (``_VERB``), in a sentence not in the passive voice ("was closed by ...").
    ``mentions`` are those of the whole sentence (``find_mentions``)."""
    if _PASSIVE.search(sentence):
        return None
    opening = _OPENING_PHRASE.match(sentence)
    start = opening.end() if opening and not find_mentions(sentence, 0, opening.end()) else 0
    for mention in mentions if start == 0 else find_mentions(sentence, start, len(sentence)):
        if len(sentence[start:mention.start].split()) >= SUBJECT_WORDS:
            return None
        if _VERB.match(sentence, mention.end):
            return mention.text
    return None


def _same_actor(one: str, other: str) -> bool:
    """Whether two names name one actor: equal once country aliases are folded, or one is the
    other's last word (a surname)."""
    a, b = _folded(one), _folded(other)
    return a == b or a.split()[-1:] == [b] or b.split()[-1:] == [a]


def _folded(name: str) -> str:
    """``name`` in lower case without a leading "the", a country alias folded ("U.S." ->
    "united states")."""
    key = " ".join(name.lower().removeprefix("the ").split())
    return GPE_ALIASES.get(key, key).lower()
