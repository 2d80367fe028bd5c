"""The learned filter: which rule-found attributions to keep.

The rules in ``attribution`` and ``reported`` favour recall; a logistic regression over
simple features of each candidate (its cue, what stands right before and after the cue,
what kind of phrase the speaker is, how long the content is and how it opens) scores it,
and candidates below the threshold are dropped. The weights and the threshold live in
``filter.json`` beside this module; ``benchmarks/train_quote_filter.py`` retrains them
from PolNeAR ``train/`` and chooses the threshold on half of ``dev/``. Scoring is a sum
of a few weights per candidate: no model library is needed at run time.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import NamedTuple

from storyline.quotes.speakers import Attribution, words_of
from storyline.quotes.words import DETERMINERS, PRONOUNS, SPEAKER_NOUNS
from storyline.text import QUOTE_MARK, Token

__all__ = ["best", "candidate_features", "kept", "load_weights", "score", "variants"]

WEIGHTS = Path(__file__).with_name("filter.json")
SIZES = (2, 4, 8, 16, 32)
"""Bucket bounds for word counts."""
CLAUSE_MARK = re.compile(r"\s*(?:[,;(]|\s[-—–]\s|[—–])")
"""Where a reported clause may end inside a rule candidate's content."""
MAX_CUTS = 6


def _bucket(count: int) -> str:
    return next((str(bound) for bound in SIZES if count <= bound), "more")


def _speaker_kind(text: str, item: Attribution) -> str:
    """``none``, ``pronoun``, ``name`` (a capitalised word past the first), ``noun`` (headed
    by a speaker noun), ``det`` (opens with a determiner) or ``other``."""
    if item.speaker is None:
        return "none"
    words = words_of(text, *item.speaker)
    if not words:
        return "none"
    keys = [w.key for w in words]
    if len(words) == 1 and keys[0] in PRONOUNS:
        return "pronoun"
    if keys[-1] in SPEAKER_NOUNS:
        return "noun"
    if any(w.text[0].isupper() for w in words[1:]) or (
        words[0].text[0].isupper() and keys[0] not in DETERMINERS
    ):
        return "name"
    return "det" if keys[0] in DETERMINERS else "other"


def _near(text: str, item: Attribution) -> tuple[list[str], list[str]]:
    """Up to two words before and after the cue, within 60 characters (``<name>`` for a
    capitalised word: names are not learned one by one)."""
    before = words_of(text, max(0, item.cue[0] - 60), item.cue[0])[-2:]
    after = words_of(text, item.cue[1], item.cue[1] + 60)[:2]
    return [_word(w) for w in before], [_word(w) for w in after]


def _word(word: Token) -> str:
    return "<name>" if word.text[0].isupper() else word.key


def variants(text: str, item: Attribution) -> list[Attribution]:
    """The candidate and, for reported content after its cue, the same content cut short
    at each clause mark inside it (``, which``, ``, and``, ``;``, a dash), at most
    ``MAX_CUTS``: the model chooses where the reported clause ends."""
    if item.direct or item.end <= item.cue[0]:
        return [item]
    cuts = [m.start() for m in CLAUSE_MARK.finditer(text, item.start, item.end)]
    shorter = [replace(item, end=end) for end in cuts[:MAX_CUTS] if _words_before(text, item, end)]
    return [item, *shorter]


def _words_before(text: str, item: Attribution, end: int) -> bool:
    return len(words_of(text, item.start, end)) >= 2


def _cut(text: str, item: Attribution, full: int) -> str:
    """What follows the end of a cut content (``none`` when not cut)."""
    if item.end >= full:
        return "none"
    after = words_of(text, item.end, min(full, item.end + 40))
    mark = text[item.end : after[0].start].strip() if after else ""
    return f"{mark}|{_word(after[0]) if after else ''}"


class _Context(NamedTuple):
    """What every variant of one candidate shares: its cue, the kind of its speaker and
    the words around its cue (``_near``)."""

    cue: str
    kind: str
    before: list[str]
    after: list[str]


def _context(text: str, item: Attribution) -> _Context:
    cue = " ".join(text[item.cue[0] : item.cue[1]].lower().split()) or "<mark>"
    return _Context(cue, _speaker_kind(text, item), *_near(text, item))


def candidate_features(text: str, item: Attribution, full: int | None = None) -> list[str]:
    """The names of the features that fire for one candidate (each counts 1); ``full`` is
    where the rule candidate ended when ``item`` is a shorter variant of it."""
    return _features(text, item, _context(text, item), words_of(text, item.start, item.end), full)


def _features(
    text: str, item: Attribution, context: _Context, content: list[Token], full: int | None
) -> list[str]:
    """``candidate_features`` from the candidate's ``context`` and its ``content`` words."""
    cue, kind, before, after = context
    where = "before" if item.end <= item.cue[0] else "after"
    first = _word(content[0]) if content else ""
    quoted = QUOTE_MARK.search(text, item.start, item.end) is not None
    cut = _cut(text, item, item.end if full is None else full)
    return [
        "bias",
        f"cue={cue}",
        f"speaker={kind}",
        f"cue={cue}|speaker={kind}",
        f"direct={item.direct}",
        f"direct={item.direct}|speaker={kind}",
        f"where={where}|direct={item.direct}",
        f"size={_bucket(len(content))}",
        f"size={_bucket(len(content))}|direct={item.direct}",
        f"first={first}",
        f"cue={cue}|first={first}",
        f"prev={before[-1] if before else ''}",
        f"prev2={before[0] if len(before) > 1 else ''}",
        f"next={after[0] if after else ''}",
        f"cue={cue}|next={after[0] if after else ''}",
        f"next2={after[1] if len(after) > 1 else ''}",
        f"ends={text[item.end - 1] if item.end > item.start else ''}",
        f"inner_quote={quoted}|direct={item.direct}",
        f"cut={cut}",
        f"cut_mark={cut.split('|')[0]}",
    ]


@cache
def load_weights(path: Path = WEIGHTS) -> tuple[dict[str, float], float]:
    """The shipped weights and threshold from ``filter.json``.

    Raises:
        OSError, ValueError: the file is missing or not the JSON the training script writes.
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    return dict(data["weights"]), float(data["threshold"])


def score(
    text: str, item: Attribution, weights: dict[str, float], full: int | None = None
) -> float:
    """The probability the model gives that the candidate is a true attribution."""
    return _probability(candidate_features(text, item, full), weights)


def _probability(features: list[str], weights: dict[str, float]) -> float:
    total = sum(weights.get(name, 0.0) for name in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))


def best(text: str, item: Attribution, weights: dict[str, float]) -> tuple[float, Attribution]:
    """The best-scored of a candidate's ``variants``, with its score.

    The variants share the candidate's context, and each one's content words are those of
    the whole content that end by its end (a cut falls between words, at a clause mark)."""
    context = _context(text, item)
    words = words_of(text, item.start, item.end)
    scored = [(_probability(_features(text, v, context, [w for w in words if w.end <= v.end],
                                      item.end), weights), v)
              for v in variants(text, item)]
    return max(scored, key=lambda pair: pair[0])


def kept(text: str, found: Sequence[Attribution]) -> list[Attribution]:
    """The candidates (each in its best-scored variant) the shipped model scores at or
    above its threshold, in order."""
    weights, threshold = load_weights()
    chosen = (best(text, item, weights) for item in found)
    return [item for value, item in chosen if value >= threshold]
