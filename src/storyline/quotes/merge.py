"""One statement, one item: the same statement carried by several articles, reworded or
not, becomes one quote with its variants; a fragment inside another quote is dropped.

Two quotes of one speaker (the same entity, else the same words naming the speaker) are
the same statement when most of the shorter one's word stems are in the longer one
(``SAME_SHARE``; the longer side counts the stems of every variant already merged): a reworded copy ("lost wages" / "lost earnings") shares most of its
stems, and a nested fragment ("to receive them next week") all of them. The first quote
in article and reading order is kept; from the same article the longer one is kept, and
a quote from another article becomes a variant (``Quote.variants``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from storyline.model import Quote, Span
from storyline.text import analyze

__all__ = ["one_per_statement"]

SAME_SHARE = 0.75
"""Share of the shorter quote's content stems the longer one must hold."""
MIN_STEMS = 2


def _stems(text: str) -> frozenset[str]:
    return frozenset(analyze(text))


def _same(a: frozenset[str], b: frozenset[str]) -> bool:
    small = min(len(a), len(b))
    return small >= MIN_STEMS and len(a & b) >= SAME_SHARE * small


def one_per_statement(found: Sequence[Quote]) -> tuple[Quote, ...]:
    """``found`` (article and reading order) with each statement once.

    Example:
        >>> q = Quote("Ann Lee", "Ann Lee", "the dam will hold", "a", 0, 17, "said", False)
        >>> r = replace(q, text="the dam would hold", article="b")
        >>> [(x.article, [v.article for v in x.variants]) for x in one_per_statement([q, r])]
        [('a', ['b'])]
    """
    kept: list[Quote] = []
    stems: list[frozenset[str]] = []
    by_speaker: dict[str, list[int]] = defaultdict(list)  # indices of ``kept``, ascending
    for quote in found:
        own = _stems(quote.text)
        speaker = quote.entity or quote.speaker
        match = next((i for i in by_speaker[speaker] if _same(own, stems[i])), None)
        if match is None:
            by_speaker[speaker].append(len(kept))
            kept.append(quote)
            stems.append(own)
            continue
        first = kept[match]
        stems[match] = stems[match] | own
        if first.article == quote.article:
            if quote.end - quote.start > first.end - first.start:
                kept[match] = replace(quote, variants=first.variants)
            continue
        if all(v.article != quote.article for v in first.variants):
            span = Span(quote.article, quote.start, quote.end, quote.text)
            kept[match] = replace(first, variants=(*first.variants, span))
    return tuple(kept)
