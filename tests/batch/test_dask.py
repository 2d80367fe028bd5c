"""``storyline batch`` on a real Dask cluster: two worker processes on this machine.

The cluster is a ``LocalCluster`` of 2 single-threaded worker processes (each under a
nanny that restarts it when it dies), with the dashboard off. Both tests compare with the
local engine on the same slice of Timeline17 (see ``tests/test_batch.py``).
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from distributed import Client, LocalCluster
from test_batch import RUN, stories_of, timeline_records, write_shards

from storyline.batch import DaskEngine, LocalEngine, run_batch


def _children() -> set[int]:
    """Child processes of this test process, leaving out multiprocessing's resource tracker."""
    found = set()
    for child in psutil.Process().children(recursive=True):
        try:
            if "resource_tracker" not in " ".join(child.cmdline()):
                found.add(child.pid)
        except psutil.NoSuchProcess:
            continue
    return found


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    before = _children()
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    dask_client = Client(cluster)
    yield dask_client
    dask_client.close()
    cluster.close()
    deadline = time.monotonic() + 20
    while _children() - before and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _children() - before, "the Dask cluster left processes behind"


@pytest.fixture(scope="module")
def corpus(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_shards(folder, timeline_records(shared_data), size=4)
    return folder


@pytest.fixture(scope="module")
def local_output(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("local") / "out"
    run_batch([corpus], output, LocalEngine(), RUN)
    return output


def test_batch_dask_gives_the_same_stories_as_local(
    client: Client, corpus: Path, local_output: Path, tmp_path: Path
) -> None:
    report = run_batch([corpus], tmp_path / "out", DaskEngine(client), RUN)
    assert report.engine == "dask" and report.workers == 2
    assert stories_of(tmp_path / "out") == stories_of(local_output)
    assert (tmp_path / "out" / "digests.jsonl").read_bytes() == (
        local_output / "digests.jsonl").read_bytes()


def test_batch_dask_survives_a_worker_killed_mid_run(
    client: Client, corpus: Path, local_output: Path, tmp_path: Path
) -> None:
    pids = client.run(os.getpid)
    finished: list[object] = []
    runner = threading.Thread(target=lambda: finished.append(run_batch(
        [corpus], tmp_path / "out", DaskEngine(client), RUN)))
    runner.start()
    victim = _busy_worker(client, tmp_path / "out", runner)
    os.kill(pids[victim], signal.SIGKILL)
    killed_during_run = runner.is_alive()
    runner.join(timeout=180)
    assert killed_during_run and not runner.is_alive() and finished
    assert pids[victim] not in client.run(os.getpid).values()
    rows = stories_of(tmp_path / "out")
    ids = [i for row in rows for i in row["article_ids"]]
    assert len(ids) == len(set(ids)) == 24
    assert rows == stories_of(local_output)
    assert (tmp_path / "out" / "digests.jsonl").read_bytes() == (
        local_output / "digests.jsonl").read_bytes()


def _busy_worker(client: Client, output: Path, runner: threading.Thread) -> str:
    """A worker running a task once the run has finished some shards."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and runner.is_alive():
        done = list((output / "_work" / "shards").glob("*/done.pkl"))
        busy = [worker for worker, keys in client.processing().items() if keys]
        if done and busy:
            return busy[0]
        time.sleep(0.02)
    raise AssertionError("the run finished before a worker could be killed")
