#!/usr/bin/env bash
# The performance targets in one run (BENCHMARKS.md): prints one markdown table, what | target | measured | met.
# In order, each on the packaged service started as a user starts it (bin/incident-service: the AppCDS archive made by
# ./mvnw package and the small-footprint options), on loopback, concurrency 16 (wrk, 2 threads):
#   1. the list filters on COUNT stored incidents, p99 of each filter alone (src/bench/lists.sh h2, which also packages);
#   2. the engine alone on one thread (JMH EngineBenchmark evaluate and answer, shipped rules, a short run);
#   3. start-up to the first answered assessment (3 starts with the launcher; 1 plain `java -jar` for context);
#   4. after a warm-up, ROW seconds each: assessments in full and compact Japanese, opens on H2, reads of one incident
#      compact, the resident memory (peak) through all of it; then three rule reloads.
# Usage: src/bench/run.sh [seconds per load row, default 20]
# Environment: PORT (default 18080; lists.sh gets PORT+1), COUNT (default 50000: 100000, the target's size, seeds 4 min longer and the run no longer fits in 15 min) and LIST_REQUESTS (requests per filter
# alone, default 20) for lists.sh, WARMUP (seconds, default 60), PROFILE (a folder: a JFR recording of each load row and
# of each reload is kept there, and its hottest frames printed after the table; JFR's sampling costs ~1-2 %),
# SKIP=lists,jmh (leave those rows out; with lists, package too: measure the jar as it is).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROW=${1:-20}
PORT=${PORT:-18080}
COUNT=${COUNT:-50000}
LIST_REQUESTS=${LIST_REQUESTS:-20}
WARMUP=${WARMUP:-60}
SKIP=${SKIP:-}
PROFILE=${PROFILE:-}
. src/bench/service.sh

began=$(date +%s)
echo "$(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml bin || echo ' (with changes)');" \
  "$(java -version 2>&1 | head -1); $(nproc) cores, $(awk '/MemTotal/ {printf "%d GB", $2/1048576}' /proc/meminfo);" \
  "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo); load average $(cut -d' ' -f1-3 /proc/loadavg)"
rows=()
# row what target measured met
row() { rows+=("| $1 | $2 | $3 | $4 |"); }
bad() { [ "$NON2XX" = 0 ] || echo ", $NON2XX answers not 2xx"; }
met() { if awk "BEGIN {exit !($1)}"; then echo met; else echo "**not met**"; fi; }
[ -n "$PROFILE" ] && mkdir -p "$PROFILE"
record() { [ -z "$PROFILE" ] || jcmd $PID JFR.start name="$1" settings=profile filename="$PROFILE/$1.jfr" > /dev/null; }
recorded() { [ -z "$PROFILE" ] || jcmd $PID JFR.stop name="$1" > /dev/null; }

# 1. list filters (lists.sh packages the jar, and so makes the AppCDS archive, for what follows)
if [[ $SKIP == *lists* ]]; then
  [[ $SKIP == *package* ]] || ./mvnw -q -B -ntp package -DskipTests
else
  echo "list filters on $COUNT incidents (lists.sh h2 $LIST_REQUESTS)…"
  PORT=$((PORT + 1)) COUNT=$COUNT src/bench/lists.sh h2 "$LIST_REQUESTS" | tee "$WORK/lists.txt" | sed 's/^/  /'
  # the filters' rows follow the header; p99 alone is the 5th and 6th field ("31.6 ms")
  worst=$(awk '/p99 alone/ {on=1; next} on && NF >= 9 {print $5, $1}' "$WORK/lists.txt" | sort -n | tail -1)
  over=$(awk '/p99 alone/ {on=1; next} on && NF >= 9 && $5 >= 50 {n++} END {print n+0}' "$WORK/lists.txt")
  total=$(awk '/p99 alone/ {on=1; next} on && NF >= 9 {n++} END {print n+0}' "$WORK/lists.txt")
  row "list filters, $COUNT incidents on H2, each alone" "p99 < 50 ms" \
    "worst p99 ${worst%% *} ms (${worst#* }); $over of $total filters ≥ 50 ms" "$(met "$over == 0")"
fi

# 2. the engine alone: JMH, one fork, short (2 × 1 s warm-up, 3 × 2 s measured), the service's collector
if [[ $SKIP != *jmh* ]]; then
  echo "engine alone (JMH)…"
  ./mvnw -q -B -ntp -Pbench test-compile exec:exec@engine -Djmh.args="-f 1 -wi 2 -w 1s -i 3 -r 2s -tu us -jvmArgsPrepend -XX:+UseSerialGC" \
    -Dbench='EngineBenchmark.(evaluate|answer)$ -p scale=1' > "$WORK/jmh.txt" 2>&1 || { cat "$WORK/jmh.txt"; exit 1; }
  for bench in evaluate answer; do
    # EngineBenchmark.evaluate  kept  large  1  avgt  3  97.9 ± 10.2  us/op: the score is before ± (or before the unit)
    figures=$(awk -v b="EngineBenchmark.$bench" '$1==b && $NF=="us/op" {for (i=1; i<=NF; i++) if ($i ~ /^(small|large|many)$/) n=$i;
      s=($(NF-2)=="±") ? $(NF-3) : $(NF-1); printf "%s%s %s µs", sep, n, s; sep=", "}' "$WORK/jmh.txt")
    row "engine alone, one thread: \`$bench\` (JMH)" "— (context)" "$figures" ""
  done
fi

# 3. start-up
[ -f target/quarkus-app/app-cds.jsa ] || echo "no AppCDS archive in target/quarkus-app: the starts below go without it" >&2
starts=(); for i in 1 2 3; do start; starts+=("$MS"); stop; done
median=$(printf '%s\n' "${starts[@]}" | sort -n | sed -n 2p)
row "start-up of the packaged jar to the first answered assessment (\`bin/incident-service\`)" "< 4 s" \
  "$(printf '%s\n' "${starts[@]}" | awk '{printf "%s%.1f", sep, $1/1000; sep=", "}') s (median $(awk "BEGIN {printf \"%.1f\", $median/1000}") s)" \
  "$(met "$median < 4000")"
start plain; plain=$MS; stop
row "start-up, plain \`java -jar\` (no archive, default JVM options)" "— (context)" "$(awk "BEGIN {printf \"%.1f\", $plain/1000}") s" ""

# 4. under load: one service, started by the launcher with its defaults
start
ID=$(open_incident)
# Drools compiles each constraint on first use and the JIT needs a minute of load to settle: every path warmed first
echo "warm-up: ${WARMUP} s of assessments, $((WARMUP / 3)) s of each other path…"
load "$WARMUP" post.lua /api/v1/assessments
load $((WARMUP / 3)) post.lua "/api/v1/assessments?view=compact&lang=ja"
load $((WARMUP / 3)) post.lua /api/v1/incidents
load $((WARMUP / 3)) get.lua "/api/v1/incidents/$ID?view=compact&lang=ja"
echo "measuring, ${ROW} s per row…"
record assessment-full; load "$ROW" post.lua /api/v1/assessments; recorded assessment-full
full_rps=$RPS; full_p99=$P99; full_bad=$NON2XX
record assessment-compact; load "$ROW" post.lua "/api/v1/assessments?view=compact&lang=ja"; recorded assessment-compact
ratio=$(awk "BEGIN {printf \"%.1f\", $RPS / $full_rps}")
row "assessment, compact Japanese view (\`view=compact&lang=ja\`)" "≥ 3× the full view's throughput; p99 < 5 ms" \
  "$RPS/s = ${ratio}× the full view; p99 $P99 ms$(bad)" "$(met "$ratio >= 3 && $P99 < 5 && $NON2XX == 0")"
NON2XX=$full_bad
row "assessment, full view" "p99 < 15 ms" "$full_rps/s, p99 $full_p99 ms$(bad)" "$(met "$full_p99 < 15 && $NON2XX == 0")"
record incident-get; load "$ROW" get.lua "/api/v1/incidents/$ID?view=compact&lang=ja"; recorded incident-get
row "GET one incident, compact Japanese view" "p99 < 15 ms" "$RPS/s, p99 $P99 ms$(bad)" "$(met "$P99 < 15 && $NON2XX == 0")"
record incident-open; load "$ROW" post.lua /api/v1/incidents; recorded incident-open
row "open an incident on H2 (\`POST /api/v1/incidents\`)" "p99 < 50 ms" "$RPS/s, p99 $P99 ms$(bad)" \
  "$(met "$P99 < 50 && $NON2XX == 0")"
[ "$NON2XX" = 0 ] || { echo "opens answered $NON2XX non-2xx; the service's last errors:"; grep '"level":"ERROR"' "$WORK/app.log" | tail -3 | cut -c1-400 || true; } >&2
reloads=()
record reload
for i in 1 2 3; do
  reloads+=("$(curl -s -o /dev/null -w '%{time_total}' -X POST -H "Authorization: $AUTH" "$BASE/api/v1/rules/reload")")
done
recorded reload
slowest=$(printf '%s\n' "${reloads[@]}" | sort -n | tail -1)
row "rule reload after the load" "< 1 s" "$(printf '%s\n' "${reloads[@]}" | awk '{printf "%s%.2f", sep, $1; sep=", "}') s" "$(met "$slowest < 1")"
peak=$(peak_rss_mb)
row "resident memory (peak RSS) through this load, the launcher's defaults" "< 512 MB" "$peak MB" "$(met "$peak < 512")"
stop

echo
echo "| what | target | measured | met |"
echo "|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "$(( ($(date +%s) - began) / 60 )) min $(( ($(date +%s) - began) % 60 )) s; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"

# the hottest frames of each recording: self (the top frame) and inclusive by library
if [ -n "$PROFILE" ]; then
  for f in "$PROFILE"/*.jfr; do
    echo; echo "### $(basename "$f" .jfr)"
    jfr print --events jdk.ExecutionSample --stack-depth 96 "$f" | awk -f src/bench/hot.awk
  done
fi
