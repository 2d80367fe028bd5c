"""Headlines of untitled stories, on real Timeline17 articles (no titles, page clutter)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.clean.prose import clean
from storyline.evaluate.headlines import headline_problems
from storyline.model import Article
from storyline.represent.headline import MAX_HEADLINE_WORDS, choose_headline, fit_headline
from storyline.text import word_count

CLUTTERED = (
    "haiti_bbc/InputDocs/2010-01-27/1277.htm.txt",  # "Page last updated at 07:39 GMT , Wednesday , ..."
    "haiti_bbc/InputDocs/2010-01-19/1470.htm.txt",
    "bpoil_bbc/InputDocs/2011-01-06/1480.htm.txt",  # "6 January 2011 Last updated at 18:51 GMT Help ..."
    "bpoil_bbc/InputDocs/2010-06-02/1577.htm.txt",  # "By Finlo Rohrer BBC News , Washington ..."
    "bpoil_bbc/InputDocs/2010-07-13/1956.htm.txt",
    "H1N1_reuters/InputDocs/2009-04-25/936.htm.txt",  # "MEXICO CITY\/GENEVA | Sat Apr 25 , 2009 7:32 pm EDT ..."
)


def _article(shared_data: Path, name: str) -> Article:
    return Article((shared_data / "timeline17" / name).read_text(encoding="utf-8"), id=name)


@pytest.mark.parametrize("name", CLUTTERED)
def test_headline_of_untitled_article_drops_datelines_bylines_and_agency_tags(shared_data, name) -> None:
    article = _article(shared_data, name)
    kept = [s.text for s in clean(article).sentences]
    for headline in (choose_headline([article], [0.0]), choose_headline([article], [0.0], sentences=[kept])):
        assert headline_problems(headline) == [], headline
        assert 3 <= word_count(headline) <= MAX_HEADLINE_WORDS
        assert headline in " ".join(article.text.split())  # taken from the text, never made up


def test_headline_too_long_lead_gives_way_to_the_next_sentence(shared_data) -> None:
    # the lead after "6 January 2011 Last updated at 18:51 GMT Help" has 22 words, no clause break
    article = _article(shared_data, "bpoil_bbc/InputDocs/2011-01-06/1480.htm.txt")
    assert choose_headline([article], [0.0]) == (
        "A report commissioned by President Obama has blamed bad management and cost cutting")


def test_headline_cut_only_at_a_clause_boundary_without_ellipsis(shared_data) -> None:
    line = _article(shared_data, "haiti_bbc/InputDocs/2010-01-19/679.htm.txt").text.splitlines()[0]
    long = line[line.index("The US says"):]  # "... into the US , following last week 's earthquake ."
    assert word_count(long) > MAX_HEADLINE_WORDS or fit_headline(long) == long.rstrip(" .")
    cut = fit_headline("The US says it will temporarily allow orphaned Haitian children into the US , "
                       "following last week 's earthquake that killed tens of thousands and left "
                       "many more homeless across the capital .")
    assert cut == "The US says it will temporarily allow orphaned Haitian children into the US"


def test_headline_keeps_a_usable_title_first(shared_data) -> None:
    article = _article(shared_data, CLUTTERED[0])
    titled = Article(article.text, id="t", title="Haiti charity single recorded | BBC News")
    assert choose_headline([article, titled], [0.9, 0.1]) == "Haiti charity single recorded"


def test_headline_of_a_broadcast_transcript_skips_air_time_notice_and_speaker_labels(shared_data) -> None:
    # first line: "<show title> Aired February 6 , 2011 - 10:00 ET THIS IS A RUSH TRANSCRIPT ."
    article = _article(shared_data, "EgyptianProtest_cnn/InputDocs/2011-02-06/43.htm.txt")
    headline = choose_headline([article], [0.0])
    assert headline_problems(headline) == [], headline
    assert "Aired" not in headline and "TRANSCRIPT" not in headline
    assert headline.startswith("Egypt 's Opposition Leader ElBaradei Speaks")


def test_headline_never_opens_with_a_pronoun_that_leans_on_an_earlier_sentence(shared_data) -> None:
    # a sentence opening with "He gave no timeframe , but said ..." is among this article's first
    article = _article(shared_data, "haiti_bbc/InputDocs/2010-01-22/808.htm.txt")
    assert "He gave no timeframe" in article.text
    headline = choose_headline([article], [0.0])
    assert headline and headline_problems(headline) == [], headline
    assert headline.split()[0] not in {"He", "She", "It", "They", "This", "These", "Those"}


@pytest.mark.parametrize("sentence", [
    "By the Riverline Wire Staff Engineers began lowering the reservoir on Tuesday .",
    "Watch Valley Tonight at 9 p.m. ET Engineers began lowering the reservoir on Tuesday .",
    "MARTA OKONJO , HOST : Engineers began lowering the reservoir on Tuesday .",
    "Science Reporter , Valley News , Kessling Engineers began lowering the reservoir on Tuesday .",
])
def test_headline_drops_desk_bylines_show_promotions_and_speaker_labels(sentence) -> None:
    headline = choose_headline([Article(sentence, id="a")], [0.0])
    assert headline_problems(headline) == [], headline
    assert headline.startswith("Engineers began lowering the reservoir")


def test_headline_skips_a_banner_that_opens_pages_of_different_news(shared_data) -> None:
    # a crawl put one trending-link line on top of many pages of one outlet's coverage
    folder = shared_data / "timeline17" / "EgyptianProtest_cnn" / "InputDocs"
    pages = sorted(folder.glob("2011-02-*/*.txt"))
    firsts = {}
    for page in pages:
        firsts.setdefault(page.read_text(encoding="utf-8").split("\n", 1)[0], []).append(page)
    banner, opened = max(firsts.items(), key=lambda kv: len(kv[1]))
    assert len(opened) >= 3  # the same first line on several pages
    articles = [Article(p.read_text(encoding="utf-8"), id=str(p)) for p in opened[:5]]
    headline = choose_headline(articles, [0.0] * len(articles))
    assert headline and headline not in banner
    assert headline_problems(headline) == [], headline


def test_headline_skips_a_lead_line_about_another_story(shared_data) -> None:
    # the page opens with a link to another story; nothing in the article speaks of it again
    article = _article(shared_data, "EgyptianProtest_cnn/InputDocs/2011-02-09/215.htm.txt")
    first = article.text.split("\n", 1)[0]
    assert "Egypt" not in first and "Ghonim" not in first
    headline = choose_headline([article], [0.0])
    assert headline and headline not in first
    assert headline_problems(headline) == [], headline


def test_headline_of_a_transcript_is_not_its_greeting() -> None:
    text = ("MARTA OKONJO , HOST : Good evening , everyone .\n"
            "Engineers began lowering the reservoir behind the Kessling Dam on Tuesday .\n")
    headline = choose_headline([Article(text, id="a")], [0.0])
    assert headline.startswith("Engineers began lowering the reservoir"), headline
    address = ("To those watching in the valley at this hour , good morning .\n"
               "Engineers began lowering the reservoir behind the Kessling Dam on Tuesday .\n")
    assert choose_headline([Article(address, id="c")], [0.0]).startswith("Engineers began lowering")
    said = choose_headline([Article("The mayor said good morning to the crowd before the vote on the dam .", id="b")], [0.0])
    assert said == "The mayor said good morning to the crowd before the vote on the dam"


@pytest.mark.parametrize("opening", [
    "We 're getting the first word of flooding downstream of the dam .",
    "So I thought I would ask the council to delay the vote .",
    "But not everyone in the valley agrees .",
])
def test_headline_passes_over_first_person_speech_and_sentences_that_go_on(opening: str) -> None:
    text = f"{opening}\nEngineers began lowering the reservoir behind the Kessling Dam on Tuesday .\n"
    headline = choose_headline([Article(text, id="a")], [0.0])
    assert headline.startswith("Engineers began lowering the reservoir"), headline
    assert choose_headline([Article(opening, id="b")], [0.0]) == ""  # no headline rather than a quote
