"""Entities: mentions, types, merging across articles, salience, offsets."""

from __future__ import annotations

import pytest

import storyline
import storyline.render.view
from storyline.entities.extract import entities
from storyline.entities.mentions import build_vocabulary, find_mentions
from storyline.model import Article


def _by_name(found):
    return {e.name: e for e in found}


def test_entities_seeds_merge_variants_once(seed_articles):
    found = entities(seed_articles).entities
    for surname in ("Kerry", "Lavrov", "Assad", "Kirby"):
        people = [e for e in found if e.type == "PERSON" and surname in e.name]
        assert len(people) == 1, (surname, [e.name for e in people])
    lavrov = next(e for e in found if "Lavrov" in e.name)
    assert {"Sergei Lavrov", "Sergey Lavrov"} <= {lavrov.name, *lavrov.aliases}
    kerry = next(e for e in found if "Kerry" in e.name)
    assert kerry.name == "John Kerry" and "Kerry" in kerry.aliases


def test_entities_seeds_places_and_acronyms(seed_articles):
    found = _by_name(entities(seed_articles).entities)
    assert {"US", "U.S.", "USA", "America"} <= set(found["United States"].aliases)
    assert "Russian Federation" in found["Russia"].aliases
    assert "ISSG" in found["International Syria Support Group"].aliases
    assert found["United States"].type == "GPE"
    assert found["State Department"].type == "ORG"


def test_entities_offsets_point_into_article_text(seed_articles):
    texts = {a.id: a.text for a in seed_articles}
    for entity in entities(seed_articles).entities:
        for m in entity.mentions:
            assert texts[m.article][m.start : m.end] == m.text


def test_entities_salience_ranks_story_protagonists_first(seed_articles):
    found = entities(seed_articles).entities
    assert found[0].salience == 1.0
    assert all(a.salience >= b.salience for a, b in zip(found, found[1:]))
    top_people = [e.name for e in found if e.type == "PERSON"][:2]
    assert top_people == ["John Kerry", "Sergei Lavrov"]


def test_entities_titles_are_not_part_of_names():
    text = "Secretary of State John Kerry met Foreign Minister Sergei Lavrov. Mr Kerry left."
    spans = [m.text for m in find_mentions(text, 0, len(text), build_vocabulary([text]))]
    assert spans == ["John Kerry", "Sergei Lavrov", "Kerry"]


def test_entities_sentence_starts_are_not_names():
    article = Article(id="a", text="However, talks in Geneva failed. Meanwhile the UN waited.")
    names = {e.name for e in entities([article]).entities}
    assert names == {"Geneva", "United Nations"}  # "UN" by its full name (ORG_ALIASES)


@pytest.mark.parametrize(
    "text",
    [
        "THE UNITED STATES AND RUSSIA CLASH OVER SYRIA AT THE UN.",
        "“Unbalanced quote. ” \" mixed “ marks",
        "A" * 5000,
        "",
        "- — ' ’ \" “",
    ],
)
def test_entities_odd_input_keeps_spans_inside(text):
    article = Article(id="odd", text=text)
    for entity in entities([article]).entities:
        for m in entity.mentions:
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start : m.end] == m.text


def test_entities_places_typed_by_place_words_and_contexts(example_articles):
    found = _by_name(entities(example_articles).entities)
    places = ["Marrow Ford", "River Aldern", "Tanner Street", "Valley Road",
              "Brenfield", "East Bank", "Hollin Cross", "Northgate"]  # Kessling Dam: a facility (issue 19)
    assert {name: found[name].type for name in places} == dict.fromkeys(places, "GPE")
    people = ["Katerina Voss", "Tomas Hallbeck", "Helena Marsh", "Oren Maddock"]
    assert {name: found[name].type for name in people} == dict.fromkeys(people, "PERSON")
    assert found["Lower Aldern Water Authority"].type == "ORG"
    assert found["Calder & Pike Engineering"].type == "ORG"
    assert "BRENFIELD" in found["Brenfield"].aliases


def test_entities_context_decides_an_unknown_name():
    text = ("Engineers inspected the dam near Oxley on Monday. "
            "Ruth Pell, a spokeswoman for the firm Tarvick, said Oxley was safe. "
            "The consultancy Norbrook Surveys agreed. Trains to Oxley ran again.")
    found = _by_name(entities([Article(id="a", text=text)]).entities)
    assert found["Oxley"].type == "GPE"
    assert found["Ruth Pell"].type == "PERSON"
    assert found["Tarvick"].type == "ORG"
    assert found["Norbrook Surveys"].type == "ORG"


def test_entities_type_weighs_evidence_from_all_mentions():
    text = ("Families from Glenmoor were moved. The village of Glenmoor lies below the dam. "
            "Glenmoor said nothing. Residents of Glenmoor waited.")
    found = _by_name(entities([Article(id="a", text=text)]).entities)
    assert found["Glenmoor"].type == "GPE"
    assert len(found["Glenmoor"].mentions) == 4


def test_entities_dateline_opens_a_sentence():
    article = Article(id="a", text="BRENFIELD (AVP) — Residents returned to Brenfield on Friday.")
    found = _by_name(entities([article]).entities)
    assert set(found) == {"Brenfield", "AVP"}
    assert found["Brenfield"].type == "GPE"


def test_entities_list_an_article_with_no_prose_under_skipped():
    article = Article(id="a", text="Mayor Lena Ortiz opened the new bridge in Holm on Monday.")
    promo = Article(id="promo", path="promo.txt", text="Advertisement\n\nShare this article\n\nLeave a Reply\n")
    result = entities([article, promo])
    assert result.skipped == storyline.digest([article, promo]).skipped
    assert [(s.path, s.code) for s in result.skipped] == [("promo.txt", "nothing_left")]
    assert result.entities == entities([article]).entities


def test_entities_facilities_typed_apart_from_places(example_articles):
    found = entities(example_articles).entities
    dam = next(e for e in found if e.name == "Kessling Dam")
    assert dam.type == "FACILITY"
    assert {"Kessling Dam", "Kessling Barrage"}.isdisjoint(e.name for e in found if e.type == "GPE")
    shown = storyline.render.view.entity_entries(found)
    assert ("Kessling Dam", "FACILITY") in [(e.name, e.type) for e in shown]


def test_entities_organisation_with_and_without_its_parent_is_one(seed_articles):
    councils = [e for e in entities(seed_articles).entities if "Security Council" in e.name]
    assert [e.name for e in councils] == ["United Nations Security Council"]
    assert {"Security Council", "UN Security Council"} <= set(councils[0].aliases)
    assert councils[0].type == "ORG"


def test_entities_parent_join_keeps_two_parents_apart():
    text = ("The House Intelligence Committee met on Monday. The Senate Intelligence Committee "
            "met on Tuesday. The Intelligence Committee chairman spoke to the Senate.")
    names = {e.name for e in entities([Article(id="a", text=text)]).entities}
    assert {"House Intelligence Committee", "Senate Intelligence Committee"} <= names


def test_entities_capitalised_common_nouns_are_not_people(shared_data):
    from storyline.evaluate.multinews import load_multinews

    clusters, _ = load_multinews(shared_data / "multinews" / "validation.csv")
    house = _by_name(entities(list(clusters[9].articles)).entities)["House"]
    assert house.type == "ORG" and len(house.mentions) >= 5
    bunch = _by_name(entities(list(clusters[3].articles)).entities)["Brainy Bunch"]
    assert bunch.type != "PERSON"
    people = _by_name(entities(list(clusters[3].articles)).entities)
    assert people["Mona Lisa Harding"].type == "PERSON"


def test_entities_treebank_bracket_tokens_are_never_names(shared_data):
    # tokenized archives write brackets as -LRB- and -RRB- ("... Organization -LRB- WHO -RRB- said")
    folder = shared_data / "timeline17" / "H1N1_reuters" / "InputDocs"
    pages = [p for p in sorted(folder.glob("*/*.txt"))[:40] if "-LRB-" in p.read_text(encoding="utf-8")]
    assert pages
    articles = [Article(p.read_text(encoding="utf-8"), id=str(p)) for p in pages]
    names = {e.name for e in entities(articles).entities}
    assert names and not names & {"LRB", "RRB", "LSB", "RSB"}


def test_entities_h1n1_coverage_names_its_bodies_once_and_by_their_kind(shared_data):
    from storyline.evaluate.timeline17 import load_topic

    found = load_topic(shared_data / "timeline17" / "H1N1_bbc").articles
    chosen = sorted(found, key=lambda a: (a.published, a.path))[:80]
    named = _by_name(entities(chosen).entities)
    who = [name for name in named if name.startswith("World Health Organi")]
    assert len(who) == 1 and len(named[who[0]].mentions) >= 150  # both spellings, one body
    assert named["BBC"].type == "ORG"  # listed: "on the BBC" makes it no place
    assert named["Swine Flu"].type == "OTHER"
    assert not {"T", "C", "TV", "Philippine Health"} & set(named)


def test_entities_a_listed_acronym_is_named_by_its_full_name():
    article = Article(id="a", text="The WHO said on Monday that the outbreak in the valley had spread to two towns .")
    (who,) = [e for e in entities([article]).entities if e.type == "ORG"]
    assert who.name == "World Health Organization" and "WHO" in who.aliases
    assert all(article.text[m.start:m.end] == "WHO" for m in who.mentions)  # the text cited is what was written
