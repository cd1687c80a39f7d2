#!/usr/bin/env bash
# Consumer test (docs/packages.md, "Install"): packs SpApi, then, outside the repository,
#  1. a fresh console project restores SpApi only from artifacts/packages (NuGet source mapping) and makes an ordinary,
#     a restricted and a grantless call against the packaged sandbox started in-process (build/consumer/Program.cs),
#     then uses the add-on packages (build/consumer/AddOnChecks.cs): a report downloaded and read as rows, a GZIP
#     windows-1252 document from a local stream, SQS/EventBridge notifications typed, the SQS consumer's option
#     check, UseRedis option validation and its fallback to local buckets with Redis unreachable (no network);
#  2. every project of build/packages.slnf was packed with its symbol package, and the restored packages depend on
#     the other SpApi packages at exactly their own version;
#  3. the spapi tool installed from artifacts/packages runs 'spapi smoke --api Orders' from an empty directory;
#  4. the libraries carry ReadyToRun images per RID (runtimes/<rid>/lib/<tfm>/, build/ReadyToRun.props): the app of 1.
#     (a portable JIT build) runs SpApi.Runtime/Clients/Auth from the runtimes/<this RID>/ copies, which are ReadyToRun
#     images (build/consumer/ReadyToRunChecks.cs), and a ReadyToRun publish of the same app for this RID works and
#     ships those images as they are.
# Prints 'N passed, N failed, N skipped' last (.ci/run adds it to its counts).
#   build/consumer-test.sh [--no-pack]
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
packages="$root/artifacts/packages"
feed="${SPAPI_NUGET_FEED:-https://api.nuget.org/v3/index.json}"
passed=0; failed=0
check() { # name, command...
  local name="$1" started=$SECONDS; shift
  echo "== consumer: $name"
  if "$@"; then passed=$((passed + 1)); echo "   passed: $name ($((SECONDS - started)) s)"; else failed=$((failed + 1)); echo "   FAILED: $name ($((SECONDS - started)) s)"; fi
}
finish() { echo "$passed passed, $failed failed, 0 skipped"; [ "$failed" -eq 0 ]; exit $?; }

if [ "${1:-}" != "--no-pack" ]; then
  check "build/pack.sh" "$root/build/pack.sh" >&2 || true
fi
nupkg=$(ls "$packages"/SpApi.Runtime.*.nupkg 2>/dev/null | grep -v '\.snupkg$' | head -1)
if [ -z "$nupkg" ]; then echo "no packages in $packages"; failed=$((failed + 1)); finish; fi
version=$(basename "$nupkg" .nupkg); version=${version#SpApi.Runtime.}

# The RIDs and libraries the packages carry ReadyToRun images for (ReadyToRunChecks.cs reads the RIDs and version).
readytorun_rids=$(dotnet msbuild "$root/build/SpApi.ReadyToRun" -getProperty:SpApiReadyToRunRids)
readytorun_projects=$(dotnet msbuild "$root/build/SpApi.ReadyToRun" -getProperty:SpApiReadyToRunProjects)
export SPAPI_READYTORUN_RIDS="$readytorun_rids" SPAPI_VERSION="$version"
host_rid=$(dotnet --info | awk '$1 == "RID:" { print $2; exit }')

work=$(mktemp -d "${TMPDIR:-/tmp}/spapi-consumer.XXXXXX")
trap 'rm -rf "$work"' EXIT
# Own package folder: a stale SpApi of the same version in the global cache cannot stand in for the new packages.
export NUGET_PACKAGES="$work/.nuget-packages"
mkdir -p "$work/MyApp" "$work/empty"

# --- the steps docs/packages.md shows, in order ---
cat > "$work/MyApp/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="spapi" value="$packages" />
    <add key="nuget.org" value="$feed" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="spapi">
      <package pattern="SpApi.*" />
      <package pattern="spapi" />
    </packageSource>
    <packageSource key="nuget.org">
      <package pattern="*" />
    </packageSource>
  </packageSourceMapping>
</configuration>
XML
app() {
  cd "$work/MyApp" \
    && dotnet new console --force >/dev/null \
    && dotnet add package SpApi.Auth --version "$version" \
    && dotnet add package SpApi.Sandbox --version "$version" \
    && dotnet add package SpApi.Documents --version "$version" \
    && dotnet add package SpApi.Notifications.Sqs --version "$version" \
    && dotnet add package SpApi.Auth.Redis --version "$version" \
    && cp "$root"/build/consumer/*.cs . \
    && dotnet run -c Release \
    && ! grep -q '"type": "project"' obj/project.assets.json   # SpApi came as packages, not projects
}
metadata() {
  local project id problems=0 nuspec deps
  for project in $(grep -o 'src/[^"]*\.csproj' "$root/build/packages.slnf"); do
    id=$(basename "$project" .csproj); [ "$id" = SpApi.Cli ] && id=spapi
    for ext in nupkg snupkg; do
      [ -f "$packages/$id.$version.$ext" ] || { echo "   missing $id.$version.$ext"; problems=$((problems + 1)); }
    done
  done
  # The packages the app restored (NuGet extracts each nuspec): every SpApi dependency pinned to [version].
  for nuspec in "$NUGET_PACKAGES"/spapi.*/"$version"/*.nuspec; do
    [ -f "$nuspec" ] || { echo "   no restored SpApi packages"; return 1; }
    grep -q '<readme>README.md</readme>' "$nuspec" || { echo "   $(basename "$nuspec"): no readme"; problems=$((problems + 1)); }
    deps=$(grep -o '<dependency id="SpApi\.[^"]*" version="[^"]*"' "$nuspec" | grep -v "version=\"\[$version\]\"")
    [ -z "$deps" ] || { echo "   $(basename "$nuspec"): not pinned: $deps"; problems=$((problems + 1)); }
  done
  [ "$problems" -eq 0 ]
}
tool() {
  cd "$work/MyApp" \
    && dotnet tool install spapi --version "$version" --tool-path "$work/tools" \
    && cd "$work/empty" \
    && env -u SPAPI_MODELS_DIR "$work/tools/spapi" smoke --api Orders
}
readytorun_packages() { # in the packages as the app restored them (NuGet extracts each whole)
  local id dir rid problems=0
  for id in ${readytorun_projects//;/ }; do
    dir="$NUGET_PACKAGES/${id,,}/$version"
    [ -f "$dir/lib/net10.0/$id.dll" ] || { echo "   $id: no lib/net10.0/$id.dll"; problems=$((problems + 1)); }
    for rid in ${readytorun_rids//;/ }; do
      [ -f "$dir/runtimes/$rid/lib/net10.0/$id.dll" ] || { echo "   $id: no runtimes/$rid/lib/net10.0/$id.dll"; problems=$((problems + 1)); }
    done
  done
  [ "$problems" -eq 0 ]
}
readytorun_publish() {
  cd "$work/MyApp" \
    && dotnet publish -c Release -r "$host_rid" --self-contained false -p:PublishReadyToRun=true -o "$work/published" \
    && dotnet "$work/published/MyApp.dll"
}
check "console app: ordinary, restricted and grantless calls, documents, notifications and Redis from the packages" app
check "packages: every shipped project packed with symbols; SpApi dependencies pinned to their own version" metadata
check "spapi tool: smoke --api Orders from an empty directory" tool
check "packages: ReadyToRun images of $(echo ${readytorun_projects//;/ }) for ${readytorun_rids//;/, } beside the IL assembly" readytorun_packages
check "ReadyToRun publish ($host_rid) of the console app: runs, with the packages' images as shipped" readytorun_publish
finish
