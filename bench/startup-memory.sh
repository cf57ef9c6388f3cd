#!/usr/bin/env bash
# Start-up time and resident memory of the gateway (target/switchboard.jar) on a database holding
# 100,000 stored OAuth credentials and a 1,000-tool API provider, as left by
# `RefreshBenchmark 100000 DIR`. Start-up is the time from launching `java` to the first 200 of
# /readyz (database and vault checked); memory is VmRSS and its peak (VmHWM) from /proc after the
# start and after listing credentials, the provider catalog and the metrics.
#
# Each measured twice: plain `java -jar`, and with the archive of classes that the `./switchboard`
# launcher writes on its first serve and maps afterwards (a training run here): the AOT cache on
# Java 25+, AppCDS before.
#
# Usage: bench/startup-memory.sh DIR [RUNS]      JAVA=/path/to/bin/java picks the JDK (default: java
#        on PATH); JAVA_OPTS adds JVM options.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DIR=$1
RUNS=${2:-3}
PORT=18084
export SWITCHBOARD_CONFIG=$DIR/switchboard.env SWITCHBOARD_PORT=$PORT
PID=
trap '[ -n "$PID" ] && kill -TERM "$PID" 2>/dev/null; true' EXIT

rss() { awk -v k="$2:" '$1==k{printf "%d", $2/1024}' "/proc/$1/status"; }

JAVA=${JAVA:-java}
FEATURE=$("$JAVA" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')
echo "# $("$JAVA" -version 2>&1 | head -1)"
TOKEN=$("$JAVA" -jar target/switchboard.jar token create --email admin@example.com --name memory | tail -n 1)
ARCHIVE=$DIR/switchboard.jsa
measure() { # label extra-jvm-options...
  local label=$1; shift
for run in $(seq 1 "$RUNS"); do
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  "$JAVA" ${JAVA_OPTS:-} "$@" -jar target/switchboard.jar serve >/dev/null 2>&1 &
  PID=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/readyz"; do
    kill -0 "$PID" 2>/dev/null || { echo "the gateway exited during start-up" >&2; exit 1; }
    sleep 0.01
  done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  after_start=$(rss "$PID" VmRSS)
  for _ in $(seq 1 20); do
    curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/credentials?limit=100"
    curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/providers/bench"
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/metrics"
  done
  sleep 2
  echo "$label run=$run startup_to_ready_ms=$ready rss_after_start_mb=$after_start rss_after_use_mb=$(rss "$PID" VmRSS)" \
    "rss_peak_mb=$(rss "$PID" VmHWM) java_opts='${JAVA_OPTS:-}'"
  kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; PID=
done
}
measure plain
rm -f "$ARCHIVE"
if [ "${FEATURE:-0}" -ge 25 ]; then
  ARCHIVE=$DIR/switchboard-$FEATURE.aot
  RUNS=1 measure training -XX:AOTCacheOutput="$ARCHIVE" -Xlog:aot=off -Xlog:cds=off >/dev/null
  measure aot-cache -XX:AOTCache="$ARCHIVE" -Xlog:aot=off -Xlog:cds=off
else
  RUNS=1 measure training -XX:ArchiveClassesAtExit="$ARCHIVE" -Xlog:cds=off -Xlog:cds+dynamic=off >/dev/null
  measure appcds -XX:SharedArchiveFile="$ARCHIVE" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off
fi
