#!/usr/bin/env bash
# Measures the foundation's build goals for src/SpApi.Clients: clean build (sync check + generation of all
# 66 models + compile) and no-op build (nothing changed: generation and compile skipped). Prints seconds.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dotnet build generator/SpApi.Generator -c Release -v q -nologo >/dev/null   # tool and runtime built once
rm -rf src/SpApi.Clients/obj/Release src/SpApi.Clients/bin/Release
dotnet restore src/SpApi.Clients -v q >/dev/null
t0=$(date +%s.%N)
dotnet build src/SpApi.Clients -c Release --no-restore -v q -nologo >/dev/null
t1=$(date +%s.%N)
dotnet build src/SpApi.Clients -c Release --no-restore -v q -nologo >/dev/null
t2=$(date +%s.%N)
printf 'clean build (generation + compile): %.1f s\n' "$(awk "BEGIN{print $t1 - $t0}")"
printf 'no-op build:                        %.1f s\n' "$(awk "BEGIN{print $t2 - $t1}")"
