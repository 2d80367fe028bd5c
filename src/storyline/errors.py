"""Every user-facing problem storyline reports, in one registry.

A skipped input is reported as ``Skipped(path, reason, code, line)``; the reason is built
from the template registered under its code, and says what to do about it where the user
can do something. Usage errors raise ``UsageError`` and end the command with exit code 2.

Example:
    >>> skip("a.txt", "empty").reason
    'empty file: nothing to read'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from storyline.model import Article, Skipped

__all__ = ["MESSAGES", "StorylineWarning", "UsageError", "require_unique_ids", "skip", "warning_line"]

MESSAGES: dict[str, str] = {
    "empty": "empty file: nothing to read",
    "binary": "binary file, not text ({detail}); give .txt, .html, .htm or .jsonl files",
    "too_large": (
        "{size:,} bytes is over the {limit:,}-byte limit per input; "
        "raise --max-bytes to read it"
    ),
    "unsupported": "unsupported file type '{suffix}'; give .txt, .html, .htm or .jsonl files",
    "unreadable": "cannot be read: {detail}",
    "not_found": "no such file or directory",
    "bad_json": "not valid JSON ({detail})",
    "not_object": "a JSONL line must be a JSON object, got {kind}",
    "no_text": "no 'text' field with article text",
    "bad_field": "field '{name}' must be {expected}, got {value!r}",
    "duplicate_id": "article id '{id}' was already read from {other}; give each article its own id",
    "no_html_text": "no article text found in the HTML page",
    "bad_html": "the HTML page could not be parsed ({detail})",
    "nothing_left": "no article text left after removing boilerplate",
    "already_stored": "same {what} as article '{other}' in the database; stored once",
    "bad_documents": "'documents' must be a Python list literal of strings ({detail})",
    "empty_document": "document {index} of this cluster is empty",
    "no_reference": "a cluster needs at least one article and a reference summary ({detail})",
    "bad_url": "not an http:// or https:// URL",
    "http_error": "the server answered {status} {phrase}",
    "unreachable": "no answer after {tries} tries ({detail})",
    "server_error": "the server answered {status} {phrase} {tries} times; try again later",
    "too_many_redirects": "more than {limit} redirects (the last to {target})",
    "robots_disallowed": "robots.txt of {host} does not allow storyline to fetch {target}",
    "robots_unavailable": (
        "robots.txt of {host} could not be read ({detail}); nothing is fetched from {host} "
        "until it can"
    ),
    "page_too_large": (
        "the answer is over the {limit:,}-byte limit per page; raise --max-bytes to fetch it"
    ),
    "not_html": "the answer is '{kind}', not an HTML page or a feed",
    "bad_feed": "not a readable RSS, Atom or JSON feed ({detail})",
    "no_link": "feed item {index} has no http(s) link to its page",
}


class UsageError(ValueError):
    """The command or call was used wrongly (exit code 2); the message says how to fix it."""


class StorylineWarning(UserWarning):
    """A skipped input, reported by the ``read`` convenience API (one per input)."""


def skip(path: str, code: str, line: int | None = None, **fields: object) -> Skipped:
    """Build the ``Skipped`` record for ``path`` from the message registered under ``code``.

    Raises:
        KeyError: ``code`` is not in ``MESSAGES`` (a bug, not a user error).
    """
    return Skipped(path=path, reason=MESSAGES[code].format(**fields), code=code, line=line)


def warning_line(skipped: Skipped) -> str:
    """One line for the terminal: ``skipped PATH[:LINE]: REASON``."""
    where = f"{skipped.path}:{skipped.line}" if skipped.line is not None else skipped.path
    return f"skipped {where}: {skipped.reason}"


def require_unique_ids(articles: Iterable[Article]) -> None:
    """Raise ``UsageError`` naming the repeated ids when two articles share an id."""
    repeated = [article_id for article_id, n in Counter(a.id for a in articles).items() if n > 1]
    if repeated:
        raise UsageError(f"article ids must be unique; repeated: {', '.join(repeated[:5])}")
