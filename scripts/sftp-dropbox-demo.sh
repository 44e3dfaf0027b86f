#!/usr/bin/env bash
# Uploads a sample GB18030 certificate file to the hub's SFTP drop-box with OpenSSH's sftp
# client, the way a partner should: to a temporary name first, then renamed, so the hub
# never reads a half-uploaded file. Then lists the partner's inbox and receipts.
#
# Start the hub first (./mvnw spring-boot:run): the drop-box listens on 127.0.0.1:2222.
#
#   scripts/sftp-dropbox-demo.sh
#       as the demo hospital SXPH; type its demo password at the prompt: demo-hospital-sftp
#   DROPBOX_KEY=~/.ssh/id_ed25519 scripts/sftp-dropbox-demo.sh TYFH
#       batch mode with a private key whose public half is in the partner's
#       lianban.partners.list[].sftp.public-keys
#
# The same by hand:
#   sftp -P 2222 -o UserKnownHostsFile=known_hosts -i key TYFH@127.0.0.1
#   sftp> cd inbox
#   sftp> put 死亡医学证明.csv 死亡医学证明.csv.part
#   sftp> rename 死亡医学证明.csv.part 死亡医学证明.csv
#   sftp> get /receipts/死亡医学证明.csv.receipt.csv
#
# Environment: DROPBOX_HOST (127.0.0.1), DROPBOX_PORT (2222), DROPBOX_KEY (none: password),
# DROPBOX_HOST_KEY_PUB (data/dropbox/ssh_host_key.pub: the host key to pin; without it the
# host key is not checked, fine for a demo only).
set -euo pipefail

partner=${1:-SXPH}
host=${DROPBOX_HOST:-127.0.0.1}
port=${DROPBOX_PORT:-2222}
host_key_pub=${DROPBOX_HOST_KEY_PUB:-data/dropbox/ssh_host_key.pub}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -f "$host_key_pub" ]; then
	# pin the drop-box's host key, as a partner does with the .pub the hub operator sends it
	echo "[$host]:$port $(cat "$host_key_pub")" >"$work/known_hosts"
	host_key_options=(-o UserKnownHostsFile="$work/known_hosts" -o StrictHostKeyChecking=yes)
else
	echo "warning: $host_key_pub not found, the host key is not checked" >&2
	host_key_options=(-o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no)
fi

printf '证书编号,姓名,身份证号\nTY2026000001,张𠮷,140105195001010018\n' | iconv -f UTF-8 -t GB18030 >"$work/sample.csv"
name="死亡医学证明_$(date +%Y%m%d%H%M%S).csv"

cat >"$work/batch" <<BATCH
cd inbox
put $work/sample.csv $name.part
rename $name.part $name
ls -l
cd /receipts
ls -l
BATCH

options=(-P "$port" -F /dev/null "${host_key_options[@]}")
export LC_ALL=C.UTF-8
if [ -n "${DROPBOX_KEY:-}" ]; then
	sftp "${options[@]}" -i "$DROPBOX_KEY" -o IdentitiesOnly=yes -o BatchMode=yes -b "$work/batch" "$partner@$host"
else
	# sftp -b refuses passwords; commands on stdin let ssh ask for one on the terminal
	sftp "${options[@]}" -o PubkeyAuthentication=no "$partner@$host" <"$work/batch"
fi
echo "uploaded inbox/$name as $partner"
