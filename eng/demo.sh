#!/usr/bin/env bash
# Shows CdkLint at work: packs the analyzer, builds samples/Ecommerce with it (as a user's repository would, through
# a PackageReference) and prints the CdkLint findings, grouped by rule.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/eng/pack.sh" >/dev/null
log="$(mktemp)"
dotnet build "$root/samples/Ecommerce/Ecommerce.csproj" --no-incremental -nologo -clp:NoSummary > "$log" 2>&1 || { cat "$log"; exit 1; }
# The build log repeats each warning in its summary: keep one line per finding.
findings="$(grep -oE '[^ ]+\.cs\([0-9]+,[0-9]+\): (warning|info|error) CDK[0-9]{4}: .*' "$log" | sed 's/ \[.*$//' | sed "s#$root/##" | sort -u)"
echo "$findings"
echo
echo "CdkLint findings per rule:"
echo "$findings" | grep -oE ': (warning|info|error) CDK[0-9]{4}' | sed 's/^: //' | sort -k2 | uniq -c
rm -f "$log"
