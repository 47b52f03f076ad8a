#!/usr/bin/env bash
# This plugin's CI in one script, so GitHub Actions (.github/workflows/ci.yml) and your machine run the same steps:
#   bash ci.sh PATH-TO-AN-EARLYEXITBENCH-CHECKOUT
# 1. builds eebench (skipped with EEBENCH_SKIP_BUILD=1) and packs EarlyExitBench.Contracts and EarlyExitBench.Testing
#    into ../eebench-feed, the folder nuget.config names (relative to this folder);
# 2. builds and tests this plugin: the tests include the contract kit (the host's own checks);
# 3. gates on eebench loading it: `eebench plugins` exits 2 when a plugin fails to load or a folder holds none;
# 4. runs eebench with it (evaluate).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
eebench_root="$(cd "${1:?usage: ci.sh PATH-TO-AN-EARLYEXITBENCH-CHECKOUT}" && pwd)"
feed="$here/../eebench-feed"
plugin="$here/MyScore/bin/Release/net10.0"
eebench() { dotnet "$eebench_root/src/Harness/bin/Release/net10.0/eebench.dll" "$@"; }

# 1.
if [ "${EEBENCH_SKIP_BUILD:-0}" != 1 ]; then
  dotnet build "$eebench_root/src/Harness/Harness.csproj" -c Release -nologo -v q
fi
dotnet pack "$eebench_root/src/Contracts" -c Release --no-build -o "$feed" -nologo -v q
dotnet pack "$eebench_root/src/Testing" -c Release --no-build -o "$feed" -nologo -v q

# 2.
dotnet test "$here/MyScore.Tests" -c Release -nologo

# 3.
eebench plugins --plugins "$plugin" > "$here/ci-plugins.txt"
grep -q "my-score" "$here/ci-plugins.txt"

# 4. A tiny real evaluation: eebench's own example bundle (a small CNN's three exits on 1,000 + 1,000 Fashion-MNIST images)
#    ranked with this plugin; exit 1 if any of its calls failed, so the job fails too.
eebench evaluate --bundle "$eebench_root/examples/tiny-bundle.npz" --calibrators identity --failure-predictors msp,my-score \
  --plugins "$plugin" --out "$here/ci-results"
grep -q '"my-score"' "$here/ci-results/leaderboard.json"
echo "ci: MyScore built, passed its tests and the contract kit, loaded and ran in eebench"
