"""The article page's display data: kept paragraphs cut into plain and highlighted pieces.

Pieces are slices of ``Article.text`` by offset, so a highlighted piece is exactly the
span the digest cites. Highlighted: the spans the story's digest uses (summary, timeline,
quotes) and the one citation the reader followed (``target``, anchored ``#cited``).
What cleaning removed (``storyline.clean.prose``) is left out of the text and listed apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from storyline.clean.prose import clean, paragraph_spans
from storyline.ingest.names import clean_display, display_title, outlet_name
from storyline.model import Article, Digest
from storyline.render.view import published_day

__all__ = ["ArticleView", "Piece", "article_view", "used_spans"]


@dataclass(frozen=True)
class Piece:
    """A slice of the article text; ``kind`` is ``plain``, ``used`` or ``target``."""

    text: str
    kind: str
    anchor: str


@dataclass(frozen=True)
class ArticleView:
    """An article laid out for the article page."""

    id: str
    title: str
    outlet: str
    date: str
    link: str
    story: str
    paragraphs: tuple[tuple[Piece, ...], ...]
    removed: tuple[tuple[str, str], ...]
    used: int


def used_spans(digest: Digest | None, article_id: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of ``article_id`` that the digest's sections cite."""
    if digest is None:
        return []
    items = list(digest.summary) + list(digest.quotes or ())
    items += [s for entry in digest.timeline or () for s in entry.sentences]
    return sorted({(i.start, i.end) for i in items if i.article == article_id and i.start < i.end})


def article_view(article: Article, story: str, used: list[tuple[int, int]],
                 target: tuple[int, int] | None = None) -> ArticleView:
    """Lay out ``article``: kept paragraphs with ``used`` and ``target`` spans highlighted."""
    cleaned = clean(article)
    removed = [(r.start, r.end) for r in cleaned.removed]
    paragraphs = []
    for start, end in paragraph_spans(article.text):
        if any(rs <= start and end <= re for rs, re in removed):
            continue
        pieces = _pieces(article.text, (start, end), used, removed, target)
        if pieces:
            paragraphs.append(tuple(pieces))
    url = clean_display(article.url)
    day = published_day(article)
    return ArticleView(
        id=article.id, title=display_title(article), outlet=clean_display(outlet_name(article)),
        date=day.isoformat() if day else "", story=story,
        link=url if url.lower().startswith(("http://", "https://")) else "",
        paragraphs=tuple(paragraphs),
        removed=tuple((clean_display(article.text[r.start:r.end]), r.reason) for r in cleaned.removed),
        used=len(used),
    )


def _pieces(text: str, paragraph: tuple[int, int], used: list[tuple[int, int]],
            removed: list[tuple[int, int]], target: tuple[int, int] | None) -> list[Piece]:
    start, end = paragraph
    spans = used + removed + ([target] if target else [])
    cuts = sorted({start, end} | {p for span in spans for p in span if start < p < end})
    pieces: list[Piece] = []
    for left, right in pairwise(cuts):
        if any(rs <= left and right <= re for rs, re in removed):
            continue
        if target and target[0] <= left and right <= target[1]:
            kind, anchor = "target", "cited" if left == max(target[0], start) else ""
        elif any(s <= left and right <= e for s, e in used):
            kind = "used"
            anchor = next((f"s-{s}-{e}" for s, e in used if s == left), "")
        else:
            kind, anchor = "plain", ""
        pieces.append(Piece(text[left:right], kind, anchor))
    return pieces if any(p.text.strip() for p in pieces) else []
