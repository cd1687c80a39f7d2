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
#  4. the libraries carry ReadyToRun images per RID (runtimes/<rid>/lib/<tfm>/, build/ReadyToRun.props): every listed
#     library's package has, for every listed RID, an image for that OS and architecture (PE Machine) compiled from
#     the IL in its lib/ (same MVID); on a listed RID the app of 1. (a portable JIT build) runs SpApi.Runtime/Clients/
#     Auth from the runtimes/<this RID>/ copies as shipped (build/consumer/ReadyToRunChecks.cs), and a ReadyToRun
#     publish of the same app for this RID works and ships those images as they are.
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

# NuGet's package folders are lower case (<id>/<version>/).
lower() { echo "$1" | tr '[:upper:]' '[:lower:]'; }
version_folder=$(lower "$version")

# The RIDs and libraries the packages carry ReadyToRun images for (build/ReadyToRun.props), read in one evaluation.
readytorun=$(dotnet msbuild "$root/build/SpApi.ReadyToRun" -getProperty:SpApiReadyToRunRids -getProperty:SpApiReadyToRunProjects)
property() { echo "$readytorun" | sed -n "s/.*\"$1\": *\"\([^\"]*\)\".*/\1/p"; }
readytorun_rids=$(property SpApiReadyToRunRids)
readytorun_projects=$(property SpApiReadyToRunProjects)
rids=(); projects=()
IFS=';' read -r -a listed <<< "$readytorun_rids"
for x in ${listed[@]+"${listed[@]}"}; do [ -z "$x" ] || rids+=("$x"); done
IFS=';' read -r -a listed <<< "$readytorun_projects"
for x in ${listed[@]+"${listed[@]}"}; do [ -z "$x" ] || projects+=("$x"); done
if [ "${#rids[@]}" -eq 0 ] || [ "${#projects[@]}" -eq 0 ]; then
  echo "no ReadyToRun RIDs or libraries read from build/SpApi.ReadyToRun: $readytorun"; failed=$((failed + 1)); finish
fi
host_rid=$(dotnet --info | awk '$1 == "RID:" { print $2; exit }')
# The RID whose images the app must load: this machine's, when the packages ship it (else the app runs SpApi as IL).
expected_rid=""
for x in "${rids[@]}"; do [ "$x" != "$host_rid" ] || expected_rid="$host_rid"; done
export SPAPI_READYTORUN_RIDS="$readytorun_rids" SPAPI_READYTORUN_PROJECTS="$readytorun_projects" \
  SPAPI_READYTORUN_HOST_RID="$expected_rid" SPAPI_VERSION="$version"

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
  for nuspec in "$NUGET_PACKAGES"/spapi.*/"$version_folder"/*.nuspec; do
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
readytorun_packages() { # in the packages as the app restored them (NuGet extracts each whole): ReadyToRunChecks.cs
  cd "$work/MyApp" && dotnet run -c Release --no-build -- readytorun-packages
}
readytorun_publish() {
  cd "$work/MyApp" \
    && dotnet publish -c Release -r "$host_rid" --self-contained false -p:PublishReadyToRun=true -o "$work/published" \
    && dotnet "$work/published/MyApp.dll"
}
check "console app: ordinary, restricted and grantless calls, documents, notifications and Redis from the packages" app
check "packages: every shipped project packed with symbols; SpApi dependencies pinned to their own version" metadata
check "spapi tool: smoke --api Orders from an empty directory" tool
check "packages: ReadyToRun images of ${projects[*]} for ${rids[*]}, compiled from the IL beside them" readytorun_packages
check "ReadyToRun publish ($host_rid) of the console app: runs${expected_rid:+, with the images as the packages ship them}" readytorun_publish
finish
