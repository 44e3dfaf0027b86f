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
java bench/LoadApplications.java http://127.0.0.1:18080 demo-web-key "$clients" "$seconds" 30 src/test/resources/forms/application.example.json
psql -h 127.0.0.1 -U postgres -d $db -qAtc "select 'cases stored: ' || count(*) from case_file"
