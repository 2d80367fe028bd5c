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

from storyline.entities.words import ORG_NOUNS, PERSON_NOUNS, PLACE_NOUNS

__all__ = [
    "CONTEXT_CUES",
    "CUE_WEIGHTS",
    "Cue",
    "context_cues",
    "common_noun_cues",
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
    "place word": 3,   # "... Street", "River ...", "Lake ..."
    "facility word": 3,  # "... Dam", "... Airport", "... Stadium"
    "event word": 3,   # "... War", "... Cup", "... Act"
    "apposition": 4,   # "X, a spokeswoman", "X, who", "the consultancy X", "judge X"
    "age": 3,          # "X, 68,"
    "first name": 2,   # "Mick ...": a common given name opens the name
    "preposition": 2,  # "in X", "near X"
    "pronoun": 2,      # "X said he ...": the subject of a sentence taken up by he or she
    "not a name": 1,   # a person only by its look, but "the X" or a title in quotes: "Brainy Bunch"
    "shape": 0,        # only the look of the name: used when nothing else is known
    "compound": 0,     # a name glued to a word ("U.S.-led"): OTHER, whatever its context
}
"""How much each cue counts; a cue of weight 0 is a guess, used only without evidence."""

CONTEXT_CUES = frozenset({"dateline", "place noun", "apposition", "age", "preposition", "pronoun",
                          "not a name"})
"""Cues read from a mention's neighbours (they add up over a name's mentions)."""

WINDOW = 60
"""Characters either side of a mention that its context cues read."""

_PLACE_BEFORE = frozenset(
    "village town city capital hamlet suburb district county province region borough".split()
)
"""Place nouns that may stand right before a name ("the regional capital Northgate")."""
_PREPOSITIONS = frozenset("in near outside around across throughout".split())
"""Prepositions that mostly take a place when a bare name follows (CoNLL++ dev: "in" 15 of 19)."""
_NP_STOP = frozenset(
    "for of in at on from with who whose which that based and or to by said says as".split()
)
_AGE = re.compile(r",\s*\d{1,3}\s*,")
_WHO = re.compile(r",\s*who\b")
_APPOSITION = re.compile(r",\s*(?:(?:a|an|the)\s+)?((?:[a-z][a-z-]*\s*){1,5})")
_DATELINE_AFTER = re.compile(r"\s*(?:,\s*[A-Za-z. ]{2,30})?\s*(?:\([A-Za-z.& ]{1,30}\)\s*)?(?:—|–|-{1,2}\s)")
_PRONOUN_AFTER = re.compile(r"[^A-Z.;:]{0,50}?\b(?:he|she|his|her|him|himself|herself)\b")
"""A personal pronoun after a subject, with no other capitalised word or clause end between."""
_NEXT_WORD = re.compile(r" ([a-z]+)\b")
_ARTICLE_BEFORE = re.compile(r"(?:^|[^\w])(?:the|The)\s+$")
_QUOTE_BEFORE = re.compile(r"[\"“]\s*(?:The\s+)?$")
_QUOTE_AFTER = re.compile(r"[,.:;!?]?[\"”]")
_NOUN_AFTER = re.compile(r" [a-z]")
"""A lower-case word after "the X": X may be a name used as a modifier ("the Monica
Lewinsky scandal"), so the article says nothing about it."""


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
    words = before.rsplit(None, 3) if before[-1:].isspace() else []
    found = [*_place_cues(words, after), *_person_cues(before, after), *_noun_before(words)]
    opening = not before.strip()
    if opening and end - start > 1 and text[start:end].isupper() and _DATELINE_AFTER.match(after):
        found.append(("GPE", "dateline"))
    return tuple(found)


def common_noun_cues(text: str, sentence: tuple[int, int], span: tuple[int, int]) -> tuple[Cue, ...]:
    """Evidence that capitalised words with the look of a person's name are not one: an
    article before them and no word after ("a new book, "The Brainy Bunch: ...") or
    quotation marks around them, as around a title or nickname (the self-titled "Brainy
    Bunch,"). Counted only when most mentions of the name carry it (``extract``).

    Example:
        >>> t = 'The family, the self-titled "Brainy Bunch," has ten children.'
        >>> common_noun_cues(t, (0, len(t)), (29, 41))
        (('OTHER', 'not a name'),)
    """
    start, end = span
    before = text[max(sentence[0], start - 12) : start]
    after = text[end : min(sentence[1], end + 3)]
    quoted = _QUOTE_BEFORE.search(before) and _QUOTE_AFTER.match(after)
    if quoted or (_ARTICLE_BEFORE.search(before) and not _NOUN_AFTER.match(after)):
        return (("OTHER", "not a name"),)
    return ()


def _place_cues(before: list[str], after: str) -> list[Cue]:
    """"the village of X", "the X district", "in X" (``before``: the last words before X)."""
    if after[:1] == " ":
        following = _NEXT_WORD.match(after)
        if following and following.group(1) in PLACE_NOUNS:
            return [("GPE", "place noun")]
    if not before:
        return []
    words = before[:-1] if before[-1] == "the" else before
    if len(words) >= 2 and words[-1] == "of" and words[-2] in PLACE_NOUNS:
        return [("GPE", "place noun")]
    if before[-1] in _PREPOSITIONS and not after.startswith(("'s", "’s")):
        return [("GPE", "preposition")]
    return []


def _person_cues(before: str, after: str) -> list[Cue]:
    """"X, 68,", "X, who", "X, a dairy farmer", "X said he"."""
    if after[:1] == ",":
        if _AGE.match(after):
            return [("PERSON", "age")]
        if _WHO.match(after):
            return [("PERSON", "apposition")]
        apposition = _APPOSITION.match(after)
        kind = _noun_type(_head_noun(apposition.group(1).split())) if apposition else ""
        if kind:
            return [(kind, "apposition")]
    if not before.strip(" \"“‘'") and _PRONOUN_AFTER.match(after):
        return [("PERSON", "pronoun")]
    return []


def _noun_before(before: list[str]) -> list[Cue]:
    """"the retired judge X", "Brenfield's mayor, X", "the consultancy X", "the capital X"."""
    if not before:
        return []
    head = before[-1]
    comma = head.endswith(",")
    head = head.rstrip(",")
    if not head.isalpha() or not head.islower():
        return []
    if head in _PLACE_BEFORE and not comma:
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


def weigh(cues: Iterable[Cue]) -> dict[str, int]:
    """Total weight per type of ``cues``."""
    totals: dict[str, int] = {}
    for kind, name in cues:
        totals[kind] = totals.get(kind, 0) + CUE_WEIGHTS[name]
    return totals
