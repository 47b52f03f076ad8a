#!/usr/bin/env bash
# Mutation testing with Stryker.NET (a local dotnet tool, .config/dotnet-tools.json): a long, CPU-heavy job run by
# hand, not in CI. Usage: build/mutation.sh [evaluation|contracts|calibrators]...  (default: all three)
# Reports go to artifacts/stryker/<target>/ (html and json); the score is printed at the end of each run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(evaluation contracts calibrators)
for target in "${targets[@]}"; do
  config="$root/build/stryker/$target.json"
  [ -f "$config" ] || { echo "mutation: no config $config" >&2; exit 2; }
  echo "mutation: $target" >&2
  (cd "$root/build/stryker" && dotnet dotnet-stryker --config-file "$target.json" --output "$root/artifacts/stryker/$target" --skip-version-check)
done
