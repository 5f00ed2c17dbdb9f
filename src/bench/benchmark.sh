#!/usr/bin/env bash
# Measures the figures the README reports: time until /health answers when the index exists, POST /api/ask
# latency and throughput at 16 concurrent clients on loopback, and the server's resident memory.
# Usage: src/bench/benchmark.sh [SECONDS]   (from the repository root; builds the jar if needed)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-30}"
port="${BENCH_PORT:-7171}"
questions=src/test/resources/eval/dev-questions.jsonl
index_dir="$(mktemp -d)/index"

[ -f target/article-chat.jar ] || mvn -q -B -DskipTests package
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
classpath="target/test-classes:target/classes:$(cat target/bench.classpath)"

java -jar target/article-chat.jar index --index-dir "$index_dir" >/dev/null 2>&1

started=$(date +%s%N)
java -jar target/article-chat.jar serve --port "$port" --index-dir "$index_dir" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do sleep 0.02; done
echo "ready: /health answered $(( ($(date +%s%N) - started) / 1000000 )) ms after start (index present)"

for mode in repeat unique; do
  java -cp "$classpath" dev.articlechat.bench.AskLoadBenchmark "http://127.0.0.1:$port" "$questions" 16 "$seconds" "$mode"
done
echo "memory: $(grep VmRSS /proc/$server/status | awk '{print $2/1024 " MB"}') resident (VmHWM $(grep VmHWM /proc/$server/status | awk '{print $2/1024 " MB"}'))"
