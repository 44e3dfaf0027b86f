#!/usr/bin/env bash
# Benchmark of the application intake: starts the hub on the local PostgreSQL (a fresh database
# lianban_bench), posts valid applications from N clients for 30 s of warm-up (the JIT compiler is
# still at work before that) and then the measured seconds; prints applications/s and latency.
#   bench/applications.sh [clients=64] [seconds=30]
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-64}
seconds=${2:-30}
db=lianban_bench
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db with (force)" -c "create database $db"
./mvnw -q -B package -DskipTests -Dspring-javaformat.skip=true
LIANBAN_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db LIANBAN_PORT=18080 \
  java -Xms1g -Xmx1g -jar target/lianban-*.jar --logging.level.cn.shanxi.lianban.intake=WARN > target/bench-hub.log 2>&1 &
hub=$!
trap 'kill $hub 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -sf localhost:18080/actuator/health/readiness >/dev/null && break; sleep 1; done
# CPU seconds (user + system) of the hub and of PostgreSQL's backends for this database
cpu() { local t=0 p s; for p in $hub $(pgrep -f "postgres.*$db" || true); do
  s=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || true); t=$((t + ${s:-0})); done; echo $t; }
hubcpu() { awk '{print $14 + $15}' /proc/$hub/stat; }
( sleep 30; h0=$(hubcpu); a0=$(cpu); sleep "$seconds"; h1=$(hubcpu); a1=$(cpu)
  echo "cpu ticks in the measured window (1/$(getconf CLK_TCK) s): hub=$((h1 - h0)) postgresql=$((a1 - a0 - h1 + h0))" \
    > target/bench-cpu.txt ) &
probe=$!
java bench/LoadApplications.java http://127.0.0.1:18080 demo-web-key "$clients" "$seconds" 30 src/test/resources/forms/application.example.json \
  | tee target/bench-load.txt
wait $probe
n=$(grep -o 'applications=[0-9]*' target/bench-load.txt | cut -d= -f2)
read -r hub_t pg_t < <(sed 's/.*hub=\([0-9]*\) postgresql=\([0-9]*\)/\1 \2/' target/bench-cpu.txt)
hz=$(getconf CLK_TCK)
awk -v n="$n" -v h="$hub_t" -v p="$pg_t" -v hz="$hz" 'BEGIN { if (n > 0) printf "cpu per application: hub %.2f ms, postgresql %.2f ms\n", 1000 * h / hz / n, 1000 * p / hz / n }'
psql -h 127.0.0.1 -U postgres -d $db -qAtc "select 'cases stored: ' || count(*) from case_file"
