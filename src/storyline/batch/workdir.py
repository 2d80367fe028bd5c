"""The work folder of a batch run (``OUTPUT/_work``): atomic files named by content keys.

Every task writes its files under a name that contains a key: a hash of everything its
result depends on (input file sizes and times, options, code version). A file is written
to a temporary name in the same folder and then renamed over its final name
(``os.replace``), so a reader sees either the whole file or none, and a task that runs
twice (a worker died, the run was restarted) writes the same bytes to the same name.
A task's *marker* is written last; when it exists, the task is done and is not run again.

The files are pickles written by storyline itself; never point a run at a work folder
from a source you do not trust.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import uuid
from pathlib import Path
from typing import Any

__all__ = ["WORK_DIR", "atomic_write", "content_key", "load", "save"]

WORK_DIR = "_work"
"""Name of the work folder inside ``--output``."""

CODE_VERSION = 1
"""Part of every key: raise it when a task's output format or meaning changes."""


def content_key(*parts: Any) -> str:
    """16 hex digits that change whenever any of ``parts`` (JSON-able values) changes.

    Example:
        >>> content_key("a", 1) == content_key("a", 1) != content_key("a", 2)
        True
    """
    text = json.dumps([CODE_VERSION, *parts], sort_keys=True, default=str)
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and ``os.replace``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()


def save(path: Path, value: Any) -> None:
    """Pickle ``value`` to ``path`` atomically."""
    atomic_write(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def load(path: Path | str) -> Any:
    """Read a value written by ``save``."""
    with open(path, "rb") as handle:
        return pickle.load(handle)
