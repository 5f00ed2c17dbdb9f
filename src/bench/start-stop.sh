#!/usr/bin/env bash
# Starts the server with the default local model and stops it with SIGTERM at a random moment (while the model
# loads, warms its prompt cache or idles), CYCLES times; counts exit codes other than 0 and hs_err_pid*.log files
# (a JVM crash) left in the working directory.
#   src/bench/start-stop.sh            # 50 cycles, stopped 1 to 25 s after start
#   CYCLES=10 LATEST=40 src/bench/start-stop.sh
#   JAR=/elsewhere/article-chat.jar src/bench/start-stop.sh    # a copy, so that a build meanwhile cannot replace it
set -euo pipefail
cd "$(dirname "$0")/../.."
export OPT_OUT_TRACKING=true
CYCLES=${CYCLES:-50}
EARLIEST=${EARLIEST:-1}
LATEST=${LATEST:-25}
JAR=${JAR:-$PWD/target/article-chat.jar}
MODELS=$PWD/models
[ -f "$JAR" ] || mvn -q -B -ntp -DskipTests package
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
for cycle in $(seq 1 "$CYCLES"); do
  delay=$(awk -v seed="$RANDOM" -v a="$EARLIEST" -v b="$LATEST" 'BEGIN { srand(seed); printf "%.1f", a + rand() * (b - a) }')
  (cd "$work" && exec java -Xmx512m -jar "$JAR" serve --port 0 --index-dir "$work/index" --models-dir "$MODELS" \
      >"$work/server.log" 2>&1) &
  pid=$!
  sleep "$delay"
  kill -TERM "$pid"
  started=$(date +%s.%N)
  set +e
  wait "$pid"
  code=$?
  set -e
  took=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
  crashes=$(find "$work" -maxdepth 1 -name 'hs_err_pid*.log' | wc -l)
  phase=$(grep -o 'Ready on\|has read the articles\|Loaded [^ ]*' "$work/server.log" | tail -1 || true)
  echo "cycle $cycle: stopped after ${delay} s (last: ${phase:-starting}), exit $code in ${took} s, hs_err files: $crashes"
  if [ "$code" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    failures=$((failures + 1))
    cp "$work/server.log" "/tmp/start-stop-failure-$cycle.log" 2>/dev/null || true
    find "$work" -maxdepth 1 -name 'hs_err_pid*.log' -exec mv {} /tmp/ \;
  fi
done
echo "$CYCLES cycles, $failures with a non-zero exit or a crash"
[ "$failures" -eq 0 ]
