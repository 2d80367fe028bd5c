#!/usr/bin/env bash
# Load on `storyline serve` with wrk: 50 connections for 30 s per URL, on loopback only.
#
# Usage: benchmarks/web_wrk.sh [SEEDS_DIR] [SECONDS] [CONNECTIONS]
#   (defaults: ../shared/data/seeds, 30, 50; needs Debian's wrk: apt-get install -y wrk)
# Ingests the seeds into a temporary SQLite database (digests built and stored), starts
# `storyline serve` on 127.0.0.1 on a free port, then runs, one after another:
#   wrk -t2 -c50 -d30s --latency http://127.0.0.1:PORT/                      (stories page)
#   wrk -t2 -c50 -d30s --latency http://127.0.0.1:PORT/stories/STORY_ID      (story page)
#   wrk -t2 -c50 -d30s --latency http://127.0.0.1:PORT/api/stories/STORY_ID  (story JSON)
# and stops the server. wrk prints requests/s, the latency distribution (p50 ... p99) and
# socket errors and non-2xx responses when there are any.
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDS=${1:-../shared/data/seeds}
SECONDS_EACH=${2:-30}
CONNECTIONS=${3:-50}
BIN=.venv/bin
WORK=$(mktemp -d)
SERVER=""
cleanup() {
    if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
"$BIN/storyline" ingest "$SEEDS" --db "$WORK/seeds.db"
PORT=$("$BIN/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
"$BIN/storyline" serve --db "$WORK/seeds.db" --host 127.0.0.1 --port "$PORT" >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 100); do
    curl -fsS "$BASE/api/stories" >"$WORK/stories.json" 2>/dev/null && break
    sleep 0.2
done
STORY=$("$BIN/python" -c 'import json, sys; print(json.load(open(sys.argv[1]))["stories"][0]["id"])' "$WORK/stories.json")
for url in "$BASE/" "$BASE/stories/$STORY" "$BASE/api/stories/$STORY"; do
    echo "== wrk -t2 -c$CONNECTIONS -d${SECONDS_EACH}s --latency $url"
    timeout $((SECONDS_EACH + 30)) wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --timeout 10s --latency "$url"
done
