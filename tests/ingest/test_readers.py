"""Tests for storyline.ingest: real files in, Articles and Skipped records out."""

from __future__ import annotations

import json
import os
import warnings
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from storyline.config import Config
from storyline.errors import MESSAGES, StorylineWarning, UsageError
from storyline.ingest import ReadResult, read, read_inputs
from storyline.ingest.decode import decode, decode_with_encoding, is_binary
from storyline.ingest.files import source_id
from storyline.ingest.published import parse_published

SEED_TITLES = {
    "000_fedc441ce172bc4f": "John Kerry warns Russia that Assad must allow aid into Aleppo",
    "001_d4b8a26fefebb67f": "US threatens to end negotiations with Russia on Syria",
    "002_6be95353d81105df": "Spokesman: UN to resume aid to Syria Thursday",
    "003_b29c695b8b067f5e": "US suspends Syria talks with Russia over airstrikes on Aleppo",
    "004_82f36aa1d9efc92e": "US to Russia: Syria Military Cooperation Not Guaranteed",
}

STORY = (
    "Kerry warns Russia over Aleppo aid\n\n"
    "The US has warned Russia that it will not set up a promised military cooperation "
    "project until Syria's regime forces allow aid into besieged cities.\n\n"
    "Advertisement\n\n"
    "Secretary of State John Kerry spoke to Foreign Minister Sergei Lavrov by phone.\n"
)


def line(**fields: object) -> str:
    """One JSONL line from keyword fields."""
    return json.dumps(fields) + "\n"


def read_one(path: Path, **options: int) -> ReadResult:
    return read_inputs([path], Config(**options))


def codes(result: ReadResult) -> list[tuple[str, str, int | None]]:
    """``(file name, code, line)`` for every skipped input."""
    return [(Path(s.path).name, s.code, s.line) for s in result.skipped]


# --- the reference seeds -------------------------------------------------------------


def test_ingest_seeds_read_to_five_articles_with_titles(shared_data: Path) -> None:
    result = read_inputs([shared_data / "seeds"], Config())
    assert result.skipped == ()
    assert {a.id: a.title for a in result.articles} == SEED_TITLES
    assert [a.id for a in result.articles] == sorted(SEED_TITLES)


def test_ingest_txt_header_line_gives_outlet_and_date() -> None:
    read = read_inputs([Path("examples")], Config())
    by_id = {a.id: a for a in read.articles}
    courier, riverline = by_id["02_brenfield-courier"], by_id["04_riverline-today"]
    assert (courier.source, courier.published) == ("Brenfield Courier", datetime(2025, 3, 4, 20, 15))
    assert (riverline.source, riverline.published) == ("Riverline Today", date(2025, 3, 8))
    gazette = by_id["05_marrow-ford-gazette"]  # a date line, then a byline: no outlet
    assert (gazette.source, gazette.published) == ("", date(2025, 3, 12))


@pytest.mark.parametrize(("text", "published"), [
    ("Dam holds\n\nBy Petra Lund | March 4, 2025\n\nText.", date(2025, 3, 4)),  # a byline
    ("Dam holds\n\nThe dam, built on March 4, 1931, was inspected again by engineers from "
     "the county board this week.\n\nText.", None),  # prose, not a header
    ("Dam holds\n\nThe 1990s | Brenfield Courier\n\nText.", None),  # no day
    ("Dam holds\n\nBrenfield Courier | February 30, 2025\n\nText.", None),  # no such day
])
def test_ingest_txt_without_a_header_invents_no_outlet(
    tmp_path: Path, text: str, published: date | None
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    (article,) = read(path)
    assert (article.source, article.published) == ("", published)


def test_ingest_seed_title_skips_share_button_line(shared_data: Path) -> None:
    path = shared_data / "seeds" / "002_6be95353d81105df.txt"
    assert path.read_text(encoding="utf-8").startswith("Share\n")
    (article,) = read_inputs([path], Config()).articles
    assert article.title == "Spokesman: UN to resume aid to Syria Thursday"


def test_ingest_seed_text_is_file_content_exactly(shared_data: Path) -> None:
    for article in read_inputs([shared_data / "seeds"], Config()).articles:
        assert article.text == Path(article.path).read_bytes().decode("utf-8")
        assert (article.source, article.url, article.published) == ("", "", None)


def test_ingest_seed_ids_stable_across_reads_and_entry_points(shared_data: Path) -> None:
    seeds = shared_data / "seeds"
    first = [a.id for a in read_inputs([seeds], Config()).articles]
    second = [a.id for a in read_inputs([str(seeds)], Config()).articles]
    direct = [a.id for a in read_inputs(sorted(seeds.glob("*.txt")), Config()).articles]
    assert first == second == direct == sorted(SEED_TITLES)


def test_ingest_seed_ids_do_not_depend_on_working_directory(
    shared_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    absolute = [a.id for a in read_inputs([shared_data / "seeds"], Config()).articles]
    monkeypatch.chdir(shared_data)
    relative = read_inputs(["seeds"], Config()).articles
    assert [a.id for a in relative] == absolute
    assert relative[0].path == os.path.join("seeds", "000_fedc441ce172bc4f.txt")


# --- decoding ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "text", "codec"),
    [
        (b"\xef\xbb\xbfKerry spoke.\r\n", "Kerry spoke.\r\n", "utf-8"),
        ("\ufeffLavrov \u2014 Moscow".encode("utf-16-le"), "Lavrov \u2014 Moscow", "utf-16-le"),
        ("\ufeffLavrov \u2014 Moscow".encode("utf-16-be"), "Lavrov \u2014 Moscow", "utf-16-be"),
        ("Caf\u00e9 \u201cquoted\u201d".encode(), "Caf\u00e9 \u201cquoted\u201d", "utf-8"),
        (b"caf\xe9 \x93quoted\x94", "caf\u00e9 \u201cquoted\u201d", "cp1252"),
        (b"undefined in cp1252: \x81\x8d", "undefined in cp1252: \x81\x8d", "latin-1"),
    ],
)
def test_ingest_decode_rules(data: bytes, text: str, codec: str) -> None:
    assert decode_with_encoding(data) == (text, codec)


def test_ingest_decode_keeps_newlines_and_whitespace() -> None:
    raw = "  Title \r\n\r\n\tBody  text.\rEnd\n\n"
    assert decode(raw.encode("utf-8")) == raw


def test_ingest_binary_is_nul_bytes_without_utf16_bom() -> None:
    assert is_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert not is_binary("\ufeffAleppo".encode("utf-16-le"))
    assert not is_binary(b"plain text")


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"\xef\xbb\xbf" + STORY.encode(), STORY),
        ("\ufeff".encode("utf-16-le") + STORY.encode("utf-16-le"), STORY),
        (
            b"Aid to Aleppo\r\n\r\ncaf\xe9 \x93quoted\x94\r\n",
            "Aid to Aleppo\r\n\r\ncaf\u00e9 \u201cquoted\u201d\r\n",
        ),
    ],
)
def test_ingest_txt_file_decoded_exactly(tmp_path: Path, data: bytes, text: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    (article,) = read_one(path).articles
    assert article.text == text
    assert article.title == text.splitlines()[0]
    assert (article.id, article.path) == ("story", str(path))


# --- the bad-input directory ----------------------------------------------------------


LEGACY_BYTES = b"Caf\xe9 talks\r\n\r\nKerry called it \x93a last chance\x94.\r\n"
"""A Windows-1252 file: e-acute and curly quotes."""


def make_bad_input_dir(root: Path) -> Path:
    folder = root / "inbox"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\t\r\n")
    (folder / "blob.txt").write_bytes(b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff")
    (folder / "legacy.txt").write_bytes(LEGACY_BYTES)
    with open(folder / "huge.txt", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    (folder / "feed.jsonl").write_text(
        line(id="ap-1", title="Kerry warns Russia", text="Kerry warned Russia on Friday.")
        + '{"id": "ap-2", "text": "broken\n'
        + line(id="ap-3", text="Lavrov answered on Saturday.")
    )
    (folder / "README.md").write_text("# what this folder is\n")
    (folder / ".hidden.txt").write_text("not an article\n")
    return folder


def test_ingest_bad_input_dir_reads_good_and_reports_each_problem_once(tmp_path: Path) -> None:
    result = read_inputs([make_bad_input_dir(tmp_path)], Config())
    assert [a.id for a in result.articles] == ["ap-1", "ap-3", "legacy"]
    assert result.articles[2].text == LEGACY_BYTES.decode("cp1252")
    assert "Caf\u00e9 talks\r\n\r\nKerry called it \u201ca last" in result.articles[2].text
    assert sorted(codes(result)) == [
        ("blank.txt", "empty", None),
        ("blob.txt", "binary", None),
        ("empty.txt", "empty", None),
        ("feed.jsonl", "bad_json", 2),
        ("huge.txt", "too_large", None),
    ]
    huge = next(s for s in result.skipped if s.code == "too_large")
    assert huge.reason.startswith("52,428,800 bytes is over the 5,242,880-byte limit")
    assert all(s.path.startswith(str(tmp_path / "inbox")) for s in result.skipped)
    broken = next(s for s in result.skipped if s.code == "bad_json")
    assert broken.reason == "not valid JSON (Unterminated string starting at column 24)"


def test_ingest_max_bytes_is_inclusive(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)
    assert len(read_one(path, max_bytes=100).articles) == 1
    assert codes(read_one(path, max_bytes=99)) == [("a.txt", "too_large", None)]


def test_ingest_unknown_suffix_reported_in_walk_and_when_given(tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "LICENSE").write_text("MIT\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("ref: refs/heads/main\n")
    (tmp_path / "notes").write_text("no suffix\n")
    result = read_inputs([tmp_path], Config())
    assert codes(result) == [("notes", "unsupported", None), ("photo.png", "unsupported", None)]
    assert "'.png'" in result.skipped[1].reason
    assert codes(read_one(tmp_path / "photo.png")) == [("photo.png", "unsupported", None)]


def test_ingest_walk_is_recursive_sorted_with_relative_ids(tmp_path: Path) -> None:
    for name in ("b/2.txt", "a/z.TXT", "a/y/1.txt", "c.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"Article {name}\n")
    ids = [a.id for a in read_inputs([tmp_path], Config()).articles]
    assert ids == ["a/y/1", "a/z", "b/2", "c"]
    assert source_id(os.path.join("2016", "a.b.txt")) == "2016/a.b"


def test_ingest_directory_loop_and_broken_link_are_unreadable(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(STORY)
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    result = read_inputs([tmp_path], Config())
    assert [a.id for a in result.articles] == ["sub/a"]
    assert codes(result) == [("gone.txt", "unreadable", None), ("loop", "unreadable", None)]
    assert "No such file" in result.skipped[0].reason
    assert "directory loop" in result.skipped[1].reason


def test_ingest_fifo_is_not_opened(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    os.mkfifo(tmp_path / "pipe.txt")
    assert codes(read_one(tmp_path / "pipe.txt")) == [("pipe.txt", "unreadable", None)]


def test_ingest_missing_path_raises_usage_error_before_reading(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    missing = tmp_path / "nope"
    with pytest.raises(UsageError, match=f"^{missing}: no such file or directory$"):
        read_inputs([tmp_path / "a.txt", missing], Config())


def test_ingest_single_path_instead_of_list_is_a_type_error(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="list of paths"):
        read_inputs(str(tmp_path), Config())  # type: ignore[arg-type]


def test_ingest_duplicate_id_names_the_first_path(tmp_path: Path) -> None:
    (tmp_path / "one.jsonl").write_text(line(id="wire-7", text="First copy."))
    (tmp_path / "two.jsonl").write_text(
        line(id="x", text="Other.") + line(id="wire-7", text="Second copy.")
    )
    result = read_inputs([tmp_path / "one.jsonl", tmp_path / "two.jsonl"], Config())
    assert [a.text for a in result.articles] == ["First copy.", "Other."]
    assert codes(result) == [("two.jsonl", "duplicate_id", 2)]
    assert str(tmp_path / "one.jsonl") in result.skipped[0].reason


def test_ingest_same_file_twice_is_a_duplicate(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(STORY)
    result = read_inputs([path, path], Config())
    assert len(result.articles) == 1
    assert codes(result) == [("a.txt", "duplicate_id", None)]


def test_ingest_read_warns_once_per_skipped_input(tmp_path: Path) -> None:
    folder = make_bad_input_dir(tmp_path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = read(folder)
    assert len(articles) == 3
    lines = sorted(str(w.message) for w in caught if issubclass(w.category, StorylineWarning))
    assert len(lines) == 5
    assert f"skipped {folder / 'feed.jsonl'}:2: not valid JSON" in "\n".join(lines)


# --- JSONL ---------------------------------------------------------------------------


def test_ingest_jsonl_fields_and_ids(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text(
        line(id="a1", title="Talks end", url="https://example.org/a1", source="Wire",
             text="Talks ended.", published="2016-09-16", extra={"ignored": True})
        + "\n   \n"
        + line(text="Share\n\nAid resumes Thursday\n\nThe UN said.",
               published="2016-09-22T10:15:00Z")
        + line(id=17, text="Numeric id.", published="2016-09-22T10:15:00", title=None)
        + line(id="a4", text="Offset.", published="2016-09-22 10:15:00+02:00", published_extra=1)
    )
    result = read_one(path)
    assert result.skipped == ()
    first, second, third, fourth = result.articles
    assert (first.id, first.title, first.url, first.source, first.published) == (
        "a1", "Talks end", "https://example.org/a1", "Wire", date(2016, 9, 16))
    assert (second.id, second.title) == ("wire:4", "")
    assert second.published == datetime(2016, 9, 22, 10, 15, tzinfo=UTC)
    assert (third.id, third.published) == ("17", datetime(2016, 9, 22, 10, 15))
    assert fourth.published == datetime(2016, 9, 22, 10, 15, tzinfo=timezone(timedelta(hours=2)))
    assert second.text == "Share\n\nAid resumes Thursday\n\nThe UN said."
    assert {a.path for a in result.articles} == {str(path)}


def test_ingest_jsonl_bad_lines_skipped_with_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        line(text="Good one.")
        + "[1, 2]\n"
        + line(title="no text here")
        + line(text="   ")
        + line(text=42)
        + line(text="Bad date.", published="Sept. 21 2016")
        + line(text="Bad title.", title=["a", "b"])
        + line(text="Bad id.", id=True)
        + "{not json}\n"
        + "[" * 100_000 + "\n"
        + line(text="Good two.")
    )
    result = read_one(path)
    assert [a.text for a in result.articles] == ["Good one.", "Good two."]
    assert codes(result) == [
        ("bad.jsonl", "not_object", 2),
        ("bad.jsonl", "no_text", 3),
        ("bad.jsonl", "no_text", 4),
        ("bad.jsonl", "bad_field", 5),
        ("bad.jsonl", "bad_field", 6),
        ("bad.jsonl", "bad_field", 7),
        ("bad.jsonl", "bad_field", 8),
        ("bad.jsonl", "bad_json", 9),
        ("bad.jsonl", "bad_json", 10),
    ]
    reasons = [s.reason for s in result.skipped]
    assert reasons[0] == "a JSONL line must be a JSON object, got an array"
    assert reasons[3] == "field 'text' must be a string, got 42"
    assert reasons[4].startswith("field 'published' must be an ISO date")
    assert reasons[4].endswith("got 'Sept. 21 2016'")
    assert reasons[7] == "not valid JSON (Expecting property name enclosed in double quotes at column 2)"
    assert reasons[8] == "not valid JSON (nested too deeply)"


def test_ingest_jsonl_oversized_line_skipped_others_kept(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    big = line(text="x" * 5000)
    path.write_text(line(text="Before.") + big + line(text="After."))
    result = read_one(path, max_bytes=1000)
    assert [a.text for a in result.articles] == ["Before.", "After."]
    assert codes(result) == [("big.jsonl", "too_large", 2)]
    expected = f"{len(big) - 1:,} bytes is over the 1,000-byte limit"
    assert result.skipped[0].reason.startswith(expected)


def test_ingest_jsonl_file_may_exceed_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "archive.jsonl"
    path.write_text("".join(line(text=f"Article number {n}.") for n in range(100)))
    assert path.stat().st_size > 1000
    assert len(read_one(path, max_bytes=1000).articles) == 100


def test_ingest_jsonl_encodings(tmp_path: Path) -> None:
    quote = "Lavrov \u2014 \u201cno\u201d"
    body = line(id="u", text=quote) + line(id="v", text="Sergey")
    wide = line(id="w", text=quote) + line(id="x", text="Sergey")
    (tmp_path / "bom.jsonl").write_bytes(b"\xef\xbb\xbf" + body.encode())
    (tmp_path / "wide.jsonl").write_bytes(("\ufeff" + wide).encode("utf-16-le"))
    (tmp_path / "crlf.jsonl").write_bytes(b'{"id": "c", "text": "caf\xe9"}\r\n')
    result = read_inputs([tmp_path], Config())
    assert result.skipped == ()
    texts = {a.id: a.text for a in result.articles}
    assert texts == {"u": quote, "v": "Sergey", "w": quote, "x": "Sergey", "c": "caf\u00e9"}


def test_ingest_jsonl_empty_and_binary_files(tmp_path: Path) -> None:
    (tmp_path / "blank.jsonl").write_text("\n  \n")
    (tmp_path / "zero.jsonl").write_bytes(b"")
    (tmp_path / "zip.jsonl").write_bytes(b"PK\x03\x04\x14\x00\x00\x00")
    result = read_inputs([tmp_path], Config())
    assert codes(result) == [("blank.jsonl", "empty", None), ("zero.jsonl", "empty", None),
                             ("zip.jsonl", "binary", None)]


def test_ingest_parse_published() -> None:
    assert parse_published("2016-09-16") == date(2016, 9, 16)
    utc_eight = datetime(2016, 9, 16, 8, tzinfo=UTC)
    assert parse_published(" 2016-09-16T08:00:00Z ") == utc_eight
    assert parse_published("last Friday") is None
    assert parse_published("2016-13-01") is None


# --- HTML ----------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>US suspends Syria talks with Russia | World | Daily Planet</title>
<meta property="og:title" content="US suspends Syria talks with Russia over airstrikes on Aleppo">
<meta property="og:site_name" content="Daily Planet">
<meta property="og:url" content="https://www.dailyplanet.example/world/syria-talks">
<link rel="canonical" href="https://www.dailyplanet.example/world/syria-talks">
<meta property="article:published_time" content="2016-10-03T18:05:00Z">
<script>var tracker = "do not read me";</script>
</head>
<body>
<header><nav><ul>
<li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe today</a></li>
</ul></nav></header>
<main><article>
<h1>US suspends Syria talks with Russia over airstrikes on Aleppo</h1>
<p>The US says it has stopped discussions with Russia about Syria, blaming the country
for repeatedly targeting civilians there.</p>
<p>The two had been working on a plan to end the civil war, which has killed hundreds
of thousands of people since it began in 2011.</p>
<p>However, the White House has said it has run out of patience with Russia after the
State Department announced that bilateral discussions were being stopped.</p>
<p>"Everybody's patience with Russia has run out," White House spokesman Josh Earnest
told reporters on Monday.</p>
</article></main>
<footer><p>Copyright 2016 Daily Planet Media Group. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a></p></footer>
</body>
</html>
"""


def test_ingest_html_page_metadata_and_main_text(tmp_path: Path) -> None:
    path = tmp_path / "syria-talks.html"
    path.write_text(PAGE, encoding="utf-8")
    result = read_one(path)
    assert result.skipped == ()
    (article,) = result.articles
    assert article.id == "syria-talks"
    assert article.title == "US suspends Syria talks with Russia over airstrikes on Aleppo"
    assert article.source == "Daily Planet"
    assert article.url == "https://www.dailyplanet.example/world/syria-talks"
    assert article.published == date(2016, 10, 3)
    assert "Everybody's patience with Russia has run out" in article.text
    assert "blaming the country" in article.text
    left_out = ("Subscribe today", "Privacy policy", "Copyright 2016", "do not read me", "<p>")
    for boilerplate in left_out:
        assert boilerplate not in article.text


def test_ingest_html_cp1252_page_and_htm_suffix(tmp_path: Path) -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace(
        "Everybody's", "Everybody\u2019s")
    path = tmp_path / "talks.htm"
    path.write_bytes(page.encode("cp1252"))
    (article,) = read_one(path).articles
    assert "Everybody\u2019s patience" in article.text


def test_ingest_html_without_text_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "shell.html"
    path.write_text("<html><head><title>Loading</title></head><body><div id='app'></div>"
                    "<script>window.render('app');</script></body></html>")
    result = read_one(path)
    assert result.articles == ()
    assert codes(result) == [("shell.html", "no_html_text", None)]
    assert result.skipped[0].reason == MESSAGES["no_html_text"]
