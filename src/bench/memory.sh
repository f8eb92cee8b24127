#!/usr/bin/env bash
# Where the packaged service's memory goes under load (BENCHMARKS.md, "Memory"): starts it with Native Memory
# Tracking, loads it with wrk (assessments, incidents opened, incidents read and listed, 16 connections), and prints
# the RSS and `jcmd VM.native_memory summary` before and after the load.
# Usage: src/bench/memory.sh [seconds of load per endpoint, default 20]
# Environment: JAVA_OPTS (default the README's run line: -Xmx160m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m),
# MALLOC_ARENA_MAX (default 2), PORT (default 18122).
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/common.sh
DURATION=${1:-20}
PORT=${PORT:-18122}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
PID=
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; rm -rf "$WORK"' EXIT
need_wrk
need_jar

AUTH=$BENCH_AUTH
FACTS='{"title":"load","awareAt":"'"$(date -u +%Y-%m-%dT%H:%M:%SZ)"'","incidentTypes":["RANSOMWARE"],"organization":{"sector":"GENERAL","dataProcessor":false,"cyberInsurance":true,"inHouseCapability":false},"personalData":{"breach":"SUSPECTED","affectedPersons":1200,"sensitive":false,"financialHarmRisk":false,"cardData":false,"myNumber":false,"encrypted":false,"euResidents":false,"subjectsReachable":true},"impact":{"systemDown":true,"businessStopped":true,"damageSpreading":true}}'
bench_java -XX:NativeMemoryTracking=summary $BENCH_JAVA_OPTS \
  -Dquarkus.http.port=$PORT -Dincident.data.folder="$WORK/data" -Dincident.rate-limit.enabled=false \
  -jar target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
PID=$!
until curl -sf -o /dev/null "$BASE/q/health/ready"; do kill -0 $PID || { cat "$WORK/app.log"; exit 1; }; sleep 0.5; done
summary() {  # the committed sizes of NMT's categories, in MB
  echo "$1: RSS $(rss_mb $PID) MB, threads $(ls /proc/$PID/task | wc -l)"
  jcmd $PID VM.native_memory summary scale=MB | grep -E '^(Total|-)' | sed -E 's/ *\(reserved=([0-9]+)MB, committed=([0-9]+)MB\)/ committed \2 MB/' | sed -E 's/^-  *//'
}
summary "started"
cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '$FACTS'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "$AUTH"
LUA
echo 'wrk.headers["Authorization"] = "'"$AUTH"'"' > "$WORK/get.lua"
ID=$(curl -sf -H "Authorization: $AUTH" -H 'Content-Type: application/json' -d "$FACTS" "$BASE/api/v1/incidents" | grep -o '"id":"[0-9a-f-]\{36\}"' | head -1 | cut -d'"' -f4)
for target in "post.lua /api/v1/assessments" "post.lua /api/v1/incidents" "get.lua /api/v1/incidents/$ID" "get.lua /api/v1/incidents?overdue=false"; do
  set -- $target
  wrk -t2 -c16 -d"${DURATION}s" -s "$WORK/$1" "$BASE$2" | awk -v p="$2" '/Requests\/sec/ {printf "%s: %s req/s\n", p, $2}'
done
summary "after the load"
echo "peak RSS: $(grep VmHWM /proc/$PID/status | awk '{printf "%d MB", $2/1024}')"
