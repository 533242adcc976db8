#!/usr/bin/env bash
# Packs CdkLint into artifacts/packages and drops any cached copy of the same version, so that projects restoring
# from that folder (the samples, the package test) get the package just built.
# Usage: eng/pack.sh [prerelease-label]   (the tests pass a label unique to their run, so that runs from two
# checkouts on one machine never restore each other's package from the shared NuGet cache)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="$(sed -n 's:.*<CdkLintVersion>\(.*\)</CdkLintVersion>.*:\1:p' "$root/eng/Version.props")"
if [ -n "${1:-}" ]; then version="$version-$1"; fi
dotnet pack "$root/src/Package/CdkLint.Package.csproj" -c Release -o "$root/artifacts/packages" --nologo -v quiet "-p:CdkLintVersion=$version" >&2
cache="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
rm -rf "${cache%/}/cdklint/$version"
echo "$root/artifacts/packages/CdkLint.$version.nupkg"
