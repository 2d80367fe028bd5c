"""Online clustering: ``StoryTracker`` assigns each arriving article to a story and storyline.

One pass, in arrival (publication) order. Each article is encoded with hashed terms
(``storyline.represent.articles``); the document frequencies are counted as articles arrive, and
centroids are kept as sums of un-weighted rows, so every comparison uses the IDF known at
that moment. For each article the tracker

1. closes stories idle longer than ``window_days`` (and storylines idle longer than
   ``line_window_days``), and the longest idle ones beyond ``max_active``: they leave the
   index, so memory stays flat however long the stream;
2. finds the nearest active story (cosine to its centroid, discounted by the days between
   the article and the mean day of the story's articles) and joins it at
   ``online_story_threshold`` or more, else opens one;
3. when the story it joined reaches one of ``SPLIT_SIZES`` articles, splits it as batch
   clustering splits its stories (``storyline.cluster.similarity.split_parts``: IDF local to the
   story's articles, so the words all of them share fade and two events caught in one
   story come apart); the part holding the story's first article keeps the story, each
   other part becomes a story of the same storyline;
4. when the story it joined reaches one of ``APART_SIZES`` articles, moves it to a
   storyline of its own if it shares too little with the rest of its storyline
   (``storyline_apart``, as batch clustering keeps concurrent threads apart), and when it
   reaches one of ``REHOME_SIZES`` (a young story), moves it to a storyline of its own if
   its articles' chance of sharing the rest's storyline (the pair model of step 6) is too low;
5. merges the story it joined with its nearest other story at ``merge_threshold``;
6. puts a new story in the active storyline the learned pair model
   (``storyline.cluster.pairs``) finds likeliest, when that chance reaches
   ``online_storyline_chance``, else opens one.

Joining is generous and splitting corrects it: an early wrong join no longer pulls every
later article of the other event into the story. A story keeps its articles' rows while it
has at most ``KEPT_UP_TO`` of them (memory stays bounded), and is not split after.

Ids follow the batch rule (``storyline.cluster.result.story_id``): a story is named after its first
article, a merge keeps the older story. ``to_state()`` / ``from_state()`` save and restore
the whole tracker as plain JSON-able data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import NamedTuple

import numpy as np
from scipy.sparse import csr_matrix, vstack

from storyline.cluster.groups import (
    Group,
    Member,
    count_day,
    extend,
    group_from,
    group_state,
    offer_headline,
    plain_state,
    prune,
    story_from,
)
from storyline.cluster.index import CentroidIndex, gaps_to_span
from storyline.cluster.pairs import block_similarities, pair_model
from storyline.cluster.params import ClusterParams
from storyline.cluster.result import (
    UNDATED_DAY,
    ClusterResult,
    day_number,
    story_id,
    storyline_id,
)
from storyline.cluster.similarity import (
    APART_MIN,
    MIN_PART,
    centroid_closeness,
    split_parts,
    text_day,
)
from storyline.config import ClusterConfig
from storyline.model import Article, Story, Storyline
from storyline.represent.articles import (
    N_FEATURES,
    DocumentFrequencies,
    encode_article,
    weigh,
)
from storyline.represent.headline import choose_headline

__all__ = ["Assignment", "StoryTracker", "TrackerInput", "tracker_input"]

STATE_VERSION = 2
READABLE_STATES = (1, 2)
"""Versions ``from_state`` reads: a version-1 state has no member rows, so its stories
are not split."""
SPLIT_SIZES = frozenset({4, 5, 6, 8, 11, 16, 23, 32, 45, 64})
"""Story sizes at which a story is checked for a split (about every 1.4-fold growth; a
story needs two parts of ``storyline.cluster.similarity.MIN_PART`` articles to split, of
``UNDATED_MIN_PART`` when none of its articles is dated, so 4 and 5 check undated stories
only: adding them raised the Multi-News tune fold online from 0.877 to 0.889)."""
UNDATED_MIN_PART = 2
"""Fewest articles a part needs to split off a story of undated articles only (dated
stories: ``similarity.MIN_PART``): with no dates to keep events apart, joining is at its
most generous, so a two-article event a big story took in must be able to leave it."""
KEPT_UP_TO = max(SPLIT_SIZES)
"""A story keeps its articles' rows while it has at most this many, and is not split after."""
REFRESH_EVERY = 256
"""Every this many articles all indexed centroids are re-weighed with the current IDF;
in between, a centroid keeps the weights of its last change."""
REHOME_SIZES = frozenset({2, 3, 4, 6, 8, 11, 16})
"""Young story sizes at which the tracker checks that a story belongs in its storyline
(``StoryTracker._rehome``)."""
APART_SIZES = frozenset(APART_MIN * 2**k for k in range(10))
"""Story sizes at which the tracker checks that a story belongs with the rest of its
storyline (``StoryTracker._part_ways``)."""


class TrackerInput(NamedTuple):
    """What the tracker reads of one article: its hashed-term row (``encode_article``) and
    the headline it offers its story (``choose_headline`` of it alone; ``""`` when none)."""

    row: csr_matrix
    headline: str


def tracker_input(article: Article) -> TrackerInput:
    """The ``TrackerInput`` of ``article``: it depends on the article alone, so an ingest
    computes it in its worker processes."""
    return TrackerInput(encode_article(article), choose_headline([article], [0.0]))


@dataclass(frozen=True)
class Assignment:
    """Where one article went: its story and storyline, and what this step merged.

    ``merged`` lists stories absorbed into ``story`` by this step (their articles now belong
    to ``story``); ``split`` lists stories this step split off the story the article
    joined (holding articles that were in it); ``opened_story`` / ``opened_storyline`` say
    whether this step opened them.
    """

    article: str
    story: str
    storyline: str
    merged: tuple[str, ...] = ()
    opened_story: bool = False
    opened_storyline: bool = False
    split: tuple[str, ...] = ()


class StoryTracker(ClusterParams):
    """Assigns a stream of articles to stories and storylines, one article at a time.

    Takes the keyword parameters of ``ClusterConfig`` (``online_story_threshold``,
    ``window_days``, ``max_active``, ...; the batch-only ones are kept but unused here) and
    stores them as given; ``StoryTracker.from_config(config)`` takes them from a config.
    They are checked, and the state set up, when the first article arrives; ``set_params``
    after that does not change a running tracker.

    Attributes (once an article arrived):
        config_: the parameters as a checked ``ClusterConfig``.
        frequencies_: document frequencies of the articles seen so far.
        clock_: the latest publication day seen (NaN before any dated article).
        step_: how many articles were added.
        assignments_: where the articles of the last ``partial_fit`` went, in order.

    Raises:
        UsageError: a parameter is out of range (at the first article).

    Example:
        >>> t = StoryTracker()
        >>> a = t.add(Article(id="a", text="Flood waters rose in Dresden on Monday."))
        >>> b = t.add(Article(id="b", text="Flood waters in Dresden rose again on Monday."))
        >>> a.story == b.story
        True
    """

    def _start(self) -> None:
        """Check the parameters and set up the empty state, unless already done."""
        if hasattr(self, "config_"):
            return
        self.config_ = self.to_config()
        self.frequencies_ = DocumentFrequencies()
        self.clock_ = float("nan")
        self.step_ = 0
        self._stories: dict[str, Group] = {}
        self._lines: dict[str, Group] = {}
        self._closed_stories: list[Story] = []
        self._closed_lines: list[Storyline] = []
        self._story_index = CentroidIndex(2 * N_FEATURES)
        self._line_index = CentroidIndex(2 * N_FEATURES, rebuild_after=0, model=pair_model("storylines"))
        self._closed_until = float("nan")
        self._stale_lines: set[str] = set()

    # -- the stream ---------------------------------------------------------------------

    def partial_fit(
        self, articles: Sequence[Article], y: None = None, *,
        inputs: Sequence[TrackerInput] | None = None,
    ) -> StoryTracker:
        """Assign ``articles`` (the next ones in publication order) one by one; returns ``self``.

        ``assignments_`` then holds each article's ``Assignment`` (as ``add`` returns it);
        ``y`` is ignored; ``inputs`` are the articles' ``tracker_input`` when the caller
        computed them already.

        Raises:
            UsageError: a parameter is out of range.
        """
        given = [None] * len(articles) if inputs is None else inputs
        self.assignments_ = tuple(self.add(a, one) for a, one in zip(articles, given, strict=True))
        return self

    def add(self, article: Article, given: TrackerInput | None = None) -> Assignment:
        """Assign ``article`` (the next one in publication order) and return where it went.

        ``given`` is ``tracker_input(article)`` when the caller computed it already (in
        another process, say); it is computed here otherwise.

        Raises:
            UsageError: a parameter is out of range (at the first article).
        """
        self._start()
        raw, candidate = tracker_input(article) if given is None else given
        self.frequencies_.add(raw)
        self.step_ += 1
        if self.step_ % REFRESH_EVERY == 0:
            self._refresh()
        day = day_number(article.published)
        if not np.isnan(day) and not (day <= self.clock_):
            self.clock_ = day
        self._close_idle()
        member = Member(article.id, raw, day, article.published, candidate,
                         bool(article.title and candidate))
        guard = text_day(article)
        best, similarity = self._nearest(self._stories, raw, day, guard_day=guard)
        if best is None or similarity < self.config_.online_story_threshold:
            story, opened_line = self._open(member, guard)
            return Assignment(article.id, story.id, story.storyline,
                              opened_story=True, opened_storyline=opened_line)
        joined = self._join(best, member, similarity)
        self._part_ways(joined)
        self._rehome(joined)
        parts = self._split(joined)
        if len(parts) > 1:
            home = next(g for g in parts if article.id in g.members)
            return Assignment(article.id, home.id, home.storyline,
                              split=tuple(g.id for g in parts[1:]))
        story, merged = self._merge_nearest(parts[0])
        return Assignment(article.id, story.id, story.storyline, merged)

    def _name_weight(self, groups: dict[str, Group]) -> float:
        """Stories weigh names by ``name_weight``; storylines split the blocks evenly, as
        the pair model (``storyline.cluster.pairs``) reads them."""
        return self.config_.name_weight if groups is self._stories else 0.5

    def _index_of(self, groups: dict[str, Group]) -> CentroidIndex:
        return self._story_index if groups is self._stories else self._line_index

    def _nearest(
        self, groups: dict[str, Group], raw: csr_matrix, day: float,
        exclude: str = "", guard_day: float = float("nan"),
    ) -> tuple[Group | None, float]:
        """The group closest to ``raw``, and that similarity: for stories the cosine
        discounted over ``story_days``, for storylines the pair model's chance. An undated
        article whose text gives ``guard_day`` never reaches a group a year away."""
        if groups is self._lines:
            for line in self._stale_lines & set(self._lines):
                self._put(self._lines, self._lines[line])
            self._stale_lines.clear()
        query = weigh(raw, self.frequencies_, self._name_weight(groups))
        opts = self.config_
        found, similarity = self._index_of(groups).search(
            query, day, opts.story_days, exclude, opts.undated_story_weight, guard_day)
        return (None if found is None else groups[found]), similarity

    def _put(self, groups: dict[str, Group], group: Group) -> None:
        """(Re-)index ``group`` after its centroid or days changed."""
        row = weigh(group.centroid, self.frequencies_, self._name_weight(groups))
        self._index_of(groups).put(group.id, row, *self._days(groups, group))

    def _days(self, groups: dict[str, Group], group: Group) -> tuple[float, float]:
        """The days a group spans for the time discount: a storyline its first to last
        day, a story the mean day of its dated articles (NaN when none is dated).

        A story fed every day would otherwise span months with no discount at all; against
        its mean day, articles far from most of its articles lose similarity, much as in
        batch average linkage, and start a story of their own.
        """
        if groups is self._lines:
            return group.first_day, group.last_day
        center = group.day_sum / group.dated if group.dated else float("nan")
        return center, center

    def _drop(self, groups: dict[str, Group], group: Group) -> None:
        del groups[group.id]
        self._index_of(groups).remove(group.id)

    def _refresh(self) -> None:
        """Re-weigh every indexed centroid with the IDF known now."""
        for groups in (self._stories, self._lines):
            ids = list(groups)
            if not ids:
                continue
            stacked = vstack([groups[i].centroid for i in ids], format="csr")
            weighted = weigh(stacked, self.frequencies_, self._name_weight(groups))
            self._index_of(groups).reset({
                i: (weighted[k], *self._days(groups, groups[i]))
                for k, i in enumerate(ids)
            })

    def _open(self, member: Member, guard_day: float = float("nan")) -> tuple[Group, bool]:
        story = _group_of(story_id(member.id), [member], self.step_)
        raw, day = member.row, member.day
        line, similarity = self._nearest(self._lines, raw, day, guard_day=guard_day)
        opened = line is None or similarity < self.config_.online_storyline_chance
        if opened:
            line = Group(storyline_id(member.id), csr_matrix(raw.shape), [], day, day, self.step_)
            self._lines[line.id] = line
        assert line is not None
        story.storyline = line.id
        line.members.append(story.id)
        self._stories[story.id] = story
        self._put(self._stories, story)
        self._grow_line(line, story, raw, day)
        return story, opened

    def _join(self, story: Group, member: Member, similarity: float) -> Group:
        story.centroid = prune(story.centroid + member.row)
        story.members.append(member.id)
        story.size += 1
        story.kept = _keep(story.kept, [member], story.size)
        count_day(story, member.day)
        story.step = self.step_
        extend(story, member.moment, member.day)
        offer_headline(story, member, similarity)
        self._put(self._stories, story)
        self._grow_line(self._lines[story.storyline], story, member.row, member.day)
        return story

    def _split(self, story: Group) -> tuple[Group, ...]:
        """Split ``story`` as batch clustering would, at the sizes in ``SPLIT_SIZES``.

        Returns ``(story,)`` most of the time; after a split, the story as it is now (the
        part that holds its first article, under its id) and then the stories split off.
        A step that splits does not merge as well (``add``): the two would undo each other.
        """
        if story.size not in SPLIT_SIZES or len(story.kept) != story.size:
            return (story,)
        rows = vstack([m.row for m in story.kept], format="csr")
        days = np.array([m.day for m in story.kept])
        parts = split_parts(rows, self.frequencies_, days, self.config_,
                            UNDATED_MIN_PART if np.isnan(days).all() else MIN_PART)
        if len(parts) == 1:
            return (story,)
        line = self._lines[story.storyline]
        split = []
        for part in parts[1:]:
            members = [story.kept[i] for i in part]
            new = _group_of(story_id(members[0].id), members, self.step_, line.id)
            line.members.append(new.id)
            self._stories[new.id] = new
            self._put(self._stories, new)
            split.append(new)
        rest = _group_of(story.id, [story.kept[i] for i in parts[0]], self.step_, line.id)
        self._stories[story.id] = rest
        self._put(self._stories, rest)
        if line.headline == story.headline:
            line.score, line.headline = rest.size, rest.headline
        return (rest, *split)

    def _part_ways(self, story: Group) -> None:
        """At each of ``APART_SIZES`` articles, move ``story`` to a storyline of its own when
        its centroid and that of the rest of its storyline (``APART_MIN`` articles or more)
        are less alike than ``storyline_apart`` (``similarity.centroid_closeness``): a
        concurrent thread that its first article put in the wrong storyline."""
        line = self._lines[story.storyline]
        if (story.size not in APART_SIZES or line.size - story.size < APART_MIN
                or storyline_id(story.members[0]) == line.id):  # it opened the storyline
            return
        own, others = (weigh(c, self.frequencies_, 0.5) for c in (story.centroid, _without(line, story)))
        if centroid_closeness(own, others) >= self.config_.storyline_apart:
            return
        self._own_line(story, storyline_id(story.members[0]))

    def _rehome(self, story: Group) -> None:
        """At each of ``REHOME_SIZES`` articles, move a young ``story`` to a storyline of
        its own when its kept articles' mean chance of sharing a storyline with the rest of
        it (by the pair model that placed its first article) is below
        ``online_storyline_chance``: one article of another thread that happened to name
        the same people no longer takes every later article of its thread into the wrong
        storyline, whichever of the two threads came first. (``_part_ways`` does this for
        big stories, by centroids.)"""
        line = self._lines[story.storyline]
        if story.size not in REHOME_SIZES or line.size <= story.size or not story.kept:
            return
        rest = weigh(_without(line, story), self.frequencies_, 0.5)
        rows = weigh(vstack([m.row for m in story.kept], format="csr"), self.frequencies_, 0.5)
        content, names = block_similarities(rows, rest)
        days = np.array([m.day for m in story.kept])
        gaps = gaps_to_span(line.first_day, line.last_day, days)
        chance = pair_model("storylines").probability(content.ravel(), names.ravel(), gaps)
        if float(chance.mean()) < self.config_.online_storyline_chance:
            # the article that just joined opened no storyline: its id is free
            self._own_line(story, storyline_id(story.members[-1]))

    def _own_line(self, story: Group, line_id: str) -> None:
        """Move ``story`` out of its storyline into a new one, ``line_id``; the old one is
        then named by its largest active story."""
        line = self._lines[story.storyline]
        new = Group(line_id, csr_matrix(story.centroid.shape), [story.id],
                    story.first_day, story.last_day, self.step_, headline=story.headline,
                    score=story.size, size=story.size)
        self._lines[new.id] = new
        self._move_to_line(story, new.id)
        line.size -= story.size
        story.storyline = new.id
        left = [self._stories[s] for s in line.members if s in self._stories]
        if left and line.headline == story.headline:
            largest = max(left, key=lambda g: g.size)
            line.score, line.headline = largest.size, largest.headline

    def _grow_line(self, line: Group, story: Group, raw: csr_matrix, day: float) -> None:
        line.centroid = prune(line.centroid + raw)
        line.step = self.step_
        line.size += 1
        extend(line, None, day)
        if story.size >= line.score:
            line.score, line.headline = story.size, story.headline
        self._stale_lines.add(line.id)

    def _merge_nearest(self, story: Group) -> tuple[Group, tuple[str, ...]]:
        """Merge ``story`` with its nearest other story when they are one; returns the survivor."""
        other, similarity = self._nearest(self._stories, story.centroid,
                                          self._days(self._stories, story)[0], exclude=story.id)
        if other is None or similarity < self.config_.merge_threshold:
            return story, ()
        older, younger = sorted((story, other), key=lambda g: (_first(g), g.members[0]))
        older.centroid = prune(older.centroid + younger.centroid)
        older.members.extend(younger.members)
        older.size += younger.size
        older.day_sum += younger.day_sum
        older.dated += younger.dated
        older.kept = _keep(older.kept, younger.kept, older.size)
        older.step = self.step_
        extend(older, younger.first_seen, younger.first_day)
        extend(older, younger.last_seen, younger.last_day)
        if younger.score > older.score:
            older.headline, older.score = younger.headline, younger.score
        self._move_to_line(younger, older.storyline)
        self._drop(self._stories, younger)
        self._put(self._stories, older)
        return older, (younger.id,)

    def _move_to_line(self, story: Group, line_id: str) -> None:
        """Hand ``story``'s articles over to storyline ``line_id`` (the survivor's)."""
        if story.storyline == line_id or story.storyline not in self._lines:
            return
        old, new = self._lines[story.storyline], self._lines[line_id]
        old.centroid = _without(old, story)
        old.members.remove(story.id)
        new.centroid = new.centroid + story.centroid
        self._stale_lines.add(new.id)
        if old.members:
            self._stale_lines.add(old.id)
        else:
            self._drop(self._lines, old)

    def _close_idle(self) -> None:
        """Close stories and storylines past their window or beyond ``max_active``.

        Runs when the clock moved to a later day, or when there are too many groups.
        """
        opts = self.config_
        crowded = max(len(self._stories), len(self._lines)) > opts.max_active
        if not crowded and (self.clock_ == self._closed_until or np.isnan(self.clock_)):
            return
        self._closed_until = self.clock_
        for story in _stale(self._stories, self.clock_, opts.window_days, opts.max_active):
            self._drop(self._stories, story)
            self._closed_stories.append(_story(story))
        for line in _stale(self._lines, self.clock_, opts.line_window_days, opts.max_active):
            if any(s in self._stories for s in line.members):
                continue
            self._drop(self._lines, line)
            self._closed_lines.append(_storyline(line))

    # -- snapshots ----------------------------------------------------------------------

    def stories(self) -> tuple[Story, ...]:
        """Stories closed since the last ``pop_closed`` and all active ones, oldest first."""
        self._start()
        active = [_story(s) for s in self._stories.values()]
        return tuple(self._closed_stories + sorted(active, key=_story_order))

    def storylines(self) -> tuple[Storyline, ...]:
        """Storylines closed since the last ``pop_closed`` and all active ones."""
        self._start()
        return tuple(self._closed_lines + [_storyline(line) for line in self._lines.values()])

    def pop_closed(self) -> ClusterResult:
        """The stories and storylines closed since the last call; the tracker forgets them."""
        self._start()
        closed = ClusterResult(tuple(self._closed_stories), tuple(self._closed_lines))
        self._closed_stories, self._closed_lines = [], []
        return closed

    # -- saving and restoring -----------------------------------------------------------

    def to_state(self) -> dict[str, object]:
        """The whole tracker as plain JSON-able data (see ``from_state``).

        Saving re-weighs the index with the current IDF (as ``from_state`` does), so the
        saved tracker and one restored from its state go on exactly alike.

        Raises:
            UsageError: a parameter is out of range.
        """
        self._start()
        self._refresh()
        return {
            "version": STATE_VERSION,
            "options": asdict(self.config_),
            "frequencies": self.frequencies_.to_state(),
            "clock": None if np.isnan(self.clock_) else self.clock_,
            "step": self.step_,
            "stories": [group_state(g) for g in self._stories.values()],
            "storylines": [group_state(g) for g in self._lines.values()],
            "closed_stories": [plain_state(asdict(s)) for s in self._closed_stories],
            "closed_storylines": [plain_state(asdict(s)) for s in self._closed_lines],
        }

    @classmethod
    def from_state(cls, state: dict[str, object]) -> StoryTracker:
        """Rebuild a tracker saved with ``to_state``.

        Raises:
            ValueError: the state was written by an unknown version.
        """
        if state.get("version") not in READABLE_STATES:
            raise ValueError(f"unknown tracker state version {state.get('version')!r}")
        tracker = cls.from_config(ClusterConfig.from_dict(state["options"]))  # type: ignore[arg-type]
        tracker._start()
        tracker.frequencies_ = DocumentFrequencies.from_state(state["frequencies"])  # type: ignore[arg-type]
        tracker.clock_ = float("nan") if state["clock"] is None else float(state["clock"])  # type: ignore[arg-type]
        tracker.step_ = int(state["step"])  # type: ignore[arg-type]
        tracker._stories = {g.id: g for g in map(group_from, state["stories"])}  # type: ignore[arg-type]
        tracker._lines = {g.id: g for g in map(group_from, state["storylines"])}  # type: ignore[arg-type]
        tracker._refresh()
        tracker._closed_stories = [story_from(s) for s in state["closed_stories"]]  # type: ignore[union-attr]
        tracker._closed_lines = [
            Storyline(s["id"], s["headline"], tuple(s["stories"]))  # type: ignore[index]
            for s in state["closed_storylines"]  # type: ignore[union-attr]
        ]
        return tracker


def _without(line: Group, story: Group) -> csr_matrix:
    """The centroid of storyline ``line`` less that of its ``story``: never below zero, where
    the storyline's centroid pruned a term that the story's kept."""
    rest = line.centroid - story.centroid
    rest.data = np.maximum(rest.data, 0.0)
    rest.eliminate_zeros()
    return rest


def _first(group: Group) -> float:
    return UNDATED_DAY if np.isnan(group.first_day) else group.first_day


def _keep(kept: list[Member], more: list[Member], size: int) -> list[Member]:
    """The members a story of ``size`` articles keeps: all of them while it may still be
    split (and none is missing), else none."""
    if size > KEPT_UP_TO or len(kept) + len(more) != size:
        return []
    return kept + more


def _group_of(group_id: str, members: list[Member], step: int, storyline: str = "") -> Group:
    """A story made of ``members`` (opened, or split off another story)."""
    rows = vstack([m.row for m in members], format="csr")
    centroid = csr_matrix(np.ones((1, len(members)))) @ rows
    centroid.sum_duplicates()  # sorted indices: adding rows later takes the fast path
    centroid = prune(centroid)
    group = Group(group_id, centroid, [m.id for m in members], float("nan"),
                   float("nan"), step, storyline=storyline, size=len(members),
                   kept=_keep([], members, len(members)))
    for member in members:
        extend(group, member.moment, member.day)
        count_day(group, member.day)
        offer_headline(group, member, 0.0)
    return group


def _stale(groups: dict[str, Group], clock: float, window: float, limit: int) -> list[Group]:
    old = [g for g in groups.values() if not np.isnan(g.last_day) and clock - g.last_day > window]
    left = len(groups) - len(old)
    if left > limit:
        rest = sorted((g for g in groups.values() if g not in old), key=lambda g: g.step)
        old += rest[: left - limit]
    return old


def _story(group: Group) -> Story:
    return Story(group.id, group.headline, tuple(group.members), group.storyline,
                 group.first_seen, group.last_seen)


def _story_order(story: Story) -> tuple[float, str]:
    day = day_number(story.first_seen)
    return (UNDATED_DAY if np.isnan(day) else day, story.articles[0])


def _storyline(group: Group) -> Storyline:
    return Storyline(group.id, group.headline, tuple(group.members))


