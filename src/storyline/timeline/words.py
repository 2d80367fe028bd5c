"""Patterns that tell a timeline sentence from one that cannot report an event (used by
``storyline.timeline.build``)."""

from __future__ import annotations

import re

from storyline.text import CLOSERS

__all__ = ["PERSONAL_VOICE", "QUESTION_END"]

PERSONAL_VOICE = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|me|us|[Yy]ou|[Yy]our)\b")
"""First- and second-person words: outside quotation marks they mark interview transcripts,
opinion and reader address, not reports of what happened."""


QUESTION_END = re.compile(rf"\?[\s{re.escape(CLOSERS)}]*$")
"""A sentence ending in a question mark (closing quotes and brackets aside)."""
