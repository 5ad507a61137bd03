# shellcheck shell=bash
# Installs certspotter (the Debian package, 0.16 on Debian 12) for the fetcher's certspotter peer
# test (org.ctmon.fetcher.follow.CertspotterPeerTest), which fails under CI=true when it is missing.
#
# Sourced by .ci/run (as root, on a fresh Debian 12 machine, CI=true) before `mvn -B verify`.
# Because it is sourced, it never calls `exit`; a failure is reported with `return 1`, and
# .ci/run's `set -e` then stops the build. Running it twice is fine: an installed certspotter is
# left as it is. Nothing to start: the test runs certspotter itself, against a local test log.

ctmon_certspotter_setup() {
  if command -v certspotter >/dev/null 2>&1; then
    echo "certspotter: already installed ($(certspotter -version 2>&1 | head -n 1))"
    return 0
  fi
  echo "certspotter: installing the Debian package"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -qq certspotter; then
    # A fresh machine has no package lists yet: fetch them once and try again.
    apt-get update -qq || return 1
    apt-get install -y -qq certspotter || return 1
  fi
  if ! command -v certspotter >/dev/null 2>&1; then
    echo "certspotter: installed, but not on the PATH ($PATH)" >&2
    return 1
  fi
  echo "certspotter: ready ($(certspotter -version 2>&1 | head -n 1))"
}

ctmon_certspotter_setup || return 1
