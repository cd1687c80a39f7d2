#!/usr/bin/env bash
# Packs the shipped projects (build/packages.slnf: the SpApi.* libraries under src/ and the spapi tool) with their
# symbol packages into artifacts/packages, the libraries with ReadyToRun images per RID (artifacts/readytorun/<rid>/,
# build/ReadyToRun.props). Versions: build/Version.props (docs/packages.md).
#   build/pack.sh                 1.0.0 packages
#   build/pack.sh --suffix rc.1   1.0.0-rc.1 packages
# Extra arguments go to 'dotnet build' (e.g. --no-restore: skips the packages' restore; build/SpApi.ReadyToRun is still
# restored, for every RID, since its per-RID publishes need each RID's runtime pack, which no other restore fetches).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/artifacts/packages"
suffix=()
if [ "${1:-}" = "--suffix" ]; then
  [ -n "${2:-}" ] || { echo "pack.sh: --suffix needs a value (e.g. rc.1)" >&2; exit 2; }
  suffix=("-p:VersionSuffix=$2"); shift 2
fi

images="$root/artifacts/readytorun"
rm -rf "$out" "$images"
mkdir -p "$out"
# ContinuousIntegrationBuild: deterministic paths (/_/) in pdbs; the same in build and pack.
# SpApiReadyToRunAllRids: restore build/SpApi.ReadyToRun with the runtime packs of every RID the packages carry.
props=(-c Release -p:ContinuousIntegrationBuild=true -p:SpApiReadyToRunAllRids=true "${suffix[@]}")
dotnet build "$root/build/packages.slnf" "${props[@]}" "$@"
# ReadyToRun images of the libraries, one folder per RID (build/ReadyToRun.props), compiled from the IL just built.
rids=()
IFS=';' read -r -a listed <<< "$(dotnet msbuild "$root/build/SpApi.ReadyToRun" -getProperty:SpApiReadyToRunRids)"
for rid in ${listed[@]+"${listed[@]}"}; do [ -z "$rid" ] || rids+=("$rid"); done
[ "${#rids[@]}" -gt 0 ] || { echo "pack.sh: SpApiReadyToRunRids (build/ReadyToRun.props) is empty; the packages would carry IL only" >&2; exit 1; }
dotnet restore "$root/build/SpApi.ReadyToRun" -p:SpApiReadyToRunAllRids=true -v q -nologo
for rid in "${rids[@]}"; do
  dotnet publish "$root/build/SpApi.ReadyToRun" "${props[@]}" -r "$rid" --no-restore -p:BuildProjectReferences=false \
    -o "$images/$rid" -v q -nologo
done
dotnet pack "$root/build/packages.slnf" "${props[@]}" --no-build --no-restore -p:SpApiReadyToRunImages="$images" -o "$out"
echo "packages in $out:"
ls -1 "$out"
