"""Word lists and patterns for temporal expressions (used by ``storyline.represent.dates``).

Month and weekday names must be capitalised ("may", "march" and "sun" are also words).
Spaces may come before commas, as in tokenized text ("April 20 , 2010"). Each pattern
names its parts: ``month``, ``day``, ``year``, ``weekday``, ``modifier``, ``count``,
``unit``, ``direction``.
"""

from __future__ import annotations

import re

__all__ = [
    "CLOCK_WORDS",
    "DATED_PATTERNS",
    "DATE_HINT",
    "EVENT_NOUN",
    "HEDGE_BEFORE",
    "HISTORICAL_DATES",
    "IRREGULAR_PAST",
    "IRREGULAR_PAST_WORD",
    "NUMBER_RANGE",
    "NUMBER_WORDS",
    "PRESENT_SIGNAL",
    "RELATIVE_DAYS",
    "SPOKEN_PAST_EXCEPTIONS",
    "STREET_WORDS",
    "TENSE_MARKERS",
    "UNIT_DAYS",
    "WEEKDAYS",
    "YEAR_COUNT_NOUNS",
    "YEAR_WORDS",
]

WEEKDAYS: dict[str, int] = {
    name: number
    for number, names in enumerate((
        ("Monday", "Mon"), ("Tuesday", "Tue", "Tues"), ("Wednesday", "Wed"),
        ("Thursday", "Thu", "Thurs"), ("Friday", "Fri"), ("Saturday", "Sat"), ("Sunday", "Sun"),
    ))
    for name in names
}
"""Weekday names and abbreviations -> ``date.weekday()`` number."""

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a couple of": 2, "several": 0, "a few": 0,
}
"""Counts written as words; 0 means vague (the expression is not resolved)."""

YEAR_WORDS: dict[str, int] = {"last": -1, "this": 0, "next": 1}
"""Years counted from the publication year: "June 16th of last year", "May 3 next year"."""

HISTORICAL_DATES: dict[tuple[int, int], int] = {(9, 11): 2001}
"""(month, day) -> year of events named by their date alone: "the Sept. 11 attacks" is
2001, never the Sept. 11 nearest the article. Used only when ``EVENT_NOUN`` follows."""

EVENT_NOUN = re.compile(r"\s*(?:terrorist\s+|terror\s+)?(?:attacks?|hijackings?)\b", re.IGNORECASE)
"""Nouns after a date without a year that make it the name of a past event."""

UNIT_DAYS: dict[str, int] = {"day": 1, "week": 7, "month": 30, "year": 365}
"""Length of a unit in days, for "three days later" and "two weeks ago"."""

RELATIVE_DAYS: dict[str, int] = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "tomorrow": 1,
}
"""Words naming a day relative to the publication date."""

IRREGULAR_PAST: tuple[str, ...] = (
    "ran", "drove", "sat", "slept", "woke", "knew", "thought", "heard", "felt", "kept",
    "brought", "bought", "caught", "fought", "stood", "wrote", "spent", "built", "ate", "drank",
    "flew", "grew", "threw", "drew", "blew", "chose", "rode", "shook", "wore", "tore", "froze",
    "hid", "became", "forgot", "understood", "meant", "paid", "sold", "fled", "dug", "stuck",
    "swept", "shot", "taught", "sought", "sank", "swam", "stole", "withdrew", "arose",
)
"""Past forms not ending in -ed (nor also present forms, like "put" or "set") that
``TENSE_MARKERS`` leaves out (many are also participles: "booms meant to contain it").
Inside a quotation they are past enough: '"We fled on Monday," she said'."""

IRREGULAR_PAST_WORD = re.compile(r"\b(?:" + "|".join(IRREGULAR_PAST) + r")\b", re.IGNORECASE)
"""Any word of ``IRREGULAR_PAST``."""

TENSE_MARKERS = re.compile(
    r"(?P<future>'ll\b|\b(?:will|shall|won't|would|going to|plans? to|planned|scheduled|"
    r"expect(?:s|ed)?|forecast|due to|set to|is to|are to|upcoming|coming|intends? to|"
    r"aims? to|hopes? to|should|could|may|might|must)\b)"
    r"|(?P<past>(?<!\bbe )\b(?:\w+ed|was|were|had|did|said|says|told|began|came|took|went|made|met|"
    r"saw|left|held|gave|found|got|hit|struck|fell|rose|broke|spoke|sent|led|won|lost|"
    r"has|have|been|ago|since|last)\b)",
    re.IGNORECASE,
)
"""Tense-bearing words: the one nearest before an expression (else just after it) decides
whether the expression points to the future of the publication date (group ``future``)."""

SPOKEN_PAST_EXCEPTIONS = frozenset({"says", "has", "have"})
"""Words of the ``past`` group of ``TENSE_MARKERS`` that are present-tense forms: inside a
quotation ("He says Monday") they do not put the quotation in the past."""

PRESENT_SIGNAL = re.compile(
    r"\b(?:am|is|are|isn't|aren't|do|does|don't|doesn't|can|can't|tell|tells|say|says|hope|"
    r"hopes|want|wants|need|needs|go|goes|come|comes|get|gets|open|opens|reopen|reopens|"
    r"return|returns|leave|leaves|start|starts|begin|begins|maybe|perhaps|possibly|probably|"
    r"hopefully)\b|(?<=\w)'(?:m|re)\b",
    re.IGNORECASE,
)
"""Present-tense verbs and guesses: a quotation holding one of these and no past-tense verb
speaks of what is still to come ('"They tell us Sunday," said a farmer')."""

HEDGE_BEFORE = re.compile(
    r"\b(?:maybe|perhaps|possibly|probably|hopefully)\s*,?\s+$", re.IGNORECASE)
"""A guess just before a weekday ("maybe Monday", "perhaps on Monday"): the day is ahead
unless a past-tense verb comes before it in the same clause."""

YEAR_COUNT_NOUNS = frozenset({
    "people", "persons", "residents", "families", "households", "homes", "houses", "voters",
    "votes", "members", "workers", "employees", "jobs", "students", "children", "patients",
    "cases", "deaths", "victims", "soldiers", "troops", "refugees", "migrants", "passengers",
    "animals", "cattle", "cows", "sheep", "units", "items", "copies", "pages", "words",
    "signatures", "acres", "hectares", "miles", "kilometres", "kilometers", "km", "metres",
    "meters", "m", "feet", "ft", "tonnes", "tons", "kg", "kilograms", "pounds", "litres",
    "liters", "gallons", "barrels", "dollars", "euros", "yen", "cents", "pence", "points",
    "times", "rounds", "calories", "degrees",
})
"""Nouns that make a number before them a count ("2019 people", "the 2015 tonnes"), not a year."""

CLOCK_WORDS = re.compile(
    r"\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|PST|PDT|ET|PT|Z|hours|hrs|h|local\s+time)\b",
    re.IGNORECASE)
"""Words after a four-digit number that make it a time of day ("2015 GMT", "1900 hours")."""

STREET_WORDS = re.compile(
    r"(?:\s+[A-Z][\w'.-]*){1,3}\s+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|"
    r"Drive|Dr|Way|Place|Pl|Court|Ct|Highway|Hwy)\b\.?")
"""Capitalised words ending in a street word after a number: "2019 Main Street" is an address."""

NUMBER_RANGE = re.compile(r"\s*(?:to|and|or|-|–)\s*[$£€]?\d[\d,.]*\s+(?P<noun>[A-Za-z]+)")
"""A range after a number ("2000 to 2500 people"): its noun decides whether both are counts."""

_MONTH = (
    r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|"
    r"July?|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|"
    r"Dec(?:ember|\.)?)"
)
_FULL_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December)"
)
_WEEKDAY = (
    r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"(?:Mon|Tues?|Wed|Thu(?:rs)?|Fri|Sat|Sun)\.?(?=,))"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR_TAIL = r"(?:\s?,?\s*(?P<year>\d{4,6})(?![\d:,.]\d))?"
_YEAR_WORD = r"(?:\s+(?:of\s+)?(?P<year_word>last|this|next)\s+year\b)?"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_NUMBER = r"(?P<count>\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
_LEAD = r"(?<![\w/.-])"
_TRAIL = r"(?![\w/])"

DATED_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(_LEAD + r"(?P<year>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})" + _TRAIL)),
    ("numeric", re.compile(_LEAD + r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<year>\d{4}|\d{2})" + _TRAIL)),
    ("month_day", re.compile(
        r"\b(?:" + _WEEKDAY + r"\s?,?\s+)?" + _MONTH + r"\s+" + _DAY + r"\b" + _YEAR_TAIL
        + _YEAR_WORD)),
    ("day_month", re.compile(
        r"\b(?:" + _WEEKDAY + r"\s?,?\s+)?" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?!\w)"
        + r"(?:\s?,?\s*(?P<year>\d{4})(?!\d))?" + _YEAR_WORD)),
    ("month_year", re.compile(r"\b" + _FULL_MONTH + r"\s?,?\s+(?P<year>\d{4})(?!\d)")),
    ("month", re.compile(
        r"\b(?:(?P<modifier>last|next|this|early|late|mid-?|in|since|until|by|during|of|from|"
        r"through|before|after)\s+)" + _FULL_MONTH + r"\b(?!\s+\d)", re.IGNORECASE)),
    ("year", re.compile(
        r"(?<![$£€])\b(?:(?P<lead>in|since|until|by|during|from|through|before|after|of|early|"
        r"late|mid-?|back\s+to|between)|(?P<determiner>the|an?|its|their|his|her|our|this|that))"
        r"\s+(?P<year>1[89]\d\d|20\d\d)\b(?!s|\d|%|-|/|[.,:]\d|\s*(?:percent|per cent))",
        re.IGNORECASE)),
    ("relative_day", re.compile(
        r"\b(?P<word>today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)|"
        r"last night)\b", re.IGNORECASE)),
    ("weekday", re.compile(
        r"\b(?:(?P<modifier>last|next|this|on|until|by|since|from|before|after|early|late)\s+)?"
        + _WEEKDAY + r"(?:'s)?" + _PART_OF_DAY + r"\b")),
    ("ago", re.compile(
        r"\b" + _NUMBER + r"\s+(?P<unit>day|week|month|year)s?\s+(?P<direction>ago|from now)\b",
        re.IGNORECASE)),
    ("later", re.compile(
        r"\b" + _NUMBER + r"\s+(?P<unit>day|week|month|year)s?\s+(?P<direction>later|earlier|afterwards)\b",
        re.IGNORECASE)),
    ("next_day", re.compile(
        r"\bthe\s+(?P<direction>next|following|previous|preceding)\s+(?P<unit>day)\b",
        re.IGNORECASE)),
    ("period", re.compile(
        r"\b(?P<modifier>last|next|this|past|coming|earlier this|later this)\s+"
        r"(?P<unit>week|month|year)\b", re.IGNORECASE)),
)
"""(kind, pattern) pairs, most specific first; a match never overlaps an earlier one."""

DATE_HINT = re.compile(
    r"\d|day|week|month|year|night|tomorrow|morning|afternoon|evening|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun",
    re.IGNORECASE)
"""Something every match of ``DATED_PATTERNS`` holds (a digit, a unit, a part of the day,
or the start of a month's or weekday's name): a sentence without one names no date."""
