"""Citation contexts for the story page: the cited sentence in each source, with its neighbours.

A summary or timeline sentence is a span of one article (its origin) and cites every
article reporting the same fact, each with the span of its own sentence that reports it
(``cited``, decided by ``storyline.represent.facts`` when the digest was built). The page
shows exactly those spans with the kept sentences around them (``storyline.clean.prose``)
- real sentences with their real offsets, never guessed afterwards. Numbers are the ones
the shared view gives (``render.view.build_view``).
"""

from __future__ import annotations

from dataclasses import dataclass

from storyline.clean.prose import clean
from storyline.model import DatedSentence, Digest, Sentence, Span, SummarySentence
from storyline.ingest.names import clean_display
from storyline.render.view import SourceEntry

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
        kept: the kept sentences of its articles as stored (``Store.sentences``);
            an article missing from it is cleaned here.
    """

    def __init__(self, digest: Digest, sources: tuple[SourceEntry, ...],
                 kept: dict[str, tuple[Sentence, ...]] | None = None) -> None:
        self.texts = {a.id: a.text for a in digest.articles}
        given = kept or {}
        self.kept = {a.id: given[a.id] if a.id in given else clean(a).sentences for a in digest.articles}
        self.sources = {s.article_id: s for s in sources}

    def contexts(self, sentence: SummarySentence | DatedSentence) -> tuple[CitationContext, ...]:
        """One context per cited span whose article the digest knows, in citation-number order."""
        spans = sentence.cited or (Span(sentence.article, sentence.start, sentence.end, sentence.text),)
        found = [self._context(self.sources[span.article], (span.start, span.end))
                 for span in spans if span.article in self.sources and span.article in self.texts]
        return tuple(sorted(found, key=lambda c: c.number))

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
