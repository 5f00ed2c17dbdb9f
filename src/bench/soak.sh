#!/usr/bin/env bash
# Soak test: the real server on loopback under mixed traffic (ask, ask/stream, v1 chat completions plain and
# streamed, article, health, and bad requests: invalid JSON, wrong content type, unknown route) for a while,
# sampling the server's resident memory, open file handles and threads at the start, every interval and at the
# end. Flat figures mean nothing leaks; the expected statuses are 200, 400, 404 and 415, and no 5xx.
# Usage, from anywhere: src/bench/soak.sh [MINUTES] [INTERVAL_SECONDS]     (default 10 minutes, every 60 s)
# Environment: SOAK_CONNECTIONS (8), SOAK_PROVIDER (extractive), JAVA_OPTS (-Xmx256m), BENCH_PORT (7273)
set -euo pipefail
cd "$(dirname "$0")/../.."
minutes="${1:-10}"
interval="${2:-60}"
seconds=$(awk -v m="$minutes" 'BEGIN {printf "%d", m * 60}')
connections="${SOAK_CONNECTIONS:-8}"
provider="${SOAK_PROVIDER:-extractive}"
port="${BENCH_PORT:-7273}"
source src/bench/server.sh
load=""
cleanup() {
  [ -z "$load" ] || kill "$load" 2>/dev/null || true
  stop_server
  rm -rf "$work"
}
trap cleanup EXIT
bash src/bench/questions.sh > "$work/bodies.jsonl"

start_server "$port" "$work/server.log" --index-dir "$work/index" --model-provider "$provider"

sample() { # label
  local rss fds threads
  rss=$(awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$server/status")
  threads=$(awk '/Threads/ {print $2}' "/proc/$server/status")
  fds=$(ls "/proc/$server/fd" | wc -l)
  printf "%-10s %8s s %12s MB %10s %8s\n" "$1" "$(( $(date +%s) - began ))" "$rss" "$fds" "$threads"
}

echo "soak: $provider answerer, $connections connections, ${minutes} min, sampled every ${interval} s; JVM options: ${java_opts[*]}"
began=$(date +%s)
printf "%-10s %10s %15s %10s %8s\n" "sample" "elapsed" "resident" "open fds" "threads"
sample start
BODIES="$work/bodies.jsonl" wrk -t2 -c"$connections" -d"${seconds}s" --timeout 60s --latency -s src/bench/soak.lua \
  "http://127.0.0.1:$port" > "$work/wrk.out" 2>&1 &
load=$!
while kill -0 "$load" 2>/dev/null; do
  for _ in $(seq 1 "$interval"); do kill -0 "$load" 2>/dev/null && sleep 1; done
  kill -0 "$load" 2>/dev/null && sample during
done
wait "$load" || true
load=""
sleep 2 # let the last responses and their connections close
sample end
echo "traffic: $(tail -1 "$work/wrk.out")"
echo "ERROR lines in the server log: $(grep -c ' ERROR ' "$work/server.log" || true)"
