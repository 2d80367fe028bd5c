"""``storyline batch`` on the local engine: shards, windows, outputs, reruns, bad input."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import jsonschema
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from storyline.batch import (
    LocalEngine,
    find_shards,
    open_engine,
    read_shard,
    run_batch,
)
from storyline.batch.windows import Piece, chunks, join, link, windows_of
from storyline.cli import app
from storyline.cluster.batch import cluster
from storyline.config import BatchConfig, Config
from storyline.digest import build_digest
from storyline.ingest import read_inputs
from storyline.errors import UsageError
from storyline.evaluate.timeline17 import load_topic
from storyline.ingest.files import Found

SLICE = (("H1N1_guardian", 14), ("haiti_bbc", 10))
"""Timeline17 collections and how many of their (shorter) articles the tests use."""

PLAN = BatchConfig(window_days=7, overlap_days=2)
RUN = Config(batch=PLAN)
"""Week windows, so that the H1N1 slice (April 2009) crosses several boundaries."""

PAGE = """<html><head><title>Dock workers end strike in Rotterdam</title>
<meta property="og:site_name" content="Harbour Times"></head><body>
<nav>Home | World | Business</nav><article><h1>Dock workers end strike in Rotterdam</h1>
<p>Dock workers in Rotterdam ended a five-day strike on Monday after the port authority
agreed to hire two hundred more crane operators before the end of the year.</p>
<p>The union said its members would return to the container terminals on Tuesday morning,
and shipping lines expected the queue of vessels outside the harbour to clear within a week.</p>
<p>"We got what we came for," said Anna de Vries, who leads the dock workers' union.
The port authority said the agreement would cost about twelve million euros a year.</p>
</article><footer>Share this story</footer></body></html>"""


def timeline_records(shared_data: Path) -> list[dict]:
    """The test slice as JSONL records (articles under 8,000 characters keep it fast)."""
    records = []
    for name, count in SLICE:
        articles = [a for a in load_topic(shared_data / "timeline17" / name).articles
                    if len(a.text) < 8000][:count]
        records += [{"id": a.id, "text": a.text, "source": a.source,
                     "published": a.published.isoformat()} for a in articles]
    return records


def write_jsonl(path: Path, records: list[dict], compress: bool = False) -> None:
    data = "".join(json.dumps(r) + "\n" for r in records).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(data, mtime=0) if compress else data)


def write_shards(folder: Path, records: list[dict], size: int = 8) -> None:
    for start in range(0, len(records), size):
        write_jsonl(folder / f"part-{start // size:03d}.jsonl", records[start:start + size])


def write_warc(path: Path, pages: list[tuple[str, str, str]]) -> None:
    """A gzipped WARC file of ``(uri, content type, body)`` responses plus one request."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for uri, kind, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body.encode("utf-8")), http_headers=headers))
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        writer.write_record(writer.create_warc_record("https://example.org/", "request",
                                                      http_headers=request))


def stories_of(output: Path) -> list[dict]:
    return pq.read_table(output / "stories.parquet").to_pylist()


@pytest.fixture(scope="module")
def corpus(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_shards(folder, timeline_records(shared_data))
    return folder


@pytest.fixture(scope="module")
def local_run(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("local") / "out"
    run_batch([corpus], output, LocalEngine(), RUN)
    return output


def test_batch_windows_overlap_and_join_across_boundaries() -> None:
    assert windows_of(14.5, PLAN) == ("2", "1")
    assert windows_of(16.0, PLAN) == ("2",)
    assert windows_of(float("nan"), PLAN) == ("undated",)
    assert link([{"a"}, {"b"}, {"a", "c"}, {"c", "d"}]) == [[0, 2, 3], [1]]
    assert chunks(25, 10) == [range(0, 10), range(9, 19), range(18, 25)]
    pieces = [Piece(frozenset({"x"}), (14.0, "a"), 3, "Quake hits", "1/L1"),
              Piece(frozenset({"x"}), (14.5, "x"), 5, "Quake toll rises", "2/L7"),
              Piece(frozenset(), (15.0, "q"), 2, "Aid arrives", "2/L7")]
    first, second = join(pieces)
    assert first.pieces == (0, 1) and first.headline == "Quake toll rises"
    assert first.id.startswith("story-") and second.storyline == first.storyline


def test_batch_finds_shards_in_folders_and_globs(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a" / "day1.jsonl", [{"text": "One."}])
    write_jsonl(tmp_path / "a" / "day2.jsonl.gz", [{"text": "Two."}], compress=True)
    write_warc(tmp_path / "a" / "crawl.warc.gz", [])
    (tmp_path / "a" / "loose.txt").write_text("A loose article.\n", encoding="utf-8")
    (tmp_path / "a" / "scan.pdf").write_bytes(b"%PDF-1.4")
    shards, skipped = find_shards([str(tmp_path / "a")])
    assert sorted(s.kind for s in shards) == ["files", "jsonl", "jsonl.gz", "warc"]
    assert {s.sources[0].id for s in shards} == {"day1", "day2", "crawl", "loose"}
    assert [(s.code, Path(s.path).name) for s in skipped] == [("unsupported", "scan.pdf")]
    globbed, _ = find_shards([str(tmp_path / "a" / "*.jsonl*")])
    assert [s.kind for s in globbed] == ["jsonl", "jsonl.gz"]
    with pytest.raises(UsageError, match="no file matches"):
        find_shards([str(tmp_path / "none-*.jsonl")])


def test_batch_reads_html_pages_from_warc(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [("https://harbour.example/strike", "text/html; charset=utf-8", PAGE),
                      ("https://harbour.example/logo.png", "image/png", "PNG")])
    (shard,), _ = find_shards([str(path)])
    found = list(read_shard(shard, Config()))
    assert len(found) == 1 and isinstance(found[0], Found)
    article = found[0].article
    assert article.id == "crawl:1" and article.url == "https://harbour.example/strike"
    assert "Anna de Vries" in article.text and "Home | World" not in article.text


def test_batch_one_window_gives_the_stories_of_cluster(corpus: Path, tmp_path: Path) -> None:
    report = run_batch([corpus], tmp_path / "out", LocalEngine(),
                       Config(batch=BatchConfig(window_days=100_000, overlap_days=0)))
    articles = [a for s in find_shards([str(corpus)])[0]
                for a in (f.article for f in read_shard(s, Config()))]
    expected = cluster(articles)
    rows = stories_of(tmp_path / "out")
    assert [(r["story_id"], r["storyline_id"], r["article_ids"]) for r in rows] == [
        (s.id, s.storyline, list(s.articles)) for s in expected.stories]
    assert report.counts["windows"] == 1


def test_batch_local_run_writes_stories_digests_and_report(local_run: Path, corpus: Path) -> None:
    rows = stories_of(local_run)
    ids = [i for r in rows for i in r["article_ids"]]
    assert len(ids) == len(set(ids)) == 24
    digests = [json.loads(line) for line in (local_run / "digests.jsonl").open(encoding="utf-8")]
    assert [d["story_id"] for d in digests] == [r["story_id"] for r in rows]
    schema = json.loads((Path(__file__).parents[2] / "docs" / "digest.schema.json").read_text())
    for digest in digests:
        jsonschema.validate(digest, schema)
    assert [[a["id"] for a in d["articles"]] for d in digests] == [r["article_ids"] for r in rows]
    report = json.loads((local_run / "run.json").read_text(encoding="utf-8"))
    assert report["counts"]["articles"] == 24 and report["counts"]["shards"] == 3
    assert report["counts"]["stories"] == len(rows) and report["skipped"] == []
    assert report["counts"]["windows"] > 2, "the slice should cross window boundaries"


def test_batch_digests_equal_the_digest_of_the_same_articles(local_run: Path, corpus: Path) -> None:
    # the shard task cleans each article once and the digest task reuses its sentences
    read = {a.id: a for a in read_inputs([corpus], RUN).articles}
    for line in (local_run / "digests.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        expected = build_digest([read[a["id"]] for a in record["articles"]], RUN).to_dict()
        assert {k: v for k, v in record.items() if k not in ("story_id", "storyline_id")} == \
            json.loads(json.dumps(expected, ensure_ascii=False))


def test_batch_small_windows_join_stories_cut_by_boundaries(corpus: Path, tmp_path: Path) -> None:
    report = run_batch([corpus], tmp_path / "out", LocalEngine(),
                       Config(batch=BatchConfig(window_days=7, overlap_days=2, max_articles=10)))
    rows = stories_of(tmp_path / "out")
    ids = [i for r in rows for i in r["article_ids"]]
    assert len(ids) == len(set(ids)) == 24
    assert len({r["story_id"] for r in rows}) == len(rows) == report.counts["stories"]


def test_batch_rerun_skips_finished_shards(local_run: Path, corpus: Path, tmp_path: Path) -> None:
    output = tmp_path / "out"
    run_batch([corpus], output, LocalEngine(), RUN)
    before = (output / "digests.jsonl").read_bytes()
    again = run_batch([corpus], output, LocalEngine(), RUN)
    assert again.counts["shards_reused"] == again.counts["shards"] == 3
    assert again.counts["digest_tasks_reused"] == again.counts["digest_tasks"]
    assert (output / "digests.jsonl").read_bytes() == before
    assert stories_of(output) == stories_of(local_run)
    shard = sorted(corpus.glob("*.jsonl"))[-1]
    os.utime(shard, ns=(shard.stat().st_atime_ns, shard.stat().st_mtime_ns + 10**9))
    changed = run_batch([corpus], output, LocalEngine(), RUN)
    assert changed.counts["shards_reused"] == 2
    assert stories_of(output) == stories_of(local_run)


def test_batch_skips_bad_inputs_with_reasons(shared_data: Path, tmp_path: Path) -> None:
    good = timeline_records(shared_data)[:6]
    inputs = tmp_path / "in"
    write_jsonl(inputs / "a.jsonl", good[:4] + [{"title": "no text"}])
    (inputs / "b.jsonl").write_text(json.dumps(good[4]) + "\n{broken\n", encoding="utf-8")
    write_jsonl(inputs / "c.jsonl", [good[0], {"id": "menu", "text": "Home\nShare\nAdvertisement"}])
    (inputs / "d.jsonl.gz").write_bytes(gzip.compress(b'{"text": "x"}\n')[:20])
    (inputs / "e.warc").write_bytes(b"this is not a WARC file\n" * 4)
    (inputs / "f.pdf").write_bytes(b"%PDF-1.4")
    write_warc(inputs / "g.warc.gz", [("https://harbour.example/strike", "text/html", PAGE)])
    result = CliRunner().invoke(app, ["batch", str(inputs), "--output", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    report = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    reasons = {(Path(s["path"]).name, s["code"], s["line"]) for s in report["skipped"]}
    assert reasons == {("a.jsonl", "no_text", 5), ("b.jsonl", "bad_json", 2),
                       ("c.jsonl", "duplicate_id", 1), ("c.jsonl", "nothing_left", 2),
                       ("d.jsonl.gz", "unreadable", None), ("e.warc", "unreadable", None),
                       ("f.pdf", "unsupported", None)}
    assert report["counts"]["articles"] == 6
    assert "from 6 articles" in result.output


def test_batch_engine_options_are_checked() -> None:
    with pytest.raises(UsageError, match="need --engine dask"):
        open_engine("local", workers=2)
    with pytest.raises(UsageError, match="not both"):
        open_engine("dask", scheduler="tcp://127.0.0.1:1", workers=2)
    with pytest.raises(UsageError, match="overlap"):
        BatchConfig(window_days=3, overlap_days=3)
