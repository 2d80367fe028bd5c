"""Who is involved: entity mentions merged across articles under canonical names.

``entities(articles)`` cleans each article, finds typed mentions in its kept sentences
(``mentions.find_mentions``), settles types across the whole story (a lone "Kerry" is a
person once "John Kerry" has been seen), and merges mentions into ``Entity`` records:

- people by surname, with first names that are spelling variants merged ("Sergei" and
  "Sergey Lavrov"), and a lone surname joined to the best-known full name;
- places through the country list (``entity_words.country_names``: "U.S.", "USA",
  "America" -> "United States");
- organisations by name, acronyms joined to the name they abbreviate ("ISSG" ->
  "International Syria Support Group"), and "U.N." to "UN".

Salience ranks entities by mentions (those in an article's first sentences count double)
and by how many articles name them, scaled so the top entity has 1.0.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache

from storyline.clean import clean
from storyline.entity_words import CONNECTORS, NAME_PARTICLES, country_names, demonym_country
from storyline.mentions import RawMention, Vocabulary, build_vocabulary, find_mentions, known
from storyline.model import Article, CleanArticle, Entity, Mention

__all__ = ["LEAD_SENTENCES", "entities", "extract_entities", "settle_types", "story_mentions"]

LEAD_SENTENCES = 3
"""Mentions in an article's first sentences count double for salience."""
FIRST_NAME_SIMILARITY = 0.7
"""First names this similar (difflib ratio, same initial) are one spelling ("Sergei"/"Sergey")."""


@dataclass(frozen=True)
class Found:
    """A mention with where it was found: article id and whether in the article's lead."""

    article: str
    lead: bool
    mention: RawMention


def entities(articles: Iterable[Article]) -> tuple[Entity, ...]:
    """The entities of one story's ``articles``, most salient first.

    Example:
        >>> a = Article(id="a", text="Secretary of State John Kerry met Sergei Lavrov. Kerry said talks went well.")
        >>> [(e.name, e.type, len(e.mentions)) for e in entities([a])][:2]
        [('John Kerry', 'PERSON', 2), ('Sergei Lavrov', 'PERSON', 1)]
    """
    return extract_entities([clean(article) for article in articles])


def extract_entities(cleaned: Sequence[CleanArticle]) -> tuple[Entity, ...]:
    """``entities`` over already cleaned articles."""
    found = settle_types(story_mentions(cleaned))
    groups = _group(found)
    return _rank([_entity(group) for group in groups])


def story_mentions(
    cleaned: Sequence[CleanArticle], vocabulary: Vocabulary | None = None
) -> list[Found]:
    """Raw typed mentions in the kept sentences of every article, in reading order."""
    if vocabulary is None:
        vocabulary = build_vocabulary([c.article.text for c in cleaned])
    found = []
    for article in cleaned:
        text = article.article.text
        for position, sentence in enumerate(article.sentences):
            for mention in find_mentions(text, sentence.start, sentence.end, vocabulary):
                found.append(Found(article.article.id, position < LEAD_SENTENCES, mention))
    return found


def settle_types(found: Sequence[Found]) -> list[Found]:
    """Give lone names the type they have elsewhere in the story.

    A single word that is the surname of a person named in full becomes PERSON; a name
    left OTHER takes the type the same name has elsewhere; "Kerry-Lavrov" is split when
    both halves are known surnames.
    """
    surnames = {_surname(f.mention.text) for f in found if _is_full_name(f.mention)}
    typed = Counter(
        (f.mention.text.lower(), f.mention.type) for f in found if f.mention.type != "OTHER"
    )
    best = {}
    for (text, kind), _ in typed.most_common():
        best.setdefault(text, kind)
    settled = []
    for item in found:
        for mention in _split_names(item.mention, surnames):
            settled.append(replace(item, mention=_retype(mention, surnames, best)))
    return settled


def _retype(mention: RawMention, surnames: set[str], best: dict[str, str]) -> RawMention:
    if mention.type in ("PERSON", "GPE") or " " in mention.text or known(mention.text.lower()):
        return mention
    if demonym_country(mention.text) is not None:
        return mention
    if _surname(mention.text) in surnames:
        return replace(mention, type="PERSON")
    if mention.type == "OTHER" and mention.text.lower() in best:
        return replace(mention, type=best[mention.text.lower()])
    return mention


def _split_names(mention: RawMention, surnames: set[str]) -> list[RawMention]:
    parts = mention.text.split("-")
    if len(parts) < 2 or " " in mention.text or not all(_surname(p) in surnames for p in parts):
        return [mention]
    split, offset = [], mention.start
    for part in parts:
        split.append(RawMention(offset, offset + len(part), part, "PERSON"))
        offset += len(part) + 1
    return split


def _is_full_name(mention: RawMention) -> bool:
    return mention.type == "PERSON" and len(mention.text.split()) >= 2


@lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    """Lower case without accents, for comparing spellings."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _surname(name: str) -> str:
    last = _fold(name.split()[-1]) if name.split() else ""
    head, _, tail = last.partition("-")
    return tail if tail and head in NAME_PARTICLES else last


def _first_name(name: str) -> str:
    return _fold(name.split()[0])


def _group(found: Sequence[Found]) -> list[list[Found]]:
    """Merge mentions into entity groups: people, places, organisations, the rest."""
    by_type: dict[str, list[Found]] = defaultdict(list)
    for item in found:
        by_type[item.mention.type].append(item)
    groups = _people(by_type["PERSON"])
    groups += _keyed(by_type["GPE"], _place_key)
    groups += _organisations(by_type["ORG"])
    groups += _keyed(by_type["OTHER"], lambda m: _fold(m.text))
    return groups


def _keyed(found: Sequence[Found], key) -> list[list[Found]]:
    groups: dict[str, list[Found]] = defaultdict(list)
    for item in found:
        groups[key(item.mention)].append(item)
    return list(groups.values())


def _place_key(mention: RawMention) -> str:
    names = country_names()
    text = mention.text.lower()
    return (names.get(text) or names.get(text.replace(".", "")) or text).lower()


def _people(found: Sequence[Found]) -> list[list[Found]]:
    """People by surname; first-name spelling variants merged; lone surnames attached."""
    clusters: dict[str, list[tuple[str, list[Found]]]] = defaultdict(list)
    lone: list[Found] = []
    for item in found:
        if len(item.mention.text.split()) < 2:
            lone.append(item)
            continue
        _add_full(clusters[_surname(item.mention.text)], item)
    extra: dict[str, list[Found]] = defaultdict(list)
    for item in lone:
        options = clusters.get(_surname(item.mention.text))
        if options:
            max(options, key=lambda c: len(c[1]))[1].append(item)
        else:
            extra[_fold(item.mention.text)].append(item)
    return [group for options in clusters.values() for _, group in options] + list(extra.values())


def _add_full(options: list[tuple[str, list[Found]]], item: Found) -> None:
    first = _first_name(item.mention.text)
    for known, group in options:
        if _same_first_name(known, first):
            group.append(item)
            return
    options.append((first, [item]))


def _same_first_name(a: str, b: str) -> bool:
    if a == b:
        return True
    if a[:1] != b[:1]:
        return False
    return SequenceMatcher(None, a, b).ratio() >= FIRST_NAME_SIMILARITY


def _organisations(found: Sequence[Found]) -> list[list[Found]]:
    """Organisations by name; acronyms joined to the name they abbreviate."""
    groups: dict[str, list[Found]] = defaultdict(list)
    for item in found:
        groups[_org_key(item.mention.text)].append(item)
    initials = {}
    for key in groups:
        letters = _initials(key)
        if len(letters) >= 2:
            initials.setdefault(letters, key)
    for key in list(groups):
        target = initials.get(key)
        if " " not in key and target and target != key:
            groups[target] += groups.pop(key)
    return list(groups.values())


def _org_key(text: str) -> str:
    words = _fold(text).split()
    if words and words[0] == "the":
        words = words[1:]
    if len(words) == 1:
        return words[0].replace(".", "")
    return " ".join(words)


def _initials(key: str) -> str:
    words = [w for w in key.split() if w not in CONNECTORS]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def _entity(group: Sequence[Found]) -> Entity:
    mentions = tuple(
        Mention(f.article, f.mention.start, f.mention.end, f.mention.text) for f in group
    )
    kind = group[0].mention.type
    forms = Counter(" ".join(m.text.split()) for m in mentions)
    name = _canonical(forms, kind, group)
    aliases = tuple(sorted(f for f in forms if f != name))
    score = sum(2 if f.lead else 1 for f in group) + 2 * len({m.article for m in mentions})
    return Entity(name, kind, aliases, float(score), mentions)


def _canonical(forms: Counter, kind: str, group: Sequence[Found]) -> str:
    """The name to show: the country name, the most used full name, the longest ORG name."""
    if kind == "GPE":
        names = country_names()
        for form, _ in forms.most_common():
            canonical = names.get(form.lower()) or names.get(form.lower().replace(".", ""))
            if canonical:
                return canonical
    if kind == "ORG":
        return max(forms, key=lambda f: (len(f.split()), forms[f], f))
    full = [(n, f) for f, n in forms.items() if len(f.split()) >= 2]
    if kind == "PERSON" and full:
        return max(full, key=lambda pair: (pair[0], -_first_seen(group, pair[1])))[1]
    return forms.most_common(1)[0][0]


def _first_seen(group: Sequence[Found], form: str) -> int:
    for index, item in enumerate(group):
        if " ".join(item.mention.text.split()) == form:
            return index
    return len(group)


def _rank(found: list[Entity]) -> tuple[Entity, ...]:
    """Scale salience to 0..1 (top entity 1.0) and sort most salient first."""
    top = max((e.salience for e in found), default=1.0)
    scaled = [replace(e, salience=round(e.salience / top, 3)) for e in found]
    return tuple(sorted(scaled, key=lambda e: (-e.salience, e.name)))
