"""What every output view shows, computed once: citation numbers, meta line, sources.

``build_view(digest)`` turns a ``Digest`` into a ``DigestView`` of display-ready plain
strings and numbers. The text, Markdown and HTML renderers only lay this out; none of
them numbers citations or counts outlets on its own.

Source numbers: a story's articles are numbered once, by ``source_order`` (earliest
published first, undated last, ties by id), so the digest, timeline, comparison, stored
story and web page give every source the same number. A citation naming an article id
that is not in ``digest.articles`` has no source entry and is left out.

Display strings have their whitespace runs collapsed to one space and control
characters removed; escaping for a format is the renderer's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime

from storyline.ingest.names import (
    UNKNOWN_OUTLET, clean_display, display_title, outlet_name, outlets_phrase,
)
from storyline.model import (
    Article,
    Comparison,
    Conflict,
    Copy,
    Digest,
    Entity,
    Fact,
    Quote,
    Skipped,
    SummarySentence,
    TimelineEntry,
)
from storyline.text import match_key

__all__ = [
    "CitedSentence",
    "ConflictEntry",
    "CopyEntry",
    "DigestView",
    "EntityEntry",
    "FactEntry",
    "OutletRow",
    "QuoteEntry",
    "SpeakerGroup",
    "SkippedEntry",
    "SourceEntry",
    "SourcesSection",
    "TimelineDay",
    "build_view",
    "source_order",
    "entity_entries",
    "meta_line",
    "sources_section",
    "speaker_groups",
]

UNTITLED_STORY = "Untitled story"
_WEB_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)


@dataclass(frozen=True)
class SourceEntry:
    """One numbered article in the Sources list.

    ``date`` is ``YYYY-MM-DD`` or ``""``; ``location`` is the URL, else the path, else
    ``""``; ``link`` is the URL only when it is an http(s) URL, else ``""``.
    """

    number: int
    article_id: str
    title: str
    outlet: str
    date: str
    location: str
    link: str

    @property
    def byline_outlet(self) -> str:
        """The outlet as a byline shows it: ``""`` when unknown (``UNKNOWN_OUTLET``) or when
        it repeats the title."""
        return "" if self.outlet in (UNKNOWN_OUTLET, self.title) else self.outlet

    @property
    def byline(self) -> str:
        """``Title - Outlet, YYYY-MM-DD`` with the empty parts left out."""
        line = f"{self.title} - {self.byline_outlet}" if self.byline_outlet else self.title
        return f"{line}, {self.date}" if self.date else line


@dataclass(frozen=True)
class CitedSentence:
    """A summary sentence ready to show: 1-based ``index``, text and citation numbers.

    ``origin`` is the source entry of the article the sentence was taken from, or
    ``None`` when that article is not in the digest.
    """

    index: int
    text: str
    numbers: tuple[int, ...]
    origin: SourceEntry | None


@dataclass(frozen=True)
class SkippedEntry:
    """A skipped input to show: ``where`` is ``path`` or ``path:line``."""

    where: str
    reason: str

    @property
    def line(self) -> str:
        """``path[:line]: reason``."""
        return f"{self.where}: {self.reason}"


@dataclass(frozen=True)
class DigestView:
    """A digest laid out for reading, in the order the views show it."""

    headline: str
    meta: str
    paragraphs: tuple[tuple[CitedSentence, ...], ...]
    sources: tuple[SourceEntry, ...]
    skipped: tuple[SkippedEntry, ...]
    entities: tuple[EntityEntry, ...] = ()
    speakers: tuple[SpeakerGroup, ...] = ()
    timeline: tuple[TimelineDay, ...] = ()
    timeline_note: str = ""
    comparison: SourcesSection | None = None


def build_view(digest: Digest) -> DigestView:
    """Compute the shared view of ``digest``: numbering, meta line, paragraphs, sources."""
    ordered = source_order(digest.articles)
    sources = tuple(_source_entry(n, a) for n, a in enumerate(ordered, start=1))
    by_id = {s.article_id: s for s in sources}
    sentences = [_cited(k, s, by_id) for k, s in enumerate(digest.summary, start=1)]
    return DigestView(
        headline=clean_display(digest.headline) or UNTITLED_STORY,
        meta=meta_line(digest.articles),
        paragraphs=_paragraphs(sentences, digest.summary),
        sources=sources,
        skipped=tuple(skipped_entry(s) for s in digest.skipped),
        entities=entity_entries(digest.entities or ()),
        speakers=speaker_groups(digest.quotes or (), by_id),
        timeline=timeline_days(digest.timeline or (), by_id),
        timeline_note=timeline_note(digest.articles) if digest.timeline else "",
        comparison=sources_section(digest.sources, by_id),
    )


@dataclass(frozen=True)
class EntityEntry:
    """A key entity to show: name, type, other names, and how many articles name it."""

    name: str
    type: str
    aliases: tuple[str, ...]
    articles: int


@dataclass(frozen=True)
class QuoteEntry:
    """One quote to show: its text, cue, article id, and that article's source number (0: none).

    ``also`` numbers the other sources that carry the same words from the same speaker
    (syndicated copies), so the quote is shown once.
    """

    text: str
    cue: str
    direct: bool
    article: str
    number: int
    also: tuple[int, ...] = ()
    addressee: str = ""

    @property
    def numbers(self) -> tuple[int, ...]:
        """Every source number of the quote, its own first (empty when it has none)."""
        return tuple(n for n in (self.number, *self.also) if n)


@dataclass(frozen=True)
class SpeakerGroup:
    """Everything one speaker said in the story."""

    speaker: str
    quotes: tuple[QuoteEntry, ...]


KEY_ENTITY_TYPES = ("PERSON", "ORG", "GPE", "FACILITY")
MAX_KEY_ENTITIES = 10
MAX_SHOWN_ALIASES = 4
UNKNOWN_SPEAKER = "Unattributed"


def entity_entries(entities: tuple[Entity, ...] | list[Entity]) -> tuple[EntityEntry, ...]:
    """The most salient people, organisations and places (entities come ranked)."""
    shown = [e for e in entities if e.type in KEY_ENTITY_TYPES][:MAX_KEY_ENTITIES]
    return tuple(
        EntityEntry(
            name=clean_display(e.name),
            type=e.type,
            aliases=tuple(clean_display(a) for a in e.aliases[:MAX_SHOWN_ALIASES]),
            articles=len({m.article for m in e.mentions}),
        )
        for e in shown
    )


def speaker_groups(
    quotes: tuple[Quote, ...] | list[Quote], by_id: dict[str, SourceEntry] | None = None
) -> tuple[SpeakerGroup, ...]:
    """Quotes grouped by speaker (the resolved entity, else the words naming the speaker).

    Speakers with the most quotes come first; unattributed quotes come last; a quote whose
    pronoun speaker was not resolved is left out. ``also`` numbers the sources of the
    quote's variants.
    """
    groups: dict[str, dict[str, QuoteEntry]] = {}
    for quote in quotes:
        if not quote.resolved:
            continue
        speaker = clean_display(quote.entity or quote.speaker) or UNKNOWN_SPEAKER
        number = _number(by_id or {}, quote.article)
        said = groups.setdefault(speaker, {})
        key = match_key(quote.text)
        first = said.get(key) or QuoteEntry(
            clean_display(quote.text), clean_display(quote.cue), quote.direct, quote.article,
            number, addressee=clean_display(quote.addressee))
        for other in (number, *(_number(by_id or {}, v.article) for v in quote.variants)):
            if other and other not in first.numbers:
                first = replace(first, also=(*first.also, other))
        said[key] = first
    order = sorted(groups, key=lambda k: (k == UNKNOWN_SPEAKER, -len(groups[k])))
    return tuple(SpeakerGroup(k, tuple(groups[k].values())) for k in order)


def source_order(articles: tuple[Article, ...] | list[Article]) -> tuple[Article, ...]:
    """The story's articles in source-number order: earliest published first, undated last,
    ties by id - so a story's sources carry the same numbers in every command and page,
    whatever order the articles were read in.

    Example:
        >>> a = Article("A.", id="a", published=date(2025, 3, 5))
        >>> b = Article("B.", id="b", published=date(2025, 3, 4))
        >>> [x.id for x in source_order([Article("C.", id="c"), a, b])]
        ['b', 'a', 'c']
    """
    def key(article: Article) -> tuple[bool, date, str, str]:
        day = published_day(article)
        moment = article.published.isoformat() if isinstance(article.published, datetime) else ""
        return (day is None, day or date.min, moment, article.id)

    return tuple(sorted(articles, key=key))


def meta_line(articles: tuple[Article, ...]) -> str:
    """``N articles from M outlets, FIRST to LAST`` (the date part only when dates are known;
    articles of unknown outlet said so: ``ingest.names.outlets_phrase``).

    Example:
        >>> meta_line((Article("x", source="Daily", published=date(2016, 9, 9)),))
        '1 article from 1 outlet, 2016-09-09'
    """
    outlets = {outlet_name(a) for a in articles} - {UNKNOWN_OUTLET}
    unknown = sum(outlet_name(a) == UNKNOWN_OUTLET for a in articles)
    line = outlets_phrase(len(articles), len(outlets), unknown)
    days = sorted(d for d in (published_day(a) for a in articles) if d is not None)
    if not days:
        return line
    if days[0] == days[-1]:
        return f"{line}, {days[0].isoformat()}"
    return f"{line}, {days[0].isoformat()} to {days[-1].isoformat()}"


def published_day(article: Article) -> date | None:
    """The calendar day ``article`` was published (a ``datetime`` gives its date), or None."""
    published = article.published
    if isinstance(published, datetime):
        return published.date()
    return published


def skipped_entry(skipped: Skipped) -> SkippedEntry:
    """Where (``path`` or ``path:line``) and why one input was skipped."""
    where = skipped.path if skipped.line is None else f"{skipped.path}:{skipped.line}"
    return SkippedEntry(where=clean_display(where), reason=clean_display(skipped.reason))


def _citations(sentence: SummarySentence) -> tuple[str, ...]:
    return sentence.citations or (sentence.article,)


def _source_entry(number: int, article: Article) -> SourceEntry:
    url = clean_display(article.url)
    return SourceEntry(
        number=number,
        article_id=article.id,
        title=display_title(article),
        outlet=clean_display(outlet_name(article)),
        date=day.isoformat() if (day := published_day(article)) else "",
        location=url or clean_display(article.path),
        link=url if _WEB_URL.match(url) else "",
    )


def _cited(index: int, sentence: SummarySentence, by_id: dict[str, SourceEntry]) -> CitedSentence:
    numbers = tuple(sorted({by_id[i].number for i in _citations(sentence) if i in by_id}))
    return CitedSentence(
        index=index,
        text=clean_display(sentence.text),
        numbers=numbers,
        origin=by_id.get(sentence.article),
    )


def _paragraphs(
    sentences: list[CitedSentence], summary: tuple[SummarySentence, ...]
) -> tuple[tuple[CitedSentence, ...], ...]:
    """Group consecutive sentences taken from the same article into one paragraph."""
    groups: list[list[CitedSentence]] = []
    previous = None
    for cited, sentence in zip(sentences, summary, strict=True):
        if not groups or sentence.article != previous:
            groups.append([])
        groups[-1].append(cited)
        previous = sentence.article
    return tuple(tuple(group) for group in groups)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


@dataclass(frozen=True)
class TimelineDay:
    """A timeline date to show (``YYYY-MM-DD``) with its cited sentences."""

    date: str
    sentences: tuple[CitedSentence, ...]


def timeline_days(
    entries: tuple[TimelineEntry, ...], by_id: dict[str, SourceEntry]
) -> tuple[TimelineDay, ...]:
    """The timeline's dates in order, sentences numbered on from 1 across the timeline."""
    days, index = [], 0
    for entry in entries:
        cited = []
        for sentence in entry.sentences:
            index += 1
            cited.append(_cited(index, sentence, by_id))  # type: ignore[arg-type]
        days.append(TimelineDay(entry.date.isoformat(), tuple(cited)))
    return tuple(days)


def timeline_note(articles: tuple[Article, ...]) -> str:
    """Say when some articles had no publication date (their dates came from their text)."""
    undated = sum(1 for a in articles if a.published is None)
    if not undated:
        return ""
    return (f"{_count(undated, 'article')} without a publication date: "
            "dated from a date in the text where one was found")


MAX_SHOWN_FACTS = 8
"""Corroborated facts and single-source claims listed in a view (the JSON has them all)."""
MAX_SHOWN_PASSAGES = 2
"""Shared passages quoted per copy in a view."""


@dataclass(frozen=True)
class OutletRow:
    """One row of the coverage table: ``shared`` is a percentage such as ``"12%"``."""

    name: str
    articles: int
    words: int
    unique: int
    shared: str


@dataclass(frozen=True)
class FactEntry:
    """A fact to show: its representative text, the outlets reporting it, their source numbers."""

    text: str
    outlets: tuple[str, ...]
    numbers: tuple[int, ...]


@dataclass(frozen=True)
class ConflictEntry:
    """A conflict to show: ``line`` such as ``1,800 (Wire [1]) vs 2,300 (Herald [3])``."""

    kind: str
    about: str
    values: tuple[str, ...]
    outlets: tuple[str, ...]
    numbers: tuple[int, ...]
    texts: tuple[str, ...]

    @property
    def line(self) -> str:
        """The values, each with its outlet and source number."""
        parts = [f"{v} ({o} [{n}])" if n else f"{v} ({o})"
                 for v, o, n in zip(self.values, self.outlets, self.numbers, strict=True)]
        return " vs ".join(parts)


@dataclass(frozen=True)
class CopyEntry:
    """An article pair sharing text: titles, source numbers, kind, shared percentage, passages."""

    titles: tuple[str, str]
    numbers: tuple[int, int]
    kind: str
    shared: str
    passages: tuple[str, ...]


@dataclass(frozen=True)
class SourcesSection:
    """The source comparison laid out for reading."""

    outlets: tuple[OutletRow, ...]
    corroborated: tuple[FactEntry, ...]
    corroborated_total: int
    single_source: tuple[FactEntry, ...]
    single_total: int
    conflicts: tuple[ConflictEntry, ...]
    copies: tuple[CopyEntry, ...]


def sources_section(comparison: Comparison | None, by_id: dict[str, SourceEntry]) -> SourcesSection | None:
    """The comparison's display data, or ``None`` when the comparison was not run."""
    if comparison is None:
        return None
    return SourcesSection(
        outlets=tuple(OutletRow(_outlet_shown(o.name, by_id), len(o.articles), o.words,
                                o.unique_facts, f"{round(100 * o.shared)}%")
                      for o in comparison.outlets),
        corroborated=tuple(_fact_entry(f, by_id) for f in comparison.corroborated[:MAX_SHOWN_FACTS]),
        corroborated_total=len(comparison.corroborated),
        single_source=tuple(_fact_entry(f, by_id) for f in comparison.single_source[:MAX_SHOWN_FACTS]),
        single_total=len(comparison.single_source),
        conflicts=tuple(_conflict_entry(c, by_id) for c in comparison.conflicts),
        copies=tuple(_copy_entry(c, by_id) for c in comparison.copies),
    )


def _outlet_shown(outlet: str, by_id: dict[str, SourceEntry]) -> str:
    """A comparison's outlet as shown: the comparison counts an article of unknown outlet as
    an outlet of its own, named by the article's id (``ingest.names.outlet_key``); that shows
    as ``UNKNOWN_OUTLET`` with the article's source number, never as the id."""
    entry = by_id.get(outlet)
    return f"{UNKNOWN_OUTLET} [{entry.number}]" if entry else clean_display(outlet)


def _number(by_id: dict[str, SourceEntry], article: str) -> int:
    entry = by_id.get(article)
    return entry.number if entry else 0


def _fact_entry(fact: Fact, by_id: dict[str, SourceEntry]) -> FactEntry:
    numbers = tuple(n for n in dict.fromkeys(_number(by_id, s.article) for s in fact.support) if n)
    return FactEntry(clean_display(fact.text), tuple(_outlet_shown(o, by_id) for o in fact.outlets),
                     numbers)


def _conflict_entry(conflict: Conflict, by_id: dict[str, SourceEntry]) -> ConflictEntry:
    sides = conflict.sides
    return ConflictEntry(
        kind=conflict.kind,
        about=clean_display(conflict.about),
        values=tuple(clean_display(s.value) for s in sides),
        outlets=tuple(_outlet_shown(s.outlet, by_id) for s in sides),
        numbers=tuple(_number(by_id, s.article) for s in sides),
        texts=tuple(clean_display(s.text) for s in sides),
    )


def _copy_entry(copy: Copy, by_id: dict[str, SourceEntry]) -> CopyEntry:
    def title(article: str) -> str:
        entry = by_id.get(article)
        return entry.title if entry else clean_display(article)

    return CopyEntry(
        titles=(title(copy.first), title(copy.second)),
        numbers=(_number(by_id, copy.first), _number(by_id, copy.second)),
        kind=copy.kind,
        shared=f"{round(100 * copy.shared)}%",
        passages=tuple(clean_display(p.first.text) for p in copy.passages[:MAX_SHOWN_PASSAGES]),
    )
