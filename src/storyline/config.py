"""The run's configuration, built once at the entry point (CLI or API) and passed down frozen.

``Config`` holds every option: reading and digest options at the top, ``cluster``
(``ClusterConfig``) and ``batch`` (``BatchConfig``) as sections. A store saves the
``Config`` it was created with (``to_dict``/``from_dict``) and rebuilds a stored digest
when ``digest_key()`` changes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from storyline.errors import UsageError

__all__ = [
    "DEFAULT_DATES", "DEFAULT_MAX_BYTES", "DEFAULT_PER_DATE", "DEFAULT_WORDS", "DIGEST_VERSION",
    "USER_AGENT", "BatchConfig", "ClusterConfig", "Config", "FetchConfig",
]

DEFAULT_WORDS = 120
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


def _version() -> str:
    try:
        return version("storyline")
    except PackageNotFoundError:
        return "0+unknown"


USER_AGENT = f"storyline/{_version()} (news digests; fetches only the feeds and pages its user names)"
"""The User-Agent of every request; robots.txt rules for ``storyline`` apply to it."""
DEFAULT_DATES = 8
"""Dates on a story's timeline."""
DEFAULT_PER_DATE = 1
"""Sentences per timeline date."""
DIGEST_VERSION = 4
"""The version of the digest code: bump it when a change to the analyses changes what a
digest holds, so that digests stored by older code are rebuilt (``Config.digest_key``)."""
DIGEST_FIELDS = ("words", "dates", "per_date")
"""The ``Config`` fields that change a digest."""


@dataclass(frozen=True)
class ClusterConfig:
    """How articles are grouped, in batch and online.

    Args:
        story_threshold: (batch) least average similarity of the articles of a story,
            weighted with IDF local to their storyline.
        online_story_threshold: (online) least similarity of an article to a story centroid.
        storyline_chance: (batch) least average chance, by the learned pair model
            (``storyline.cluster.pairs``), that the articles of a storyline share it.
        online_storyline_chance: (online) least chance, by the same model, that a new
            story's first article shares the nearest storyline (scored against its
            centroid).
        storyline_apart: two groups of articles whose centroids' content and name cosines
            average under this stay apart as separate storylines, whatever their articles'
            average chance (batch: ``storyline.cluster.similarity.threads_apart``; online: a
            growing story against the rest of its storyline); 0: never.
        name_weight: share of the similarity given to names and numbers in stories (0..1).
        story_days: articles this many days apart start losing story similarity.
        merge_threshold: (online) two stories this similar are merged into one.
        window_days: (online) a story idle this many days is closed and leaves the index.
        line_window_days: (online) a storyline idle this many days is closed likewise.
        undated_story_weight: share of the story similarity kept for a pair of articles
            whose time gap is unknown (one of them has no date, even from its text): words
            alone must then say more (0..1).
        max_active: (online) most stories (and storylines) kept in the index; the
            longest idle are closed first, so memory stays flat on any stream.

    Raises:
        UsageError: a value is out of range.
    """

    story_threshold: float = 0.04
    online_story_threshold: float = 0.14
    storyline_chance: float = 0.65
    online_storyline_chance: float = 0.5
    """Both chances chosen by ``benchmarks/tune_clusters.py`` on the issue 15 tune folds,
    for the pair models that ``benchmarks/train_storyline_pairs.py`` fits on the same folds."""
    storyline_apart: float = 0.35
    """The middle of the range that leaves every tune-fold figure as it is without the check
    (0.3 to 0.4 with ``APART_MIN`` 20 articles; 0.5 cuts long threads), chosen by
    ``benchmarks/storyline_apart.py``."""
    name_weight: float = 0.5
    story_days: float = 3.0
    undated_story_weight: float = 1.0
    merge_threshold: float = 0.7
    window_days: float = 14.0
    line_window_days: float = 120.0
    max_active: int = 1000

    def __post_init__(self) -> None:
        for name in ("story_threshold", "online_story_threshold", "storyline_chance",
                     "online_storyline_chance", "storyline_apart", "name_weight", "merge_threshold",
                     "undated_story_weight"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise UsageError(f"{name} must be between 0 and 1, got {getattr(self, name)}")
        for name in ("story_days", "window_days", "line_window_days"):
            if getattr(self, name) <= 0:
                raise UsageError(f"{name} must be above 0, got {getattr(self, name)}")
        if self.max_active < 1:
            raise UsageError(f"max_active must be at least 1, got {self.max_active}")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ClusterConfig:
        """The parameters in ``data``; a name this version does not know is ignored (saved by
        another version), a missing one takes its default.

        Raises:
            UsageError: a value is out of range.
        """
        return cls(**_known(cls, data))



@dataclass(frozen=True)
class BatchConfig:
    """How a batch run (``storyline.batch``) cuts its archive and its work.

    Args:
        window_days: width of a clustering time window in days.
        overlap_days: days at the start of each window that the window before also
            clusters; at least the story time scale (``ClusterConfig.story_days``, 3) is
            sensible.
        max_articles: most articles clustered at once (memory and time grow with its square).
        digest_chars: most characters of article text (about) digested by one task; a
            larger story gets a task of its own.

    Raises:
        UsageError: a value is out of range.
    """

    window_days: float = 30.0
    overlap_days: float = 3.0
    max_articles: int = 2500
    digest_chars: int = 1_000_000

    def __post_init__(self) -> None:
        if not self.window_days > 0:
            raise UsageError(f"--window-days must be above 0, got {self.window_days}")
        if not 0 <= self.overlap_days < self.window_days:
            raise UsageError(
                f"--overlap-days must be 0 or more and below --window-days, got {self.overlap_days}")
        if self.max_articles < 10:
            raise UsageError(f"--max-window must be at least 10, got {self.max_articles}")
        if self.digest_chars < 1:
            raise UsageError(f"digest_chars must be at least 1, got {self.digest_chars}")


@dataclass(frozen=True)
class FetchConfig:
    """How politely and how patiently to fetch.

    Attributes:
        timeout: seconds to connect, and at most between two reads and for a whole body.
        retries: further tries after a 5xx/408/429 answer, a timeout or a connection error.
        backoff: seconds before the first retry; doubled for each further one.
        delay: least seconds between two requests to one host.
        max_bytes: a body longer than this is not read (``page_too_large``).
        max_redirects: redirects followed for one URL.
        user_agent: the ``User-Agent`` header, also the name robots.txt rules are read for.
    """

    timeout: float = 20.0
    retries: int = 2
    backoff: float = 1.0
    delay: float = 1.0
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = 5
    user_agent: str = USER_AGENT

    def __post_init__(self) -> None:
        if self.timeout <= 0 or self.backoff < 0 or self.delay < 0:
            raise UsageError("--timeout must be above 0, --delay (and the backoff) at least 0, "
                             f"got {self.timeout:g}, {self.delay:g} ({self.backoff:g})")
        if self.retries < 0 or self.max_redirects < 0 or self.max_bytes < 1:
            raise UsageError("--retries must be at least 0 and --max-bytes at least 1, "
                             f"got {self.retries}, {self.max_bytes}")



@dataclass(frozen=True)
class Config:
    """What a run may be told.

    Args:
        words: word budget of the summary.
        max_bytes: inputs larger than this (a file, or one JSONL line) are skipped.
        dates: how many dates the timeline shows.
        per_date: how many sentences the timeline shows for each date.
        cluster: how articles are grouped into stories and storylines.
        batch: how a batch run cuts its archive and its work.
        fetch: how feeds and pages are fetched (``storyline watch`` and ``fetch``).

    Raises:
        UsageError: a value is out of range.

    Example:
        >>> Config(words=60).digest_key() == Config(words=60, max_bytes=10).digest_key()
        True
        >>> Config.from_dict(Config(dates=3).to_dict()) == Config(dates=3)
        True
    """

    words: int = DEFAULT_WORDS
    max_bytes: int = DEFAULT_MAX_BYTES
    dates: int = DEFAULT_DATES
    per_date: int = DEFAULT_PER_DATE
    cluster: ClusterConfig = field(default_factory=ClusterConfig)
    batch: BatchConfig = field(default_factory=BatchConfig)
    fetch: FetchConfig = field(default_factory=FetchConfig)

    def __post_init__(self) -> None:
        if self.words < 1:
            raise UsageError(f"--words must be at least 1, got {self.words}")
        if self.max_bytes < 1:
            raise UsageError(f"--max-bytes must be at least 1, got {self.max_bytes}")
        if self.dates < 1:
            raise UsageError(f"--dates must be at least 1, got {self.dates}")
        if self.per_date < 1:
            raise UsageError(f"--per-date must be at least 1, got {self.per_date}")

    def digest_key(self) -> str:
        """A short hash of what a digest is built with: ``DIGEST_FIELDS`` and
        ``DIGEST_VERSION``; equal keys mean a stored digest is still current."""
        wanted = {name: getattr(self, name) for name in DIGEST_FIELDS}
        text = json.dumps({"version": DIGEST_VERSION, **wanted}, sort_keys=True)
        return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        """The config as plain JSON-able data (read back by ``from_dict``)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Config:
        """The config saved by ``to_dict``; a field it lacks takes its default, and a
        name this version does not know is ignored (a config saved by another version).

        Raises:
            UsageError: a value is out of range.
        """
        sections = {"cluster": ClusterConfig, "batch": BatchConfig, "fetch": FetchConfig}
        values: dict[str, Any] = {}
        for item in fields(cls):
            if item.name not in data:
                continue
            value = data[item.name]
            section = sections.get(item.name)
            values[item.name] = section(**_known(section, value)) if section else value
        return cls(**values)


def _known(cls: Any, data: dict[str, Any]) -> dict[str, Any]:
    """The items of ``data`` that name a field of the dataclass ``cls``."""
    names = {item.name for item in fields(cls)}
    return {name: value for name, value in data.items() if name in names}
