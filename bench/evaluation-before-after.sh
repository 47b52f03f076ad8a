#!/usr/bin/env bash
# BenchmarkDotNet before and after: EvaluationBenchmarks.Evaluate (one method's whole evaluation from stored
# probabilities, K=10, n=100,000, C=100, the same synthetic data in both) on an older commit and on this checkout, back
# to back, each in its own temporary worktree build. Prints both BenchmarkDotNet rows (mean, error, allocated) and the
# ratios. Usage: bench/evaluation-before-after.sh [BEFORE_COMMIT] (default 645ed95, the last commit before the
# evaluation engine v2 of issue 14). FILTER overrides the benchmark filter (default '*EvaluationBenchmarks.Evaluate').
# BEFORE_DIR=PATH uses an existing checkout of the older commit instead of a temporary worktree.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
before="${1:-645ed95}"
filter="${FILTER:-*EvaluationBenchmarks.Evaluate}"
cd "$root"
git rev-parse --verify --quiet "$before^{commit}" >/dev/null || { echo "evaluation-before-after: no commit $before in $root" >&2; exit 2; }
# BenchmarkDotNet builds a child project found by name under the checkout: a second copy of the sources there (as
# bench/gpu-check.sh pack leaves in .device/src) makes that search ambiguous and every benchmark fails.
if [ -d "$root/.device/src" ]; then echo "evaluation-before-after: move $root/.device away first (BenchmarkDotNet would find two benchmark projects)" >&2; exit 2; fi
work="$(mktemp -d /tmp/eebench-before-after.XXXXXX)"
cleanup() { [ -L "$work/before" ] || git -C "$root" worktree remove --force "$work/before" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

# BEFORE_DIR: an existing checkout of the older commit (built or not) instead of a new temporary worktree.
if [ -n "${BEFORE_DIR:-}" ]; then
  ln -s "$(cd "$BEFORE_DIR" && pwd)" "$work/before"
else
  git worktree add --detach "$work/before" "$before" >/dev/null 2>&1
fi
"$root/build/setup.sh" >&2
for side in before after; do
  src=$([ "$side" = before ] && (cd "$work/before" && pwd -P) || echo "$root")
  echo "building $side ($(git -C "$src" rev-parse --short HEAD))" >&2
  dotnet build -c Release "$src/bench/EarlyExitBench.Benchmarks" -nologo -v q -tl:off >"$work/build-$side.txt" 2>&1 \
    || { tail -n 30 "$work/build-$side.txt" >&2; exit 1; }
done
for side in before after; do
  src=$([ "$side" = before ] && (cd "$work/before" && pwd -P) || echo "$root")
  echo "running $side" >&2
  # BenchmarkDotNet looks for the project under the working directory, so each side runs in its own project folder.
  mkdir -p "$work/$side.out"
  (cd "$src/bench/EarlyExitBench.Benchmarks" && dotnet "$src/bench/EarlyExitBench.Benchmarks/bin/Release/net10.0/EarlyExitBench.Benchmarks.dll" \
    --filter "$filter" --exporters json --artifacts "$work/$side.out/artifacts" >"$work/$side.out/log.txt" 2>&1) \
    || { tail -n 30 "$work/$side.out/log.txt" >&2; exit 1; }
  if grep -q "Benchmarks with issues" "$work/$side.out/log.txt"; then grep -iE "exception|error" "$work/$side.out/log.txt" | head -n 5 >&2; exit 1; fi
done
rm -rf "$root/artifacts/bench/before-after"
for side in before after; do mkdir -p "$root/artifacts/bench/before-after/$side"; cp "$work/$side.out"/artifacts/results/* "$root/artifacts/bench/before-after/$side/" 2>/dev/null || true; done
python3 - "$work" "$before" "$(git rev-parse --short HEAD)" <<'PY'
import glob, json, sys
work, before, after = sys.argv[1:]
def rows(side):
    out = {}
    for path in glob.glob(f"{work}/{side}.out/artifacts/results/*-report-full-compressed.json"):
        for b in json.load(open(path))["Benchmarks"]:
            out[b["Method"] + "(" + b.get("Parameters", "") + ")"] = b
    return out
b, a = rows("before"), rows("after")
print(f"BenchmarkDotNet ShortRun, {before} (before) vs {after} (after), same machine, back to back")
print(f"{'benchmark':<40} {'side':<7} {'mean s':>8} {'stderr s':>9} {'allocated MB':>13}")
for name in sorted(set(b) | set(a)):
    for side, table in (("before", b), ("after", a)):
        if name in table:
            s = table[name]["Statistics"]
            alloc = (table[name].get("Memory") or {}).get("BytesAllocatedPerOperation") or 0
            alloc /= 1e6
            print(f"{name:<40} {side:<7} {s['Mean'] / 1e9:>8.3f} {s['StandardError'] / 1e9:>9.3f} {alloc:>13.0f}")
    if name in b and name in a:
        bm, am = b[name]["Statistics"]["Mean"], a[name]["Statistics"]["Mean"]
        ba = (b[name].get("Memory") or {}).get("BytesAllocatedPerOperation") or 0
        aa = (a[name].get("Memory") or {}).get("BytesAllocatedPerOperation") or 0
        print(f"{name:<40} {'ratio':<7} {bm / am:>7.2f}× faster; allocations ×{(aa / ba if ba else float('nan')):.2f}")
PY
