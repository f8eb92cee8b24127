#!/usr/bin/env bash
# Soak of the packaged service on loopback (issue 20, "Done when"): for DURATION seconds (default 600), with the
# README's small-footprint options and H2, SoakDriver.java sends a bounded mixed load: two writers (open, replace
# facts with If-Match, complete an item; 4 cycles a second in all), three readers (an incident, the list with
# filters; 60 a second), assessments (20 a second) — SOAK_WRITES, SOAK_READS, SOAK_ASSESSMENTS change the rates — at most
# four slow clients trickling bodies (half on time, half too slowly for the body timeout), and webhook deliveries to
# a healthy subscriber and a hung one (accepts, never answers). The service's RSS is sampled every 2 s meanwhile.
# At the end it prints, and fails (exit 1) on: any 5xx; any lost write (an acknowledged incident, version, facts or
# completion not read back); a peak RSS of RSS_LIMIT MB (default 512) or more; a delivery made for the healthy
# subscriber that it did not receive, or its lag at p99 of SOAK_LAG_LIMIT_MS (2000) or more.
# Usage: src/bench/soak.sh   Environment: DURATION, PORT (default 18230; the subscribers listen on PORT+1 and PORT+2),
# RSS_LIMIT, JAVA_OPTS, MALLOC_ARENA_MAX (see common.sh), SKIP_BUILD=1 to use target/quarkus-app as it is, SOAK_JVM for
# JVM options added to the launcher's (SOAK_JVM="-Xlog:gc:file=/tmp/gc.log -XX:StartFlightRecording=filename=/tmp/soak.jfr").
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/common.sh
DURATION=${DURATION:-600}
PORT=${PORT:-18230}
RSS_LIMIT=${RSS_LIMIT:-512}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
PID=
SAMPLER=
trap '[ -n "$SAMPLER" ] && kill $SAMPLER 2>/dev/null; [ -n "$PID" ] && kill $PID 2>/dev/null; rm -rf "$WORK"' EXIT

if curl -s -o /dev/null "$BASE/q/health"; then echo "port $PORT is already in use" >&2; exit 1; fi
if [ "${SKIP_BUILD:-}" = 1 ]; then need_jar; else ./mvnw -q -B -ntp package -DskipTests; fi
CP="target/quarkus-app/lib/main/*"
javac -cp "$CP" -d "$WORK/classes" src/bench/java/jp/smeir/bench/SoakDriver.java

echo "soak: ${DURATION} s; java: $(java -version 2>&1 | head -1); cores: $(nproc); $(date -u +%Y-%m-%dT%H:%MZ);" \
  "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ' (with changes)'); JVM: ${JAVA_OPTS:-launcher defaults}; $(uptime | sed 's/.*load/load/')"
# as the README starts it: bin/incident-service, its AppCDS archive and small-footprint options (JAVA_OPTS replaces them)
QUARKUS_SECURITY_USERS_EMBEDDED_USERS_BENCH=$BENCH_USER_HASH QUARKUS_SECURITY_USERS_EMBEDDED_ROLES_BENCH=reporter,analyst,admin \
  bin/incident-service -Dquarkus.http.port=$PORT -Dincident.data.folder="$WORK/data" -Dincident.rate-limit.enabled=false \
  -Dincident.webhooks.allowed-hosts=127.0.0.1 -Dincident.rules.reload-rehearsal.enabled=false ${SOAK_JVM:-} > "$WORK/app.log" 2>&1 &
PID=$!
wait_ready "$BASE" $PID "$WORK/app.log"
echo "started: RSS $(rss_mb $PID) MB"

( while kill -0 $PID 2>/dev/null; do echo "$(date +%s) $(rss_mb $PID)"; sleep 2; done ) > "$WORK/rss" &
SAMPLER=$!
status=0
java -Xmx256m -cp "$WORK/classes:$CP" jp.smeir.bench.SoakDriver "$BASE" "$DURATION" $((PORT + 1)) $((PORT + 2)) || status=$?
kill $SAMPLER 2>/dev/null || true
SAMPLER=

peak=$(awk '$2 > m {m = $2} END {print m + 0}' "$WORK/rss")
echo "RSS: $(awk 'NR == 1 {print $2}' "$WORK/rss") MB at the start, $(tail -1 "$WORK/rss" | cut -d' ' -f2) MB at the end," \
  "peak $peak MB sampled every 2 s ($(wc -l < "$WORK/rss") samples), VmHWM $(grep VmHWM /proc/$PID/status | awk '{printf "%d", $2/1024}') MB; limit $RSS_LIMIT MB"
echo "RSS each minute (MB): $(awk 'NR % 30 == 1 {printf "%s ", $2}' "$WORK/rss")"
echo "service log: $(grep -c ' ERROR ' "$WORK/app.log" || true) ERROR lines, $(grep -c ' WARN ' "$WORK/app.log" || true) WARN lines"
grep -E ' (ERROR|WARN) ' "$WORK/app.log" | sed -E 's/^[0-9-]+ [0-9:,]+ //' | cut -c1-160 | sort | uniq -c | sort -rn | head -8 || true
echo "$(uptime | sed 's/.*load/load/') at the end"
[ "$peak" -lt "$RSS_LIMIT" ] || { echo "SOAK FAILED: peak RSS $peak MB"; status=1; }
exit $status
