"""A measurable check of ``storyline.compare.comparison``: planted copies and conflicts in real stories.

Built at run time from Multi-News clusters (real articles, one story per cluster, several
outlets), with a seeded ``random.Random`` so every run builds the same set; nothing is
written to disk. For each cluster used:

* one real article gets a copy from a new outlet, of one of four kinds: ``syndicated``
  (the whole text under another outlet's intro paragraph), ``truncated`` (the first
  70% of its paragraphs), ``partial`` (half of its paragraphs mixed into an article from
  another cluster) or ``spun`` (words swapped for synonyms, as content spinners do);
* most copies get one planted conflict: a number in a sentence kept in the copy is
  changed by 30-60%, a weekday or month-day date is moved, or a person's name is swapped
  for another name from the cluster;
* real near-duplicate pairs are gold copies too, judged by an independent criterion:
  ``difflib`` ratio of their word sequences >= ``REAL_COPY_RATIO``. Every pair of the
  case is judged, the copy included: a copy of an article that has a near-duplicate in
  the cluster is a copy of that one too.

A predicted copy (``Copy.kind`` ``copy``, ``partial`` or ``rewrite``: a pair sharing a
large part of its text) is right when its pair is a gold pair; ``passages`` pairs share a
quote or a statement only and are not copies (the table shows them for reference only).
A predicted conflict is right when
one side is the copy's edited value (the other side may be the original or another article
still giving the old value; each such conflict counts as right, the planted one is found once). Every other
prediction counts against precision - including conflicts between real articles, some of
which may be genuine disagreements between outlets (their number is reported apart).
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from storyline.clean.prose import clean
from storyline.compare.comparison import compare
from storyline.compare.words import DATE_WORD, NUMBER
from storyline.entities.extract import extract_entities
from storyline.evaluate.multinews import Cluster, load_multinews
from storyline.model import Article, Comparison, Conflict

__all__ = ["Case", "Counts", "build_case", "evaluate", "format_table", "score_case"]

REAL_COPY_RATIO = 0.5
"""difflib ratio of two real articles' words at or above which they are a gold copy pair."""
CONFLICT_RATE = 0.8
"""Share of copies that get a planted conflict."""
KINDS = ("syndicated", "truncated", "partial", "spun")
COPY_KINDS = frozenset({"copy", "partial", "rewrite", "passages"})
LARGE_COPY_KINDS = frozenset({"copy", "partial", "rewrite"})
"""``Copy.kind`` values that are copies (pairs sharing a large part of their text): the copies row."""
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SPIN: dict[str, str] = {
    "said": "stated", "says": "states", "people": "individuals", "about": "approximately",
    "began": "started", "help": "assist", "big": "large", "show": "demonstrate",
    "important": "significant", "told": "informed", "buy": "purchase", "children": "kids",
    "also": "additionally", "but": "however", "home": "residence", "homes": "residences",
    "car": "automobile", "cars": "automobiles", "job": "occupation", "jobs": "occupations",
    "start": "commence", "end": "conclude", "use": "utilize", "used": "utilized",
    "get": "obtain", "got": "obtained", "need": "require", "needs": "requires",
    "many": "numerous", "often": "frequently", "city": "town", "country": "nation",
    "found": "discovered", "week": "seven days", "report": "account", "reports": "accounts",
}
"""Word swaps of the ``spun`` copies (written for this check)."""
_PARAGRAPHS = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Case:
    """One story: its articles, gold copy pairs and planted conflicts ``(original, copy, start, end, kind)``."""

    articles: tuple[Article, ...]
    copies: frozenset[frozenset[str]]
    conflicts: tuple[tuple[str, str, int, int, str], ...]
    kind: str


@dataclass
class Counts:
    """True positives, predictions and gold items, overall and per kind."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0
    found_by_kind: dict[str, list[int]] = field(default_factory=dict)
    real_only: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        found = sum(v[0] for v in self.found_by_kind.values())
        return found / self.gold if self.gold else 1.0


def build_case(cluster: Cluster, donor: Article, rng: random.Random) -> Case | None:
    """A case from one cluster: a copy of its longest article, maybe with a planted conflict."""
    source = max(cluster.articles, key=lambda a: len(a.text))
    paragraphs = [p for p in _PARAGRAPHS.split(source.text) if p.strip()]
    if len(paragraphs) < 4:
        return None
    kind = rng.choice(KINDS)
    text = _copy_text(kind, paragraphs, donor, rng)
    copy_id = f"{source.id}-copy"
    conflicts: tuple[tuple[str, str, int, int, str], ...] = ()
    if rng.random() < CONFLICT_RATE:
        planted = _plant(text, cluster, donor, rng)
        if planted:
            text, start, end, what = planted
            conflicts = ((source.id, copy_id, start, end, what),)
    copy = Article(text=text, id=copy_id, source=f"copy-of-{source.source or source.id}")
    articles = tuple(cluster.articles) + (copy,)
    gold = {frozenset((source.id, copy_id))} | _real_copies(articles)
    return Case(articles, frozenset(gold), conflicts, kind)


def _copy_text(kind: str, paragraphs: list[str], donor: Article, rng: random.Random) -> str:
    donor_paragraphs = [p for p in _PARAGRAPHS.split(donor.text) if p.strip()]
    if kind == "syndicated":
        return "\n\n".join(donor_paragraphs[:1] + paragraphs)
    if kind == "truncated":
        return "\n\n".join(paragraphs[: max(3, int(len(paragraphs) * 0.7))])
    if kind == "partial":
        half = max(2, len(paragraphs) // 2)
        start = rng.randrange(0, len(paragraphs) - half + 1)
        return "\n\n".join(donor_paragraphs[:half] + paragraphs[start:start + half])
    return "\n\n".join(_spin(p) for p in paragraphs)


def _spin(text: str) -> str:
    def swap(match: re.Match[str]) -> str:
        word = match.group()
        new = SPIN.get(word.lower())
        if new is None:
            return word
        return new.capitalize() if word[0].isupper() else new

    return re.sub(r"[A-Za-z]+", swap, text)


def _plant(
    text: str, cluster: Cluster, donor: Article, rng: random.Random
) -> tuple[str, int, int, str] | None:
    """Change one value in a kept sentence of ``text``: ``(new text, start, end of the new value, kind)``.

    Only sentences taken from the cluster's article are edited (not the donor's intro or
    paragraphs: no article of the case carries those, so nothing could conflict with
    them). Names are people's full names found by ``storyline.entities.extract`` in the cluster.
    """
    kept = clean(Article(text=text, id="copy")).sentences
    spans = [(s.start, s.end) for s in kept if s.text not in donor.text]

    def inside(match: re.Match[str], first_word_ok: bool = True) -> bool:
        return any(a <= match.start() and match.end() <= b and (first_word_ok or match.start() > a)
                   for a, b in spans)

    people = extract_entities([clean(a) for a in cluster.articles])
    names = sorted({e.name for e in people if e.type == "PERSON" and " " in e.name})
    options = [("number", m) for m in NUMBER.finditer(text) if _changeable_number(m) and inside(m)]
    options += [("date", m) for m in DATE_WORD.finditer(text) if inside(m)]
    pattern = re.compile("|".join(re.escape(n) for n in names)) if len(names) > 1 else None
    if pattern:
        options += [("actor", m) for m in pattern.finditer(text) if inside(m, first_word_ok=False)]
    if not options:
        return None
    kinds = sorted({k for k, _ in options})
    kind = rng.choice(kinds)
    match = rng.choice([m for k, m in options if k == kind])
    new = _new_value(kind, match, names, rng)
    # a number's match may start with a space: replace the value only, keep the space
    start, end = match.span("value") if kind == "number" else match.span()
    if new is None or new == text[start:end]:
        return None
    return text[:start] + new + text[end:], start, start + len(new), kind


def _changeable_number(match: re.Match[str]) -> bool:
    value = match.group("value")
    return value.isdigit() and not re.fullmatch(r"(?:19|20)\d\d", value) and 2 <= int(value) < 10**7 \
        and not match.group("currency") and match.group().strip() == value


def _new_value(kind: str, match: re.Match[str], names: list[str], rng: random.Random) -> str | None:
    old = match.group()
    if kind == "number":
        value = int(match.group("value"))
        return str(max(1, round(value * rng.choice((1.3, 1.5, 1.6, 0.6, 0.7)))))
    if kind == "date":
        for day in WEEKDAYS:
            if old.startswith(day):
                return rng.choice([d for d in WEEKDAYS if d != day]) + old[len(day):]
        digits = re.search(r"\d+", old)
        if digits:
            day = int(digits.group())
            moved = day + rng.choice((-3, -2, 2, 3)) if 4 <= day <= 26 else day + 2
            return old[:digits.start()] + str(moved) + old[digits.end():]
        return None
    others = [n for n in names if n != old and not set(n.split()) & set(old.split())]
    return rng.choice(others) if others else None


def _real_copies(articles: Sequence[Article]) -> set[frozenset[str]]:
    pairs = set()
    for k, a in enumerate(articles):
        for b in articles[k + 1:]:
            if SequenceMatcher(None, a.text.split(), b.text.split(), autojunk=False).ratio() >= REAL_COPY_RATIO:
                pairs.add(frozenset((a.id, b.id)))
    return pairs


def score_case(case: Case, result: Comparison, copies: tuple[Counts, Counts], conflicts: Counts) -> None:
    """Add one case's predictions to the copy counts (all kinds; without ``passages``) and conflict counts."""
    for counts, kinds in zip(copies, (COPY_KINDS, LARGE_COPY_KINDS), strict=True):
        _score_copies(case, {frozenset((c.first, c.second)) for c in result.copies if c.kind in kinds}, counts)
    copy_ids = {a.id for a in case.articles if a.id.endswith("-copy")}
    conflicts.predicted += len(result.conflicts)
    conflicts.gold += len(case.conflicts)
    matched = set()
    for conflict in result.conflicts:
        hit = _match(conflict, case.conflicts)
        if hit is not None:
            matched.add(hit)
            conflicts.tp += 1
        elif not copy_ids & {s.article for s in conflict.sides}:
            conflicts.real_only += 1
    for k, planted in enumerate(case.conflicts):
        _tally(conflicts, planted[4], k in matched)


def _score_copies(case: Case, predicted: set[frozenset[str]], copies: Counts) -> None:
    copies.predicted += len(predicted)
    copies.tp += len(predicted & case.copies)
    copies.gold += len(case.copies)
    for pair in case.copies:
        kind = case.kind if any(a.endswith("-copy") for a in pair) else "real"
        _tally(copies, kind, pair in predicted)


def _tally(counts: Counts, kind: str, found: bool) -> None:
    entry = counts.found_by_kind.setdefault(kind, [0, 0])
    entry[0] += int(found)
    entry[1] += 1


def _match(conflict: Conflict, planted: tuple[tuple[str, str, int, int, str], ...]) -> int | None:
    """The planted conflict whose changed value one side covers (the other side may be the
    original or any other article still giving the old value), else ``None``."""
    for k, (_, copy_id, start, end, _) in enumerate(planted):
        for side in conflict.sides:
            if side.article == copy_id and side.value_start < end and start < side.value_end:
                return k
    return None


def evaluate(data: Path | str, clusters: int = 120, seed: int = 13) -> tuple[tuple[Counts, Counts], Counts, int]:
    """Build the cases from the Multi-News CSV at ``data``, compare each, and count.

    Returns:
        ``((copies of every kind, copies without passages), conflicts, cases)``.
    """
    loaded, _ = load_multinews(data)
    rng = random.Random(seed)
    chosen = rng.sample(loaded, min(clusters, len(loaded)))
    copies, conflicts, used = (Counts(), Counts()), Counts(), 0
    for k, cluster in enumerate(chosen):
        donor_cluster = chosen[(k + 1) % len(chosen)]
        case = build_case(cluster, donor_cluster.articles[0], rng)
        if case is None:
            continue
        used += 1
        score_case(case, compare(case.articles).sources, copies, conflicts)
    return copies, conflicts, used


def format_table(copies: tuple[Counts, Counts], conflicts: Counts, cases: int) -> str:
    """The evaluation table: precision and recall, then recall per kind."""
    lines = [f"storyline compare on {cases} Multi-News stories with planted copies and conflicts", "",
             f"{'':<34} {'P':>6} {'R':>6} {'TP':>5} {'pred':>5} {'gold':>5}"]
    rows = (("copies (copy, partial, rewrite)", copies[1]), ("conflicts", conflicts),
            ("  for reference: with 'passages'", copies[0]))
    for name, counts in rows:
        lines.append(f"{name:<34} {counts.precision:>6.3f} {counts.recall:>6.3f} "
                     f"{counts.tp:>5} {counts.predicted:>5} {counts.gold:>5}")
    lines += ["", "recall by kind (found/gold):"]
    for name, counts in (("copies", copies[1]), ("conflicts", conflicts)):
        kinds = ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(counts.found_by_kind.items()))
        lines.append(f"  {name}: {kinds}")
    lines.append(f"conflicts predicted between two real articles (counted as wrong): {conflicts.real_only}")
    lines.append("'passages' pairs share only passages (a quote, a statement), not most of their text: "
                 "they are listed apart from copies and not counted as copies.")
    return "\n".join(lines) + "\n"
