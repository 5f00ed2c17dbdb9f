#!/usr/bin/env bash
# Scale benchmark: for each article count N, generates N articles (src/bench/scale-corpus.py: sentences of the
# shipped articles recombined, people, places and numbers swapped per article), then measures
#   - the index build (java -jar ... index): wall time, articles/s, the builder's peak resident memory, size on disk;
#   - the server (JAVA_OPTS, default -Xmx256m, extractive answers, rate limit off) with the index present: time
#     from start until /health answers, resident memory (VmRSS) at start and after load;
#   - POST /api/ask at 16 connections with wrk (src/bench/scale.lua, every question unique so that no cache
#     helps): (a) each question scoped to a random article of GET /api/articles, (b) unscoped.
# Prints the load average before each timed step: other work on the machine skews the figures.
# Usage, from anywhere: src/bench/scale.sh [N...]   (default: 1000 10000)
# Environment: BENCH_SECONDS (30, per workload), BENCH_CONNECTIONS (16), BENCH_PORT (7373), JAVA_OPTS (-Xmx256m),
# INDEX_JAVA_OPTS (none: the builder's JVM options).
# The articles are many files: they reach the command line as an @file of --article options (picocli reads
# arguments from a file named after an @), since 10,000 paths are too long for ARTICLE's one variable.
set -euo pipefail
cd "$(dirname "$0")/../.."
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1000 10000)
seconds="${BENCH_SECONDS:-30}"
connections="${BENCH_CONNECTIONS:-16}"
port="${BENCH_PORT:-7373}"
read -r -a index_opts <<< "${INDEX_JAVA_OPTS:-}"
source src/bench/server.sh

load() { cut -d' ' -f1-3 /proc/loadavg; }
rss() { awk '/VmRSS/ {printf "%.0f MB", $2/1024}' "/proc/$server/status"; }
# resident memory by kind: the heap and native allocations (anon), and pages of mapped files such as the index
rss_kinds() { awk '/RssAnon|RssFile/ {printf "%s %.0f MB ", $1, $2/1024}' "/proc/$server/status"; }

rows=()
for n in "${counts[@]}"; do
  dir="$work/n$n"
  echo "== $n articles =="
  python3 src/bench/scale-corpus.py articles "$n" "$dir"
  # the data directory is empty: articles added while serving elsewhere must not join in
  articles=(--data-dir "$dir/data" "@$dir/article-args")

  echo "index build (load average $(load)):"
  started=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$dir/build-rss" java "${index_opts[@]}" -jar target/article-chat.jar index \
    --index-dir "$dir/index" "${articles[@]}" >"$dir/build.log" 2>&1 || { tail -20 "$dir/build.log"; exit 1; }
  build_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  passages=$(grep -o 'Indexed [0-9]* passages' "$dir/build.log" | grep -o '[0-9]*')
  size=$(du -sm "$dir/index" | cut -f1)
  echo "  $(awk -v ms="$build_ms" -v n="$n" 'BEGIN {printf "%.1f s, %.0f articles/s", ms / 1000, n * 1000 / ms}'),"\
       "$passages passages, peak resident $(( $(cat "$dir/build-rss") / 1024 )) MB; index ${size} MB on disk;" \
       "load average after $(load)"
  grep -o 'Indexed [0-9]* articles.*' "$dir/build.log" | sed 's/^/  /'

  echo "server start, index present (load average $(load)):"
  started=$(date +%s%N)
  java "${java_opts[@]}" -jar target/article-chat.jar serve --host 127.0.0.1 --port "$port" --rate-limit 0 \
    --model-provider extractive --index-dir "$dir/index" "${articles[@]}" >"$dir/server.log" 2>&1 &
  server=$!
  until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do
    kill -0 "$server" 2>/dev/null || { echo "the server exited:"; tail -20 "$dir/server.log"; exit 1; }
    sleep 0.05
  done
  ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  rss_start=$(rss)
  echo "  /health answered after $ready_ms ms (JVM options: ${java_opts[*]}); resident $rss_start ($(rss_kinds))"
  grep -q 'building' "$dir/server.log" && echo "  WARNING: the server built the index again"

  curl -sf "http://127.0.0.1:$port/api/articles" > "$dir/articles.json"
  python3 src/bench/scale-corpus.py bodies "$dir" "$dir/articles.json" "$dir/scoped.jsonl" "$dir/unscoped.jsonl"
  results=()
  for scope in scoped unscoped; do
    BODIES="$dir/$scope.jsonl" wrk -t2 -c"$connections" -d5s -s src/bench/scale.lua "http://127.0.0.1:$port" \
      >/dev/null # warm-up: JIT, embedding model, index pages
    echo "$scope unique questions, $connections connections, ${seconds} s (load average $(load)):"
    result=$(BODIES="$dir/$scope.jsonl" wrk -t2 -c"$connections" -d"${seconds}s" --latency -s src/bench/scale.lua \
      "http://127.0.0.1:$port" | tail -1)
    echo "  $result; load average after $(load)"
    results+=("$(sed -E 's/.*throughput=([0-9]+)\/s p50=([0-9.]+)ms.*p99=([0-9.]+)ms.*/\1\/s, \2 \/ \3 ms/' <<< "$result")")
  done
  rss_after=$(rss)
  echo "  resident after load: $rss_after ($(rss_kinds)), peak $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' "/proc/$server/status")"
  echo "  ERROR lines in the server log: $(grep -c ' ERROR ' "$dir/server.log" || true)"
  stop_server
  rows+=("| $n | $passages | $(awk -v ms="$build_ms" -v n="$n" 'BEGIN {printf "%.1f s (%.0f/s)", ms / 1000, n * 1000 / ms}') \
| $size MB | $(awk -v ms="$ready_ms" 'BEGIN {printf "%.2f s", ms / 1000}') | $rss_start / $rss_after \
| ${results[0]} | ${results[1]} |")
  rm -rf "$dir"
done

echo
echo "| Articles | Passages | Index build | Index on disk | Ready after start | Resident at start / after load" \
     "| Scoped: throughput, p50 / p99 | Unscoped: throughput, p50 / p99 |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${rows[@]}"
