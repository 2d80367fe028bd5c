"""The three kinds of task of a batch run; each runs on a worker and writes its own files.

1. ``shard_task``: read one shard, drop repeated ids and articles with no prose left after
   cleaning (``storyline.clean.prose``), date each article, and write the articles of each time
   window it touches to its own file (a shuffle by window through the work folder).
2. ``window_task``: read one window's files from every shard, cluster them with
   ``storyline.cluster.batch.cluster`` (in chunks of at most ``BatchConfig.max_articles``), and
   write the window's articles and story pieces; return small ``Piece`` summaries.
3. ``digest_task``: build the digest (``storyline.digest.digest_story``, from the sentences
   the shard task kept: each article is cleaned once) of each story of a group of
   consecutive stories, reading only the window files its pieces came from, and write the
   digests as JSON lines.

Results carry the task's wall ``seconds`` and the ``cpu`` seconds of its thread (which do
not grow when other processes compete for the cores). Every task first looks for its marker and returns the saved result when it is there, and
writes its files atomically under names that carry its key (``storyline.batch.workdir``):
running a task twice gives the same files, once each.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from storyline.batch.shards import Shard, read_shard
from storyline.batch.windows import (
    Piece,
    chunks,
    join,
    order_key,
    windows_of,
)
from storyline.batch.workdir import atomic_write, load, save
from storyline.clean.prose import clean
from storyline.cluster.batch import cluster
from storyline.cluster.result import day_number
from storyline.config import Config
from storyline.digest import digest_story
from storyline.errors import skip
from storyline.model import Article, CleanArticle, Sentence, Skipped

__all__ = [
    "DigestJob",
    "DigestResult",
    "ShardJob",
    "ShardResult",
    "StorySpec",
    "WindowJob",
    "WindowResult",
    "digest_task",
    "shard_task",
    "window_task",
]

Spans = tuple[tuple[int, int, int], ...]
"""An article's kept sentences as ``(start, end, paragraph)`` (``storyline.clean.prose``)."""
Record = tuple[Article, float, Spans]
"""An article, its day number (NaN when undated) and its kept sentences, cleaned once in
``shard_task`` and read again by ``digest_task``."""


@dataclass(frozen=True)
class ShardJob:
    """Read ``shard`` into window files under ``work/shards/<key>/``."""

    shard: Shard
    key: str
    work: str
    config: Config

    @property
    def marker(self) -> Path:
        """The file whose presence means this job is done."""
        return Path(self.work) / "shards" / self.key / "done.pkl"


@dataclass(frozen=True)
class ShardResult:
    """What one shard gave: ``ids`` are ``(id, path, line)`` of its kept articles, in order;
    ``windows`` maps a window to ``(file, article count)``."""

    key: str
    path: str
    read: int
    sentences: int
    ids: tuple[tuple[str, str, int | None], ...]
    skipped: tuple[Skipped, ...]
    windows: dict[str, tuple[str, int]]
    seconds: float
    reused: bool = False
    cpu: float = 0.0


def shard_task(job: ShardJob) -> ShardResult:
    """Read, clean and date one shard; write its articles by time window."""
    if job.marker.exists():
        return load(job.marker)
    start, cpu = time.perf_counter(), time.thread_time()
    by_window: dict[str, list[Record]] = {}
    ids: list[tuple[str, str, int | None]] = []
    skipped: list[Skipped] = []
    seen: dict[str, str] = {}
    read = sentences = 0
    for item in read_shard(job.shard, job.config):
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        read += 1
        article = item.article
        problem = _problem(article, item.line, seen)
        if isinstance(problem, Skipped):
            skipped.append(problem)
            continue
        sentences += len(problem)
        ids.append((article.id, article.path, item.line))
        day = day_number(article.published)
        for window in windows_of(day, job.config.batch):
            by_window.setdefault(window, []).append((article, day, problem))
    files = _write_windows(Path(job.work) / "shards" / job.key, by_window)
    result = ShardResult(job.key, job.shard.path, read, sentences, tuple(ids), tuple(skipped),
                         files, time.perf_counter() - start, cpu=time.thread_time() - cpu)
    save(job.marker, result)
    return result


def _problem(article: Article, line: int | None, seen: dict[str, str]) -> Skipped | Spans:
    """``Skipped`` for a repeated id or an article with no prose, else its kept sentences."""
    if article.id in seen:
        return skip(article.path, "duplicate_id", line, id=article.id, other=seen[article.id])
    seen[article.id] = article.path
    kept = tuple((s.start, s.end, s.paragraph) for s in clean(article).sentences)
    return kept if kept else skip(article.path or article.id, "nothing_left", line)


def _write_windows(folder: Path, by_window: dict[str, list[Record]]) -> dict[str, tuple[str, int]]:
    files = {}
    for window, records in sorted(by_window.items()):
        path = folder / f"window-{window}.pkl"
        save(path, records)
        files[window] = (str(path), len(records))
    return files


@dataclass(frozen=True)
class WindowJob:
    """Cluster window ``name`` from ``inputs`` (``(shard key, file)``), leaving out the
    ``excluded`` ``(shard key, article id)`` pairs (ids already read from another shard)."""

    name: str
    key: str
    work: str
    inputs: tuple[tuple[str, str], ...]
    excluded: frozenset[tuple[str, str]]
    config: Config

    @property
    def file(self) -> Path:
        """The window's articles and pieces."""
        return Path(self.work) / "windows" / f"{self.name}-{self.key}.pkl"

    @property
    def marker(self) -> Path:
        """The file whose presence means this job is done."""
        return self.file.with_suffix(".done.pkl")


@dataclass(frozen=True)
class WindowResult:
    """The stories one window found, as ``Piece`` summaries (``line`` labels carry the
    window name; ``shared`` holds the piece's boundary articles only)."""

    name: str
    file: str
    pieces: tuple[Piece, ...]
    articles: int
    seconds: float
    reused: bool = False
    cpu: float = 0.0


def window_task(job: WindowJob) -> WindowResult:
    """Cluster one time window and save its articles and story pieces."""
    if job.marker.exists():
        return load(job.marker)
    start, cpu = time.perf_counter(), time.thread_time()
    records = [record for shard, path in job.inputs for record in load(path)
               if (shard, record[0].id) not in job.excluded]
    records.sort(key=lambda r: order_key(r[1], r[0].id))
    day = {article.id: d for article, d, _ in records}
    stories = _cluster_chunks([a for a, _, _ in records], day, job)
    chars = {article.id: len(article.text) for article, _, _ in records}
    pieces = tuple(
        Piece(frozenset(i for i in ids if len(windows_of(day[i], job.config.batch)) > 1),
              order_key(day[ids[0]], ids[0]), len(ids), headline, f"{job.name}/{line}",
              sum(chars[i] for i in ids))
        for ids, headline, line in stories
    )
    save(job.file, {"articles": {record[0].id: record for record in records},
                    "parts": [ids for ids, _, _ in stories]})
    result = WindowResult(job.name, str(job.file), pieces, len(records),
                          time.perf_counter() - start, cpu=time.thread_time() - cpu)
    save(job.marker, result)
    return result


def _cluster_chunks(
    articles: list[Article], day: dict[str, float], job: WindowJob
) -> list[tuple[tuple[str, ...], str, str]]:
    """``(ids in publication order, headline, storyline label)`` of the window's stories."""
    found: list[tuple[tuple[str, ...], str, str]] = []
    spans = chunks(len(articles), job.config.batch.max_articles)
    for number, span in enumerate(spans):
        result = cluster([articles[i] for i in span], config=job.config.cluster)
        found.extend((s.articles, s.headline, f"{number}/{s.storyline}") for s in result.stories)
    if len(spans) == 1:
        return found
    joined = join([Piece(frozenset(ids), order_key(day[ids[0]], ids[0]), len(ids), headline, line)
                   for ids, headline, line in found])
    merged = []
    for story in joined:
        ids = {i for k in story.pieces for i in found[k][0]}
        ordered = tuple(sorted(ids, key=lambda i: order_key(day[i], i)))
        merged.append((ordered, story.headline, story.storyline))
    return merged


@dataclass(frozen=True)
class StorySpec:
    """One final story: its ids and headline, and its pieces as ``(window file, index)``."""

    id: str
    storyline: str
    headline: str
    parts: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class DigestJob:
    """Digest ``stories`` (consecutive in the final order) into ``work/digests/<key>.jsonl``;
    ``size`` is their characters of text."""

    key: str
    work: str
    stories: tuple[StorySpec, ...]
    config: Config
    size: int = 0

    @property
    def file(self) -> Path:
        """The digests, one JSON object per line."""
        return Path(self.work) / "digests" / f"{self.key}.jsonl"

    @property
    def marker(self) -> Path:
        """The file whose presence means this job is done."""
        return self.file.with_suffix(".done.pkl")


@dataclass(frozen=True)
class DigestResult:
    """Rows of ``stories.parquet`` for the job's stories, and where their digests are."""

    file: str
    rows: tuple[tuple[str, str, str, tuple[str, ...]], ...]
    seconds: float
    reused: bool = False
    skipped: tuple[Skipped, ...] = field(default=())
    cpu: float = 0.0


def digest_task(job: DigestJob) -> DigestResult:
    """Digest each story of the job; write the JSON lines, then the marker."""
    if job.marker.exists():
        return load(job.marker)
    start, cpu = time.perf_counter(), time.thread_time()
    windows: dict[str, dict] = {}
    lines, rows, skipped = [], [], []
    for spec in job.stories:
        kept = _story_articles(spec, windows)
        articles = [c.article for c in kept]
        story = digest_story(kept, job.config)
        skipped.extend(story.skipped)
        record = {"story_id": spec.id, "storyline_id": spec.storyline, **story.to_dict()}
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
        rows.append((spec.id, spec.storyline, spec.headline, tuple(a.id for a in articles)))
    atomic_write(job.file, "".join(lines).encode("utf-8", "surrogatepass"))
    result = DigestResult(str(job.file), tuple(rows), time.perf_counter() - start,
                          skipped=tuple(skipped), cpu=time.thread_time() - cpu)
    save(job.marker, result)
    return result


def _story_articles(spec: StorySpec, windows: dict[str, dict]) -> list[CleanArticle]:
    """The story's articles from its window files, each once, in publication order, with
    the sentences ``shard_task`` kept."""
    found: dict[str, Record] = {}
    for file, index in spec.parts:
        if file not in windows:
            windows[file] = load(file)
        window = windows[file]
        for article_id in window["parts"][index]:
            found.setdefault(article_id, window["articles"][article_id])
    ordered = sorted(found.values(), key=lambda r: order_key(r[1], r[0].id))
    return [CleanArticle(article, tuple(Sentence(article.id, k, start, end, article.text[start:end], paragraph)
                                        for k, (start, end, paragraph) in enumerate(spans)), ())
            for article, _, spans in ordered]
