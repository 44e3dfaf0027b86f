#!/usr/bin/env bash
# A partner's SFTP upload from start to receipt, without a terminal: the family applies (a new
# deceased each run), then the demo hospital SXPH uploads that person's death certificate as a
# GB18030 CSV (its agreed charset) to the hub's SFTP drop-box the way a partner should — to a
# temporary name first, then renamed, so the hub never reads a half-uploaded file — waits for
# the receipt, prints it, and prints the case's status.
#
# Start the hub first (./mvnw spring-boot:run): the drop-box listens on 127.0.0.1:2222.
#
#   scripts/sftp-dropbox-demo.sh
#       logs in with the demo key scripts/demo-keys/sxph-demo-ed25519 (embedded default only)
#   DROPBOX_PASSWORD=demo-hospital-sftp scripts/sftp-dropbox-demo.sh
#       with the demo password instead, through sshpass (apt-get install sshpass)
#   DROPBOX_KEY=~/.ssh/id_ed25519 scripts/sftp-dropbox-demo.sh
#       with a key of your own, whose public half is in lianban.partners.list[].sftp.public-keys
#
# The same by hand:
#   sftp -P 2222 -i scripts/demo-keys/sxph-demo-ed25519 SXPH@127.0.0.1
#   sftp> cd inbox
#   sftp> put 死亡医学证明.csv 死亡医学证明.csv.part
#   sftp> rename 死亡医学证明.csv.part 死亡医学证明.csv
#   sftp> get /receipts/死亡医学证明.csv.receipt.csv
#
# Environment: HUB (http://localhost:8080), DROPBOX_HOST (127.0.0.1), DROPBOX_PORT (2222),
# DROPBOX_HOST_KEY_PUB (data/dropbox/ssh_host_key.pub: the host key to pin; without it the host
# key is not checked, fine for a demo only), WAIT_SECONDS (60). Needs curl, iconv and OpenSSH's
# sftp.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
hub=${HUB:-http://localhost:8080}
host=${DROPBOX_HOST:-127.0.0.1}
port=${DROPBOX_PORT:-2222}
host_key_pub=${DROPBOX_HOST_KEY_PUB:-data/dropbox/ssh_host_key.pub}
wait_seconds=${WAIT_SECONDS:-60}
partner=SXPH

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. the family applies, for a person the hub has not seen
id=$(scripts/fresh-id.sh)
birth="1950-${id:10:2}-${id:12:2}"
# the channel acts for the person it authenticated, the form's applicant (X-On-Behalf-Of)
applicant=$(tr -d '\n' <examples/application.json | grep -o '"applicant": *{[^}]*' | grep -o '"idNumber": *"[0-9X]*"' | cut -d'"' -f4)
answer=$(curl -sS -X POST "$hub/api/v1/applications" -H 'X-Api-Key: demo-web-key' -H "X-On-Behalf-Of: $applicant" \
	-H 'Content-Type: application/json' --data-binary "$(sed "s/140105195001010018/$id/g" examples/application.json)")
case_no=$(printf '%s' "$answer" | grep -o '"caseNo": *"[^"]*"' | head -1 | cut -d'"' -f4 || true)
if [ -z "$case_no" ]; then
	echo "The application was refused: $answer" >&2
	exit 1
fi
echo "Case $case_no applied for (deceased ${id:0:4}**********${id:14:4})"

# 2. the hospital's file: the contract's dotted names in the header, GB18030 (SXPH's charset),
#    the hub's usual local time form
name="死亡医学证明_$(date +%Y%m%d%H%M%S).csv"
{
	echo 'kind,certificateNo,version,deceased.name,deceased.sex,deceased.idNumber,deceased.birthDate,deceased.householdRegionCode,death.time,death.placeCategory,death.regionCode,causes.a,causes.underlyingIcd10,issuer.institutionName,issuer.institutionCode,issuer.issuedAt'
	echo "DEATH_MEDICAL,$id,1,李大山,1,$id,$birth,140105,2026-11-27 03:40:00,MEDICAL_INSTITUTION,140105,急性心肌梗死,I21.9,山西省人民医院,12140000405660001X,2026-11-27 08:10:00"
} | iconv -f UTF-8 -t GB18030 >"$work/$name"

# 3. the upload: temporary name, then rename
if [ -f "$host_key_pub" ]; then
	# pin the drop-box's host key, as a partner does with the .pub the hub operator sends it
	echo "[$host]:$port $(cat "$host_key_pub")" >"$work/known_hosts"
	host_key_options=(-o UserKnownHostsFile="$work/known_hosts" -o StrictHostKeyChecking=yes)
else
	echo "warning: $host_key_pub not found, the host key is not checked" >&2
	host_key_options=(-o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no)
fi
options=(-P "$port" -F /dev/null "${host_key_options[@]}" -o LogLevel=ERROR)
if [ -n "${DROPBOX_PASSWORD:-}" ]; then
	command -v sshpass >/dev/null || { echo "DROPBOX_PASSWORD needs sshpass (apt-get install sshpass)" >&2; exit 1; }
	sftp_cmd=(sshpass -e sftp "${options[@]}" -o PubkeyAuthentication=no -o BatchMode=no)
	export SSHPASS=$DROPBOX_PASSWORD
else
	key=${DROPBOX_KEY:-$work/key}
	if [ -z "${DROPBOX_KEY:-}" ]; then
		# ssh wants a private key that only its owner can read; git keeps no such mode
		install -m 600 scripts/demo-keys/sxph-demo-ed25519 "$key"
	fi
	sftp_cmd=(sftp "${options[@]}" -i "$key" -o IdentitiesOnly=yes -o BatchMode=yes)
fi
export LC_ALL=C.UTF-8
printf 'cd inbox\nput %s %s.part\nrename %s.part %s\n' "$work/$name" "$name" "$name" "$name" >"$work/upload"
"${sftp_cmd[@]}" -b "$work/upload" "$partner@$host" >/dev/null
echo "Uploaded inbox/$name as $partner"

# 4. the receipt, once the hub has read the file
printf 'get /receipts/%s.receipt.csv %s\n' "$name" "$work/receipt.csv" >"$work/fetch"
deadline=$((SECONDS + wait_seconds))
until "${sftp_cmd[@]}" -b "$work/fetch" "$partner@$host" >/dev/null 2>&1; do
	if [ $SECONDS -ge $deadline ]; then
		echo "No receipt within ${wait_seconds}s" >&2
		exit 1
	fi
	sleep 1
done
echo "Receipt receipts/$name.receipt.csv:"
iconv -f GB18030 -t UTF-8 "$work/receipt.csv"

# 5. the case, now that its certificate is on record
status=$(curl -sS "$hub/api/v1/applications/$case_no" -H 'X-Api-Key: demo-web-key' -H "X-On-Behalf-Of: $applicant" \
	| grep -o '"status": *"[A-Z_]*"' | head -1 | cut -d'"' -f4)
echo "Case $case_no: $status"
