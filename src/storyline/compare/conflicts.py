"""Conflicts: the same fact told with different numbers, dates or named actors.

Input: a story's kept sentences with their tokens (``copies.sentence_tokens``), the pairs
of sentences aligned as the same fact (``facts.SentencePairs``) and each article's outlet;
output: ``Conflict`` records, each side with its article, sentence span and value span.

Sentence pairs of two articles are compared only when each sentence is the other's
closest in the other's article (``_best_pairs``); pairs within one article give only
counts of people (list items, captions and records differ by design). Three checks:

* near copies (most words shared, in order): the words where the two differ are compared;
  a number changed for another number counting the same thing, a date or a time of day
  for another, or a name for another name is a conflict. A name is a run of capitalised
  words (the words around it may be reworded: "said X" / "stated Y"); spelling variants
  ("Sergei" / "Sergey") and names the other sentence also holds (a reordered list) are
  not. Sentences differing in two values or more are about two things and give none.
* paraphrases in two articles (folded cosine at least ``ROLE_MIN``): a number conflicts
  with a number of the other sentence only when both count the same thing (the same unit
  class after the number: "residents" ~ "people"; ages and durations are left out), two
  content words around them are shared (the verb context: "evacuated", "killed"), each
  is the only number of its unit in its sentence, and the values disagree beyond
  rounding - a bound ("more than 1,800") agrees with any value on its side.
* counts of people across the story (``_story_counts``): the same unit and the same event
  ("2,300 residents evacuated" / "the evacuation order covered more than 1,800 people"),
  even in sentences too different to align;
* sizes of one named group (``_group_sizes``), in one article or two: "the 23-nation
  Support Group" / "the Support Group, consisting of about 20 countries".

Near copies are found with difflib's ratio, run only on pairs whose shared words (as a
multiset, ``may_be_near_copies``) could reach ``NEAR_COPY``; numbers are parsed once per
sentence (``storyline.compare.quantities``). Dates and names are compared in near copies only: in
paraphrases the same weekday or name often belongs to a different event or speaker, and
precision matters more here.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from difflib import SequenceMatcher

import numpy as np

from storyline.compare.words import ACTOR_STOP, COUNT_EVENTS, DATE_WORD, FACT_SYNONYMS, GROUP_UNITS
from storyline.compare.copies import TokenCache
from storyline.compare.facts import ALIGN_MIN, SentencePairs
from storyline.model import Conflict, ConflictSide, Sentence
from storyline.compare.quantities import APPROX_WORDS, YEAR, Value, compatible, counts, numbers_in
from storyline.text import Token, analyze

__all__ = ["NEAR_COPY", "find_conflicts", "may_be_near_copies", "story_names"]

NEAR_COPY = 0.6
"""Share of words two sentences have in common, in order, that makes them near copies."""
MAX_CHANGE = 6
"""Longest run of changed words compared between near copies."""
ROLE_MIN = 0.4
"""Folded cosine two paraphrased sentences of different articles need for their numbers to be compared."""
SHARED_CONTEXT = 2
"""Content words around two numbers that must be the same for them to play the same role."""
_NAME_RUN = r"(?P<name>[A-Z][\w'’-]*(?:\s+(?:of|for|and|on)?\s*[A-Z][\w'’-]*)+)"
_GROUP_NAME = re.compile(r"-[a-z]+\s+" + _NAME_RUN)
"""After a joined size ("23-nation"): its unit, then the group's name."""
_NAMED_BEFORE = re.compile(_NAME_RUN + r"\s*(?:\([A-Z]{2,}\))?\s*,?\s*(?:consisting|made up|composed|comprising)"
                           rf"(?:\s+of)?\s+(?:{'|'.join(sorted(APPROX_WORDS | {'more than', 'over'}))})?\s*$")
"""Before a size: the group's name, an acronym, "consisting of" and any approximation."""
_CAPITALISED = re.compile(r"(?<=[\w,;:] )[A-Z][a-z]+(?:['’][a-z]+)?\b")
PEOPLE_UNITS = frozenset({"people", "households", "soldiers"})
"""Units of the counts compared across a whole story (``COUNT_EVENTS`` are events of people)."""
_TIE = 1e-9
"""Cosines this close are equal (a sentence repeated word for word has several best matches)."""
_TIME = re.compile(r"\b\d{1,2}(?::\d\d)?\s?[ap]\.?m\b\.?|\b\d{1,2}:\d\d\b", re.IGNORECASE)
"""A time of day: "7 p.m.", "6:30 a.m.", "22:35"."""
_MONTH_BEFORE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s*$")
"""A month name right before a number: the number is a day of the month."""



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
    first, second, cosines = _best_pairs(sentences, *pairs.folded.at_least(ALIGN_MIN))
    near = may_be_near_copies(tokens, first, second)
    for i, j, cosine, maybe in zip(first, second, cosines, near, strict=True):
        a, b = sentences[i], sentences[j]
        for kind, about, one, other in _pair_conflicts(story, (i, j), cosine, maybe):
            if a.article == b.article and (kind != "number" or about not in PEOPLE_UNITS):
                continue  # one article: list items, captions, records and updates differ by design
            key = tuple(sorted([(a.article, one[1]), (b.article, other[1])]))
            sides = (_side(a, one, outlet_of), _side(b, other, outlet_of))
            found.setdefault(key, Conflict(kind, about, sides))
    for (i, one), (j, other) in _story_counts(story) + _group_sizes(story):
        a, b = sentences[i], sentences[j]
        key = tuple(sorted([(a.article, one.start), (b.article, other.start)]))
        sides = (_side(a, _triple(one), outlet_of), _side(b, _triple(other), outlet_of))
        found.setdefault(key, Conflict("number", one.about, sides))
    return tuple(found.values())


def _group_sizes(story: _Story) -> list[tuple[tuple[int, Value], tuple[int, Value]]]:
    """Sizes of one named group given two ways, in one article or two: "the 23-nation
    International Syria Support Group" / "the International Syria Support Group (ISSG),
    consisting of about 20 countries". A size counts ``GROUP_UNITS`` and names its group
    right after it ("23-nation X") or right before it ("X, consisting of 20 countries");
    two sizes of the same group conflict when they cannot both be right (``compatible``)."""
    sizes: dict[str, list[tuple[int, Value]]] = defaultdict(list)
    for k, sentence in enumerate(story.sentences):
        for value in story.numbers(k):
            if value.about in GROUP_UNITS and (group := _sized_group(sentence, value)):
                sizes[group].append((k, value))
    return [(one, other) for told in sizes.values() for n, one in enumerate(told) for other in told[n + 1:]
            if not compatible(one[1], other[1])]


def _sized_group(sentence: Sentence, value: Value) -> str:
    """The name of the group ``value`` gives the size of (lower case), or ``""``."""
    offset = value.start - sentence.start
    if value.joined:
        after = _GROUP_NAME.match(sentence.text, offset + len(value.text))
        return after.group("name").lower() if after else ""
    before = sentence.text[:offset]
    named = _NAMED_BEFORE.search(before)
    return named.group("name").lower() if named else ""


def _story_counts(story: _Story) -> list[tuple[tuple[int, Value], tuple[int, Value]]]:
    """Counts of the same thing for the same event that two articles give differently.

    A count is a number of ``PEOPLE_UNITS`` (people, households, soldiers) in a sentence
    naming an event of ``COUNT_EVENTS`` ("evacuated", "killed", "arrested"): the event in
    the number's context, else the sentence's only event. The count's subject is its unit
    and event, wherever in the story it is told ("2,300 residents evacuated" and "the
    evacuation order covered more than 1,800 people"). Only a sentence's one count of its
    unit is read, sentences naming a year (earlier incidents) are left out, and only an
    article whose counts of a subject all agree speaks for it
    (an article with two tolls may tell two incidents); two articles conflict when none of
    their values for the subject agree.
    """
    told: dict[tuple[str, str], dict[str, list[tuple[int, Value]]]] = defaultdict(lambda: defaultdict(list))
    for k, sentence in enumerate(story.sentences):
        if any(YEAR.match(v.text) for v in story.numbers(k)):
            continue  # "in 2009 an explosion killed 15": a dated, earlier incident
        values = counts(story.numbers(k))
        units = [v.about for v in values]
        for value in values:
            if value.about in PEOPLE_UNITS and units.count(value.about) == 1 \
                    and (event := _event(sentence, value, len(values))):
                told[value.about, event][sentence.article].append((k, value))
    found = []
    for articles in told.values():
        speaking = [v for v in articles.values() if all(compatible(x[1], y[1]) for x in v for y in v)]
        for n, first in enumerate(speaking):
            for second in speaking[n + 1:]:
                if not any(compatible(x[1], y[1]) for x in first for y in second):
                    found.append((first[0], second[0]))
    return found


def _event(sentence: Sentence, value: Value, count: int) -> str:
    """The event a count belongs to: the one in its context, else the sentence's only event
    when the count is the sentence's only one (``count``); ``""`` when none or several."""
    near = sorted(value.context & COUNT_EVENTS)
    if len(near) == 1:
        return near[0]
    if near or count > 1:
        return ""
    events = {FACT_SYNONYMS.get(s, s) for s in analyze(sentence.text)} & COUNT_EVENTS
    return events.pop() if len(events) == 1 else ""


def _best_pairs(
    sentences: Sequence[Sentence], first: list[int], second: list[int], cosines: list[float]
) -> tuple[list[int], list[int], list[float]]:
    """The aligned pairs whose two sentences are each other's closest in the other's article.

    A sentence of article A is compared with the sentence of article B that tells the same
    fact best, not with every sentence of B close enough: when B repeats A's sentence word
    for word and also has a similar one with another value (two list items, two people's
    records), the two values are not a disagreement between A and B. Pairs within one
    article are all kept.
    """
    best: dict[tuple[int, str], float] = {}
    for i, j, cosine in zip(first, second, cosines, strict=True):
        for k, other in ((i, sentences[j].article), (j, sentences[i].article)):
            if best.get((k, other), -1.0) < cosine:
                best[k, other] = cosine
    kept = [(i, j, c) for i, j, c in zip(first, second, cosines, strict=True)
            if sentences[i].article == sentences[j].article
            or (c >= best[i, sentences[j].article] - _TIE and c >= best[j, sentences[i].article] - _TIE)]
    return [i for i, _, _ in kept], [j for _, j, _ in kept], [c for _, _, c in kept]


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
    """Values replaced by other values where two near-copy sentences differ.

    One fact told twice differs in one value; two sentences differing in two or more
    values (a name and a date, two numbers) are about two things - two people's records,
    two items of a list - and give no conflict.
    """
    a, b = story.sentences[i], story.sentences[j]
    found = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "replace" or max(i2 - i1, j2 - j1) > MAX_CHANGE:
            continue
        first, second = _piece(a, story.tokens[i][i1:i2]), _piece(b, story.tokens[j][j1:j2])
        change = (_date_change(first, second) or _time_change(a, b, first, second)
                  or _number_change(a, b, _values_in(story.numbers(i), first), _values_in(story.numbers(j), second))
                  or _actor_change(a, b, story.tokens[i][i1:i2], story.tokens[j][j1:j2], story.names))
        if change:
            found.append(change)
    return found if len(found) == 1 else []


def _piece(sentence: Sentence, run: list[Token]) -> tuple[str, int, int]:
    start, end = run[0].start, run[-1].end
    offset = start - sentence.start
    return sentence.text[offset:offset + end - start], start, end


def _number_change(a: Sentence, b: Sentence, va: list[Value], vb: list[Value]) -> Found | None:
    """A number replaced by a different one counting the same thing (a year or a day of the
    month by another is a date change)."""
    if not va or not vb or {v.number for v in va} == {v.number for v in vb}:
        return None
    x, y = va[0], vb[0]
    if YEAR.match(x.text) and YEAR.match(y.text):
        return ("date", "year", _triple(x), _triple(y))
    if _after_month(a, x) and _after_month(b, y):
        return ("date", "date", _triple(x), _triple(y))
    if x.about != y.about or compatible(x, y):
        return None
    return ("number", x.about or "number", _triple(x), _triple(y))


def _after_month(sentence: Sentence, value: Value) -> bool:
    return bool(_MONTH_BEFORE.search(sentence.text[:value.start - sentence.start]))


def _time_change(a: Sentence, b: Sentence, first: tuple[str, int, int], second: tuple[str, int, int]) -> Found | None:
    """A time of day replaced by another ("7 p.m." / "9 p.m."), found around the changed words."""
    ta, tb = _time_at(a, first), _time_at(b, second)
    if ta is None or tb is None or re.sub(r"\W", "", ta[0].lower()) == re.sub(r"\W", "", tb[0].lower()):
        return None
    return ("date", "time", ta, tb)


def _time_at(sentence: Sentence, piece: tuple[str, int, int]) -> tuple[str, int, int] | None:
    for match in _TIME.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if start < piece[2] and piece[1] < end:
            return match.group(), start, end
    return None


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


def _actor_change(a: Sentence, b: Sentence, first: list[Token], second: list[Token],
                  names: dict[str, set[str]]) -> Found | None:
    """One name replaced by another in the changed words (the words around it may be reworded).

    Each side must hold one run of capitalised words, not at the start of its sentence and
    not in capitals only; it is a name when it has two or more words, or when another
    article of the story uses one of its words as a name. Spelling variants and names the
    other sentence also holds (a reordered list) are no conflict.
    """
    ra, rb = _name_run(a, first), _name_run(b, second)
    if ra is None or rb is None:
        return None
    if not (_is_name(ra[0], a.article, names) and _is_name(rb[0], b.article, names)):
        return None
    if _same_name(ra[0], rb[0]) or _mentions(b, ra[0]) or _mentions(a, rb[0]):
        return None
    return ("actor", "name", ra, rb)


def _name_run(sentence: Sentence, run: list[Token]) -> tuple[str, int, int] | None:
    """The only run of capitalised words among ``run``, as ``(text, start, end)``, else ``None``."""
    groups: list[list[Token]] = []
    previous = -2
    for k, token in enumerate(run):
        word = sentence.text[token.start - sentence.start:token.end - sentence.start]
        if word[:1].isupper() and word not in ACTOR_STOP:
            if k == previous + 1:
                groups[-1].append(token)
            else:
                groups.append([token])
            previous = k
    if len(groups) != 1 or groups[0][0].start == sentence.start:
        return None
    text, start, end = _piece(sentence, groups[0])
    return None if text.isupper() else (text, start, end)


def _mentions(sentence: Sentence, name: str) -> bool:
    """Whether ``sentence`` holds one of the words of ``name``."""
    words = set(re.findall(r"[A-Z][\w'’-]*", sentence.text))
    return any(w in words for w in re.findall(r"[A-Z][\w'’-]*", name))


def _is_name(text: str, article: str, names: dict[str, set[str]]) -> bool:
    """Two capitalised words or more, or one that another article of the story uses as a name
    too (a single capitalised word may be a reworded common word: "City" / "Town")."""
    words = [w.strip(".,") for w in text.split()]
    return (bool(words) and all(w[:1].isupper() and w not in ACTOR_STOP for w in words)
            and (len(words) > 1 or any(names.get(w, set()) - {article} for w in words)))


def _same_name(x: str, y: str) -> bool:
    """Spelling variants, one name inside the other, or a shared word: not a different actor."""
    lx, ly = re.sub(r"[^a-z ]", "", x.lower()), re.sub(r"[^a-z ]", "", y.lower())
    compact_x, compact_y = lx.replace(" ", ""), ly.replace(" ", "")
    if not compact_x or not compact_y or compact_x.startswith(compact_y) or compact_y.startswith(compact_x):
        return True
    return bool(set(lx.split()) & set(ly.split())) or SequenceMatcher(None, lx, ly).ratio() >= 0.75


def _number_roles(numbers_a: list[Value], numbers_b: list[Value]) -> list[Found]:
    """Numbers of two paraphrased sentences counting the same thing in the same context."""
    va, vb = counts(numbers_a), counts(numbers_b)
    if not va or not vb:
        return []
    found = []
    for x in va:
        same = [y for y in vb if y.about == x.about]
        if len(same) != 1 or sum(1 for z in va if z.about == x.about) != 1:
            continue
        y = same[0]
        if len(x.context & y.context) >= SHARED_CONTEXT and not compatible(x, y):
            found.append(("number", x.about, _triple(x), _triple(y)))
    return found


