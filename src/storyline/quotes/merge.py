"""One statement, one item: the same statement carried by several articles, reworded or
not, becomes one quote with its variants; a fragment inside another quote is dropped.

Two quotes of one speaker (the same entity, else the same words naming the speaker) are
the same statement when most of the shorter one's word stems are in the longer one
(``SAME_SHARE``; the longer side counts the stems of every variant already merged): a
reworded copy ("lost wages" / "lost earnings") shares most of its stems, and a nested
fragment ("to receive them next week") all of them. Two quotes of different articles are
also one when a third of the stems of both together are shared
(``OTHER_ARTICLE_OVERLAP``, at least ``OTHER_ARTICLE_STEMS``): an outlet that retells
what one person said in its own words ("waive water and parking charges for every
evacuated household" / "forgo water and parking fees for each cleared-out household":
0.42) keeps the names and the things but swaps the verbs and adjectives. Measured over
both quotes, so that a short statement does not vanish into a long one of the same
speaker on the same subject (on the seeds such pairs share at most 0.25 of their
stems). The first quote in article and reading order is kept; from the same article the
longer one is kept, and a quote from another article becomes a variant
(``Quote.variants``).
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
OTHER_ARTICLE_OVERLAP = 1 / 3
"""Share of the two quotes' stems together that two quotes of different articles must
share to be one statement retold (shared stems over all stems of both)."""
OTHER_ARTICLE_STEMS = 4
"""Fewest stems two quotes of different articles must share to be one statement retold."""


def _stems(text: str) -> frozenset[str]:
    return frozenset(analyze(text))


def _same(a: frozenset[str], b: frozenset[str], other_article: bool) -> bool:
    small, shared = min(len(a), len(b)), len(a & b)
    retold = shared >= OTHER_ARTICLE_STEMS and shared >= OTHER_ARTICLE_OVERLAP * len(a | b)
    return (other_article and retold) or (small >= MIN_STEMS and shared >= SAME_SHARE * small)


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
        match = next((i for i in by_speaker[speaker]
                      if _same(own, stems[i], kept[i].article != quote.article)), None)
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
