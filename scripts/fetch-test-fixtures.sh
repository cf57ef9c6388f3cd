#!/usr/bin/env bash
# Fetches test fixtures too big to commit into target/fixtures/. Idempotent and quiet: does nothing
# when they are already there. Tests that need a fixture skip without it (and fail when CI=true).
#
# GitHub's REST API description (OpenAPI 3.0, ~1,200 operations) comes from the npm package
# @octokit/openapi, pinned below. `npm pack` downloads the package tarball and checks it against the
# registry's integrity hash; only generated/api.github.com.json (13 MB) is kept, not the ~450 MB of
# other variants the package ships.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

OCTOKIT_OPENAPI_VERSION=23.0.2
dir="target/fixtures/octokit-openapi-$OCTOKIT_OPENAPI_VERSION"
[ -f "$dir/api.github.com.json" ] && exit 0

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
tarball="$(npm pack --silent --pack-destination "$tmp" "@octokit/openapi@$OCTOKIT_OPENAPI_VERSION")"
tar -xzf "$tmp/$tarball" -C "$tmp" package/generated/api.github.com.json
mkdir -p "$dir"
mv "$tmp/package/generated/api.github.com.json" "$dir/api.github.com.json"
