#!/usr/bin/env bash
# The test command (README): builds everything (which syncs and generates the clients), runs every
# NUnit test project, and prints one summary line 'N passed, N failed, N skipped'.
# Extra arguments go to 'dotnet test' (e.g. --filter "TestCategory!=Slow").
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet test "$root/SpApi.Generated.sln" -c Release --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted) + $(get inconclusive)))
done
if [ "$files" -eq 0 ] && [ "$status" -ne 0 ]; then
  # the build failed before any test ran
  failed=$((failed + 1))
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
