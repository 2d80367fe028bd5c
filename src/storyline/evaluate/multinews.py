"""Clusters with a reference summary: the Multi-News CSV and our JSONL cluster directory.

Both loaders return ``(clusters, skipped)``: a ``Cluster`` is the articles of one story plus
the human reference summary; an unusable row, line or document is a ``Skipped`` with its
reason, never an exception.

**Multi-News CSV** (``validation.csv``, Fabbri et al. 2019): columns ``documents`` (a Python
list literal of raw article strings, read with ``ast.literal_eval``), ``num_documents`` and
``summary`` (which starts with "– ", stripped here). Document ``k`` of row ``n`` becomes
``Article(id="<n>-<k>", text=...)``; the cluster id is the 0-based row number ``<n>``.
Empty documents are skipped.

**Cluster directory** (our format): a directory of ``NAME.jsonl`` files, one story per
file, cluster id ``NAME``. Each line is a JSON object: the line with a ``reference`` key
(a string) holds the reference summary; every other line is one article in the format
``storyline digest`` reads (see ``storyline.ingest.jsonl``: ``text`` required; ``id``,
``title``, ``source``, ``url``, ``published`` optional), with the same skip reasons::

    {"reference": "Engineers found a crack in the Kessling Dam ..."}
    {"id": "wire", "title": "Dam crack forces evacuation", "text": "...", "published": "2025-03-04"}
    {"id": "herald", "text": "..."}

A file without a reference line, or without a usable article, is skipped as a whole.
"""

from __future__ import annotations

import ast
import csv
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from storyline.errors import skip
from storyline.ingest.files import Found, Source
from storyline.ingest.jsonl import parse_line
from storyline.model import Article, Skipped

__all__ = ["Cluster", "load_clusters", "load_directory", "load_multinews"]

SUMMARY_PREFIX = "–"
"""Multi-News summaries start with an en dash and a space; it is not part of the text."""


@dataclass(frozen=True)
class Cluster:
    """The articles of one story and the human reference summary written for them."""

    id: str
    articles: tuple[Article, ...]
    reference: str


def load_clusters(path: Path | str) -> tuple[list[Cluster], list[Skipped]]:
    """Load a Multi-News ``.csv`` file or a directory of ``.jsonl`` clusters.

    Raises:
        FileNotFoundError: ``path`` does not exist.
        ValueError: ``path`` is neither a ``.csv`` file nor a directory.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"no such file or directory: {path}")
    if path.is_dir():
        return load_directory(path)
    if path.suffix.lower() == ".csv":
        return load_multinews(path)
    raise ValueError(f"{path}: give a Multi-News .csv file or a directory of .jsonl clusters")


def load_multinews(path: Path | str) -> tuple[list[Cluster], list[Skipped]]:
    """Read the Multi-News CSV at ``path`` (see the module docstring for the format)."""
    csv.field_size_limit(sys.maxsize)
    clusters: list[Cluster] = []
    skipped: list[Skipped] = []
    with open(path, encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle)):
            where = f"{path}:{number + 2}"
            try:
                documents = _documents(row.get("documents") or "")
            except ValueError as err:
                skipped.append(skip(where, "bad_documents", detail=err))
                continue
            articles = [Article(id=f"{number}-{k}", text=doc) for k, doc in enumerate(documents) if doc.strip()]
            skipped += [skip(where, "empty_document", index=k)
                        for k, doc in enumerate(documents) if not doc.strip()]
            reference = _strip_prefix(row.get("summary") or "")
            if articles and reference:
                clusters.append(Cluster(str(number), tuple(articles), reference))
            else:
                skipped.append(skip(where, "no_reference", detail="empty 'documents' or 'summary'"))
    return clusters, skipped


def _documents(literal: str) -> list[str]:
    """The list of article strings in a ``documents`` cell; ValueError when it is not one."""
    try:
        value = ast.literal_eval(literal)
    except (SyntaxError, ValueError, MemoryError, RecursionError) as err:
        raise ValueError(f"not a Python list literal: {type(err).__name__}") from None
    if not isinstance(value, list) or not all(isinstance(doc, str) for doc in value):
        raise ValueError("expected a list of strings")
    return value


def _strip_prefix(summary: str) -> str:
    summary = summary.strip()
    return summary[len(SUMMARY_PREFIX):].lstrip() if summary.startswith(SUMMARY_PREFIX) else summary


def load_directory(path: Path | str) -> tuple[list[Cluster], list[Skipped]]:
    """Read every ``*.jsonl`` cluster file in the directory ``path``, in name order."""
    clusters: list[Cluster] = []
    skipped: list[Skipped] = []
    for file in sorted(Path(path).glob("*.jsonl")):
        articles: list[Article] = []
        references: list[str] = []
        for item in _cluster_lines(file, references):
            if isinstance(item, Found):
                articles.append(item.article)
            else:
                skipped.append(item)
        if articles and references:
            clusters.append(Cluster(file.stem, tuple(articles), references[0]))
        else:
            skipped.append(skip(str(file), "no_reference", detail='give a {"reference": ...} line'))
    return clusters, skipped


def _cluster_lines(file: Path, references: list[str]) -> Iterator[Found | Skipped]:
    """Articles of one cluster file; reference summaries are appended to ``references``."""
    source = Source(str(file), file.stem, ".jsonl")
    with open(file, encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            reference = _reference(line)
            if reference is not None:
                references.append(reference)
            else:
                yield parse_line(line, source, number)


def _reference(line: str) -> str | None:
    """The summary of a ``{"reference": ...}`` line, else ``None``."""
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        return None
    if isinstance(record, dict) and isinstance(record.get("reference"), str):
        return record["reference"].strip()
    return None
