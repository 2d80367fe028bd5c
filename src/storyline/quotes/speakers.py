"""Speakers and cues: the word layer that direct and reported speech share.

A cue is a lower-case speech or attitude verb not used as a noun ("a phone call", "Trump's
claims", "secretary of state"); a speaker is the phrase next to it: a name, a pronoun, a
description headed by a speaker noun or opened by a determiner ("the source"), or a name
set off before an apposition (``Ann Lee, a senior envoy, said``). Rules by hand: no
parser or tagger can be downloaded here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.quotes.words import (
    CUE_VERBS,
    DATE_WORDS,
    DETERMINERS,
    PRONOUNS,
    SPEAKER_NOUNS,
    SPEAKER_STOP,
)
from storyline.entities.words import PERSON_TITLES
from storyline.text import COMPOUND_WORD, QUOTE_MARK, Offsets, Token, word_tokens

__all__ = [
    "AUXILIARIES",
    "Attribution",
    "BE_FORMS",
    "BOUNDARY",
    "MAX_SPEAKER_WORDS",
    "after_be",
    "inside",
    "is_cue",
    "leading_phrase",
    "make_attribution",
    "plausible_speaker",
    "speaker_like",
    "speaker_right",
    "subject",
    "words_of",
]


MAX_SPEAKER_WORDS = 8


AUXILIARIES = frozenset(
    """has had have also later would will did does do is was were are been previously then
    further repeatedly publicly recently once again earlier already reportedly privately
    still has not never should could can may might must""".split()
)


PEOPLE_ENDINGS = ("ers", "ors", "ists", "ians", "ants", "ents", "ees", "men", "women")
"""Plural nouns for people ("forecasters", "activists", "residents")."""


BE_FORMS = frozenset("is are was were be been being".split())


NOUN_CUES = frozenset("state states".split())
CALL_FORMS = frozenset("call calls called calling".split())
ANNOUNCE_FORMS = frozenset("announce announces announced announcing".split())
DESIRE_FORMS = frozenset("want wants wanted prefer prefers preferred".split())
"""Cue words of wanting: before "to" they name an aim ("did not want to say"), not speech."""
REPORT_NOUNS = frozenset("report reports".split())
"""Cue words that are more often a noun or adjective: a cue only before "that"."""


PLURAL_NOUN_CUES = frozenset(
    """tweets claims calls questions mentions echoes praises promises pledges hopes fears
    charges demands estimates supports notes reports findings""".split()
)
"""Cue forms that are also plural nouns (``his early-morning tweets``): a cue only after a
name, a pronoun or a speaker noun (``Trump tweets``, ``the campaign claims``)."""


NOUN_MARKERS = frozenset(
    """a an the this that these those his her their its our my your new phone telephone of
    several many some any no every each""".split()
)
"""Words before a cue that make it a noun."""


BOUNDARY = re.compile(r"[,;:()\[\]—–]|\s-\s|" + QUOTE_MARK.pattern)
"""Punctuation or a quotation mark between two words: a speaker phrase does not cross it."""


ASIDE_MARK = re.compile(r"[,()]|\s[-—–]\s|[—–]")


@dataclass(frozen=True)
class Attribution:
    """Content ``(start, end)`` with its cue span, speaker span (or ``None``), kind, and the
    span of who was told (``warned Russia that ...``), if any."""

    start: int
    end: int
    cue: Offsets
    speaker: Offsets | None
    direct: bool
    addressee: Offsets | None = None


def words_of(text: str, start: int, end: int) -> list[Token]:
    """The words of ``text[start:end]`` as attribution reads them: ``COMPOUND_WORD`` tokens,
    so "U.S." or "al-Assad" is one word of a speaker phrase."""
    return word_tokens(text, start, end, pattern=COMPOUND_WORD)


def inside(span: Offsets, covered: Sequence[Offsets]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in covered)


def is_cue(words: list[Token], index: int) -> bool:
    """A lower-case cue verb, not used as a noun ("a phone call", "the report", "Trump's
    claims", "secretary of state") nor "state" as an adjective ("state officials")."""
    word = words[index]
    if word.key not in CUE_VERBS or not word.text.islower():
        return False
    following = words[index + 1].key if index + 1 < len(words) else ""
    if word.key in NOUN_CUES and following != "that":
        return False
    if _action(word.key, following):
        return False
    if index == 0:
        return True
    previous = words[index - 1]
    if previous.key in NOUN_MARKERS or previous.key.endswith(("'s", "’s")):
        return False
    if word.key in PLURAL_NOUN_CUES:
        key = previous.key
        return previous.text[0].isupper() or key in PRONOUNS or key in SPEAKER_NOUNS
    return True


def _action(key: str, following: str) -> bool:
    """A cue word used for an act, not speech: "called his counterpart" (a phone call; "called
    for" and "called on" are speech), "announced an offensive", "wanted to leave", "a report
    about"."""
    if key in CALL_FORMS:
        return following not in ("for", "on")
    if key in ANNOUNCE_FORMS:
        return following in ("a", "an")
    if key in DESIRE_FORMS:
        return following == "to"
    return key in REPORT_NOUNS and following in ("about", "of", "on", "into", "written")


def subject(text: str, words: list[Token], index: int, floor: int) -> Offsets | None:
    """The speaker before the cue ``words[index]``: next to it, or before an apposition.
    None for a passive cue ("are thought to", "was told"): its subject is not the source."""
    participle = words[index].key.endswith("ing")
    if not participle and after_be(words, index):
        return None
    speaker = _speaker_left(text, words[:index], words[index].start)
    gap = text[words[index - 1].end : words[index].start].strip() if index else ""
    if speaker is None and gap == "," and not participle:
        speaker = _appositive_speaker(text, words[:index], floor)
    if speaker is None and gap.endswith(")"):
        speaker = _before_brackets(text, words[:index], floor)
    return speaker


def _before_brackets(text: str, words: list[Token], floor: int) -> Offsets | None:
    """``Sen. Ann Lee (D-Ore.) said``: the speaker before a bracketed aside that ends right
    before the cue (a party and state, an age, an abbreviation)."""
    opening = text.rfind("(", floor, words[-1].end)
    if opening < 0:
        return None
    before = [w for w in words if w.end <= opening]
    return _speaker_left(text, before, opening) if before else None


def after_be(words: list[Token], index: int) -> bool:
    """Whether a form of "be" stands among the auxiliaries right before ``words[index]``."""
    while index and words[index - 1].key in AUXILIARIES:
        if words[index - 1].key in BE_FORMS:
            return True
        index -= 1
    return False


def _speaker_left(text: str, words: list[Token], limit: int) -> Offsets | None:
    """The speaker phrase ending right before a cue at ``limit`` (auxiliaries like "has"
    skipped); none when a comma or an infinitive "to" stands between."""
    end = len(words)
    while end and (words[end - 1].key in AUXILIARIES or words[end - 1].key.endswith("ly")):
        end -= 1
    if not end or words[end - 1].key == "to":
        return None
    if BOUNDARY.search(text, words[end - 1].end, limit):
        return None
    begin = end
    while begin and end - begin < MAX_SPEAKER_WORDS:
        word = words[begin - 1]
        if word.key in SPEAKER_STOP or word.key in DATE_WORDS:
            break
        if word.key in CUE_VERBS and word.text.islower():
            break
        after = words[begin].start if begin < end else word.end
        if begin < end and BOUNDARY.search(text, word.end, after):
            break
        begin -= 1
    phrase = words[begin:end]
    return plausible_speaker(phrase)


def speaker_right(text: str, words: list[Token]) -> Offsets | None:
    """The speaker phrase right after a cue (``said Russia's foreign ministry``)."""
    return plausible_speaker(leading_phrase(text, words[:MAX_SPEAKER_WORDS], SPEAKER_STOP))


def leading_phrase(text: str, words: list[Token], stops: frozenset[str]) -> list[Token]:
    """The first ``words``, up to a word in ``stops`` or a ``BOUNDARY`` mark between two."""
    phrase: list[Token] = []
    for word in words:
        if word.key in stops:
            break
        if phrase and BOUNDARY.search(text, phrase[-1].end, word.start):
            break
        phrase.append(word)
    return phrase


def plausible_speaker(phrase: list[Token]) -> Offsets | None:
    """A speaker: a pronoun, a capitalised name, or a phrase headed by a speaker noun."""
    if not phrase or all(w.key.isdigit() for w in phrase):
        return None
    keys = [w.key for w in phrase]
    named = any(w.text[0].isupper() for w in phrase)
    if (len(phrase) == 1 and keys[0] in PRONOUNS) or named or keys[-1] in SPEAKER_NOUNS:
        return phrase[0].start, phrase[-1].end
    if keys[-1] in ("percent", "%") or any(k.isdigit() for k in keys):
        return phrase[0].start, phrase[-1].end
    if keys[0] in DETERMINERS or _plural_noun(keys[-1]):
        return phrase[0].start, phrase[-1].end
    return None


def speaker_like(text: str, speaker: Offsets | None) -> bool:
    """Whether a speaker phrase that names no entity can still be a speaker: a pronoun, a
    name (a capital past its first word), or a phrase headed by a speaker noun, a title or a noun
    for people ("engineers", "activists"); "Food aid", "their information" and "Every
    three months" cannot. No phrase at all (an unattributed quote) is kept."""
    if speaker is None:
        return True
    words = words_of(text, *speaker)
    if not words:
        return False
    head = words[-1].key
    if len(words) == 1 and head in PRONOUNS:
        return True
    if any(w.text[0].isupper() for w in words[1:]) or head in SPEAKER_NOUNS | PERSON_TITLES:
        return True
    if len(words) == 1 and words[0].text[0].isupper():
        return True
    return head.endswith(PEOPLE_ENDINGS)


def _plural_noun(key: str) -> bool:
    """A word that reads as a plural noun ("participants", "critics"), not "his" or "this"."""
    return len(key) > 3 and key.endswith("s") and not key.endswith(("ss", "us", "is", "ous"))


def _appositive_speaker(text: str, words: list[Token], floor: int) -> Offsets | None:
    """``Ann Lee, a senior envoy, said``: the name before one or more comma-set phrases
    (appositions, "however", "in her dissent") that end right before the cue."""
    chunks = _comma_chunks(text, words, floor)
    if len(chunks) < 2:
        return None
    if _plain_name(chunks[-1]):
        return plausible_speaker(chunks[-1])
    if not (_is_aside(chunks[-1]) or _is_title(chunks[-1])):
        return None
    for position in range(len(chunks) - 2, -1, -1):
        if not _is_aside(chunks[position]):
            chunk = chunks[position]
            return plausible_speaker(chunk) if len(chunk) <= MAX_SPEAKER_WORDS else None
    return None


def _comma_chunks(text: str, words: list[Token], floor: int) -> list[list[Token]]:
    """``words`` split where a comma, dash or bracket stands between two of them."""
    chunks: list[list[Token]] = [[]]
    previous = floor
    for word in words:
        if chunks[-1] and ASIDE_MARK.search(text, previous, word.start):
            chunks.append([])
        chunks[-1].append(word)
        previous = word.end
    return chunks


def _is_aside(chunk: list[Token]) -> bool:
    """A phrase set off by commas that is not a name: it opens with a lower-case word or
    a number ("a former governor", "who ran in 2008", "39", "however")."""
    first = chunk[0].text
    if chunk[0].key in PRONOUNS and chunk[0].key != "who":
        return False
    return first[0].islower() or first[0].isdigit()


def _is_title(chunk: list[Token]) -> bool:
    """A title set off by commas right before the cue, after the name it belongs to: it
    has lower-case words in it ("Senator Ann Lee, Democrat of California, said")."""
    return any(w.text.islower() for w in chunk[1:])


def _plain_name(chunk: list[Token]) -> bool:
    """A name set off by commas after a description of its bearer ("The state's campaign
    chairman, Phil Lovas, said"): two to four words, each capitalised."""
    return 2 <= len(chunk) <= 4 and all(w.text[0].isupper() for w in chunk)


def make_attribution(
    text: str, start: int, end: int, cue: Offsets, speaker: Offsets | None,
    addressee: Offsets | None = None,
) -> Attribution | None:
    """An indirect attribution of ``text[start:end]`` trimmed of marks and end punctuation;
    ``None`` when fewer than two words are left."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?"):
        end -= 1
    while start < end and (text[start].isspace() or QUOTE_MARK.match(text, start)):
        mark = QUOTE_MARK.match(text, start)
        start = mark.end() if mark else start + 1
    if len(words_of(text, start, end)) < 2:
        return None
    return Attribution(start, end, cue, speaker, False, addressee)
