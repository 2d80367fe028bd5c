"""Load on the web app: N concurrent clients on loopback for S seconds; prints p50/p99 and errors.

Usage: .venv/bin/python benchmarks/web_load.py --db stories.db [--clients 50] [--seconds 30]
Starts ``storyline serve`` (uvicorn, one process) on a free loopback port, then each client
thread fetches the stories page, one story page and its JSON digest in turn.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _client(base: str, urls: list[str], until: float, times: list[float], errors: list[str]) -> None:
    with httpx.Client(base_url=base, timeout=30) as client:
        k = 0
        while time.monotonic() < until:
            url = urls[k % len(urls)]
            k += 1
            start = time.perf_counter()
            try:
                status = client.get(url).status_code
            except httpx.HTTPError as error:
                errors.append(f"{url}: {error!r}")
                continue
            times.append(time.perf_counter() - start)
            if status != 200:
                errors.append(f"{url}: HTTP {status}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    args = parser.parse_args()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([str(Path(sys.executable).parent / "storyline"), "serve", "--db", args.db, "--port", str(port)])
    try:
        for _ in range(200):
            try:
                story = httpx.get(base + "/api/stories").json()["stories"][0]["id"]
                break
            except (httpx.HTTPError, ValueError):
                time.sleep(0.1)
        urls = ["/", f"/stories/{story}", f"/api/stories/{story}"]
        times: list[float] = []
        errors: list[str] = []
        until = time.monotonic() + args.seconds
        threads = [threading.Thread(target=_client, args=(base, urls, until, times, errors)) for _ in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=10)
    cuts = statistics.quantiles(times, n=100)
    print(f"{args.clients} clients, {args.seconds:.0f} s: {len(times)} requests "
          f"({len(times) / args.seconds:.0f}/s), p50 {cuts[49] * 1000:.0f} ms, "
          f"p99 {cuts[98] * 1000:.0f} ms, errors {len(errors)}")
    for line in errors[:5]:
        print("  ", line)


if __name__ == "__main__":
    main()
