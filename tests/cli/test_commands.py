"""The storyline command as a user runs it: formats, files, warnings and exit codes."""

from __future__ import annotations

import json
import shlex
import shutil
import socket
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

import storyline
from storyline.cli import app
from storyline.evaluate.multinews import load_multinews
from storyline.model import Article
from storyline.render.json import json_text
from storyline.store import Store

runner = CliRunner()
EXAMPLES = Path(__file__).parents[2] / "examples"


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
    # three unrelated articles are read: --all digests each storyline they make
    result = runner.invoke(app, ["digest", str(tmp_path), "--format", "json", "--all"])
    assert result.exit_code == 1
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 4
    assert any("empty.txt" in w and "empty" in w for w in warnings)
    assert any("blob.txt" in w and "binary" in w for w in warnings)
    assert any("feed.jsonl:2" in w and "JSON" in w for w in warnings)
    assert any("huge.txt" in w and "--max-bytes" in w for w in warnings)
    digests = json.loads(result.stdout)
    assert all({s["code"] for s in data["skipped"]} == {"empty", "binary", "bad_json", "too_large"}
               for data in digests)
    articles = [a for data in digests for a in data["articles"]]
    assert len(articles) == 3
    legacy = next(a for a in articles if a["path"].endswith("legacy.txt"))
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


PILE_ROWS = ("1", "2", "3")
"""Multi-News validation rows in the pile: the first three clusters none of whose articles is
emptied by boilerplate removal (row 0 loses two), so the pile is read without a skip."""


@pytest.fixture(scope="module")
def pile(
    shared_data: Path, seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, list[set[str]]]:
    """A folder of unrelated stories: three Multi-News clusters (``mn-ROW-K.txt``) and the five
    seeds; returns it with the article ids of each true thread (seeds first)."""
    folder = tmp_path_factory.mktemp("pile")
    clusters, _ = load_multinews(shared_data / "multinews" / "validation.csv")
    threads = [set()]
    for seed in sorted(seeds_dir.glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
        threads[0].add(seed.stem)
    for cluster in (c for c in clusters if c.id in PILE_ROWS):
        threads.append({f"mn-{a.id}" for a in cluster.articles})
        for article in cluster.articles:
            (folder / f"mn-{article.id}.txt").write_text(article.text, encoding="utf-8")
    return folder, threads


def _ids(digest: dict) -> set[str]:
    return {a["id"] for a in digest["articles"]}


def test_cli_digest_of_a_pile_digests_the_largest_storyline_and_lists_the_others(
    pile: tuple[Path, list[set[str]]]
) -> None:
    folder, threads = pile
    result = runner.invoke(app, ["digest", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert _ids(json.loads(result.stdout)) == threads[0]
    lines = result.stderr.splitlines()
    assert len([line for line in lines if line.startswith("note:")]) == 1
    assert lines[0].startswith(f"note: these articles hold {len(threads)} storylines")
    others = lines[1:]
    assert len(others) == len(threads) - 1
    assert all(f"(2 articles): storyline digest {folder} --storyline line-" in line for line in others)
    command = shlex.split(others[1].rsplit(": ", 1)[1])
    assert command[:2] == ["storyline", "digest"]
    second = runner.invoke(app, [*command[1:], "--format", "json"])
    assert second.exit_code == 0, second.stderr
    assert second.stderr == ""
    assert _ids(json.loads(second.stdout)) in threads[1:]


def test_cli_digest_all_gives_one_digest_per_storyline_partitioning_the_pile(
    pile: tuple[Path, list[set[str]]]
) -> None:
    folder, threads = pile
    result = runner.invoke(app, ["digest", str(folder), "--all", "--format", "json", "--words", "60"])
    assert result.exit_code == 0, result.stderr
    digests = json.loads(result.stdout)
    found = [_ids(d) for d in digests]
    assert sorted(map(sorted, found)) == sorted(map(sorted, threads))
    assert found[0] == threads[0]
    schema = json.loads((EXAMPLES.parent / "docs" / "digest.schema.json").read_text(encoding="utf-8"))
    for data in digests:
        jsonschema.validate(data, schema)
    assert all(d["storyline_id"].startswith("line-") for d in digests)
    assert all(sum(len(s["text"].split()) for s in d["summary"]) <= 60 for d in digests)


def test_cli_digest_all_writes_one_file_per_storyline_or_separates_them(
    pile: tuple[Path, list[set[str]]], tmp_path: Path
) -> None:
    folder, threads = pile
    target = tmp_path / "out" / "digest.md"
    result = runner.invoke(app, ["digest", str(folder), "--all", "-f", "markdown", "--output", str(target)])
    assert result.exit_code == 0, result.stderr
    written = [tmp_path / "out" / f"digest-{n}.md" for n in range(1, len(threads) + 1)]
    assert sorted((tmp_path / "out").iterdir()) == written
    assert result.stderr.splitlines() == [f"wrote {path}" for path in written]
    assert all(path.read_text(encoding="utf-8").startswith("# ") for path in written)
    printed = runner.invoke(app, ["digest", str(folder), "--all", "--format", "markdown"])
    assert printed.stdout == "\n---\n\n".join(path.read_text(encoding="utf-8") for path in written)
    text = runner.invoke(app, ["digest", str(folder), "--all"])
    titles = [line for line in text.stdout.splitlines() if line.startswith("=== storyline ")]
    assert [t.split(":")[0] for t in titles] == [
        f"=== storyline {n} of {len(threads)}" for n in range(1, len(threads) + 1)]


def test_cli_digest_unknown_storyline_is_a_usage_error(pile: tuple[Path, list[set[str]]]) -> None:
    folder, _ = pile
    result = runner.invoke(app, ["digest", str(folder), "--storyline", "line-nope"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "error: no storyline 'line-nope' in these articles; run without --storyline to see their storylines"]
    both = runner.invoke(app, ["digest", str(folder), "--all", "--storyline", "line-nope"])
    assert both.exit_code == 2 and both.stderr.count("\n") == 1


@pytest.mark.parametrize("which", ["seeds", "examples"])
def test_cli_digest_of_one_storyline_is_the_digest_of_every_article(
    which: str, seeds_dir: Path, seed_articles: list[Article], example_articles: list[Article]
) -> None:
    path, articles = (seeds_dir, seed_articles) if which == "seeds" else (EXAMPLES, example_articles)
    expected = json_text(storyline.digest(articles).to_dict())
    result = runner.invoke(app, ["digest", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == expected
    every = runner.invoke(app, ["digest", str(path), "--all", "--format", "json"])
    assert [{k: v for k, v in d.items() if k != "storyline_id"} for d in json.loads(every.stdout)] == [
        json.loads(expected)]


def test_cli_version_prints_the_package_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"storyline {storyline.__version__}\n"


def test_cli_serve_on_a_busy_port_says_so_in_one_line_and_exits_2(
    tmp_path: Path, example_articles: list[Article]
) -> None:
    db = tmp_path / "example.db"
    with Store(db, create=True) as store:
        store.ingest(example_articles, digests=False)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = runner.invoke(app, ["serve", "--db", str(db), "--port", str(port)])
    assert result.exit_code == 2, result.output
    assert result.stderr == f"error: port {port} on 127.0.0.1 is in use; give another with --port\n"
    assert "serving" not in result.output and "Errno" not in result.output


@pytest.mark.parametrize("args", [
    ["digest", "--format", "html"], ["digest", "--all", "--format", "json"],
    ["digest", "--storyline", "s1"], ["timeline", "--format", "markdown"], ["compare", "--format", "json"],
])
def test_cli_nothing_usable_read_writes_nothing_and_exits_1(args: list[str], tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    example = (EXAMPLES / "01_aldern-valley-press.jsonl").read_text(encoding="utf-8")
    (inbox / "cut.jsonl").write_text(example[:300] + "\n", encoding="utf-8")  # a line cut short
    (inbox / "promo.txt").write_text(BOILERPLATE, encoding="utf-8")
    (inbox / "empty.txt").write_bytes(b"")
    target = tmp_path / "out" / "result.file"
    result = runner.invoke(app, [*args, str(inbox), "--output", str(target)])
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert not (tmp_path / "out").exists()
    lines = result.stderr.splitlines()
    assert len([line for line in lines if line.startswith("warning: skipped")]) == 3
    errors = [line for line in lines if line.startswith("error:")]
    assert errors == ["error: nothing usable was read: all 3 inputs were skipped (see the warnings "
                      "above); no output written"]
    assert "0 articles" not in result.output and "wrote" not in result.output
