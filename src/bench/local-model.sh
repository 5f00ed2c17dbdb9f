#!/usr/bin/env bash
# One table of the answerers, one question at a time on this machine: start to ready, to a warm prompt cache,
# first streamed token and whole answer (p50, p95), answers not replaced by the extractive one, and the process's
# peak resident memory. Usage, from the repository root: src/bench/local-model.sh [MODEL.gguf...]
# (default: the extractive answerer, SmolLM2-135M and the default Qwen2.5-Coder-1.5B, fetched if missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f target/article-chat.jar ] || mvn -q -B -DskipTests package
if [ "$#" -eq 0 ]; then
  java -jar target/article-chat.jar fetch-model --model smollm2-135m >/dev/null
  java -jar target/article-chat.jar fetch-model >/dev/null
  set -- extractive models/SmolLM2-135M-Instruct.Q4_1.gguf models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf
fi
mvn -q -B test-compile -Dfuzz.skip=true
questions=(src/test/resources/eval/dev-questions.jsonl src/test/resources/eval/follow-up-questions.jsonl)
echo "| answerer | ready | cache warm | first token p50 | p95 | whole answer p50 | p95 | model's own | peak RSS |"
echo "|---|---|---|---|---|---|---|---|---|"
for model in "$@"; do
  row=$(/usr/bin/time -o /tmp/article-chat-bench-rss -f "%M" java -Xmx256m \
    -cp target/test-classes:target/article-chat.jar dev.articlechat.answer.LocalModelBenchmark "$model" \
    "${questions[@]}" 2>/dev/null | grep '^|')
  echo "$row $(( $(cat /tmp/article-chat-bench-rss) / 1024 )) MB |"
done
