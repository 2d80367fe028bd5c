"""Who is involved: entity mentions merged across articles under canonical names.

``entities(articles)`` cleans each article, finds typed mentions in its kept sentences
(``mentions.find_mentions``), settles types across the whole story, and merges mentions
into ``Entity`` records. A name's type is the one with the most evidence over all its
mentions (``entity_cues``: lists, titles, "... Street", "the village of X", "X, a
spokeswoman", "in X"); a name with none keeps the guess its shape gives; a lone "Kerry"
is a person once "John Kerry" has been seen. Merging:

- people by surname, with first names that are spelling variants merged ("Sergei" and
  "Sergey Lavrov"), and a lone surname joined to the best-known full name;
- places through the country list (``entity_words.country_names``: "U.S.", "USA",
  "America" -> "United States"), a lone core joined to its place ("Aldern" -> "River
  Aldern");
- organisations by name, acronyms joined to the name they abbreviate ("ISSG" ->
  "International Syria Support Group"), and "U.N." to "UN"; a body named with and without
  its parent is one ("UN Security Council", "United Nations Security Council" and
  "Security Council" -> "United Nations Security Council") when the story names no other
  parent for it.

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

from storyline.clean.prose import clean_story
from storyline.entities.cues import CONTEXT_CUES, CUE_WEIGHTS, Cue, weigh
from storyline.entities.words import (
    CONNECTORS,
    FACILITY_LAST_WORDS,
    FIRST_NAMES,
    NAME_PARTICLES,
    ORG_ALIASES,
    ORG_NAMES,
    ORG_WORDS,
    PLACE_FIRST_WORDS,
    PLACE_LAST_WORDS,
    american_spelling,
    country_names,
    demonym_country,
)
from storyline.entities.mentions import RawMention, Vocabulary, build_vocabulary, find_mentions
from storyline.model import Article, CleanArticle, Entity, EntityList, Mention

__all__ = ["LEAD_SENTENCES", "entities", "extract_entities", "settle_types", "story_mentions"]

LEAD_SENTENCES = 3
"""Mentions in an article's first sentences count double for salience."""
STRONG_EVIDENCE = 3
"""A lone word with this much evidence for its type keeps it, even when it is also the
surname of a person or the core of a place name."""
FIRST_NAME_SIMILARITY = 0.7
"""First names this similar (difflib ratio, same initial) are one spelling ("Sergei"/"Sergey")."""


@dataclass(frozen=True)
class Found:
    """A mention with where it was found: article id and whether in the article's lead."""

    article: str
    lead: bool
    mention: RawMention


def entities(articles: Iterable[Article]) -> EntityList:
    """The entities of one story's ``articles``, most salient first (``EntityList.entities``).

    Articles with no prose left after cleaning are listed under ``skipped``.

    Raises:
        UsageError: two articles share an id.

    Example:
        >>> a = Article(id="a", text="Secretary of State John Kerry met Sergei Lavrov. Kerry said talks went well.")
        >>> [(e.name, e.type, len(e.mentions)) for e in entities([a]).entities][:2]
        [('John Kerry', 'PERSON', 2), ('Sergei Lavrov', 'PERSON', 1)]
    """
    kept, skipped = clean_story(list(articles))
    return EntityList(extract_entities(kept), skipped)


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
    """Give every mention of a name the type with the most evidence across the story.

    The evidence (``entity_cues``) of all mentions of one name is weighed together: what
    the name's own words say counts once, each context cue ("the village of X", "X, a
    spokeswoman", "in X") once per mention. A name with no evidence keeps the guess its
    shape gives. Then a lone word that is the surname of a person named in full becomes
    PERSON (so does a first name: "Mick" after "Mick Schumacher", unless it is a word of an
    organisation or place the story names, and no known given name: "House" after "House
    Oversight" stays with "White House"; "a top House Republican" names no person), and the
    core of a place
    name ("Aldern" of "River Aldern") a place, of a facility ("Kessling" of "Kessling Dam") a
    facility, unless its own evidence says otherwise; "Kerry-Lavrov" is split when both
    halves are known surnames.
    """
    types = _vote(found)
    people = [k for k, (kind, _) in types.items()
              if kind == "PERSON" and " " in k and demonym_country(_surname(k)) is None]
    surnames = {_surname(k) for k in people}
    in_names = {w for k, (kind, weight) in types.items() if kind != "PERSON" and weight > 0
                for w in k.split()}
    first_names = {f for f in map(_first_name, people) if f in FIRST_NAMES or f not in in_names}
    parts = {"PERSON": surnames | first_names,
             **{kind: {_place_core(k) for k, (voted, _) in types.items() if voted == kind} - {""}
                for kind in ("GPE", "FACILITY")}}
    settled = []
    for item in found:
        for mention in _split_names(item.mention, surnames):
            kind = _settled_type(mention, types, parts)
            if kind != mention.type:
                mention = RawMention(mention.start, mention.end, mention.text, kind,
                                     mention.title, mention.cues)
            settled.append(item if mention is item.mention else Found(item.article, item.lead, mention))
    return settled


def _vote(found: Sequence[Found]) -> dict[str, tuple[str, int]]:
    """Per folded name: the type its list gives a listed name ("BBC", "France"), else the
    type with the most evidence; and that evidence's weight."""
    own: dict[str, set[Cue]] = defaultdict(set)
    context: dict[str, list[Cue]] = defaultdict(list)
    guesses: dict[str, Counter] = defaultdict(Counter)
    for item in found:
        key = _fold(item.mention.text)
        for cue in item.mention.cues:
            if cue[1] in CONTEXT_CUES:
                context[key].append(cue)
            else:
                own[key].add(cue)
        guesses[key][item.mention.type] += 1
    types = {}
    for key, guess in guesses.items():
        if listed := next((kind for kind, cue in own[key] if cue == "known"), None):
            types[key] = (listed, CUE_WEIGHTS["known"])  # a listed name is what the list says
            continue
        totals = weigh([*own[key], *_most_say_so(context[key], guess.total())])
        best = max(totals, key=lambda kind: (totals[kind], guess[kind]), default="")
        if best and totals[best] > 0:
            types[key] = (best, totals[best])
        else:
            types[key] = (guess.most_common(1)[0][0], 0)
    return types


def _most_say_so(cues: list[Cue], mentions: int) -> list[Cue]:
    """``cues`` without the "not a name" ones unless at least half of a name's ``mentions``
    carry one ("the Monica Lewinsky scandal" once does not unmake a person)."""
    against = sum(1 for _, name in cues if name == "not a name")
    if not against or 2 * against >= mentions:
        return cues
    return [cue for cue in cues if cue[1] != "not a name"]


def _settled_type(
    mention: RawMention, types: dict[str, tuple[str, int]], parts: dict[str, set[str]]
) -> str:
    """The story's type for ``mention``; ``parts`` holds the names of people and the cores
    of places, the types a lone word takes when it has no strong evidence of its own."""
    key = _fold(mention.text)
    kind, weight = types.get(key, (mention.type, 0))
    if " " in key or weight >= STRONG_EVIDENCE:
        return kind
    if _surname(mention.text) in parts["PERSON"] and demonym_country(mention.text) is None:
        return "PERSON"
    for place in ("GPE", "FACILITY"):
        if key in parts[place]:
            return place
    return kind


def _place_core(key: str) -> str:
    """``key`` without its place word, when what is left is one word; else ""."""
    words = key.split()
    if len(words) != 2:
        return ""
    if words[0] in PLACE_FIRST_WORDS:
        return words[1]
    return words[0] if words[1] in PLACE_LAST_WORDS or words[1] in FACILITY_LAST_WORDS else ""


def _split_names(mention: RawMention, surnames: set[str]) -> list[RawMention]:
    parts = mention.text.split("-")
    if len(parts) < 2 or " " in mention.text or not all(_surname(p) in surnames for p in parts):
        return [mention]
    split, offset = [], mention.start
    for part in parts:
        split.append(RawMention(offset, offset + len(part), part, "PERSON"))
        offset += len(part) + 1
    return split


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
    """Merge mentions into entity groups: people, places, facilities, organisations, the rest."""
    by_type: dict[str, list[Found]] = defaultdict(list)
    for item in found:
        by_type[item.mention.type].append(item)
    groups = _people(by_type["PERSON"])
    groups += _places(by_type["GPE"])
    groups += _places(by_type["FACILITY"])
    groups += _organisations(by_type["ORG"])
    groups += _keyed(by_type["OTHER"], lambda m: _fold(m.text))
    return groups


def _keyed(found: Sequence[Found], key) -> list[list[Found]]:
    groups: dict[str, list[Found]] = defaultdict(list)
    for item in found:
        groups[key(item.mention)].append(item)
    return list(groups.values())


def _places(found: Sequence[Found]) -> list[list[Found]]:
    """Places by name (country aliases joined); a lone core joined to its place name."""
    groups: dict[str, list[Found]] = defaultdict(list)
    for item in found:
        groups[_place_key(item.mention)].append(item)
    cores: dict[str, list[str]] = defaultdict(list)
    for key in groups:
        core = _place_core(_fold(key))
        if core:
            cores[core].append(key)
    for core, keys in cores.items():
        if len(keys) == 1 and core in groups and core != keys[0]:
            groups[keys[0]] += groups.pop(core)
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
    for keys in _parent_families(groups).values():
        for key in keys[1:]:
            groups[keys[0]] += groups.pop(key)
    return list(groups.values())


def _parent_families(groups: dict[str, list[Found]]) -> dict[str, list[str]]:
    """Organisation keys that name one body with and without its parent ("un security
    council", "united nations security council", "security council"), by the key without
    its parent: joined only when every parent named with it is the same one (a story with
    "House Intelligence Committee" and "Senate Intelligence Committee" keeps both apart)."""
    parents: dict[str, set[str]] = defaultdict(set)
    members: dict[str, list[str]] = defaultdict(list)
    for key in groups:
        words = key.split()
        for cut in range(1, min(len(words) - 1, 3) + 1):
            body, parent = " ".join(words[cut:]), " ".join(words[:cut])
            if len(words) - cut >= 2 and words[-1] in ORG_WORDS and _is_parent(parent, groups):
                parents[body].add(_parent_id(parent))
                members[body].append(key)
                break
    return {body: [body, *keys] if body in groups else keys
            for body, keys in members.items() if len(parents[body]) == 1 and len(keys) + (body in groups) > 1}


def _is_parent(words: str, groups: dict[str, list[Found]]) -> bool:
    """Whether ``words`` (folded) name an organisation another can belong to: a known one or
    one of the story. (A country is no parent: "US State Department" stays apart.)"""
    compact = words.replace(".", "")
    return words in ORG_NAMES or compact in ORG_NAMES or words in groups or compact in groups


def _parent_id(words: str) -> str:
    """One spelling for a parent: its initials ("united nations" -> "un"), "u.n." -> "un"."""
    return _initials(words) or words.replace(".", "")


def _org_key(text: str) -> str:
    """An organisation's name folded: case, accents, a leading "the" and British spellings
    ("Organisation" -> "organization") ignored; a lone word without its dots ("U.N.")."""
    words = [american_spelling(w) for w in _fold(text).split()]
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
    """The name to show: the country name, the most used full name, the longest ORG name
    (an acronym of ``ORG_ALIASES`` by its full name);
    else the most used form, a form in capitals ("BRENFIELD") only when no other is seen."""
    if kind == "GPE":
        names = country_names()
        for form, _ in forms.most_common():
            canonical = names.get(form.lower()) or names.get(form.lower().replace(".", ""))
            if canonical:
                return canonical
    if kind == "ORG":
        longest = max(forms, key=lambda f: (len(f.split()), forms[f], f))
        return ORG_ALIASES.get(longest.lower(), longest)
    full = [(n, f) for f, n in forms.items() if len(f.split()) >= 2]
    if kind == "PERSON" and full:
        return max(full, key=lambda pair: (pair[0], -_first_seen(group, pair[1])))[1]
    written = {f.lower() for f in forms if not f.isupper()}
    return max(forms, key=lambda f: (not (f.isupper() and f.lower() in written), forms[f]))


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
