#!/usr/bin/env bash
# Records the current public API of the guarded libraries (build/PublicApi.props) in their PublicAPI.Unshipped.txt:
# rebuilds each with the analyzer's findings as warnings, adds what RS0016 reports as new and drops what RS0017
# reports as gone. Run it after a deliberate public API change, or after merging branches that add public API, then
# review the diff of PublicAPI.*.txt. Missing XML docs (CS1591) are listed, not fixed (not for a project whose file
# still says NoWarn CS1591: MSBuild then logs them as messages here; the guarded build reports them as errors).
#   build/update-public-api.sh [project ...]    default: every guarded project (SpApiGuardedProjects, build/Packaging.props)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
projects=("$@")
if [ ${#projects[@]} -eq 0 ]; then
  guarded=$(grep -o '<SpApiGuardedProjects>[^<]*' "$root/build/Packaging.props" | sed 's/.*>//')
  IFS=';' read -r -a projects <<< "${guarded#;}"
fi
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

# Dependencies first, once; then each guarded project alone and from scratch, so every diagnostic is reported.
dotnet build "$root/build/packages.slnf" -c Release -v q -p:SpApiPublicApiAsErrors=false >/dev/null || true
for name in "${projects[@]}"; do
  dir="$root/src/$name"
  [ -f "$dir/$name.csproj" ] || { echo "no project src/$name" >&2; exit 2; }
  for f in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    [ -f "$dir/$f" ] || printf '#nullable enable\n' > "$dir/$f"
  done
  : > "$log"
  dotnet build "$dir/$name.csproj" -c Release --no-dependencies --no-incremental -p:SpApiPublicApiAsErrors=false \
    -clp:NoSummary -v q -flp:"logfile=$log;warningsonly" >/dev/null || true
  python3 - "$log" "$dir/PublicAPI.Unshipped.txt" "$name" <<'PY'
import re, sys
log, unshipped, name = sys.argv[1:4]
text = open(log, encoding="utf-8").read()
added = set(re.findall(r"warning RS0016: Symbol '(.+?)' is not part of the declared (?:public )?API", text))
removed = set(re.findall(r"warning RS0017: Symbol '(.+?)' is part of the declared API", text))
undocumented = sorted(set(re.findall(r"warning CS1591: Missing XML comment for publicly visible type or member '(.+?)'", text)))
lines = [l.rstrip("\n") for l in open(unshipped, encoding="utf-8")]
shipped_path = unshipped.replace("Unshipped", "Shipped")
shipped = {l.rstrip("\n") for l in open(shipped_path, encoding="utf-8")}
body = {l for l in lines if l and not l.startswith("#")}
# Gone from the code: drop an unshipped line; a shipped one is marked *REMOVED* (the analyzer's convention).
body = (body | added) - removed | {"*REMOVED*" + r for r in removed if r in shipped}
with open(unshipped, "w", encoding="utf-8", newline="\n") as f:
    f.write("#nullable enable\n")
    for l in sorted(body, key=lambda s: (s.lstrip("~").lower(), s)):
        f.write(l + "\n")
print(f"{name}: {len(added)} added, {len(removed)} removed in PublicAPI.Unshipped.txt; {len(undocumented)} public members without XML docs")
for u in undocumented: print(f"  undocumented: {u}")
PY
done
