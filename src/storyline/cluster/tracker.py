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
   clustering splits its stories (``storyline.cluster.batch.split_parts``: IDF local to the
   story's articles, so the words all of them share fade and two events caught in one
   story come apart); the part holding the story's first article keeps the story, each
   other part becomes a story of the same storyline;
4. merges the story it joined with its nearest other story at ``merge_threshold``;
5. puts a new story in the nearest active storyline at ``online_storyline_threshold``, else opens one.

Joining is generous and splitting corrects it: an early wrong join no longer pulls every
later article of the other event into the story. A story keeps its articles' rows while it
has at most ``KEPT_UP_TO`` of them (memory stays bounded), and is not split after.

Ids follow the batch rule (``storyline.cluster.batch.story_id``): a story is named after its first
article, a merge keeps the older story. ``to_state()`` / ``from_state()`` save and restore
the whole tracker as plain JSON-able data.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime

import numpy as np
from scipy.sparse import csr_matrix, vstack

from storyline.cluster.batch import (
    UNDATED_DAY,
    ClusterResult,
    day_number,
    split_parts,
    story_id,
    storyline_id,
)
from storyline.represent.articles import (
    N_FEATURES,
    DocumentFrequencies,
    encode_article,
    weigh,
)
from storyline.config import ClusterConfig
from storyline.represent.headline import choose_headline
from storyline.model import Article, Story, Storyline
from storyline.cluster.index import CentroidIndex

__all__ = ["Assignment", "StoryTracker"]

STATE_VERSION = 2
READABLE_STATES = (1, 2)
"""Versions ``from_state`` reads: a version-1 state has no member rows, so its stories
are not split."""
SPLIT_SIZES = frozenset({6, 8, 11, 16, 23, 32, 45, 64})
"""Story sizes at which a story is checked for a split (about every 1.4-fold growth; a
story needs two parts of ``storyline.cluster.batch.MIN_PART`` articles to split)."""
KEPT_UP_TO = max(SPLIT_SIZES)
"""A story keeps its articles' rows while it has at most this many, and is not split after."""
CENTROID_TERMS = 4000
"""A centroid keeps at most about this many terms (twice as many before it is cut), so a
long storyline costs the same to search and to keep as a short one."""
REFRESH_EVERY = 256
"""Every this many articles all indexed centroids are re-weighed with the current IDF;
in between, a centroid keeps the weights of its last change."""


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


@dataclass(frozen=True)
class _Member:
    """What a young story keeps of one article so that it can be split later."""

    id: str
    row: csr_matrix
    day: float
    moment: date | datetime | None
    headline: str
    titled: bool


@dataclass
class _Group:
    """An active story or storyline: raw centroid (sum of rows) and bookkeeping."""

    id: str
    centroid: csr_matrix
    members: list[str]
    first_day: float
    last_day: float
    step: int
    first_seen: date | datetime | None = None
    last_seen: date | datetime | None = None
    headline: str = ""
    score: float = -1.0
    storyline: str = ""
    size: int = 0
    kept: list[_Member] = field(default_factory=list)
    day_sum: float = 0.0
    dated: int = 0


class StoryTracker:
    """Assigns a stream of articles to stories and storylines, one article at a time.

    Args:
        options: a ready ``ClusterConfig``; keyword ``params`` replace its fields
            (``story_threshold``, ``window_days``, ``max_active``, ...).

    Raises:
        UsageError: an option is out of range or unknown.

    Example:
        >>> t = StoryTracker()
        >>> a = t.add(Article(id="a", text="Flood waters rose in Dresden on Monday."))
        >>> b = t.add(Article(id="b", text="Flood waters in Dresden rose again on Monday."))
        >>> a.story == b.story
        True
    """

    def __init__(self, options: ClusterConfig | None = None, **params: object) -> None:
        self.options = ClusterConfig.build(options, params)
        self.frequencies_ = DocumentFrequencies()
        self.clock_ = float("nan")
        self.step_ = 0
        self._stories: dict[str, _Group] = {}
        self._lines: dict[str, _Group] = {}
        self._closed_stories: list[Story] = []
        self._closed_lines: list[Storyline] = []
        self._story_index = CentroidIndex(2 * N_FEATURES)
        self._line_index = CentroidIndex(2 * N_FEATURES, rebuild_after=0)
        self._closed_until = float("nan")
        self._stale_lines: set[str] = set()

    # -- the stream ---------------------------------------------------------------------

    def add(self, article: Article, row: csr_matrix | None = None) -> Assignment:
        """Assign ``article`` (the next one in publication order) and return where it went.

        ``row`` is ``encode_article(article)`` when the caller computed it already (in
        another process, say); it is computed here otherwise.
        """
        raw = encode_article(article) if row is None else row
        self.frequencies_.add(raw)
        self.step_ += 1
        if self.step_ % REFRESH_EVERY == 0:
            self._refresh()
        day = day_number(article.published)
        if not np.isnan(day) and not (day <= self.clock_):
            self.clock_ = day
        self._close_idle()
        candidate = choose_headline([article], [0.0])
        member = _Member(article.id, raw, day, article.published, candidate,
                         bool(article.title and candidate))
        best, similarity = self._nearest(self._stories, raw, day, self.options.story_days)
        if best is None or similarity < self.options.online_story_threshold:
            story, opened_line = self._open(member)
            return Assignment(article.id, story.id, story.storyline,
                              opened_story=True, opened_storyline=opened_line)
        parts = self._split(self._join(best, member, similarity))
        if len(parts) > 1:
            home = next(g for g in parts if article.id in g.members)
            return Assignment(article.id, home.id, home.storyline,
                              split=tuple(g.id for g in parts[1:]))
        story, merged = self._merge_nearest(parts[0])
        return Assignment(article.id, story.id, story.storyline, merged)

    def _name_weight(self, groups: dict[str, _Group]) -> float:
        opts = self.options
        return opts.name_weight if groups is self._stories else opts.storyline_name_weight

    def _index_of(self, groups: dict[str, _Group]) -> CentroidIndex:
        return self._story_index if groups is self._stories else self._line_index

    def _nearest(
        self, groups: dict[str, _Group], raw: csr_matrix, day: float, scale: float,
        exclude: str = "",
    ) -> tuple[_Group | None, float]:
        """The group closest to ``raw`` (time-discounted cosine), and that similarity."""
        if groups is self._lines:
            for line in self._stale_lines & set(self._lines):
                self._put(self._lines, self._lines[line])
            self._stale_lines.clear()
        query = weigh(raw, self.frequencies_, self._name_weight(groups))
        found, similarity = self._index_of(groups).search(query, day, scale, exclude)
        return (None if found is None else groups[found]), similarity

    def _put(self, groups: dict[str, _Group], group: _Group) -> None:
        """(Re-)index ``group`` after its centroid or days changed."""
        row = weigh(group.centroid, self.frequencies_, self._name_weight(groups))
        self._index_of(groups).put(group.id, row, *self._days(groups, group))

    def _days(self, groups: dict[str, _Group], group: _Group) -> tuple[float, float]:
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

    def _drop(self, groups: dict[str, _Group], group: _Group) -> None:
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

    def _open(self, member: _Member) -> tuple[_Group, bool]:
        story = _group_of(story_id(member.id), [member], self.step_)
        raw, day = member.row, member.day
        line, similarity = self._nearest(self._lines, raw, day, self.options.storyline_days)
        opened = line is None or similarity < self.options.online_storyline_threshold
        if opened:
            line = _Group(storyline_id(member.id), csr_matrix(raw.shape), [], day, day, self.step_)
            self._lines[line.id] = line
        assert line is not None
        story.storyline = line.id
        line.members.append(story.id)
        self._stories[story.id] = story
        self._put(self._stories, story)
        self._grow_line(line, story, raw, day)
        return story, opened

    def _join(self, story: _Group, member: _Member, similarity: float) -> _Group:
        story.centroid = _prune(story.centroid + member.row)
        story.members.append(member.id)
        story.size += 1
        story.kept = _keep(story.kept, [member], story.size)
        _count_day(story, member.day)
        story.step = self.step_
        _extend(story, member.moment, member.day)
        _offer_headline(story, member, similarity)
        self._put(self._stories, story)
        self._grow_line(self._lines[story.storyline], story, member.row, member.day)
        return story

    def _split(self, story: _Group) -> tuple[_Group, ...]:
        """Split ``story`` as batch clustering would, at the sizes in ``SPLIT_SIZES``.

        Returns ``(story,)`` most of the time; after a split, the story as it is now (the
        part that holds its first article, under its id) and then the stories split off.
        A step that splits does not merge as well (``add``): the two would undo each other.
        """
        if story.size not in SPLIT_SIZES or len(story.kept) != story.size:
            return (story,)
        rows = vstack([m.row for m in story.kept], format="csr")
        days = np.array([m.day for m in story.kept])
        parts = split_parts(rows, self.frequencies_, days, self.options)
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

    def _grow_line(self, line: _Group, story: _Group, raw: csr_matrix, day: float) -> None:
        line.centroid = _prune(line.centroid + raw)
        line.step = self.step_
        line.size += 1
        _extend(line, None, day)
        if story.size >= line.score:
            line.score, line.headline = story.size, story.headline
        self._stale_lines.add(line.id)

    def _merge_nearest(self, story: _Group) -> tuple[_Group, tuple[str, ...]]:
        """Merge ``story`` with its nearest other story when they are one; returns the survivor."""
        other, similarity = self._nearest(self._stories, story.centroid,
                                          self._days(self._stories, story)[0],
                                          self.options.story_days, exclude=story.id)
        if other is None or similarity < self.options.merge_threshold:
            return story, ()
        older, younger = sorted((story, other), key=lambda g: (_first(g), g.members[0]))
        older.centroid = _prune(older.centroid + younger.centroid)
        older.members.extend(younger.members)
        older.size += younger.size
        older.day_sum += younger.day_sum
        older.dated += younger.dated
        older.kept = _keep(older.kept, younger.kept, older.size)
        older.step = self.step_
        _extend(older, younger.first_seen, younger.first_day)
        _extend(older, younger.last_seen, younger.last_day)
        if younger.score > older.score:
            older.headline, older.score = younger.headline, younger.score
        self._move_to_line(younger, older.storyline)
        self._drop(self._stories, younger)
        self._put(self._stories, older)
        return older, (younger.id,)

    def _move_to_line(self, story: _Group, line_id: str) -> None:
        """Hand ``story``'s articles over to storyline ``line_id`` (the survivor's)."""
        if story.storyline == line_id or story.storyline not in self._lines:
            return
        old, new = self._lines[story.storyline], self._lines[line_id]
        old.centroid = old.centroid - story.centroid
        old.centroid.eliminate_zeros()
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
        opts = self.options
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
        active = [_story(s) for s in self._stories.values()]
        return tuple(self._closed_stories + sorted(active, key=_story_order))

    def storylines(self) -> tuple[Storyline, ...]:
        """Storylines closed since the last ``pop_closed`` and all active ones."""
        return tuple(self._closed_lines + [_storyline(line) for line in self._lines.values()])

    def pop_closed(self) -> ClusterResult:
        """The stories and storylines closed since the last call; the tracker forgets them."""
        closed = ClusterResult(tuple(self._closed_stories), tuple(self._closed_lines))
        self._closed_stories, self._closed_lines = [], []
        return closed

    # -- saving and restoring -----------------------------------------------------------

    def to_state(self) -> dict[str, object]:
        """The whole tracker as plain JSON-able data (see ``from_state``).

        Saving re-weighs the index with the current IDF (as ``from_state`` does), so the
        saved tracker and one restored from its state go on exactly alike.
        """
        self._refresh()
        return {
            "version": STATE_VERSION,
            "options": asdict(self.options),
            "frequencies": self.frequencies_.to_state(),
            "clock": None if np.isnan(self.clock_) else self.clock_,
            "step": self.step_,
            "stories": [_group_state(g) for g in self._stories.values()],
            "storylines": [_group_state(g) for g in self._lines.values()],
            "closed_stories": [_plain(asdict(s)) for s in self._closed_stories],
            "closed_storylines": [_plain(asdict(s)) for s in self._closed_lines],
        }

    @classmethod
    def from_state(cls, state: dict[str, object]) -> StoryTracker:
        """Rebuild a tracker saved with ``to_state``.

        Raises:
            ValueError: the state was written by an unknown version.
        """
        if state.get("version") not in READABLE_STATES:
            raise ValueError(f"unknown tracker state version {state.get('version')!r}")
        tracker = cls(ClusterConfig(**state["options"]))  # type: ignore[arg-type]
        tracker.frequencies_ = DocumentFrequencies.from_state(state["frequencies"])  # type: ignore[arg-type]
        tracker.clock_ = float("nan") if state["clock"] is None else float(state["clock"])  # type: ignore[arg-type]
        tracker.step_ = int(state["step"])  # type: ignore[arg-type]
        tracker._stories = {g.id: g for g in map(_group_from, state["stories"])}  # type: ignore[arg-type]
        tracker._lines = {g.id: g for g in map(_group_from, state["storylines"])}  # type: ignore[arg-type]
        tracker._refresh()
        tracker._closed_stories = [_story_from(s) for s in state["closed_stories"]]  # type: ignore[union-attr]
        tracker._closed_lines = [
            Storyline(s["id"], s["headline"], tuple(s["stories"]))  # type: ignore[index]
            for s in state["closed_storylines"]  # type: ignore[union-attr]
        ]
        return tracker


def _prune(centroid: csr_matrix) -> csr_matrix:
    """``centroid`` cut to its ``CENTROID_TERMS`` heaviest terms once it holds twice as many."""
    if centroid.nnz <= 2 * CENTROID_TERMS:
        return centroid
    keep = np.sort(np.argpartition(centroid.data, -CENTROID_TERMS)[-CENTROID_TERMS:])
    return csr_matrix((centroid.data[keep], centroid.indices[keep], [0, len(keep)]),
                      shape=centroid.shape)


def _first(group: _Group) -> float:
    return UNDATED_DAY if np.isnan(group.first_day) else group.first_day


def _extend(group: _Group, moment: date | datetime | None, day: float) -> None:
    if np.isnan(day):
        return
    if np.isnan(group.first_day) or day < group.first_day:
        group.first_day, group.first_seen = day, moment or group.first_seen
    if np.isnan(group.last_day) or day >= group.last_day:
        group.last_day, group.last_seen = day, moment or group.last_seen


def _count_day(story: _Group, day: float) -> None:
    if not np.isnan(day):
        story.day_sum += day
        story.dated += 1


def _offer_headline(story: _Group, member: _Member, similarity: float) -> None:
    """Keep the member's headline when it is closer to the story than the last (titles first)."""
    score = similarity + (1.0 if member.titled else 0.0)
    if member.headline and score > story.score:
        story.headline, story.score = member.headline, score


def _keep(kept: list[_Member], more: list[_Member], size: int) -> list[_Member]:
    """The members a story of ``size`` articles keeps: all of them while it may still be
    split (and none is missing), else none."""
    if size > KEPT_UP_TO or len(kept) + len(more) != size:
        return []
    return kept + more


def _group_of(group_id: str, members: list[_Member], step: int, storyline: str = "") -> _Group:
    """A story made of ``members`` (opened, or split off another story)."""
    rows = vstack([m.row for m in members], format="csr")
    centroid = csr_matrix(np.ones((1, len(members)))) @ rows
    centroid.sum_duplicates()  # sorted indices: adding rows later takes the fast path
    centroid = _prune(centroid)
    group = _Group(group_id, centroid, [m.id for m in members], float("nan"),
                   float("nan"), step, storyline=storyline, size=len(members),
                   kept=_keep([], members, len(members)))
    for member in members:
        _extend(group, member.moment, member.day)
        _count_day(group, member.day)
        _offer_headline(group, member, 0.0)
    return group


def _stale(groups: dict[str, _Group], clock: float, window: float, limit: int) -> list[_Group]:
    old = [g for g in groups.values() if not np.isnan(g.last_day) and clock - g.last_day > window]
    left = len(groups) - len(old)
    if left > limit:
        rest = sorted((g for g in groups.values() if g not in old), key=lambda g: g.step)
        old += rest[: left - limit]
    return old


def _story(group: _Group) -> Story:
    return Story(group.id, group.headline, tuple(group.members), group.storyline,
                 group.first_seen, group.last_seen)


def _story_order(story: Story) -> tuple[float, str]:
    day = day_number(story.first_seen)
    return (UNDATED_DAY if np.isnan(day) else day, story.articles[0])


def _storyline(group: _Group) -> Storyline:
    return Storyline(group.id, group.headline, tuple(group.members))


def _iso(moment: date | datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _parse(text: str | None) -> date | datetime | None:
    if text is None:
        return None
    return datetime.fromisoformat(text) if len(text) > 10 else date.fromisoformat(text)


def _plain(data: dict[str, object]) -> dict[str, object]:
    return {k: _iso(v) if isinstance(v, date) else list(v) if isinstance(v, tuple) else v
            for k, v in data.items()}


def _story_from(data: dict[str, object]) -> Story:
    return Story(data["id"], data["headline"], tuple(data["articles"]), data["storyline"],  # type: ignore[arg-type]
                 _parse(data["first_seen"]), _parse(data["last_seen"]))  # type: ignore[arg-type]


def _group_state(group: _Group) -> dict[str, object]:
    return {
        "id": group.id, "members": list(group.members), "step": group.step,
        **_row_state(group.centroid),
        "first_day": _day_state(group.first_day), "last_day": _day_state(group.last_day),
        "first_seen": _iso(group.first_seen), "last_seen": _iso(group.last_seen),
        "headline": group.headline, "score": group.score, "storyline": group.storyline,
        "size": group.size, "day_sum": group.day_sum, "dated": group.dated,
        "kept": [{"id": m.id, **_row_state(m.row), "day": _day_state(m.day),
                  "moment": _iso(m.moment), "headline": m.headline, "titled": m.titled}
                 for m in group.kept],
    }


def _group_from(data: dict[str, object]) -> _Group:
    kept = [
        _Member(m["id"], _row_from(m), _day_from(m["day"]), _parse(m["moment"]),  # type: ignore[index]
                m["headline"], bool(m["titled"]))  # type: ignore[index]
        for m in data.get("kept", [])  # type: ignore[attr-defined]
    ]
    return _Group(
        id=data["id"], centroid=_row_from(data), members=list(data["members"]),  # type: ignore[arg-type, call-overload]
        first_day=_day_from(data["first_day"]), last_day=_day_from(data["last_day"]),
        step=int(data["step"]),  # type: ignore[call-overload]
        first_seen=_parse(data["first_seen"]), last_seen=_parse(data["last_seen"]),  # type: ignore[arg-type]
        headline=data["headline"], score=float(data["score"]),  # type: ignore[arg-type]
        storyline=data["storyline"], size=int(data["size"]),  # type: ignore[arg-type, call-overload]
        kept=kept, day_sum=float(data.get("day_sum", 0.0)),  # type: ignore[arg-type]
        dated=int(data.get("dated", 0)),  # type: ignore[call-overload]
    )


def _row_state(row: csr_matrix) -> dict[str, list[int] | list[float]]:
    row = row.tocsr()
    return {"columns": row.indices.tolist(), "values": row.data.tolist()}


def _row_from(data: dict[str, object]) -> csr_matrix:
    columns = np.asarray(data["columns"], dtype=np.int64)
    return csr_matrix((np.asarray(data["values"], dtype=float), columns,
                       np.array([0, len(columns)])), shape=(1, 2 * N_FEATURES))


def _day_state(day: float) -> float | None:
    return None if np.isnan(day) else day


def _day_from(value: object) -> float:
    return float("nan") if value is None else float(value)  # type: ignore[arg-type]
