"""The storyline command as a user runs it: formats, files, warnings and exit codes."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app

runner = CliRunner()


def test_cli_digest_seeds_json(seeds_dir: Path) -> None:
    result = runner.invoke(app, ["digest", str(seeds_dir), "--format", "json", "--words", "80"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "storyline.digest/1"
    assert len(data["articles"]) == 5
    assert sum(len(s["text"].split()) for s in data["summary"]) <= 80


def test_cli_digest_text_view_lists_numbered_sources(seeds_dir: Path) -> None:
    result = runner.invoke(app, ["digest", str(seeds_dir)])
    assert result.exit_code == 0, result.stderr
    assert "[1]" in result.stdout and "Sources" in result.stdout


def test_cli_digest_writes_html_file(seeds_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "nested" / "digest.html"
    result = runner.invoke(app, ["digest", str(seeds_dir), "--format", "html", "--output", str(target)])
    assert result.exit_code == 0, result.stderr
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "<h1" in page
    assert str(target) in result.stderr


def test_cli_digest_bad_inputs_warn_and_exit_partial(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(
        "Ferry service resumes\n\nThe ferry to Holm resumed service on Monday after a two-week strike.\n",
        encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (tmp_path / "legacy.txt").write_bytes(
        "Caf\u00e9 owners reopen\n\nThe caf\u00e9 owners said the \u201cworst was over\u201d on Tuesday evening.\n"
        .encode("cp1252"))
    with (tmp_path / "huge.txt").open("wb") as handle:
        handle.write(b"Huge file\n\n" + b"All work and no play makes a dull archive. " * 1_250_000)
    (tmp_path / "feed.jsonl").write_text(
        '{"id": "ok", "text": "The harbour reopened on Tuesday morning after the storm passed."}\n'
        '{"id": "broken", "text": \n', encoding="utf-8")
    result = runner.invoke(app, ["digest", str(tmp_path), "--format", "json"])
    assert result.exit_code == 1
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 4
    assert any("empty.txt" in w and "empty" in w for w in warnings)
    assert any("blob.txt" in w and "binary" in w for w in warnings)
    assert any("feed.jsonl:2" in w and "JSON" in w for w in warnings)
    assert any("huge.txt" in w and "--max-bytes" in w for w in warnings)
    data = json.loads(result.stdout)
    assert {s["code"] for s in data["skipped"]} == {"empty", "binary", "bad_json", "too_large"}
    assert len(data["articles"]) == 3
    legacy = next(a for a in data["articles"] if a["path"].endswith("legacy.txt"))
    assert "\u201cworst was over\u201d" in legacy["text"]


def test_cli_usage_errors_exit_2(tmp_path: Path, seeds_dir: Path) -> None:
    missing = runner.invoke(app, ["digest", str(tmp_path / "nope")])
    assert missing.exit_code == 2
    assert "nope" in missing.stderr
    assert runner.invoke(app, ["digest", str(seeds_dir), "--words", "0"]).exit_code == 2
    assert runner.invoke(app, ["digest", str(seeds_dir), "--format", "pdf"]).exit_code == 2
    assert runner.invoke(app, ["digest"]).exit_code == 2


BOILERPLATE = (
    "Advertisement\n\nShare this article\n\nLeave a Reply\n\n"
    "Sign up for our newsletter\n\nAdvertisement\n"
)
"""A file that is only boilerplate: nothing is left of it after cleaning."""

CITED: dict[str, Callable[[dict], set[str]]] = {
    "digest": lambda d: {s["article"] for s in d["summary"]},
    "timeline": lambda d: {s["article"] for e in d["timeline"] for s in e["sentences"]},
    "entities": lambda d: {m["article"] for e in d["entities"] for m in e["mentions"]},
    "quotes": lambda d: {q["article"] for q in d["quotes"]},
    "compare": lambda d: {a for o in d["sources"]["outlets"] for a in o["articles"]},
    "cluster": lambda d: {a for s in d["stories"] for a in s["articles"]},
}
"""Per command, the ids of the articles its JSON results come from."""


@pytest.mark.parametrize("command", list(CITED))
def test_cli_every_command_warns_about_an_all_boilerplate_file(
    command: str, seeds_dir: Path, tmp_path: Path
) -> None:
    seed = sorted(seeds_dir.glob("*.txt"))[1]
    shutil.copy(seed, tmp_path / seed.name)
    promo = tmp_path / "promo.txt"
    promo.write_text(BOILERPLATE, encoding="utf-8")
    result = runner.invoke(app, [command, str(tmp_path), "--format", "json"])
    assert result.exit_code == 1, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [f"warning: skipped {promo}: no article text left after removing boilerplate"]
    data = json.loads(result.stdout)
    assert [(s["path"], s["code"]) for s in data["skipped"]] == [(str(promo), "nothing_left")]
    assert CITED[command](data) == {seed.stem}
