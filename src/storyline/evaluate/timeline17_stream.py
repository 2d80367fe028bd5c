"""Timeline17 (Tran et al., 2013) as one news stream for storyline clustering.

The articles come from ``storyline.evaluate.timeline17.load`` (one article per
``<collection>/InputDocs/YYYY-MM-DD/N.htm.txt``, published on its folder's date). Here all
collections are merged into one stream in publication order (date, then collection, then
file number). The gold storyline of an article is its collection's name before the
underscore, so all ``bpoil_*`` collections form one storyline. Empty files (25 in the
original release) are returned as ``Skipped`` with their reason.
"""

from __future__ import annotations

from pathlib import Path

from storyline.errors import skip
from storyline.evaluate.ecbplus import GoldArticle
from storyline.evaluate.timeline17 import load
from storyline.model import Skipped

__all__ = ["is_timeline17", "load_stream"]

def is_timeline17(path: Path | str) -> bool:
    """True when ``path`` holds ``<collection>/InputDocs/<date>/`` folders."""
    return any(Path(path).glob("*/InputDocs"))


def load_stream(path: Path | str) -> tuple[list[GoldArticle], list[Skipped]]:
    """Every Timeline17 article under ``path``, in publication order, and the empty files.

    Returns:
        ``(articles, skipped)``; article ids are ``<collection>/<date>/<file name>``.

    Raises:
        UsageError: no ``*/InputDocs`` folder under ``path``.
    """
    articles = [a for topic in load(Path(path)) for a in topic.articles]
    articles.sort(key=lambda a: (a.published, a.source, _number(a.path)))
    empty = sorted(p for p in Path(path).glob("*/InputDocs/*/*.txt") if not p.read_bytes().strip())
    skipped = [skip(str(p), "empty") for p in empty]
    return [GoldArticle(a, "", a.source.split("_")[0]) for a in articles], skipped


def _number(path: str) -> tuple[int, str]:
    name = Path(path).name
    head = name.split(".")[0]
    return (int(head), name) if head.isdigit() else (-1, name)
