#!/usr/bin/env bash
# Runs the whole test suite from a checkout, installing what is missing first (idempotent):
# the Fashion-MNIST package, Slurm and munge (for the cluster test), Chromium (for the HTML report test) and the NuGet
# packages; dotnet test builds everything else.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
EEBENCH_SKIP_BUILD=1 EEBENCH_TEST_SETUP=1 "$root/build/setup.sh"
exec dotnet test "$root/EarlyExitBench.sln" -c Release --nologo "$@"
