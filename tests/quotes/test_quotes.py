"""Quotes: direct and reported speech, speakers, offsets, odd input."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import storyline
from storyline.entities.extract import entities
from storyline.model import Article
from storyline.quotes.extract import quotes


def _one(text: str):
    return quotes([Article(id="a", text=text)]).quotes


def test_quotes_seeds_kirby_quotes_are_kirbys(seed_articles):
    found = quotes(seed_articles).quotes
    kirby = [q for q in found if "Kirby" in q.speaker]
    assert len(kirby) + sum(len(q.variants) for q in kirby) >= 5
    assert all(q.entity == "John Kirby" for q in kirby)
    he_said = [q for q in found if q.speaker == "he" and q.article.startswith("001")]
    assert he_said and all(q.entity == "John Kirby" for q in he_said)


def test_quotes_offsets_point_into_article_text(seed_articles):
    texts = {a.id: a.text for a in seed_articles}
    for q in quotes(seed_articles).quotes:
        assert texts[q.article][q.start : q.end] == q.text


def test_quotes_direct_after_and_before():
    found = _one('"We will not stop the talks," Mr Jones said.\n\nMary Smith said: "The plan is dead."')
    assert [(q.entity, q.text, q.cue, q.direct) for q in found] == [
        ("Jones", "We will not stop the talks", "said", True),
        ("Mary Smith", "The plan is dead.", "said", True),
    ]


def test_quotes_split_around_attribution_and_said_x():
    found = _one('"The talks failed," said Anna Berg, a senior envoy. "We go home now."')
    assert [q.text for q in found] == ["The talks failed", "We go home now."]
    assert {q.entity for q in found} == {"Anna Berg"}


def test_quotes_running_across_paragraphs():
    text = (
        'Reporter Tom Hale said: "The report is damning for the regime.\n\n'
        '"It names the units that carried out the attacks.\n\n'
        '"A showdown at the assembly is now likely."\n\n'
        "The meeting starts on Monday."
    )
    found = _one(text)
    assert len(found) == 3
    assert all(q.entity == "Tom Hale" and q.direct for q in found)
    assert found[1].text.startswith("It names")


def test_quotes_indirect_forms():
    text = (
        "Tom Hale met the envoys in Geneva.\n\n"
        "He said that the ceasefire would hold for another week.\n\n"
        "The convoy reached the city on Monday, a United Nations spokesman said.\n\n"
        "According to Red Cross officials, the roads were blocked for days."
    )
    found = _one(text)
    assert [(q.speaker, q.entity, q.direct) for q in found] == [
        ("He", "Tom Hale", False),
        ("a United Nations spokesman", "United Nations", False),
        ("Red Cross officials", "Red Cross", False),
    ]
    assert found[0].text == "that the ceasefire would hold for another week"
    assert found[1].text == "The convoy reached the city on Monday"


def test_quotes_scare_quotes_are_not_quotes():
    found = _one('The so-called "moderate opposition" held the district for a week.')
    assert found == ()


def test_quotes_odd_input_long_quote_and_unbalanced_marks():
    long_quote = "word " * 5000
    text = f'Ann Lee said: "{long_quote}\n\nThen “a quote ” " mixed " marks ” left open “ here'
    found = _one(text)
    assert found and found[0].entity == "Ann Lee"
    for q in found:
        assert text[q.start : q.end] == q.text


def test_quotes_all_caps_text_does_not_crash():
    text = 'OFFICIALS SAID "THE TALKS ARE OVER," THE MINISTER TOLD REPORTERS ON FRIDAY.'
    for q in _one(text):
        assert text[q.start : q.end] == q.text


_PIECES = st.sampled_from(
    ['"', "“", "”", "'", "’", " said ", " he ", "Mr Smith", ", ", ". ", "\n\n", "According to ",
     "that ", "THE UN", "John Kerry", ":", " told reporters ", "x" * 30]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=40))
def test_quotes_fuzz_quote_and_entity_spans_stay_inside_article(pieces):
    text = "".join(pieces)
    article = Article(id="f", text=text)
    for q in quotes([article]).quotes:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text
    for entity in entities([article]).entities:
        for m in entity.mentions:
            assert 0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.text


def test_quotes_doubled_apostrophes_are_quotation_marks():
    found = _one("''We will not back down,'' Mr. Ryan said on Tuesday.")
    assert [(q.entity, q.text, q.direct) for q in found] == [
        ("Ryan", "We will not back down", True)
    ]


def test_quotes_speaker_before_an_apposition():
    text = (
        "Brian Abernathy, the city's first deputy manager, said the flag was removed for good.\n\n"
        "The rally ended peacefully, said Mark Jones, a political scientist at Rice University."
    )
    found = _one(text)
    assert [(q.entity, q.text) for q in found] == [
        ("Brian Abernathy", "the flag was removed for good"),
        ("Mark Jones", "The rally ended peacefully"),
    ]


def test_quotes_partial_quote_inside_reported_speech_keeps_the_clause():
    found = _one('Paul Manafort said Trump has "several ways" of reaching the magic number.')
    assert [(q.entity, q.text, q.direct) for q in found] == [
        ("Paul Manafort", 'Trump has "several ways" of reaching the magic number', False)
    ]


def test_quotes_second_cue_shares_the_subject():
    text = "Ann Clark said the talks had stalled, but said the outcome was still open."
    found = _one(text)
    assert [(q.entity, q.text) for q in found] == [
        ("Ann Clark", "the talks had stalled"),
        ("Ann Clark", "the outcome was still open"),
    ]


def test_quotes_the_secretary_is_the_last_secretary_named():
    text = (
        "Secretary of State John Kerry met Sergei Lavrov in Geneva. State Department "
        "spokesman John Kirby said the talks went well. The secretary said the ceasefire "
        "would hold. The spokesman said the convoy had left."
    )
    found = _one(text)
    assert [(q.speaker, q.entity) for q in found] == [
        ("State Department spokesman John Kirby", "John Kirby"),
        ("The secretary", "John Kerry"),
        ("The spokesman", "John Kirby"),
    ]


def test_quotes_dates_and_nouns_are_not_speakers_or_cues():
    text = (
        "Kerry and Lavrov met, and on September 9 agreed to demand a ceasefire.\n\n"
        "The former secretary of state visited Geneva on Monday.\n\n"
        "Hundreds of civilians are thought to have been killed in recent weeks."
    )
    speakers = [q.speaker for q in _one(text)]
    assert not any(s[:1].isdigit() or "September" in s for s in speakers)
    assert "The former secretary of" not in speakers and "Hundreds of civilians" not in speakers


def test_quotes_list_an_article_with_no_prose_under_skipped():
    article = Article(id="a", text='"The bridge is safe," Mayor Lena Ortiz said on Monday.')
    promo = Article(id="promo", path="promo.txt", text="Advertisement\n\nShare this article\n\nLeave a Reply\n")
    result = quotes([article, promo])
    assert result.skipped == storyline.digest([article, promo]).skipped
    assert [(s.path, s.code) for s in result.skipped] == [("promo.txt", "nothing_left")]
    assert result.quotes == quotes([article]).quotes and result.quotes
def test_quotes_guillemets_and_low_opening_marks_are_quotation_marks():
    found = _one("« We will rebuild the bridge before winter, » the mayor said.\n\n"
                 "Anna Weber said: „The dam will hold through the spring floods.“\n\n"
                 "The minister said: „Nobody will be left without shelter tonight.”")
    assert [(q.text, q.direct) for q in found] == [
        ("We will rebuild the bridge before winter", True),
        ("The dam will hold through the spring floods.", True),
        ("Nobody will be left without shelter tonight.", True),
    ]
    assert [q.speaker for q in found] == ["the mayor", "Anna Weber", "The minister"]


def test_quotes_a_curly_opening_mark_does_not_close_another():
    # “ closes only a German „...“ quote: here the quote runs on to the first ”.
    found = _one('The envoy said: “The talks will go on “as long as it takes” and we will stay.')
    assert [q.text for q in found if q.direct] == ["The talks will go on “as long as it takes"]
