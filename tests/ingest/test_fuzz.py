"""Property tests: no bytes on disk make the readers raise; every input gives a result."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.config import Config
from storyline.errors import MESSAGES
from storyline.ingest import ReadResult, read_inputs
from storyline.ingest.decode import decode

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


SUFFIXES = [".txt", ".jsonl", ".html"]

# Bytes that look a little like our inputs, so the fuzz reaches past the first check.
FRAGMENTS = st.sampled_from([
    b"\n", b"\r\n", b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x93", b"\xe9",
    b'{"text": "Kerry spoke."}', b'{"text": ', b'"published": "2016-09-16"', b'{"id": 1}',
    b"<html><body><p>", b"</p></body></html>", b"<title>T</title>", b"Share", b"\xf0\x9f",
])
INPUT_BYTES = st.one_of(
    st.binary(max_size=2000),
    st.lists(st.one_of(FRAGMENTS, st.binary(max_size=40)), max_size=30).map(b"".join),
)


def read_bytes_as(data: bytes, suffix: str, max_bytes: int) -> ReadResult:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        return read_inputs([path], Config(max_bytes=max_bytes))


def assert_well_formed(result: ReadResult) -> None:
    assert result.articles or result.skipped
    for article in result.articles:
        assert isinstance(article.text, str) and article.text.strip()
        assert article.id
    for skipped in result.skipped:
        assert skipped.reason and skipped.code in MESSAGES


@pytest.mark.parametrize("suffix", SUFFIXES)
@FUZZ
@given(data=INPUT_BYTES, max_bytes=st.sampled_from([64, 5 * 1024 * 1024]))
def test_ingest_fuzz_any_bytes_give_articles_or_reasons(
    suffix: str, data: bytes, max_bytes: int
) -> None:
    result = read_bytes_as(data, suffix, max_bytes)
    assert_well_formed(result)
    if suffix == ".txt" and result.articles:
        assert result.articles[0].text == decode(data)


@FUZZ
@given(records=st.lists(st.dictionaries(
    st.sampled_from(["id", "title", "url", "source", "published", "text", "other"]),
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=30),
              st.sampled_from(["2016-09-16", "2016-09-16T10:00:00Z", ""])),
), max_size=12))
def test_ingest_fuzz_jsonl_records_give_one_result_per_line(
    records: list[dict[str, object]],
) -> None:
    data = "".join(json.dumps(record) + "\n" for record in records).encode("utf-8")
    result = read_bytes_as(data, ".jsonl", 5 * 1024 * 1024)
    assert_well_formed(result)
    if records:
        assert all(s.line is not None for s in result.skipped)
        assert len(result.articles) + len(result.skipped) == len(records)


@FUZZ
@given(data=st.binary(max_size=500))
def test_ingest_fuzz_decode_never_raises_and_keeps_utf8(data: bytes) -> None:
    text = decode(data)
    assert isinstance(text, str)
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            assert text == data.decode("utf-8")
        except UnicodeDecodeError:
            pass
