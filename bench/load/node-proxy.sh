#!/usr/bin/env bash
# Node MCP proxy baseline: supergateway 4.0.0 (npm) exposing the stdio MCP server
# bench/load/mcp-server.mjs as Streamable HTTP on http://127.0.0.1:$PORT/mcp .
#
# Environment:
#   PORT            listen port (required)
#   UPSTREAM_URL    base URL of the items API, e.g. http://127.0.0.1:18081 (required)
#   UPSTREAM_TOKEN  bearer token the MCP server sends upstream
#   MODE            stateful (default) | stateless
#                     stateful : one child MCP server per session. The client must
#                                POST initialize first and send the Mcp-Session-Id it
#                                gets back on every later request (see README.md).
#                     stateless: no handshake, a bare tools/call POST works, but
#                                supergateway spawns a NEW child process (node +
#                                initialize) for EVERY POST, so it measures process
#                                start-up rather than proxying.
#   LOG_LEVEL       supergateway --logLevel (default none; "info" logs every message)
#   SWITCHBOARD_NPM npm prefix with @modelcontextprotocol/sdk (default <repo>/target/npm)
#   BENCH_NPM       where supergateway is installed (default <repo>/target/bench-npm)
#
# Runs in the foreground (exec), so a caller can background it and stop it by PID:
#   PORT=18090 UPSTREAM_URL=... bench/load/node-proxy.sh </dev/null >proxy.log 2>&1 &
#   ... ; kill -TERM $!        # TERM, not KILL: supergateway then stops its children
# Keep stdin at /dev/null (or a terminal): supergateway exits when a stdin pipe closes.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

: "${PORT:?PORT is required}"
: "${UPSTREAM_URL:?UPSTREAM_URL is required}"
export UPSTREAM_URL
export UPSTREAM_TOKEN="${UPSTREAM_TOKEN:-}"
export SWITCHBOARD_NPM="${SWITCHBOARD_NPM:-$repo/target/npm}"
BENCH_NPM="${BENCH_NPM:-$repo/target/bench-npm}"
MODE="${MODE:-stateful}"
LOG_LEVEL="${LOG_LEVEL:-none}"
SG_VERSION=4.0.0

# Node 22 from the test fixtures if present, else whatever node is on PATH (>= 20).
node="$SWITCHBOARD_NPM/node_modules/.bin/node"
[[ -x "$node" ]] || node="$(command -v node)"

# Idempotent install of supergateway.
sg_pkg="$BENCH_NPM/node_modules/supergateway/package.json"
if ! grep -q "\"version\": \"$SG_VERSION\"" "$sg_pkg" 2>/dev/null; then
  echo "node-proxy.sh: installing supergateway@$SG_VERSION into $BENCH_NPM" >&2
  npm install --prefix "$BENCH_NPM" --no-audit --no-fund "supergateway@$SG_VERSION" >&2
fi

# supergateway runs --stdio through a shell, so quote the paths.
child_cmd="$(printf '%q %q' "$node" "$here/mcp-server.mjs")"

args=(--stdio "$child_cmd" --outputTransport streamableHttp --port "$PORT"
      --streamableHttpPath /mcp --logLevel "$LOG_LEVEL")
case "$MODE" in
  stateful) args+=(--stateful) ;;
  stateless) ;;
  *) echo "node-proxy.sh: MODE must be stateful or stateless, got '$MODE'" >&2; exit 2 ;;
esac

# supergateway 4.0.0 binds all interfaces (no host option); bench traffic must
# still go only to 127.0.0.1.
exec "$node" "$BENCH_NPM/node_modules/supergateway/dist/index.js" "${args[@]}"
