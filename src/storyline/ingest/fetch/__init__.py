"""Live sources: feeds and pages fetched over HTTP, read into ``Article`` like files are.

One module per job, along the data flow: ``client`` fetches politely (robots.txt via
``robots``, per-host delay, retries, limits, conditional GET); ``feeds`` reads RSS, Atom
and JSON Feed into the items' page URLs; ``archive`` keeps every answer in a WARC and the
watch state between runs; ``poll`` runs one round over the sources a user follows and
reads the fetched pages with our HTML reader. Every failure is a ``Skipped`` naming the
URL and the reason, never an exception.

Entry point: ``poll`` then ``read_pages``::

    with Fetcher(FetchConfig(delay=2.0)) as fetcher:   # storyline.config.FetchConfig
        result = poll(["https://example.org/feed.xml"], fetcher,
                      known=lambda urls: set(), state=WatchState.load(folder))
        articles, skipped = read_pages(result.pages)
"""

from storyline.ingest.fetch.archive import Archive, WatchState
from storyline.ingest.fetch.client import Fetcher, Page
from storyline.ingest.fetch.feeds import Feed, FeedItem, read_feed
from storyline.ingest.fetch.poll import Fetched, PollResult, page_id, poll, read_pages

__all__ = [
    "Archive", "Feed", "FeedItem", "Fetched", "Fetcher", "Page",
    "PollResult", "WatchState", "page_id", "poll", "read_feed", "read_pages",
]
