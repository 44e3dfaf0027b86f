#!/usr/bin/env bash
# Certificate ingestion benchmark (not part of the test command): generates a 100,000-record
# GB18030 death-certificate CSV and takes it in end to end (charset check, parse, validate, store,
# receipt), printing records/s. Needs the local PostgreSQL at 127.0.0.1:5432 (or starts the
# embedded engine), like the tests. Usage: scripts/benchmark-certificates.sh [records]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath \
  -Dmdep.includeScope=test
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" \
  -Dlogging.level.root=WARN \
  cn.shanxi.lianban.certificate.file.CertificateIngestionBenchmark "$@"
