"""Worker pools of an ingest: every item done once, read lazily, results matched to items."""

from __future__ import annotations

import pytest

from storyline.errors import UsageError
from storyline.store.prepare import worker_stream


@pytest.mark.parametrize("workers", [1, 2])
def test_worker_stream_pairs_each_item_with_its_result(workers: int) -> None:
    drawn: list[int] = []

    def items():
        for n in range(40):
            drawn.append(n)
            yield n

    with worker_stream(workers) as run:
        pairs = []
        for item, result in run(abs, (-n for n in items())):
            pairs.append((item, result))
            # never more than two items per worker drawn ahead of what was read
            assert len(drawn) <= len(pairs) + 2 * workers
    assert sorted(pairs) == [(-n, n) for n in range(39, -1, -1)]


def test_worker_stream_refuses_no_workers() -> None:
    with pytest.raises(UsageError, match="--workers"), worker_stream(0):
        pass
