"""Numbers in a sentence: their value, what they count, bounds and context words.

Input: a ``Sentence``; output: ``Value`` records with offsets into the article text, used
by ``storyline.compare.conflicts`` to tell whether two numbers can both be right. Numbers are
read with the ``NUMBER`` pattern (digits with separators, number words, scale words,
currency and percent signs); no library parses numbers in running English text together
with the noun they count, so this is written here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.compare.words import (
    BOUND_WORDS,
    FACT_SYNONYMS,
    NUMBER,
    NUMBER_WORDS,
    SCALE_WORDS,
    UNIT_CLASSES,
)
from storyline.model import Sentence
from storyline.text import STOP_WORDS, stem

__all__ = ["APPROX_WORDS", "ROLE_UNITS", "WINDOW", "YEAR", "Value", "compatible", "counts", "numbers_in"]

WINDOW = 8
"""Words either side of a number that give its verb context."""
ROLE_UNITS = frozenset({"people", "households", "soldiers", "money", "percent", "km", "miles", "metres", "tonnes"})
"""Units whose numbers are compared between paraphrases (ages and durations too often differ by design)."""
TOLERANCE = 0.1
"""Relative difference of two approximate numbers still read as the same value."""
APPROX_WORDS = frozenset({"about", "around", "roughly", "approximately", "some", "nearly", "almost", "estimated"})
"""Words before a number that make it approximate."""
BOUND_REACH = 1.2
"""A bound agrees with values up to this factor past it: "more than 1,800" is not 2,300."""
YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
"""A number that reads as a year."""
_NOT_A_COUNT = re.compile(r"^(?::\d\d|[ap]\.?m\b|o'?clock|gmt|bst|utc)", re.IGNORECASE)
_LETTERS = re.compile(r"[A-Za-z]+")
"""The words of a number's context (ASCII letters only: digits and signs left out)."""


@dataclass(frozen=True)
class Value:
    """A number found in a sentence: ``text`` at ``start:end`` of the article text.

    ``about`` is what it counts (a unit class or stem, ``""`` when unknown), ``bound``
    ``min``/``max`` for "more than"/"fewer than", ``approx`` for "about", else ``""``;
    ``joined`` when a hyphen joins it to its noun, a measure describing a thing rather
    than a count ("a 12-tonne brace", "a 14-year-old boy").
    """

    text: str
    start: int
    end: int
    number: float
    about: str
    bound: str
    context: frozenset[str]
    joined: bool = False


def counts(numbers: list[Value]) -> list[Value]:
    """The values of ``numbers`` that count something of ``ROLE_UNITS`` (years left out)."""
    return [v for v in numbers if v.about in ROLE_UNITS and not v.joined and not YEAR.match(v.text)]


def compatible(x: Value, y: Value) -> bool:
    """True when the two values can both be right: equal, within rounding, or on a bound's side."""
    if x.number == y.number:
        return True
    low, high = sorted((x.number, y.number))
    if (x.bound == "approx" or y.bound == "approx") and (high - low) <= TOLERANCE * high:
        return True
    for bound, other in ((x, y), (y, x)):
        if bound.bound == "min" and bound.number <= other.number <= bound.number * BOUND_REACH:
            return True
        if bound.bound == "max" and bound.number / BOUND_REACH <= other.number <= bound.number:
            return True
    return False


def numbers_in(sentence: Sentence) -> list[Value]:
    """Every number of ``sentence`` (not times of day), with what it counts and its context."""
    text = sentence.text
    values = []
    for match in NUMBER.finditer(text):
        number = _parse(match)
        if number is None or _NOT_A_COUNT.match(text[match.end():].lstrip()):
            continue
        before, after = text[:match.start()], text[match.end():]
        about = _unit(match, after)
        values.append(Value(match.group().strip(), sentence.start + match.start() + _lead(match),
                            sentence.start + match.end(), number, about, _bound(before),
                            _context(before, after, about), after.startswith("-")))
    return values


def _lead(match: re.Match[str]) -> int:
    return len(match.group()) - len(match.group().lstrip())


def _parse(match: re.Match[str]) -> float | None:
    raw = match.group("value").lower()
    if raw in NUMBER_WORDS:
        value = NUMBER_WORDS[raw]
    else:
        cleaned = raw.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", raw) else raw
        try:
            value = float(cleaned)
        except ValueError:
            return None
    scale = (match.group("scale") or "").lower()
    return value * SCALE_WORDS.get(scale, 1.0)


def _unit(match: re.Match[str], after: str) -> str:
    """What the number counts: percent, money, or the unit class / stem of the next word."""
    if match.group("percent"):
        return "percent"
    if match.group("currency"):
        return "money"
    words = _LETTERS.findall(after[:40])
    for word in words[:2]:
        stemmed = stem(word.lower())
        if stemmed in UNIT_CLASSES:
            return UNIT_CLASSES[stemmed]
    if words and words[0].lower() not in STOP_WORDS and not words[0][:1].isupper():
        return stem(words[0].lower())
    return ""


def _bound(before: str) -> str:
    tail = " ".join(re.findall(r"[a-z]+", before.lower())[-3:])
    for phrase, kind in BOUND_WORDS.items():
        if tail.endswith(phrase):
            return kind
    last = tail.split()[-1] if tail else ""
    return "approx" if last in APPROX_WORDS else ""


def _context(before: str, after: str, about: str) -> frozenset[str]:
    """Content stems (synonyms folded) within ``WINDOW`` words of the number, its unit aside."""
    words = _LETTERS.findall(before)[-WINDOW:] + _LETTERS.findall(after)[:WINDOW]
    stems = {FACT_SYNONYMS.get(s, s) for w in words
             if (lw := w.lower()) not in STOP_WORDS and lw not in APPROX_WORDS and (s := stem(lw))}
    return frozenset(s for s in stems if UNIT_CLASSES.get(s, s) != about and s != about)
