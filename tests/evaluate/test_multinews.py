"""Loaders of clusters with reference summaries: Multi-News CSV and our JSONL directory."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from storyline.evaluate.multinews import load_clusters, load_directory, load_multinews

FLOOD = "Flood water rose 2 metres in Brenfield on Monday. \n \n The mayor's office opened the school gym."
RAIL = 'Trains between Brenfield and Kessling stopped, the operator said. "It is not safe," she said.'


def _write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["documents", "num_documents", "summary"])
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_evaluate_multinews_reads_documents_and_strips_summary_dash(tmp_path: Path) -> None:
    path = _write_csv(tmp_path / "v.csv", [
        {"documents": repr([FLOOD, RAIL, "  "]), "num_documents": "3",
         "summary": "– Brenfield is under water, and the trains have stopped."},
        {"documents": "['unclosed", "num_documents": "1", "summary": "– Broken row."},
    ])
    clusters, skipped = load_multinews(path)
    assert len(clusters) == 1
    cluster = clusters[0]
    assert cluster.id == "0"
    assert [a.id for a in cluster.articles] == ["0-0", "0-1"]
    assert [a.text for a in cluster.articles] == [FLOOD, RAIL]
    assert cluster.reference == "Brenfield is under water, and the trains have stopped."
    reasons = sorted(s.reason for s in skipped)
    assert any("document 2 of this cluster is empty" in r for r in reasons)
    assert any("not a Python list literal" in r for r in reasons)
    assert all(s.path.startswith(str(path)) for s in skipped)


def test_evaluate_multinews_reads_directory_of_jsonl_clusters(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "wire", "text": FLOOD, "published": "2025-03-04"}),
        json.dumps({"reference": "Brenfield flooded."}),
        "{not json",
        json.dumps({"text": RAIL}),
    ]
    (tmp_path / "flood.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "noref.jsonl").write_text(json.dumps({"text": RAIL}) + "\n", encoding="utf-8")
    clusters, skipped = load_directory(tmp_path)
    assert [c.id for c in clusters] == ["flood"]
    assert [a.id for a in clusters[0].articles] == ["wire", "flood:4"]
    assert clusters[0].articles[0].published.isoformat() == "2025-03-04"
    assert clusters[0].reference == "Brenfield flooded."
    assert {(Path(s.path).name, s.line, s.code) for s in skipped} == {
        ("flood.jsonl", 3, "bad_json"), ("noref.jsonl", None, "no_reference")}


def test_evaluate_multinews_load_clusters_picks_the_reader(tmp_path: Path) -> None:
    path = _write_csv(tmp_path / "v.csv", [{"documents": repr([FLOOD]), "num_documents": "1", "summary": "– Flood."}])
    assert [c.reference for c in load_clusters(path)[0]] == ["Flood."]
    assert load_clusters(tmp_path)[0] == []
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ValueError):
        load_clusters(tmp_path / "notes.txt")
    with pytest.raises(FileNotFoundError):
        load_clusters(tmp_path / "missing.csv")


def test_evaluate_multinews_reads_the_validation_file(shared_data: Path) -> None:
    clusters, skipped = load_multinews(shared_data / "multinews" / "validation.csv")
    assert len(clusters) == 250
    assert sum(len(c.articles) for c in clusters) + len(skipped) >= 690
    assert not any(c.reference.startswith("–") for c in clusters)
    assert all(c.reference and all(a.text.strip() for a in c.articles) for c in clusters)
    assert clusters[0].reference.startswith("Skal, Sweden!")
