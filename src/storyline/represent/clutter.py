"""Patterns of the clutter that page text carries into its first sentences, for headlines.

Archives and feeds that deliver articles without a title often deliver the page's top
glued to the first sentence: "14 August 2012 Last updated at 08:40 GMT Help China is
preparing ...", "By Richard Galpin BBC News , Adana , Turkey Thwaiba Kanafani ...",
"WASHINGTON | Fri May 1 , 2009 5:03 pm BST WASHINGTON -LRB- Reuters -RRB- - The outbreak
...". ``clutter_free_pieces`` cuts a sentence at every piece of clutter (datelines,
timestamps, bylines, "Help", photo credits, agency tags, transcript speaker labels,
shouted notices and greetings, player prompts) and at every
place where a second sentence was glued on without punctuation ("... after 11 days A
French rescue worker said ..."), and returns the pieces that are left; a piece that still
starts with a byline is dropped. The patterns accept tokenized text (spaces before
commas, ``-LRB-`` for a bracket), as archives such as Timeline17 deliver it.

Example:
    >>> clutter_free_pieces("14 August 2012 Last updated at 08:40 GMT Help China is "
    ...                     "preparing to host an envoy .")
    [Piece(text='China is preparing to host an envoy .', whole=True)]
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["CLUTTER", "GLUED_START", "LEADING", "Piece", "clutter_free_pieces"]

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|rsday|urday|sday)?\.?"
_ZONE = r"(?:GMT|BST|UTC|EST|EDT|CST|CDT|PST|PDT|CET|JST|ET|UK time)"
_CLOCK = rf"\d{{1,2}}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*{_ZONE})?"
_DAY = (rf"(?:{_WEEKDAY}\s*,?\s*)?(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}})\s*,?\s*\d{{4}}"
        rf"(?:\s*[,;-]?\s*{_CLOCK})?")
_OPEN, _CLOSE = r"(?:\(|-LRB-)", r"(?:\)|-RRB-)"
_AGENCY = r"(?:Reuters|AFP|AP|CNN|BBC|PA|dpa|Xinhua|Bloomberg)"
_NAME = r"[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){0,3}"
_CAPS = r"[A-Z][A-Z'.-]*[A-Z]\b"

_PIPED = r"[^|.?!]{0,60}\|"
_CLUTTER_PARTS = (
    # "Page last updated at 11:50 GMT , Friday , 29 January 2010", "Last updated at 08:40 GMT"
    rf"(?i:(?:page\s+)?last\s+updated)\s*(?:at|on)?\s*(?:{_CLOCK})?(?:\s*,?\s*{_DAY})?",
    # "Sunday 26 April 2009 10.40 BST", "Mon Mar 2 , 2009 4:23 pm EST", "2009 06 19 22:54 JST",
    # a broadcast's "Aired March 3 , 2011 - 21:00 ET"
    rf"(?:\bAired\s+)?{_DAY}", rf"\d{{4}}\s+\d\d\s+\d\d\s+{_CLOCK}", rf"{_CLOCK}\s*{_ZONE}?(?:\s*,\s*{_DAY})?",
    # "WASHINGTON -LRB- Reuters -RRB- -", "MEXICO CITY , May 5 (Reuters) -", "(CNN) --", "AFP -"
    rf"(?:[A-Z][A-Z.'\\/-]+(?:\s+[A-Z][A-Z.'\\/-]+){{0,3}}\s*(?:,\s*[A-Z][a-z]+\.?)?"
    rf"(?:\s*,\s*{_MONTH}\s+\d{{1,2}})?\s*)?{_OPEN}\s*{_AGENCY}\s*{_CLOSE}\s*(?:-+|–|—)?",
    rf"\b{_AGENCY}\s+(?:-+|–|—)\s",
    # "BEIJING --", "TOULON , France , Sept. 25 --": a capitalised dateline and a dash
    rf"\b[A-Z]{{3,}}(?:\s+[A-Z]{{2,}}){{0,2}}(?:\s*,\s*[A-Z][a-z]+\.?)?(?:\s*,\s*{_MONTH}\s+\d{{1,2}})?\s*--",
    # "Fergus Walsh | 08:17 UK time", "This Story : Read + | Watch + |", "WASHINGTON |"
    _PIPED,
    # photo credits: "Photograph : Andy Rain\/EPA", "-LRB- Bill O'leary - The Washington Post -RRB-"
    r"(?i:photograph|photo|picture|image)s?\s*:\s*[^/]{1,60}(?:\\?/\s?(?:Getty Images|[A-Z][\w.-]*))+",
    rf"{_OPEN}[^()]{{0,80}}?{_CLOSE}",
    # a byline with its outlet and place: "By Richard Galpin BBC News , Adana , Turkey"
    rf"\b[Bb]y\s+{_NAME}\s+(?:BBC|CNN)(?:\s+[A-Z]\w+){{0,2}}(?:\s*,\s*[A-Z][\w-]+){{0,2}}",
    rf"\b[Bb]y\s+{_NAME}\s*,\s*(?:[A-Z][\w-]*\s+|and\s+){{0,4}}(?i:editor|correspondent|reporter|writer)\b",
    # ... or its role, outlet and place alone: "Technology Reporter , BBC News , Silicon Valley"
    r"\b(?:[A-Z][\w-]*\s+){0,3}(?i:editor|correspondent|reporter|writer)\s*,\s*(?:[A-Z][\w-]*\s+){0,2}"
    r"News(?:\s*,\s*[A-Z][\w-]*(?:\s+[A-Z][\w-]*(?=\s*[,\d]))?)?",
    # a desk's byline: "By the Metro Wire Staff", "By the Associated Press"
    r"\b[Bb]y\s+the\s+(?:[A-Z][\w.-]*\s+){0,3}(?:Staff|Board|Team|Desk|Writers?|Reporters?|Press)\b",
    # transcripts: a speaker label "MARTA OKONJO , HOST :", a shouted notice "THIS IS A ROUGH COPY"
    rf"\b{_CAPS}(?:\s+{_CAPS}){{0,3}}(?:\s*,\s*{_CAPS}(?:\s+{_CAPS}){{0,4}})?\s*:(?!\d)",
    rf"\b{_CAPS}(?:\s*,?\s+(?:{_CAPS}|A|I)){{3,}}",
    # players and page furniture
    r"(?i:in\s+order\s+to\s+see\s+this\s+content.{0,80}?installed|to\s+play\s+this\s+content.{0,60}?"
    r"turned\s+on|can\s*not\s+play\s+media|visit\s+bbc\s+webwise\s+for\s+full\s+instructions|"
    r"please\s+note\s*:.*|get\s+\w+\s+delivered\s+to\s+your\s+inbox.*)\s*\.?",
    # a broadcast's greeting opening a sentence or following a speaker label: "Good evening ,
    # everyone", "Hello and welcome back"
    r"(?:^|(?<=[:.!?]))\s*(?i:(?:good\s+(?:morning|afternoon|evening)|hello|peace\s+be\s+(?:with|upon)\s+you)(?:\s+(?:and|again|there))*"
    r"(?:\s*,?\s*(?:and\s+)?(?:welcome(?:\s+back)?|everyone|everybody|all))*\s*[.!,]?)",
    # ... or its address to the audience: "To those watching around the world at this hour"
    r"(?:^|(?<=[:.!?]))\s*(?i:to\s+(?:those|all)\s+(?:of\s+you\s+)?(?:watching|listening|joining\s+us)\b[^.!?]*[.!?]?)",
    # a show's promotion: "Watch Valley Tonight at 8 & 10 p.m. ET"
    rf"(?i:watch)\s+[\w-]+(?:\s+[\w-]+){{0,2}}\s+(?i:at|on)\s+\d{{1,2}}(?:[:.]\d\d)?"
    rf"(?:\s*(?:&|and)\s*\d{{1,2}}(?:[:.]\d\d)?)?\s*(?:[ap]\.?m\.?)?\s*{_ZONE}?",
    r"\bHelp\b(?=\s+[A-Z])",
    r"(?:^|\s)(?:\\\*|\*|cents|•)(?=\s)",
)
CLUTTER = re.compile("|".join(_CLUTTER_PARTS))
"""Clutter anywhere in a sentence; the sentence is cut where it occurs."""
_CLUTTER_UNPIPED = re.compile("|".join(part for part in _CLUTTER_PARTS if part != _PIPED))
"""``CLUTTER`` less its one costly part, for the many sentences with no "|": the same cuts."""

GLUED_START = re.compile(
    r"(?<=[a-z0-9%'\")])\s+(?=(?:The|A|An|It|He|She|They|We|There|This|These|Those|But|If|When|"
    r"While|After|As|In|"
    r"Health|Officials|Police|Rescuers|Thousands|Hundreds|Scores)\s+[a-z0-9])"
)
"""Where a second sentence starts without punctuation after the first ("... after 11 days
A French rescue worker said ..."): a lowercase word, then a word that opens sentences."""

LEADING = re.compile(r"^(?:[-–—,;:'`\s]|''|``)+|(?:[-–—,;:\s]|``)+$")
"""Stray punctuation left at either end of a piece once clutter is cut out."""

_BYLINE_START = re.compile(rf"^(?:[Bb]y\s+(?:the\s+)?[A-Z]|{_NAME}\s*,\s*(?i:staff\s+)?(?:writer|reporter|editor))")
_MIN_PIECE_WORDS = 3


class Piece(NamedTuple):
    """A clutter-free piece of a sentence, and whether it is whole: it ends where its
    sentence ends or where a glued sentence or a capitalised run of clutter begins (not
    where clutter cut into the middle of a phrase: "... Westminster , from 19:00 GMT on")."""

    text: str
    whole: bool


def clutter_free_pieces(sentence: str) -> list[Piece]:
    """The pieces of ``sentence`` left once clutter is cut out and glued sentences are
    split, in reading order; pieces of fewer than 3 words, starting with a byline or in
    lower case (the rest of a phrase that clutter cut into) are dropped."""
    pieces, start = [], 0
    clutter = CLUTTER if "|" in sentence else _CLUTTER_UNPIPED
    for cut in [*clutter.finditer(sentence), None]:
        chunk = sentence[start:cut.start() if cut else len(sentence)]
        rest = sentence[cut.end():].lstrip(" ,;:-") if cut else ""
        parts = GLUED_START.split(chunk)
        for n, part in enumerate(parts):
            text = LEADING.sub("", " ".join(part.split()))
            whole = n < len(parts) - 1 or not rest[:1].islower()
            if (len(text.split()) >= _MIN_PIECE_WORDS and not text[0].islower()
                    and not _BYLINE_START.match(text)):
                pieces.append(Piece(text, whole))
        start = cut.end() if cut else len(sentence)
    return pieces
