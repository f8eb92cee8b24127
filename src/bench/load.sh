#!/usr/bin/env bash
# Load test of the packaged service on loopback with wrk (BENCHMARKS.md). Measures, in one run:
#   start-up to the first answered assessment, without and with an AppCDS archive (3 starts each);
#   at concurrency 16 (wrk: 2 threads) GET /api/v1/ping (the trivial reference), POST /api/v1/assessments,
#   POST /api/v1/incidents and GET /api/v1/incidents/{id}, each with its latency percentiles;
#   three rule reloads; the resident memory (RSS) of the service under that load, and its peak.
# Usage: src/bench/load.sh [seconds per endpoint, default 20]. Needs wrk (installed from Debian if missing).
# Environment: WARMUP (seconds, default 60), JAVA_OPTS (JVM options of the measured service, default the README's
# small-footprint options: -Xmx160m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m), MALLOC_ARENA_MAX (default 2).
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/common.sh
DURATION=${1:-20}
PORT=${PORT:-18080}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
PID=
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; rm -rf "$WORK"' EXIT

need_wrk
need_jar

AUTH="Authorization: $BENCH_AUTH"
# aware now: the deadlines lie ahead, as for incidents being reported
FACTS='{"title":"load","awareAt":"'"$(date -u +%Y-%m-%dT%H:%M:%SZ)"'","incidentTypes":["RANSOMWARE"],"organization":{"sector":"GENERAL","dataProcessor":false,"cyberInsurance":true,"inHouseCapability":false},"personalData":{"breach":"SUSPECTED","affectedPersons":1200,"sensitive":false,"financialHarmRisk":false,"cardData":false,"myNumber":false,"encrypted":false,"euResidents":false,"subjectsReachable":true},"impact":{"systemDown":true,"businessStopped":true,"damageSpreading":true}}'

# start [jvm options…]: starts the service on a fresh data folder; sets MS to the ms from launch to the first answered assessment
start() {
  if curl -s -o /dev/null "$BASE/q/health"; then echo "port $PORT is already in use: stop what listens there first" >&2; exit 1; fi
  rm -rf "$WORK/data"
  local begin; begin=$(date +%s%N)
  bench_java "$@" $BENCH_JAVA_OPTS -Dquarkus.http.port=$PORT -Dincident.data.folder="$WORK/data" -Dincident.rate-limit.enabled=false \
    -jar target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
  PID=$!
  until curl -sf -o /dev/null -H "$AUTH" -H 'Content-Type: application/json' -d "$FACTS" "$BASE/api/v1/assessments"; do
    kill -0 $PID 2>/dev/null || { cat "$WORK/app.log" >&2; exit 1; }
    sleep 0.02
  done
  MS=$(( ($(date +%s%N) - begin) / 1000000 ))
}
stop() { kill $PID; wait $PID 2>/dev/null || true; PID=; }

echo "java: $(java -version 2>&1 | head -1); cores: $(nproc); $(date -u +%Y-%m-%dT%H:%MZ)"
plain=(); for i in 1 2 3; do start; plain+=("$MS"); stop; done
echo "start-up to first answered assessment, plain JVM:           ${plain[*]} ms"
# AppCDS: a training run records the classes it loads; later starts map them instead of loading them
CDS="$WORK/app-cds.jsa"
start -XX:ArchiveClassesAtExit="$CDS"; stop
cds=(); for i in 1 2 3; do start -XX:SharedArchiveFile="$CDS"; cds+=("$MS"); stop; done
echo "start-up to first answered assessment, with AppCDS archive: ${cds[*]} ms"

start -XX:SharedArchiveFile="$CDS"
cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '$FACTS'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "${AUTH#Authorization: }"
LUA
cat > "$WORK/get.lua" <<LUA
wrk.headers["Authorization"] = "${AUTH#Authorization: }"
LUA
ID=$(curl -sf -H "$AUTH" -H 'Content-Type: application/json' -d "$FACTS" "$BASE/api/v1/incidents" | sed -E 's/.*"id":"([^"]+)".*/\1/')

rss() { echo "$(rss_mb $PID) MB"; }
run() {  # name, script, path
  local out
  out=$(wrk -t2 -c16 -d"${DURATION}s" --latency -s "$WORK/$2" "$BASE$3")
  printf '%-32s %10s req/s   p50 %8s   p90 %8s   p99 %8s   non-2xx %s   RSS %s\n' "$1" \
    "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" "$(echo "$out" | awk '$1=="50%" {print $2}')" \
    "$(echo "$out" | awk '$1=="90%" {print $2}')" "$(echo "$out" | awk '$1=="99%" {print $2}')" \
    "$(echo "$out" | awk '/Non-2xx/ {n=$NF} END {print n+0}')" "$(rss)"
}
# The JVM needs a minute or more of load before Drools' constraints and the JIT settle (MVEL compiles each
# constraint on first use, and jits it after 20 uses): warm every endpoint up before measuring.
WARMUP=${WARMUP:-60}
echo "warm-up (${WARMUP} s of assessments, then $((WARMUP / 3)) s of each other endpoint)…"
wrk -t2 -c16 -d"${WARMUP}s" -s "$WORK/post.lua" "$BASE/api/v1/assessments" > /dev/null
wrk -t2 -c16 -d"$((WARMUP / 3))s" -s "$WORK/post.lua" "$BASE/api/v1/incidents" > /dev/null
wrk -t2 -c16 -d"$((WARMUP / 3))s" -s "$WORK/get.lua" "$BASE/api/v1/incidents/$ID" > /dev/null
wrk -t2 -c16 -d"$((WARMUP / 3))s" -s "$WORK/get.lua" "$BASE/api/v1/ping" > /dev/null
echo "concurrency 16, ${DURATION} s each:"
run "GET /api/v1/ping (reference)" get.lua /api/v1/ping
run "POST /api/v1/assessments" post.lua /api/v1/assessments
run "POST /api/v1/incidents" post.lua /api/v1/incidents
run "GET /api/v1/incidents/{id}" get.lua "/api/v1/incidents/$ID"
for i in 1 2 3; do
  out=$(curl -s -w ' %{http_code} %{time_total}' -X POST -H "$AUTH" "$BASE/api/v1/rules/reload")
  split=$(echo "$out" | sed -nE 's/.*"buildMillis":([0-9]+),"scenariosMillis":([0-9]+).*/(build \1 ms, scenarios \2 ms)/p')
  echo "rule reload $i: $(echo "$out" | awk '{print $(NF-1)}') in $(echo "$out" | awk '{print $NF}') s $split"
done
echo "peak RSS: $(grep VmHWM /proc/$PID/status | awk '{printf "%d MB", $2/1024}')"
