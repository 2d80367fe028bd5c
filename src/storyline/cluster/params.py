"""The keyword parameters of both clusterers, stored as given (the scikit-learn contract).

``ClusterParams`` is the base of ``StoryClusterer`` (batch) and ``StoryTracker`` (online):
its ``__init__`` takes one typed keyword parameter per field of ``ClusterConfig``, with the
same defaults, and stores each unchanged under its own name, so that ``get_params``,
``set_params``, ``clone`` and ``repr`` work as for any scikit-learn estimator. The values are
checked when clustering starts (``to_config``), not when they are set.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any, Self

from sklearn.base import BaseEstimator

from storyline.config import ClusterConfig
from storyline.errors import UsageError

__all__ = ["ClusterParams"]

_DEFAULT = ClusterConfig()


class ClusterParams(BaseEstimator):
    """Clustering parameters; see ``storyline.config.ClusterConfig`` for their meaning."""

    def __init__(
        self,
        *,
        story_threshold: float = _DEFAULT.story_threshold,
        online_story_threshold: float = _DEFAULT.online_story_threshold,
        storyline_chance: float = _DEFAULT.storyline_chance,
        online_storyline_chance: float = _DEFAULT.online_storyline_chance,
        storyline_apart: float = _DEFAULT.storyline_apart,
        name_weight: float = _DEFAULT.name_weight,
        story_days: float = _DEFAULT.story_days,
        undated_story_weight: float = _DEFAULT.undated_story_weight,
        merge_threshold: float = _DEFAULT.merge_threshold,
        window_days: float = _DEFAULT.window_days,
        line_window_days: float = _DEFAULT.line_window_days,
        max_active: int = _DEFAULT.max_active,
    ) -> None:
        self.story_threshold = story_threshold
        self.online_story_threshold = online_story_threshold
        self.storyline_chance = storyline_chance
        self.online_storyline_chance = online_storyline_chance
        self.storyline_apart = storyline_apart
        self.name_weight = name_weight
        self.story_days = story_days
        self.undated_story_weight = undated_story_weight
        self.merge_threshold = merge_threshold
        self.window_days = window_days
        self.line_window_days = line_window_days
        self.max_active = max_active

    @classmethod
    def from_config(cls, config: ClusterConfig) -> Self:
        """A clusterer whose parameters are the fields of ``config``."""
        return cls(**asdict(config))

    def to_config(self) -> ClusterConfig:
        """The parameters as a checked ``ClusterConfig``.

        Raises:
            UsageError: a value is out of range.
        """
        return ClusterConfig(**{f.name: getattr(self, f.name) for f in fields(ClusterConfig)})

    def set_params(self, **changes: Any) -> Self:
        """Set parameters by name (``get_params`` gives them back); returns ``self``.

        Raises:
            UsageError: a name is not a parameter (the message lists the unknown ones).
        """
        unknown = sorted(set(changes) - set(self.get_params()))
        if unknown:
            raise UsageError(f"unknown clustering option(s): {', '.join(unknown)}; "
                             f"expected some of {', '.join(self.get_params())}")
        return super().set_params(**changes)
