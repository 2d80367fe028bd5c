"""ECB+ (Cybulska and Vossen, LREC 2014) as a story-clustering benchmark.

Layout: ``<root>/ECB+/<topic>/<topic>_<k>ecb.xml`` reports event A of the topic and
``<topic>_<k>ecbplus.xml`` event B, a similar but distinct event ("Tara Reid enters
rehab" against "Lindsay Lohan enters rehab"). Each file is CAT XML: one
``<token t_id sentence number>word</token>`` element per token. The article text is its
tokens joined by spaces, one sentence per line; in ``ecbplus`` files sentence 0 is the
source URL and is left out. Articles carry no date.

Gold labels: the story of an article is ``<topic>_ecb`` or ``<topic>_ecbplus``; its
topic (``<topic>``) serves as a storyline-level label.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from storyline.model import Article

__all__ = ["GoldArticle", "find_root", "load_ecbplus"]

_FILE = re.compile(r"(?P<topic>\d+)_(?P<doc>\d+)(?P<kind>ecbplus|ecb)\.xml")


@dataclass(frozen=True)
class GoldArticle:
    """An article with its gold story and storyline labels (either may be empty)."""

    article: Article
    story: str
    storyline: str


def find_root(path: Path | str) -> Path | None:
    """The folder holding the topic folders (``.../ECB+``) under or at ``path``, else None."""
    path = Path(path)
    for candidate in (path / "ECB+", path):
        if candidate.is_dir() and any(candidate.glob("*/*ecb*.xml")):
            return candidate
    return None


def load_ecbplus(path: Path | str, topics: Iterable[int] | None = None) -> list[GoldArticle]:
    """Read the ECB+ articles under ``path`` (the ``ecbplus`` folder or its ``ECB+`` folder).

    Args:
        path: where the data lies.
        topics: topic numbers to keep; all when None.

    Returns:
        Articles in topic, event and document order, ids like ``1_10ecbplus``.

    Raises:
        FileNotFoundError: no ECB+ topic folders under ``path``.
    """
    root = find_root(path)
    if root is None:
        raise FileNotFoundError(f"{path}: no ECB+ topic folders (<topic>/<t>_<k>ecb.xml) found")
    wanted = None if topics is None else set(topics)
    found = []
    for file in root.glob("*/*.xml"):
        match = _FILE.fullmatch(file.name)
        if match and (wanted is None or int(match["topic"]) in wanted):
            key = (int(match["topic"]), match["kind"], int(match["doc"]))
            found.append((key, file))
    return [_read(file, *key[:2]) for key, file in sorted(found)]


def _read(file: Path, topic: int, kind: str) -> GoldArticle:
    sentences: dict[int, list[str]] = {}
    for token in ElementTree.parse(file).getroot().iter("token"):
        number = int(token.get("sentence", "0"))
        sentences.setdefault(number, []).append(token.text or "")
    if kind == "ecbplus":
        sentences.pop(0, None)
    text = "\n".join(" ".join(words) for _, words in sorted(sentences.items()))
    article = Article(text=text, id=file.stem, path=str(file))
    return GoldArticle(article, f"{topic}_{kind}", str(topic))
