#!/usr/bin/env bash
# Checks the audit log's hash chain of a running hub: every seal follows the one before, and its
# entries, read again, give its hash. Exit 0 when intact, 1 when not (the broken seals are listed).
#   scripts/audit-verify.sh [hub-url]      (as an auditor: LIANBAN_AUDITOR=user:password)
set -euo pipefail
hub="${1:-http://localhost:8080}"
auditor="${LIANBAN_AUDITOR:-auditor:demo-auditor-password}"
answer=$(curl -sS -f -u "$auditor" "$hub/api/v1/audit/verify")
echo "$answer"
case "$answer" in
	*'"intact":true'*) echo "Audit log intact (审计日志完整)"; exit 0 ;;
	*) echo "Audit log BROKEN (审计日志被改动)" >&2; exit 1 ;;
esac
