"""The language layer: sentence spans, word tokens and stems, all in one place.

Sentence boundaries come from syntok, which returns character offsets into the text it
was given, so every span here points into the caller's string unchanged. Word tokens are
a plain ``\\w+`` scan (as scikit-learn's default token pattern), stems come from Snowball
(PyStemmer, the C build of the Snowball stemmers).
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from syntok import segmenter

__all__ = [
    "CLOSERS",
    "SENTENCE_END",
    "STOP_WORDS",
    "analyze",
    "ends_with",
    "sentence_spans",
    "stem",
    "tokens",
    "word_count",
]

STOP_WORDS: frozenset[str] = frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "told", "mr", "ms"}
"""Words too common in news to tell two sentences apart."""

SENTENCE_END = ".!?…"
"""Characters that end a sentence."""
CLOSERS = "\"'”’»)]"
"""Closing quotes and brackets that may follow the end of a sentence."""

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_INNER_BREAK = re.compile(r"[.!?…;:\n]")
"""Marks that may end a sentence before the end of a chunk; without one, the chunk is one sentence."""
_SPACE = " \t\r\n\f\v\u00a0\u200b\ufeff"
_TRIMMED = re.compile(r"[\s\u200b\ufeff]*(.*?)[\s\u200b\ufeff]*\Z", re.DOTALL)
_STEMMER = Stemmer.Stemmer("english")


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
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
    spans: list[tuple[int, int]] = []
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
    return [span for span in spans if _WORD.search(text, span[0], span[1])]


def _one_sentence(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` stripped as one span, or nothing when it holds no word."""
    inner = _TRIMMED.match(text, start, end)
    return [inner.span(1)] if _WORD.search(text, *inner.span(1)) else []


def ends_with(text: str, characters: str) -> bool:
    """True when ``text`` ends with one of ``characters``, closing quotes and brackets aside."""
    stripped = text.rstrip().rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in characters


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens of ``text`` (punctuation dropped, apostrophes kept)."""
    return [match.group().lower() for match in _WORD.finditer(text)]


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball (Porter 2) stem of one lower-cased word."""
    return _STEMMER.stemWord(word)


def analyze(text: str) -> list[str]:
    """Content-word stems of ``text``: the features used to compare sentences."""
    return [stem(word) for word in tokens(text) if word not in STOP_WORDS]


def word_count(text: str) -> int:
    """Number of word tokens in ``text``."""
    return len(_WORD.findall(text))
