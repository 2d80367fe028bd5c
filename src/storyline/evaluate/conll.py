"""CoNLL++ named-entity mentions: loader, exact-span mention P/R/F1, and a simple peer.

The file holds one token a line as ``token start end tag`` (IOB1 tags PER, ORG, LOC,
MISC), documents opened by ``-DOCSTART-`` and sentences closed by a blank line. Each
document's text is rebuilt by laying the tokens at their offsets, so spans compare
exactly. Our types map to CoNLL's as PERSON->PER, ORG->ORG, GPE and FACILITY->LOC, OTHER->MISC.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from storyline.entities.extract import Found, settle_types
from storyline.evaluate.scores import prf
from storyline.entities.mentions import build_vocabulary, find_mentions

__all__ = [
    "CONLL_TYPES",
    "ConllDocument",
    "Scores",
    "capitalised_runs",
    "evaluate",
    "gold_mentions",
    "load_conll",
    "score",
    "storyline_mentions",
    "table",
]

CONLL_TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "FACILITY": "LOC", "OTHER": "MISC"}
"""Our entity types as CoNLL tags."""

TypedMention = tuple[int, int, str]
"""``(start, end, type)`` of one mention in a document's text."""
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*")


@dataclass(frozen=True)
class ConllDocument:
    """One document: its rebuilt text, sentence spans, and gold mentions."""

    text: str
    sentences: tuple[tuple[int, int], ...]
    gold: tuple[TypedMention, ...]


@dataclass(frozen=True)
class Scores:
    """Mention-level precision, recall and F1, with the counts behind them."""

    precision: float
    recall: float
    f1: float
    predicted: int
    gold: int
    correct: int


def load_conll(path: Path) -> list[ConllDocument]:
    """Read a CoNLL++ file into documents.

    Raises:
        OSError: the file cannot be read.
        ValueError: a line is not ``token start end tag``.
    """
    documents: list[list[list[tuple[str, int, int, str]]]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        parts = line.split(" ")
        if not line.strip():
            if documents and documents[-1] and documents[-1][-1]:
                documents[-1].append([])
        elif parts[0] == "-DOCSTART-":
            documents.append([[]])
        elif len(parts) != 4 or not documents:
            raise ValueError(f"{path}:{number}: expected 'token start end tag', got {line!r}")
        else:
            documents[-1][-1].append((parts[0], int(parts[1]), int(parts[2]), parts[3]))
    return [_document([s for s in doc if s]) for doc in documents if any(doc)]


def _document(sentences: list[list[tuple[str, int, int, str]]]) -> ConllDocument:
    size = max(end for sentence in sentences for _, _, end, _ in sentence)
    chars = [" "] * (size + 1)
    spans = []
    for sentence in sentences:
        for token, start, end, _ in sentence:
            chars[start:end] = token[: end - start].ljust(end - start)
        spans.append((sentence[0][1], sentence[-1][2]))
        chars[sentence[-1][2]] = "\n"
    return ConllDocument("".join(chars), tuple(spans), tuple(gold_mentions(sentences)))


def gold_mentions(sentences: Iterable[Sequence[tuple[str, int, int, str]]]) -> list[TypedMention]:
    """Mentions from IOB1/IOB2 tags: a run of one type, restarted by a ``B-`` tag."""
    mentions: list[TypedMention] = []
    for sentence in sentences:
        current: list = []
        for _, start, end, tag in [*sentence, ("", 0, 0, "O")]:
            kind = tag[2:] if tag != "O" else ""
            if current and (kind != current[2] or tag.startswith("B-")):
                mentions.append(tuple(current))
                current = []
            if kind and current:
                current[1] = end
            elif kind:
                current = [start, end, kind]
    return mentions


def storyline_mentions(documents: Sequence[ConllDocument]) -> list[list[TypedMention]]:
    """Our mentions for each document, typed with CoNLL tags."""
    vocabulary = build_vocabulary([d.text for d in documents])
    found = []
    for document in documents:
        raw = [
            Found("doc", False, m)
            for start, end in document.sentences
            for m in find_mentions(document.text, start, end, vocabulary)
        ]
        found.append([(f.mention.start, f.mention.end, CONLL_TYPES[f.mention.type])
                      for f in settle_types(raw)])
    return found


def capitalised_runs(documents: Sequence[ConllDocument]) -> list[list[TypedMention]]:
    """The peer: every run of capitalised tokens in a sentence is a mention (typed MISC)."""
    found = []
    for document in documents:
        spans = []
        for start, end in document.sentences:
            for match in _CAPITALISED_RUN.finditer(document.text, start, end):
                spans.append((match.start(), match.end(), "MISC"))
        found.append(spans)
    return found


def score(predicted: Sequence[Sequence[TypedMention]], gold: Sequence[Sequence[TypedMention]], typed: bool) -> Scores:
    """Exact-span P/R/F1 over documents; ``typed`` also requires the same type.

    Example:
        >>> score([[(0, 4, "PER"), (9, 12, "LOC")]], [[(0, 4, "PER"), (5, 8, "ORG")]], True).f1
        0.5
    """
    correct = n_pred = n_gold = 0
    for pred, ref in zip(predicted, gold, strict=True):
        keys = (lambda s: s) if typed else (lambda s: s[:2])
        pred_set, gold_set = {keys(s) for s in pred}, {keys(s) for s in ref}
        correct += len(pred_set & gold_set)
        n_pred += len(pred_set)
        n_gold += len(gold_set)
    return Scores(*prf(correct, n_pred, n_gold), n_pred, n_gold, correct)


def evaluate(path: Path) -> dict[str, dict[str, Scores]]:
    """Score storyline and the capitalised-runs peer on a CoNLL++ file.

    Returns:
        ``{"storyline": {"untyped": Scores, "typed": Scores}, "peer: capitalised runs": ...}``
    """
    documents = load_conll(path)
    gold = [list(d.gold) for d in documents]
    systems: dict[str, Callable[[Sequence[ConllDocument]], list[list[TypedMention]]]] = {
        "storyline": storyline_mentions,
        "peer: capitalised runs": capitalised_runs,
    }
    results = {}
    for name, system in systems.items():
        predicted = system(documents)
        results[name] = {
            "untyped": score(predicted, gold, typed=False),
            "typed": score(predicted, gold, typed=True),
        }
    return results


def table(results: dict[str, dict[str, Scores]]) -> str:
    """The results of ``evaluate`` as a plain-text table."""
    lines = [f"{'system':<26} {'match':<8} {'P':>6} {'R':>6} {'F1':>6} {'pred':>6} {'gold':>6}"]
    for name, by_kind in results.items():
        for kind, s in by_kind.items():
            lines.append(
                f"{name:<26} {kind:<8} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}"
                f" {s.predicted:6d} {s.gold:6d}"
            )
    return "\n".join(lines) + "\n"
