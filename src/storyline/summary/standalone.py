"""Whether a summary sentence stands on its own: quotations whole, no dangling reference.

A summary sentence leans on text the summary does not carry when it:

- starts or ends inside a quotation (``quote_scan``): the middle or the end of a quote
  split over several sentences (``If anything, ... more to know."``), or its start alone;
- opens with a pronoun (``storyline.text.opens_with_pronoun``: "He ...", "It ...",
  "That's ..."), after any opening quotation mark;
- opens with a bare definite description, "The <noun>" with nothing after the noun that
  says which one ("The testy exchange, that took place ...", "The crack was ..."), and no
  word of that noun phrase appears earlier in the summary (``definite_nouns``). A noun
  followed by a restrictive modifier ("The rail line through the valley", "The decision
  to ...") or a name ("The chief executive Tim Cook") says which one and stands alone.

``leaning_reason`` checks one sentence against the summary text before it;
``leaning_sentences`` checks a whole summary in reading order (the readability check of
``benchmarks/summary_readability.py``). The summarizer builds its candidates and chooses
among them so that this check finds nothing. Hand-written: no library marks quotation
state across sentences or bare definite descriptions on our sentence layer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.text import LEAD_MARKS, QUOTE_MARK, STOP_WORDS, opens_with_pronoun, stem, tokens

__all__ = [
    "ANAPHORIC_FIRST",
    "QuoteScan",
    "definite_nouns",
    "leaning_reason",
    "leaning_sentences",
    "opens_quote",
    "quote_scan",
]

ANAPHORIC_FIRST: frozenset[str] = frozenset(
    "latter former same next two three four both pair remaining rest other others".split()
)
"""Words that, right after "The", always point back ("The latter", "The two men")."""
RESTRICTIVE: frozenset[str] = frozenset(
    """of in at on for from with through near behind between outside inside under over
    against across along around within without by about to who that which whose where
    when whom""".split()
)
"""Words after a noun phrase that say which one it is ("The line through the valley")."""
NOUN_PHRASE_STOP: frozenset[str] = RESTRICTIVE | frozenset(
    """is are was were be been being has have had do does did will would shall should can
    could may might must said says say told and or but as than if because while after
    before since not also still just now then so""".split()
)
"""Words that end the noun phrase after "The"."""
MAX_NOUN_WORDS = 4
"""At most this many words are read as the noun phrase after "The"."""

_OPENING = frozenset("“„«‹") | {"``"}
_CLOSING = frozenset("”»›") | {"''"}
_BEFORE_OPENING = "([{—–-/:"
_DEFINITE = re.compile(r"^The\s+")
_WORD = re.compile(r"[\w][\w'’-]*|[^\w\s]")
_WORDS = re.compile(r"\w")


@dataclass(frozen=True)
class QuoteScan:
    """Quotation state across one text.

    ``starts_inside``: a quotation mark closes a quote the text did not open (or it was
    scanned as open from the start); ``ends_inside``: a quote is still open at its end;
    ``spoken``: some words stand outside every quotation (a speaker, a frame).
    """

    starts_inside: bool
    ends_inside: bool
    spoken: bool


def quote_scan(text: str, *, open_at_start: bool = False) -> QuoteScan:
    """Follow the quotation marks of ``text`` (curly, straight, guillemets, ````...''``).

    A straight mark opens a quote after a space (or the start, a bracket, a dash, a colon)
    when a non-space follows, and closes one otherwise. An opening mark inside an open quote
    keeps it open (a quote that runs on into a new paragraph reopens with a mark).

    Example:
        >>> quote_scan('If anything, there is more to know."')
        QuoteScan(starts_inside=True, ends_inside=False, spoken=False)
    """
    inside, starts_inside, spoken, last = open_at_start, open_at_start, False, 0
    for match in QUOTE_MARK.finditer(text):
        opens = _opens(text, match)
        if not inside and (opens or last) and _WORDS.search(text, last, match.start()):
            spoken = True
        if not inside and not opens and not last:
            starts_inside = True  # the words before this first mark were quoted
        inside = opens
        last = match.end()
    if not inside and _WORDS.search(text, last):
        spoken = True
    return QuoteScan(starts_inside, inside, spoken)


def opens_quote(text: str) -> bool:
    """Whether ``text`` begins with a mark that opens a quotation."""
    match = QUOTE_MARK.match(text)
    return match is not None and _opens(text, match)


def _opens(text: str, match: re.Match[str]) -> bool:
    mark = match.group()
    if mark in _OPENING:
        return True
    if mark in _CLOSING:
        return False
    before = text[match.start() - 1] if match.start() else " "
    after = text[match.end()] if match.end() < len(text) else " "
    return (before.isspace() or before in _BEFORE_OPENING) and not after.isspace()


def definite_nouns(text: str) -> frozenset[str] | None:
    """The content-word stems of a bare "The <noun>" opening ``text``; ``None`` if none.

    ``None`` when ``text`` does not open with "The" and a lower-case word, or when the
    noun phrase is followed by a restrictive modifier or a name. An empty set for a phrase
    that always points back ("The latter", "The two").

    Example:
        >>> sorted(definite_nouns("The testy exchange, that took place, came after attacks."))
        ['exchang', 'testi']
        >>> definite_nouns("The rail line through the valley was closed.") is None
        True
    """
    opening = _DEFINITE.match(LEAD_MARKS.sub("", text))
    if opening is None:
        return None
    words = _WORD.findall(LEAD_MARKS.sub("", text)[opening.end():][:120])
    phrase: list[str] = []
    for word in words[:MAX_NOUN_WORDS + 1]:
        if not word[0].isalnum() or not word.islower() or word in NOUN_PHRASE_STOP:
            break
        phrase.append(word)
    if not phrase:
        return None
    if phrase[0] in ANAPHORIC_FIRST:
        return frozenset()
    following = words[len(phrase)] if len(phrase) < len(words) else ""
    if following in RESTRICTIVE or following[:1].isupper():
        return None
    return frozenset(stem(w) for w in phrase if w not in STOP_WORDS)


def leaning_reason(text: str, earlier: str = "") -> str | None:
    """Why summary sentence ``text`` leans on text the summary lacks, or ``None``.

    Args:
        text: one summary sentence (or several sentences taken together).
        earlier: the summary's text before it, in reading order.
    """
    scan = quote_scan(text)
    if scan.starts_inside:
        return "starts inside a quotation"
    if scan.ends_inside:
        return "ends inside a quotation"
    if opens_with_pronoun(text):
        return "opens with a pronoun"
    nouns = definite_nouns(text)
    if nouns is not None and not nouns & {stem(w) for w in tokens(earlier)}:
        return "opens with 'The <noun>' not named before"
    return None


def leaning_sentences(summary: Sequence[str]) -> list[tuple[int, str]]:
    """``(position, reason)`` of every sentence of ``summary`` (in reading order) that leans
    on text outside it; an empty list for a summary whose every sentence stands alone."""
    found = []
    for position, text in enumerate(summary):
        reason = leaning_reason(text, " ".join(summary[:position]))
        if reason:
            found.append((position, reason))
    return found
