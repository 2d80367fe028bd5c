"""PolNeAR attributions: loader, content-span P/R/F1, speaker accuracy, and a simple peer.

Layout: ``text/<name>.txt`` and ``attributions/<name>_<annotator>.ann`` (brat standoff:
``T1<TAB>Source 0 15<TAB>...``, discontinuous spans as ``0 5;9 15``, and
``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``). Where a document was annotated
by more than one annotator, the annotator whose id sorts first is used, for every
document alike.

Matching: a predicted content span matches a gold content span when their shared word
tokens are at least half of the tokens of each of the two (one-to-one, greedy in reading
order). Speaker accuracy is the share of matched quotes whose speaker span overlaps the
gold source span (a gold attribution without a source counts as wrong).

Our quotes are grouped by cue within a paragraph before scoring (``group_by_cue``): a
quote split around its attribution (``"A," she said. "B."``) is one PolNeAR attribution
with a discontinuous content, and is scored as one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from storyline.quotes.attribution import Attribution, quote_spans
from storyline.clean.prose import clean, paragraph_spans
from storyline.evaluate.scores import prf
from storyline.model import Article
from storyline.quotes.extract import article_attributions

__all__ = [
    "GoldAttribution",
    "PolnearDocument",
    "QuoteScores",
    "content_tokens",
    "evaluate",
    "group_by_cue",
    "load_polnear",
    "nearest_name_peer",
    "parse_ann",
    "score",
    "storyline_attributions",
    "table",
    "tokens_match",
]

MIN_OVERLAP = 0.5
Spans = tuple[tuple[int, int], ...]
_TOKEN = re.compile(r"\w+")
_NAME = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")


@dataclass(frozen=True)
class GoldAttribution:
    """One gold attribution: content spans and source spans (possibly empty)."""

    content: Spans
    source: Spans


@dataclass(frozen=True)
class PolnearDocument:
    """One article, the annotator used, and its gold attributions."""

    name: str
    annotator: str
    text: str
    gold: tuple[GoldAttribution, ...]


@dataclass(frozen=True)
class QuoteScores:
    """Content-span P/R/F1 and speaker accuracy over matched quotes, with counts."""

    precision: float
    recall: float
    f1: float
    speaker_accuracy: float
    predicted: int
    gold: int
    matched: int


Prediction = tuple[Spans, Spans]
"""A predicted attribution as (content spans, speaker spans)."""


def load_polnear(folder: Path) -> list[PolnearDocument]:
    """Read every document of a PolNeAR split folder (``text/`` and ``attributions/``).

    Raises:
        OSError: a file cannot be read.
    """
    chosen: dict[str, Path] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        name, _, annotator = path.stem.rpartition("_")
        chosen.setdefault(name, path)
    documents = []
    for name, path in sorted(chosen.items()):
        text = (folder / "text" / f"{name}.txt").read_text(encoding="utf-8")
        gold = parse_ann(path.read_text(encoding="utf-8"))
        documents.append(PolnearDocument(name, path.stem.rpartition("_")[2], text, tuple(gold)))
    return documents


def parse_ann(ann: str) -> list[GoldAttribution]:
    """Gold attributions with content from brat standoff text.

    Example:
        >>> parse_ann("T1\\tSource 0 2\\tHe\\nT2\\tContent 8 12;14 16\\tx\\nE1\\tAttribution:T3 Content:T2 Source:T1")
        [GoldAttribution(content=((8, 12), (14, 16)), source=((0, 2),))]
    """
    spans: dict[str, Spans] = {}
    events = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            _, _, offsets = fields[1].partition(" ")
            spans[fields[0]] = tuple(
                (int(a), int(b)) for a, b in (part.split() for part in offsets.split(";"))
            )
        elif line.startswith("E") and len(fields) >= 2:
            events.append(dict(arg.split(":", 1) for arg in fields[1].split() if ":" in arg))
    return [
        GoldAttribution(spans[e["Content"]], spans.get(e.get("Source", ""), ()))
        for e in events
        if e.get("Content") in spans
    ]


def storyline_attributions(document: PolnearDocument) -> list[Prediction]:
    """Our attributions for one document, run over its cleaned sentences."""
    article = Article(text=document.text, id=document.name)
    return group_by_cue(document.text, article_attributions(clean(article)))


def group_by_cue(text: str, found: Sequence[Attribution]) -> list[Prediction]:
    """One prediction per cue within a paragraph: a quote split around its attribution
    (``"A," she said. "B."``) is one attribution with two content spans, as PolNeAR
    annotates it."""
    groups: list[list[Attribution]] = []
    last: dict[tuple[int, int], list[Attribution]] = {}
    for item in found:
        group = last.get(item.cue) if item.cue[0] < item.cue[1] else None
        if group is not None and "\n" not in text[group[-1].end : item.start]:
            group.append(item)
            continue
        last[item.cue] = [item]
        groups.append(last[item.cue])
    return [
        (tuple((a.start, a.end) for a in items), (items[0].speaker,) if items[0].speaker else ())
        for items in groups
    ]


def nearest_name_peer(document: PolnearDocument) -> list[Prediction]:
    """The peer: text inside quotation marks, attributed to the nearest capitalised name."""
    text = document.text
    found = []
    for start, end in paragraph_spans(text):
        names = [m.span() for m in _NAME.finditer(text, start, end)]
        for opened, q_start, q_end, closed in quote_spans(text, start, end):
            outside = [n for n in names if n[1] <= opened or n[0] > closed]
            nearest = min(outside, key=lambda n: min(abs(n[0] - closed), abs(opened - n[1])), default=None)
            found.append((((q_start, q_end),), ((nearest,) if nearest else ())))
    return found


def content_tokens(text: str, spans: Spans) -> set[int]:
    """Start offsets of the word tokens inside ``spans``."""
    return {m.start() for a, b in spans for m in _TOKEN.finditer(text, a, b)}


def _overlaps(a: Spans, b: Spans) -> bool:
    return any(x < d and c < y for x, y in a for c, d in b)


def score(documents: Sequence[PolnearDocument], predictions: Sequence[Sequence[Prediction]]) -> QuoteScores:
    """Content P/R/F1 (>= 50% shared tokens both ways, one-to-one) and speaker accuracy."""
    n_pred = n_gold = matched = speakers = 0
    for document, predicted in zip(documents, predictions, strict=True):
        gold_tokens = [content_tokens(document.text, g.content) for g in document.gold]
        free = set(range(len(document.gold)))
        for content, speaker in predicted:
            tokens = content_tokens(document.text, content)
            hit = next((i for i in sorted(free) if tokens_match(tokens, gold_tokens[i])), None)
            if hit is None:
                continue
            free.discard(hit)
            matched += 1
            speakers += bool(speaker) and _overlaps(speaker, document.gold[hit].source)
        n_pred += len(predicted)
        n_gold += len(document.gold)
    accuracy = speakers / matched if matched else 0.0
    return QuoteScores(*prf(matched, n_pred, n_gold), accuracy, n_pred, n_gold, matched)


def tokens_match(predicted: set[int], gold: set[int]) -> bool:
    """Whether the shared tokens are at least half of each side (``MIN_OVERLAP``)."""
    if not predicted or not gold:
        return False
    shared = len(predicted & gold)
    return shared >= MIN_OVERLAP * len(gold) and shared >= MIN_OVERLAP * len(predicted)


def evaluate(folder: Path) -> dict[str, QuoteScores]:
    """Score storyline and the quotation-mark peer on a PolNeAR split folder."""
    documents = load_polnear(folder)
    systems: dict[str, Callable[[PolnearDocument], list[Prediction]]] = {
        "storyline": storyline_attributions,
        "peer: quotation marks + nearest name": nearest_name_peer,
    }
    return {
        name: score(documents, [system(d) for d in documents]) for name, system in systems.items()
    }


def table(results: dict[str, QuoteScores]) -> str:
    """The results of ``evaluate`` as a plain-text table."""
    lines = [f"{'system':<38} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8} {'pred':>6} {'gold':>6}"]
    for name, s in results.items():
        lines.append(
            f"{name:<38} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.speaker_accuracy:8.3f}"
            f" {s.predicted:6d} {s.gold:6d}"
        )
    return "\n".join(lines) + "\n"
