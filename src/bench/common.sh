# Shared by the scripts of src/bench (sourced, from the project's root): the bench user, the packaged service
# started with the README's small-footprint options, wrk, the resident memory of a process.
# Environment: JAVA_OPTS (default -Xmx160m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m), MALLOC_ARENA_MAX (default 2).

# The user bench (password bench-pass) with every role, given to the service as a hashed embedded user.
BENCH_USER_HASH=$(printf 'bench:incident-decision:bench-pass' | sha512sum | cut -d' ' -f1)
BENCH_AUTH="Basic $(printf 'bench:bench-pass' | base64)"
BENCH_JAVA_OPTS=${JAVA_OPTS:--Xmx160m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m}

need_wrk() {
  command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
}

need_jar() {
  [ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B -ntp package -DskipTests
}

# bench_java [java options and arguments…] &: java with the bench user and MALLOC_ARENA_MAX, the caller adding the JVM
# options ($BENCH_JAVA_OPTS). Only in the background (it execs java, so that $! is the service's own pid).
bench_java() {
  QUARKUS_SECURITY_USERS_EMBEDDED_USERS_BENCH=$BENCH_USER_HASH QUARKUS_SECURITY_USERS_EMBEDDED_ROLES_BENCH=reporter,analyst,admin \
    MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} exec java "$@"
}

# wait_ready <base url> <pid> <log>: until the service is ready; its log and failure if it died first.
wait_ready() {
  until curl -sf -o /dev/null "$1/q/health/ready"; do
    kill -0 "$2" 2>/dev/null || { cat "$3" >&2; return 1; }
    sleep 0.2
  done
}

# rss_mb [pid]: its resident memory now, in MB (default: $PID, the service started)
rss_mb() { ps -o rss= -p "${1:-$PID}" | awk '{printf "%d", $1/1024}'; }
