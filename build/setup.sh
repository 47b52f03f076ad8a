#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian 12 machine: dataset package, restore and build.
# Quiet when there is nothing to do. EEBENCH_SKIP_BUILD=1 skips the build (CI builds through dotnet test).
# EEBENCH_TEST_SETUP=1 (set by test.sh) also installs what only the tests need: Slurm and munge, Chromium and bubblewrap.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# apt_install PACKAGE...: installs Debian packages quietly, through sudo when not root; the log only on failure.
apt_install() {
  echo "setup: installing Debian package(s) $*" >&2
  local sudo_cmd="" log
  if [ "$(id -u)" != 0 ]; then sudo_cmd="sudo"; fi
  log="$(mktemp)"
  if ! { $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "$@"; } >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"; return 1
  fi
  rm -f "$log"
}

if [ ! -d /usr/share/datasets/fashion-mnist ]; then
  apt_install dataset-fashion-mnist
fi

# The Slurm integration test (tests/.../Cluster) starts its own single-node cluster; eebench itself never needs Slurm.
# A failed install does not stop the other tests: that test then fails and says what is missing.
if [ "${EEBENCH_TEST_SETUP:-0}" = 1 ]; then
  missing=""
  for tool in slurmctld slurmd sbatch squeue munged; do
    command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
  done
  if [ -n "$missing" ] && ! apt_install slurm-wlm munge; then
    echo "setup: could not install slurm-wlm and munge (missing:$missing); the Slurm cluster test will fail" >&2
  fi
  # The sandbox tests of 'eebench verify' run hostile plugins under bubblewrap; eebench itself needs it only to verify.
  command -v bwrap >/dev/null 2>&1 || apt_install bubblewrap || echo "setup: could not install bubblewrap; the sandbox tests of verify will fail" >&2
  # The HTML report test renders report.html in headless Chromium; eebench itself never needs a browser.
  if ! command -v chromium >/dev/null 2>&1 && ! apt_install chromium; then
    echo "setup: could not install chromium; the browser test of the HTML report will fail" >&2
  fi
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (https://dot.net); dotnet is not on PATH" >&2
  exit 3
fi

if [ "${EEBENCH_SKIP_BUILD:-0}" != 1 ]; then
  # Rebuild only when a source file is newer than the last successful build.
  stamp="$root/artifacts/.build-stamp"
  if [ ! -f "$stamp" ] || [ -n "$(find "$root/src" "$root/plugins" "$root/build" "$root/Directory.Build.props" "$root/Directory.Build.targets" -newer "$stamp" -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' -o -name '*.sh' \) -print -quit)" ]; then
    echo "setup: building eebench (Release)" >&2
    log="$(mktemp)"
    if ! dotnet build "$root/src/Harness/Harness.csproj" -c Release -nologo -v q -tl:off >"$log" 2>&1; then
      cat "$log" >&2; rm -f "$log"; exit 1
    fi
    rm -f "$log"
    mkdir -p "$root/artifacts" && touch "$stamp"
  fi
fi
