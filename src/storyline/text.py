"""The language layer: sentence spans, words and tokens, quotation marks and stems, all in one place.

Sentence boundaries come from syntok, which returns character offsets into the text it
was given, so every span here points into the caller's string unchanged. Words are runs of
word characters with inner apostrophes (``WORD``); ``COMPOUND_WORD`` keeps the units names
are made of ("U.S.", "al-Assad", "AT&T") whole. Both are cut into ``Token`` objects, with
offsets, by ``word_tokens``. Quotation marks and how they pair are defined here once
(``QUOTE_PAIRS``, ``QUOTE_MARK``). Stems come from Snowball (PyStemmer, the C build of the
Snowball stemmers). Every stage that reads words or quotation marks imports them from here;
a stage keeps a pattern of its own only for another purpose (a number, a date), in its
``words.py``.

What boilerplate lines look like in scraped news text (share rows, advertisements, comment
prompts, bylines, credits) is a language rule too, used by reading, cleaning and headlines
alike: ``line_reason(line)`` names why a line is boilerplate, or gives ``None`` when it may
be prose. trafilatura removes boilerplate from HTML by its tree; plain text and JSONL have
no tree, so these line patterns are ours. Each must match the whole stripped line
(case-insensitive but for names), so prose that merely mentions "share" or "copyright" is
never dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from syntok import segmenter

__all__ = [
    "CLOSERS",
    "LINE_PATTERNS",
    "CLOSING_QUOTES",
    "COMPOUND_WORD",
    "LEAD_MARKS",
    "OPENING_QUOTES",
    "PRONOUN_OPENERS",
    "Offsets",
    "QUOTE_CLOSERS",
    "QUOTE_MARK",
    "QUOTE_PAIRS",
    "SENTENCE_END",
    "STOP_WORDS",
    "Token",
    "WORD",
    "analyze",
    "closes_quote",
    "ends_with",
    "line_reason",
    "match_key",
    "opens_with_pronoun",
    "sentence_spans",
    "stem",
    "tokens",
    "word_count",
    "word_tokens",
]

Offsets = tuple[int, int]
"""``(start, end)`` character offsets into a text (``model.Span`` adds the article and text)."""

STOP_WORDS: frozenset[str] = frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "told", "mr", "ms"}
"""Words too common in news to tell two sentences apart."""

SENTENCE_END = ".!?…"
"""Characters that end a sentence."""
QUOTE_PAIRS: tuple[tuple[str, str], ...] = (
    ("“", "”"), ("‘", "’"), ('"', '"'), ("'", "'"), ("``", "''"), ("''", "''"),
    ("„", "“"), ("„", "”"), ("‚", "‘"), ("‚", "’"), ("«", "»"), ("‹", "›"),
)
"""(opening, closing) quotation marks as they pair in print: English “…” and ‘…’, straight
marks, the ````…''`` and ``''…''`` of older newswire, German „…“ and ‚…‘, Polish „…”, French
« … » and ‹ … ›. (German »…« is left out: a lone » is more often a breadcrumb than a quote.)"""
OPENING_QUOTES: frozenset[str] = frozenset(opening for opening, _ in QUOTE_PAIRS)
"""Marks that may open a quotation."""
CLOSING_QUOTES: frozenset[str] = frozenset(closing for _, closing in QUOTE_PAIRS)
"""Marks that may close a quotation ("“" closes a German „…“ as well as opening)."""
PRONOUN_OPENERS: frozenset[str] = frozenset(
    "he she it they him her his its their them this these those that such".split()
)
"""First words that point at a person or thing named before the sentence."""
LEAD_MARKS = re.compile(r"^[\s\"“„«‹`'‘(\[]*")
"""White space, opening quotation marks and brackets at the start of a text."""
QUOTE_MARK = re.compile(r"``|''|[\"“”„«»‹›]")
"""One quotation mark that is never an apostrophe or a comma: the single marks ' ’ ‘ and ‚
of ``QUOTE_PAIRS`` are left out, since ' and ’ end "don't" and "’90s" as often as a
quotation (and ‚ closes with ‘)."""
QUOTE_CLOSERS = "".join(sorted({c for mark in CLOSING_QUOTES for c in mark}))
"""The characters closing marks are made of, for a character class."""
CLOSERS = QUOTE_CLOSERS + ")]"
"""Closing quotes and brackets that may follow the end of a sentence."""

WORD = re.compile(r"\w+(?:['’]\w+)*")
"""A word: word characters, apostrophes inside ("don't", "Iran’s")."""
COMPOUND_WORD = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:[-'’&.]\w+)*")
"""A word as names are made of them: joined by hyphens, apostrophes, ampersands or full
stops ("al-Assad", "AT&T", "Gov.Smith"), an initialism with its full stops ("U.S.") whole."""
_NON_WORD = re.compile(r"\W+")
_INNER_BREAK = re.compile(r"[.!?…;:\n]")
"""Marks that may end a sentence before the end of a chunk; without one, the chunk is one sentence."""
_SPACE = " \t\r\n\f\v\u00a0\u200b\ufeff"
_TRIMMED = re.compile(r"[\s\u200b\ufeff]*(.*?)[\s\u200b\ufeff]*\Z", re.DOTALL)
_STEMMER = Stemmer.Stemmer("english")


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[Offsets]:
    """Split ``text[start:end]`` into sentences.

    A piece that syntok cuts off without sentence punctuation (a dateline such as
    "BRENFIELD (AVP) — ...") is joined to the sentence that follows it. A chunk with no
    sentence punctuation (nor colon, semicolon or line break) before its end is one
    sentence, closing quotes included, and does not go through syntok at all: short news
    paragraphs, often a single sentence, cost a regular-expression search.

    Returns:
        ``(start, end)`` offsets into ``text`` itself, stripped of surrounding white space,
        in reading order. Empty when the range holds no words.

    Example:
        >>> t = "Talks failed. A new round starts on Monday."
        >>> [t[a:b] for a, b in sentence_spans(t)]
        ['Talks failed.', 'A new round starts on Monday.']
    """
    end = len(text) if end is None else end
    chunk = text[start:end]
    if not _INNER_BREAK.search(chunk.rstrip(CLOSERS + SENTENCE_END + _SPACE)):
        return _one_sentence(text, start, end)
    spans: list[Offsets] = []
    pending: int | None = None
    for paragraph in segmenter.analyze(chunk):
        for sentence in paragraph:
            first, last = sentence[0], sentence[-1]
            span = (start + first.offset if pending is None else pending,
                    start + last.offset + len(last.value))
            pending = None if ends_with(text[span[0]:span[1]], SENTENCE_END) else span[0]
            if pending is None:
                spans.append(span)
    if pending is not None:
        spans.append(span)
    return [span for span in spans if WORD.search(text, span[0], span[1])]


def _one_sentence(text: str, start: int, end: int) -> list[Offsets]:
    """``text[start:end]`` stripped as one span, or nothing when it holds no word."""
    inner = _TRIMMED.match(text, start, end)
    return [inner.span(1)] if WORD.search(text, *inner.span(1)) else []


def closes_quote(opening: str, mark: str) -> bool:
    """Whether ``mark`` closes a quotation opened by ``opening``: a mark that only closes
    (” »), a mark that pairs with itself (straight marks: curly and straight may be mixed),
    or the opener's own partner (“ closes „ but not another “)."""
    if mark not in CLOSING_QUOTES:
        return False
    return mark not in OPENING_QUOTES or (mark, mark) in QUOTE_PAIRS or (opening, mark) in QUOTE_PAIRS


def ends_with(text: str, characters: str) -> bool:
    """True when ``text`` ends with one of ``characters``, closing quotes and brackets aside."""
    stripped = text.rstrip().rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in characters


class Token:
    """A word of a text with its offsets: ``text == source[start:end]``; ``key`` is its
    lower-case form without a final full stop ("U.S." -> "u.s"). A plain slotted class:
    tokens are made by the hundred thousand."""

    __slots__ = ("start", "end", "text", "key")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text
        self.key = text.lower().rstrip(".")

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and (self.start, self.end, self.text) == (
            other.start, other.end, other.text)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.text))


def word_tokens(
    text: str, start: int = 0, end: int | None = None, *, pattern: re.Pattern[str] = WORD, base: int = 0
) -> list[Token]:
    """The words of ``text[start:end]`` as ``Token`` objects, in reading order.

    Args:
        pattern: what a word is (``WORD``, ``COMPOUND_WORD``, or a stage's own pattern).
        base: added to every offset, for a ``text`` that is a slice of a longer one
            (a sentence's text, offsets wanted into its article).

    Example:
        >>> word_tokens("The U.S. envoy", pattern=COMPOUND_WORD)
        [Token(0, 3, 'The'), Token(4, 8, 'U.S.'), Token(9, 14, 'envoy')]
    """
    found = pattern.finditer(text, start, len(text) if end is None else end)
    return [Token(base + m.start(), base + m.end(), m.group()) for m in found]


def match_key(text: str) -> str:
    """``text`` lower-cased with every run of non-word characters one space: two texts
    that differ only in case, spacing or punctuation (apostrophes included) share it."""
    return _NON_WORD.sub(" ", text.lower()).strip()


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens of ``text`` (punctuation dropped, apostrophes kept)."""
    return [match.group().lower() for match in WORD.finditer(text)]


def opens_with_pronoun(text: str) -> bool:
    """Whether the first word of ``text`` (after opening quotation marks and brackets) is
    one of ``PRONOUN_OPENERS``: a sentence that leans on one before it.

    Example:
        >>> opens_with_pronoun('"They said it would hold," the engineer added.')
        True
        >>> opens_with_pronoun("Thousands left their homes.")
        False
    """
    words = tokens(LEAD_MARKS.sub("", text)[:40])
    return bool(words) and words[0].split("'")[0].split("’")[0] in PRONOUN_OPENERS


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball (Porter 2) stem of one lower-cased word."""
    return _STEMMER.stemWord(word)


def analyze(text: str) -> list[str]:
    """Content-word stems of ``text``: the features used to compare sentences."""
    return [stem(word) for word in tokens(text) if word not in STOP_WORDS]


def word_count(text: str) -> int:
    """Number of word tokens in ``text``."""
    return len(WORD.findall(text))


_SHARE_WORD = (
    r"(?:share(?:\s+(?:this|on\s+\w+))?(?:\s+(?:article|story|page|post))?|tweet|email|e-mail"
    r"|print|pin(?:\s+it)?|whatsapp|facebook|twitter|linkedin|reddit|messenger|copy\s+link"
    r"|save|\d+\s+shares?)"
)

_CASED = ("photo credit", "byline")
"""Patterns that rely on capital letters (names); all others ignore case."""

LINE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, 0 if reason in _CASED else re.IGNORECASE))
    for reason, pattern in (
        ("share buttons", rf"{_SHARE_WORD}(?:\s*[|/·•,:]?\s*{_SHARE_WORD})*:?"),
        ("advertisement", r"(?:advertisement|advertising|sponsored(?:\s+content)?|ad|"
                          r"story continues below(?: this)? advertisement)"),
        ("comment prompt", r"(?:leave\s+a\s+(?:reply|comment)|comments?|\d+\s+comments?|"
                           r"post\s+a\s+comment|join\s+the\s+(?:conversation|discussion)|"
                           r"do you like the content of this article\??|"
                           r"you must be logged in to post a comment\.?|"
                           r"this site uses akismet to reduce spam\..*|"
                           r"(?:the\s+)?views\s+expressed\s+in\s+the\s+comments\s+.{0,80}|"
                           r"cancel reply|reply|view comments?)"),
        ("subscription prompt", r"(?:subscribe(?:\s+(?:now|today|here))?.{0,60}|"
                                r"sign\s+up\s+(?:for|to)\s+.{0,60}newsletter.{0,40}|"
                                r"already\s+a\s+subscriber\??.{0,30}|"
                                r"get\s+the\s+latest\s+.{0,60}\s+in\s+your\s+inbox\.?|"
                                r"(?:log|sign)\s+in\s+to\s+continue\s+reading\.?)"),
        ("related links", r"(?:related(?:\s+(?:video|videos|articles?|stories|story|"
                          r"coverage|content|topics))?|read\s+more|more\s+on\s+this\s+story|"
                          r"watch|most\s+read|recommended(?:\s+for\s+you)?|"
                          r"you\s+may\s+also\s+like|trending(?:\s+now)?)\s*:?"),
        ("read-more link", r"(?:show\s+full\s+article|continue\s+reading(?:\s+the\s+main"
                           r"\s+story)?|read\s+the\s+full\s+(?:story|article)|"
                           r"click\s+here\s+to\s+.{0,60}|skip\s+to\s+(?:main\s+)?content|"
                           r".{0,60}\b(?:is|are|continues?|more)\s+after\s+the\s+jump)\s*\.?"),
        ("copyright line", r"(?:copyright|©|\(c\)).{0,200}|.{0,120}all\s+rights\s+reserved\..*|"
                           r"this\s+material\s+may\s+not\s+be\s+published.{0,80}|"
                           r"please\s+credit\s+(?:all\s+)?(?:usage|use)\s+.{0,160}"),
        ("photo credit", r".{0,400}(?:\|\s*(?i:image|photo|picture|video|credit)s?\s*:|"
                         r"\b(?i:photo|image|picture)\s+(?i:credit|copyright|caption)\s*:?|"
                         r"\((?:AP|AFP|Reuters|Getty)?\s*Photo\s*/[^)]{1,60}\)|"
                         r"\([A-Z][\w .&-]{1,40}/[A-Z][\w .'-]{1,40}\))\s*"
                         r"(?:[A-Z][\w .'/-]{0,60})?"),
        ("byline", r"(?:(?i:by)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}"
                   r"(?:\s*(?:,|and|&)\s*[A-Z][\w'-]+(?:\s+[A-Z][\w.'-]+){0,4}){0,3}|"
                   r".{0,120}\b(?i:contributed\s+to\s+this\s+report)\.?|"
                   r"\(?(?i:reporting|writing|editing|additional\s+reporting)\s+(?i:by)\s+.{0,120}\)?|"
                   r"[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3},\s+(?i:staff|senior|chief)?\s*"
                   r"(?i:reporter|writer|correspondent|editor)\.?)"),
        ("timestamp line", r"(?:posted|published|updated|last\s+updated)\s*(?:on|at)?\s*:?"
                           r"\s*[\w ,:./+-]{0,60}"),
        ("archive notice", r"(?:starting\s+in\s+1996,\s+alexa\s+internet\s+has\s+been\s+donating|"
                           r"these\s+crawls\s+are\s+part\s+of\s+an\s+effort\s+to\s+archive|"
                           r"the\s+seed\s+for\s+(?:this\s+crawl|wide\d+)\s+was|this\s+crawl\s+was\s+run\s+at|"
                           r"the\s+warc\s+files\s+associated\s+with\s+this\s+crawl|"
                           r"this\s+data\s+is\s+currently\s+not\s+publicly\s+accessible|"
                           r"sorry,?\s+the\s+page\s+you\s+requested\s+(?:could\s+not|cannot)\s+be\s+found)"
                           r".{0,600}"),
    )
)


def line_reason(line: str) -> str | None:
    """Return why ``line`` is boilerplate, or ``None`` when it may be prose.

    Example:
        >>> line_reason("Advertisement")
        'advertisement'
        >>> line_reason("The talks were suspended on Monday.") is None
        True
    """
    stripped = line.strip()
    if not stripped:
        return None
    for reason, pattern in LINE_PATTERNS:
        if pattern.fullmatch(stripped):
            return reason
    return None
