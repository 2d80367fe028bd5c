"""Finding and typing name mentions in one sentence, by rules over capitalised tokens.

No statistical tagger can be downloaded here, so a mention is a run of capitalised tokens
(with "of"/"al"-style connectors inside), stripped of sentence-initial words and of the
titles before a person's name, and typed PERSON, ORG, GPE, FACILITY or OTHER from the word lists in
``entity_words``. ``find_mentions`` works on any ``(start, end)`` span of a text, so the
CoNLL evaluation can feed it gold sentences and the pipeline its cleaned ones.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache

from storyline.entities.cues import Cue, common_noun_cues, context_cues, weigh
from storyline.entities.words import (
    CONNECTORS,
    FACILITY_LAST_WORDS,
    FIRST_NAMES,
    HONORIFICS,
    NAME_PARTICLES,
    NOT_NAMES,
    ORG_FIRST_WORDS,
    ORG_NAMES,
    ORG_WORDS,
    OTHER_LAST_WORDS,
    PERSON_TITLES,
    PLACE_FIRST_WORDS,
    PLACE_LAST_WORDS,
    PLACES,
    REGIONS,
    country_names,
    demonym_country,
)
from storyline.text import COMPOUND_WORD, Token

__all__ = [
    "RawMention", "Vocabulary", "build_vocabulary", "find_mentions", "known",
]

JOINERS = CONNECTORS | NAME_PARTICLES
"""Lower-case words that may stand inside a name ("Bank of England", "Ursula von der Leyen")."""
OPENING_DASH = re.compile(r"[—–]|\s--?\s")
"""A dash after which a sentence starts again (after a dateline)."""
POSSESSIVE = re.compile(r"['’]s?$")
MID_SENTENCE_NAME = re.compile(r"(?<=[a-z,] )[A-Z][\w]+")
DIRECTIONS = frozenset(
    "north south east west northern southern eastern western central upper lower greater".split()
)
TREEBANK_BRACKETS = frozenset({"LRB", "RRB", "LSB", "RSB", "LCB", "RCB"})
"""What tokenized archives write for brackets ("-LRB- Reuters -RRB-"): never a name."""
ALL_CAPS_SHARE = 0.6
"""A sentence with more all-capital words than this is shouting: only known names count."""
MAX_RUN = 8
"""Longest run of capitalised tokens taken as one name."""


@dataclass(frozen=True)
class RawMention:
    """A typed mention before merging.

    ``title`` is the title word before a person, if any; ``cues`` the evidence for its
    type (``entity_cues``): first the one its own words give, then those of its context.
    ``type`` is the type with the most evidence in this sentence alone.
    """

    start: int
    end: int
    text: str
    type: str
    title: str = ""
    cues: tuple[Cue, ...] = ()


def _match_tokens(match: re.Match[str]) -> list[Token]:
    """The tokens of one ``COMPOUND_WORD`` match: a possessive ("Iran's") cut off, and a name pair
    ("US-Russia", "Kerry-Lavrov") split in two."""
    word, stop = match.group(), match.end()
    cut = POSSESSIVE.search(word) if "'" in word or "’" in word else None
    if cut and cut.start() > 0 and "'" not in word[: cut.start()]:
        word, stop = word[: cut.start()], match.start() + cut.start()
    token = Token(match.start(), stop, word)
    return _split_pair(token) if "-" in word else [token]


def _name_candidates(text: str, start: int, end: int) -> tuple[list[Token], bool, set[int]]:
    """The tokens a name can be made of (capitalised words and the lower-case words that
    may join them), whether the sentence is shouting, and where its opening words start
    (its first word, and the first after a dash: "BRENFIELD (AVP) — Residents ...").

    Plain lower-case words are skipped without building a token: they only end a run,
    and the gap they leave does that as well (``_adjacent``)."""
    found: list[Token] = []
    letters = capitals = 0
    first = -1
    for match in COMPOUND_WORD.finditer(text, start, end):
        word = match.group()
        if first < 0:
            first = match.start()
        if len(word) > 1 and word.isalpha():
            letters += 1
            capitals += word.isupper()
        if (word[0].islower() and "-" not in word and word not in JOINERS) or word in TREEBANK_BRACKETS:
            continue
        found += _match_tokens(match)
    shouting = letters >= 4 and capitals / letters > ALL_CAPS_SHARE
    return found, shouting, _openings(text, start, end, first)


def _openings(text: str, start: int, end: int, first: int) -> set[int]:
    """Starts of the words that open ``text[start:end]``: ``first``, and the first word
    after each dash in it."""
    openings = {first}
    chunk = text[start:end]
    if "—" in chunk or "–" in chunk or " -" in chunk:
        for dash in OPENING_DASH.finditer(text, start, end):
            match = COMPOUND_WORD.search(text, dash.end(), end)
            if match:
                openings.add(match.start())
    return openings


def _split_pair(token: Token) -> list[Token]:
    parts = token.text.split("-")
    if len(parts) < 2 or not all(known(p.lower()) for p in parts):
        return [token]
    tokens, offset = [], token.start
    for part in parts:
        tokens.append(Token(offset, offset + len(part), part))
        offset += len(part) + 1
    return tokens


@dataclass(frozen=True)
class Vocabulary:
    """Evidence from the whole input about capitalised words at the start of a sentence.

    ``lower``: words seen in lower case; ``names``: words seen capitalised after a
    lower-case word or a comma, that is, capitalised for being names. ``memo`` keeps the
    mentions already found in a run of name tokens, by its text: a story names the same
    people and places again and again (3 runs in 4 repeat one seen before in a 50-article
    cluster), and what a run yields depends only on its text and on this vocabulary.
    """

    lower: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    memo: dict = field(default_factory=dict, compare=False, hash=False, repr=False)


def build_vocabulary(texts: Collection[str]) -> Vocabulary:
    """The ``Vocabulary`` of ``texts``."""
    lower: set[str] = set()
    names: set[str] = set()
    for text in texts:
        lower.update(w for w in set(COMPOUND_WORD.findall(text)) if w.islower())
        names.update(m.lower() for m in MID_SENTENCE_NAME.findall(text))
    return Vocabulary(frozenset(lower), frozenset(names))


def find_mentions(
    text: str, start: int, end: int, vocabulary: Vocabulary = Vocabulary()
) -> list[RawMention]:
    """Typed name mentions in the sentence ``text[start:end]``.

    Args:
        text: the article text; offsets are into it.
        start, end: the sentence span.
        vocabulary: what the whole input says about capitalised words (``build_vocabulary``).

    Returns:
        Mentions in reading order, each inside ``[start, end)``.
    """
    tokens, shouting, openings = _name_candidates(text, start, end)
    mentions: list[RawMention] = []
    for run in _runs(text, tokens):
        if shouting:
            mentions += _known_only(run)
        else:
            mentions += _remembered(text, run, run[0].start in openings, vocabulary)
    return [_with_context(text, (start, end), m) for m in mentions]


MEMO_SIZE = 50_000
"""Most runs a ``Vocabulary`` remembers the mentions of."""


def _remembered(text: str, run: list[Token], initial: bool, vocabulary: Vocabulary) -> list[RawMention]:
    """``_run_mentions`` through ``vocabulary.memo``: worked out once per run text, then
    moved to where this run stands. (A run's tokens follow from its text: they are the
    words between its spaces, as ``COMPOUND_WORD`` cuts them.)"""
    base = run[0].start
    key = (text[base : run[-1].end], len(run), initial)
    found = vocabulary.memo.get(key)
    if found is None:
        tokens = [Token(t.start - base, t.end - base, t.text) for t in run]
        found = tuple(_run_mentions(key[0], tokens, initial, vocabulary))
        if len(vocabulary.memo) < MEMO_SIZE:
            vocabulary.memo[key] = found
    return [RawMention(m.start + base, m.end + base, m.text, m.type, m.title, m.cues) for m in found]


def _capitalised(token: Token) -> bool:
    return _capital_word(token.text)


def _capital_word(text: str) -> bool:
    """Capitalised ("Kerry"), a particle name ("al-Assad") or a code ("5G", "9/11"-free)."""
    first = text[0]
    if first.isupper():
        return True
    head, _, tail = text.partition("-")
    if tail and head.lower() in NAME_PARTICLES:
        return tail[:1].isupper()
    return first.isdigit() and any(c.isupper() for c in text)


def _runs(text: str, tokens: list[Token]) -> list[list[Token]]:
    """Maximal runs of capitalised tokens joined by spaces or allowed lower-case words."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for index, token in enumerate(tokens):
        joined = bool(current) and _adjacent(text, current[-1], token)
        if _capitalised(token) and joined and len(current) < MAX_RUN:
            current.append(token)
        elif _capitalised(token):
            if current:
                runs.append(current)
            current = [token]
        elif joined and _may_join(token, current, tokens[index + 1 :], text):
            current.append(token)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [_trim_lower(run) for run in runs]


def _adjacent(text: str, left: Token, right: Token) -> bool:
    """Whether only a space (or an ampersand: "Calder & Pike") stands between two tokens."""
    gap = text[left.end : right.start]
    if len(gap) == 3 and gap == " & ":
        return True
    return gap.strip() == "" and "\n" not in gap and len(gap) <= 2


def _may_join(token: Token, run: list[Token], rest: list[Token], text: str) -> bool:
    """A lower-case connector joins a run only when a capitalised token follows at once."""
    if not rest or not _adjacent(text, token, rest[0]):
        return False
    if token.key in NAME_PARTICLES:
        return _capitalised(rest[0]) or rest[0].key in NAME_PARTICLES and len(rest) > 1
    if not _capitalised(rest[0]):
        return False
    if token.key == "the":
        return run[-1].key == "of"
    if token.key not in CONNECTORS:
        return False
    named = any(t.key in ORG_WORDS or t.key in PERSON_TITLES for t in run)
    return named or run[0].key in ORG_FIRST_WORDS


def _trim_lower(run: list[Token]) -> list[Token]:
    while run and not _capitalised(run[-1]):
        run = run[:-1]
    return run


def _run_mentions(
    text: str, run: list[Token], initial: bool, vocabulary: Vocabulary
) -> list[RawMention]:
    """Split one run into mentions: drop common first words, split off places and titles."""
    while run and _is_common(run, initial, vocabulary):
        run, initial = run[1:], False
    while run and run[0].key in CONNECTORS:
        run = run[1:]
    if not run or all(_is_title(t) for t in run):
        return []
    compound = next((i for i, t in enumerate(run) if _is_compound(t)), None)
    if compound is not None:
        token = run[compound]
        return [*_run_mentions(text, run[:compound], False, vocabulary),
                RawMention(token.start, token.end, token.text, "OTHER", "", (("OTHER", "compound"),)),
                *_run_mentions(text, run[compound + 1 :], False, vocabulary)]
    split = _title_split(run)
    if split:
        return [*_run_mentions(text, run[:split], False, vocabulary),
                *_run_mentions(text, run[split:], False, vocabulary)]
    whole = " ".join(t.key for t in run)
    if len(run) > 1 and not known(whole) and _type_of(run, "")[0] != "ORG":
        prefix = _prefix_place(run)
        if prefix:
            head = _mention(text, run[:prefix], "")
            return [head, *_run_mentions(text, run[prefix:], False, vocabulary)]
    title, run = _strip_titles(run)
    if not run or len(run) == 1 and len(run[0].text.rstrip(".")) == 1:
        return []  # a lone letter ("C" of "hepatitis C") names nothing
    return [_mention(text, run, title)]


def _is_title(token: Token) -> bool:
    key = token.key.split("-")[0]
    return key in HONORIFICS or key in PERSON_TITLES


def _is_compound(token: Token) -> bool:
    """A name glued to an ordinary word: "U.S.-owned", "post-Brexit" (not "al-Assad")."""
    parts = token.text.split("-")
    if len(parts) < 2 or parts[0].lower() in NAME_PARTICLES or _is_title(token):
        return False
    return any(p[:1].isupper() for p in parts) and any(p.islower() for p in parts)


def _title_split(run: list[Token]) -> int:
    """Where a person's title starts inside a longer run ("Foreign Office | Minister X")."""
    titles = [i for i, t in enumerate(run) if _is_title(t)]
    if not titles or titles[-1] == len(run) - 1:
        return 0
    after = run[titles[-1] + 1 :]
    if any(t.key in ORG_WORDS or t.key in CONNECTORS for t in after):
        return 0
    start = titles[-1]
    while start > 0 and (_is_title(run[start - 1]) or run[start - 1].key in CONNECTORS):
        start -= 1
    return start


def _is_common(run: list[Token], initial: bool, vocabulary: Vocabulary) -> bool:
    """Whether the first token of ``run`` is an ordinary word, capitalised by position (or,
    alone, by a heading: "Government" where the input also writes "government" and never
    capitalises it for being a name)."""
    key = run[0].key
    if not initial and key not in NOT_NAMES:
        return len(run) == 1 and key in vocabulary.lower and key not in vocabulary.names and not known(key)
    if any(known(" ".join(t.key for t in run[:size])) for size in (1, 2, 3)):
        return False
    if key in NOT_NAMES:
        return True
    if demonym_country(key) is not None or _named_compound(run[0]):
        return False
    if len(run) > 1:
        return key in vocabulary.lower and key not in vocabulary.names
    return key in vocabulary.lower or key not in vocabulary.names


def _named_compound(token: Token) -> bool:
    """A hyphenated word with a name in it after its first letter ("Post-Brexit", "London-listed")."""
    parts = token.text.split("-")
    if len(parts) < 2:
        return False
    named = (p[:1].isupper() and p.lower() not in NOT_NAMES for p in parts[1:])
    return any(named) or any(known(p.lower()) for p in parts)


@lru_cache(maxsize=65536)
def known(key: str) -> bool:
    """Whether a lower-case name is in the place or organisation lists."""
    compact = key.replace(".", "")
    names = country_names()
    return any(k in names or k in PLACES or k in ORG_NAMES or k in REGIONS for k in (key, compact))


def _prefix_place(run: list[Token]) -> int:
    """How many leading tokens name a place or nationality before the rest of a name."""
    for size in (3, 2, 1):
        if size < len(run):
            key = " ".join(t.key for t in run[:size])
            if known(key) or demonym_country(key) is not None:
                return size
    return 0


def _strip_titles(run: list[Token]) -> tuple[str, list[Token]]:
    """Cut leading honorifics and title words; returns (last title word, rest)."""
    title = ""
    cut = 0
    for index, token in enumerate(run[:-1]):
        if _is_title(token):
            title, cut = token.key, index + 1
        elif token.key in CONNECTORS and title:
            cut = index + 1
        else:
            break
    if cut and run[cut:] and run[-1].key in ORG_WORDS:
        return "", run
    rest = run[cut:]
    if cut and rest and rest[0].key in CONNECTORS:
        return "", []
    return title, rest


def _mention(text: str, run: list[Token], title: str) -> RawMention:
    start, end = run[0].start, run[-1].end
    own = ("ORG", "org word") if " & " in text[start:end] else _type_of(run, title)
    kind = own[0]
    cues = _single(own)
    if run[0].key in FIRST_NAMES and own[1] not in ("known", "title"):
        cues += (("PERSON", "first name"),)
        totals = weigh(cues)
        kind = max(totals, key=lambda k: (totals[k], k == kind))
    return RawMention(start, end, text[start:end], kind, title, cues)


@lru_cache(maxsize=64)
def _single(cue: Cue) -> tuple[Cue, ...]:
    """``(cue,)``, made once: mentions by the thousand share these few tuples."""
    return (cue,)


def _type_of(run: list[Token], title: str) -> Cue:
    """``(type, cue)`` for one run of name tokens from its own words: PERSON, ORG, GPE,
    FACILITY or OTHER, and the cue that decided it (``entity_cues.CUE_WEIGHTS``)."""
    key = " ".join(t.key for t in run)
    compact = key.replace(".", "")
    if key in ORG_NAMES or compact in ORG_NAMES:
        return "ORG", "known"
    if key in country_names() or compact in country_names() or key in PLACES or key in REGIONS:
        return "GPE", "known"
    if demonym_country(key) is not None:
        return "OTHER", "known"
    if len(run) > 1 and run[0].key in DIRECTIONS and known(" ".join(t.key for t in run[1:])):
        return "GPE", "known"
    if title:
        return "PERSON", "title"
    return _word_type(run) or _shape_type(run)


def _word_type(run: list[Token]) -> Cue | None:
    """The type a name's first or last word gives ("... Authority", "... Dam", "River ...",
    "... War")."""
    last = run[-1].key
    if last in ORG_WORDS or (len(run) > 2 and run[0].key in ORG_FIRST_WORDS):
        return "ORG", "org word"
    if len(run) > 1 and last in FACILITY_LAST_WORDS:
        return "FACILITY", "facility word"
    if len(run) > 1 and (last in PLACE_LAST_WORDS or run[0].key in PLACE_FIRST_WORDS):
        return "GPE", "place word"
    if len(run) > 1 and last in OTHER_LAST_WORDS:
        return "OTHER", "event word"
    return None


def _shape_type(run: list[Token]) -> Cue:
    """A guess from the look of a name alone (weight 0: any evidence overrides it)."""
    if len(run) == 1 and not any(c.isdigit() for c in run[0].text):
        return "ORG", "shape"  # a lone unknown name is most often a company or body (CoNLL++ dev)
    if 2 <= len(run) <= 4 and not _group_word(run[-1].key) and all(
            t.text[0].isupper() and t.text[1:].islower() or t.key in NAME_PARTICLES
            or "-" in t.text for t in run):
        return "PERSON", "shape"  # not "House Republicans": a group, not a name
    return "OTHER", "shape"


def _group_word(key: str) -> bool:
    """A word for a group of people ("Republican", "Democrats", "Americans"), not a surname
    (a singular nationality may be one: "Jeff French")."""
    country = demonym_country(key)
    return country == "" or (country is not None and key.endswith("s"))


def _with_context(text: str, sentence: tuple[int, int], mention: RawMention) -> RawMention:
    """``mention`` with the cues of its context added and its type re-weighed."""
    if mention.cues[0][1] == "compound":
        return mention
    extra = context_cues(text, sentence, (mention.start, mention.end))
    if mention.cues == (("PERSON", "shape"),):
        extra += common_noun_cues(text, sentence, (mention.start, mention.end))
    if not extra:
        return mention
    cues = (*mention.cues, *extra)
    totals = weigh(cues)
    best = max(totals, key=lambda kind: (totals[kind], kind == mention.type))
    kind = best if totals[best] > 0 else mention.type
    return RawMention(mention.start, mention.end, mention.text, kind, mention.title, cues)


def _known_only(run: list[Token]) -> list[RawMention]:
    """In shouting text, only single tokens from the place and organisation lists count."""
    found = []
    for token in run:
        kind, cue = _type_of([token], "")
        if known(token.key) and kind != "OTHER":
            found.append(RawMention(token.start, token.end, token.text, kind, "", ((kind, cue),)))
    return found
