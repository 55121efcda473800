#!/usr/bin/env bash
# GridGov's test command (CI runs it through .ci/run). From the repo root:
#
#   ./test.sh                      everything, as CI does
#   ./test.sh --filter Name~Grid   extra arguments go to every `dotnet test`
#
#   GRIDGOV_TEST_PG="Host=..;Port=..;Username=..;Password=..;Database=postgres"
#                          use that PostgreSQL server (tests create and drop
#                          databases on it) instead of starting a throwaway one
#   GRIDGOV_SKIP_PG=1      skip the PostgreSQL run        (local loops only;
#   GRIDGOV_SKIP_BROWSER=1 skip the browser tests          CI runs everything)
#   GRIDGOV_TEST_HANG_TIMEOUT=20m   a test silent for that long is killed (0: never)
#
# It installs what is missing with apt-get (Debian's chromium and
# fonts-noto-cjk and poppler-utils for the browser tests, PostgreSQL server binaries), builds
# GridGov.slnx once (Release), then runs tests/GridGov.Tests against SQLite,
# the same against PostgreSQL, and tests/GridGov.BrowserTests. Every run goes
# ahead even if an earlier one failed; the exit status is non-zero if anything
# failed. TRX files land in TestResults/<run>/<run>.trx. The last line printed
# is the total: "N passed, N failed" (", N skipped" when some were skipped).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$ROOT"

if [[ ${1:-} == -h || ${1:-} == --help ]]; then
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
  exit 0
fi
EXTRA_ARGS=("$@")

# shellcheck source=scripts/pg-test-cluster.sh
source "$ROOT/scripts/pg-test-cluster.sh"
trap pg_stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
BUILD_SERVER_ARGS=()
if [[ -n ${CI:-} ]]; then
  # Leave no MSBuild nodes / compiler servers running after CI's script ends.
  export MSBUILDDISABLENODEREUSE=1
  BUILD_SERVER_ARGS=(--disable-build-servers)
  [[ -z ${GRIDGOV_SKIP_PG:-}${GRIDGOV_SKIP_BROWSER:-} ]] ||
    echo "warning: GRIDGOV_SKIP_PG / GRIDGOV_SKIP_BROWSER are set in CI: some tests will not run" >&2
fi
HANG_ARGS=()
case ${GRIDGOV_TEST_HANG_TIMEOUT:-20m} in
  0 | off | none) ;;
  *) HANG_ARGS=(--blame-hang-timeout "${GRIDGOV_TEST_HANG_TIMEOUT:-20m}" --blame-hang-dump-type none) ;;
esac

skip_pg() { [[ -n ${GRIDGOV_SKIP_PG:-} && ${GRIDGOV_SKIP_PG} != 0 ]]; }
skip_browser() { [[ -n ${GRIDGOV_SKIP_BROWSER:-} && ${GRIDGOV_SKIP_BROWSER} != 0 ]]; }

# ---------------------------------------------------------------- timing ---
TIMINGS=()
PHASE_NAME="" PHASE_T0=0
phase() { # phase NAME: end the current phase (if any), start NAME
  local now
  now=$(date +%s)
  if [[ -n $PHASE_NAME ]]; then
    TIMINGS+=("$PHASE_NAME: $((now - PHASE_T0))s")
    echo "=== $PHASE_NAME took $((now - PHASE_T0))s"
  fi
  PHASE_NAME=${1:-} PHASE_T0=$now
  if [[ -n $PHASE_NAME ]]; then printf '\n=== %s\n' "$PHASE_NAME"; fi
}

# --------------------------------------------------------- prerequisites ---
have_cjk_font() {
  dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed' && return 0
  command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "Noto Sans CJK"
}

BROWSER_PREREQ_ERROR=""
PG_ERROR=""

phase "prerequisites"
if ! skip_browser; then
  pkgs=()
  [[ -x /usr/bin/chromium ]] || pkgs+=(chromium)
  have_cjk_font || pkgs+=(fonts-noto-cjk)
  # The handling sheet's tests read the PDF with pdfinfo, pdftotext and pdftoppm.
  command -v pdftoppm >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 || pkgs+=(poppler-utils)
  if ((${#pkgs[@]} > 0)); then
    echo "browser tests need: ${pkgs[*]}"
    apt_install "${pkgs[@]}" || BROWSER_PREREQ_ERROR="could not install ${pkgs[*]} with apt-get"
  fi
  if [[ -z $BROWSER_PREREQ_ERROR ]]; then
    if [[ ! -x /usr/bin/chromium ]]; then
      BROWSER_PREREQ_ERROR="/usr/bin/chromium is missing"
    elif ! have_cjk_font; then
      BROWSER_PREREQ_ERROR="the Noto Sans CJK font (fonts-noto-cjk) is missing"
    elif ! command -v pdftoppm >/dev/null 2>&1; then
      BROWSER_PREREQ_ERROR="poppler-utils (pdfinfo, pdftotext, pdftoppm) is missing"
    else
      echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -n1)"
    fi
  fi
  [[ -z $BROWSER_PREREQ_ERROR ]] || echo "error: $BROWSER_PREREQ_ERROR; the browser tests cannot run" >&2
fi
if ! skip_pg && [[ -z ${GRIDGOV_TEST_PG:-} ]]; then
  pg_ensure_installed || PG_ERROR="no PostgreSQL server binaries, and installing them failed"
  [[ -n $PG_ERROR ]] || echo "postgresql: $("$(pg_find_bindir)/postgres" --version)"
fi

# ------------------------------------------------------------------ build ---
phase "build"
BUILD_OK=1
if ! dotnet build GridGov.slnx -c Release -v q -nologo "${BUILD_SERVER_ARGS[@]}"; then
  BUILD_OK=""
  echo "error: the build failed; no test will run" >&2
fi

# ------------------------------------------------------------------ tests ---
TRX_FILES=() RUN_NAMES=() RUN_PASSED=() RUN_FAILED=() RUN_SKIPPED=() RUN_NOTES=()
ANY_FAILURE=""

record() { # record NAME PASSED FAILED SKIPPED NOTE
  RUN_NAMES+=("$1") RUN_PASSED+=("$2") RUN_FAILED+=("$3") RUN_SKIPPED+=("$4") RUN_NOTES+=("$5")
  if (($3 > 0)); then ANY_FAILURE=1; fi
}

# The <Counters .../> element of a TRX file, on one line ("" if none).
trx_counters() {
  tr '\n\r' '  ' <"$1" | grep -oE '<Counters[[:space:]][^>]*>' | head -n1 || true
}
# trx_attr COUNTERS NAME -> the attribute's number, 0 if absent.
trx_attr() {
  local v
  v=$(grep -oE "[[:space:]]$2=\"[0-9]+\"" <<<" $1" | head -n1 | grep -oE '[0-9]+' || true)
  echo "${v:-0}"
}

# trx_failures TRX: one line per failed test, its name and the start of its message.
trx_failures() {
  awk 'BEGIN { RS = "<UnitTestResult " }
    NR > 1 && substr($0, 1, index($0, ">")) ~ /outcome="(Failed|Error|Timeout|Aborted)"/ {
      name = $0; sub(/^.*testName="/, "", name); sub(/".*$/, "", name)
      msg = ""
      if (index($0, "<Message>") > 0) {
        msg = substr($0, index($0, "<Message>") + 9)
        msg = substr(msg, 1, index(msg, "</Message>") - 1)
      }
      gsub(/&#xD;|&#xA;|[\r\n\t]+/, " ", msg); gsub(/  +/, " ", msg)
      gsub(/&quot;/, "\"", msg); gsub(/&apos;/, "'"'"'", msg); gsub(/&lt;/, "<", msg); gsub(/&gt;/, ">", msg); gsub(/&amp;/, "\\&", msg)
      gsub(/&quot;/, "\"", name); gsub(/&amp;/, "\\&", name)
      printf "  FAILED %s\n         %s\n", name, substr(msg, 1, 600)
    }' "$1"
}

# run_tests NAME PROJECT DB: dotnet test, then count its TRX file.
run_tests() {
  local name=$1 project=$2 db=$3 rc=0
  local dir="$ROOT/TestResults/$name"
  rm -rf "$dir"
  echo "+ GRIDGOV_TEST_DB=$db dotnet test $project -c Release --no-build ${EXTRA_ARGS[*]}"
  GRIDGOV_TEST_DB=$db dotnet test "$project" -c Release --no-build \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$dir" "${HANG_ARGS[@]}" "${EXTRA_ARGS[@]}" || rc=$?

  local trx="$dir/$name.trx" counters=""
  [[ -f $trx ]] || trx=$(find "$dir" -name '*.trx' -print -quit 2>/dev/null || true)
  [[ -n $trx && -f $trx ]] && counters=$(trx_counters "$trx") && TRX_FILES+=("$trx")
  if [[ -z $counters ]]; then
    if ((rc == 0)) && ((${#EXTRA_ARGS[@]} > 0)); then
      record "$name" 0 0 0 "no TRX file (did the filter match nothing?)"
    else
      record "$name" 0 1 0 "no TRX file: dotnet test exited $rc (build or test host crash?); counted as 1 failure"
    fi
    return 0
  fi
  local total executed passed failed skipped note=""
  total=$(trx_attr "$counters" total)
  executed=$(trx_attr "$counters" executed)
  passed=$(trx_attr "$counters" passed)
  failed=$(($(trx_attr "$counters" failed) + $(trx_attr "$counters" error) + $(trx_attr "$counters" timeout) + $(trx_attr "$counters" aborted)))
  skipped=$((total - executed))
  ((skipped >= 0)) || skipped=0
  if ((rc != 0 && failed == 0)); then
    failed=1
    note="dotnet test exited $rc but its TRX shows no failed test (run aborted, hang or crash?); counted as 1 failure"
  elif ((total == 0)); then
    note="no test ran"
  fi
  record "$name" "$passed" "$failed" "$skipped" "$note"
}

not_run() { # not_run NAME REASON: a run that could not start counts as 1 failure
  echo "error: $1 not run: $2" >&2
  record "$1" 0 1 0 "not run: $2; counted as 1 failure"
}

phase "tests: GridGov.Tests on SQLite"
if [[ -n $BUILD_OK ]]; then
  run_tests tests-sqlite tests/GridGov.Tests sqlite
else
  not_run tests-sqlite "the build failed"
fi

if skip_pg; then
  echo "(GRIDGOV_SKIP_PG is set: skipping the PostgreSQL run)"
else
  phase "tests: GridGov.Tests on PostgreSQL"
  if [[ -z $BUILD_OK ]]; then
    not_run tests-postgres "the build failed"
  elif [[ -n ${GRIDGOV_TEST_PG:-} ]]; then
    echo "using the PostgreSQL server of GRIDGOV_TEST_PG ($(grep -oiE '(host|server)=[^;]*' <<<"$GRIDGOV_TEST_PG" | head -n1);$(grep -oiE 'port=[^;]*' <<<"$GRIDGOV_TEST_PG" | head -n1))"
    export GRIDGOV_TEST_PG
    run_tests tests-postgres tests/GridGov.Tests postgres
  elif [[ -n $PG_ERROR ]]; then
    not_run tests-postgres "$PG_ERROR"
  elif ! pg_start; then
    not_run tests-postgres "the throwaway PostgreSQL cluster did not start"
  else
    run_tests tests-postgres tests/GridGov.Tests postgres
    pg_stop
  fi
fi

if skip_browser; then
  echo "(GRIDGOV_SKIP_BROWSER is set: skipping the browser tests)"
else
  phase "tests: GridGov.BrowserTests"
  if [[ -z $BUILD_OK ]]; then
    not_run tests-browser "the build failed"
  elif [[ -n $BROWSER_PREREQ_ERROR ]]; then
    not_run tests-browser "$BROWSER_PREREQ_ERROR"
  else
    run_tests tests-browser tests/GridGov.BrowserTests sqlite
  fi
fi
phase ""
pg_stop # (already stopped unless interrupted; keeps the EXIT trap silent)

# ---------------------------------------------------------------- summary ---
echo
echo "=== Summary"
timings=$(printf '%s, ' "${TIMINGS[@]}")
echo "timings: ${timings%, }"
[[ -n $BUILD_OK ]] || { echo "build: FAILED"; ANY_FAILURE=1; }
tp=0 tf=0 ts=0
for i in "${!RUN_NAMES[@]}"; do
  line=$(printf '%-15s %5d passed, %d failed' "${RUN_NAMES[$i]}:" "${RUN_PASSED[$i]}" "${RUN_FAILED[$i]}")
  ((RUN_SKIPPED[i] == 0)) || line+=", ${RUN_SKIPPED[$i]} skipped"
  [[ -z ${RUN_NOTES[$i]} ]] || line+="  -- ${RUN_NOTES[$i]}"
  echo "$line"
  tp=$((tp + RUN_PASSED[i])) tf=$((tf + RUN_FAILED[i])) ts=$((ts + RUN_SKIPPED[i]))
done
if skip_pg; then echo "tests-postgres: not run (GRIDGOV_SKIP_PG is set)"; fi
if skip_browser; then echo "tests-browser:  not run (GRIDGOV_SKIP_BROWSER is set)"; fi
echo "TRX files: $ROOT/TestResults/<run>/<run>.trx"
# The names of failed tests go last, where a log cut to its tail still shows them.
for trx in "${TRX_FILES[@]}"; do trx_failures "$trx"; done
total_line="$tp passed, $tf failed"
((ts == 0)) || total_line+=", $ts skipped"
echo "$total_line"
[[ -z $ANY_FAILURE ]] || exit 1
exit 0
