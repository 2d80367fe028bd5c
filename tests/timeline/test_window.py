"""The timeline's date window (``since`` / ``until``) in the API and the CLI, on the seeds
and the example story."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

import storyline
from storyline.cli import app
from storyline.errors import UsageError


def test_window_keeps_only_days_inside_it(seed_articles) -> None:
    whole = storyline.timeline(seed_articles, dates=6)
    assert date(2016, 9, 9) in [e.date for e in whole.entries]  # the truce agreed in Geneva
    window = storyline.timeline(seed_articles, dates=6, since=date(2016, 9, 20), until=date(2016, 9, 30))
    days = [e.date for e in window.entries]
    assert days and all(date(2016, 9, 20) <= d <= date(2016, 9, 30) for d in days)
    assert date(2016, 9, 22) in days
    by_id = {a.id: a for a in seed_articles}
    for entry in window.entries:
        for s in entry.sentences:
            assert by_id[s.article].text[s.start:s.end] == s.text


def test_window_open_on_one_side_fills_the_budget_from_it(example_articles) -> None:
    days = [e.date for e in storyline.timeline(example_articles, dates=8, since=date(2025, 3, 5)).entries]
    assert len(days) == 8 and min(days) >= date(2025, 3, 5)
    days = [e.date for e in storyline.timeline(example_articles, dates=3, until=date(2025, 3, 4)).entries]
    assert days and max(days) <= date(2025, 3, 4)


def test_window_since_after_until_is_a_usage_error(example_articles) -> None:
    with pytest.raises(UsageError, match="after --until"):
        storyline.timeline(example_articles, since=date(2025, 3, 9), until=date(2025, 3, 1))


def test_window_cli_since_until(tmp_path: Path) -> None:
    out = tmp_path / "t.json"
    result = CliRunner().invoke(app, ["timeline", "examples", "--since", "2025-03-06", "--until",
                                      "2025-03-09", "--format", "json", "--output", str(out)])
    assert result.exit_code == 0, result.output
    days = [day["date"] for day in json.loads(out.read_text())["timeline"]]
    assert days and all("2025-03-06" <= d <= "2025-03-09" for d in days)


@pytest.mark.parametrize("args", [["--since", "March 6"], ["--since", "2025-03-09", "--until", "2025-03-01"]])
def test_window_cli_rejects_bad_windows(args: list[str]) -> None:
    result = CliRunner().invoke(app, ["timeline", "examples", *args])
    assert result.exit_code == 2
