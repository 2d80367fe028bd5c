"""Evidence for an entity's type from the words around a mention, and how much each counts.

``mentions`` types a name from its own words (a title, an organisation or place word, the
word lists); this module reads its neighbours in the sentence: "the village of X", "the
X district", "in X", a dateline "X (AVP) —", an apposition "X, a spokeswoman" or "X, 68,",
"the consultancy X", "the retired judge X". Each cue is ``(type, name)``; ``CUE_WEIGHTS``
says how much a cue counts when ``entities`` weighs all the evidence for one name across
the story. A name's own words count once (repeating a name repeats no evidence); cues from
its contexts add up, one per mention. Rules by hand: no tagger can be downloaded here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from storyline.entity_words import ORG_NOUNS, PERSON_NOUNS, PLACE_NOUNS

__all__ = [
    "CONTEXT_CUES",
    "CUE_WEIGHTS",
    "Cue",
    "context_cues",
    "weigh",
]

Cue = tuple[str, str]
"""``(type, cue name)``: one piece of evidence that a mention has ``type``."""

CUE_WEIGHTS: dict[str, int] = {
    "known": 5,        # the name is in a country, place or organisation list
    "title": 4,        # "Mr", "Foreign Minister" before the name
    "dateline": 4,     # "BRENFIELD (AVP) —" opening an article
    "place noun": 4,   # "the village of X", "the capital X", "the X district"
    "org word": 3,     # "... Authority", "... Engineering", "University of ..."
    "place word": 3,   # "... Street", "... Dam", "River ...", "Lake ..."
    "event word": 3,   # "... War", "... Cup", "... Act"
    "apposition": 4,   # "X, a spokeswoman", "X, who", "the consultancy X", "judge X"
    "age": 3,          # "X, 68,"
    "first name": 2,   # "Mick ...": a common given name opens the name
    "preposition": 2,  # "in X", "near X"
    "pronoun": 2,      # "X said he ...": the subject of a sentence taken up by he or she
    "shape": 0,        # only the look of the name: used when nothing else is known
    "compound": 0,     # a name glued to a word ("U.S.-led"): OTHER, whatever its context
}
"""How much each cue counts; a cue of weight 0 is a guess, used only without evidence."""

CONTEXT_CUES = frozenset({"dateline", "place noun", "apposition", "age", "preposition", "pronoun"})
"""Cues read from a mention's neighbours (they add up over a name's mentions)."""

WINDOW = 60
"""Characters either side of a mention that its context cues read."""

_PLACE_BEFORE = frozenset("village town city capital hamlet suburb district county province region borough".split())
_PREPOSITIONS = r"in|near|outside|around|across|throughout"
_NP_STOP = frozenset(
    "for of in at on from with who whose which that based and or to by said says as".split()
)
_AGE = re.compile(r"\s*,\s*\d{1,3}\s*,")
_WHO = re.compile(r"\s*,\s*who\b")
_APPOSITION = re.compile(r"\s*,\s*(?:(?:a|an|the)\s+)?((?:[a-z][a-z-]*\s*){1,5})")
_DATELINE_AFTER = re.compile(r"\s*(?:,\s*[A-Za-z. ]{2,30})?\s*(?:\([A-Za-z.& ]{1,30}\)\s*)?(?:—|–|-{1,2}\s)")
_PRONOUN_AFTER = re.compile(r"[^A-Z.;:]{0,50}?\b(?:he|she|his|her|him|himself|herself)\b")
"""A personal pronoun after a subject, with no other capitalised word or clause end between."""
_PREPOSITION_BEFORE = re.compile(rf"(?:^|\s)(?:{_PREPOSITIONS})\s+$")


def context_cues(text: str, sentence: tuple[int, int], span: tuple[int, int]) -> tuple[Cue, ...]:
    """Type cues from the words around ``text[span[0]:span[1]]`` inside ``sentence``.

    Example:
        >>> t = "Residents of the village of Marrow Ford left."
        >>> context_cues(t, (0, len(t)), (28, 39))
        (('GPE', 'place noun'),)
    """
    start, end = span
    before = text[max(sentence[0], start - WINDOW) : start]
    after = text[end : min(sentence[1], end + WINDOW)]
    found: list[Cue] = []
    found += _place_cues(before, after)
    found += _person_cues(before, after)
    found += _noun_before(before)
    if not before.strip() and text[start:end].isupper() and len(text[start:end]) > 1:
        if _DATELINE_AFTER.match(after):
            found.append(("GPE", "dateline"))
    return tuple(found)


def _place_cues(before: str, after: str) -> list[Cue]:
    """"the village of X", "the X district", "in X"."""
    found: list[Cue] = []
    if _place_of().search(before) or _first_word(after) in PLACE_NOUNS:
        found.append(("GPE", "place noun"))
    elif _PREPOSITION_BEFORE.search(before) and not after.startswith(("'s", "’s")):
        found.append(("GPE", "preposition"))
    return found


def _person_cues(before: str, after: str) -> list[Cue]:
    """"X, 68,", "X, who", "X, a dairy farmer", "X said he"."""
    if _AGE.match(after) or _WHO.match(after):
        return [("PERSON", "age" if _AGE.match(after) else "apposition")]
    apposition = _APPOSITION.match(after)
    if apposition:
        head = _head_noun(apposition.group(1).split())
        kind = _noun_type(head)
        if kind:
            return [(kind, "apposition")]
    if not before.strip(" \"“‘'") and _PRONOUN_AFTER.match(after):
        return [("PERSON", "pronoun")]
    return []


def _noun_before(before: str) -> list[Cue]:
    """"the retired judge X", "Brenfield's mayor, X", "the consultancy X", "the capital X"."""
    words = before.rstrip().rstrip(",").split()
    if not words or not before[-1:].isspace():
        return []
    head = words[-1]
    if not head.isalpha() or not head.islower():
        return []
    if head in _PLACE_BEFORE and before.rstrip()[-1:] != ",":
        return [("GPE", "place noun")]
    kind = _noun_type(head)
    if kind in ("PERSON", "ORG"):
        return [(kind, "apposition")]
    return []


def _head_noun(words: list[str]) -> str:
    """The last word of a noun phrase cut at its first preposition or relative word."""
    head = ""
    for word in words:
        if word in _NP_STOP:
            break
        head = word
    return head


def _noun_type(noun: str) -> str:
    if noun in PERSON_NOUNS:
        return "PERSON"
    if noun in ORG_NOUNS:
        return "ORG"
    if noun in PLACE_NOUNS:
        return "GPE"
    return ""


def _first_word(after: str) -> str:
    match = re.match(r" ([a-z]+)\b", after)
    return match.group(1) if match else ""


@lru_cache(maxsize=1)
def _place_of() -> re.Pattern[str]:
    nouns = "|".join(sorted(PLACE_NOUNS))
    return re.compile(rf"\b(?:{nouns})\s+of\s+(?:the\s+)?$")


def weigh(cues: Iterable[Cue]) -> dict[str, int]:
    """Total weight per type of ``cues``."""
    totals: dict[str, int] = {}
    for kind, name in cues:
        totals[kind] = totals.get(kind, 0) + CUE_WEIGHTS[name]
    return totals
