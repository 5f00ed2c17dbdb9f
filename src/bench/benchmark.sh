#!/usr/bin/env bash
# Measures the figures docs/benchmarks.md reports: time until /health answers when the index exists, POST /api/ask
# latency and throughput at 16 concurrent clients on loopback (wrk), and the server's resident memory.
# Usage, from the repository root: src/bench/benchmark.sh [SECONDS] [JAVA_OPTIONS...]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-30}"; shift || true
java_options=("$@")
port="${BENCH_PORT:-7171}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
[ -f target/article-chat.jar ] || mvn -q -B -DskipTests package

# One request body per dev question, history included.
python3 - src/test/resources/eval/dev-questions.jsonl > "$work/bodies.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    q = json.loads(line)
    body = {"question": q["q"]}
    if q.get("history"):
        body["history"] = q["history"]
    print(json.dumps(body, ensure_ascii=False))
PY

java -jar target/article-chat.jar index --index-dir "$work/index" >/dev/null 2>&1
started=$(date +%s%N)
# The extractive answerer unless BENCH_PROVIDER names another: these figures are for retrieval and answering
# without a language model (src/bench/local-model.sh measures the local model). The load comes from one
# address, so the per-client rate limit is off unless RATE_LIMIT is set.
java "${java_options[@]}" -jar target/article-chat.jar serve --port "$port" --index-dir "$work/index" \
  --model-provider "${BENCH_PROVIDER:-extractive}" --rate-limit "${RATE_LIMIT:-0}" 2>"$work/server.log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do sleep 0.02; done
echo "ready: /health answered $(( ($(date +%s%N) - started) / 1000000 )) ms after start, index present; JVM options: ${java_options[*]:-none}; answers: ${BENCH_PROVIDER:-extractive}"
echo "memory at start: $(awk '/VmRSS/ {print $2/1024 " MB"}' /proc/$server/status) resident"

for unique in 0 1; do
  label=$([ "$unique" = 1 ] && echo "unique questions (no cache)" || echo "dev questions repeated (answer cache warm)")
  BODIES="$work/bodies.jsonl" UNIQUE=$unique wrk -t2 -c16 -d5s -s src/bench/ask.lua "http://127.0.0.1:$port" >/dev/null
  echo "$label, 16 connections, ${seconds}s:"
  BODIES="$work/bodies.jsonl" UNIQUE=$unique wrk -t2 -c16 -d"${seconds}s" --latency -s src/bench/ask.lua \
    "http://127.0.0.1:$port" | tail -1
done
echo "memory after load: $(awk '/VmRSS/ {print $2/1024 " MB"}' /proc/$server/status) resident, peak $(awk '/VmHWM/ {print $2/1024 " MB"}' /proc/$server/status)"
