"""Stories and storylines (``storyline cluster``) as plain text: one block per storyline,
its stories indented under it. The JSON is ``Clustering.to_dict()``.
"""

from __future__ import annotations

from storyline.model import Clustering, Story

__all__ = ["clusters_text"]


def clusters_text(result: Clustering) -> str:
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
