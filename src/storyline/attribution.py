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
    ADVERBIAL_STARTS,
    CLOSING_MARKS,
    COLON_NOT_SPEAKERS,
    CUE_VERBS,
    DATE_WORDS,
    DETERMINERS,
    MIN_QUOTE_WORDS,
    NOMINAL_CUES,
    OPENING_MARKS,
    PRONOUNS,
    QUOTE_MARK,
    SPEAKER_NOUNS,
    SPEAKER_STOP,
    TELL_VERBS,
    WORD,
)

__all__ = ["Attribution", "find_attributions", "quote_spans"]

Span = tuple[int, int]
MAX_SPEAKER_WORDS = 8
MAX_SOURCE_WORDS = 10
"""``according to a new poll by the Pew Research Center``"""
CLAUSE_WORDS = frozenset(
    "that which who whom whose but because if when while although though as".split()
)
MAX_OBJECT_WORDS = 14
"""``told Russian Foreign Minister Sergey Lavrov in a telephone call that ...``"""
MAX_TRAILER_WORDS = 6
"""After ``..., X said`` at most this many words ("on Friday in a statement") may follow."""
AUXILIARIES = frozenset(
    """has had have also later would will did does do is was were are been previously then
    further repeatedly publicly recently once again earlier already reportedly privately
    still has not never should could can may might must""".split()
)
BE_FORMS = frozenset("is are was were be been being".split())
NOUN_CUES = frozenset("state states".split())
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
BOUNDARY = re.compile(r"[,;:()\[\]—–\"“”«»]|\s-\s")
ASIDE_MARK = re.compile(r"[,()]|\s[-—–]\s|[—–]")
JOIN_TAIL = re.compile(r"(?:[\s,;]|\b(?:and|but|also|then|has|had|have)\b)*$")
"""What joins two cues of one speaker: ``, and also``, ``but``."""
COLON_LABEL = re.compile(r"[\"“]?((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*):\s")
"""One to four capitalised words and a colon at the start of a paragraph."""
CLAUSE_END = re.compile(r",\W*$")
"""A clause that ends in a comma, perhaps inside closing quotation marks (``...,”``)."""
MIN_CLAUSE_WORDS = 4
CUE_KEYS = CUE_VERBS | NOMINAL_CUES
LOWER_RUN = re.compile(r"[a-z]+")
"""Runs of lower-case letters: a quick test that a sentence holds some cue word."""
ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)


@dataclass(frozen=True)
class Attribution:
    """Content ``(start, end)`` with its cue span, speaker span (or ``None``), and kind."""

    start: int
    end: int
    cue: Span
    speaker: Span | None
    direct: bool


class _Word:
    """A word token with its lower-case ``key`` (slotted: made for every word read)."""

    __slots__ = ("start", "end", "text", "key")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text, self.key = start, end, text, text.lower()


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
    found += _colon_lines(text, sentences, covered)
    return sorted(found, key=lambda a: (a.start, a.end))


def _colon_lines(
    text: str, sentences: Sequence[tuple[int, int, int]], covered: Sequence[Span]
) -> list[Attribution]:
    """``TAPPER: And obviously ...`` or ``Poll: Trump Ties Clinton``: a paragraph that opens
    with a short capitalised name and a colon; the rest of the paragraph is the content."""
    found = []
    for paragraph in _paragraphs(sentences):
        start, end = paragraph[0][0], paragraph[-1][1]
        label = COLON_LABEL.match(text, start, end)
        if not label or label.group(1).lower() in COLON_NOT_SPEAKERS:
            continue
        if _inside(label.span(1), covered):
            continue
        speaker = label.span(1)
        item = _content(text, label.end(), end, (label.end() - 1, label.end()), speaker)
        if item and len(_words(text, item.start, item.end)) >= MIN_QUOTE_WORDS - 1:
            found.append(item)
    return found


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """Quoted stretches of ``text[start:end]`` as (open mark, content start, content end, close).

    An opening mark never closed runs to ``end`` (the close is then ``end``). Curly and
    straight marks may be mixed; a closing mark with nothing open is ignored.
    """
    spans = []
    opened: re.Match[str] | None = None
    for mark in QUOTE_MARK.finditer(text, start, end):
        if opened is None and mark.group() not in CLOSING_MARKS:
            opened = mark
        elif opened is not None and mark.group() not in OPENING_MARKS:
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


def _words(text: str, start: int, end: int) -> list[_Word]:
    return [_Word(*m.span(), m.group()) for m in WORD.finditer(text, start, end)]


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
        if not QUOTE_MARK.match(text, p_start):
            previous = None
        for opened, start, end, closed in quote_spans(text, p_start, p_end):
            words = len(_words(text, start, end))
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
    before = _words(text, start, opened)
    if not before:
        return False
    gap = text[before[-1].end : opened]
    if ":" in gap or "," in gap or "—" in gap:
        return False
    return not _is_cue(before, len(before) - 1)


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
                speaker = _subject(text, words, index, start)
            return ((word.start, word.end), speaker) if speaker else None
        if _stops(text, word, words, index):
            return None
    return None


def _is_cue(words: list[_Word], index: int) -> bool:
    """A lower-case cue verb, not used as a noun ("a phone call", "the report", "Trump's
    claims", "secretary of state") nor "state" as an adjective ("state officials")."""
    word = words[index]
    if word.key not in CUE_VERBS or not word.text.islower():
        return False
    if word.key in NOUN_CUES and (index + 1 >= len(words) or words[index + 1].key != "that"):
        return False
    if index == 0:
        return True
    previous = words[index - 1]
    if previous.key in NOUN_MARKERS or previous.key.endswith(("'s", "’s")):
        return False
    if word.key in PLURAL_NOUN_CUES:
        return previous.text[0].isupper() or previous.key in PRONOUNS or previous.key in SPEAKER_NOUNS
    return True


def _stops(text: str, word: _Word, words: list[_Word], index: int) -> bool:
    if word.key in SPEAKER_STOP:
        return True
    return index > 0 and BOUNDARY.search(text, words[index - 1].end, word.start) is not None


def _before(text: str, start: int, end: int) -> tuple[Span, Span] | None:
    """``X said: "..."`` or ``X said that Y had "..."``: the last cue before the quote."""
    words = _words(text, start, end)
    for index in range(len(words) - 1, -1, -1):
        if _is_cue(words, index):
            speaker = _subject(text, words, index, start)
            if speaker:
                return (words[index].start, words[index].end), speaker
    return None


def _subject(text: str, words: list[_Word], index: int, floor: int) -> Span | None:
    """The speaker before the cue ``words[index]``: next to it, or before an apposition."""
    speaker = _speaker_left(text, words[:index], words[index].start)
    if speaker is None and index and text[words[index - 1].end : words[index].start].strip() == ",":
        speaker = _appositive_speaker(text, words[:index], floor)
    return speaker


def _speaker_left(text: str, words: list[_Word], limit: int) -> Span | None:
    """The speaker phrase ending right before a cue at ``limit`` (auxiliaries like "has"
    skipped); none when a comma or an infinitive "to" stands between."""
    end = len(words)
    while end and (words[end - 1].key in AUXILIARIES or words[end - 1].key.endswith("ly")):
        end -= 1
    if not end or words[end - 1].key == "to":
        return None
    if BOUNDARY.search(text, words[end - 1].end, words[end].start if end < len(words) else limit):
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
    if keys[0] in DETERMINERS or _plural_noun(keys[-1]):
        return phrase[0].start, phrase[-1].end
    return None


def _plural_noun(key: str) -> bool:
    """A word that reads as a plural noun ("participants", "critics"), not "his" or "this"."""
    return len(key) > 3 and key.endswith("s") and not key.endswith(("ss", "us", "is", "ous"))


def _indirect(text: str, start: int, end: int, covered: Sequence[Span]) -> list[Attribution]:
    """Reported speech in one sentence: around cue verbs, and "according to"."""
    if CUE_KEYS.isdisjoint(LOWER_RUN.findall(text, start, end)) and not ACCORDING.search(text, start, end):
        return []
    found = _according(text, start, end)
    words = _words(text, start, end)
    for index, word in enumerate(words):
        if word.key in NOMINAL_CUES and not _inside((word.start, word.end), covered):
            item = _nominal(text, words, index, end)
            found += [item] if item else []
        if not _is_cue(words, index) or _inside((word.start, word.end), covered):
            continue
        item = _cue_attribution(text, words, index, (start, end))
        item = item or _shared_subject(text, words, index, (start, end), found)
        if item:
            found.append(item)
    return _split_shared(text, found)


def _split_shared(text: str, found: list[Attribution]) -> list[Attribution]:
    """End a content where the same speaker's next cue begins (``said A but said B``)."""
    result = []
    for item in found:
        later = [
            b.cue[0] for b in found
            if b.speaker == item.speaker and item.start < b.cue[0] < item.end
        ]
        if later:
            cut = JOIN_TAIL.search(text, item.start, min(later))
            end = cut.start() if cut else min(later)
            item = _content(text, item.start, end, item.cue, item.speaker) or item
        result.append(item)
    return result


def _nominal(text: str, words: list[_Word], index: int, end: int) -> Attribution | None:
    """``Trump's claim that ...``, ``his warning that ...``: the owner is the speaker."""
    if index == 0 or index + 1 >= len(words) or words[index + 1].key != "that":
        return None
    owner = words[index - 1]
    if owner.key in ("his", "her", "their", "its"):
        speaker = (owner.start, owner.end)
    elif owner.key.endswith(("'s", "’s")) and owner.text[0].isupper():
        first = index - 1
        while first and words[first - 1].text[0].isupper() and index - first < MAX_SPEAKER_WORDS:
            first -= 1
        speaker = (words[first].start, owner.end - 2)
    else:
        return None
    cue = (words[index].start, words[index].end)
    return _content(text, words[index + 1].start, end, cue, speaker)


def _shared_subject(
    text: str, words: list[_Word], index: int, sentence: Span, found: list[Attribution]
) -> Attribution | None:
    """A second cue with the subject left out: ``X said A but said B``, ``X said A,
    adding that B``, ``X refused to comment, saying B``. The speaker is that of the cue
    before it in the sentence, else the name the sentence opens with."""
    before = index
    while before and words[before - 1].key in AUXILIARIES:
        before -= 1
    joined = before and words[before - 1].key in ("and", "but")
    gap = text[words[before - 1].end : words[before].start] if before else ""
    if not joined and not (words[index].key.endswith("ing") and "," in gap):
        return None
    earlier = [a for a in found if a.speaker and a.cue[1] <= words[index].start]
    speaker = earlier[-1].speaker if earlier else _opening_name(words)
    if speaker is None:
        return None
    cue = (words[index].start, words[index].end)
    return _content(text, *_after_cue(text, words, index, sentence[1]), cue, speaker)


def _opening_name(words: list[_Word]) -> Span | None:
    """The name or pronoun a sentence opens with ("Mook refused ...", "She said ...")."""
    if words and words[0].key in PRONOUNS:
        return words[0].start, words[0].end
    run = 0
    while run < min(len(words), MAX_SPEAKER_WORDS) and words[run].text[0].isupper():
        run += 1
    if run == 0 or run == len(words) or words[0].key in DETERMINERS | DATE_WORDS:
        return None
    if words[run].key in DETERMINERS or words[run].key in SPEAKER_STOP:
        return None
    return words[0].start, words[run - 1].end


def _cue_attribution(
    text: str, words: list[_Word], index: int, sentence: Span
) -> Attribution | None:
    cue = (words[index].start, words[index].end)
    passive = _passive(text, words, index, sentence)
    if passive:
        return passive
    speaker = _subject(text, words, index, sentence[0])
    if speaker:
        if _content_before(text, words, index, (sentence[0], speaker[0])):
            end = text.rindex(",", sentence[0], speaker[0])
            return _content(text, sentence[0], end, cue, speaker)
        return _content(text, *_after_cue(text, words, index, sentence[1]), cue, speaker)
    if not index or text[words[index - 1].end : cue[0]].strip() != ",":
        return None
    if words[index].key.endswith("ing"):
        return None
    speaker = _speaker_right(text, words[index + 1 :], sentence[1])
    if speaker and _ends_sentence(text, speaker[1], sentence[1]):
        return _content(text, sentence[0], words[index - 1].end, cue, speaker)
    return None


def _appositive_speaker(text: str, words: list[_Word], floor: int) -> Span | None:
    """``Ann Lee, a senior envoy, said``: the name before one or more comma-set phrases
    (appositions, "however", "in her dissent") that end right before the cue."""
    chunks = _comma_chunks(text, words, floor)
    if len(chunks) < 2 or not _is_aside(chunks[-1]):
        return None
    for position in range(len(chunks) - 2, -1, -1):
        if not _is_aside(chunks[position]):
            return _plausible(chunks[position]) if len(chunks[position]) <= MAX_SPEAKER_WORDS else None
    return None


def _comma_chunks(text: str, words: list[_Word], floor: int) -> list[list[_Word]]:
    """``words`` split where a comma, dash or bracket stands between two of them."""
    chunks: list[list[_Word]] = [[]]
    previous = floor
    for word in words:
        if chunks[-1] and ASIDE_MARK.search(text, previous, word.start):
            chunks.append([])
        chunks[-1].append(word)
        previous = word.end
    return chunks


def _is_aside(chunk: list[_Word]) -> bool:
    """A phrase set off by commas that is not a name: it opens with a lower-case word or
    a number ("a former governor", "who ran in 2008", "39", "however")."""
    first = chunk[0].text
    return first[0].islower() or first[0].isdigit()


def _passive(text: str, words: list[_Word], index: int, sentence: Span) -> Attribution | None:
    """``The plan was first reported by The Post``: the source follows "by", the content
    is the subject before the form of "be"."""
    if index + 1 >= len(words) or words[index + 1].key != "by":
        return None
    be = index
    while be and words[be - 1].key in AUXILIARIES | BE_FORMS:
        be -= 1
    if be == index or not any(w.key in BE_FORMS for w in words[be:index]):
        return None
    speaker = _source_phrase(text, words[index + 2 :])
    if speaker is None:
        return None
    start = _clause_start(text, sentence[0], words[be].start)
    return _content(text, start, words[be].start, (words[index].start, words[index].end), speaker)


def _clause_start(text: str, floor: int, end: int) -> int:
    """Where the clause ending at ``end`` begins: after the last comma or semicolon."""
    cut = max(text.rfind(",", floor, end), text.rfind(";", floor, end))
    return cut + 1 if cut >= 0 else floor


def _content_before(text: str, words: list[_Word], index: int, before: Span) -> bool:
    """Whether ``..., X said`` reports the clause before the speaker: the speaker follows a
    comma and the cue ends the sentence or is followed only by when, where or to whom."""
    head = text[before[0] : before[1]].rstrip()
    if not CLAUSE_END.search(head):
        return False
    content = sum(1 for w in words if w.end <= before[1])
    trailer = words[index + 1 :]
    if not trailer or (len(trailer) <= MAX_TRAILER_WORDS and content >= 2):
        return True
    if content < MIN_CLAUSE_WORDS or trailer[0].key == "that":
        return False
    after = text[words[index].end : trailer[0].start]
    if "," in after:
        return content >= len(trailer)
    return trailer[0].key in ADVERBIAL_STARTS or words[index].key in TELL_VERBS


def _ends_sentence(text: str, start: int, end: int) -> bool:
    """Nothing but a few words, or an apposition after a comma, follows ``start``."""
    rest = text[start:end].lstrip()
    return rest.startswith(",") or len(_words(text, start, end)) <= MAX_TRAILER_WORDS


def _after_cue(text: str, words: list[_Word], index: int, end: int) -> Span:
    """Content after a cue: from "that" when it follows at once, or after when, where or
    whom (``said on Monday that``, ``told reporters that``); else right after the cue."""
    rest = words[index + 1 :]
    if not rest:
        return end, end
    if rest[0].key == "that":
        return rest[0].start, end
    if words[index].key in TELL_VERBS or rest[0].key in ADVERBIAL_STARTS:
        for position, word in enumerate(rest[1:MAX_OBJECT_WORDS], 1):
            if BOUNDARY.search(text, rest[position - 1].end, word.start):
                break
            if word.key == "that":
                return word.start, end
    return rest[0].start, end


def _content(text: str, start: int, end: int, cue: Span, speaker: Span) -> Attribution | None:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?"):
        end -= 1
    while start < end and (text[start].isspace() or QUOTE_MARK.match(text, start)):
        mark = QUOTE_MARK.match(text, start)
        start = mark.end() if mark else start + 1
    if len(_words(text, start, end)) < 2:
        return None
    return Attribution(start, end, cue, speaker, False)


def _according(text: str, start: int, end: int) -> list[Attribution]:
    """``According to X, ...``, ``..., according to X.`` and ``A, according to X, B``
    (the longer side is the content)."""
    found = []
    for match in ACCORDING.finditer(text, start, end):
        cue = match.span()
        speaker = _source_phrase(text, _words(text, cue[1], end))
        if not speaker:
            continue
        comma = text.find(",", speaker[1], end)
        after = _content(text, comma + 1, end, cue, speaker) if comma > 0 else None
        before = _content(text, start, cue[0], cue, speaker) if text[start : cue[0]].strip() else None
        if before and after:
            item = max(before, after, key=lambda a: a.end - a.start)
        else:
            item = before or after
        if item:
            found.append(item)
    return found


def _source_phrase(text: str, words: list[_Word]) -> Span | None:
    """The source after "according to": any noun phrase, up to a comma or a clause word."""
    phrase: list[_Word] = []
    for word in words[:MAX_SOURCE_WORDS]:
        if word.key in CLAUSE_WORDS or (phrase and BOUNDARY.search(text, phrase[-1].end, word.start)):
            break
        phrase.append(word)
    return (phrase[0].start, phrase[-1].end) if phrase else None
