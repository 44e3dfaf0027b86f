#!/usr/bin/env bash
# Benchmark of dispatch and delivery: N cases' certificates arrive, every work item is rendered
# into the outbox and delivered to the simulated agencies; prints cases/s and messages/s.
#   bench/dispatch.sh [cases=10000] [certificate clients=2] [warmup=30000] [--any.hub=setting]
# About 5 minutes with the defaults, most of it the warm-up (the JIT's steady state).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile exec:java -Dspring-javaformat.skip=true -Dexec.classpathScope=test \
  -Dexec.mainClass=cn.shanxi.lianban.delivery.DispatchBenchmark -Dexec.args="${1:-10000} ${2:-2} ${*:3}"
