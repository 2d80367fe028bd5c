"""Reported speech in one sentence: ``X said (that) ...``, ``..., X said``, ``..., said X``,
``according to X``, ``X's claim that ...``, ``... was reported by X``, and a second cue
sharing its subject (``X said A but said B``, ``..., adding that ...``).

``reported_speech`` returns attributions whose content is the clause the cue reports; it
knows nothing of quotation marks (``attribution`` handles those and calls this).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.quotes.words import (
    ADDRESSEE_VERBS,
    ADVERBIAL_STARTS,
    CUE_VERBS,
    DATE_WORDS,
    DETERMINERS,
    NOMINAL_CUES,
    PRONOUNS,
    SPEAKER_STOP,
    TELL_VERBS,
)
from storyline.quotes.speakers import (
    AUXILIARIES,
    BE_FORMS,
    BOUNDARY,
    MAX_SPEAKER_WORDS,
    Attribution,
    inside,
    is_cue,
    leading_phrase,
    make_attribution,
    speaker_right,
    subject,
    words_of,
)
from storyline.text import QUOTE_MARK, Offsets, Token

__all__ = ["reported_speech"]


MAX_SOURCE_WORDS = 10
"""``according to a new poll by the Pew Research Center``"""


CLAUSE_WORDS = frozenset(
    "that which who whom whose but because if when while although though as".split()
)


MAX_OBJECT_WORDS = 14
"""``told Russian Foreign Minister Sergey Lavrov in a telephone call that ...``"""


MAX_TRAILER_WORDS = 6
"""After ``..., X said`` at most this many words ("on Friday in a statement") may follow."""


JOIN_TAIL = re.compile(r"(?:[\s,;]|\b(?:and|but|also|then|has|had|have)\b)*$")
"""What joins two cues of one speaker: ``, and also``, ``but``."""


CLAUSE_END = re.compile(r",\W*$")
"""A clause that ends in a comma, perhaps inside closing quotation marks (``...,”``)."""


MIN_CLAUSE_WORDS = 4


CUE_KEYS = CUE_VERBS | NOMINAL_CUES


LOWER_RUN = re.compile(r"[a-z]+")
"""Runs of lower-case letters: a quick test that a sentence holds some cue word."""


LISTENERS = frozenset("reporters journalists him her them us me".split())
"""Objects of "told" that the content follows at once (``told reporters the plan ...``)."""


ENTRY = re.compile(rf":|{QUOTE_MARK.pattern}")
"""A colon or quotation mark after a cue opens its content: what follows is not its speaker."""


ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)


def reported_speech(
    text: str, start: int, end: int, direct: Sequence[Attribution] = ()
) -> list[Attribution]:
    """Reported speech in the sentence ``text[start:end]``: around cue verbs, nominal cues
    and "according to". ``direct`` are the article's quotes in quotation marks: cues inside
    them are skipped, and their speakers may be shared by a later cue (``"...," he said,
    adding that ...``)."""
    covered = [(a.start, a.end) for a in direct]
    speakers = [a for a in direct if a.speaker and start <= a.cue[0] < end]
    no_cue = CUE_KEYS.isdisjoint(LOWER_RUN.findall(text, start, end))
    if no_cue and not ACCORDING.search(text, start, end):
        return []
    found = _according(text, start, end)
    words = words_of(text, start, end)
    for index, word in enumerate(words):
        if word.key in NOMINAL_CUES and not inside((word.start, word.end), covered):
            item = _nominal(text, words, index, end)
            found += [item] if item else []
        if not is_cue(words, index) or inside((word.start, word.end), covered):
            continue
        item = _cue_attribution(text, words, index, (start, end))
        item = item or _shared_subject(text, words, index, (start, end), speakers + found)
        if item:
            found.append(item)
            resumed = _resumed(text, words, index, item, end)
            found += [resumed] if resumed else []
    return _split_shared(text, found)


def _resumed(
    text: str, words: list[Token], index: int, item: Attribution, end: int
) -> Attribution | None:
    """The rest of a clause that the speaker and cue interrupt (``Lenox thrived, Mr. Clarke
    said, until it went bankrupt``): the words after the comma that follows the cue, as a
    second attribution of the same cue and speaker, when ``item`` holds the words before
    (a when/where phrase or a participle after the comma is not the clause's rest)."""
    if item.speaker is None or item.end > item.speaker[0] or index + 2 >= len(words):
        return None
    after = words[index + 1]
    if (text[words[index].end : after.start].strip() != "," or after.key in ADVERBIAL_STARTS
            or after.key.endswith("ing")):  # "said, adding that ...": a phrase of its own
        return None
    return make_attribution(text, after.start, end, item.cue, item.speaker)


def _split_shared(text: str, found: list[Attribution]) -> list[Attribution]:
    """End a content where the same speaker's next cue begins (``said A but said B``), or
    where the source that reports the whole sentence comes in (``The president emphasized
    that A, the White House said``: A ends before ", the White House said")."""
    result = []
    for item in found:
        later = [
            b.cue[0] for b in found
            if b.speaker == item.speaker and item.start < b.cue[0] < item.end
        ] + [
            b.speaker[0] for b in found
            if b.speaker and b.end <= b.speaker[0] and b.start <= item.cue[0]
            and item.start < b.speaker[0] < item.end
        ]
        if later:
            cut = JOIN_TAIL.search(text, item.start, min(later))
            end = cut.start() if cut else min(later)
            shorter = make_attribution(text, item.start, end, item.cue, item.speaker, item.addressee)
            item = shorter or item
        result.append(item)
    return result


def _nominal(text: str, words: list[Token], index: int, end: int) -> Attribution | None:
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
    return make_attribution(text, words[index + 1].start, end, cue, speaker)


def _shared_subject(
    text: str, words: list[Token], index: int, sentence: Offsets, found: list[Attribution]
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
    earlier = sorted(
        (a for a in found if a.speaker and a.cue[1] <= words[index].start), key=lambda a: a.cue
    )
    speaker = earlier[-1].speaker if earlier else _opening_name(words)
    if speaker is None:
        return None
    cue = (words[index].start, words[index].end)
    start, end, addressee = _after_cue(text, words, index, sentence[1])
    return make_attribution(text, start, end, cue, speaker, addressee)


def _opening_name(words: list[Token]) -> Offsets | None:
    """The name or pronoun a sentence opens with ("Mook refused ...", "She said ...", "The
    Republican National Committee is filing ...")."""
    if words and words[0].key in PRONOUNS:
        return words[0].start, words[0].end
    run = 0
    while run < min(len(words), MAX_SPEAKER_WORDS) and words[run].text[0].isupper():
        run += 1
    if run == 0 or run == len(words):
        return None
    if words[0].key in DETERMINERS | DATE_WORDS and not _titled_name(words, run):
        return None
    if words[run].key in DETERMINERS or words[run].key in SPEAKER_STOP:
        return None
    return words[0].start, words[run - 1].end


def _titled_name(words: list[Token], run: int) -> bool:
    """Whether a sentence opens with "The" and a name of ``run`` capitalised words that a
    verb follows ("The Republican National Committee is filing", "The New York Times
    reported"), not a name that qualifies a noun ("The US-led coalition") nor "The mayor"."""
    following = words[run].key
    return (run > 1 and words[0].key == "the"
            and (following in AUXILIARIES or following in CUE_VERBS or following.endswith("ed")))


def _cue_attribution(
    text: str, words: list[Token], index: int, sentence: Offsets
) -> Attribution | None:
    cue = (words[index].start, words[index].end)
    passive = _passive(text, words, index, sentence)
    if passive:
        return passive
    speaker = subject(text, words, index, sentence[0])
    if speaker:
        if _content_before(text, words, index, (sentence[0], speaker[0])):
            end = text.rindex(",", sentence[0], speaker[0])
            return make_attribution(text, sentence[0], end, cue, speaker)
        start, end, addressee = _after_cue(text, words, index, sentence[1])
        return make_attribution(text, start, end, cue, speaker, addressee)
    if not index or not CLAUSE_END.fullmatch(text[words[index - 1].end : cue[0]].strip()):
        return None  # not "..., said X" (a comma, perhaps inside closing quotation marks)
    if words[index].key.endswith("ing"):
        return None
    speaker = speaker_right(text, words[index + 1 :])
    if speaker and ENTRY.search(text, cue[1], speaker[0]):
        return None
    if speaker and _ends_sentence(text, speaker[1], sentence[1]):
        return make_attribution(text, sentence[0], words[index - 1].end, cue, speaker)
    return None


def _passive(text: str, words: list[Token], index: int, sentence: Offsets) -> Attribution | None:
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
    cue = (words[index].start, words[index].end)
    return make_attribution(text, start, words[be].start, cue, speaker)


def _clause_start(text: str, floor: int, end: int) -> int:
    """Where the clause ending at ``end`` begins: after the last comma or semicolon."""
    cut = max(text.rfind(",", floor, end), text.rfind(";", floor, end))
    return cut + 1 if cut >= 0 else floor


def _content_before(text: str, words: list[Token], index: int, before: Offsets) -> bool:
    """Whether ``..., X said`` reports the clause before the speaker: the speaker follows a
    comma and the cue ends the sentence or is followed only by when, where or to whom. Not
    when words follow the cue and the clause before holds a cue of its own with its "that"
    ("He added that once Obama decides, he expects his team to ..."): that clause frames
    this one, it is not its content (unless it is quoted: ``Kerry "emphasized that ...,"
    Kirby said``); a cue that ends the sentence reports it all ("The president
    emphasized that ..., the White House said")."""
    head = text[before[0] : before[1]].rstrip()
    if not CLAUSE_END.search(head):
        return False
    content = sum(1 for w in words if w.end <= before[1])
    trailer = words[index + 1 :]
    if not trailer:
        return True
    if not QUOTE_MARK.search(head) and any(
            is_cue(words, i) and words[i + 1].key == "that" for i in range(content - 1)):
        return False
    if len(trailer) <= MAX_TRAILER_WORDS and content >= 2:
        return True
    if content < MIN_CLAUSE_WORDS or _that_follows(text, trailer):
        return False
    after = text[words[index].end : trailer[0].start]
    if "," in after:
        return content >= len(trailer)
    return trailer[0].key in ADVERBIAL_STARTS or words[index].key in TELL_VERBS


def _that_follows(text: str, trailer: list[Token]) -> bool:
    """Whether "that" opens the cue's content within ``MAX_OBJECT_WORDS`` words, no mark
    between (``told a meeting of island leaders that ...``): the content is after the cue."""
    for position, word in enumerate(trailer[:MAX_OBJECT_WORDS]):
        if position and BOUNDARY.search(text, trailer[position - 1].end, word.start):
            return False
        if word.key == "that":
            return True
    return False


def _ends_sentence(text: str, start: int, end: int) -> bool:
    """Nothing but a few words, or an apposition after a comma, follows ``start``."""
    rest = text[start:end].lstrip()
    return rest.startswith(",") or len(words_of(text, start, end)) <= MAX_TRAILER_WORDS


def _after_cue(text: str, words: list[Token], index: int, end: int) -> tuple[int, int, Offsets | None]:
    """Content after a cue and who was told: from "that" when it follows at once, or after
    when, where or whom (``said on Monday that``, ``warned Russia that``, ``urged Assad to``:
    the addressee is "Russia", "Assad"); else right after the cue, with no addressee."""
    rest = words[index + 1 :]
    if not rest:
        return end, end, None
    if rest[0].key == "that":
        return rest[0].start, end, None
    told = words[index].key in ADDRESSEE_VERBS
    if told and rest[0].key in LISTENERS and len(rest) > 2 and rest[1].key != "that":
        return rest[1].start, end, (rest[0].start, rest[0].end)
    if told or rest[0].key in ADVERBIAL_STARTS:
        for position, word in enumerate(rest[1:MAX_OBJECT_WORDS], 1):
            if BOUNDARY.search(text, rest[position - 1].end, word.start):
                break
            if word.key == "that" or (told and word.key == "to"):
                return word.start, end, _addressee(rest[:position]) if told else None
    return rest[0].start, end, None


def _addressee(words: list[Token]) -> Offsets | None:
    """The object of a telling verb: its words up to a when/where phrase (``Russia on Friday``)."""
    kept = []
    for word in words:
        if word.key in ADVERBIAL_STARTS or word.key in DATE_WORDS:
            break
        kept.append(word)
    return (kept[0].start, kept[-1].end) if kept else None


def _according(text: str, start: int, end: int) -> list[Attribution]:
    """``According to X, ...``, ``..., according to X.`` and ``A, according to X, B``
    (the longer side is the content)."""
    found = []
    for match in ACCORDING.finditer(text, start, end):
        cue = match.span()
        speaker = _source_phrase(text, words_of(text, cue[1], end))
        if not speaker:
            continue
        comma = text.find(",", speaker[1], end)
        after = make_attribution(text, comma + 1, end, cue, speaker) if comma > 0 else None
        before = None
        if text[start : cue[0]].strip():
            before = make_attribution(text, start, cue[0], cue, speaker)
        if before and after:
            item = max(before, after, key=lambda a: a.end - a.start)
        else:
            item = before or after
        if item:
            found.append(item)
    return found


def _source_phrase(text: str, words: list[Token]) -> Offsets | None:
    """The source after "according to": any noun phrase, up to a comma or a clause word."""
    phrase = leading_phrase(text, words[:MAX_SOURCE_WORDS], CLAUSE_WORDS)
    return (phrase[0].start, phrase[-1].end) if phrase else None
