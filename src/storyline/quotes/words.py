"""Word lists for quote attribution: speech verbs, speaker words. (Words, tokens and
quotation marks come from the language layer, ``storyline.text``.)"""

from __future__ import annotations

__all__ = [
    "ADDRESSEE_VERBS",
    "ADVERBIAL_STARTS",
    "COLON_NOT_SPEAKERS",
    "CUE_VERBS",
    "DATE_WORDS",
    "DETERMINERS",
    "MIN_QUOTE_WORDS",
    "NOMINAL_CUES",
    "PRONOUNS",
    "SPEAKER_NOUNS",
    "SPEAKER_STOP",
    "TELL_VERBS",
]

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
    worry worries worried prefer prefers preferred support supports supported
    adding noting arguing suggesting calling warning insisting claiming explaining
    stressing citing urging accusing asking describing predicting promising vowing
    pledging acknowledging admitting conceding declaring announcing writing tweeting
    complaining criticizing criticising blaming recalling revealing reporting stating
    insisting maintaining asserting contending denying confirming questioning
    emphasizing emphasising
    decline declines declined declining refuse refuses refused refusing endorse endorses
    endorsed endorsing reject rejects rejected rejecting dismiss dismisses dismissed
    propose proposes proposed proposing defend defends defended defending praise praises
    praised praising question questions questioned questioning cite cites cited mention
    mentions mentioned mentioning echo echoes echoed echoing reiterate reiterates
    reiterated reiterating calls called joke jokes joked joking quip quips quipped
    testify testifies testified testifying recognize recognizes recognized recognizing""".split()
)
"""Verbs that attribute what follows (or precedes) to a source."""

COLON_NOT_SPEAKERS: frozenset[str] = frozenset(
    [
        *"""note update updated correction clarification photo photos video watch read
        related source sources disclaimer warning caption credit image images listen
        advertisement breaking exclusive opinion analysis transcript abstract""".split(),
        "editor's note", "editor’s note", "read more", "see also", "full text",
        "breaking news", "live updates", "partial transcript",
    ]
)
"""Labels that open a paragraph with a colon without naming a speaker ("Update: ...")."""

TELL_VERBS: frozenset[str] = frozenset(
    """tell tells told telling inform informs informed assure assures assured remind reminds
    reminded""".split()
)
"""Cue verbs with a listener before the content (``told reporters that ...``)."""

ADDRESSEE_VERBS: frozenset[str] = TELL_VERBS | frozenset(
    """warn warns warned warning urge urges urged urging ask asks asked asking advise advises
    advised advising""".split()
)
"""Cue verbs whose object is who was told: ``warned Russia that ...``, ``urged Assad to ...``."""

ADVERBIAL_STARTS: frozenset[str] = frozenset(
    """on in at during after before last this yesterday today tonight earlier later also
    again publicly privately repeatedly recently previously then now separately once
    monday tuesday wednesday thursday friday saturday sunday when while""".split()
)
"""Words that open a when/where/how phrase after a cue (``said on Monday``, ``said in a
statement``) rather than the content itself."""

DETERMINERS: frozenset[str] = frozenset(
    """the a an another some many most several few both all other others his her their its
    our my your one two three four five this these those each every no such""".split()
)
"""Words that open a noun phrase: a phrase opening with one can be a speaker ("the source")."""

NOMINAL_CUES: frozenset[str] = frozenset(
    """claim claims assertion argument arguments belief view views warning warnings promise
    pledge suggestion charge allegation allegations accusation insistence statement
    comment comments remark remarks contention prediction hope hopes fear fears concern
    concerns complaint complaints admission announcement conclusion assessment""".split()
)
"""Nouns that attribute a following "that" clause to their owner (``Trump's claim that``)."""

DATE_WORDS: frozenset[str] = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december jan feb mar apr jun jul aug
    sep sept oct nov dec today yesterday tonight week month year weekend morning
    afternoon evening night""".split()
)
"""Words of a date or time: never part of a speaker ("September 9 agreed" is no speaker)."""

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
