"""Finding attributions in one article: quoted and reported content, its cue and speaker.

Rules over the cleaned sentences (no model can be downloaded here):

- direct quotes are the text between quotation marks (curly or straight, mixed, or an
  opening mark left open to the end of the paragraph, as a quote running on into the next
  paragraph is written); the speaker is named next to it (``"...," X said``, ``X said:
  "..."``, ``"...," said X``) or carried over from the quote before it (a quote split
  around its attribution, or continued in the next paragraph);
- indirect attributions are built around a cue verb: ``X said (that) ...``, ``..., X
  said.``, ``..., said X.``, ``according to X, ...`` and ``..., according to X``.

Every span is an offset into the article text; nothing here resolves who a speaker is
(``quotes`` does that with the story's entities).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.quote_words import (
    CLOSE_QUOTES,
    CUE_VERBS,
    MIN_QUOTE_WORDS,
    OPEN_QUOTES,
    PRONOUNS,
    SPEAKER_NOUNS,
    SPEAKER_STOP,
    STRAIGHT_QUOTES,
    WORD,
)

__all__ = ["Attribution", "find_attributions", "quote_spans"]

Span = tuple[int, int]
MAX_SPEAKER_WORDS = 8
MAX_OBJECT_WORDS = 14
"""``told Russian Foreign Minister Sergey Lavrov in a telephone call that ...``"""
MAX_TRAILER_WORDS = 6
"""After ``..., X said`` at most this many words ("on Friday in a statement") may follow."""
AUXILIARIES = frozenset(
    """has had have also later would will did does do is was were are been previously then
    further repeatedly publicly recently once again earlier already reportedly privately
    still has not never""".split()
)
NOUN_MARKERS = frozenset(
    "a an the this that these those his her their its our my your new phone telephone".split()
)
"""Words before a cue that make it a noun."""
BOUNDARY = re.compile(r"[,;:()\[\]—–\"“”«»]|\s-\s")
ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)


@dataclass(frozen=True)
class Attribution:
    """Content ``(start, end)`` with its cue span, speaker span (or ``None``), and kind."""

    start: int
    end: int
    cue: Span
    speaker: Span | None
    direct: bool


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    text: str

    @property
    def key(self) -> str:
        return self.text.lower()


def find_attributions(text: str, sentences: Sequence[tuple[int, int, int]]) -> list[Attribution]:
    """Attributions in an article given its sentences as ``(start, end, paragraph)``.

    Returns:
        Attributions in reading order; every span lies inside ``text``.
    """
    direct = _direct_quotes(text, sentences)
    covered = [(a.start, a.end) for a in direct]
    used = {a.cue for a in direct}
    found = list(direct)
    for start, end, _ in sentences:
        for item in _indirect(text, start, end, covered):
            if item.cue not in used and not _inside(item.cue, covered):
                used.add(item.cue)
                found.append(item)
    return sorted(found, key=lambda a: (a.start, a.end))


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """Quoted stretches of ``text[start:end]`` as (open mark, content start, content end, close).

    An opening mark never closed runs to ``end`` (the close is then ``end``). Curly and
    straight marks may be mixed; a closing mark with nothing open is ignored.
    """
    spans = []
    opened: int | None = None
    for index in range(start, end):
        char = text[index]
        if opened is None and (char in OPEN_QUOTES or char in STRAIGHT_QUOTES):
            opened = index
        elif opened is not None and (char in CLOSE_QUOTES or char in STRAIGHT_QUOTES):
            spans.append(_trimmed(text, opened, index))
            opened = None
    if opened is not None:
        spans.append(_trimmed(text, opened, end))
    return [s for s in spans if s[1] < s[2]]


def _trimmed(text: str, opened: int, closed: int) -> tuple[int, int, int, int]:
    start, end = opened + 1, closed
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return opened, start, end, closed


def _words(text: str, start: int, end: int) -> list[_Word]:
    return [_Word(m.start(), m.end(), m.group()) for m in WORD.finditer(text, start, end)]


def _inside(span: Span, covered: Sequence[Span]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in covered)


def _direct_quotes(text: str, sentences: Sequence[tuple[int, int, int]]) -> list[Attribution]:
    """Quotes in quotation marks with their speakers, paragraph by paragraph.

    A quote with no speaker next to it takes the speaker of the quote before it in the
    same paragraph, or of the last quote in the paragraph before when this paragraph
    opens with a quotation mark (a quote running on across paragraphs).
    """
    found: list[Attribution] = []
    previous: Attribution | None = None
    for paragraph in _paragraphs(sentences):
        p_start, p_end = paragraph[0][0], paragraph[-1][1]
        if text[p_start] not in OPEN_QUOTES + STRAIGHT_QUOTES:
            previous = None
        for opened, start, end, closed in quote_spans(text, p_start, p_end):
            words = len(_words(text, start, end))
            if words < 2:
                continue
            head = (_sentence_at(paragraph, opened)[0], opened)
            tail = (closed + 1, _sentence_at(paragraph, min(closed, p_end - 1))[1])
            attribution = _around(text, head, tail)
            if attribution:
                previous = Attribution(start, end, attribution[0], attribution[1], True)
            elif previous is not None:
                previous = Attribution(start, end, previous.cue, previous.speaker, True)
            elif words >= MIN_QUOTE_WORDS and _is_sentence(text, start, end):
                found.append(Attribution(start, end, (opened, opened), None, True))
                continue
            else:
                continue
            found.append(previous)
    return found


def _is_sentence(text: str, start: int, end: int) -> bool:
    """Quoted text that reads as a whole statement (not a title or a phrase)."""
    return text[end - 1] in ".!?…" or len(_words(text, start, end)) >= 2 * MIN_QUOTE_WORDS


def _paragraphs(sentences: Sequence[tuple[int, int, int]]) -> list[list[tuple[int, int, int]]]:
    groups: list[list[tuple[int, int, int]]] = []
    for sentence in sentences:
        if not groups or groups[-1][-1][2] != sentence[2]:
            groups.append([])
        groups[-1].append(sentence)
    return groups


def _sentence_at(paragraph: list[tuple[int, int, int]], offset: int) -> tuple[int, int, int]:
    for sentence in paragraph:
        if sentence[0] <= offset < sentence[1]:
            return sentence
    return paragraph[-1] if offset >= paragraph[-1][0] else paragraph[0]


def _around(text: str, head: Span, tail: Span) -> tuple[Span, Span] | None:
    """Cue and speaker of a quote, from the words after it, else the words before it."""
    return _after(text, *tail) or _before(text, *head)


def _after(text: str, start: int, end: int) -> tuple[Span, Span] | None:
    """``"...," X said`` or ``"...," said X`` right after the closing mark."""
    words = _words(text, start, end)[: MAX_SPEAKER_WORDS + 2]
    for index, word in enumerate(words):
        if _is_cue(words, index):
            if index == 0:
                speaker = _speaker_right(text, words[1:], end)
            else:
                speaker = _speaker_left(text, words[:index], start)
            return ((word.start, word.end), speaker) if speaker else None
        if _stops(text, word, words, index):
            return None
    return None


def _is_cue(words: list[_Word], index: int) -> bool:
    """A lower-case cue verb not used as a noun ("a phone call", "the report")."""
    word = words[index]
    if word.key not in CUE_VERBS or not word.text.islower():
        return False
    return index == 0 or words[index - 1].key not in NOUN_MARKERS


def _stops(text: str, word: _Word, words: list[_Word], index: int) -> bool:
    if word.key in SPEAKER_STOP:
        return True
    return index > 0 and BOUNDARY.search(text, words[index - 1].end, word.start) is not None


def _before(text: str, start: int, end: int) -> tuple[Span, Span] | None:
    """``X said: "..."`` or ``X said that Y had "..."``: the last cue before the quote."""
    words = _words(text, start, end)
    for index in range(len(words) - 1, -1, -1):
        if _is_cue(words, index):
            speaker = _speaker_left(text, words[:index], start)
            if speaker:
                return (words[index].start, words[index].end), speaker
    return None


def _speaker_left(text: str, words: list[_Word], floor: int) -> Span | None:
    """The speaker phrase ending right before a cue (auxiliaries like "has" skipped)."""
    end = len(words)
    while end and words[end - 1].key in AUXILIARIES:
        end -= 1
    begin = end
    while begin and end - begin < MAX_SPEAKER_WORDS:
        word = words[begin - 1]
        if word.key in SPEAKER_STOP or (word.key in CUE_VERBS and word.text.islower()):
            break
        after = words[begin].start if begin < end else word.end
        if begin < end and BOUNDARY.search(text, word.end, after):
            break
        begin -= 1
    phrase = words[begin:end]
    return _plausible(phrase)


def _speaker_right(text: str, words: list[_Word], limit: int) -> Span | None:
    """The speaker phrase right after a cue (``said Russia's foreign ministry``)."""
    phrase: list[_Word] = []
    for word in words[:MAX_SPEAKER_WORDS]:
        if word.key in SPEAKER_STOP or (phrase and BOUNDARY.search(text, phrase[-1].end, word.start)):
            break
        phrase.append(word)
    return _plausible(phrase)


def _plausible(phrase: list[_Word]) -> Span | None:
    """A speaker: a pronoun, a capitalised name, or a phrase headed by a speaker noun."""
    if not phrase:
        return None
    keys = [w.key for w in phrase]
    named = any(w.text[0].isupper() for w in phrase)
    if (len(phrase) == 1 and keys[0] in PRONOUNS) or named or keys[-1] in SPEAKER_NOUNS:
        return phrase[0].start, phrase[-1].end
    if keys[-1] in ("percent", "%") or any(k.isdigit() for k in keys):
        return phrase[0].start, phrase[-1].end
    return None


def _indirect(text: str, start: int, end: int, covered: Sequence[Span]) -> list[Attribution]:
    """Reported speech in one sentence: around cue verbs, and "according to"."""
    found = _according(text, start, end)
    words = _words(text, start, end)
    for index, word in enumerate(words):
        if not _is_cue(words, index) or _inside((word.start, word.end), covered):
            continue
        item = _cue_attribution(text, words, index, (start, end))
        if item:
            found.append(item)
    return found


def _cue_attribution(
    text: str, words: list[_Word], index: int, sentence: Span
) -> Attribution | None:
    cue = (words[index].start, words[index].end)
    speaker = _speaker_left(text, words[:index], sentence[0])
    if speaker:
        before = text[sentence[0] : speaker[0]].rstrip()
        trailer = _words(text, cue[1], sentence[1])
        if before.endswith(",") and len(trailer) <= MAX_TRAILER_WORDS:
            return _content(text, sentence[0], len(before) + sentence[0] - 1, cue, speaker)
        return _content(text, *_after_cue(text, words, index, sentence[1]), cue, speaker)
    if index and text[words[index - 1].end : cue[0]].strip() == ",":
        speaker = _speaker_right(text, words[index + 1 :], sentence[1])
        if speaker and len(_words(text, speaker[1], sentence[1])) <= MAX_TRAILER_WORDS:
            return _content(text, sentence[0], words[index - 1].end, cue, speaker)
    return None


def _after_cue(text: str, words: list[_Word], index: int, end: int) -> Span:
    """Content after a cue: after "that" when it comes within a few words, else right after."""
    rest = words[index + 1 :]
    for position, word in enumerate(rest[:MAX_OBJECT_WORDS]):
        if word.key == "that":
            return word.start, end
        if BOUNDARY.search(text, rest[position - 1].end if position else word.start, word.start):
            break
    return (rest[0].start if rest else end), end


def _content(text: str, start: int, end: int, cue: Span, speaker: Span) -> Attribution | None:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?"):
        end -= 1
    while start < end and text[start] in OPEN_QUOTES + STRAIGHT_QUOTES + " ":
        start += 1
    if len(_words(text, start, end)) < 2:
        return None
    return Attribution(start, end, cue, speaker, False)


def _according(text: str, start: int, end: int) -> list[Attribution]:
    """``According to X, ...`` and ``..., according to X.``"""
    found = []
    for match in ACCORDING.finditer(text, start, end):
        cue = match.span()
        after = _words(text, cue[1], end)
        speaker = _speaker_right(text, after, end)
        if not speaker:
            continue
        if text[start:cue[0]].strip():
            item = _content(text, start, cue[0], cue, speaker)
        else:
            comma = text.find(",", speaker[1], end)
            item = _content(text, comma + 1, end, cue, speaker) if comma > 0 else None
        if item:
            found.append(item)
    return found
