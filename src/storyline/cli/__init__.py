"""The ``storyline`` command: one sub-command per user task.

``app`` holds the shared pieces; each module registers the commands of one part of the
data flow: ``story`` (analyses of one story), ``store`` (a database of stories and the web
app), ``follow`` (a person or organisation across stories), ``live`` (feeds and pages followed into a database), ``batch`` (archives on Dask)
and ``evaluate`` (``storyline eval ...``).
"""

from storyline.cli import story, store, follow, live, batch, evaluate  # noqa: F401, I001  (registers the commands, in --help order)
from storyline.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the ``storyline`` script."""
    app()
