"""Citation contexts for the story page: the cited sentence in each source, with its neighbours.

A summary or timeline sentence is a span of one article (its origin) and cites every
article reporting the same fact. For the origin the cited sentence is that span; for the
other cited articles the digest keeps no span, so the kept sentence (``storyline.clean.prose``)
sharing the most word stems with it is shown instead - always a real sentence of that
article with its real offsets, never invented text. Numbers are the ones the shared view
gives (``render.view.build_view``).
"""

from __future__ import annotations

from dataclasses import dataclass

from storyline.clean.prose import clean
from storyline.model import Digest, Sentence
from storyline.render.view import SourceEntry, clean_display
from storyline.text import analyze

__all__ = ["CitationContext", "Citer"]


@dataclass(frozen=True)
class CitationContext:
    """Citation ``number``: the sentence ``article.text[start:end]`` and its neighbours."""

    number: int
    article: str
    title: str
    start: int
    end: int
    before: str
    text: str
    after: str


class Citer:
    """Finds the cited sentence in each source of one digest.

    Args:
        digest: the story digest.
        sources: the numbered sources of its view (``DigestView.sources``).
        kept: the kept sentences of its articles as stored (``web.data.kept_sentences``);
            an article missing from it is cleaned here.
    """

    def __init__(self, digest: Digest, sources: tuple[SourceEntry, ...],
                 kept: dict[str, tuple[Sentence, ...]] | None = None) -> None:
        self.texts = {a.id: a.text for a in digest.articles}
        given = kept or {}
        self.kept = {a.id: given[a.id] if a.id in given else clean(a).sentences for a in digest.articles}
        self.sources = {s.article_id: s for s in sources}

    def contexts(self, article: str, start: int, end: int, citations: tuple[str, ...] | list[str]) -> tuple[CitationContext, ...]:
        """One context per cited article known to the digest, in citation-number order."""
        found = []
        for cited in dict.fromkeys(citations or (article,)):
            source = self.sources.get(cited)
            if source is None or cited not in self.texts:
                continue
            if cited == article:
                span = (start, end)
            else:
                span = self._closest(cited, self.texts[article][start:end])
            found.append(self._context(source, span))
        return tuple(sorted(found, key=lambda c: c.number))

    def _closest(self, article: str, text: str) -> tuple[int, int]:
        wanted = set(analyze(text))
        best = max(self.kept[article], key=lambda s: len(wanted & set(analyze(s.text))), default=None)
        return (best.start, best.end) if best else (0, 0)

    def _context(self, source: SourceEntry, span: tuple[int, int]) -> CitationContext:
        text = self.texts[source.article_id]
        kept: tuple[Sentence, ...] = self.kept[source.article_id]
        before = next((s.text for s in reversed(kept) if s.end <= span[0]), "")
        after = next((s.text for s in kept if s.start >= span[1]), "")
        return CitationContext(
            number=source.number, article=source.article_id, title=source.title,
            start=span[0], end=span[1], before=clean_display(before),
            text=clean_display(text[span[0]:span[1]]), after=clean_display(after),
        )
