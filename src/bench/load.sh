#!/usr/bin/env bash
# Load test: the real server on loopback, POST /api/ask driven by wrk.
#   1. extractive answerer, 64 connections: varied questions (dev + extra question files, each made unique so the
#      answer cache cannot serve it), then the dev and extra questions repeated (the cache serves them);
#   2. the local model (models/, fetched with fetch-model if missing), 4 connections, varied questions.
# Reports throughput, p50/p90/p99 latency, non-2xx responses by status (429 and 503 apart), socket errors
# (connect/read/write/timeout: dropped connections), the server's resident memory, and errors in its log.
# Usage, from anywhere: src/bench/load.sh [SECONDS]            (default 60 s per run)
# Environment: LOAD_CONNECTIONS (64), MODEL_CONNECTIONS (4), MODEL_QUEUE (2), SKIP_MODEL=1, SKIP_EXTRACTIVE=1,
# JAVA_OPTS (-Xmx256m),
# BENCH_PORT (7272)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
connections="${LOAD_CONNECTIONS:-64}"
model_connections="${MODEL_CONNECTIONS:-4}"
port="${BENCH_PORT:-7272}"
source src/bench/server.sh
bash src/bench/questions.sh > "$work/bodies.jsonl"

rss() { awk '/VmRSS/ {printf "%.0f MB", $2/1024}' "/proc/$server/status"; }

start_with() { # provider [serve options...]
  local provider="$1"; shift
  start_server "$port" "$work/server-$provider.log" --index-dir "$work/index" --model-provider "$provider" "$@"
  echo "server ($provider, JVM options: ${java_opts[*]}): $(curl -s "http://127.0.0.1:$port/health"); resident $(rss)"
}

drive() { # mode connections seconds label
  echo "$4: $2 connections, $3 s"
  BODIES="$work/bodies.jsonl" MODE="$1" wrk -t2 -c"$2" -d"$3s" --timeout 60s --latency -s src/bench/load.lua \
    "http://127.0.0.1:$port" | tail -1
  echo "  server resident memory after: $(rss)"
}

log_errors() { # provider
  echo "  ERROR lines in the server log: $(grep -c ' ERROR ' "$work/server-$1.log" || true)"
}

if [ "${SKIP_EXTRACTIVE:-0}" != 1 ]; then
echo "== extractive answerer, $(nproc) cores shared with the load generator =="
start_with extractive
BODIES="$work/bodies.jsonl" MODE=varied wrk -t2 -c"$connections" -d5s -s src/bench/load.lua \
  "http://127.0.0.1:$port" >/dev/null # warm-up: JIT, embedding model
drive varied "$connections" "$seconds" "varied questions (no cache)"
drive repeated "$connections" "$seconds" "repeated questions (answer cache)"
log_errors extractive
stop_server
fi

if [ "${SKIP_MODEL:-0}" = 1 ]; then exit 0; fi
echo "== local model =="
ls models/*.gguf >/dev/null 2>&1 || java -jar target/article-chat.jar fetch-model
# one generation at a time (the default for the local model) and a queue of MODEL_QUEUE (2): with 4 clients,
# one question at a time is more than the model and its queue hold, and is shed with a 503
start_with local --max-generations 1 --generation-queue "${MODEL_QUEUE:-2}"
drive varied "$model_connections" "$seconds" "varied questions, local model"
echo "  (429: rate limited; 503: generation shed; fallbacks: 200s answered extractively instead, by reason)"
log_errors local
