#!/usr/bin/env bash
# The list filters of GET /api/v1/incidents on 100,000 stored incidents (BENCHMARKS.md, "Lists on big tables"):
# opens 75 incidents through the API, copies them with all their rows through JDBC up to COUNT, then times every
# filter alone and from 8 clients at once (ListBenchmark.java) and prints the p50 / p99 per filter.
# Usage: src/bench/lists.sh h2|pg [requests per filter alone, default 100; each of 8 clients sends half as many]
# Environment: COUNT (default 100000), PORT (default 18120), JAVA_OPTS (default the README's small-footprint
# options); pg: INCIDENT_DB_URL (default jdbc:postgresql://127.0.0.1:5432/incidents_bench, emptied first!),
# INCIDENT_DB_USER (default postgres), INCIDENT_DB_PASSWORD.
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${1:?h2 or pg}
REQUESTS=${2:-100}
COUNT=${COUNT:-100000}
PORT=${PORT:-18120}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
PID=
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; rm -rf "$WORK"' EXIT

if [ "$DB" = pg ]; then
  PROFILE=prod,pg
  export INCIDENT_DB_URL=${INCIDENT_DB_URL:-jdbc:postgresql://127.0.0.1:5432/incidents_bench}
  export INCIDENT_DB_USER=${INCIDENT_DB_USER:-postgres} INCIDENT_DB_PASSWORD=${INCIDENT_DB_PASSWORD:-}
  name=${INCIDENT_DB_URL##*/}
  psql -h 127.0.0.1 -U "$INCIDENT_DB_USER" -d postgres -q -c "drop database if exists $name" -c "create database $name"
  JDBC=$INCIDENT_DB_URL
else
  PROFILE=prod
  JDBC="jdbc:h2:file:$WORK/data/incidents"
fi
./mvnw -q -B -ntp package -DskipTests -Dquarkus.profile=$PROFILE
CP="target/quarkus-app/lib/main/*"
javac -cp "$CP" -d "$WORK/classes" src/bench/java/jp/smeir/bench/ListBenchmark.java
bench() { java -cp "$WORK/classes:$CP" jp.smeir.bench.ListBenchmark "$@"; }

USER_HASH=$(printf 'bench:incident-decision:bench-pass' | sha512sum | cut -d' ' -f1)
start() {
  QUARKUS_SECURITY_USERS_EMBEDDED_USERS_BENCH=$USER_HASH QUARKUS_SECURITY_USERS_EMBEDDED_ROLES_BENCH=reporter,analyst,admin \
    MALLOC_ARENA_MAX=2 java ${JAVA_OPTS:--Xmx160m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m} -Dquarkus.profile=$PROFILE \
    -Dquarkus.http.port=$PORT -Dincident.data.folder="$WORK/data" -Dincident.rate-limit.enabled=false \
    -Dincident.rules.reload-rehearsal.enabled=false -jar target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
  PID=$!
  until curl -sf -o /dev/null "$BASE/q/health/ready"; do
    kill -0 $PID 2>/dev/null || { cat "$WORK/app.log" >&2; exit 1; }
    sleep 0.2
  done
}
stop() { kill $PID; wait $PID 2>/dev/null || true; PID=; }

echo "java: $(java -version 2>&1 | head -1); cores: $(nproc); $DB; $(date -u +%Y-%m-%dT%H:%MZ); commit $(git rev-parse --short HEAD)"
start; bench templates "$BASE"; stop
bench seed "$JDBC" "${INCIDENT_DB_USER:-sa}" "$COUNT"
start
bench measure "$BASE" "$REQUESTS"
echo "RSS of the service: $(ps -o rss= -p $PID | awk '{printf "%d MB", $1/1024}')"
