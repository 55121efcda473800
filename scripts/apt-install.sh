#!/usr/bin/env bash
# Helper sourced by test.sh and scripts/pg-test-cluster.sh (not meant to be run).
#
#   apt_install [--with-recommends] PKG...   install Debian packages (root, or sudo)
#
# Runs `apt-get update` at most once per top-level script run, waits up to
# two minutes for a dpkg lock held by someone else, and never prompts.

# Prints the command prefix needed to act as root ("" when already root,
# "sudo" / "sudo -n" otherwise); returns 1 (with a message) when impossible.
apt_root_prefix() {
  if [[ $(id -u) -eq 0 ]]; then
    echo ""
  elif command -v sudo >/dev/null 2>&1; then
    # With no terminal (CI) sudo must not wait for a password nobody types.
    if [[ -t 0 ]]; then echo "sudo"; else echo "sudo -n"; fi
  else
    echo "error: installing Debian packages needs root, and this user ($(id -un)) is not root and sudo is missing." >&2
    return 1
  fi
}

apt_install() {
  local recommends=(--no-install-recommends)
  if [[ ${1:-} == --with-recommends ]]; then recommends=(); shift; fi
  (($# > 0)) || return 0
  local sudo
  if ! sudo=$(apt_root_prefix); then
    echo "error: please install these Debian packages yourself: $*" >&2
    return 1
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: apt-get not found; please install the equivalent of these Debian packages: $*" >&2
    return 1
  fi
  local -a apt=(env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=120)
  if [[ -n $sudo ]]; then apt=($sudo "${apt[@]}"); fi
  apt_update_once || return 1
  echo "+ apt-get install ${recommends[*]} $*"
  # dpkg's chatter goes to a log that is shown only when something fails.
  local log rc=0
  log=$(mktemp "${TMPDIR:-/tmp}/gridgov-apt.XXXXXX")
  "${apt[@]}" install -y -qq "${recommends[@]}" "$@" >"$log" 2>&1 </dev/null || rc=$?
  if ((rc != 0)); then
    echo "error: apt-get install $* failed (exit $rc); end of its output:" >&2
    tail -n 40 "$log" >&2
  else
    echo "  installed $* ($(grep -c '^Setting up ' "$log" || true) packages set up)"
  fi
  rm -f "$log"
  return "$rc"
}

# `apt-get update`, unless this script run (or its parent) already did it.
apt_update_once() {
  [[ -z ${GRIDGOV_APT_UPDATED:-} ]] || return 0
  local sudo
  sudo=$(apt_root_prefix) || return 1
  echo "+ apt-get update"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=120 update -qq </dev/null || return 1
  export GRIDGOV_APT_UPDATED=1
}

# Is a Debian package available from the (updated) apt lists?
apt_has_candidate() {
  local cand
  cand=$(apt-cache policy "$1" 2>/dev/null | sed -n 's/^ *Candidate: *//p')
  [[ -n $cand && $cand != "(none)" ]]
}
