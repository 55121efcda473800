#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for tests and benchmarks. Source it, don't run it:
#
#   source scripts/pg-test-cluster.sh
#   trap pg_stop EXIT; trap 'exit 130' INT; trap 'exit 143' TERM
#   pg_start            # exports GRIDGOV_TEST_PG, PG_TEST_PORT, PG_TEST_DIR, PG_TEST_BINDIR
#   ...                 # e.g. psql "host=127.0.0.1 port=$PG_TEST_PORT user=postgres"
#   pg_stop             # idempotent; stops the server and deletes its directory
#
# The cluster lives in a fresh directory (mktemp, under $GRIDGOV_PG_TMPDIR, else
# $TMPDIR, else /tmp): data/, sock/ (unix socket) and postgres.log. It listens on
# 127.0.0.1 only, on the first free port from $GRIDGOV_PG_PORT_BASE (55432)
# upward, with trust authentication for 127.0.0.1 only (no local-socket logins),
# fsync/synchronous_commit/full_page_writes off: fast, and worthless after a
# crash, which is fine for a throwaway cluster. When run as root, initdb and the
# server run as the `postgres` OS user (initdb refuses root).
#
# Server binaries: $GRIDGOV_PG_BINDIR, else /usr/lib/postgresql/15/bin, else
# `pg_config --bindir`, else the newest /usr/lib/postgresql/*/bin, else initdb
# on PATH; when none has a server, pg_start installs Debian's postgresql-15 (or
# `postgresql`) with apt-get.
#
# A cluster left behind by a killed run (kill -9: no trap ran) is stopped and
# deleted by the next pg_start, once the process that started it is gone.
# GRIDGOV_PG_NO_REAP=1 turns that off.
#
# Functions return non-zero on failure (they don't rely on `set -e`).

_PGTC_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=apt-install.sh
source "$_PGTC_HERE/apt-install.sh"

_pgtc_log() { echo "[pg-test-cluster] $*" >&2; }

# Echo a directory holding initdb, pg_ctl, postgres and pg_isready; 1 if none.
pg_find_bindir() {
  local d cands=()
  [[ -n ${GRIDGOV_PG_BINDIR:-} ]] && cands+=("$GRIDGOV_PG_BINDIR")
  cands+=(/usr/lib/postgresql/15/bin)
  command -v pg_config >/dev/null 2>&1 && cands+=("$(pg_config --bindir 2>/dev/null)")
  # Newest major version first.
  while IFS= read -r d; do cands+=("$d"); done < <(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4,4nr)
  command -v initdb >/dev/null 2>&1 && cands+=("$(dirname "$(command -v initdb)")")
  for d in "${cands[@]}"; do
    [[ -n $d && -x $d/initdb && -x $d/pg_ctl && -x $d/postgres && -x $d/pg_isready ]] && { echo "$d"; return 0; }
  done
  return 1
}

# Find the server binaries, installing PostgreSQL with apt-get when missing.
pg_ensure_installed() {
  pg_find_bindir >/dev/null && return 0
  _pgtc_log "no PostgreSQL server binaries found; installing them with apt-get"
  apt_update_once || return 1
  local pkg=postgresql
  apt_has_candidate postgresql-15 && pkg=postgresql-15
  # Debian's package creates and starts a system cluster on port 5432; we don't
  # need it, so keep it from starting (Docker-style policy-rc.d) when nothing
  # else already decides that.
  local policy=/usr/sbin/policy-rc.d made_policy="" rc=0 sudo
  sudo=$(apt_root_prefix) || return 1
  if [[ ! -e $policy ]]; then
    if printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null && $sudo chmod 755 "$policy"; then
      made_policy=1
    fi
  fi
  apt_install "$pkg" || rc=$?
  [[ -n $made_policy ]] && $sudo rm -f "$policy"
  ((rc == 0)) || return "$rc"
  pg_find_bindir >/dev/null || { _pgtc_log "error: installed $pkg but still found no initdb/pg_ctl/postgres"; return 1; }
}

# Run a command as the cluster's owner: `postgres` when we are root, else us.
# The working directory is the cluster's (root's home is not readable by postgres).
_pgtc_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    (cd "${PG_TEST_DIR:-/}" && runuser -u postgres -- "$@")
  else
    (cd "${PG_TEST_DIR:-/}" && "$@")
  fi
}

_pgtc_port_free() {
  local p=$1
  if command -v ss >/dev/null 2>&1; then
    [[ -z $(ss -Htan "sport = :$p" 2>/dev/null) ]]
  else
    ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null
  fi
}

# Is PID a live (not zombie) process?
_pgtc_alive() {
  local pid=$1 state
  [[ -n $pid && -r /proc/$pid/stat ]] || return 1
  state=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1)
  [[ -n $state && $state != Z && $state != X ]]
}

# Is PID a postgres server whose command line names directory DIR?
_pgtc_is_our_postmaster() {
  local pid=$1 dir=$2
  _pgtc_alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$dir/data"
}

# Stop the server of cluster directory $1 (whose postmaster PID may be $2) and
# wait until it is gone; escalate fast -> immediate -> SIGKILL.
_pgtc_stop_dir() {
  local dir=$1 pid=${2:-} bindir=${PG_TEST_BINDIR:-} i
  [[ -z $pid && -f $dir/data/postmaster.pid ]] && pid=$(head -n1 "$dir/data/postmaster.pid" 2>/dev/null)
  [[ -n $bindir ]] || bindir=$(pg_find_bindir 2>/dev/null) || true
  if [[ -f $dir/data/postmaster.pid && -n $bindir ]]; then
    PG_TEST_DIR=$dir _pgtc_as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >>"$dir/postgres.log" 2>&1 ||
      PG_TEST_DIR=$dir _pgtc_as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w -t 10 stop >>"$dir/postgres.log" 2>&1 || true
  fi
  if [[ -n $pid ]] && _pgtc_is_our_postmaster "$pid" "$dir"; then
    for ((i = 0; i < 100; i++)); do _pgtc_alive "$pid" || break; sleep 0.1; done
    if _pgtc_is_our_postmaster "$pid" "$dir"; then
      _pgtc_log "postmaster $pid did not stop; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
    fi
  fi
  # Backends notice their postmaster's death by themselves; give them a moment.
  for ((i = 0; i < 50; i++)); do
    pgrep -f -- "$dir/data" >/dev/null 2>&1 || break
    sleep 0.1
  done
}

# Stop and delete clusters of earlier runs whose starting process is gone.
pg_reap_stale() {
  local base=$1 d owner
  for d in "$base"/gridgov-pg.*; do
    [[ -d $d && -f $d/owner.pid ]] || continue
    owner=$(cat "$d/owner.pid" 2>/dev/null)
    [[ -n $owner && -d /proc/$owner ]] && continue
    _pgtc_log "removing stale cluster $d (its run, pid $owner, is gone)"
    _pgtc_stop_dir "$d"
    rm -rf "$d" 2>/dev/null || _pgtc_log "warning: could not remove $d"
  done
}

pg_start() {
  if [[ -n ${PG_TEST_DIR:-} ]]; then
    _pgtc_log "error: a cluster is already running in $PG_TEST_DIR (call pg_stop first)"
    return 1
  fi
  pg_ensure_installed || return 1
  local bindir
  bindir=$(pg_find_bindir) || return 1
  PG_TEST_BINDIR=$bindir

  if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    _pgtc_log "creating the 'postgres' OS user (initdb refuses to run as root)"
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin postgres || return 1
  fi

  local base=${GRIDGOV_PG_TMPDIR:-${TMPDIR:-/tmp}}
  [[ ${GRIDGOV_PG_NO_REAP:-} == 1 ]] || pg_reap_stale "$base"

  PG_TEST_DIR=$(mktemp -d "$base/gridgov-pg.XXXXXX") || { _pgtc_log "error: mktemp in $base failed"; return 1; }
  export PG_TEST_DIR PG_TEST_BINDIR
  echo "$$" >"$PG_TEST_DIR/owner.pid"
  mkdir -p "$PG_TEST_DIR/sock"
  # Created here so that the server (user postgres, after the chown) can append to it.
  : >"$PG_TEST_DIR/postgres.log"
  if [[ $(id -u) -eq 0 ]]; then
    chown -R postgres: "$PG_TEST_DIR" || { pg_stop; return 1; }
    if ! runuser -u postgres -- test -w "$PG_TEST_DIR/sock"; then
      _pgtc_log "error: user postgres cannot reach $PG_TEST_DIR (set GRIDGOV_PG_TMPDIR to a world-traversable directory such as /tmp)"
      pg_stop
      return 1
    fi
  fi

  local log=$PG_TEST_DIR/postgres.log
  # UTF-8 databases whatever the caller's locale; C.UTF-8 sorting, C if missing.
  if ! _pgtc_as_owner "$bindir/initdb" -D "$PG_TEST_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >>"$log" 2>&1; then
    rm -rf "$PG_TEST_DIR/data"
    if ! _pgtc_as_owner "$bindir/initdb" -D "$PG_TEST_DIR/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >>"$log" 2>&1; then
      _pgtc_log "error: initdb failed:"; tail -n 20 "$log" >&2
      pg_stop
      return 1
    fi
  fi
  _pgtc_as_owner tee "$PG_TEST_DIR/data/pg_hba.conf" >/dev/null <<'HBA'
# Throwaway test cluster: TCP from 127.0.0.1 only, no password checks.
host    all             all             127.0.0.1/32            trust
host    replication     all             127.0.0.1/32            trust
HBA
  _pgtc_as_owner tee -a "$PG_TEST_DIR/data/postgresql.conf" >/dev/null <<CONF

# --- throwaway test cluster (scripts/pg-test-cluster.sh) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_TEST_DIR/sock'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = ${GRIDGOV_PG_MAX_CONNECTIONS:-200}
logging_collector = off
CONF

  local port=${GRIDGOV_PG_PORT_BASE:-55432} last=$((${GRIDGOV_PG_PORT_BASE:-55432} + 200)) started=""
  for (( ; port < last; port++)); do
    _pgtc_port_free "$port" || continue
    if _pgtc_as_owner "$bindir/pg_ctl" -D "$PG_TEST_DIR/data" -l "$log" -w -t 60 -o "-p $port" start >>"$log" 2>&1; then
      started=1
      break
    fi
    # Somebody took the port between our check and the bind: try the next one.
    if tail -n 30 "$log" | grep -qiE 'could not bind|address already in use|could not create any TCP/IP sockets'; then
      _pgtc_stop_dir "$PG_TEST_DIR"
      continue
    fi
    break
  done
  if [[ -z $started ]]; then
    _pgtc_log "error: the PostgreSQL server did not start; end of $log:"
    tail -n 30 "$log" >&2
    pg_stop
    return 1
  fi
  PG_TEST_PORT=$port
  PG_TEST_PID=$(head -n1 "$PG_TEST_DIR/data/postmaster.pid" 2>/dev/null)
  export PG_TEST_PORT PG_TEST_PID

  local i
  for ((i = 0; i < 300; i++)); do
    "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres && break
    sleep 0.1
  done
  if ((i == 300)); then
    _pgtc_log "error: server on port $port never became ready; end of $log:"
    tail -n 30 "$log" >&2
    pg_stop
    return 1
  fi

  GRIDGOV_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Database=postgres;Include Error Detail=true"
  export GRIDGOV_TEST_PG
  _PGTC_SET_ENV=1
  _pgtc_log "PostgreSQL $("$bindir/postgres" --version | sed 's/^[^0-9]*//') ready on 127.0.0.1:$port (dir $PG_TEST_DIR, pid $PG_TEST_PID)"
}

# Stop the cluster started by pg_start and delete its directory. Idempotent and
# quiet, so it can sit in an EXIT trap and also be called explicitly.
pg_stop() {
  local dir=${PG_TEST_DIR:-}
  [[ -n $dir ]] || return 0
  _pgtc_stop_dir "$dir" "${PG_TEST_PID:-}"
  rm -rf "$dir" 2>/dev/null || _pgtc_log "warning: could not remove $dir"
  unset PG_TEST_DIR PG_TEST_PORT PG_TEST_PID
  if [[ -n ${_PGTC_SET_ENV:-} ]]; then unset GRIDGOV_TEST_PG _PGTC_SET_ENV; fi
  return 0
}
