#!/usr/bin/env bash
# Measures the local model on the dev questions: load time, time to first streamed token, whole answer, and
# the process's peak resident memory. Usage, from the repository root: src/bench/local-model.sh [MODEL.gguf]
set -euo pipefail
cd "$(dirname "$0")/../.."
model="${1:-models/SmolLM2-135M-Instruct.Q4_1.gguf}"
[ -f target/article-chat.jar ] || mvn -q -B -DskipTests package
[ -f "$model" ] || java -jar target/article-chat.jar fetch-model
mvn -q -B test-compile
/usr/bin/time -f "peak resident memory: %M KB" java -Xmx256m -cp target/test-classes:target/article-chat.jar \
  dev.articlechat.answer.LocalModelBenchmark "$model" src/test/resources/eval/dev-questions.jsonl 2>&1 \
  | grep -E "^model|^peak"
