"""The words of a search result that match the query, for ``<mark>`` on the search page.

``marked(text, query)`` cuts ``text`` into ``(piece, matched)`` pairs: a word matches when its
stem (``storyline.text.stem``) is the stem of a content word of the query, as the store's
search matches them. The template escapes every piece; nothing is marked safe here.
"""

from __future__ import annotations

from storyline.text import analyze, stem, word_tokens

__all__ = ["marked"]


def marked(text: str, query: str) -> list[tuple[str, bool]]:
    """``text`` as consecutive ``(piece, matched)`` pairs that join back to ``text``.

    Example:
        >>> marked("Lavrov talked to Kerry.", "kerry talks")
        [('Lavrov ', False), ('talked', True), (' to ', False), ('Kerry', True), ('.', False)]
    """
    wanted = set(analyze(query))
    pieces: list[tuple[str, bool]] = []
    done = 0
    for token in word_tokens(text):
        if stem(token.text.lower()) not in wanted:
            continue
        if token.start > done:
            pieces.append((text[done:token.start], False))
        pieces.append((token.text, True))
        done = token.end
    if done < len(text):
        pieces.append((text[done:], False))
    return pieces
