#!/usr/bin/env bash
# GridGov's benchmarks (see bench/README.md). From the repo root:
#
#   ./scripts/bench.sh all              import, locate and tickets (also: import | locate | tickets | export)
#   ./scripts/bench.sh locate --runs 5  timed runs per figure (default 3, after 1 warm-up)
#   ./scripts/bench.sh tickets --quick  ticket intake and queue pages, small and short (~3 min)
#                                       (more options: --seconds S, --concurrency C, --intake-tickets N,
#                                       --queue-tickets N, --no-pg, --queues-pg; see bench/README.md)
#   ./scripts/bench.sh registry --people 1000000 --runs 1   people through the import pipeline beside raw
#                                       inserts, search by ID; SQLite and PostgreSQL (--no-pg: SQLite only)
#   ./scripts/bench.sh registry-search --people 10000000 --no-pg   search by ID among a whole city's
#                                       people (filled raw), beside a prepared hashed lookup
#   ./scripts/bench.sh export           XLSX export of 100,000 tickets through the app: time, server memory
#                                       (--export-tickets N for another size)
#   ./scripts/bench.sh keywords         热点分析: a city-month of 600,000 tickets indexed from nothing, then
#                                       the keyword questions of a city, district, street and community
#                                       (--keyword-tickets N, --keyword-days D for other sizes; SQLite)
#
#   GRIDGOV_TEST_PG=<Npgsql connection string>   for `tickets`/`all`: use that PostgreSQL server (the
#                             benchmark creates and drops its own databases on it) instead of starting
#                             a throwaway one with scripts/pg-test-cluster.sh; GRIDGOV_SKIP_PG=1: none
#
#   GRIDGOV_BENCH_NO_DEPS=1   build only the bench project, against the Release build of src/GridGov
#                             already there (built once if missing); for when someone else is
#                             building src at the same time. Beware: src changes are not picked up.
#
# Builds Release, runs the benchmarks, prints the table and writes bench/results/<mode>-<time>.json.
# Exit status 1 if GridLocator and bare NetTopologySuite disagree on any point, or if any report
# failed under load.
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

# The ticket benchmarks measure PostgreSQL too: a throwaway server, as test.sh starts one.
mode=all
for a in "$@"; do
  case $a in import | locate | tickets | export | registry | registry-search | panorama | keywords | all | generate) mode=$a ;; esac
done
if [[ $mode == tickets || $mode == registry || $mode == registry-search || $mode == panorama || $mode == all ]] && [[ -z ${GRIDGOV_TEST_PG:-} ]] &&
  [[ -z ${GRIDGOV_SKIP_PG:-} || ${GRIDGOV_SKIP_PG} == 0 ]] && [[ " $* " != *" --no-pg "* ]]; then
  # shellcheck source=pg-test-cluster.sh
  source "$ROOT/scripts/pg-test-cluster.sh"
  trap pg_stop EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  pg_start || { echo "PostgreSQL did not start; run with --no-pg or GRIDGOV_SKIP_PG=1 to measure SQLite only" >&2; exit 1; }
  dotnet run -c Release --no-build --project bench/GridGov.Bench -- "$@"
  exit $?
fi
exec dotnet run -c Release --no-build --project bench/GridGov.Bench -- "$@"
