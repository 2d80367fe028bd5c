"""Conflicts: the same fact told with different numbers, dates or named actors.

Input: a story's kept sentences with their tokens (``copies.sentence_tokens``), the pairs
of sentences aligned as the same fact (``facts.SentencePairs``) and each article's outlet;
output: ``Conflict`` records, each side with its article, sentence span and value span.

Two checks, both only on sentence pairs aligned as one fact (across articles or within one):

* near copies (most words shared, in order): the words where the two differ are compared;
  a number changed for another number, a date for another date, or a name for another
  name (not a spelling variant: "Sergei" / "Sergey") is a conflict. The words around the
  change are the same, so the two values play the same role.
* paraphrases in two articles (folded cosine at least ``ROLE_MIN``): a number conflicts
  with a number of the other sentence only when both count the same thing (the same unit
  class after the number: "residents" ~ "people"; ages and durations are left out), two
  content words around them are shared (the verb context: "evacuated", "killed"), each
  is the only number of its unit in its sentence, and the values disagree beyond
  rounding - a bound ("more than 1,800") agrees with any value on its side.

Near copies are found with difflib's ratio, run only on pairs whose shared words (as a
multiset, ``may_be_near_copies``) could reach ``NEAR_COPY``; numbers are parsed once per
sentence. Dates and names are compared in near copies only: in paraphrases the same weekday or name
often belongs to a different event or speaker, and precision matters more here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

import numpy as np

from storyline.compare_words import (
    ACTOR_STOP,
    BOUND_WORDS,
    DATE_WORD,
    FACT_SYNONYMS,
    NUMBER,
    NUMBER_WORDS,
    SCALE_WORDS,
    UNIT_CLASSES,
)
from storyline.copies import Token, TokenCache
from storyline.facts import ALIGN_MIN, SentencePairs
from storyline.model import Conflict, ConflictSide, Sentence
from storyline.text import STOP_WORDS, stem

__all__ = ["NEAR_COPY", "Value", "find_conflicts", "may_be_near_copies", "numbers_in", "story_names"]

NEAR_COPY = 0.6
"""Share of words two sentences have in common, in order, that makes them near copies."""
MAX_CHANGE = 6
"""Longest run of changed words compared between near copies."""
WINDOW = 8
"""Words either side of a number that give its verb context."""
ROLE_MIN = 0.4
"""Folded cosine two paraphrased sentences of different articles need for their numbers to be compared."""
SHARED_CONTEXT = 2
"""Content words around two numbers that must be the same for them to play the same role."""
ROLE_UNITS = frozenset({"people", "households", "soldiers", "money", "percent", "km", "miles", "metres", "tonnes"})
"""Units whose numbers are compared between paraphrases (ages and durations too often differ by design)."""
TOLERANCE = 0.1
"""Relative difference of two approximate numbers still read as the same value."""
APPROX_WORDS = frozenset({"about", "around", "roughly", "approximately", "some", "nearly", "almost", "estimated"})
"""Words before a number that make it approximate."""
_NOT_A_COUNT = re.compile(r"^(?::\d\d|[ap]\.?m\b|o'?clock|gmt|bst|utc)", re.IGNORECASE)
_CAPITALISED = re.compile(r"(?<=[\w,;:] )[A-Z][a-z]+(?:['’][a-z]+)?\b")
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_LETTERS = re.compile(r"[A-Za-z]+")
"""The words of a number's context (ASCII letters only: digits and signs left out)."""
BOUND_REACH = 1.2
"""A bound agrees with values up to this factor past it: "more than 1,800" is not 2,300."""


@dataclass(frozen=True)
class Value:
    """A number found in a sentence: ``text`` at ``start:end`` of the article text.

    ``about`` is what it counts (a unit class or stem, ``""`` when unknown), ``bound``
    ``min``/``max`` for "more than"/"fewer than", ``approx`` for "about", else ``""``.
    """

    text: str
    start: int
    end: int
    number: float
    about: str
    bound: str
    context: frozenset[str]


def find_conflicts(
    sentences: Sequence[Sentence],
    tokens: TokenCache,
    pairs: SentencePairs,
    outlet_of: dict[str, str],
) -> tuple[Conflict, ...]:
    """Every conflict between two sentences aligned as the same fact, in article order.

    ``tokens`` gives each sentence's words and tokens (``copies.TokenCache``).
    """
    found: dict[tuple, Conflict] = {}
    story = _Story(sentences, tokens)
    first, second, cosines = pairs.folded.at_least(ALIGN_MIN)
    near = may_be_near_copies(tokens, first, second)
    for i, j, cosine, maybe in zip(first, second, cosines, near, strict=True):
        a, b = sentences[i], sentences[j]
        for kind, about, one, other in _pair_conflicts(story, (i, j), cosine, maybe):
            key = tuple(sorted([(a.article, one[1]), (b.article, other[1])]))
            sides = (_side(a, one, outlet_of), _side(b, other, outlet_of))
            found.setdefault(key, Conflict(kind, about, sides))
    return tuple(found.values())


class _Story:
    """What the checks of one story share: sentences, their tokens and names, numbers found once."""

    def __init__(self, sentences: Sequence[Sentence], tokens: TokenCache) -> None:
        self.sentences, self.tokens = sentences, tokens
        self._numbers: dict[int, list[Value]] = {}
        self._names: dict[str, set[str]] | None = None

    @property
    def names(self) -> dict[str, set[str]]:
        """``story_names`` of the sentences, found when first needed."""
        if self._names is None:
            self._names = story_names(self.sentences)
        return self._names

    def numbers(self, index: int) -> list[Value]:
        """``numbers_in`` of sentence ``index``."""
        found = self._numbers.get(index)
        if found is None:
            found = self._numbers[index] = numbers_in(self.sentences[index])
        return found


def may_be_near_copies(tokens: TokenCache, first: list[int], second: list[int]) -> list[bool]:
    """Per sentence pair, False when difflib's ratio of their words cannot reach ``NEAR_COPY``.

    The bound is difflib's ``quick_ratio``: words in common counted as a multiset, order aside.
    """
    if not first:
        return []
    counts, lengths = tokens.counts(), tokens.lengths()
    common = np.asarray(counts[first].minimum(counts[second]).sum(axis=1)).ravel()
    total = lengths[first] + lengths[second]
    with np.errstate(divide="ignore", invalid="ignore"):
        return ((total == 0) | (2.0 * common / total >= NEAR_COPY)).tolist()


def _side(sentence: Sentence, value: tuple[str, int, int], outlet_of: dict[str, str]) -> ConflictSide:
    text, start, end = value
    return ConflictSide(sentence.article, outlet_of[sentence.article], sentence.start, sentence.end,
                        sentence.text, text, start, end)


Found = tuple[str, str, tuple[str, int, int], tuple[str, int, int]]
"""(kind, about, first value, second value); a value is (text, start, end) in its article."""


def story_names(sentences: Sequence[Sentence]) -> dict[str, set[str]]:
    """Capitalised words used inside sentences (not first): the story's names, and the articles using each."""
    seen: dict[str, set[str]] = {}
    for sentence in sentences:
        for match in _CAPITALISED.finditer(sentence.text, 1):
            seen.setdefault(match.group(), set()).add(sentence.article)
    return seen


def _pair_conflicts(story: _Story, pair: tuple[int, int], cosine: float, maybe_near: bool) -> list[Found]:
    """Conflicts of a sentence pair: near copies by their changed words, else by number roles.

    Pairs under ``ALIGN_MIN`` do not report the same fact and have none; ``maybe_near`` is
    False when the two cannot be near copies (``may_be_near_copies``).
    """
    i, j = pair
    if cosine < ALIGN_MIN:
        return []
    if maybe_near:
        matcher = SequenceMatcher(None, story.tokens.words[i], story.tokens.words[j], autojunk=False)
        if matcher.ratio() >= NEAR_COPY:
            return _changes(story, i, j, matcher)
    a, b = story.sentences[i], story.sentences[j]
    if cosine < ROLE_MIN or a.article == b.article:
        return []
    return _number_roles(story.numbers(i), story.numbers(j))


def _changes(story: _Story, i: int, j: int, matcher: SequenceMatcher) -> list[Found]:
    """Values replaced by other values where two near-copy sentences differ."""
    a, b = story.sentences[i], story.sentences[j]
    found = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "replace" or max(i2 - i1, j2 - j1) > MAX_CHANGE:
            continue
        first, second = _piece(a, story.tokens[i][i1:i2]), _piece(b, story.tokens[j][j1:j2])
        change = (_date_change(first, second)
                  or _number_change(_values_in(story.numbers(i), first), _values_in(story.numbers(j), second))
                  or _actor_change(a, b, first, second, story.names))
        if change:
            found.append(change)
    return found


def _piece(sentence: Sentence, run: list[Token]) -> tuple[str, int, int]:
    start, end = run[0].start, run[-1].end
    offset = start - sentence.start
    return sentence.text[offset:offset + end - start], start, end


def _number_change(va: list[Value], vb: list[Value]) -> Found | None:
    """A number replaced by a different one (a year by a year is a date change)."""
    if not va or not vb or {v.number for v in va} == {v.number for v in vb}:
        return None
    x, y = va[0], vb[0]
    if _YEAR.match(x.text) and _YEAR.match(y.text):
        return ("date", "year", _triple(x), _triple(y))
    if _compatible(x, y):
        return None
    return ("number", x.about or y.about or "number", _triple(x), _triple(y))


def _values_in(numbers: list[Value], piece: tuple[str, int, int]) -> list[Value]:
    return [v for v in numbers if piece[1] <= v.start and v.end <= piece[2]]


def _triple(value: Value) -> tuple[str, int, int]:
    return value.text, value.start, value.end


def _date_change(first: tuple[str, int, int], second: tuple[str, int, int]) -> Found | None:
    da, db = DATE_WORD.search(first[0]), DATE_WORD.search(second[0])
    if not da or not db or _date_key(da.group()) == _date_key(db.group()):
        return None
    return ("date", "date", _sub(first, da), _sub(second, db))


def _date_key(text: str) -> str:
    words = re.findall(r"[A-Za-z]+|\d+", text)
    return " ".join(w[:3].lower() if w.isalpha() else str(int(w)) for w in words)


def _sub(piece: tuple[str, int, int], match: re.Match[str]) -> tuple[str, int, int]:
    return match.group(), piece[1] + match.start(), piece[1] + match.end()


def _actor_change(a: Sentence, b: Sentence, first: tuple[str, int, int], second: tuple[str, int, int],
                  names: dict[str, set[str]]) -> Found | None:
    """A name of the story replaced by another (not a sentence's first word, not capitals-only text)."""
    if first[1] == a.start or second[1] == b.start or first[0].isupper() or second[0].isupper():
        return None
    if not (_is_name(first[0], a.article, names) and _is_name(second[0], b.article, names)):
        return None
    if _same_name(first[0], second[0]):
        return None
    return ("actor", "name", first, second)


def _is_name(text: str, article: str, names: dict[str, set[str]]) -> bool:
    """Capitalised words, one of them a name another article of the story uses too (not a reworded word)."""
    words = [w.strip(".,") for w in text.split()]
    return (bool(words) and all(w[:1].isupper() and w not in ACTOR_STOP for w in words)
            and any(names.get(w, set()) - {article} for w in words))


def _same_name(x: str, y: str) -> bool:
    """Spelling variants, one name inside the other, or a shared word: not a different actor."""
    lx, ly = re.sub(r"[^a-z ]", "", x.lower()), re.sub(r"[^a-z ]", "", y.lower())
    compact_x, compact_y = lx.replace(" ", ""), ly.replace(" ", "")
    if not compact_x or not compact_y or compact_x.startswith(compact_y) or compact_y.startswith(compact_x):
        return True
    return bool(set(lx.split()) & set(ly.split())) or SequenceMatcher(None, lx, ly).ratio() >= 0.75


def _number_roles(numbers_a: list[Value], numbers_b: list[Value]) -> list[Found]:
    """Numbers of two paraphrased sentences counting the same thing in the same context."""
    va, vb = _counts(numbers_a), _counts(numbers_b)
    if not va or not vb:
        return []
    found = []
    for x in va:
        same = [y for y in vb if y.about == x.about]
        if len(same) != 1 or sum(1 for z in va if z.about == x.about) != 1:
            continue
        y = same[0]
        if len(x.context & y.context) >= SHARED_CONTEXT and not _compatible(x, y):
            found.append(("number", x.about, _triple(x), _triple(y)))
    return found


def _counts(numbers: list[Value]) -> list[Value]:
    return [v for v in numbers if v.about in ROLE_UNITS and not _YEAR.match(v.text)]


def _compatible(x: Value, y: Value) -> bool:
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
                            _context(before, after, about)))
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
