"""End to end on real text: the seeds and our example story."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import jsonschema
import pytest

import storyline
from storyline.clean.prose import clean
from storyline.errors import UsageError
from storyline.represent.encoder import TfidfEncoder
from storyline.summary.summarize import REDUNDANCY_MAX
from storyline.text import line_reason, word_count

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "docs" / "digest.schema.json").read_text(encoding="utf-8"))

SEED_BOILERPLATE = ("Advertisement", "Leave a Reply", "Akismet", "Show Full Article", "Related Video",
                    "All rights reserved", "Image:", "Krystal Ardrey", "contributed to this report",
                    "Do you like the content", "COMMENT", "Share")


def _check_contract(data: dict) -> None:
    jsonschema.validate(data, SCHEMA)
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for sentence in data["summary"]:
        assert texts[sentence["article"]][sentence["start"]:sentence["end"]] == sentence["text"]
        assert sentence["citations"][0] == sentence["article"]
        assert set(sentence["citations"]) <= set(texts)


def test_digest_seeds_meets_the_contract(seed_articles) -> None:
    data = storyline.digest(seed_articles).to_dict()
    _check_contract(data)
    assert sum(word_count(s["text"]) for s in data["summary"]) <= 120
    assert len(data["summary"]) >= 3


def test_digest_seeds_summary_has_no_boilerplate(seed_articles) -> None:
    summary = storyline.digest(seed_articles, words=400).summary
    removed = {a.id: clean(a).removed for a in seed_articles}
    for sentence in summary:
        assert line_reason(sentence.text) is None
        assert not any(junk in sentence.text for junk in SEED_BOILERPLATE), sentence.text
        assert not any(r.start < sentence.end and sentence.start < r.end for r in removed[sentence.article])


def test_digest_seeds_no_two_sentences_say_the_same(seed_articles) -> None:
    summary = storyline.digest(seed_articles, words=400).summary
    encoder = TfidfEncoder().fit([s.text for a in seed_articles for s in clean(a).sentences])
    vectors = encoder.transform([s.text for s in summary])
    for i, j in itertools.combinations(range(len(summary)), 2):
        assert float((vectors[i] @ vectors[j].T)[0, 0]) < REDUNDANCY_MAX, (summary[i].text, summary[j].text)


def test_digest_seeds_cites_shared_wire_copy(seed_articles) -> None:
    """000 and 004 carry the same State Department quotes; a summary of them cites both."""
    outlet = {a.id: Path(a.path).name[:3] for a in seed_articles}
    summary = storyline.digest(seed_articles).summary
    cited = [{outlet[c] for c in s.citations} for s in summary]
    assert any(len(outlets) > 1 for outlets in cited), [s.text for s in summary]
    assert any({"000", "004"} <= outlets for outlets in cited)


def test_digest_seeds_headline_reads_as_headline(seed_articles) -> None:
    headline = storyline.digest(seed_articles).headline
    titles = {a.title for a in seed_articles}
    assert headline in titles
    assert word_count(headline) >= 5 and headline[0].isupper() and not headline.endswith(".")


def test_digest_example_story_cites_several_outlets(example_articles) -> None:
    data = storyline.digest(example_articles).to_dict()
    _check_contract(data)
    assert data["skipped"] == []
    assert len({a["source"] or a["id"] for a in data["articles"]}) >= 5
    assert any(len(s["citations"]) > 1 for s in data["summary"])


def test_digest_moves_articles_without_prose_to_skipped() -> None:
    junk = storyline.Article(id="junk", path="junk.txt", text="Share\n\nAdvertisement\n\nLeave a Reply")
    real = storyline.Article(id="real", title="Ferry service resumes", text="The ferry to Holm resumed service on Monday morning.")
    result = storyline.digest([junk, real])
    assert [a.id for a in result.articles] == ["real"]
    assert [(s.path, s.code) for s in result.skipped] == [("junk.txt", "nothing_left")]


def test_digest_rejects_repeated_ids() -> None:
    article = storyline.Article(id="same", text="The ferry to Holm resumed service on Monday morning.")
    with pytest.raises(UsageError, match="same"):
        storyline.digest([article, article])
