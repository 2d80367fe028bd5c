"""What a run keeps on disk: the WARC of every answer fetched, and the watch state.

``Archive`` appends one gzip-compressed WARC ``response`` record per fetched answer to
``pages.warc.gz``; each record is built in memory and written with a single ``write``,
so a run killed (even ``kill -9``) leaves whole records only, and the file can be read
again with warcio (``storyline batch`` reads it as an archive of pages).

``WatchState`` (``state.json`` beside the WARC) remembers, between runs, each feed's
``ETag``/``Last-Modified`` (for conditional GET) and the pages that were fetched and
read but not stored (no article text, a copy of a stored article): they are not fetched
again. It is saved (atomically: a temporary file, then a rename) only after the articles
of a poll are in the store, so a killed run loses no feed item: the next one asks for the
whole feed again and fetches exactly the pages the store does not hold.
"""

from __future__ import annotations

import io
import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from storyline.ingest.fetch.client import Page

__all__ = ["WARC_NAME", "STATE_NAME", "Archive", "WatchState"]

WARC_NAME = "pages.warc.gz"
STATE_NAME = "state.json"
DROPPED_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})
"""Headers that describe the transfer, not the body httpx gives (already decoded)."""


class Archive:
    """Appends fetched answers to ``folder / WARC_NAME`` (the folder is made when needed)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / WARC_NAME
        self.records = 0

    def add(self, page: Page) -> None:
        """Append ``page`` as a WARC response record for its final URL.

        Raises:
            OSError: the file cannot be written (a problem the user must fix).
        """
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter

        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=True)
        headers = [(k, v) for k, v in page.headers.items() if k not in DROPPED_HEADERS]
        headers.append(("Content-Length", str(len(page.body))))
        http = StatusAndHeaders(f"{page.status} {page.reason}", headers, protocol="HTTP/1.1")
        when = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        record = writer.create_warc_record(
            page.final_url, "response", payload=io.BytesIO(page.body), http_headers=http,
            warc_headers_dict={"WARC-Date": when},
        )
        writer.write_record(record)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("ab") as handle:
            handle.write(buffer.getvalue())
        self.records += 1


@dataclass
class WatchState:
    """Feed validators (``{feed url: {"etag": ..., "modified": ...}}``) and settled page
    URLs (fetched and read, not stored: not fetched again)."""

    path: Path
    feeds: dict[str, dict[str, str]] = field(default_factory=dict)
    settled: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, folder: Path) -> WatchState:
        """The state saved in ``folder`` (an empty one when there is none or it is damaged:
        the worst that costs is fetching some feeds and pages once more)."""
        path = folder / STATE_NAME
        try:
            saved = json.loads(path.read_text(encoding="utf-8"))
            feeds = {str(k): dict(v) for k, v in saved.get("feeds", {}).items()}
            return cls(path, feeds, {str(url) for url in saved.get("settled", [])})
        except (OSError, ValueError, TypeError, AttributeError):
            return cls(path)

    def save(self) -> None:
        """Write the state atomically."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        data = {"feeds": self.feeds, "settled": sorted(self.settled)}
        temporary.write_text(json.dumps(data, indent=1), encoding="utf-8")
        os.replace(temporary, self.path)
