#!/usr/bin/env bash
# Load test of `dyad serve`: 200 concurrent connections for 60 s on a mix of API and
# dashboard endpoints (wrk), with the server's RSS sampled every 5 s.
#
#   scripts/serve-load.sh STORE [DURATION] [CONNECTIONS]
#
# Needs a release build (cargo build --release -p dyad) and wrk (apt-get install wrk).
# Build a store with `dyad ingest --store STORE ...`; docs/performance.md says how the
# published figures' store was made.
set -euo pipefail
cd "$(dirname "$0")/.."
store=${1:?usage: scripts/serve-load.sh STORE [DURATION] [CONNECTIONS]}
duration=${2:-60s}
conns=${3:-200}
bin=target/release/dyad
port=18080
base="http://127.0.0.1:$port"
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

"$bin" serve --store "$store" --addr "127.0.0.1:$port" 2>"$work/serve.log" &
pid=$!
for _ in $(seq 100); do curl -sf "$base/health" >/dev/null && break; sleep 0.1; done
curl -sf "$base/health"; echo

# Real ids for the detail endpoints.
ev=$(curl -sf "$base/api/events?limit=1&order=desc" | sed -E 's/.*"id":"([0-9]+)".*/\1/')
doc=$(curl -sf "$base/api/events/$ev" | sed -E 's/.*"doc_id":"([^"]+)".*/\1/')

cat > "$work/mixed.lua" <<LUA
-- One of these paths per request, in turn.
local paths = {
  "/health",
  "/api/events?limit=100",
  "/api/events?actor=USA&limit=50",
  "/api/events?quad=4&order=desc&limit=20",
  "/api/events?from=1987-03-01&to=1987-03-31&limit=100",
  "/api/events/$ev",
  "/api/documents/$doc",
  "/api/dyads?limit=20&from=1987-03-01&to=1987-03-31",
  "/api/actors?limit=20&country=USA",
  "/api/series?per=month&actor=USA",
  "/events?actor=USA",
  "/events/$ev",
}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA

( while kill -0 "$pid" 2>/dev/null; do
    awk '/VmRSS|VmHWM/ {printf "%s %s kB  ", $1, $2} END {print ""}' "/proc/$pid/status" 2>/dev/null
    sleep 5
  done ) > "$work/rss.log" &
sampler=$!

wrk -t2 -c"$conns" -d"$duration" --timeout 10s --latency -s "$work/mixed.lua" "$base"

kill "$sampler" 2>/dev/null || true
echo "server RSS every 5 s:"
cat "$work/rss.log"
