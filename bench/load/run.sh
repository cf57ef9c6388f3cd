#!/usr/bin/env bash
# The load benchmark: a tools/call of an API tool through Switchboard to a local upstream,
# compared in the same run with (a) the upstream called directly, (b) Debian's nginx as a reverse
# proxy to it, (c) a Node MCP proxy from npm (supergateway) in front of an MCP server doing the
# same work, (d) the floor of an asynchronous gateway on Jetty and (e) on Netty (benchmarks.JettyFloor and
# NettyFloor in src/test: server and client, one thread carrying each call, JSON-RPC in and out, no
# gateway work; Netty twice, on the JDK's NIO selector and on Linux's epoll: "netty-epoll"), and
# (f) the floors of Switchboard's own design: the same on a virtual thread that waits for the
# client (JettyFloor blocking: "floor-blocking"), and on Javalin as web.WebServer sets it up
# (JavalinFloor blocking and async: "javalin", "javalin-async").
# Everything listens on 127.0.0.1; every run is bounded in time; every process this
# script starts is stopped by its id on exit.
#
# For each target: peak throughput with wrk (closed loop, 16 connections), CPU µs per call of the
# target's own processes (from /proc, over the wrk run), latency with OpenLoop (open loop at a fixed
# rate, coordinated-omission corrected, HdrHistogram) with 4 connections, and with one connection.
# Then the same wrk/CPU measurement in a pinned layout: the gateway under test on CPU 0, upstream
# and load generator on CPU 1.
#
# GATEWAY_JAVA=/path/to/bin/java runs the gateway on another JDK (virtual threads from Java 21).
# Usage: bench/load/run.sh [RESULTS_DIR]     (needs: wrk, nginx, target/switchboard.jar,
#        target/bench-load/OpenLoop.class, target/npm from scripts/fetch-test-fixtures.sh)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
OUT=${1:-target/bench-results}
mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/switchboard-load.XXXXXX)
DURATION=${DURATION:-10}
UPSTREAM=18081 NGINX=18082 GATEWAY=18083 FLOOR=18084 NETTY=18086 NETTY_EPOLL=18085 JAVALIN=18087 JAVALIN_ASYNC=18088 JETTY_BLOCKING=18089 NODE=18090
HDR=$(ls ~/.m2/repository/org/hdrhistogram/HdrHistogram/2.2.2/HdrHistogram-2.2.2.jar)
PIDS=()

stop_all() {
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  sleep 2
  for pid in "${PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap stop_all EXIT

wait_port() { # port
  for _ in $(seq 1 600); do # up to 2 minutes: a start-up on a loaded machine is slow
    (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0
    sleep 0.2
  done
  echo "nothing listens on 127.0.0.1:$1" >&2; tail -n 20 "$WORK/processes.log" >&2; return 1
}

# CPU ticks (user+system) of a process and all its descendants
ticks() {
  local total=0 pid
  for pid in $(descendants "$1"); do
    if [ -r "/proc/$pid/stat" ]; then
      total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
    fi
  done
  echo "$total"
}
descendants() {
  echo "$1"
  local child
  for child in $(cat /proc/"$1"/task/*/children 2>/dev/null); do descendants "$child"; done
}
HZ=$(getconf CLK_TCK)

nginx_conf() { # name port location-body
  mkdir -p "$WORK/$1"
  cat > "$WORK/$1/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/$1/nginx.pid;
error_log $WORK/$1/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  upstream api { server 127.0.0.1:$UPSTREAM; keepalive 64; }
  server {
    listen 127.0.0.1:$2;
    $3
  }
}
EOF
  echo "$WORK/$1/nginx.conf"
}

start() { # cpu-list command...  (runs in background, pinned; records the pid)
  local cpus=$1; shift
  taskset -c "$cpus" "$@" </dev/null >>"$WORK/processes.log" 2>&1 &
  PIDS+=($!)
  LAST=$!
}

echo "== starting the upstream, nginx, Switchboard and the Node MCP proxy"
UPSTREAM_BODY='{"id":"1","name":"widget","price":"9.99","tags":["a","b"]}'
start_upstream() {
  start "$1" nginx -c "$(nginx_conf upstream $UPSTREAM "location /items { default_type application/json; return 200 '$UPSTREAM_BODY'; }")" -g 'daemon off;'
  UPSTREAM_PID=$LAST
}
start_nginx() {
  start "$1" nginx -c "$(nginx_conf proxy $NGINX 'location / { proxy_pass http://api; proxy_http_version 1.1; proxy_set_header Connection ""; }')" -g 'daemon off;'
  NGINX_PID=$LAST
}
export SWITCHBOARD_PORT=$GATEWAY SWITCHBOARD_DATA_DIR=$WORK/data SWITCHBOARD_DB_URL=jdbc:sqlite:$WORK/data/switchboard.db \
  SWITCHBOARD_VAULT_KEY_FILE=$WORK/keys/vault.keys SWITCHBOARD_ADMIN_EMAIL=bench@example.com \
  SWITCHBOARD_ADMIN_PASSWORD=bench-password-123 SWITCHBOARD_BCRYPT_COST=4 \
  SWITCHBOARD_OUTBOUND_ALLOW=127.0.0.1/32
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
start_gateway() {
  # shellcheck disable=SC2086
  start "$1" "${GATEWAY_JAVA:-java}" $JAVA_OPTS -jar target/switchboard.jar serve
  GATEWAY_PID=$LAST
}
start_node() {
  PORT=$NODE UPSTREAM_URL=http://127.0.0.1:$UPSTREAM UPSTREAM_TOKEN=bench-upstream-token \
    start "$1" bench/load/node-proxy.sh
  NODE_PID=$LAST
}
start_floor() {
  start "$1" "${GATEWAY_JAVA:-java}" $JAVA_OPTS -cp "target/test-classes:$(cat target/bench.classpath)" \
    dev.switchboard.benchmarks.JettyFloor "$FLOOR" "http://127.0.0.1:$UPSTREAM/items/1"
  FLOOR_PID=$LAST
  start "$1" "${GATEWAY_JAVA:-java}" $JAVA_OPTS -cp "target/test-classes:$(cat target/bench.classpath)" \
    dev.switchboard.benchmarks.NettyFloor "$NETTY" "http://127.0.0.1:$UPSTREAM/items/1"
  NETTY_PID=$LAST
  start "$1" "${GATEWAY_JAVA:-java}" $JAVA_OPTS --enable-native-access=ALL-UNNAMED \
    -cp "target/test-classes:$(cat target/bench.classpath)" \
    dev.switchboard.benchmarks.NettyFloor "$NETTY_EPOLL" "http://127.0.0.1:$UPSTREAM/items/1" epoll
  NETTY_EPOLL_PID=$LAST
  start "$1" "${GATEWAY_JAVA:-java}" $JAVA_OPTS -cp "target/test-classes:$(cat target/bench.classpath)" \
    dev.switchboard.benchmarks.JavalinFloor "$JAVALIN" "http://127.0.0.1:$UPSTREAM/items/1" blocking
  JAVALIN_PID=$LAST
  start "$1" "${GATEWAY_JAVA:-java}" $JAVA_OPTS -cp "target/test-classes:$(cat target/bench.classpath)" \
    dev.switchboard.benchmarks.JavalinFloor "$JAVALIN_ASYNC" "http://127.0.0.1:$UPSTREAM/items/1" async
  JAVALIN_ASYNC_PID=$LAST
  start "$1" "${GATEWAY_JAVA:-java}" $JAVA_OPTS -cp "target/test-classes:$(cat target/bench.classpath)" \
    dev.switchboard.benchmarks.JettyFloor "$JETTY_BLOCKING" "http://127.0.0.1:$UPSTREAM/items/1" blocking
  JETTY_BLOCKING_PID=$LAST
}
start_upstream 0-1; start_nginx 0-1; start_gateway 0-1; start_node 0-1; start_floor 0-1
wait_port $UPSTREAM; wait_port $NGINX; wait_port $GATEWAY; wait_port $NODE; wait_port $FLOOR; wait_port $NETTY; wait_port $NETTY_EPOLL; wait_port $JAVALIN; wait_port $JAVALIN_ASYNC; wait_port $JETTY_BLOCKING

echo "== setting up Switchboard: a 1,000-operation API provider, a verified credential, a bundle"
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
java -cp "$CP" dev.switchboard.benchmarks.BenchApi "$WORK/api.json" 1000
java -jar target/switchboard.jar provider import --openapi "$WORK/api.json" --slug bench --name Bench \
  --base-url "http://127.0.0.1:$UPSTREAM" --auth BEARER --validation-tool list_items >/dev/null
TOKEN=$(java -jar target/switchboard.jar token create --email bench@example.com --name load | tail -n 1)
api() { curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"; }
for _ in $(seq 1 50); do api "http://127.0.0.1:$GATEWAY/api/v1/providers/bench" >/dev/null && break; sleep 0.2; done
api -d '{"provider":"bench","authMethod":"BEARER","fields":{"token":"bench-upstream-token"}}' \
  "http://127.0.0.1:$GATEWAY/api/v1/credentials?verify=true" | grep -q '"VERIFIED"'
api -d '{"slug":"bench","name":"Bench","tools":["bench_get_item"]}' "http://127.0.0.1:$GATEWAY/api/v1/bundles" >/dev/null

echo "== opening a session on the Node proxy"
NODE_SID=$(curl -s -D - -o /dev/null -X POST "http://127.0.0.1:$NODE/mcp" -H 'Content-Type: application/json' \
  -H 'Accept: application/json, text/event-stream' \
  -d '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}' \
  | tr -d '\r' | awk 'tolower($1)=="mcp-session-id:"{print $2}')
[ -n "$NODE_SID" ] || { echo "the Node proxy gave no session id" >&2; exit 1; }

CALL_SB='{"jsonrpc":"2.0","id":{{seq}},"method":"tools/call","params":{"name":"bench_get_item","arguments":{"id":"1"}}}'
CALL_NODE='{"jsonrpc":"2.0","id":{{seq}},"method":"tools/call","params":{"name":"get_item","arguments":{"id":"1"}}}'
printf '%s' "$CALL_SB" > "$WORK/call-sb.json"
printf '%s' "$CALL_NODE" > "$WORK/call-node.json"

lua() { # file body authorization session version
  sed -e "s|@@BODY@@|$2|" -e "s|@@AUTHORIZATION@@|$3|" -e "s|@@MCP_SESSION_ID@@|$4|" \
    -e "s|@@PROTOCOL_VERSION@@|$5|" -e "s|@@EXPECT@@||" bench/load/tools-call.lua.template > "$1"
}
lua "$WORK/sb.lua" "$CALL_SB" "Bearer $TOKEN" "" "2025-11-25"
lua "$WORK/node.lua" "$CALL_NODE" "" "$NODE_SID" "2025-06-18"
if [ -n "${HOLD_SECONDS:-}" ]; then # for profiling by hand: everything stays up this long, then stops
  cp "$WORK/sb.lua" "$OUT/sb.lua"
  echo "holding for ${HOLD_SECONDS}s: gateway pid $GATEWAY_PID, token in $OUT/token, wrk script $OUT/sb.lua"
  echo "$TOKEN" > "$OUT/token"
  sleep "$HOLD_SECONDS"
  exit 0
fi

openloop() { # label rate connections url method [args...]
  local label=$1 rate=$2 conns=$3; shift 3
  taskset -c "${OPENLOOP_CPUS:-0-1}" java -cp "target/bench-load:$HDR" OpenLoop --label "$label" --rate "$rate" \
    --connections "$conns" --duration "$DURATION" --warmup 3 --url "$@"
}
call_args() { # target → ARGS, the OpenLoop arguments for one call
  local accept="Accept: application/json, text/event-stream"
  case $1 in
    direct) ARGS=("http://127.0.0.1:$UPSTREAM/items/1" --method GET
      --header "Authorization: Bearer bench-upstream-token" --expect widget) ;;
    nginx) ARGS=("http://127.0.0.1:$NGINX/items/1" --method GET
      --header "Authorization: Bearer bench-upstream-token" --expect widget) ;;
    switchboard) ARGS=("http://127.0.0.1:$GATEWAY/mcp/bundle/bench" --method POST --body-file "$WORK/call-sb.json"
      --header "Authorization: Bearer $TOKEN" --header "$accept" --header "MCP-Protocol-Version: 2025-11-25"
      --expect widget) ;;
    node) ARGS=("http://127.0.0.1:$NODE/mcp" --method POST --body-file "$WORK/call-node.json"
      --header "Mcp-Session-Id: $NODE_SID" --header "$accept" --header "MCP-Protocol-Version: 2025-06-18"
      --expect widget) ;;
  esac
}
run_openloop() { # label target rate connections
  call_args "$2"
  echo "$(openloop "$1" "$3" "$4" "${ARGS[@]}") load=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)"
}
target_pid() {
  case $1 in
    direct) echo "$UPSTREAM_PID" ;; nginx) echo "$NGINX_PID" ;; switchboard) echo "$GATEWAY_PID" ;;
    node) echo "$NODE_PID" ;; floor) echo "$FLOOR_PID" ;; netty) echo "$NETTY_PID" ;;
    netty-epoll) echo "$NETTY_EPOLL_PID" ;;
    javalin) echo "$JAVALIN_PID" ;; javalin-async) echo "$JAVALIN_ASYNC_PID" ;;
    floor-blocking) echo "$JETTY_BLOCKING_PID" ;;
  esac
}
run_wrk() { # label target cpus-for-wrk
  local pid before after out requests
  pid=$(target_pid "$2")
  before=$(ticks "$pid")
  case $2 in
    direct) out=$(taskset -c "$3" wrk -t1 -c16 -d"${DURATION}s" -H 'Authorization: Bearer bench-upstream-token' "http://127.0.0.1:$UPSTREAM/items/1") ;;
    nginx) out=$(taskset -c "$3" wrk -t1 -c16 -d"${DURATION}s" -H 'Authorization: Bearer bench-upstream-token' "http://127.0.0.1:$NGINX/items/1") ;;
    switchboard) out=$(taskset -c "$3" wrk -t1 -c16 -d"${DURATION}s" -s "$WORK/sb.lua" "http://127.0.0.1:$GATEWAY/mcp/bundle/bench") ;;
    node) out=$(taskset -c "$3" wrk -t1 -c16 -d"${DURATION}s" -s "$WORK/node.lua" "http://127.0.0.1:$NODE/mcp") ;;
    floor) out=$(taskset -c "$3" wrk -t1 -c16 -d"${DURATION}s" -s "$WORK/sb.lua" "http://127.0.0.1:$FLOOR/mcp") ;;
    netty) out=$(taskset -c "$3" wrk -t1 -c16 -d"${DURATION}s" -s "$WORK/sb.lua" "http://127.0.0.1:$NETTY/mcp") ;;
    netty-epoll) out=$(taskset -c "$3" wrk -t1 -c16 -d"${DURATION}s" -s "$WORK/sb.lua" "http://127.0.0.1:$NETTY_EPOLL/mcp") ;;
    javalin) out=$(taskset -c "$3" wrk -t1 -c16 -d"${DURATION}s" -s "$WORK/sb.lua" "http://127.0.0.1:$JAVALIN/mcp") ;;
    javalin-async) out=$(taskset -c "$3" wrk -t1 -c16 -d"${DURATION}s" -s "$WORK/sb.lua" "http://127.0.0.1:$JAVALIN_ASYNC/mcp") ;;
    floor-blocking) out=$(taskset -c "$3" wrk -t1 -c16 -d"${DURATION}s" -s "$WORK/sb.lua" "http://127.0.0.1:$JETTY_BLOCKING/mcp") ;;
  esac
  after=$(ticks "$pid")
  requests=$(echo "$out" | awk '/requests in/{print $1}')
  echo "label=$1 wrk_calls_per_s=$(echo "$out" | awk '/Requests\/sec/{print $2}') requests=$requests" \
    "non2xx=$(echo "$out" | awk '/Non-2xx/{print $NF}')" \
    "cpu_us_per_call=$(awk -v t=$((after - before)) -v hz="$HZ" -v n="$requests" 'BEGIN{printf "%.1f", t * 1e6 / hz / n}')" \
    "wrk_p50=$(echo "$out" | awk '/Latency/{print $2}')" "load=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)"
}

WARMUP=${WARMUP:-30}
echo "== warming up: ${WARMUP}s of calls through Switchboard (JIT compilation), the Node proxy and the floors each"
wrk -t1 -c16 -d"${WARMUP}s" -s "$WORK/sb.lua" "http://127.0.0.1:$GATEWAY/mcp/bundle/bench" >/dev/null
wrk -t1 -c16 -d"${WARMUP}s" -s "$WORK/node.lua" "http://127.0.0.1:$NODE/mcp" >/dev/null
wrk -t1 -c16 -d"${WARMUP}s" -s "$WORK/sb.lua" "http://127.0.0.1:$FLOOR/mcp" >/dev/null
wrk -t1 -c16 -d"${WARMUP}s" -s "$WORK/sb.lua" "http://127.0.0.1:$NETTY/mcp" >/dev/null
wrk -t1 -c16 -d"${WARMUP}s" -s "$WORK/sb.lua" "http://127.0.0.1:$NETTY_EPOLL/mcp" >/dev/null
wrk -t1 -c16 -d"${WARMUP}s" -s "$WORK/sb.lua" "http://127.0.0.1:$JAVALIN/mcp" >/dev/null
wrk -t1 -c16 -d"${WARMUP}s" -s "$WORK/sb.lua" "http://127.0.0.1:$JAVALIN_ASYNC/mcp" >/dev/null
wrk -t1 -c16 -d"${WARMUP}s" -s "$WORK/sb.lua" "http://127.0.0.1:$JETTY_BLOCKING/mcp" >/dev/null

{
  echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, gateway on $("${GATEWAY_JAVA:-java}" -version 2>&1 | head -1)," \
    "duration ${DURATION}s per run, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "## correctness: one call through each"
  for t in switchboard node; do run_openloop "check-$t" "$t" 50 1 | sed 's/^/  /'; done
  echo "## peak throughput (wrk -t1 -c16) and CPU per call of the target's processes, unpinned"
  for t in direct nginx switchboard node floor floor-blocking netty netty-epoll javalin javalin-async; do run_wrk "$t" "$t" 0-1; done
  echo "## latency, open loop, 4 connections (node at a rate it sustains)"
  for t in direct nginx switchboard; do run_openloop "$t" "$t" 2000 4; done
  run_openloop node node 500 4
  echo "## latency, one connection, 500 calls/s"
  for t in direct nginx switchboard node; do run_openloop "$t-1conn" "$t" 500 1; done
} | tee "$OUT/load-unpinned.txt"

echo "== pinned layout: the gateway under test on CPU 0; upstream, wrk and OpenLoop on CPU 1"
for pid in $(descendants "$UPSTREAM_PID"); do taskset -a -p -c 1 "$pid" >/dev/null; done
for t in nginx switchboard node floor floor-blocking netty netty-epoll javalin javalin-async; do
  for pid in $(descendants "$(target_pid $t)"); do taskset -a -p -c 0 "$pid" >/dev/null; done
done
{
  echo "## pinned: peak throughput and CPU per call (gateway on CPU 0, upstream and wrk on CPU 1)"
  for t in direct nginx switchboard node floor floor-blocking netty netty-epoll javalin javalin-async; do run_wrk "$t-pinned" "$t" 1; done
  echo "## pinned: one connection, 500 calls/s"
  for t in direct nginx switchboard; do OPENLOOP_CPUS=1 run_openloop "$t-pinned-1conn" "$t" 500 1; done
} | tee "$OUT/load-pinned.txt"
