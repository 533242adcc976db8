#!/usr/bin/env bash
# Packs CdkLint into artifacts/packages and drops any cached copy of the same version, so that projects restoring
# from that folder (the samples, the package test) get the package just built.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="$(sed -n 's:.*<CdkLintVersion>\(.*\)</CdkLintVersion>.*:\1:p' "$root/eng/Version.props")"
dotnet pack "$root/src/Package/CdkLint.Package.csproj" -c Release -o "$root/artifacts/packages" --nologo -v quiet >&2
cache="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
rm -rf "${cache%/}/cdklint/$version"
echo "$root/artifacts/packages/CdkLint.$version.nupkg"
