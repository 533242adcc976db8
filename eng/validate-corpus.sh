#!/usr/bin/env bash
# Builds every CDK app under DIR (default ../shared/corpus) with the CdkLint analyzers just built, on a copy of each
# app (the corpus stays untouched), and prints per app: build result, AD0001 count, findings per rule.
# Usage: eng/validate-corpus.sh [DIR]
# CDKLINT_MODE=AwsSolutions builds each app with the AwsSolutions preset (the pack's CDKN_x rules on) as a .globalconfig.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$(cd "${1:-$root/../shared/corpus}" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build "$root/src/CodeFixes/CdkLint.CodeFixes.csproj" -c Release -nologo -v quiet >/dev/null
analyzers="$work/analyzers"
mkdir -p "$analyzers"
cp "$root/src/Analyzers/bin/Release/netstandard2.0/CdkLint.Analyzers.dll" "$root/src/CodeFixes/bin/Release/netstandard2.0/CdkLint.CodeFixes.dll" "$analyzers/"

printf '%-45s %-8s %-6s %s\n' app build AD0001 findings
for app in "$corpus"/*/; do
  name="$(basename "$app")"
  ls "$app"/*.csproj >/dev/null 2>&1 || continue
  cp -r "$app" "$work/$name"
  if [ "${CDKLINT_MODE:-}" = "AwsSolutions" ]; then
    cp "$root/src/Package/build/presets/CdkLint.AwsSolutions.globalconfig" "$work/$name/.globalconfig"
  fi
  log="$work/$name.log"
  sarif="$work/$name.sarif"
  if dotnet build "$work/$name" -nologo --no-incremental -p:CdkLintDir="$analyzers" -p:TreatWarningsAsErrors=false "-p:ErrorLog=$sarif%2Cversion=2.1" > "$log" 2>&1; then result=ok; else result=FAILED; fi
  ad="$(grep -c 'warning AD0001' "$log" || true)"
  # From the SARIF log: it holds Info findings too, which `dotnet build` does not print.
  findings="$(python3 - "$sarif" <<'PY' | sort -u || true
import json, sys
levels = {"note": "info", "warning": "warning", "error": "error"}
try:
    runs = json.load(open(sys.argv[1]))["runs"]
except (OSError, ValueError):
    runs = []
for run in runs:
    for r in run.get("results", []):
        if not r["ruleId"].startswith("CDK") or r.get("suppressions"):
            continue
        loc = r["locations"][0]["physicalLocation"]
        print("%s(%d,%d): %s %s: %s" % (loc["artifactLocation"]["uri"].replace("file://", ""), loc["region"]["startLine"], loc["region"]["startColumn"], levels.get(r.get("level", "warning"), "warning"), r["ruleId"], r["message"]["text"]))
PY
)"
  perrule="$(echo "$findings" | grep -oE ': (warning|info|error) CDK([0-9]{4}|N_[A-Z0-9]+)' | grep -oE 'CDK([0-9]{4}|N_[A-Z0-9]+)' | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}' || true)"
  printf '%-45s %-8s %-6s %s\n' "$name" "$result" "$ad" "${perrule:-none}"
  if [ -n "$findings" ]; then echo "$findings" | sed "s#$work/##; s#^#    #"; fi
done
