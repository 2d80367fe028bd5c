"""Boilerplate removal with offset mapping.

``clean(article)`` takes an ``Article`` and returns a ``CleanArticle``: the sentences of its
prose, each with its exact ``(start, end)`` in ``article.text``, and every dropped span
with the rule that dropped it. The article text itself is never changed.

Paragraphs are lines of text, or blank-line separated blocks when the text is
hard-wrapped. A paragraph is dropped when it is boilerplate (see ``boilerplate``), the
article's title again, a repeat of an earlier paragraph, or a short line with no sentence
punctuation (photo captions, headings, standfirsts). Sentences of kept paragraphs that are
boilerplate on their own ("Advertisement") are dropped too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.errors import require_unique_ids, skip
from storyline.model import Article, CleanArticle, Removed, Sentence, Skipped
from storyline.text import ends_with, line_reason, match_key, sentence_spans, word_count

__all__ = ["clean", "clean_story", "paragraph_spans"]

CAPTION_MAX_WORDS = 40
"""An unpunctuated line this long or shorter is a caption or heading, not prose."""

PARAGRAPH_END = ".!?:;…"
"""Characters that end a paragraph of prose (a colon may introduce a quote below it)."""

_LINE = re.compile(r"[^\r\n]+")
_BLOCK = re.compile(r"\S(?:.*\S)?(?:\r?\n[ \t]*\S(?:.*\S)?)*")


def clean(article: Article) -> CleanArticle:
    """Split ``article`` into kept sentences and removed boilerplate spans.

    Example:
        >>> a = Article(text="Talks end\\n\\nAdvertisement\\n\\nThe talks ended on Monday.", id="a")
        >>> [s.text for s in clean(a).sentences]
        ['The talks ended on Monday.']
    """
    text = article.text
    title_key = match_key(article.title)
    seen: set[str] = set()
    sentences: list[Sentence] = []
    removed: list[Removed] = []
    for start, end in paragraph_spans(text):
        key = match_key(text[start:end])
        reason = _paragraph_reason(text[start:end], key, title_key, seen)
        seen.add(key)
        if reason:
            removed.append(Removed(start, end, reason))
            continue
        paragraph = sentences[-1].paragraph + 1 if sentences else 0
        _add_sentences(article, (start, end), paragraph, sentences, removed)
    return CleanArticle(article=article, sentences=tuple(sentences), removed=tuple(removed))


def clean_story(articles: Sequence[Article]) -> tuple[list[CleanArticle], tuple[Skipped, ...]]:
    """Clean the articles of one story.

    Returns:
        The cleaned articles with prose left, in input order, and a ``nothing_left``
        ``Skipped`` for each article that had none.

    Raises:
        UsageError: two articles share an id.
    """
    require_unique_ids(articles)
    cleaned = [clean(article) for article in articles]
    emptied = tuple(skip(c.article.path or c.article.id, "nothing_left")
                    for c in cleaned if not c.sentences)
    return [c for c in cleaned if c.sentences], emptied


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraph ``(start, end)`` offsets: lines, or blank-line blocks when hard-wrapped."""
    pattern = _BLOCK if _is_hard_wrapped(text) else _LINE
    spans = []
    for match in pattern.finditer(text):
        start, end = match.span()
        chunk = text[start:end]
        start += len(chunk) - len(chunk.lstrip())
        end -= len(chunk) - len(chunk.rstrip())
        if start < end:
            spans.append((start, end))
    return spans


def _add_sentences(
    article: Article,
    span: tuple[int, int],
    paragraph: int,
    sentences: list[Sentence],
    removed: list[Removed],
) -> None:
    """Append the sentences of one kept paragraph, dropping lone boilerplate sentences
    (a paragraph of one sentence passed that check already)."""
    text = article.text
    spans = sentence_spans(text, *span)
    checked = spans == [span]
    for start, end in spans:
        reason = None if checked else line_reason(text[start:end])
        if reason:
            removed.append(Removed(start, end, reason))
            continue
        sentences.append(
            Sentence(article.id, len(sentences), start, end, text[start:end], paragraph)
        )


def _paragraph_reason(paragraph: str, key: str, title_key: str, seen: set[str]) -> str | None:
    """Why a paragraph is not prose, or ``None`` when it is kept."""
    if not key:
        return "no words"
    reason = line_reason(paragraph)
    if reason:
        return reason
    if key == title_key:
        return "title"
    if key in seen:
        return "repeated paragraph"
    if not ends_with(paragraph, PARAGRAPH_END) and word_count(paragraph) <= CAPTION_MAX_WORDS:
        return "caption or heading"
    return None


def _is_hard_wrapped(text: str) -> bool:
    """True when most long lines stop mid-sentence, as in text wrapped at a fixed width."""
    long_lines = [line for line in text.splitlines() if len(line.strip()) >= 50]
    if len(long_lines) < 4:
        return False
    open_ended = sum(1 for line in long_lines if not ends_with(line, PARAGRAPH_END))
    return open_ended / len(long_lines) > 0.5
