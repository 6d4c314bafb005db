#!/usr/bin/env bash
# Writes resources/sample.hive from resources/sample.reg with HiveKit's own
# writer: a new empty hive, then the .reg file imported in one transaction.
# Usage: resources/make-sample-hive.sh [HIVECTL]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
hivectl="${1:-$here/../build/cli/hivectl}"
out="$here/sample.hive"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$hivectl" new-hive "$tmp/sample.hive" --root SAMPLE
"$hivectl" import "$tmp/sample.hive" "$here/sample.reg" --root 'HKEY_LOCAL_MACHINE\SAMPLE'
"$hivectl" check "$tmp/sample.hive"
cp "$tmp/sample.hive" "$out"
echo "wrote $out"
