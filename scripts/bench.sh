#!/usr/bin/env bash
# GridGov's benchmarks (see bench/README.md). From the repo root:
#
#   ./scripts/bench.sh all              import and locate (also: import | locate)
#   ./scripts/bench.sh locate --runs 5  timed runs per figure (default 3, after 1 warm-up)
#
#   GRIDGOV_BENCH_NO_DEPS=1   build only the bench project, against the Release build of src/GridGov
#                             already there (built once if missing); for when someone else is
#                             building src at the same time. Beware: src changes are not picked up.
#
# Builds Release, runs the benchmarks, prints the table and writes bench/results/<mode>-<time>.json.
# Exit status 1 if GridLocator and bare NetTopologySuite disagree on any point.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

if [[ ${1:-} == -h || ${1:-} == --help ]]; then
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
  exit 0
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [[ -n ${GRIDGOV_BENCH_NO_DEPS:-} ]]; then
  [[ -f src/GridGov/bin/Release/net10.0/GridGov.dll ]] || dotnet build src/GridGov -c Release -v q
  dotnet build bench/GridGov.Bench -c Release --no-dependencies -v q
else
  dotnet build bench/GridGov.Bench -c Release -v q
fi

exec dotnet run -c Release --no-build --project bench/GridGov.Bench -- "$@"
