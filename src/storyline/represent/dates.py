"""Temporal expressions: find date references in sentences and resolve them to dates.

``resolve_sentences(article, sentences, anchor)`` finds every expression listed in
``timeline_words.DATED_PATTERNS`` in each sentence and resolves it to a ``TimeExpression``
(first day of the period named, plus its granularity).

Parsing of absolute dates ("Sept. 21 2016", "9/9/2016", "11 April") is dateparser's job
(it also rejects impossible dates such as "Feb 30"). Anchoring is ours, because
dateparser resolves against "now", knows nothing of tense, and cannot anchor on an
earlier sentence:

* "on Friday", "yesterday", "last week", "two days ago", and dates without a year are
  resolved against ``anchor`` - the article's publication date;
* the words around the expression decide past or future ("said on Friday" is the Friday
  before, "will meet on Friday" the one after; "September 9" is in the past of the
  anchor unless the sentence speaks of the future); a weekday inside a present-tense
  quotation with no past-tense verb ('"They tell us Sunday," said a farmer') or right after
  a guess ("maybe Monday") is the one ahead, whatever verb frames the quotation;
* a bare year counts only in year position ("in 2015", "back to 2015", "a 2019 report"),
  never as a count, time or address ("the 2019 people", "2015 GMT", "2019 Main Street");
* "June 16th of last year" counts its year from the anchor's; a date named as an event
  ("the Sept. 11 attacks", ``timeline_words.HISTORICAL_DATES``) keeps its own year;
  "this week" ahead, written on a Sunday, is the week that starts the next day;
* "three days later" and "the next day" count from the last day named in the same
  sentence or the two before it, and stay unresolved without one.

``publication_anchor(article)`` gives the anchor: the ``published`` date, else a dateline
near the top of the text, else the latest full date the text gives (moved to a weekday
named in the following three days), else ``None`` (then only dates with a year resolve).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

from storyline.clean.prose import paragraph_spans
from storyline.model import Article, CleanArticle, Sentence, TimeExpression
from storyline.represent.words import (
    CLOCK_WORDS,
    DATE_HINT,
    DATED_PATTERNS,
    EVENT_NOUN,
    HEDGE_BEFORE,
    HISTORICAL_DATES,
    IRREGULAR_PAST_WORD,
    NUMBER_RANGE,
    NUMBER_WORDS,
    PRESENT_SIGNAL,
    RELATIVE_DAYS,
    SPOKEN_PAST_EXCEPTIONS,
    STREET_WORDS,
    TENSE_MARKERS,
    UNIT_DAYS,
    WEEKDAYS,
    YEAR_COUNT_NOUNS,
    YEAR_WORDS,
)
from storyline.text import QUOTE_MARK, word_count

__all__ = [
    "Anchor", "SentenceDates", "date_sentences", "publication_anchor", "resolve_sentences", "resolve_text",
]

MIN_YEAR, MAX_YEAR = 1000, 2999
"""Years outside this range are misreadings ("20016"), never dates."""
TENSE_BEFORE, TENSE_AFTER = 150, 40
"""Characters before and after an expression searched for the word that sets its tense."""
REFERENCE_SENTENCES = 2
""""Three days later" counts from a day named at most this many sentences back."""
DATELINE_WORDS = 15
"""A line this short near the top that holds a full date is the article's dateline."""
WEEKDAY_SHIFT_MAX = 3
"""A weekday named up to this many days after the latest full date moves the anchor there."""
_PARSER_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "MDY",
                    "RELATIVE_BASE": datetime(2000, 1, 1)}
_PARSER = dateparser.DateDataParser(languages=["en"], settings=_PARSER_SETTINGS)
KEPT_MODIFIERS = ("last", "next", "this", "early", "late")
"""Words kept in an expression's span; other words before it ("on", "in") are left out."""
_SENTENCE_BREAK = re.compile(r"\n|[.!?][\"'”’]?\s+(?=[A-Z\"“])")
_WEEKDAY_PREFIX = re.compile(r"^[A-Z][a-z]+\.?\s?,?\s+")
SUNDAY = 6
"""``date.weekday()`` of Sunday, the day many outlets start their week on."""
OPENERS = " \t\"'“‘`(["
"""Spaces, opening quotes and brackets that may stand before a sentence's first word."""


@dataclass(frozen=True)
class Anchor:
    """The day relative expressions are resolved against, and where it came from.

    ``source`` is ``published``, ``dateline``, ``text`` or ``none``.
    """

    day: date | None
    source: str


@dataclass(frozen=True)
class _Found:
    kind: str
    match: re.Match[str]


def publication_anchor(article: Article) -> Anchor:
    """The article's publication day, or the best day its text gives when it has none."""
    published = article.published
    if published is not None:
        day = published.date() if isinstance(published, datetime) else published
        return Anchor(day, "published")
    text = article.text
    for start, end in paragraph_spans(text)[:3]:
        if word_count(text[start:end]) <= DATELINE_WORDS:
            full = [e.date for e in resolve_text(text, start, end, None) if _is_full(e)]
            if full:
                return Anchor(full[0], "dateline")
    return _latest_full_date(text)


def _latest_full_date(text: str) -> Anchor:
    """The latest past full date in ``text``, moved to a weekday named soon after it."""
    expressions = resolve_text(text, 0, len(text), None)
    full = [e.date for e in expressions if _is_full(e) and not _future(text, e.start, e.end, 0)]
    if not full:
        return Anchor(None, "none")
    latest = max(full)
    shifts = [0]
    for found in _find(text, 0, len(text)):
        if found.kind == "weekday" and not found.match.group("modifier") in ("last", "next"):
            shift = (WEEKDAYS[found.match.group("weekday").rstrip(".")] - latest.weekday()) % 7
            if shift <= WEEKDAY_SHIFT_MAX and not _future(text, *found.match.span(), 0):
                shifts.append(shift)
    return Anchor(latest + timedelta(days=max(shifts)), "text")


def _is_full(expression: TimeExpression) -> bool:
    """True for a day-granular expression that states its year."""
    return expression.granularity == "day" and bool(re.search(r"\d{4}", expression.text))


def resolve_text(text: str, start: int, end: int, anchor: date | None) -> list[TimeExpression]:
    """Expressions in ``text[start:end]`` resolved against ``anchor`` (no reference day)."""
    return [_resolve(text, found, anchor, None, start) for found in _find(text, start, end)]


def resolve_sentences(
    article: Article, sentences: Sequence[Sentence], anchor: date | None
) -> list[list[TimeExpression]]:
    """The resolved expressions of each sentence of ``article``, in reading order.

    Returns:
        One list per sentence; an expression that cannot be resolved has ``date=None``.

    Example:
        >>> a = Article(id="a", text="Talks ended on Friday.", published=date(2016, 9, 21))
        >>> s = Sentence("a", 0, 0, 22, a.text, 0)
        >>> resolve_sentences(a, [s], date(2016, 9, 21))[0][0].date
        datetime.date(2016, 9, 16)
    """
    result: list[list[TimeExpression]] = []
    recent: list[tuple[int, date]] = []
    for k, sentence in enumerate(sentences):
        found_here: list[TimeExpression] = []
        for found in _find(article.text, sentence.start, sentence.end):
            days = [d for i, d in recent if k - i <= REFERENCE_SENTENCES]
            reference = days[-1] if days else None
            expression = _resolve(article.text, found, anchor, reference, sentence.start)
            expression = _with_article(expression, article.id)
            found_here.append(expression)
            if expression.granularity == "day" and expression.date is not None:
                recent.append((k, expression.date))
        result.append(found_here)
    return result


def _with_article(expression: TimeExpression, article_id: str) -> TimeExpression:
    return TimeExpression(article_id, expression.start, expression.end, expression.text,
                          expression.date, expression.granularity)


def _find(text: str, start: int, end: int) -> list[_Found]:
    """Non-overlapping matches in ``text[start:end]``, most specific pattern first (none
    where ``DATE_HINT`` finds nothing: about half of news sentences)."""
    if not DATE_HINT.search(text, start, end):
        return []
    taken: list[tuple[int, int]] = []
    found: list[_Found] = []
    for kind, pattern in DATED_PATTERNS:
        for match in pattern.finditer(text, start, end):
            a, b = match.span()
            if any(a < y and x < b for x, y in taken):
                continue
            if kind == "relative_day" and not _is_relative_word(text, start, a):
                continue
            if kind == "year" and not _is_year(match):
                continue
            taken.append((a, b))
            found.append(_Found(kind, match))
    return sorted(found, key=lambda f: f.match.start())


def _is_relative_word(text: str, start: int, position: int) -> bool:
    """True when "today" at ``position`` is the word, not part of a name: lower-case, or
    capitalised only where a sentence or line begins ("Today, the council..." but not
    "Riverline Today" or "USA Today")."""
    if not text[position].isupper():
        return True
    before = text[start:position].rstrip(OPENERS)
    return not before or before[-1] in "\n.!?:"


def _is_year(match: re.Match[str]) -> bool:
    """True when the number of a ``year`` match is a year, not a count, time or address:
    "a 2019 inspection report" and "back to 2015", but not "the 2019 people", "by 2015 GMT",
    "the 2019 Main Street office" or "from 2000 to 2500 tonnes"."""
    text, end = match.string, match.end("year")
    if CLOCK_WORDS.match(text, end):
        return False
    following = re.match(r"\s+([^\W\d_][\w'-]*)", text[end:end + 40])
    determiner = match.group("determiner")
    if determiner and (following is None or not match.group("year").startswith(("19", "20"))
                       or STREET_WORDS.match(text, end)):
        return False
    ranged = NUMBER_RANGE.match(text, end)
    if ranged and ranged.group("noun").lower() in YEAR_COUNT_NOUNS:
        return False
    lead = (match.group("lead") or "").lower()
    counted = following is not None and following.group(1).lower() in YEAR_COUNT_NOUNS
    return not (counted and lead not in ("in", "since", "during", "until", "before", "after"))


def _resolve(
    text: str, found: _Found, anchor: date | None, reference: date | None, sentence_start: int
) -> TimeExpression:
    """Resolve one match; ``date`` is ``None`` when it names no checkable date."""
    start, end = _expression_span(found)
    future = _future(text, start, end, sentence_start) or _spoken_plan(text, found, sentence_start)
    try:
        day, granularity = _RESOLVERS[found.kind](found.match, anchor, reference, future)
    except (ValueError, OverflowError):
        day, granularity = None, "day"
    if day is not None and not MIN_YEAR <= day.year <= MAX_YEAR:
        day = None
    return TimeExpression("", start, end, text[start:end], day, granularity)


def _expression_span(found: _Found) -> tuple[int, int]:
    """The span shown for a match, leaving out a preposition before it ("on", "in")."""
    match = found.match
    if found.kind == "year":
        return match.span("year")
    if found.kind in ("month", "weekday"):
        modifier = (match.group("modifier") or "").lower()
        if modifier not in KEPT_MODIFIERS and not modifier.startswith("mid"):
            return match.start(found.kind), match.end()
    return match.span()


def _future(text: str, start: int, end: int, sentence_start: int) -> bool:
    """True when the tense word nearest ``text[start:end]`` speaks of the future."""
    before = list(TENSE_MARKERS.finditer(text, _clause_start(text, start, sentence_start), start))
    if before:
        return before[-1].lastgroup == "future"
    after = TENSE_MARKERS.search(text[end:end + TENSE_AFTER].split(".")[0])
    return bool(after and after.lastgroup == "future")


def _spoken_plan(text: str, found: _Found, sentence_start: int) -> bool:
    """True for a weekday a speaker looks ahead to, whatever tense the sentence around it
    has: one right after a guess ("maybe Monday") with no past-tense verb before it in its
    clause, or one in a quotation in the present tense with no past-tense verb in it
    ('"They tell us Sunday," said a farmer'; not '"We fled on Sunday," she said')."""
    match = found.match
    if found.kind != "weekday" or "'s" in match.group():
        return False
    if (match.group("modifier") or "").lower() in ("last", "next", "since", "after", "from"):
        return False
    quotation = _quotation(text, match.start())
    lower = quotation[0] if quotation else _clause_start(text, match.start(), sentence_start)
    if HEDGE_BEFORE.search(text[lower:match.start()]) and not _has_past(text, lower, match.start()):
        return True
    if quotation is None:
        return False
    return not _has_past(text, *quotation) and bool(PRESENT_SIGNAL.search(text, *quotation))


def _quotation(text: str, position: int) -> tuple[int, int] | None:
    """The (start, end) of the quotation ``position`` lies in, on its line; ``None`` outside
    quotation marks. Quotation marks are counted from the start of the line."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line_end = len(text) if line_end < 0 else line_end
    marks = list(QUOTE_MARK.finditer(text, line_start, line_end))
    before = [m for m in marks if m.end() <= position]
    if len(before) % 2 == 0:
        return None
    after = [m.start() for m in marks if m.start() >= position]
    return before[-1].end(), after[0] if after else line_end


def _clause_start(text: str, position: int, sentence_start: int) -> int:
    """Where the sentence holding ``position`` begins (searching back ``TENSE_BEFORE``)."""
    lower = max(sentence_start, position - TENSE_BEFORE)
    for brk in _SENTENCE_BREAK.finditer(text, lower, position):
        lower = brk.end()
    return lower


def _has_past(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` holds a past-tense word (present "says", "has" aside)."""
    if IRREGULAR_PAST_WORD.search(text, start, end):
        return True
    return any(m.lastgroup == "past" and m.group().lower() not in SPOKEN_PAST_EXCEPTIONS
               for m in TENSE_MARKERS.finditer(text, start, end))


@lru_cache(maxsize=50_000)
def parse_date(expression: str) -> tuple[int, int, int] | None:
    """(year, month, day) of an absolute date by dateparser; year 2000 when none is given."""
    parsed = _PARSER.get_date_data(expression).date_obj
    return (parsed.year, parsed.month, parsed.day) if parsed else None


def _absolute(match: re.Match[str], anchor: date | None, _ref: date | None, future: bool):
    """"Sept. 21 2016", "9/9/2016", "11 April", "Monday, March 3"."""
    year = match.group("year")
    if year and len(year) not in (2, 4):
        return None, "day"
    phrase = match.group()
    if match.groupdict().get("year_word"):
        phrase = match.string[match.start():match.start("year_word")].removesuffix(" of")
    if match.groupdict().get("weekday"):
        phrase = _WEEKDAY_PREFIX.sub("", phrase)
    parsed = parse_date(" ".join(phrase.replace(",", " ").split()))
    if parsed is None:
        return None, "day"
    if year:
        return date(*parsed), "day"
    return _year_of(match, parsed[1], parsed[2], anchor, future), "day"


def _year_of(match: re.Match[str], month: int, day: int, anchor: date | None, future: bool):
    """A month and day without a year: "of last year" counts from the anchor's year, a
    historical event ("the Sept. 11 attacks") keeps its own, else the nearest year."""
    word = (match.groupdict().get("year_word") or "").lower()
    if word:
        return date(anchor.year + YEAR_WORDS[word], month, day) if anchor else None
    historical = HISTORICAL_DATES.get((month, day))
    if historical and EVENT_NOUN.match(match.string, match.end()):
        return date(historical, month, day)
    return _nearest_year(month, day, anchor, future)


def _month_year(match: re.Match[str], _anchor, _ref, _future_):
    parsed = parse_date(match.group("month"))
    return (date(int(match.group("year")), parsed[1], 1) if parsed else None), "month"


def _month(match: re.Match[str], anchor: date | None, _ref, future: bool):
    parsed = parse_date(match.group("month").capitalize())
    if parsed is None or anchor is None:
        return None, "month"
    modifier = match.group("modifier").lower()
    if modifier in ("last", "next"):
        future = modifier == "next"
    return _nearest_year(parsed[1], 1, anchor, future, strict=modifier in ("last", "next")), "month"


def _nearest_year(month: int, day: int, anchor: date | None, future: bool, strict: bool = False):
    """The date with ``month``/``day`` nearest ``anchor`` on the side the tense points to."""
    if anchor is None:
        return None
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    slack = timedelta(days=0 if strict else 2)
    side = [c for c in candidates if (c >= anchor - slack if future else c <= anchor + slack)]
    if strict:
        side = [c for c in side if (c.year, c.month) != (anchor.year, anchor.month)]
    pool = side or candidates
    return min(pool, key=lambda c: abs((c - anchor).days)) if pool else None


def _year(match: re.Match[str], _anchor, _ref, _future_):
    return date(int(match.group("year")), 1, 1), "year"


def _relative_day(match: re.Match[str], anchor: date | None, _ref, _future_):
    offset = RELATIVE_DAYS[" ".join(match.group("word").lower().split())]
    return (anchor + timedelta(days=offset) if anchor else None), "day"


def _weekday(match: re.Match[str], anchor: date | None, _ref, future: bool):
    if anchor is None:
        return None, "day"
    target = WEEKDAYS[match.group("weekday").rstrip(".")]
    modifier = (match.group("modifier") or "").lower()
    back = (anchor.weekday() - target) % 7
    ahead = (target - anchor.weekday()) % 7
    if modifier == "last":
        return anchor - timedelta(days=back or 7), "day"
    if modifier == "next":
        return anchor + timedelta(days=ahead or 7), "day"
    if future and modifier != "since":
        return anchor + timedelta(days=ahead), "day"
    return anchor - timedelta(days=back), "day"


def _count(match: re.Match[str]) -> int:
    raw = " ".join(match.group("count").lower().split())
    return int(raw) if raw.isdigit() else NUMBER_WORDS[raw]


def _shifted(base: date, days: int, unit: str) -> tuple[date, str]:
    """``base`` moved by ``days``: a day for day and week counts, else its month or year."""
    day = base + timedelta(days=days)
    if unit in ("day", "week"):
        return day, "day"
    if unit == "month":
        return day.replace(day=1), "month"
    return day.replace(month=1, day=1), "year"


def _ago(match: re.Match[str], anchor: date | None, _ref, _future_):
    unit, count = match.group("unit").lower(), _count(match)
    if anchor is None or count == 0:
        return None, unit
    sign = 1 if match.group("direction").lower() == "from now" else -1
    return _shifted(anchor, sign * count * UNIT_DAYS[unit], unit)


def _later(match: re.Match[str], _anchor, reference: date | None, _future_):
    unit, count = match.group("unit").lower(), _count(match)
    if reference is None or count == 0:
        return None, unit
    sign = 1 if match.group("direction").lower() in ("later", "afterwards") else -1
    return _shifted(reference, sign * count * UNIT_DAYS[unit], unit)


def _next_day(match: re.Match[str], _anchor, reference: date | None, _future_):
    direction = match.group("direction").lower()
    if reference is None:
        return None, "day"
    sign = 1 if direction in ("next", "following") else -1
    return reference + timedelta(days=sign), "day"


def _period(match: re.Match[str], anchor: date | None, _ref, future: bool):
    unit = match.group("unit").lower()
    if anchor is None:
        return None, unit
    modifier = " ".join(match.group("modifier").lower().split())
    step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(modifier, 0)
    if unit == "week":
        if modifier == "this" and future and anchor.weekday() == SUNDAY:
            step = 1  # written on a Sunday, "this week" ahead is the week that starts tomorrow
        day = anchor + timedelta(days=7 * step)
        return day - timedelta(days=day.weekday()), "week"
    if unit == "month":
        month = anchor.year * 12 + anchor.month - 1 + step
        return date(month // 12, month % 12 + 1, 1), "month"
    return date(anchor.year + step, 1, 1), "year"


_RESOLVERS = {
    "iso": _absolute, "numeric": _absolute, "month_day": _absolute, "day_month": _absolute,
    "month_year": _month_year, "month": _month, "year": _year, "relative_day": _relative_day,
    "weekday": _weekday, "ago": _ago, "later": _later, "next_day": _next_day, "period": _period,
}


Named = tuple[tuple[date, int, int], ...]
"""The distinct days a sentence names, each with the span of its first expression."""


@dataclass(frozen=True)
class SentenceDates:
    """Every kept sentence of a story with the days it talks about.

    ``named[i]`` holds every day sentence ``i`` names with its expression's span;
    ``published[i]`` is its article's anchor day (or ``None``).
    """

    sentences: tuple[Sentence, ...]
    named: tuple[Named, ...]
    published: tuple[date | None, ...]
    notes: tuple[str, ...]

    @property
    def day(self) -> tuple[date | None, ...]:
        """The first day each sentence names, or ``None``."""
        return tuple(n[0][0] if n else None for n in self.named)


def date_sentences(kept: Sequence[CleanArticle]) -> SentenceDates:
    """Resolve the expressions of every kept sentence; note articles dated from their text."""
    sentences, named, published, notes = [], [], [], []
    for cleaned in kept:
        anchor = publication_anchor(cleaned.article)
        if anchor.source != "published":
            notes.append(_anchor_note(cleaned.article, anchor.day, anchor.source))
        for sentence, found in zip(cleaned.sentences, resolve_sentences(
                cleaned.article, cleaned.sentences, anchor.day), strict=True):
            days: dict[date, tuple[date, int, int]] = {}
            for e in found:
                if e.granularity == "day" and e.date is not None and e.date not in days:
                    days[e.date] = (e.date, e.start, e.end)
            sentences.append(sentence)
            named.append(tuple(days.values()))
            published.append(anchor.day)
    return SentenceDates(tuple(sentences), tuple(named), tuple(published), tuple(notes))


def _anchor_note(article: Article, day: date | None, source: str) -> str:
    name = article.path or article.id
    if day is None:
        return (f"{name}: no publication date and no full date in its text; "
                "only dates that give their year were used")
    where = "its dateline" if source == "dateline" else "the latest full date in its text"
    return f"{name}: no publication date; dated {day.isoformat()} from {where}"
