"""Stories and storylines (``storyline cluster``) as JSON or plain text.

JSON: ``{"stories": [{"id", "headline", "articles": [ids], "storyline", "first_seen",
"last_seen"}], "storylines": [{"id", "headline", "stories": [ids]}]}``, dates as ISO
strings or null. Text: one block per storyline, its stories indented under it.
"""

from __future__ import annotations

from typing import Any

from storyline.cluster.result import ClusterResult
from storyline.model import Story
from storyline.render.json import json_text

__all__ = ["clusters_dict", "clusters_json", "clusters_text"]


def clusters_dict(result: ClusterResult) -> dict[str, Any]:
    """The JSON object of ``result`` (see the module docstring)."""
    return {
        "stories": [_story(story) for story in result.stories],
        "storylines": [
            {"id": line.id, "headline": line.headline, "stories": list(line.stories)}
            for line in result.storylines
        ],
    }


def _story(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "headline": story.headline,
        "articles": list(story.articles),
        "storyline": story.storyline,
        "first_seen": story.first_seen.isoformat() if story.first_seen else None,
        "last_seen": story.last_seen.isoformat() if story.last_seen else None,
    }


def clusters_json(result: ClusterResult) -> str:
    """``clusters_dict(result)`` as indented JSON text ending in a newline."""
    return json_text(clusters_dict(result))


def clusters_text(result: ClusterResult) -> str:
    """Storylines, each with its stories (headline, dates, article count) indented under it."""
    stories = {story.id: story for story in result.stories}
    lines = [f"{len(result.stories)} stories in {len(result.storylines)} storylines", ""]
    for line in result.storylines:
        lines.append(f"{line.headline or '(untitled)'}  [{line.id}]")
        for story_id in line.stories:
            story = stories[story_id]
            when = _dates(story)
            lines.append(f"  - {story.headline or '(untitled)'}  [{story.id}]"
                         f"  {len(story.articles)} article(s){when}")
        lines.append("")
    return "\n".join(lines)


def _dates(story: Story) -> str:
    if story.first_seen is None:
        return ""
    first, last = story.first_seen.isoformat(), story.last_seen.isoformat() if story.last_seen else ""
    return f", {first}" if first == last or not last else f", {first} to {last}"
