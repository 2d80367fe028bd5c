"""Output views of a digest: terminal text (Rich), JSON, Markdown and standalone HTML.

``render(digest, fmt)`` picks the view by name. Citation numbering, the meta line and
the sources list are computed once in ``storyline.render.view`` and shared by all views.

Example:
    >>> from storyline.model import Digest
    >>> render(Digest("Harbour closes", (), ()), "markdown").splitlines()[0]
    '# Harbour closes'
"""

from __future__ import annotations

from collections.abc import Callable

from storyline.errors import UsageError
from storyline.model import Digest
from storyline.render.html import to_html
from storyline.render.json import to_json
from storyline.render.markdown import to_markdown
from storyline.render.text import print_text, to_text

__all__ = [
    "FORMATS",
    "print_text",
    "render",
    "to_html",
    "to_json",
    "to_markdown",
    "to_text",
]

FORMATS = ("text", "json", "markdown", "html")

_RENDERERS: dict[str, Callable[[Digest], str]] = {
    "text": to_text,
    "json": to_json,
    "markdown": to_markdown,
    "html": to_html,
}


def render(digest: Digest, fmt: str) -> str:
    """Render ``digest`` in format ``fmt`` (one of ``FORMATS``) and return the text.

    Raises:
        UsageError: ``fmt`` is not one of ``FORMATS``.
    """
    renderer = _RENDERERS.get(fmt) if isinstance(fmt, str) else None
    if renderer is None:
        raise UsageError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return renderer(digest)
