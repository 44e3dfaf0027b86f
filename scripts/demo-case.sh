#!/usr/bin/env bash
# A demo case from application to 办结, on its own: the family applies (the contract's example
# form, for a NEW deceased each run) and the hospital sends the death certificate; the hub sends
# every item to the simulated agencies, which answer through the real reply transports (HTTP
# callbacks, result files on their SFTP server, the housing fund's staging table), and the
# simulated funeral home reports the cremation by itself. Prints the case's status each time it
# changes, then its work items.
#
# Start the hub first: ./mvnw spring-boot:run   (the embedded default, simulated agencies on)
#
#   scripts/demo-case.sh
#
# Environment: HUB (http://localhost:8080), WAIT_SECONDS (120). Uses curl; jq if present for the
# item list at the end.
set -euo pipefail

hub=${HUB:-http://localhost:8080}
wait_seconds=${WAIT_SECONDS:-120}
here=$(cd "$(dirname "$0")/.." && pwd)
form_file=$here/examples/application.json
certificate_file=$here/examples/certificate.json

# A fresh deceased (one case per deceased: a second application for the same person is a 409)
id=$("$here/scripts/fresh-id.sh")
birth="1950-${id:10:2}-${id:12:2}"
echo "Deceased ID (fresh, masked): ${id:0:4}**********${id:14:4}"

form=$(sed -e "s/140105195001010018/${id}/g" "$form_file")
# the channel acts for the person it authenticated, the form's applicant (X-On-Behalf-Of)
applicant=$(printf '%s' "$form" | tr -d '\n' | grep -o '"applicant": *{[^}]*' | grep -o '"idNumber": *"[0-9X]*"' | cut -d'"' -f4)
certificate=$(sed -e "s/140105195001010018/${id}/g" -e "s/1950-01-01/${birth}/g" "$certificate_file")

answer=$(curl -sS -X POST "$hub/api/v1/applications" -H 'X-Api-Key: demo-web-key' \
	-H "X-On-Behalf-Of: $applicant" -H 'Content-Type: application/json' -H "Idempotency-Key: demo-$id" --data-binary "$form")
case_no=$(printf '%s' "$answer" | grep -o '"caseNo": *"[^"]*"' | head -1 | cut -d'"' -f4 || true)
if [ -z "$case_no" ]; then
	echo "The application was refused: $answer" >&2
	exit 1
fi
echo "Case $case_no"

status_of() {
	local view
	view=$(curl -sS "$hub/api/v1/applications/$case_no" -H 'X-Api-Key: demo-web-key' -H "X-On-Behalf-Of: $applicant")
	if command -v jq > /dev/null; then
		printf '%s' "$view" | jq -r .status
	else
		# the case's own status comes before its items' in the answer
		printf '%s' "$view" | grep -o '"status": *"[A-Z_]*"' | head -1 | cut -d'"' -f4 || true
	fi
}

last=""
show() {
	local now
	now=$(status_of)
	if [ "$now" != "$last" ]; then
		echo "$(date +%H:%M:%S)  $now"
		last=$now
	fi
}

show
curl -sS -o /dev/null -w "$(date +%H:%M:%S)  death certificate sent by the hospital: HTTP %{http_code}\n" \
	-X POST "$hub/api/v1/certificates" -H 'X-Api-Key: demo-hospital-key' -H 'Content-Type: application/json' \
	--data-binary "$certificate"

deadline=$((SECONDS + wait_seconds))
while [ $SECONDS -lt $deadline ]; do
	show
	case "$last" in
		COMPLETED | COMPLETED_PARTIALLY | REJECTED) break ;;
	esac
	sleep 2
done

if command -v jq > /dev/null; then
	curl -sS "$hub/api/v1/applications/$case_no" -H 'X-Api-Key: demo-web-key' -H "X-On-Behalf-Of: $applicant" \
		| jq -r '.workItems[] | "  \(.item)  \(.agency)  \(.status)\(if .amount then "  " + (.amount|tostring) else "" end)"'
fi
echo "Follow it: curl -s $hub/api/v1/applications/$case_no -H 'X-Api-Key: demo-web-key' -H 'X-On-Behalf-Of: $applicant'"
case "$last" in
	COMPLETED | COMPLETED_PARTIALLY) exit 0 ;;
	*) echo "Not ended within ${wait_seconds}s" >&2; exit 1 ;;
esac
