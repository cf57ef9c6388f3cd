#!/usr/bin/env bash
# The floors alone, quicker than run.sh: each named floor (benchmarks.JettyFloor, NettyFloor,
# JavalinFloor in src/test, with its mode) started in turn, warmed up for 30 s on both cores, then
# pinned to CPU 0 and loaded for DURATION s by wrk on CPU 1 against an nginx upstream on CPU 1.
# Prints calls/s and the floor's CPU µs per call. Everything listens on 127.0.0.1, every process
# started here is stopped by its id.
# Usage: GATEWAY_JAVA=/path/to/bin/java bench/load/floors.sh JettyFloor:async JettyFloor:blocking \
#          JavalinFloor:blocking JavalinFloor:async NettyFloor:-
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
JAVA=${GATEWAY_JAVA:-java}
DURATION=${DURATION:-10}
CP="target/test-classes:$(cat target/bench.classpath)"
WORK=$(mktemp -d /tmp/switchboard-floors.XXXXXX)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"' EXIT
cat > "$WORK/nginx.conf" <<NGINX
worker_processes 1; pid $WORK/nginx.pid; error_log $WORK/error.log; daemon off;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:18181;
  location /items { default_type application/json; return 200 '{"id":"1","name":"widget","price":"9.99"}'; } } }
NGINX
taskset -c 1 nginx -c "$WORK/nginx.conf" & PIDS+=($!)
cat > "$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_item","arguments":{"id":"1"}}}'
wrk.headers["Content-Type"] = "application/json"
LUA
HZ=$(getconf CLK_TCK)
port=18190
for spec in "$@"; do
  port=$((port + 1))
  taskset -c 0-1 "$JAVA" -Xmx512m -cp "$CP" "dev.switchboard.benchmarks.${spec%%:*}" "$port" \
    http://127.0.0.1:18181/items/1 "${spec#*:}" >"$WORK/$port.log" 2>&1 &
  pid=$!; PIDS+=($pid)
  for _ in $(seq 1 150); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.2; done
  wrk -t1 -c16 -d30s -s "$WORK/post.lua" "http://127.0.0.1:$port/mcp" >/dev/null
  for task in /proc/$pid/task/*; do taskset -p -c 0 "${task##*/}" >/dev/null; done
  before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  out=$(taskset -c 1 wrk -t1 -c16 -d"${DURATION}s" -s "$WORK/post.lua" "http://127.0.0.1:$port/mcp")
  after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  n=$(echo "$out" | awk '/requests in/{print $1}')
  echo "$spec pinned calls/s=$(echo "$out" | awk '/Requests\/sec/{print $2}')" \
    "cpu_us_per_call=$(awk -v t=$((after - before)) -v hz="$HZ" -v n="$n" 'BEGIN{printf "%.1f", t * 1e6 / hz / n}')" \
    "non2xx=$(echo "$out" | awk '/Non-2xx/{print $NF}')"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
