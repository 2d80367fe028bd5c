"""A story's one headline, used by clustering, the digest and every view.

``choose_headline(articles, closeness)`` cleans every title (site names after ``|`` or
after a dash when they name the outlet, white space, a trailing full stop), drops titles
that are boilerplate or too short to be headlines, and returns the title of the article
closest to the story; ties go to the earlier article. The caller measures closeness in its
own space: the story document by title vectors against the sentence centroid, the
clusterer by article vectors against the story.

When no article has a usable title, the headline comes from the first sentences of the
articles, closest article first: each sentence is cut into pieces free of clutter
(``represent.clutter``: datelines, timestamps, bylines, credits, agency tags), and the
first piece that fits is the headline: a piece of at most ``MAX_HEADLINE_WORDS`` words
as it is, or a longer one cut at a clause boundary (comma, semicolon, colon, dash) that
leaves enough words and no open quote or bracket; a piece that opens with a pronoun
("He said ...") leans on a sentence before it and is passed over. Nothing is cut
mid-phrase and no ellipsis is added; a story with no fitting piece has no headline (``""``).
Sentences that are not the story's news are passed over while anything else fits: a
banner that opens several of its pages (``_banners``), and a line none of whose words
comes up again in the story (``_about_story``: a link to another story).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from urllib.parse import urlsplit

from storyline.model import Article
from storyline.represent.clutter import Piece, clutter_free_pieces
from storyline.text import STOP_WORDS, line_reason, opens_with_pronoun, sentence_spans, tokens, word_count

__all__ = ["MAX_HEADLINE_WORDS", "choose_headline", "clean_title", "fit_headline"]

MIN_HEADLINE_WORDS = 3
"""Titles shorter than this ("Share", "World news") are not headlines."""
MAX_HEADLINE_WORDS = 20
"""The longest headline taken from an untitled story's sentences (words)."""
MIN_CLAUSE_WORDS = 6
"""A sentence cut at a clause boundary keeps at least this many words."""
LEAD_SENTENCES = 3
"""Sentences of each untitled article searched first for a headline, from its start."""
BANNER_ARTICLES = 3
"""Articles that must open with one sentence and go on differently for it to be a banner."""
CONTEXT_SENTENCES = 24
"""Clean sentences of each article a candidate sentence's words are looked for in
(``_about_story``; an article not cleaned yet gives its first ``TEXT_LINES`` lines)."""
TEXT_LINES = 12
"""Lines of an article's text searched for a headline when its clean sentences are not given."""

_SITE_SUFFIX = re.compile(r"\s+(?:\||[-–—])\s+(?P<site>[^|\-–—]{2,60})$")
_SPACE = re.compile(r"\s+")
_CLAUSE_END = re.compile(
    r"\s*(?:[,;:]|--|[-–—](?=\s))\s+(?=(?i:and|but|after|as|while|when|"
    r"following|before|since|despite|amid|with|prompting|bringing|leaving|according|"
    r"said|says|say|reports?|officials|police|the\s+\w+\s+said)\b)")
_ANY_CLAUSE_END = re.compile(r"\s*(?:[,;:]|--|[-–—](?=\s))\s")
_SUBORDINATE = frozenset("when if as while after before since although though because "
                         "on in with for appearing despite unless until".split())
_SPOKEN_OPENERS = frozenset("i i'm i've we we're we've you you're our my your "  # first or second person
                            "and but or yet nor".split())  # going on from a sentence before
_OPENERS = (("(", ")"), ("-LRB-", "-RRB-"), ("``", "''"), ("“", "”"))
_DANGLING = frozenset("a an the and or but of to in on at for with by from as that which who "
                      "whose said says is are was were".split())


def clean_title(article: Article) -> str:
    """The article's title without its outlet's name, extra white space or a final stop.

    Example:
        >>> clean_title(Article(text="x", title="Talks collapse in Geneva | Daily Ledger"))
        'Talks collapse in Geneva'
    """
    title = _SPACE.sub(" ", article.title).strip()
    match = _SITE_SUFFIX.search(title)
    if match and _names_outlet(match, article):
        title = title[: match.start()]
    if title.endswith(".") and not title.endswith(".."):
        title = title[:-1]
    return title


def choose_headline(
    articles: Sequence[Article], closeness: Sequence[float], *,
    sentences: Sequence[Sequence[str]] | None = None,
) -> str:
    """The story's headline: the usable cleaned title of the article closest to the story.

    Args:
        articles: the story's articles.
        closeness: per article, how close it (or its title) is to the whole story.
        sentences: per article, its clean sentences in reading order (``clean.prose``);
            when ``None``, the sentences of its text's first ``TEXT_LINES`` lines that are
            not boilerplate (``_text_lines``).

    Returns:
        The cleaned title of the closest article that has a usable one (ties go to the
        earlier article); when none has, the first fitting clutter-free piece of the
        articles' first ``LEAD_SENTENCES`` sentences once banners and lines about
        something else are left out (``_banners``, ``_about_story``; with them when
        nothing else fits), closest article first (see the module docstring), cut at a clause
        boundary where a new clause starts, else at any clause boundary; else the first
        whole piece that fits among the other sentences; ``""`` when there is none.

    Example:
        >>> a = Article(id="a", text="x", title="Share")
        >>> b = Article(id="b", text="x", title="Dam repairs begin | Valley Press")
        >>> choose_headline([a, b], [0.9, 0.2])
        'Dam repairs begin'
        >>> c = Article(id="c", text="By Ann Lee BBC News , Lagos Dam repairs began on "
        ...             "Monday , the council said , after a week of floods .")
        >>> choose_headline([c], [0.0])
        'Dam repairs began on Monday , the council said , after a week of floods'
    """
    ranked = sorted(range(len(articles)), key=lambda i: (-closeness[i], i))
    for i in ranked:
        title = clean_title(articles[i])
        if _is_headline(title):
            return title
    if sentences is None:
        lines = [_text_lines(articles[i]) for i in ranked]
        about = _about_story([line for kept in lines for line in kept])
        if 0 < len(lines) < BANNER_ARTICLES:  # too few articles for a banner: leads first
            leads = [_lead_sentences(kept) for kept in lines]
            if quick := _first_fit(leads, about) or _first_fit(leads, about, any_clause=True):
                return quick  # what the full search below finds first, without segmenting every line
        found = [_segmented(kept) for kept in lines]
    else:
        found = [sentences[i] for i in ranked]
        about = _about_story([s for kept in found for s in kept[:CONTEXT_SENTENCES]])
    banners = _banners(found)
    return (_from_sentences([[s for s in kept if s not in banners] for kept in found], about)
            or _from_sentences(found, lambda sentence: True))


def _lead_sentences(lines: Sequence[str]) -> list[str]:
    """The first ``LEAD_SENTENCES`` sentences of ``lines`` (``_segmented(lines)[:LEAD_SENTENCES]``),
    segmenting only the lines they come from."""
    leads: list[str] = []
    for line in lines:
        leads += _line_sentences(line)
        if len(leads) >= LEAD_SENTENCES:
            break
    return leads[:LEAD_SENTENCES]


def _from_sentences(found: Sequence[Sequence[str]], about: Callable[[str], bool]) -> str:
    """The headline drawn from the articles' sentences that are ``about`` the story, as
    ``choose_headline`` says."""
    leads = [kept[:LEAD_SENTENCES] for kept in found]
    rest = [kept[LEAD_SENTENCES:] for kept in found]
    return (_first_fit(leads, about) or _first_fit(leads, about, any_clause=True)
            or _first_fit(rest, about, whole_only=True))


def _first_fit(texts: Sequence[Sequence[str]], about: Callable[[str], bool], *,
               any_clause: bool = False, whole_only: bool = False) -> str:
    """The first clutter-free piece of ``texts`` (per article) that ``fit_headline`` makes a
    headline of, or ``""``; with ``whole_only``, only pieces that end where their phrase ends."""
    return next((fitted for piece, whole in _pieces(texts, about) if whole or not whole_only
                 if (fitted := fit_headline(piece, whole=whole, any_clause=any_clause))), "")


def _banners(found: Sequence[Sequence[str]]) -> set[str]:
    """First sentences that open ``BANNER_ARTICLES`` or more articles that go on
    differently: a site's banner or trending link on top of every page it served, not the
    story's news (a wire story's lead goes on the same way wherever it is copied)."""
    continuations: dict[str, set[str]] = {}
    for kept in found:
        if kept:
            after = next((s for s in kept[1:] if s != kept[0]), "")
            continuations.setdefault(kept[0], set()).add(after)
    return {first for first, after in continuations.items() if len(after) >= BANNER_ARTICLES}


def _about_story(context: Sequence[str]) -> Callable[[str], bool]:
    """A test of whether a sentence is about the story: one of its content words comes up
    again in the rest of ``context`` (the story's first sentences or lines). A line that
    links to another story on top of the page does not; with no other text, every sentence
    passes. Words are matched as lower-case substrings, so "charge" finds "charged" too."""
    text = "\n".join(dict.fromkeys(piece.lower() for piece in context))

    def about(sentence: str) -> bool:
        others = text.replace(sentence.lower(), "", 1)
        words = [w for w in tokens(sentence) if len(w) > 2 and w not in STOP_WORDS]
        return not others.strip() or not words or any(w in others for w in words)

    return about


def _pieces(texts: Sequence[Sequence[str]], about: Callable[[str], bool]) -> Iterator[Piece]:
    """The clutter-free pieces of every sentence of ``texts`` (per article) that is
    ``about`` the story, in order."""
    for sentence in (s for article in texts for s in article):
        if about(sentence):
            yield from clutter_free_pieces(sentence)


def fit_headline(piece: str, *, whole: bool = True, any_clause: bool = False) -> str:
    """``piece`` as a headline of at most ``MAX_HEADLINE_WORDS`` words, without its final
    full stop; ``""`` when it cannot be one.

    A ``whole`` piece (one that ends where its phrase ends) short enough is kept whole.
    Otherwise it is cut at its last clause boundary where a new clause starts (a comma,
    semicolon, colon or dash followed by a word such as "and", "after" or "said"; with
    ``any_clause``, at its first comma, semicolon, colon or dash) that keeps ``MIN_CLAUSE_WORDS`` to ``MAX_HEADLINE_WORDS`` words; a piece that opens
    with a subordinate phrase ("When ...", "On a day when ...") is never cut. Either way
    every quote and bracket must be closed and the last word must not need a next one.

    Example:
        >>> fit_headline("The council approved a budget for repairs to the dam on Monday , "
        ...              "after three weeks of talks in which the unions and the city took part .")
        'The council approved a budget for repairs to the dam on Monday'
    """
    piece = piece.rstrip(" .")
    if whole and word_count(piece) <= MAX_HEADLINE_WORDS and _reads_whole(piece):
        return piece
    if piece.split()[0].lower() in _SUBORDINATE:
        return ""
    heads = [piece[: b.start()].rstrip()
             for b in (_ANY_CLAUSE_END if any_clause else _CLAUSE_END).finditer(piece)]
    fitting = [h for h in heads if MIN_CLAUSE_WORDS <= word_count(h) <= MAX_HEADLINE_WORDS]
    return next((h for h in (fitting if any_clause else fitting[::-1]) if _reads_whole(h)), "")


def _reads_whole(text: str) -> bool:
    """True for text that can stand as a headline: enough words, not boilerplate, no
    opening pronoun or conjunction that leans on an earlier sentence ("He gave no
    timeframe", "But ...") or speaks in the first or second person ("We 're getting ..."), every
    bracket and quote closed, and no last word that needs a next one."""
    return (_is_headline(text) and text.split()[-1].lower() not in _DANGLING
            and not opens_with_pronoun(text) and not _spoken(text)
            and all(text.count(a) == text.count(b) for a, b in _OPENERS))


def _spoken(text: str) -> bool:
    """Whether ``text`` goes on from a sentence before it ("But so has been ...") or speaks
    in the first or second person ("We 're getting ...", "So I thought ..."): a part of an
    argument or a speaker's words, not a headline."""
    words = tokens(text[:40])[:2]  # the first two words are all it needs
    if words[:1] == ["so"]:
        words = words[1:]
    return bool(words) and words[0] in _SPOKEN_OPENERS


def _text_lines(article: Article) -> list[str]:
    """The first ``TEXT_LINES`` lines of ``article``'s text that are not boilerplate (for
    an article not cleaned yet), white space made single."""
    lines = (" ".join(line.split()) for line in article.text.splitlines())
    return list(islice((line for line in lines if line and line_reason(line) is None), TEXT_LINES))


def _segmented(lines: Sequence[str]) -> list[str]:
    """The sentences of ``lines``, in order."""
    return [sentence for line in lines for sentence in _line_sentences(line)]


@functools.lru_cache(maxsize=4096)
def _line_sentences(line: str) -> tuple[str, ...]:
    """The sentences of one line (cached: the lead search and the full search of
    ``choose_headline`` read the same first lines)."""
    return tuple(line[a:b] for a, b in sentence_spans(line))


def _names_outlet(match: re.Match[str], article: Article) -> bool:
    """True when a title suffix is the outlet's name: after ``|``, or the source or host."""
    site = match.group("site").strip().lower()
    if "|" in match.group(0):
        return word_count(site) <= 5
    host = urlsplit(article.url).hostname or ""
    known = {article.source.strip().lower(), host.lower().removeprefix("www.")}
    return site in known - {""}


def _is_headline(title: str) -> bool:
    """True for a title that reads as a headline (enough words, not boilerplate)."""
    return word_count(title) >= MIN_HEADLINE_WORDS and line_reason(title) is None
