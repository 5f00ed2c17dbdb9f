#!/usr/bin/env bash
# Memory under bursts of long conversations: the real server (extractive answerer, -Xmx256m) on loopback, then
# BURSTS bursts of SECONDS each of POST /api/ask with 20-turn histories (src/bench/history.lua) at CONNECTIONS
# connections, a quiet pause after each. Samples the server's resident memory, threads and open file handles at
# ready, after each burst, and after each pause: what grows, and whether it comes back down.
# Usage, from anywhere: src/bench/memory.sh [BURSTS] [SECONDS] [PAUSE]        (default 3 bursts of 20 s, 20 s pause)
# Environment: CONNECTIONS (64), JAVA_OPTS (-Xmx256m), BENCH_PORT (7274)
set -euo pipefail
cd "$(dirname "$0")/../.."
bursts="${1:-3}"
seconds="${2:-20}"
pause="${3:-20}"
connections="${CONNECTIONS:-64}"
port="${BENCH_PORT:-7274}"
source src/bench/server.sh

start_server "$port" "$work/server.log" --index-dir "$work/index" --model-provider extractive

sample() { # label
  printf "%-16s resident %6s MB, threads %4s, open fds %4s\n" "$1" \
    "$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$server/status")" \
    "$(awk '/Threads/ {print $2}' "/proc/$server/status")" "$(ls "/proc/$server/fd" | wc -l)"
}

echo "memory: extractive answerer, JVM options ${java_opts[*]}, $bursts bursts of $seconds s at $connections connections"
sample ready
for burst in $(seq 1 "$bursts"); do
  result=$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 60s -s src/bench/history.lua "http://127.0.0.1:$port" \
    | awk '/requests in/ {r=$1} /Non-2xx/ {n=$NF} END {printf "%s requests, %s non-2xx", r, (n == "" ? 0 : n)}')
  sample "burst $burst" ; echo "                 ($result)"
  sleep "$pause"
  sample "pause $burst"
done
echo "ERROR lines in the server log: $(grep -c ' ERROR ' "$work/server.log" || true)"
