#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian 12 machine: dataset package, restore and build.
# Quiet when there is nothing to do. EEBENCH_SKIP_BUILD=1 skips the build (CI builds through dotnet test).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [ ! -d /usr/share/datasets/fashion-mnist ]; then
  echo "setup: installing Debian package dataset-fashion-mnist" >&2
  sudo_cmd=""
  if [ "$(id -u)" != 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq dataset-fashion-mnist >/dev/null
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
