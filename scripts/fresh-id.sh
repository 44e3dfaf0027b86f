#!/usr/bin/env bash
# Prints a fresh valid resident ID number (GB 11643) for a demo deceased: region 140105, born
# 1950-MM-DD, a random sequence, the check character. One case per deceased: every demo run needs
# a person the hub has not seen.
set -euo pipefail
month=$(printf '%02d' $((RANDOM % 12 + 1)))
day=$(printf '%02d' $((RANDOM % 28 + 1)))
sequence=$(printf '%03d' $((RANDOM % 1000)))
body17="1401051950${month}${day}${sequence}"
weights=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2)
sum=0
for i in $(seq 0 16); do
	sum=$((sum + ${body17:$i:1} * ${weights[$i]}))
done
checks=(1 0 X 9 8 7 6 5 4 3 2)
echo "${body17}${checks[$((sum % 11))]}"
