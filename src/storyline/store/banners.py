"""An outlet's banners: lead lines that top its pages about unrelated stories.

A crawled site often puts the same line on top of every page it serves for a while: a
trending link ("2 men charged in death of ..."), a newsletter offer, a photo caption of
the day. Cleaning sees one page at a time and cannot tell such a line from the page's news;
the store sees every page of the outlet. Each stored article keeps ``lead_hash``, a hash of
its first kept sentence (NULL when it kept none); a lead that opens articles of one known
outlet in ``BANNER_STORIES`` or more stories is a banner, and ``banner_leads`` names the
articles of a story that open with one, so that the digest reads them from their second
sentence (their text and stored sentences are kept as they are).
"""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection, func, select

from storyline.ingest.names import UNKNOWN_OUTLET
from storyline.store.schema import articles

__all__ = ["BANNER_STORIES", "banner_leads", "lead_hash"]

BANNER_STORIES = 3
"""Stories of one outlet a lead line must open articles in to be the outlet's banner (a
wire lead copied into several pages of one outlet stays in one story)."""
HASHES_PER_QUERY = 500
"""Leads looked up per query (a story of any size stays under the database's limit on
query parameters)."""


def lead_hash(sentence: str) -> str:
    """A short hash of ``sentence`` (an article's first kept sentence), its case and white
    space ignored.

    Example:
        >>> lead_hash("Get the  Fix .") == lead_hash("get the fix .")
        True
    """
    words = " ".join(sentence.casefold().split())
    return hashlib.sha1(words.encode("utf-8")).hexdigest()[:16]


def banner_leads(connection: Connection, story_id: str) -> set[str]:
    """The ids of the articles of ``story_id`` whose first kept sentence is a banner of
    their outlet (it opens articles of that known outlet in ``BANNER_STORIES`` or more
    stories)."""
    own = list(connection.execute(
        select(articles.c.id, articles.c.outlet, articles.c.lead_hash).where(
            articles.c.story_id == story_id, articles.c.lead_hash.is_not(None),
            articles.c.outlet != UNKNOWN_OUTLET)))
    hashes = sorted({row.lead_hash for row in own})
    banners: set[tuple[str, str]] = set()
    for start in range(0, len(hashes), HASHES_PER_QUERY):
        spread = (
            select(articles.c.outlet, articles.c.lead_hash)
            .where(articles.c.lead_hash.in_(hashes[start : start + HASHES_PER_QUERY]))
            .group_by(articles.c.outlet, articles.c.lead_hash)
            .having(func.count(func.distinct(articles.c.story_id)) >= BANNER_STORIES)
        )
        banners.update((row.outlet, row.lead_hash) for row in connection.execute(spread))
    return {row.id for row in own if (row.outlet, row.lead_hash) in banners}
