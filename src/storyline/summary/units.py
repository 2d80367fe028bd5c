"""The summary's candidates: single sentences, and quotations that run over several.

A quotation split over sentences (``Voss said: "The spillway was inspected ... recorded.``
then ``We will look at ... passed."``) is one candidate spanning all its sentences, so the
summary takes it whole or not at all and cites it once. ``quote_units`` groups a story's
kept sentences (in reading order, grouped by article) into such runs; a run is *intact*
when its quotation closes within ``MAX_QUOTE_SENTENCES`` consecutive sentences of one
article with nothing but white space between them (a quote that runs into the next
paragraph reopens there with a mark, as news prints it). Candidates that are not intact
start or end inside a quotation the summary could not show whole; they are never chosen.

``antecedent_units`` adds, for a sentence that points back ("He said ...", "The exchange
..." after a sentence naming the exchange), a candidate taking it with the sentence
before it, so the summary may take it with its antecedent, never without.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storyline.model import Article, Sentence
from storyline.summary.standalone import definite_nouns, opens_quote, quote_scan
from storyline.text import opens_with_pronoun, stem, tokens

__all__ = ["MAX_QUOTE_SENTENCES", "Unit", "antecedent_units", "quote_units", "unit_sentence"]

MAX_QUOTE_SENTENCES = 6
"""A quotation over more sentences than this is not offered whole: too long for a summary."""


@dataclass(frozen=True)
class Unit:
    """Consecutive sentences ``first`` to ``last`` (inclusive, positions in the story's
    sentence list) taken together; ``intact`` when every quotation in them closes."""

    first: int
    last: int
    intact: bool


def quote_units(sentences: Sequence[Sentence], articles: Mapping[str, Article]) -> list[Unit]:
    """Every sentence in exactly one unit, in order: quotations over several sentences
    joined, every other sentence on its own.

    Args:
        sentences: the story's kept sentences, grouped by article in reading order.
        articles: the story's articles by id (for the text between two sentences).
    """
    units: list[Unit] = []
    open_quote = False
    for position, sentence in enumerate(sentences):
        continuing = open_quote and _follows(sentences[position - 1], sentence, articles)
        if open_quote and not continuing:
            units[-1] = Unit(units[-1].first, units[-1].last, False)
        scan = quote_scan(sentence.text, open_at_start=continuing)
        if continuing:
            before = units.pop()
            first, intact = before.first, before.intact and position - before.first < MAX_QUOTE_SENTENCES
        else:
            first, intact = position, not scan.starts_inside
        units.append(Unit(first, position, intact))
        open_quote = scan.ends_inside
    if open_quote:
        units[-1] = Unit(units[-1].first, units[-1].last, False)
    return units


def antecedent_units(
    sentences: Sequence[Sentence], units: Sequence[Unit], articles: Mapping[str, Article]
) -> list[Unit]:
    """A sentence that leans on the one before it, taken with that one: for every unit
    opening with a pronoun, or with "The <noun>" whose words the sentence before names,
    the unit from the sentence before it to its end (both intact, next to each other in
    one article, the earlier one not leaning on its own predecessor by a pronoun)."""
    extra = []
    for before, unit in zip(units, units[1:]):
        if not (before.intact and unit.intact) or before.last - before.first >= MAX_QUOTE_SENTENCES:
            continue
        previous, first = sentences[before.last], sentences[unit.first]
        if not _adjacent(previous, first, articles) or opens_with_pronoun(sentences[before.first].text):
            continue
        nouns = definite_nouns(first.text)
        named = nouns is not None and bool(nouns & {stem(w) for w in tokens(previous.text)})
        if opens_with_pronoun(first.text) or named:
            extra.append(Unit(before.first, unit.last, True))
    return extra


def _adjacent(previous: Sentence, sentence: Sentence, articles: Mapping[str, Article]) -> bool:
    """Whether ``sentence`` is the next kept sentence after ``previous`` in its article,
    with only white space between them."""
    if previous.article != sentence.article or sentence.index != previous.index + 1:
        return False
    return not articles[sentence.article].text[previous.end : sentence.start].strip()


def _follows(previous: Sentence, sentence: Sentence, articles: Mapping[str, Article]) -> bool:
    """Whether ``sentence`` goes on ``previous``'s open quotation: the next kept sentence of
    the same article, only white space between, a new paragraph reopening the quote."""
    if not _adjacent(previous, sentence, articles):
        return False
    return "\n" not in articles[sentence.article].text[previous.end : sentence.start] or opens_quote(sentence.text)


def unit_sentence(unit: Unit, sentences: Sequence[Sentence], articles: Mapping[str, Article]) -> Sentence:
    """The unit as one ``Sentence`` span of its article (its first sentence when alone)."""
    first, last = sentences[unit.first], sentences[unit.last]
    if unit.first == unit.last:
        return first
    text = articles[first.article].text[first.start : last.end]
    return Sentence(first.article, first.index, first.start, last.end, text, first.paragraph)
