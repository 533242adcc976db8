#!/usr/bin/env bash
# Shows CdkLint at work: packs the analyzer, builds samples/Ecommerce with it (as a user's repository would, through
# a PackageReference) and prints the CdkLint findings, grouped by rule. Findings come from the build's SARIF log
# (-p:ErrorLog), which also holds the Info-level ones that `dotnet build` does not print.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/eng/pack.sh" >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet build "$root/samples/Ecommerce/Ecommerce.csproj" --no-incremental -nologo -clp:NoSummary \
  "-p:ErrorLog=$work/build.sarif%2Cversion=2.1" > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
python3 - "$work/build.sarif" "$root" <<'PY'
import collections, json, sys
sarif, root = sys.argv[1], sys.argv[2].rstrip("/") + "/"
levels = {"note": "info", "warning": "warning", "error": "error"}
findings = set()
for run in json.load(open(sarif))["runs"]:
    for r in run.get("results", []):
        if not r["ruleId"].startswith("CDK") or r.get("suppressions"):
            continue
        loc = r["locations"][0]["physicalLocation"]
        path = loc["artifactLocation"]["uri"].replace("file://", "").replace(root, "")
        findings.add((path, loc["region"]["startLine"], loc["region"]["startColumn"], levels.get(r.get("level", "warning"), "warning"), r["ruleId"], r["message"]["text"]))
for f in sorted(findings):
    print("%s(%d,%d): %s %s: %s" % f)
print()
print("CdkLint findings per rule:")
for (rule, level), n in sorted(collections.Counter((f[4], f[3]) for f in findings).items()):
    print("%7d %s %s" % (n, level, rule))
PY
