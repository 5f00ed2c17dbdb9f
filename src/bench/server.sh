# Sourced by the bench scripts, from the repository root: wrk and the jar made ready, a work directory ($work,
# removed on exit with the server stopped), and the real server from the jar on loopback ($server, its process id,
# while it runs). JAVA_OPTS (default -Xmx256m) are the server's JVM options.
read -r -a java_opts <<< "${JAVA_OPTS:--Xmx256m}"
work="$(mktemp -d)"
server=""
trap 'stop_server; rm -rf "$work"' EXIT
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
[ -f target/article-chat.jar ] || mvn -q -B -ntp -DskipTests package

# start_server PORT LOG [serve options...]: starts it and waits until /health answers, or exits if it dies
start_server() {
  local port="$1" log="$2"; shift 2
  # --rate-limit 0: all the load comes from one address, which the per-client limit would otherwise throttle
  java "${java_opts[@]}" -jar target/article-chat.jar serve --host 127.0.0.1 --port "$port" --rate-limit 0 "$@" \
    >"$log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/health" >/dev/null && return 0
    kill -0 "$server" 2>/dev/null || { echo "the server exited:"; tail -20 "$log"; exit 1; }
    sleep 0.2
  done
}

# stop_server: SIGTERM, then SIGKILL if it has not gone within 20 s (a JVM with llama.cpp loaded may linger)
stop_server() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$server" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    server=""
  fi
}
