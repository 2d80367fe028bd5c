"""Patterns for the form of a sentence (used by ``storyline.summary.summarize`` and ``summary_scorer``).

``FORM_PATTERNS`` are features of the learned scorer: its shipped weights were fitted on
exactly these patterns, so changing one means refitting (``benchmarks/train_summary_scorer.py``).
``UNREADABLE_ALONE`` is the summarizer's hard filter; it shares the quotation and question
patterns with ``FORM_PATTERNS`` and has its own, differently tuned, opener lists.
"""

from __future__ import annotations

import re

from storyline.text import CLOSERS, QUOTE_CLOSERS, QUOTE_MARK

__all__ = [
    "ATTRIBUTION",
    "DIGIT",
    "FORM_PATTERNS",
    "QUESTION",
    "QUOTATION_ALONE",
    "UNREADABLE_ALONE",
]

QUOTATION_ALONE = re.compile(rf"^(?:{QUOTE_MARK.pattern})[^\"“”„«»‹›]*(?:{QUOTE_MARK.pattern})$")
"""A sentence that is all quotation, with no speaker."""
QUESTION = re.compile(rf"\?[{re.escape(QUOTE_CLOSERS)}]?$")
"""A sentence ending in a question mark (one closing quote aside)."""

FORM_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("starts mid-sentence", re.compile(r"^[a-z,;:.\-–—)]")),
    ("dangling opener", re.compile(r"^(?:he|she|they|it|this|these|those|that|but|and|or|"
                                   r"so|however|also|still|yet|then)\b", re.IGNORECASE)),
    ("quotation without speaker", QUOTATION_ALONE),
    ("question", QUESTION),
    ("no end punctuation", re.compile(rf"[^.!?{re.escape(CLOSERS)}]$")),
)
"""Forms of sentences that need their neighbours to make sense (scorer features)."""

_UNREADABLE_FORMS = (
    r"^(?-i:[a-z,;:.\-–—)”’])",  # starts in the middle of a sentence
    QUOTATION_ALONE.pattern,
    QUESTION.pattern,
    r"^(?:he|she|they|it|this|these|those|but|and|or|so|also|yet|then)\b",
    r"^the\s+(?:two|three|pair|latter|former)\b",  # leans on the sentence before
    r"^(?:\w+\s+){0,3}\w+\s*,\s*(?:he|she|they)\s+(?:said|says|added)\b",  # "The aim, she said"
)
UNREADABLE_ALONE = re.compile("|".join(_UNREADABLE_FORMS), re.IGNORECASE)
"""Sentences a reader cannot follow out of their paragraph; never chosen for a summary."""

DIGIT = re.compile(r"\d")
ATTRIBUTION = re.compile(r"\b(?:said|says|told|according to|reported|reports)\b", re.IGNORECASE)
