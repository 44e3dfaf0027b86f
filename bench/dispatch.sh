#!/usr/bin/env bash
# Benchmark of dispatch and delivery: N cases' certificates arrive, every work item is rendered
# into the outbox and delivered to the simulated agencies; prints cases/s and messages/s.
#   bench/dispatch.sh [cases=3000] [certificate clients=2]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile exec:java -Dspring-javaformat.skip=true -Dexec.classpathScope=test \
  -Dexec.mainClass=cn.shanxi.lianban.delivery.DispatchBenchmark -Dexec.args="${1:-3000} ${2:-2} ${*:3}"
