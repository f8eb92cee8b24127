#!/usr/bin/env bash
# Where the packaged service's memory goes under load (BENCHMARKS.md): starts it as a user does (bin/incident-service,
# its small-footprint defaults) with Native Memory Tracking, loads it with wrk (assessments, incidents opened, incidents
# read and listed, 16 connections), and prints the RSS and `jcmd VM.native_memory summary` before and after the load.
# Usage: src/bench/memory.sh [seconds of load per endpoint, default 20]
# Environment: JAVA_OPTS and MALLOC_ARENA_MAX (as bin/incident-service reads them), PORT (default 18122).
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-20}
PORT=${PORT:-18122}
. src/bench/service.sh
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B -ntp package -DskipTests

start -XX:NativeMemoryTracking=summary
summary() {  # the committed sizes of NMT's categories, in MB
  echo "$1: RSS $(rss_mb) MB, threads $(ls /proc/$PID/task | wc -l)"
  jcmd $PID VM.native_memory summary scale=MB | grep -E '^(Total|-)' | sed -E 's/ *\(reserved=([0-9]+)MB, committed=([0-9]+)MB\)/ committed \2 MB/' | sed -E 's/^-  *//'
}
summary "started"
ID=$(open_incident)
for target in "post.lua /api/v1/assessments" "post.lua /api/v1/incidents" "get.lua /api/v1/incidents/$ID" "get.lua /api/v1/incidents?overdue=false"; do
  set -- $target
  load "$DURATION" "$1" "$2"
  echo "$2: $RPS req/s"
done
summary "after the load"
echo "peak RSS: $(peak_rss_mb) MB"
