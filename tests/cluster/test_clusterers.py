"""Batch clustering, the online StoryTracker and the ``storyline cluster`` command."""

from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import asdict
from datetime import date

import pytest
from typer.testing import CliRunner

import storyline
from storyline.cli import app
from storyline.cluster import tracker as tracker_module
from storyline.cluster.batch import StoryClusterer, cluster
from storyline.cluster.result import story_id, storyline_id
from storyline.cluster.tracker import StoryTracker
from storyline.config import ClusterConfig
from storyline.errors import UsageError
from storyline.evaluate.clustering import bcubed
from storyline.evaluate.ecbplus import load_ecbplus
from storyline.evaluate.timeline17_stream import load_stream
from storyline.model import Article

CHILE = [
    "A magnitude 7.1 earthquake struck near Valparaiso in Chile on Monday, the USGS said.",
    "Chile: the 7.1 quake near Valparaiso damaged homes; President Boric visited Valparaiso.",
    "Rescuers in Valparaiso searched rubble after Monday's 7.1 earthquake shook central Chile.",
]
JAPAN = [
    "A magnitude 6.4 earthquake hit Hokkaido in northern Japan on Tuesday, the JMA reported.",
    "Japan's Hokkaido was shaken by a 6.4 quake; trains around Sapporo were halted.",
    "In Sapporo, Hokkaido residents cleared debris after Tuesday's 6.4 earthquake in Japan.",
]


def _articles(texts: list[str], prefix: str, day: int) -> list[Article]:
    return [Article(id=f"{prefix}{i}", text=t, published=date(2024, 3, day)) for i, t in enumerate(texts)]


def test_cluster_tells_two_earthquakes_in_one_week_apart() -> None:
    articles = _articles(CHILE, "cl", 4) + _articles(JAPAN, "jp", 5)
    result = cluster(articles)
    groups = sorted(sorted(story.articles) for story in result.stories)
    assert groups == [["cl0", "cl1", "cl2"], ["jp0", "jp1", "jp2"]]
    assert {s.storyline for s in result.stories} <= {line.id for line in result.storylines}


def test_cluster_ids_follow_the_earliest_article_whatever_the_input_order() -> None:
    articles = _articles(CHILE, "cl", 4) + _articles(JAPAN, "jp", 5)
    shuffled = list(articles)
    random.Random(1).shuffle(shuffled)
    first, second = cluster(articles), cluster(shuffled)
    assert first == second
    chile = next(s for s in first.stories if "cl0" in s.articles)
    assert chile.id == story_id("cl0")
    assert chile.first_seen == chile.last_seen == date(2024, 3, 4)
    assert {line.id for line in first.storylines} <= {storyline_id("cl0"), storyline_id("jp0")}


def test_cluster_rejects_repeated_ids_and_unknown_options() -> None:
    a = Article(id="x", text="Flood waters rose in Dresden.")
    with pytest.raises(UsageError, match="unique"):
        cluster([a, a])
    with pytest.raises(UsageError, match="unknown clustering option"):
        StoryClusterer().set_params(story_treshold=0.3)
    with pytest.raises(TypeError, match="story_treshold"):
        StoryClusterer(story_treshold=0.3)  # type: ignore[call-arg]
    assert cluster([]).stories == ()


def test_cluster_clusterer_keeps_its_parameters_as_given_and_fit_returns_itself(
    seed_articles: list[Article],
) -> None:
    clusterer = StoryClusterer(story_threshold=0.05, line_window_days=60, max_active=7)
    params = clusterer.get_params()
    assert (params["story_threshold"], params["line_window_days"], params["max_active"]) == (0.05, 60, 7)
    assert type(params["line_window_days"]) is int  # stored unchanged, not converted
    assert StoryClusterer().get_params() == asdict(ClusterConfig())
    assert StoryClusterer.from_config(ClusterConfig(name_weight=0.4)).get_params()["name_weight"] == 0.4
    assert not [name for name in vars(clusterer) if name.endswith("_")]
    assert clusterer.fit(seed_articles) is clusterer
    learned = {name for name in vars(clusterer) if name not in params}
    assert learned == {"stories_", "storylines_", "labels_"}
    assert clusterer.get_params() == params


def test_cluster_clusterer_learns_what_cluster_returns(seed_articles: list[Article]) -> None:
    config = ClusterConfig(story_threshold=0.1)
    fitted = StoryClusterer.from_config(config).fit(seed_articles)
    result = cluster(seed_articles, config=config)
    assert (fitted.stories_, fitted.storylines_) == (result.stories, result.storylines)
    story_of = {a: s.id for s in result.stories for a in s.articles}
    assert fitted.labels_ == tuple(story_of[a.id] for a in seed_articles)


def test_cluster_clusterer_checks_its_parameters_when_it_fits(seed_articles: list[Article]) -> None:
    clusterer = StoryClusterer(story_threshold=1.5)
    assert clusterer.story_threshold == 1.5
    with pytest.raises(UsageError, match="story_threshold must be between 0 and 1"):
        clusterer.fit(seed_articles)


def test_cluster_top_level_returns_stories_with_storylines(seed_articles: list[Article]) -> None:
    result = storyline.cluster(seed_articles)
    assert isinstance(result, storyline.Clustering)
    stories = result.stories
    assert sorted(a for s in stories for a in s.articles) == sorted(a.id for a in seed_articles)
    assert {s.storyline for s in stories} == {line.id for line in result.storylines}


def test_cluster_headline_is_a_title_from_the_story(seed_articles: list[Article]) -> None:
    story = storyline.cluster(seed_articles).stories[0]
    titles = {a.title.split(" | ")[0].strip().rstrip(".") for a in seed_articles}
    assert any(story.headline in title or title in story.headline for title in titles)


def test_tracker_follows_a_stream_and_resumes_from_saved_state() -> None:
    stream = _articles(CHILE, "cl", 4) + _articles(JAPAN, "jp", 5)
    tracker = StoryTracker()
    steps = [tracker.add(a) for a in stream[:4]]
    saved = json.loads(json.dumps(tracker.to_state()))
    resumed = StoryTracker.from_state(saved)
    rest = [resumed.add(a) for a in stream[4:]]
    expected = [tracker.add(a) for a in stream[4:]]
    assert rest == expected
    assert resumed.stories() == tracker.stories()
    assert resumed.storylines() == tracker.storylines()
    assigned = steps + rest
    assert assigned[0].opened_story and assigned[0].opened_storyline
    assert assigned[0].story == story_id("cl0")
    assert len({s.story for s in assigned[:3]}) == 1 and assigned[3].story != assigned[0].story


def test_tracker_partial_fit_over_two_halves_gives_the_stories_of_add(
    seed_articles: list[Article], example_articles: list[Article],
) -> None:
    stream = seed_articles + example_articles
    one_by_one = StoryTracker()
    steps = [one_by_one.add(article) for article in stream]
    halves = StoryTracker(merge_threshold=0.7)
    assert halves.get_params() == StoryTracker().get_params()
    half = len(stream) // 2
    assert halves.partial_fit(stream[:half]) is halves
    assert halves.assignments_ == tuple(steps[:half])
    halves.partial_fit(stream[half:])
    assert halves.assignments_ == tuple(steps[half:])
    assert halves.stories() == one_by_one.stories()
    assert halves.storylines() == one_by_one.storylines()
    assert len(halves.stories()) >= 2
    assert {"config_", "frequencies_", "clock_", "step_", "assignments_"} <= set(vars(halves))
    assert halves.step_ == len(stream)


def test_tracker_keeps_its_parameters_and_saves_them_in_its_state() -> None:
    tracker = StoryTracker(window_days=5, max_active=50)
    assert tracker.get_params()["window_days"] == 5 and tracker.max_active == 50
    assert not [name for name in vars(tracker) if name.endswith("_")]
    state = json.loads(json.dumps(tracker.to_state()))
    assert state["options"] == asdict(ClusterConfig(window_days=5, max_active=50))
    resumed = StoryTracker.from_state(state)
    assert resumed.get_params() == tracker.get_params()
    with pytest.raises(UsageError, match="max_active must be at least 1"):
        StoryTracker(max_active=0).partial_fit([Article(id="a", text="Flood waters rose.")])


def test_tracker_closes_idle_stories_and_keeps_the_index_bounded() -> None:
    tracker = StoryTracker(window_days=2, max_active=2)
    for day in range(1, 20, 3):
        tracker.add(Article(id=f"d{day}", text=f"Story number {day} about topic{day} things.",
                            published=date(2024, 1, day)))
        assert len(tracker._stories) <= 2
    closed = tracker.pop_closed()
    assert len(closed.stories) >= 5
    assert tracker.pop_closed().stories == ()
    assert all(s.id not in {c.id for c in closed.stories} for s in tracker.stories())


def test_tracker_merges_two_stories_that_turn_out_to_be_one() -> None:
    tracker = StoryTracker(online_story_threshold=0.3, merge_threshold=0.1)
    texts = [
        "Dresden flood: the Elbe river burst its banks in Dresden.",
        "Evacuations ordered as Saxony officials warn of rising water near Meissen.",
        "Dresden and Meissen evacuations as the Elbe flood rises in Saxony, officials warn.",
    ]
    steps = [tracker.add(Article(id=f"f{i}", text=t, published=date(2024, 6, 2))) for i, t in enumerate(texts)]
    assert steps[1].opened_story
    assert steps[2].merged and steps[2].story == story_id("f0")
    assert [s.articles for s in tracker.stories()] == [("f0", "f1", "f2")]


def _ecbplus_stream(shared_data, topics: list[int]) -> tuple[list[Article], dict[str, str]]:
    """ECB+ articles of ``topics`` in a fixed shuffled order (they carry no dates), and their gold stories."""
    items = load_ecbplus(shared_data / "ecbplus", topics=topics)
    stream = [item.article for item in items]
    random.Random(0).shuffle(stream)
    return stream, {item.article.id: item.story for item in items}


def _story_f1(stories, gold: dict[str, str]) -> float:
    story_of = {a: s.id for s in stories for a in s.articles}
    return bcubed([story_of[a] for a in gold], list(gold.values())).f1


def test_tracker_splits_a_story_that_holds_two_events(shared_data, monkeypatch) -> None:
    stream, gold = _ecbplus_stream(shared_data, [2, 5, 7, 8])
    tracker = StoryTracker()
    steps = [tracker.add(article) for article in stream]
    split = [s for s in steps if s.split]
    assert split, "no story was split"
    stories = {s.id: s for s in tracker.stories()}
    for step in split:
        assert step.article in stories[step.story].articles
        assert all(part in stories for part in step.split)
    assert sorted(a for s in stories.values() for a in s.articles) == sorted(gold)
    with_splits = _story_f1(tracker.stories(), gold)
    monkeypatch.setattr(tracker_module, "SPLIT_SIZES", frozenset({10**6}))
    unsplit = StoryTracker()
    for article in stream:
        assert not unsplit.add(article).split
    assert with_splits >= 0.9 and with_splits > _story_f1(unsplit.stories(), gold) + 0.1


def test_tracker_resumed_mid_stream_splits_as_one_that_ran_on(shared_data) -> None:
    stream, _ = _ecbplus_stream(shared_data, [2, 5, 7, 8])
    tracker = StoryTracker()
    for article in stream[:40]:
        tracker.add(article)
    resumed = StoryTracker.from_state(json.loads(json.dumps(tracker.to_state())))
    rest = [resumed.add(a) for a in stream[40:]]
    assert rest == [tracker.add(a) for a in stream[40:]]
    assert any(step.split for step in rest)
    assert resumed.stories() == tracker.stories()
    assert resumed.storylines() == tracker.storylines()


def test_tracker_story_fed_daily_does_not_swallow_its_storyline(shared_data) -> None:
    items, _ = load_stream(shared_data / "timeline17")
    spill = [item.article for item in items if item.storyline == "bpoil"]
    tracker = StoryTracker()
    for article in spill:
        tracker.add(article)
    stories = tracker.stories()
    spans = [(s.last_seen - s.first_seen).days for s in stories if s.first_seen]
    months = (spill[-1].published - spill[0].published).days
    assert months > 90 and max(spans) <= 21
    in_line = Counter()
    for story in stories:
        in_line[story.storyline] += len(story.articles)
    assert in_line.most_common(1)[0][1] >= len(spill) // 2


def test_cluster_cli_writes_the_json_contract(seeds_dir, tmp_path) -> None:
    out = tmp_path / "clusters.json"
    result = CliRunner().invoke(app, ["cluster", str(seeds_dir), "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    story = data["stories"][0]
    assert set(story) == {"id", "headline", "articles", "storyline", "first_seen", "last_seen"}
    assert set(data["storylines"][0]) == {"id", "headline", "stories"}
    assert sum(len(s["articles"]) for s in data["stories"]) == 5


def test_cluster_ecbplus_slice_keeps_its_quality_floor(shared_data) -> None:
    items = load_ecbplus(shared_data / "ecbplus", topics=[1, 3, 4, 5])
    result = cluster([item.article for item in items])
    story_of = {a: s.id for s in result.stories for a in s.articles}
    score = bcubed([story_of[i.article.id] for i in items], [i.story for i in items])
    assert score.f1 >= 0.85


def test_an_undated_article_whose_text_gives_another_year_joins_no_story_of_that_year() -> None:
    body = ("Rebels shelled the eastern district of Aleppo on Monday as talks on a ceasefire "
            "stalled in Geneva, and aid convoys waited at the border crossing near Kilis.")
    dated = [Article(id=f"d{k}", text=body, published=date(2012, 8, 13 + k)) for k in range(2)]
    later = Article(id="later", text=f"GENEVA, September 20, 2016 -\n\n{body}")
    same_year = Article(id="same-year", text=f"GENEVA, August 14, 2012 -\n\n{body}")
    result = cluster([*dated, later, same_year])
    story_of = {a: s for s in result.stories for a in s.articles}
    assert set(story_of["d0"].articles) == {"d0", "d1", "same-year"}
    assert story_of["later"].storyline != story_of["d0"].storyline
    joined = {a.article: a.story for a in StoryTracker().partial_fit([*dated, later, same_year]).assignments_}
    assert joined["later"] != joined["d0"] == joined["same-year"]


def test_tracker_undated_story_lets_a_two_article_event_split_off(shared_data, monkeypatch) -> None:
    from storyline.evaluate.clustering import with_prose
    from storyline.evaluate.streams import multinews_pile

    items, _ = multinews_pile(shared_data / "multinews" / "validation.csv", fold="tune")
    items = with_prose(items)  # undated, as Multi-News is
    gold = {item.article.id: item.story for item in items}
    stream = [item.article for item in items]

    def online_f1() -> float:
        tracker = StoryTracker()
        for article in stream:
            tracker.add(article)
        return _story_f1(tracker.stories(), gold)

    with_pairs = online_f1()
    monkeypatch.setattr(tracker_module, "UNDATED_MIN_PART", tracker_module.MIN_PART)
    assert with_pairs > online_f1() + 0.01


def test_cluster_lone_undated_report_joins_its_event_and_dated_stories_stay_as_split(
        shared_data, monkeypatch) -> None:
    from storyline.cluster import similarity
    from storyline.evaluate.clustering import with_prose
    from storyline.evaluate.streams import ecbplus

    items = with_prose(ecbplus(shared_data / "ecbplus", fold="heldout"))  # undated
    dated = [g.article for g in load_stream(shared_data / "timeline17")[0]
             if g.article.source == "haiti_bbc"]

    def scored() -> tuple[float, int]:
        result = cluster([item.article for item in items])
        story_of = {a: s.id for s in result.stories for a in s.articles}
        lone = sum(len(s.articles) == 1 for s in result.stories)
        return bcubed([story_of[i.article.id] for i in items], [i.story for i in items]).f1, lone

    def dated_stories() -> set[tuple[str, ...]]:
        return {s.articles for s in cluster(dated).stories}

    adopted, dated_adopted = scored(), dated_stories()
    monkeypatch.setattr(similarity, "ADOPT_SIMILARITY", float("inf"))
    alone, dated_alone = scored(), dated_stories()
    assert adopted[1] < alone[1]
    assert adopted[0] >= 0.92 > alone[0]
    assert dated_adopted == dated_alone
