"""What every output view shows, computed once: citation numbers, meta line, sources.

``build_view(digest)`` turns a ``Digest`` into a ``DigestView`` of display-ready plain
strings and numbers. The text, Markdown and HTML renderers only lay this out; none of
them numbers citations or counts outlets on its own.

Citation numbers: articles are numbered in the order the summary first cites them,
then the articles it never cites, in digest order. A citation naming an article id that
is not in ``digest.articles`` has no source entry and is left out.

Display strings have their whitespace runs collapsed to one space and control
characters removed; escaping for a format is the renderer's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import PurePath

from storyline.model import Article, Digest, Skipped, SummarySentence

__all__ = [
    "CitedSentence",
    "DigestView",
    "SkippedEntry",
    "SourceEntry",
    "build_view",
    "citation_order",
    "meta_line",
]

UNTITLED_STORY = "Untitled story"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
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
    def byline(self) -> str:
        """``Title - Outlet, YYYY-MM-DD`` with the empty parts left out."""
        line = self.title if self.outlet == self.title else f"{self.title} - {self.outlet}"
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


def build_view(digest: Digest) -> DigestView:
    """Compute the shared view of ``digest``: numbering, meta line, paragraphs, sources."""
    ordered = citation_order(digest)
    sources = tuple(_source_entry(n, a) for n, a in enumerate(ordered, start=1))
    by_id = {s.article_id: s for s in sources}
    sentences = [_cited(k, s, by_id) for k, s in enumerate(digest.summary, start=1)]
    return DigestView(
        headline=clean_display(digest.headline) or UNTITLED_STORY,
        meta=meta_line(digest.articles),
        paragraphs=_paragraphs(sentences, digest.summary),
        sources=sources,
        skipped=tuple(skipped_entry(s) for s in digest.skipped),
    )


def citation_order(digest: Digest) -> tuple[Article, ...]:
    """Return the digest's articles in citation order: first cited first, uncited last.

    Example:
        >>> a, b = Article("A.", id="a"), Article("B.", id="b")
        >>> s = SummarySentence("B.", "b", 0, 2, ("b", "a"))
        >>> [x.id for x in citation_order(Digest("h", (a, b), (s,)))]
        ['b', 'a']
    """
    by_id = {a.id: a for a in digest.articles}
    order: dict[str, Article] = {}
    for sentence in digest.summary:
        for article_id in _citations(sentence):
            if article_id in by_id and article_id not in order:
                order[article_id] = by_id[article_id]
    for article in digest.articles:
        order.setdefault(article.id, article)
    return tuple(order.values())


def meta_line(articles: tuple[Article, ...]) -> str:
    """``N articles from M outlets, FIRST to LAST`` (the date part only when dates are known).

    Example:
        >>> meta_line((Article("x", source="Daily", published=date(2016, 9, 9)),))
        '1 article from 1 outlet, 2016-09-09'
    """
    outlets = {outlet_name(a) for a in articles}
    line = f"{_count(len(articles), 'article')} from {_count(len(outlets), 'outlet')}"
    days = sorted(d for d in (published_day(a) for a in articles) if d is not None)
    if not days:
        return line
    if days[0] == days[-1]:
        return f"{line}, {days[0].isoformat()}"
    return f"{line}, {days[0].isoformat()} to {days[-1].isoformat()}"


def outlet_name(article: Article) -> str:
    """The outlet shown for ``article``: its source, else its title, else its display title."""
    return clean_display(article.source) or clean_display(article.title) or display_title(article)


def display_title(article: Article) -> str:
    """The article's title, else its file name, else its id."""
    return clean_display(article.title) or PurePath(article.path).name or article.id


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


def clean_display(text: str) -> str:
    """``text`` on one line: whitespace runs collapsed, control characters removed."""
    return " ".join(_CONTROL.sub("", text).split())


def _citations(sentence: SummarySentence) -> tuple[str, ...]:
    return sentence.citations or (sentence.article,)


def _source_entry(number: int, article: Article) -> SourceEntry:
    url = clean_display(article.url)
    return SourceEntry(
        number=number,
        article_id=article.id,
        title=display_title(article),
        outlet=outlet_name(article),
        date=day.isoformat() if (day := published_day(article)) else "",
        location=url or clean_display(article.path),
        link=url if _WEB_URL.match(url) else "",
    )


def _cited(index: int, sentence: SummarySentence, by_id: dict[str, SourceEntry]) -> CitedSentence:
    numbers = tuple(dict.fromkeys(by_id[i].number for i in _citations(sentence) if i in by_id))
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
