"""Tests of storyline.compare.comparison: copies, corroboration, conflicts and outlets on real text."""

from __future__ import annotations

import json
import time
from difflib import SequenceMatcher

import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH
from typer.testing import CliRunner

import storyline
from storyline.clean.prose import clean
from storyline.cli import app
from storyline.compare.comparison import compare
from storyline.compare.conflicts import NEAR_COPY, may_be_near_copies
from storyline.compare.copies import (
    LSH_THRESHOLD,
    NUM_PERM,
    TokenCache,
    _candidates,
    _sharing_runs,
    _shingles,
    sentence_words,
    shared_runs,
)
from storyline.errors import UsageError
from storyline.ingest.names import UNKNOWN_OUTLET, outlet_key, outlet_name
from storyline.compare.facts import PairCosines
from storyline.model import Article
from storyline.render import render

WIRE = (
    "Engineers began releasing water from the Kessling Dam on Tuesday after a crack was found in its "
    "concrete spillway, and about 1,800 people living downstream spent a second night away from home.\n\n"
    "The Lower Aldern Water Authority ordered the evacuation of Marrow Ford shortly before 7 p.m., "
    "said Katerina Voss, a spokeswoman for the authority.\n\n"
    "Police closed Valley Road between Brenfield and Marrow Ford, and the county opened two emergency "
    "shelters for the families who had to leave.\n\n"
    "The dam was completed in 1962 and holds back around 40 million cubic metres of water for the valley."
)


def _article(id_: str, text: str, source: str = "") -> Article:
    return Article(text=text, id=id_, source=source)


def _seed(articles: list[Article], prefix: str) -> Article:
    return next(a for a in articles if a.id.startswith(prefix))


def test_compare_seeds_report_the_shared_wire_quotes(seed_articles):
    result = compare(seed_articles).sources
    pairs = {frozenset((c.first, c.second)): c for c in result.copies}
    shared = pairs[frozenset((_seed(seed_articles, "000").id, _seed(seed_articles, "004").id))]
    assert any("Joint Implementation" in p.first.text for p in shared.passages)
    for passage in shared.passages:
        for span in (passage.first, passage.second):
            text = next(a for a in seed_articles if a.id == span.article).text
            assert text[span.start:span.end] == span.text
    assert len(pairs) == 1, "no other seed pair shares long passages"


def test_compare_seeds_corroborate_aid_to_aleppo_by_000_and_004(seed_articles):
    result = compare(seed_articles).sources
    aid = [f for f in result.corroborated if "delays" in f.text and "humanitarian aid" in f.text]
    assert aid, [f.text for f in result.corroborated]
    assert {s.article[:3] for s in aid[0].support} == {"000", "004"}


def test_compare_examples_find_the_syndicated_copy_and_the_spun_rewrite(example_articles):
    result = compare(example_articles).sources
    kinds = {frozenset((c.first, c.second)): c.kind for c in result.copies}
    assert kinds[frozenset(("02_brenfield-courier", "avp-2025-0304-kessling"))] == "copy"
    assert frozenset(("03_northgate-herald", "04_riverline-today")) in kinds
    courier = next(o for o in result.outlets if o.name == "Brenfield Courier")
    assert courier.shared > 0.7


def test_compare_finds_a_changed_number_between_outlets():
    changed = WIRE.replace("about 1,800 people", "about 2,300 people")
    result = compare([_article("wire", WIRE, "Wire"), _article("daily", changed, "Daily")]).sources
    assert len(result.conflicts) == 1
    conflict = result.conflicts[0]
    assert conflict.kind == "number" and conflict.about == "people"
    values = {(s.outlet, s.value) for s in conflict.sides}
    assert values == {("Wire", "1,800"), ("Daily", "2,300")}
    for side, text in zip(conflict.sides, (WIRE, changed), strict=True):
        assert text[side.value_start:side.value_end] == side.value
        assert text[side.start:side.end] == side.text


def test_compare_finds_changed_dates_and_names():
    changed = WIRE.replace("on Tuesday", "on Thursday").replace("Katerina Voss", "Oren Maddock")
    other = _article("third", "The county office, run by Oren Maddock, said the shelters had beds for a week, "
                              "and the authority's Katerina Voss said the dam was safe.")
    result = compare([_article("wire", WIRE, "Wire"), _article("daily", changed, "Daily"), other]).sources
    found = {(c.kind, tuple(sorted(s.value for s in c.sides))) for c in result.conflicts}
    assert ("date", ("Thursday", "Tuesday")) in found
    assert ("actor", ("Katerina Voss", "Oren Maddock")) in found


def test_compare_ignores_bounds_rounding_and_respellings():
    same = (WIRE.replace("about 1,800 people", "some 1,790 people")
            .replace("Katerina Voss", "Katarina Voss"))
    result = compare([_article("wire", WIRE, "Wire"), _article("daily", same, "Daily")]).sources
    assert result.conflicts == ()


def test_compare_numbers_for_different_things_are_no_conflict():
    first = "About 300 of those evacuated have no relatives nearby and were staying in the county shelters."
    second = "Fewer than 120 people were still sleeping in the two shelters on Thursday morning, the county said."
    result = compare([_article("a", first, "A"), _article("b", second, "B")]).sources
    assert result.conflicts == ()


def test_compare_single_source_claims_belong_to_one_outlet(example_articles):
    result = compare(example_articles).sources
    assert result.single_source
    for fact in result.single_source:
        assert len(fact.outlets) == 1
    for fact in result.corroborated:
        assert len(fact.outlets) >= 2
        assert fact.support[0].text == fact.text


def test_compare_outlet_is_source_then_host_then_id():
    assert outlet_key(Article("x", id="a", source=" Daily  Star ")) == "Daily Star"
    assert outlet_key(Article("x", id="a", url="https://www.herald.example/a/b")) == "herald.example"
    assert outlet_key(Article("x", id="a")) == "a"


def test_compare_outlet_shown_is_source_then_host_never_the_title():
    titled = Article("x", id="a", title="Floods close the valley road", url="https://www.herald.example/a")
    assert outlet_name(titled) == "herald.example"
    assert outlet_name(Article("x", id="a", title="Floods close the valley road")) == UNKNOWN_OUTLET


def test_compare_counts_two_articles_of_unknown_outlet_as_two_outlets(seed_articles):
    seeds = list(seed_articles[:2])
    assert all(not a.source and not a.url for a in seeds)
    assert {outlet_name(a) for a in seeds} == {UNKNOWN_OUTLET}
    result = compare(seeds)
    assert sorted(o.name for o in result.sources.outlets) == sorted(a.id for a in seeds)


def test_compare_rejects_repeated_ids_and_handles_empty_input():
    with pytest.raises(UsageError):
        compare([_article("a", WIRE), _article("a", WIRE)])
    assert compare([]).sources.copies == ()


def test_compare_lists_an_article_with_no_prose_under_skipped(example_articles):
    promo = Article(id="promo", path="promo.txt", text="Advertisement\n\nShare this article\n\nLeave a Reply\n")
    result = compare([*example_articles, promo])
    assert result.skipped == storyline.digest([*example_articles, promo]).skipped
    assert [(s.path, s.code) for s in result.skipped] == [("promo.txt", "nothing_left")]
    alone = compare(example_articles)
    assert (result.sources, result.headline) == (alone.sources, alone.headline)
    story = storyline.digest(example_articles)
    assert alone.to_dict()["sources"] == story.to_dict()["sources"] and alone.headline == story.headline


def test_compare_is_in_the_digest_json_and_views(example_articles):
    story = storyline.digest(example_articles)
    data = story.to_dict()
    assert set(data["sources"]) == {"outlets", "corroborated", "single_source", "conflicts", "copies"}
    assert "How the outlets compare" in render(story, "text")
    assert "## How the outlets compare" in render(story, "markdown")
    assert "<table class=\"coverage\">" in render(story, "html")


def test_compare_html_escapes_article_text():
    evil = WIRE.replace("Police closed", "<script>alert(1)</script> Police closed")
    story = storyline.digest([_article("wire", WIRE, "Wire"), _article("evil", evil, "Evil <b>")])
    page = render(story, "html")
    assert "<script>alert" not in page and "Evil <b>" not in page


SEED_HEADLINE = "John Kerry warns Russia that Assad must allow aid into Aleppo"
"""The digest's headline of the seeds (tests/test_digest.py checks the same)."""


def test_compare_cli_json_and_text(seeds_dir):
    runner = CliRunner()
    result = runner.invoke(app, ["compare", str(seeds_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["sources"]["copies"][0]["kind"] == "passages"
    text = runner.invoke(app, ["compare", str(seeds_dir)])
    assert "Shared text (1)" in text.stdout
    assert text.stdout.splitlines()[0].strip() == SEED_HEADLINE


def test_compare_fifty_articles_is_fast_relative_to_cleaning(example_articles):
    articles = [Article(text=a.text.replace("Kessling", f"Kessling{k}"), id=f"{a.id}-{k}", source=f"o{k}")
                for k in range(9) for a in example_articles][:50]
    start = time.perf_counter()
    result = compare(articles).sources
    elapsed = time.perf_counter() - start
    assert result.copies and elapsed < 30  # a loose guard; benchmarks/compare.py measures speed


def _sentences(articles: list[Article]):
    sentences = [s for a in articles for s in clean(a).sentences]
    return sentences, TokenCache(sentences, [sentence_words(s) for s in sentences])


def test_compare_copy_candidates_are_those_of_an_lsh_index(seed_articles):
    """The shortcut in ``copies._candidates`` pairs what a full MinHash LSH index would, where it matters."""
    sentences, tokens = _sentences(seed_articles)
    lsh, indexed = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM), set()
    hashes = MinHash.bulk([sorted(_shingles(w)) for w in tokens.words], num_perm=NUM_PERM)
    for k, minhash in enumerate(hashes):
        indexed |= {(o, k) for o in lsh.query(minhash) if sentences[o].article != sentences[k].article}
        lsh.insert(k, minhash)
    with_runs = {(i, j) for i, j in indexed if shared_runs(tokens.words[i], tokens.words[j])}
    empty = np.zeros(0, dtype=np.int64)
    found = _candidates(sentences, tokens, PairCosines(empty, empty, np.zeros(0), len(sentences)))
    assert with_runs and with_runs <= set(found) <= indexed
    assert set(found) <= _sharing_runs(sentences, tokens)


def test_compare_near_copy_bound_never_drops_a_near_copy(seed_articles):
    sentences, tokens = _sentences(seed_articles)
    pairs = [(i, j) for i in range(len(sentences)) for j in range(i + 1, len(sentences))]
    maybe = may_be_near_copies(tokens, [i for i, _ in pairs], [j for _, j in pairs])
    ratios = [SequenceMatcher(None, tokens.words[i], tokens.words[j], autojunk=False).quick_ratio() for i, j in pairs]
    near = [r >= NEAR_COPY for r in ratios]
    assert any(near) and not all(maybe)
    assert maybe == near


STATEMENT = (
    '"We have reviewed every inspection record for the spillway and found nothing that points to '
    'this crack, and we will publish all of them once the engineers have finished their work on the '
    'dam," the authority said in a statement on Wednesday evening.'
)


def test_compare_a_statement_quoted_by_two_outlets_is_passages_not_a_copy():
    long = WIRE + "\n\n" + STATEMENT + "\n\n" + (
        "Shopkeepers on Valley Road said trade had fallen sharply since the road was closed.\n\n"
        "The county council will meet on Friday to discuss the cost of the shelters and of the repairs.\n\n"
        "Anglers were told to stay off the riverbank below the dam until further notice.")
    short = "The water authority answered its critics late on Wednesday.\n\n" + STATEMENT
    result = compare([_article("long", long, "Wire"), _article("short", short, "Daily")]).sources
    assert [(c.kind, c.first, c.second) for c in result.copies] == [("passages", "long", "short")]
    assert any("inspection record" in p.first.text for p in result.copies[0].passages)


def test_compare_finds_a_name_changed_next_to_a_reworded_word():
    spun = WIRE.replace("said Katerina Voss", "stated Lena Morrow").replace("concrete", "cement")
    result = compare([_article("wire", WIRE, "Wire"), _article("spun", spun, "Spun")]).sources
    found = {(c.kind, tuple(sorted(s.value for s in c.sides))) for c in result.conflicts}
    assert found == {("actor", ("Katerina Voss", "Lena Morrow"))}


def test_compare_finds_a_changed_time_of_day():
    changed = WIRE.replace("shortly before 7 p.m.", "shortly before 9 p.m.")
    result = compare([_article("wire", WIRE, "Wire"), _article("daily", changed, "Daily")]).sources
    assert [(c.kind, c.about, sorted(s.value for s in c.sides)) for c in result.conflicts] == [
        ("date", "time", ["7 p.m.", "9 p.m."])]


def test_compare_list_items_and_two_records_are_no_conflict():
    records = ("Johnson was arrested June 17 and was being held on $2.09 million bail, records showed.\n\n"
               "Smith was arrested June 18 and was being held on $2.07 million bail, records showed.\n\n"
               "Her next court appearance in the county court is scheduled for Oct. 6, the office said.\n\n"
               "Her next court appearance in the county court is scheduled for Oct. 18, the office said.")
    other = records.split("\n\n")[1] + "\n\nBoth deny the charges, their lawyers said on Monday afternoon."
    result = compare([_article("a", records, "A"), _article("b", other, "B")]).sources
    assert result.conflicts == ()


def test_compare_examples_find_the_evacuee_count_conflict(example_articles):
    result = compare(example_articles).sources
    values = [sorted(s.value for s in c.sides) for c in result.conflicts if c.about == "people"]
    assert ["1,800", "2,300"] in values
    for conflict in result.conflicts:
        for side in conflict.sides:
            text = next(a for a in example_articles if a.id == side.article).text
            assert text[side.value_start:side.value_end] == side.value
