"""Plain text and JSON of ``storyline entity NAME``: a person or organisation over time.

The text lists the entity's stories oldest first (date, headline, storyline), then what it
said, each quote with its source ``[article start-end]`` so that it can be checked against
the article text. JSON is ``EntityProfile.to_dict()``. Text goes through ``rich.text.Text``,
so stored text prints exactly as written.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from storyline.ingest.names import clean_display
from storyline.render.json import json_text
from storyline.render.text import plain_text
from storyline.store import EntityProfile

__all__ = ["entity_json", "entity_text", "found_text"]


def entity_json(profile: EntityProfile) -> str:
    """``{"id", "name", "type", "aliases", "stories", "storylines", "quotes"}``."""
    return json_text(profile.to_dict())


def entity_text(profile: EntityProfile, width: int = 100) -> str:
    """The entity's name and type, its stories oldest first, then its quotes with sources."""
    lines = [Text(f"{clean_display(profile.name)} ({profile.type.lower()}, id {profile.id})", style="bold")]
    if profile.aliases:
        lines.append(Text("also " + ", ".join(clean_display(a) for a in profile.aliases)))
    lines.append(Text(f"\n{len(profile.stories)} stor{'y' if len(profile.stories) == 1 else 'ies'}, oldest first:"))
    for story in profile.stories:
        when = (story.first_seen or "date unknown")[:10]
        lines.append(Text(f"  {when}  {story.id}  {clean_display(story.headline)}"))
        lines.append(Text(f"              storyline {story.storyline}: {clean_display(story.storyline_headline)}"
                          f" ({story.articles} article{'s' if story.articles != 1 else ''} name it)"))
    lines.append(Text(f"\n{len(profile.quotes)} quote{'s' if len(profile.quotes) != 1 else ''}, newest stories first:"))
    for quote in profile.quotes:
        said = f"\u201c{clean_display(quote.text)}\u201d" if quote.direct else clean_display(quote.text)
        lines.append(Text(f"  {said} ({clean_display(quote.cue)}) [{quote.article} {quote.start}-{quote.end}]"))
    return plain_text(Text("\n").join(lines), width)


def found_text(name: str, found: Sequence[tuple[str, str, int]]) -> str:
    """The entities whose names are close to ``name``, one per line with its story count."""
    if not found:
        return f"no stored story names {name!r}\n"
    lines = [f"{len(found)} entities match {name!r}; give one of these ids:"]
    lines += [f"  {entity_id}  {clean_display(full)} ({count} stor{'y' if count == 1 else 'ies'})"
              for entity_id, full, count in found]
    return "\n".join(lines) + "\n"
