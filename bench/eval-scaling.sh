#!/usr/bin/env bash
# Evaluation time of one method (identity + msp, the `engine` entry) against n and against cores, on perf_ref-like
# synthetic logits (K exits, C classes): one process per (n, cores), pinned with taskset and told its core count
# (DOTNET_PROCESSOR_COUNT), best and median of REPEATS in-process runs after a first (JIT) run. Prints a table with
# seconds per n·log2(n) (flat when the cost grows like n log n) and what the second core buys.
# Environment: NS ("10000 100000 1000000"), K (10), C (100), REPEATS (3). 1,000,000 samples hold 4 GB of logits.
set -euo pipefail
cd "$(dirname "$0")/.."
NS=${NS:-"10000 100000 1000000"}
K=${K:-10}; C=${C:-100}
REPEATS=${REPEATS:-3}
command -v taskset >/dev/null || { echo "taskset is missing (util-linux)" >&2; exit 3; }
dotnet build -c Release bench/EarlyExitBench.Benchmarks -nologo -v q -tl:off >/dev/null
BENCH=bench/EarlyExitBench.Benchmarks/bin/Release/net10.0/EarlyExitBench.Benchmarks.dll
results=$(mktemp)
trap 'rm -f "$results"' EXIT
for n in $NS; do
  for cores in 1 2; do
    cpus=$([ "$cores" = 1 ] && echo 0 || echo 0,1)
    echo "n=$n cores=$cores" >&2
    DOTNET_PROCESSOR_COUNT=$cores taskset -c "$cpus" dotnet "$BENCH" engine --synthetic "$n" --exits "$K" --classes "$C" --repeats $((REPEATS + 1)) \
      | tail -n 1 | sed "s/^{/{\"pinned_cores\": $cores, /" >> "$results"
  done
done
python3 - "$results" <<'PY'
import json, math, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
print(f"K={rows[0]['exits']}, C={rows[0]['classes']}; one method (identity + msp): outputs, score, every metric, sweep, efficiency")
print(f"{'n':>9} {'cores':>5} {'best s':>8} {'median s':>9} {'first s':>8} {'CPU s':>7} {'ns per n·log2 n':>16} {'2 cores vs 1':>13}")
by = {(r['n'], r['pinned_cores']): r for r in rows}
for (n, cores), r in sorted(by.items()):
    speedup = f"{by[(n, 1)]['min_s'] / r['min_s']:.2f}x" if cores == 2 and (n, 1) in by else ""
    print(f"{n:>9} {cores:>5} {r['min_s']:>8.3f} {r['median_s']:>9.3f} {r['first_s']:>8.3f} {r['cpu_s_of_min']:>7.3f} {r['min_s'] / (n * math.log2(n)) * 1e9:>16.2f} {speedup:>13}")
PY
