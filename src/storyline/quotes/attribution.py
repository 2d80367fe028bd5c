"""Finding attributions in one article: quoted and reported content, its cue and speaker.

Rules over the cleaned sentences (no model can be downloaded here):

- direct quotes are the text between quotation marks (curly or straight, mixed, or an
  opening mark left open to the end of the paragraph, as a quote running on into the next
  paragraph is written); the speaker is named next to it (``"...," X said``, ``X said:
  "..."``, ``"...," said X``) or carried over from the quote before it (a quote split
  around its attribution, or continued in the next paragraph);
- a quotation inside a reported clause (``said that he "supports" it``) is not a quote
  of its own: the clause is reported speech;
- reported speech is found sentence by sentence by ``reported.reported_speech`` (cue
  verbs, "according to", nominal cues, passives with "by"), and paragraphs opening with a
  short name and a colon (``TAPPER: ...``, ``Poll: ...``) are attributed to that name.
Speakers and cues are read by ``speakers``.

Every span is an offset into the article text; nothing here resolves who a speaker is
(``quotes`` does that with the story's entities).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from storyline.quotes.words import COLON_NOT_SPEAKERS, MIN_QUOTE_WORDS, SPEAKER_STOP
from storyline.quotes.reported import reported_speech
from storyline.quotes.speakers import (
    BOUNDARY,
    MAX_SPEAKER_WORDS,
    Attribution,
    inside,
    is_cue,
    make_attribution,
    speaker_right,
    subject,
    words_of,
)
from storyline.text import OPENING_QUOTES, QUOTE_MARK, Offsets, Token, closes_quote

__all__ = ["Attribution", "find_attributions", "quote_spans"]


COLON_LABEL = re.compile(rf"(?:{QUOTE_MARK.pattern})?((?:[A-Z][\w.'’-]*\s){{0,3}}[A-Z][\w.'’-]*):\s")
"""One to four capitalised words and a colon at the start of a paragraph."""


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
        kept = [item for item in reported_speech(text, start, end, direct)
                if item.cue not in used and not inside(item.cue, covered)]
        used.update(item.cue for item in kept)  # a cue's content may come in two parts
        found += kept
    found += _colon_lines(text, sentences, covered)
    found = _speakers_found_later(sorted(found, key=lambda a: (a.start, a.end)))
    return _run_on(text, found, sentences)


def _speakers_found_later(found: list[Attribution]) -> list[Attribution]:
    """``"...," Ann Lee, the spokeswoman, said`` or ``"..." and more, Ann Lee said``: a quote
    the quotation-mark rules left without a speaker, whose words open a reported-speech
    attribution with a speaker, is one direct quote with that cue and speaker, not an
    unattributed quote beside a reported one."""
    reported = {a.start: a for a in found if not a.direct and a.speaker}
    result, taken = [], set()
    for item in found:
        other = reported.get(item.start)
        if item.direct and item.speaker is None and other is not None and other.end >= item.end:
            item = Attribution(item.start, item.end, other.cue, other.speaker, True)
            taken.add(id(other))
        result.append(item)
    return [a for a in result if id(a) not in taken]


def _run_on(
    text: str, found: list[Attribution], sentences: Sequence[tuple[int, int, int]]
) -> list[Attribution]:
    """``Both parties "saw Burma as ...," said Victor Cha. "In that sense, ..."``: a quote
    with no speaker of its own takes the cue and speaker of the attribution whose cue came
    last before it, when that cue follows a quotation (``"...," X said``) and stands in the
    same sentence or the one before, in the same paragraph, as a quote running on after a
    quote does (``_direct_quotes``)."""
    starts = [start for start, _, _ in sentences]

    def sentence_of(offset: int) -> int:
        return bisect_right(starts, offset) - 1

    result: list[Attribution] = []
    for item in found:
        if item.direct and item.speaker is None:
            before = max((b for b in result
                          if b.speaker and b.end <= b.cue[0] < b.cue[1] <= item.start
                          and QUOTE_MARK.search(text, b.end, b.cue[0])),
                         key=lambda b: b.cue[1], default=None)
            if before is not None and _next_to(
                    sentence_of(before.cue[0]), sentence_of(item.start), sentences):
                item = Attribution(item.start, item.end, before.cue, before.speaker, True)
        result.append(item)
    return result


def _next_to(first: int, second: int, sentences: Sequence[tuple[int, int, int]]) -> bool:
    """Whether sentence ``second`` is sentence ``first`` or the next one, in its paragraph."""
    return 0 <= first <= second <= first + 1 and sentences[first][2] == sentences[second][2]


def _colon_lines(
    text: str, sentences: Sequence[tuple[int, int, int]], covered: Sequence[Offsets]
) -> list[Attribution]:
    """``TAPPER: And obviously ...`` or ``Poll: Trump Ties Clinton``: a paragraph that opens
    with a short capitalised name and a colon; the rest of the paragraph is the content."""
    found = []
    for paragraph in _paragraphs(sentences):
        start, end = paragraph[0][0], paragraph[-1][1]
        label = COLON_LABEL.match(text, start, end)
        if not label or label.group(1).lower() in COLON_NOT_SPEAKERS:
            continue
        if inside(label.span(1), covered):
            continue
        speaker = label.span(1)
        item = make_attribution(text, label.end(), end, (label.end() - 1, label.end()), speaker)
        if item and len(words_of(text, item.start, item.end)) >= MIN_QUOTE_WORDS - 1:
            found.append(item)
    return found


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """Quoted stretches of ``text[start:end]`` as (open mark, content start, content end, close).

    An opening mark never closed runs to ``end`` (the close is then ``end``). Which mark
    closes which is ``text.closes_quote``: curly and straight marks may be mixed, „ closes
    with “; a closing mark with nothing open is ignored.
    """
    spans = []
    opened: re.Match[str] | None = None
    for mark in QUOTE_MARK.finditer(text, start, end):
        if opened is None and mark.group() in OPENING_QUOTES:
            opened = mark
        elif opened is not None and closes_quote(opened.group(), mark.group()):
            spans.append(_trimmed(text, opened, mark.start()))
            opened = None
    if opened is not None:
        spans.append(_trimmed(text, opened, end))
    return [s for s in spans if s[1] < s[2]]


def _trimmed(text: str, opened: re.Match[str], closed: int) -> tuple[int, int, int, int]:
    start, end = opened.end(), closed
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return opened.start(), start, end, closed


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
        if not QUOTE_MARK.match(text, p_start):
            previous = None
        for opened, start, end, closed in quote_spans(text, p_start, p_end):
            words = len(words_of(text, start, end))
            head = (_sentence_at(paragraph, opened)[0], opened)
            if words < 2 or _embedded(text, *head):
                previous = None if words >= 2 else previous
                continue
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


def _embedded(text: str, start: int, opened: int) -> bool:
    """A quotation inside a reported clause (``said that he "supports" the plan``): words
    come before the mark in its sentence, not closed by ``:`` or ``,`` or a cue verb."""
    before = words_of(text, start, opened)
    if not before:
        return False
    gap = text[before[-1].end : opened]
    if ":" in gap or "," in gap or "—" in gap:
        return False
    return not is_cue(before, len(before) - 1)


def _is_sentence(text: str, start: int, end: int) -> bool:
    """Quoted text that reads as a whole statement (not a title or a phrase)."""
    return text[end - 1] in ".!?…" or len(words_of(text, start, end)) >= 2 * MIN_QUOTE_WORDS


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


def _around(text: str, head: Offsets, tail: Offsets) -> tuple[Offsets, Offsets] | None:
    """Cue and speaker of a quote, from the words after it, else the words before it."""
    return _after(text, *tail) or _before(text, *head)


def _after(text: str, start: int, end: int) -> tuple[Offsets, Offsets] | None:
    """``"...," X said`` or ``"...," said X`` right after the closing mark."""
    words = words_of(text, start, end)[: MAX_SPEAKER_WORDS + 2]
    for index, word in enumerate(words):
        if is_cue(words, index):
            if index == 0:
                speaker = speaker_right(text, words[1:])
            else:
                speaker = subject(text, words, index, start)
            return ((word.start, word.end), speaker) if speaker else None
        if _stops(text, word, words, index):
            return None
    return None


def _stops(text: str, word: Token, words: list[Token], index: int) -> bool:
    if word.key in SPEAKER_STOP:
        return True
    return index > 0 and BOUNDARY.search(text, words[index - 1].end, word.start) is not None


def _before(text: str, start: int, end: int) -> tuple[Offsets, Offsets] | None:
    """``X said: "..."`` or ``X said that Y had "..."``: the last cue before the quote."""
    words = words_of(text, start, end)
    for index in range(len(words) - 1, -1, -1):
        if is_cue(words, index):
            speaker = subject(text, words, index, start)
            if speaker:
                return (words[index].start, words[index].end), speaker
    return None
