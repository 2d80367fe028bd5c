"""``storyline entity NAME`` on real coverage (``h1n1_db``): stories over time, cited quotes."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from storyline.cli import app
from storyline.store import Store

runner = CliRunner()


def test_cli_entity_lists_stories_and_quotes_with_their_sources(h1n1_db: str) -> None:
    shown = runner.invoke(app, ["entity", "Jose Angel Cordova", "--db", h1n1_db])
    assert shown.exit_code == 0, shown.output
    assert shown.stdout.startswith("Jose Angel Cordova (person, id jose-angel-cordova)")
    sources = re.findall(r"\[(\S+) (\d+)-(\d+)\]", shown.stdout)
    assert len(sources) >= 5
    with Store(h1n1_db) as store:
        for article, start, end in sources:
            text = store.article(article).article.text[int(start):int(end)]
            assert " ".join(text.split())[:30] in " ".join(shown.stdout.split())


def test_cli_entity_json_and_unknown_or_ambiguous_names(h1n1_db: str) -> None:
    shown = runner.invoke(app, ["entity", "jose-angel-cordova", "--db", h1n1_db, "--format", "json"])
    data = json.loads(shown.stdout)
    assert data["id"] == "jose-angel-cordova" and data["stories"] and data["quotes"]
    unknown = runner.invoke(app, ["entity", "Nobody At All", "--db", h1n1_db])
    assert unknown.exit_code == 2 and "no stored story names 'Nobody At All'" in unknown.stderr
    several = runner.invoke(app, ["entity", "world health", "--db", h1n1_db])
    assert several.exit_code == 2 and "world-health-organization" in several.stderr
