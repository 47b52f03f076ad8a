#!/usr/bin/env bash
# Does the CPU's instruction set change the trained models? Runs the default suite three times from an empty cache on
# this machine: libtorch as it chooses (AVX-512 where the CPU has it), ATen capped at AVX2 (ATEN_CPU_CAPABILITY), and
# ATen, oneDNN and MKL all capped at AVX2 (what an AVX2-only machine would use), then compares the leaderboards' values
# with bench/leaderboard-values-diff.py (outside environment, timing and provenance). Prints each run's last-exit
# accuracy of identity+msp and how many values differ from the first run. About 3 × 1.5 min on 2 quiet cores.
# Usage: bench/cpu-isa-determinism.sh [SUITE]   (default suites/fashion-mnist.yaml)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
suite="${1:-suites/fashion-mnist.yaml}"
cd "$root"
"$root/build/setup.sh" >&2
work="$(mktemp -d /tmp/eebench-isa.XXXXXX)"
trap 'rm -rf "$work"' EXIT
grep -o -w -m1 'avx512f' /proc/cpuinfo >/dev/null || echo "cpu-isa-determinism: this CPU has no AVX-512; the three runs may well agree here" >&2
run() {
  local name="$1"; shift
  env "$@" dotnet "$root/src/Harness/bin/Release/net10.0/eebench.dll" run "$suite" --out "$work/$name" --cache "$work/cache-$name" >"$work/$name.log" 2>&1
}
run native
run aten-avx2 ATEN_CPU_CAPABILITY=avx2
run all-avx2 ATEN_CPU_CAPABILITY=avx2 ONEDNN_MAX_CPU_ISA=AVX2 MKL_CBWR=AVX2 MKL_ENABLE_INSTRUCTIONS=AVX2
for name in native aten-avx2 all-avx2; do
  accuracy=$(/usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1])); e=[e for e in d['groups'][0]['entries'] if e['calibrator']=='identity' and e['failure_predictor']=='msp' and e['exit_policy']=='global-threshold'][0]; print(e['per_exit'][-1]['accuracy'])" "$work/$name/leaderboard.json")
  differing=$(/usr/bin/python3 "$root/bench/leaderboard-values-diff.py" "$work/native/leaderboard.json" "$work/$name/leaderboard.json" | tail -1)
  printf '%-10s identity+msp last-exit accuracy %s; against native: %s\n' "$name" "$accuracy" "$differing"
done
