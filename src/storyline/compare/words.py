"""Word lists and patterns for comparing outlets (``storyline.compare.comparison``).

Stems are Snowball stems as ``storyline.text.stem`` gives them.
"""

from __future__ import annotations

import re

from storyline.text import WORD

__all__ = [
    "ACTOR_STOP",
    "BOUND_WORDS",
    "COUNT_EVENTS",
    "DATE_WORD",
    "FACT_SYNONYMS",
    "GROUP_UNITS",
    "NUMBER",
    "NUMBER_OR_WORD",
    "NUMBER_WORDS",
    "SCALE_WORDS",
    "UNIT_CLASSES",
]

FACT_SYNONYMS: dict[str, str] = {
    # agreements and truces
    "agreement": "deal", "accord": "deal", "pact": "deal", "agre": "deal",
    "truce": "ceasefir", "armistic": "ceasefir",
    # help
    "assist": "aid", "relief": "aid",
    # countries and capitals used for their governments
    "america": "us", "american": "us", "usa": "us", "washington": "us",
    "moscow": "russia", "russian": "russia",
    "britain": "uk", "british": "uk", "london": "uk",
    # dates
    "jan": "januari", "feb": "februari", "mar": "march", "apr": "april",
    "aug": "august", "sep": "septemb", "sept": "septemb", "oct": "octob",
    "nov": "novemb", "dec": "decemb",
    # harm
    "dead": "kill", "die": "kill", "death": "kill", "fatal": "kill", "toll": "kill",
    "injur": "wound", "hurt": "wound",
    # people
    "resid": "peopl", "inhabit": "peopl", "person": "peopl", "individu": "peopl",
    "evacue": "peopl",
    # saying and asking
    "urg": "call", "demand": "call",
    # fighting
    "airstrik": "strike", "bomb": "strike", "bombard": "strike", "raid": "strike",
}
"""Stems merged before sentences are compared as facts ("agreement" ~ "deal")."""

UNIT_CLASSES: dict[str, str] = {
    "peopl": "people", "resid": "people", "inhabit": "people", "person": "people",
    "individu": "people", "evacue": "people", "civilian": "people", "villag": "people",
    "household": "households", "famili": "households", "home": "households",
    "dollar": "money", "euro": "money", "pound": "money", "usd": "money",
    "percent": "percent", "per": "percent",
    "soldier": "soldiers", "troop": "soldiers", "fighter": "soldiers",
    "kilometr": "km", "km": "km", "mile": "miles", "metr": "metres", "meter": "metres",
    "tonn": "tonnes", "ton": "tonnes",
    "year": "years", "month": "months", "day": "days", "hour": "hours", "week": "weeks",
    "nation": "countries", "countri": "countries", "state": "countries", "member": "members",
}
"""The stem after a number -> what the number counts, so "residents" and "people" match."""

GROUP_UNITS: frozenset[str] = frozenset({"countries", "members"})
"""What the size of a named group counts ("the 23-nation Syria Support Group")."""
COUNT_EVENTS: frozenset[str] = frozenset({
    "evacu", "kill", "wound", "arrest", "rescu", "displac", "hospit", "hospitalis", "detain",
    "strand", "infect",
})
"""Stems (after ``FACT_SYNONYMS``) of the events a count of people belongs to: "2,300 evacuated"."""

BOUND_WORDS: dict[str, str] = {
    "more than": "min", "over": "min", "at least": "min", "upwards of": "min",
    "in excess of": "min", "fewer than": "max", "less than": "max", "under": "max",
    "up to": "max", "at most": "max", "nearly": "max", "almost": "max",
}
"""Words before a number that make it a bound: "more than 1,800" agrees with 2,300."""

NUMBER_WORDS: dict[str, float] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12,
    "hundreds": 100, "dozens": 12, "thousands": 1000,
}
"""Number words read as values (vague plurals such as "hundreds" are bounds, see below)."""

SCALE_WORDS: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "m": 1e6, "bn": 1e9, "k": 1e3,
}
"""Words after a number that scale it ("2.5 million")."""

_NUMBER_WORD_PATTERN = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
NUMBER = re.compile(
    rf"""(?P<currency>[$£€])?\s?
         (?P<value>\d+(?:[.,]\d+)*|\b(?:{_NUMBER_WORD_PATTERN})\b)
         (?:\s?(?P<scale>{'|'.join(SCALE_WORDS)})\b)?
         (?P<percent>\s?%)?""",
    re.VERBOSE | re.IGNORECASE,
)
"""A number with its currency sign, scale word and percent sign."""

DATE_WORD = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?(?:\s+\d{1,2}\b)?"
    r"|\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December)\b"
)
"""A weekday, a month, or a month and day ("Sept. 9", "9 September")."""

ACTOR_STOP: frozenset[str] = frozenset({
    "The", "A", "An", "But", "And", "In", "On", "At", "It", "He", "She", "They", "We", "I",
    "This", "That", "These", "Those", "Mr", "Mrs", "Ms", "Dr", "Sir", "However", "Meanwhile",
})
"""Capitalised words that do not name an actor on their own."""

NUMBER_OR_WORD = re.compile(rf"\d+(?:[.,]\d+)*|{WORD.pattern}|[$£€%]")
"""What copies and conflicts compare: a number written with separators ("1,800", "2.5") as
one token, a word (``storyline.text.WORD``), or a currency/percent sign."""
