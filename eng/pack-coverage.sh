#!/usr/bin/env bash
# How much of cdk-nag's AwsSolutions verdict CdkLint's AwsSolutions mode reports, per app of a corpus (issue 21).
# For each app: a copy, with empty folders (or files) for asset paths the corpus lacks; `dotnet run` synth with path
# metadata and no bundling; cdk-nag 3.0.2 (tests/CdkLint.Tests/EndToEnd/nag) over each template; CdkLint's findings
# from `CDKLINT_MODE=AwsSolutions eng/validate-corpus.sh`. Findings on constructs CDK makes internally (log retention,
# custom resources, bucket notifications, auto-delete, deployments) are left out. The comparison counts per app and
# rule (a CDKN_IAM5 finding counts for the wildcards it names): a cdk-nag finding counts as covered when CdkLint has as many findings of a rule mapped to it (a pack rule
# CDKN_x, or the concept rule that covers x) in that app — an approximation that does not pair findings one by one.
# Usage: eng/pack-coverage.sh [DIR]   (apps that do not synthesize offline are listed and skipped)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$(cd "${1:-$root/../shared/corpus}" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
nag="$root/tests/CdkLint.Tests/EndToEnd/nag"
[ -d "$nag/node_modules/cdk-nag" ] || (cd "$nag" && npm ci --no-audit --no-fund >/dev/null)

CDKLINT_MODE=AwsSolutions bash "$root/eng/validate-corpus.sh" "$corpus" > "$work/lint.txt"
mkdir -p "$work/apps"
for app in "$corpus"/*/; do
  name="$(basename "$app")"
  ls "$app"/*.csproj >/dev/null 2>&1 || continue
  cp -r "$app" "$work/apps/$name"
  # Asset paths written as string literals: an empty folder, or an empty file when the name has an extension.
  { grep -rhozP '(FromAsset\(|Source\.Asset\(|Path = )\s*"[^"]+"' "$work/apps/$name" --include=*.cs || true; } | tr '\n\0' ' \n' | sed -E 's/.*"([^"]+)"/\1/' | sort -u | while read -r p; do
    target="$work/apps/$name/$p"
    case "$(basename "$p")" in *.*) mkdir -p "$(dirname "$target")"; [ -e "$target" ] || touch "$target" ;; *) mkdir -p "$target" ;; esac
  done
  if (cd "$work/apps/$name" && CDK_OUTDIR=cdk.out CDK_CONTEXT_JSON='{"aws:cdk:enable-path-metadata":true,"aws:cdk:bundling-stacks":[]}' timeout 600 dotnet run > "$work/$name.synth.log" 2>&1); then
    for t in "$work/apps/$name"/cdk.out/*.template.json; do node "$nag/nag.js" "$t" "$work/$name.$(basename "$t").nag.json"; done
  else
    echo "not synthesized offline: $name ($(grep -m1 -oE '(Exception|Error): .{0,100}' "$work/$name.synth.log" || echo see log))"
  fi
done

python3 - "$work" "$root/src/Analyzers/Pack/AwsSolutionsRules.cs" <<'PY'
import collections, glob, json, os, re, sys
work, table = sys.argv[1], open(sys.argv[2]).read()
concept = collections.defaultdict(list)
for m in re.finditer(r'Concept\("(\w+)",[^;]*?"(CDK\d{4})"', table):
    concept[m.group(2)].append(m.group(1))
for m in re.finditer(r'Relation\("(\w+)", \w+, "[^"]*", "[^"]*", "(CDK\d{4})"', table):
    concept[m.group(2)].append(m.group(1))  # a pack rule reported beside a concept rule: both count
lint = collections.Counter()
for line in open(os.path.join(work, 'lint.txt')):
    m = re.match(r'\s+([\w.-]+)/[^:]*: (?:warning|info|error) (CDK\w+): ', line)
    if m:
        app, rid = m.groups()
        # One CDKN_IAM5 finding per Grant* call stands for the wildcards it names: cdk-nag reports each of them.
        stands = re.search(r'\((\d+) IAM5 findings?\)', line)
        for rule in ([rid[5:]] if rid.startswith('CDKN_') else concept.get(rid, [])):
            lint[(app, rule)] += int(stands.group(1)) if rid == 'CDKN_IAM5' and stands else 1
internal = re.compile(r'LogRetention|CustomResource|BucketNotificationsHandler|AWS679f53fac002430cb0da5b7982bd2287|CustomS3AutoDeleteObjects|CustomCDKBucketDeployment|Provider|CDKMetadata')
nag = collections.Counter()
for f in glob.glob(os.path.join(work, '*.nag.json')):
    app = os.path.basename(f).split('.')[0]
    for finding in json.load(open(f)):
        if finding['rule'].startswith('AwsSolutions-') and not internal.search(finding['resource']):
            nag[(app, finding['rule'].split('-', 1)[1].split('[')[0])] += 1
print('| app | rule | cdk-nag findings | CdkLint findings | counted as covered |\n|---|---|---:|---:|---:|')
total = covered = 0
for (app, rule), n in sorted(nag.items()):
    c = min(n, lint.get((app, rule), 0)); total += n; covered += c
    print(f'| {app} | {rule} | {n} | {lint.get((app, rule), 0)} | {c} |')
print(f'\ncdk-nag findings on constructs the apps write: {total}; counted as covered: {covered} ({100 * covered / max(total, 1):.1f}%)')
apps = {a for a, _ in nag}
for (app, rule), n in sorted(lint.items()):
    if app in apps and n > nag.get((app, rule), 0):
        print(f'CdkLint finding without a cdk-nag counterpart: {app} {rule} ({n} against {nag.get((app, rule), 0)})')
PY
