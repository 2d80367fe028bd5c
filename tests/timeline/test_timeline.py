"""Temporal expressions and the dated timeline, on the seeds, the examples and small text."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from scipy.sparse import csr_matrix
from typer.testing import CliRunner

import storyline
from storyline.cli import app
from storyline.model import Article, Sentence
from storyline.render import render
from storyline.render.text import to_text
from storyline.represent.dates import resolve_sentences, resolve_text
from storyline.text import sentence_spans
from storyline.timeline.build import centroid_opt_pick, centroid_pick, is_report

GOLD = Path(__file__).parent / "data" / "temporal_gold.jsonl"
HELD_OUT = Path(__file__).parent / "data" / "temporal_heldout.jsonl"
HELD_OUT_2 = Path(__file__).parent / "data" / "temporal_heldout_2.jsonl"
HELD_OUT_3 = Path(__file__).parent / "data" / "temporal_heldout_3.jsonl"
FRIDAY = date(2016, 9, 16)


def _resolve(text: str, anchor: date = FRIDAY) -> list[tuple[str, date | None, str]]:
    return [(e.text, e.date, e.granularity) for e in resolve_text(text, 0, len(text), anchor)]


def test_timeline_resolves_relative_days_by_tense() -> None:
    assert _resolve("The talks ended on Monday.") == [("Monday", date(2016, 9, 12), "day")]
    assert _resolve("They will meet again on Monday.") == [("Monday", date(2016, 9, 19), "day")]
    assert _resolve("Aid arrived yesterday.") == [("yesterday", date(2016, 9, 15), "day")]
    assert _resolve("The deal was reached last week.") == [("last week", date(2016, 9, 5), "week")]


def test_timeline_resolves_absolute_dates() -> None:
    assert _resolve("Pictured on Sept. 21 2016 in New York.")[0][1] == date(2016, 9, 21)
    assert _resolve("They agreed on September 9.")[0][1] == date(2016, 9, 9)
    assert _resolve("Signed 9/9/2016.")[0][1] == date(2016, 9, 9)
    assert _resolve("A spill began on April 20 , 2010 .")[0][1] == date(2010, 4, 20)


def test_timeline_bad_dates_never_crash_nor_give_impossible_dates() -> None:
    text = "It was Feb 30, 2016, in the year 20016, on Feb 3, 20016, in the 1990s, on 13/45/2016."
    found = _resolve(text)
    assert all(day is None for _, day, _ in found)
    assert _resolve("Feb. 29 was busy.", date(2017, 3, 3)) == [("Feb. 29", date(2016, 2, 29), "day")]


def test_timeline_later_counts_from_the_previous_day_named() -> None:
    text = "The district reopened on Friday. Three days later the village followed."
    article = Article(text=text, id="a", published=date(2025, 3, 12))
    sentences = [Sentence("a", k, s, e, text[s:e], 0) for k, (s, e) in enumerate(sentence_spans(text))]
    found = resolve_sentences(article, sentences, date(2025, 3, 12))
    assert found[1][0].date == date(2025, 3, 10)


def _right_on(path: Path, articles: dict[str, Article]) -> tuple[int, int]:
    """Expressions of ``path`` (seeds and examples, by article id) resolved right, and the total."""
    records = [json.loads(line) for line in path.read_text().splitlines()]
    right = 0
    for record in records:
        article = articles[record["article"]]
        assert article.text[record["start"]:record["end"]] == record["text"]
        anchor = date.fromisoformat(record["published"])
        text = article.text
        spans = sentence_spans(text)
        sentences = [Sentence(article.id, k, s, e, text[s:e], 0) for k, (s, e) in enumerate(spans)]
        found = [e for per in resolve_sentences(article, sentences, anchor) for e in per]
        hit = [e for e in found if e.start < record["end"] and record["start"] < e.end]
        right += any(str(e.date) == record["expected"] and e.granularity == record["granularity"]
                     for e in hit)
    return right, len(records)


def test_timeline_hand_annotated_expressions_mostly_right(seed_articles, example_articles) -> None:
    right, total = _right_on(GOLD, {a.id: a for a in (*seed_articles, *example_articles)})
    assert total >= 40
    assert right / total >= 0.9, f"{right}/{total} resolved right"


def test_timeline_second_held_out_set_does_not_regress(seed_articles, example_articles) -> None:
    # Annotated by hand before the resolver was run on it: 20/29 at the first run, below
    # the 90% target. Misses: weekdays ahead in present-tense quotes ("They tell us Sunday,
    # maybe Monday"), bare years ("a 2019 inspection report"), a quoted "tomorrow" spoken
    # the day before publication, and counts from an undated event ("four days after").
    # General rules for the first two then brought it to 26/29, so it is no longer held out.
    right, total = _right_on(HELD_OUT_2, {a.id: a for a in (*seed_articles, *example_articles)})
    assert total >= 25
    assert right >= 26, f"{right}/{total} resolved right"


@pytest.mark.parametrize("path", [HELD_OUT, HELD_OUT_3])
def test_timeline_held_out_expressions_mostly_right(shared_data: Path, path: Path) -> None:
    # HELD_OUT: annotated after the resolver was tuned, from PolNeAR and Timeline17
    # articles; its three misses ("June 16th of last year", "the Sept. 11 attacks", a
    # Sunday's "this week" meaning the coming week) were then fixed, so it is no longer
    # held out. HELD_OUT_3: 47 expressions of PolNeAR articles none of the other sets
    # uses, annotated by hand before the resolver ever ran on them (46 right on that
    # first run; the miss is a "will visit on Thursday" written the day before the
    # article's date).
    records = [json.loads(line) for line in path.read_text().splitlines()]
    assert len(records) >= 15
    right = 0
    for record in records:
        text = (shared_data / record["path"].removeprefix("shared/data/")).read_text(encoding="utf-8")
        assert text[record["start"]:record["end"]] == record["text"]
        anchor = date.fromisoformat(record["published"])
        article = Article(id="x", text=text, published=anchor)
        sentences = [Sentence("x", k, s, e, text[s:e], 0) for k, (s, e) in enumerate(sentence_spans(text))]
        found = [e for per in resolve_sentences(article, sentences, anchor) for e in per
                 if e.start < record["end"] and record["start"] < e.end]
        right += any(str(e.date) == record["expected"] and e.granularity == record["granularity"]
                     for e in found)
    assert right / len(records) >= 0.9, f"{right}/{len(records)} resolved right"


def test_timeline_year_words_events_and_sunday_weeks() -> None:
    sunday = date(2016, 10, 2)
    assert _resolve("It began on June 16th of last year.", sunday)[0][1:] == (date(2015, 6, 16), "day")
    assert _resolve("They vote on 3 May next year.", sunday)[0][1] == date(2017, 5, 3)
    assert _resolve("She worked after the Sept. 11 attacks.", sunday)[0][1] == date(2001, 9, 11)
    assert _resolve("He spoke at the Sept. 11 memorial service.", sunday)[0][1] == date(2016, 9, 11)
    assert _resolve("He will skip this week's convention.", sunday)[0][1:] == (date(2016, 10, 3), "week")
    assert _resolve("Talks stalled earlier this week.", sunday)[0][1] == date(2016, 9, 26)
    assert _resolve("He will skip this week's convention.")[0][1] == date(2016, 9, 12)
    assert _resolve("Feb 29 of next year was set.", sunday)[0][1] is None


def test_timeline_today_in_an_outlet_name_is_not_a_date() -> None:
    assert _resolve("Riverline Today | Sat, 8 Mar 2025") == [("Sat, 8 Mar 2025", date(2025, 3, 8), "day")]
    assert [t for t, _, _ in _resolve("She told USA Today that the vote is today.")] == ["today"]
    assert _resolve("Today, the council voted.") == [("Today", FRIDAY, "day")]


def test_timeline_centroid_opt_adds_what_the_first_sentence_misses() -> None:
    # Words: rig, fire, sank, oil, leak. Two sentences on the rig (not repeats: cosine
    # 0.47), one on the leak. After the first rig sentence, the leak sentence brings the
    # sum closer to the centroid (cosine 0.88) than the other rig sentence (0.86).
    rows = np.array([[1.1, 1, 0, 0, 0], [1, 0, 1.2, 0, 0], [0, 0, 0, 1, 1.0]])
    vectors = csr_matrix(rows / np.linalg.norm(rows, axis=1, keepdims=True))
    no_story = np.zeros(5)
    assert centroid_opt_pick(vectors, [0, 1, 2], 2, [], no_story) == [0, 2]
    assert centroid_opt_pick(vectors, [0, 1, 2], 3, [], no_story) == [0, 2, 1]
    assert centroid_opt_pick(vectors, [0, 1, 2], 2, [2], no_story) == [0, 1]
    assert centroid_opt_pick(vectors, [], 2, [], no_story) == []
    assert centroid_pick(vectors, [0, 1, 2], 1, []) in ([0], [1])


def test_timeline_is_report_leaves_out_questions_and_transcripts() -> None:
    assert is_report("BP capped the leaking well on July 15 after 87 days.")
    assert is_report('"We will rebuild," the mayor said on Friday.')
    assert not is_report("Why , and what 's being done about it ?")
    assert not is_report("What's important to us is Egypt, it's not Mubarak.")


def test_timeline_of_the_seeds_points_into_the_articles(seed_articles) -> None:
    result = storyline.timeline(seed_articles, dates=6, per_date=2)
    by_id = {a.id: a for a in seed_articles}
    days = [entry.date for entry in result.entries]
    assert days == sorted(days) and 3 <= len(days) <= 6
    assert date(2016, 9, 19) in days  # "the deal collapsed Monday" (article dated Sept 22)
    seen = set()
    for entry in result.entries:
        assert 1 <= len(entry.sentences) <= 2
        for s in entry.sentences:
            assert by_id[s.article].text[s.start:s.end] == s.text
            assert s.citations[0] == s.article
            assert (s.article, s.start) not in seen
            seen.add((s.article, s.start))
            if s.date_start is not None:
                assert s.start <= s.date_start < s.date_end <= s.end
    assert any("no publication date" in note for note in result.notes)


def test_timeline_examples_cite_the_syndicated_copy(example_articles) -> None:
    result = storyline.timeline(example_articles, dates=4, per_date=1)
    assert len(result.entries) == 4
    cited = {c for e in result.entries for s in e.sentences for c in s.citations}
    assert "02_brenfield-courier" in cited  # the Courier syndicates the March 4 wire story
    assert all(date(2025, 3, 1) <= e.date <= date(2025, 3, 12) for e in result.entries)


def test_timeline_digest_json_and_views_show_it(example_articles) -> None:
    digest = storyline.digest(example_articles)
    data = digest.to_dict()
    assert data["timeline"] and set(data["timeline"][0]) == {"date", "sentences"}
    first = data["timeline"][0]["sentences"][0]
    assert {"text", "article", "start", "end", "citations"} <= set(first)
    assert "Timeline" in to_text(digest)
    assert "## Timeline" in render(digest, "markdown")
    assert 'id="timeline-heading"' in render(digest, "html")


def test_timeline_html_escapes_article_text() -> None:
    article = Article(id="x", published=date(2025, 3, 7),
                      text="Engineers found <script>alert(1)</script> code on the alert page on Thursday.")
    html = render(storyline.digest([article]), "html")
    assert "<script>alert(1)" not in html


def test_timeline_cli_headline_is_the_story_title() -> None:
    result = CliRunner().invoke(app, ["timeline", "examples", "--dates", "2"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert lines[0].strip() != "Timeline"
    assert result.stdout.count("Timeline") == 1
    assert "Kessling Dam" in lines[0]


def test_timeline_cli_json(tmp_path: Path) -> None:
    out = tmp_path / "t.json"
    result = CliRunner().invoke(app, ["timeline", "examples", "--dates", "3", "--per-date", "2",
                                      "--format", "json", "--output", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert 1 <= len(data["timeline"]) <= 3
    assert all(len(day["sentences"]) <= 2 for day in data["timeline"])
    assert data["notes"] == []  # every example is dated: JSONL, HTML meta, .txt header lines
    assert "Kessling Dam" in data["headline"]


@pytest.mark.parametrize("option", ["--dates", "--per-date"])
def test_timeline_cli_rejects_zero(option: str) -> None:
    result = CliRunner().invoke(app, ["timeline", "examples", option, "0"])
    assert result.exit_code == 2


def test_timeline_weekday_ahead_in_a_present_tense_quote() -> None:
    saturday = date(2025, 3, 8)
    quote = _resolve('"They tell us Sunday, maybe Monday," said a farmer.', saturday)
    assert [d for _, d, _ in quote] == [date(2025, 3, 9), date(2025, 3, 10)]
    assert _resolve('"We go home on Tuesday," she said.', saturday)[0][1] == date(2025, 3, 11)
    assert _resolve('She said: "Wednesday is when the road opens."', saturday)[0][1] == date(2025, 3, 12)
    assert _resolve("The storm heads for the coast, possibly by Thursday.", saturday)[0][1] == date(2025, 3, 13)


def test_timeline_weekday_in_a_past_quote_stays_behind() -> None:
    saturday = date(2025, 3, 8)
    for text in ('"We got out on Monday," she said.', '"We fled on Monday," she said.',
                 '"The water came up Monday night," he said.', '"I have not slept since Monday."',
                 '"Monday\'s flood is the worst I know," he said.',
                 "She said the power came back maybe Monday.", "The farmer said Monday was quiet."):
        assert _resolve(text, saturday)[0][1] == date(2025, 3, 3), text


def test_timeline_bare_years_before_a_noun_or_after_back_to() -> None:
    assert _resolve("The Gazette has seen a 2019 inspection report.") == [("2019", date(2019, 1, 1), "year")]
    assert _resolve("Asked about the 2019 report, she said nothing.")[0][1:] == (date(2019, 1, 1), "year")
    assert _resolve("Records going back to 2015 were lost.")[0][1:] == (date(2015, 1, 1), "year")
    assert _resolve("Its 2016 budget was cut; prices fell between 2010 and 2012.")[:2] == [
        ("2016", date(2016, 1, 1), "year"), ("2010", date(2010, 1, 1), "year")]
    assert _resolve("In 2019 people moved away.")[0][1] == date(2019, 1, 1)


def test_timeline_counts_times_and_addresses_are_not_years() -> None:
    for text in ("The hall held the 2019 people who signed.", "A fee of $2,015 was paid, or $2015.",
                 "The ban ends by 2015 GMT.", "They moved to the 2019 Main Street office.",
                 "Prices ranged from 2000 to 2500 euros.", "Up to 61 percent of 2010 voters agreed.",
                 "The 1850 mill burned.", "She won by 2019 votes, the 2019 votes of the town."):
        assert _resolve(text) == [], text
