#!/usr/bin/awk -f
# Reads `jfr print --events jdk.ExecutionSample` and prints where the samples are: each sample counted for the
# library of its first frame outside the JDK (java.*, jdk.*, sun.*: a HashMap lookup counts for whoever called it),
# then the 12 hottest top frames (libraries under 2 % left out). Used by src/bench/run.sh PROFILE=… (needs gawk).
function library(frame) {
  if (frame ~ /^(org\.drools|org\.kie|org\.mvel2|org\.antlr)/) return "Drools (engine, compiler, MVEL)"
  if (frame ~ /^(rules\.|ConditionEvaluator)/) return "the rules' generated code"
  if (frame ~ /^org\.eclipse\.jdt/) return "ECJ (compiling consequences)"
  if (frame ~ /^com\.fasterxml\.jackson/) return "Jackson"
  if (frame ~ /^org\.h2/) return "H2"
  if (frame ~ /^org\.hibernate/) return "Hibernate"
  if (frame ~ /^(io\.agroal|com\.arjuna|io\.narayana)/) return "connections and transactions"
  if (frame ~ /^(io\.vertx|io\.netty)/) return "Vert.x / Netty"
  if (frame ~ /^(org\.jboss\.resteasy|io\.quarkus\.resteasy)/) return "RESTEasy Reactive"
  if (frame ~ /^(io\.quarkus\.security|io\.quarkus\.elytron|org\.wildfly\.security|io\.quarkus\.vertx\.http\.runtime\.security)/) return "security"
  if (frame ~ /^jp\.smeir\./) { f = frame; sub(/^jp\.smeir\./, "", f); sub(/\..*/, "", f); return "ours: " f }
  if (frame ~ /^(java|javax|jdk|sun|com\.sun)\./) return ""
  f = frame; sub(/^([a-z0-9_]+\.[a-z0-9_]+)\..*/, "&", f); split(frame, p, "."); return p[1] "." p[2]
}
/^jdk\.ExecutionSample/ { samples++; top = ""; owner = ""; next }
/^[ \t]+[a-zA-Z_$][a-zA-Z0-9_$.]*\(.*\)/ {
  frame = $1; sub(/\(.*/, "", frame)
  if (top == "") { top = frame; self[frame]++ }
  if (owner == "") { owner = library(frame); if (owner != "") owned[owner]++ }
}
END {
  if (samples == 0) { print "no samples"; exit }
  PROCINFO["sorted_in"] = "@val_num_desc"
  printf "%d samples; by library (first frame outside the JDK):", samples; n = 0
  for (l in owned) if (owned[l] >= samples / 50) printf "%s %s %.0f%%", (n++ ? ";" : ""), l, 100 * owned[l] / samples
  print ""
  n = 0
  for (f in self) { if (n++ == 12) break; printf "  %5.1f%%  %s\n", 100 * self[f] / samples, f }
}
