"""Labelled piles for the clustering checks of issue 15, each cut into a tuning and a held-out fold.

Every loader returns ``GoldArticle`` items (an article with its gold story and storyline;
an empty label means "no gold at that level") in the order a stream would deliver them.

- ``timeline17``: the Timeline17 stream (``load_stream``: gold storyline = collection name
  before ``_``, no story gold), optionally **collapsed in time**: each collection (folder,
  e.g. ``bpoil_bbc``) is shifted by a whole number of days so that all start on the
  earliest first day among them; the gaps inside a collection are kept, so the date no
  longer tells storylines apart.
- ``multinews_pile``: Multi-News clusters shuffled into one pile (seed ``PILE_SEED``); gold
  story = cluster (CSV row), no storyline gold.
- ``ecbplus``: ECB+ topics as ``load_ecbplus`` reads them (gold story = topic + ecb/ecbplus,
  gold storyline = topic).
- ``unrelated_pile``: the first ``PILE_CLUSTERS`` Multi-News clusters of the fold with at
  least two articles, plus whole threads given by the caller (the seeds, our examples);
  each cluster or thread is its own story and its own storyline.

**Folds** (fixed, so that settings can be chosen on ``tune`` and reported on ``heldout``):
Timeline17 by gold storyline (``TIMELINE17_HELDOUT``: ``bpoil`` and ``EgyptianProtest`` are
held out; ``H1N1``, ``Finan``, ``haiti`` and any other collection tune), ECB+ odd topics
tune and even topics are held out, Multi-News even rows tune and odd rows are held out.
``fold="all"`` keeps everything.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from storyline.errors import UsageError
from storyline.evaluate.ecbplus import GoldArticle, find_root, load_ecbplus
from storyline.evaluate.multinews import Cluster, load_multinews
from storyline.evaluate.timeline17_stream import is_timeline17, load_stream
from storyline.model import Article, Skipped

__all__ = [
    "FOLDS",
    "PILE_CLUSTERS",
    "PILE_SEED",
    "TIMELINE17_HELDOUT",
    "collapse_in_time",
    "ecbplus",
    "load_labelled",
    "multinews_pile",
    "timeline17",
    "unrelated_pile",
]

FOLDS = ("all", "tune", "heldout")
"""Accepted ``fold`` values."""
TIMELINE17_HELDOUT = frozenset({"bpoil", "EgyptianProtest"})
"""Timeline17 gold storylines held out: a ten-month five-outlet thread and a three-week
burst; the tuning fold keeps a four-month three-outlet thread (H1N1), a ten-month
one-outlet thread (Finan) and a three-week burst (haiti)."""
PILE_CLUSTERS = 20
"""Multi-News clusters in an unrelated pile."""
PILE_SEED = 0
"""Seed of the shuffle that makes a Multi-News pile."""


def _keep(fold: str, heldout: bool) -> bool:
    """Whether an item in the held-out half (``heldout``) belongs to ``fold``."""
    if fold not in FOLDS:
        raise UsageError(f"fold {fold!r}: expected one of {', '.join(FOLDS)}")
    return fold == "all" or (fold == "heldout") == heldout


def timeline17(path: Path | str, *, fold: str = "all", collapse: bool = False,
               collections: Sequence[str] | None = None) -> tuple[list[GoldArticle], list[Skipped]]:
    """The Timeline17 stream of ``fold`` (and of ``collections`` when given), in publication order.

    Args:
        path: the Timeline17 folder.
        fold: ``all``, ``tune`` or ``heldout`` (see the module docstring).
        collapse: shift every collection to start on the same day (``collapse_in_time``).
        collections: folder names to keep (e.g. ``["haiti_bbc"]``); all when None.

    Returns:
        ``(items, skipped)`` as ``load_stream`` gives them (empty files skipped).

    Raises:
        UsageError: no Timeline17 collection under ``path``, or an unknown fold.
    """
    items, skipped = load_stream(path)
    items = [i for i in items if _keep(fold, i.storyline in TIMELINE17_HELDOUT)
             and (collections is None or i.article.source in collections)]
    return (collapse_in_time(items) if collapse else items), skipped


def collapse_in_time(items: Sequence[GoldArticle]) -> list[GoldArticle]:
    """``items`` with each collection (``article.source``) shifted to start on the same day.

    The common day is the earliest first day of any collection; days inside a collection
    keep their gaps, undated articles stay undated. Returned in stream order: undated
    first, then by day, collection and input order.
    """
    first: dict[str, date] = {}
    for item in items:
        day, source = item.article.published, item.article.source
        if day is not None and (source not in first or day < first[source]):
            first[source] = day
    start = min(first.values(), default=None)
    shifted = [_shift(item, start, first) for item in items]
    return sorted(shifted, key=lambda i: (i.article.published is not None,  # stable: ties keep input order
                                          i.article.published or start, i.article.source))


def _shift(item: GoldArticle, start: date | None, first: dict[str, date]) -> GoldArticle:
    day = item.article.published
    if day is None or start is None:
        return item
    return replace(item, article=replace(item.article, published=day + (start - first[item.article.source])))


def _fold_clusters(path: Path | str, fold: str) -> tuple[list[Cluster], list[Skipped]]:
    clusters, skipped = load_multinews(path)
    return [c for c in clusters if _keep(fold, int(c.id) % 2 == 1)], skipped


def multinews_pile(path: Path | str, *, fold: str = "all",
                   limit: int | None = None) -> tuple[list[GoldArticle], list[Skipped]]:
    """The articles of the Multi-News clusters in ``fold`` (the first ``limit``), shuffled.

    Returns:
        ``(items, skipped)``; gold story = cluster id (CSV row), no storyline gold.

    Raises:
        FileNotFoundError: no file at ``path``.
    """
    clusters, skipped = _fold_clusters(path, fold)
    items = [GoldArticle(a, c.id, "") for c in clusters[:limit] for a in c.articles]
    random.Random(PILE_SEED).shuffle(items)
    return items, skipped


def ecbplus(path: Path | str, *, fold: str = "all") -> list[GoldArticle]:
    """ECB+ articles of ``fold``: odd topics tune, even topics are held out.

    Raises:
        FileNotFoundError: no ECB+ topic folders under ``path``.
    """
    items = load_ecbplus(path)
    return [i for i in items if _keep(fold, int(i.storyline) % 2 == 0)]


def unrelated_pile(path: Path | str, threads: dict[str, Sequence[Article]], *,
                   fold: str = "all") -> tuple[list[GoldArticle], list[Skipped]]:
    """``PILE_CLUSTERS`` Multi-News clusters of ``fold`` and ``threads``, shuffled into one pile.

    The clusters are the first ones (CSV order) of ``fold`` with at least two articles;
    ``threads`` maps a name to the articles of one thread. Each cluster and each thread is
    its own story and storyline (gold labels ``mn-<row>`` or the thread's name).
    """
    clusters, skipped = _fold_clusters(path, fold)
    chosen = [c for c in clusters if len(c.articles) >= 2][:PILE_CLUSTERS]
    items = [GoldArticle(a, f"mn-{c.id}", f"mn-{c.id}") for c in chosen for a in c.articles]
    items += [GoldArticle(a, name, name) for name, articles in threads.items() for a in articles]
    random.Random(PILE_SEED).shuffle(items)
    return items, skipped


def load_labelled(path: Path | str, *, fold: str = "all",
                  collapse: bool = False) -> tuple[list[GoldArticle], list[Skipped], str]:
    """ECB+, a Timeline17 stream or a Multi-News pile from ``path``, told apart by layout.

    Returns:
        ``(items, skipped, name)``; ``name`` says what the gold labels are.

    Raises:
        UsageError: ``path`` holds none of the three, an unknown fold, or ``collapse``
            for data other than Timeline17.
    """
    if collapse and not is_timeline17(path):
        raise UsageError(f"--collapse: {path} is not a Timeline17 folder; only its dated "
                         "collections can be shifted in time")
    fold_note = "" if fold == "all" else f", {fold} fold"
    if find_root(path) is not None:
        return ecbplus(path, fold=fold), [], f"ECB+ (gold story: topic + ecb/ecbplus{fold_note})"
    if is_timeline17(path):
        items, skipped = timeline17(path, fold=fold, collapse=collapse)
        how = ", collapsed in time" if collapse else ""
        return items, skipped, f"Timeline17 stream (gold storyline: collection name before '_'{how}{fold_note})"
    if Path(path).suffix.lower() == ".csv":
        items, skipped = multinews_pile(path, fold=fold)
        return items, skipped, f"Multi-News pile (gold story: cluster{fold_note})"
    raise UsageError(f"--data {path}: expected ECB+ (<topic>/<t>_<k>ecb.xml) or "
                     "Timeline17 (<collection>/InputDocs/<date>/) folders, or a Multi-News .csv")
