"""Timeline17 (Tran et al., 2013) as one news stream for storyline clustering.

Layout: ``<root>/<topic>_<outlet>/InputDocs/YYYY-MM-DD/N.htm.txt``: one article per file,
published on its folder's date, PTB-tokenized, one sentence per line. All collections are
merged into one stream in publication order (date, then collection, then file number).
The gold storyline of an article is its collection's name before the underscore, so all
``bpoil_*`` collections form one storyline. The title is the first line, as
``storyline.ingest.text`` reads plain text. Empty files (25 in the original release) are
returned as ``Skipped`` with their reason.

This is a minimal stream loader written for clustering; no other Timeline17 loader
existed in the package when it was written.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from storyline.errors import skip
from storyline.evaluate.ecbplus import GoldArticle
from storyline.ingest.text import title_of
from storyline.model import Article, Skipped

__all__ = ["is_timeline17", "load_stream"]

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def is_timeline17(path: Path | str) -> bool:
    """True when ``path`` holds ``<collection>/InputDocs/<date>/`` folders."""
    return any(Path(path).glob("*/InputDocs"))


def load_stream(path: Path | str) -> tuple[list[GoldArticle], list[Skipped]]:
    """Every Timeline17 article under ``path``, in publication order, and the empty files.

    Returns:
        ``(articles, skipped)``; article ids are ``<collection>/<date>/<file number>``.

    Raises:
        FileNotFoundError: no ``*/InputDocs`` folder under ``path``.
    """
    if not is_timeline17(path):
        raise FileNotFoundError(f"{path}: no Timeline17 collections (<name>/InputDocs/) found")
    found = []
    for file in Path(path).glob("*/InputDocs/*/*.txt"):
        collection, day = file.parts[-4], file.parts[-2]
        if _DAY.fullmatch(day):
            number = int(file.name.split(".")[0]) if file.name[0].isdigit() else 0
            found.append(((day, collection, number, file.name), file))
    articles, skipped = [], []
    for (day, collection, _, name), file in sorted(found):
        text = file.read_text(encoding="utf-8", errors="replace")
        if not text.strip():
            skipped.append(skip(str(file), "empty"))
            continue
        article = Article(text=text, id=f"{collection}/{day}/{name.split('.')[0]}",
                          title=title_of(text), published=date.fromisoformat(day),
                          source=collection.split("_", 1)[-1], path=str(file))
        articles.append(GoldArticle(article, "", collection.split("_")[0]))
    return articles, skipped
