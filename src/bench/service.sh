# The packaged service under measurement, shared by src/bench/run.sh and src/bench/memory.sh (sourced, not run):
# a user for the requests, the facts every assessment sends, wrk's request scripts, a start on a fresh data folder
# with bin/incident-service (the service as the README starts it: the AppCDS archive, the small-footprint options)
# timed to the first answered assessment, and the figures read from wrk's output.
# Needs PORT set; installs wrk from Debian if it is missing.
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
PID=
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; rm -rf "$WORK"' EXIT

. src/bench/common.sh
need_wrk
USER_HASH=$BENCH_USER_HASH
AUTH=$BENCH_AUTH
# aware now: the deadlines lie ahead, as for incidents being reported
FACTS='{"title":"load","awareAt":"'"$(date -u +%Y-%m-%dT%H:%M:%SZ)"'","incidentTypes":["RANSOMWARE"],"organization":{"sector":"GENERAL","dataProcessor":false,"cyberInsurance":true,"inHouseCapability":false},"personalData":{"breach":"SUSPECTED","affectedPersons":1200,"sensitive":false,"financialHarmRisk":false,"cardData":false,"myNumber":false,"encrypted":false,"euResidents":false,"subjectsReachable":true},"impact":{"systemDown":true,"businessStopped":true,"damageSpreading":true}}'
cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '$FACTS'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "$AUTH"
LUA
echo 'wrk.headers["Authorization"] = "'"$AUTH"'"' > "$WORK/get.lua"

# start [plain] [JVM options…]: starts the service on a fresh data folder, in the background, with bin/incident-service,
# or with plain `java -jar` (no archive, the JVM's defaults); PID is the JVM's (the launcher execs java), MS the
# milliseconds from launch to the first answered assessment. The one bench user sends 16 requests at once: its
# per-user limits (writes per minute; 8 requests with a body in progress, beyond which it gets 429) are lifted.
start() {
  if curl -s -o /dev/null "$BASE/q/health"; then echo "port $PORT is already in use: stop what listens there first" >&2; exit 1; fi
  rm -rf "$WORK/data"
  local command=(bin/incident-service) jar=()
  if [ "${1:-}" = plain ]; then shift; command=(java); jar=(-jar target/quarkus-app/quarkus-run.jar); fi
  local begin; begin=$(date +%s%N)
  QUARKUS_SECURITY_USERS_EMBEDDED_USERS_BENCH=$USER_HASH QUARKUS_SECURITY_USERS_EMBEDDED_ROLES_BENCH=reporter,analyst,admin \
    "${command[@]}" "$@" -Dquarkus.http.port="$PORT" -Dincident.data.folder="$WORK/data" -Dincident.rate-limit.enabled=false \
    -Dincident.http.uploads-per-principal=16 \
    "${jar[@]}" > "$WORK/app.log" 2>&1 &
  PID=$!
  until curl -sf -o /dev/null -H "Authorization: $AUTH" -H 'Content-Type: application/json' -d "$FACTS" "$BASE/api/v1/assessments"; do
    kill -0 $PID 2>/dev/null || { cat "$WORK/app.log" >&2; exit 1; }
    sleep 0.02
  done
  MS=$(( ($(date +%s%N) - begin) / 1000000 ))
}
stop() { kill $PID; wait $PID 2>/dev/null || true; PID=; }

peak_rss_mb() { awk '/VmHWM/ {printf "%d", $2/1024}' /proc/$PID/status; }

# an incident opened through the API: its id
open_incident() {
  curl -sf -H "Authorization: $AUTH" -H 'Content-Type: application/json' -d "$FACTS" "$BASE/api/v1/incidents" \
    | grep -o '"id":"[0-9a-f-]\{36\}"' | head -1 | cut -d'"' -f4
}

# load seconds script path: wrk at concurrency 16 (2 threads); sets RPS (requests/s), P50, P99 (ms), NON2XX
load() {
  local out
  out=$(wrk -t2 -c16 -d"$1s" --latency -s "$WORK/$2" "$BASE$3")
  RPS=$(echo "$out" | awk '/Requests\/sec/ {printf "%d", $2}')
  P50=$(echo "$out" | awk '$1=="50%" {print $2}' | ms)
  P99=$(echo "$out" | awk '$1=="99%" {print $2}' | ms)
  NON2XX=$(echo "$out" | awk '/Non-2xx/ {n=$NF} END {print n+0}')
}
# wrk's duration (850.00us, 10.40ms, 1.20s, 2.00m) in milliseconds
ms() { awk '{v=$1; u=$1; sub(/[0-9.]+/, "", u); v+=0; f=(u=="us")?0.001:(u=="s")?1000:(u=="m")?60000:1; printf "%.2f", v*f}'; }
