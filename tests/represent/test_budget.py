"""Tests of storyline.represent.budget: the sentences a large story reads, shared fairly."""

from __future__ import annotations

import sys
from collections import Counter

import pytest

from storyline.clean import clean_story
from storyline.represent.budget import budgeted_sentences
from storyline.compare.comparison import build_comparison
from storyline.evaluate.timeline17 import load_topic
from storyline.represent.document import build_document
from storyline.text import word_count

OUTLETS = ("bpoil_bbc", "bpoil_reuters", "bpoil_guardian")


@pytest.fixture(scope="module")
def spill(shared_data):
    """The first 12 BP-spill articles of three outlets, cleaned: a story of several days."""
    articles = [a for name in OUTLETS for a in load_topic(shared_data / "timeline17" / name).articles[:12]]
    kept, _ = clean_story(articles)
    return [s for c in kept for s in c.sentences], [c.article for c in kept]


def test_budget_small_story_compares_every_sentence(spill):
    sentences, articles = spill
    assert budgeted_sentences(sentences, articles, budget=len(sentences)) == list(range(len(sentences)))


def test_budget_keeps_every_outlet_and_day_with_leading_sentences_first(spill):
    sentences, articles = spill
    by_id = {a.id: a for a in articles}
    cells = {(by_id[s.article].source, by_id[s.article].published) for s in sentences}
    chosen = budgeted_sentences(sentences, articles, budget=len(cells) * 2)
    assert len(chosen) <= len(cells) * 2
    assert chosen == sorted(set(chosen))
    kept = [sentences[k] for k in chosen]
    assert {(by_id[s.article].source, by_id[s.article].published) for s in kept} == cells
    # within a cell the articles take turns from their first sentence: no article gives
    # its second sentence while another article of its cell has given none
    per_cell = Counter((by_id[s.article].source, by_id[s.article].published) for s in kept)
    assert all(n <= 2 for n in per_cell.values())
    assert all(s.index == min(t.index for t in sentences if t.article == s.article) for s in kept
               if per_cell[by_id[s.article].source, by_id[s.article].published] == 1)


def test_budget_capped_comparison_cites_only_budgeted_sentences(shared_data, monkeypatch):
    articles = [a for name in OUTLETS for a in load_topic(shared_data / "timeline17" / name).articles[:12]]
    doc = build_document(articles)
    monkeypatch.setattr(sys.modules["storyline.compare.comparison"], "MAX_COMPARED", 300)
    result = build_comparison(doc)
    compared = {(s.article, s.start) for s in (doc.sentences[k] for k in budgeted_sentences(
        doc.sentences, doc.articles, budget=300))}
    cited = {(s.article, s.start) for f in result.corroborated for s in f.support}
    assert cited and cited <= compared
    # the outlets' words still count every kept sentence, compared or not
    assert sum(o.words for o in result.outlets) == sum(word_count(s.text) for s in doc.sentences)
    assert {o.name for o in result.outlets} == {"bpoil_bbc", "bpoil_reuters", "bpoil_guardian"}


def test_budget_with_more_cells_than_budget_reads_leads_spread_over_the_days(spill):
    sentences, articles = spill
    by_id = {a.id: a for a in articles}
    cells = {(by_id[s.article].source, by_id[s.article].published) for s in sentences}
    budget = len(cells) // 3
    chosen = budgeted_sentences(sentences, articles, budget=budget)
    assert len(chosen) == budget
    kept = [sentences[k] for k in chosen]
    assert len({(by_id[s.article].source, by_id[s.article].published) for s in kept}) == budget
    assert all(s.index == min(t.index for t in sentences if t.article == s.article) for s in kept)
    days = sorted(d for _, d in cells if d is not None)
    read = sorted(by_id[s.article].published for s in kept if by_id[s.article].published is not None)
    assert read[0] == days[0] and read[-1] == days[-1]  # the first and the last day are both heard


def test_budget_bounds_the_summary_pool(shared_data, monkeypatch):
    summary_module = sys.modules["storyline.summary.summarize"]
    articles = [a for name in OUTLETS for a in load_topic(shared_data / "timeline17" / name).articles[:12]]
    doc = build_document(articles)
    monkeypatch.setattr(summary_module, "POOL_SIZE", 120)
    chosen = budgeted_sentences(doc.sentences, doc.articles, budget=120)
    assert summary_module.summary_features(doc).shape[0] == len(chosen) <= 120 < len(doc.sentences)
    pooled = {(doc.sentences[k].article, doc.sentences[k].start) for k in chosen}
    summary = summary_module.summarize(doc, 120)
    assert summary and {(s.article, s.start) for s in summary} <= pooled
