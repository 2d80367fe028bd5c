"""``storyline entity NAME``: the stories, storylines and quotes of one person or organisation.

NAME is an entity id (as the web app's ``/entities/ID`` shows it) or a name; a name that
matches one entity exactly shows it, one that matches several lists them (exit 2, as a
usage error: say which), and one that matches none says so (exit 2).
"""

from __future__ import annotations

from typing import Annotated

import typer

from storyline.cli.app import Db, Listing, ListingOption, app, emit, usage_errors
from storyline.errors import UsageError
from storyline.render.following import entity_json, entity_text, found_text
from storyline.store import DEFAULT_DB, EntityProfile, Store, entity_key

__all__ = ["entity"]


@app.command()
def entity(
    name: Annotated[str, typer.Argument(help="A person's or organisation's name or entity id.")],
    db: Db = DEFAULT_DB,
    fmt: ListingOption = Listing.text,
) -> None:
    """Follow a person or organisation: the stories and storylines naming it, over time, and what it said (cited)."""
    with usage_errors(), Store(db) as store:
        profile = _profile(store, name)
    emit(entity_json(profile) if fmt is Listing.json else entity_text(profile), None)


def _profile(store: Store, name: str) -> EntityProfile:
    """The entity ``name`` names: by id, else the one entity whose name matches.

    Raises:
        UsageError: no entity matches, or several do (they are listed).
    """
    found = store.entity(entity_key(name))
    if found is not None:
        return found
    matches = store.find_entities(name)
    if len(matches) == 1:
        profile = store.entity(matches[0][0])
        if profile is not None:
            return profile
    raise UsageError(found_text(name, matches).rstrip("\n"))
