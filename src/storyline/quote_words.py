"""Word lists and patterns for quote attribution: speech verbs, speaker words, quote marks."""

from __future__ import annotations

import re

__all__ = [
    "CLOSE_QUOTES",
    "CUE_VERBS",
    "MIN_QUOTE_WORDS",
    "OPEN_QUOTES",
    "PRONOUNS",
    "SPEAKER_NOUNS",
    "SPEAKER_STOP",
    "STRAIGHT_QUOTES",
    "WORD",
]

OPEN_QUOTES = "“«„"
CLOSE_QUOTES = "”»"
STRAIGHT_QUOTES = '"'
MIN_QUOTE_WORDS = 4
"""Quoted text shorter than this is a scare quote or a title unless a speaker is named next to it."""

CUE_VERBS: frozenset[str] = frozenset(
    """say says said saying tell tells told telling add adds added state states stated
    warn warns warned explain explains explained note notes noted insist insists insisted
    argue argues argued claim claims claimed announce announces announced declare declares
    declared write writes wrote tweet tweets tweeted report reports reported suggest
    suggests suggested acknowledge acknowledges acknowledged admit admits admitted confirm
    confirms confirmed deny denies denied emphasise emphasised emphasize emphasized stress
    stresses stressed accuse accuses accused urge urges urged predict predicts predicted
    believe believes believed think thinks thought expect expects expected hope hopes
    hoped fear fears feared complain complains complained criticise criticised criticize
    criticized estimate estimates estimated show shows showed shown indicate indicates
    indicated find finds found conclude concludes concluded reveal reveals revealed
    recall recalls recalled promise promises promised vow vows vowed pledge pledges pledged
    ask asks asked demand demands demanded agree agrees agreed
    contend contends contended maintain maintains maintained assert asserts asserted
    describe describes described blame blames blamed charge charges charged allege alleges
    alleged concede concedes conceded reply replies replied respond responds responded
    add told learned learn learns know knows knew want wants wanted feel feels felt
    worry worries worried prefer prefers preferred support supports supported""".split()
)
"""Verbs that attribute what follows (or precedes) to a source."""

PRONOUNS: frozenset[str] = frozenset("he she they we i it who".split())
"""Pronoun speakers, resolved to the last person (or the last speaker) before them."""

SPEAKER_NOUNS: frozenset[str] = frozenset(
    """spokesman spokeswoman spokesperson official officials source sources minister
    ministry department government house campaign reporter reporters analyst analysts
    expert experts poll polls survey surveys report statement statements aide aides
    adviser advisers advisor advisors president secretary senator governor leader
    leaders diplomat diplomats officer officers police witness witnesses lawyer lawyers
    critics supporters voters people residents agency office council committee
    spokespeople representative representatives team group organisation organization
    administration observers activists candidate nominee economists study data
    investigators prosecutors authorities military army ministers members chief
    director chairman person man woman doctor doctors""".split()
)
"""Nouns that can head a speaker description ("a State Department spokesman")."""

SPEAKER_STOP: frozenset[str] = frozenset(
    """that which and but or because if when while although though as after before since
    so then than where who whom whose what how why not also in on at for with by from into
    after during between against about over""".split()
)
"""Words that cannot be inside a speaker phrase: the phrase stops before them."""

WORD = re.compile(r"\w+(?:['’.-]\w+)*")
"""Word tokens for attribution patterns."""
