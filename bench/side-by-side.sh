#!/usr/bin/env bash
# PyTorch vs TorchSharp on the same model (ARCH: branchy-lenet or resnet-sdn), same data, threads and batch sizes: runs the two halves
# alternately (bench/pytorch/side_by_side.py and `EarlyExitBench.Benchmarks side-by-side`) and prints the medians
# over runs and the ratio TorchSharp / PyTorch (> 1: TorchSharp is slower).
# Environment: ARCH (branchy-lenet), RUNS (3), THREADS (2), STEPS (100), CAP (seconds per measurement, 3), DATA,
# PYTHON (/usr/bin/python3).
# Needs Debian's PyTorch: apt-get install -y python3-torch python3-numpy
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
THREADS=${THREADS:-2}
STEPS=${STEPS:-100}
CAP=${CAP:-3}
DATA=${DATA:-/usr/share/datasets/fashion-mnist}
PYTHON=${PYTHON:-/usr/bin/python3}
ARCH=${ARCH:-branchy-lenet}

"$PYTHON" -c "import torch, numpy" 2>/dev/null || { echo "$PYTHON cannot import torch and numpy; install python3-torch python3-numpy" >&2; exit 3; }
dotnet build -c Release bench/EarlyExitBench.Benchmarks -nologo -v q >/dev/null
DLL=bench/EarlyExitBench.Benchmarks/bin/Release/net10.0/EarlyExitBench.Benchmarks.dll
export OMP_NUM_THREADS=$THREADS MKL_NUM_THREADS=$THREADS
results=$(mktemp)
trap 'rm -f "$results"' EXIT
args=(--data "$DATA" --threads "$THREADS" --steps "$STEPS" --cap-seconds "$CAP" --arch "$ARCH")
for run in $(seq 1 "$RUNS"); do
  echo "run $run/$RUNS: pytorch" >&2
  "$PYTHON" bench/pytorch/side_by_side.py "${args[@]}" | tail -n 1 | tee -a "$results" >&2
  echo "run $run/$RUNS: torchsharp" >&2
  dotnet "$DLL" side-by-side "${args[@]}" | tail -n 1 | tee -a "$results" >&2
done

"$PYTHON" - "$results" <<'PY'
import json, statistics, sys
runs = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
by = {f: [r for r in runs if r["framework"] == f] for f in ("pytorch", "torchsharp")}
print(f"{by['pytorch'][0]['arch']}: pytorch {by['pytorch'][0]['version']} vs torchsharp {by['torchsharp'][0]['version']}, "
      f"threads {by['pytorch'][0]['threads']:.0f}/{by['torchsharp'][0]['threads']:.0f}, {len(by['pytorch'])} alternating runs each; medians over runs")
print(f"{'metric':<20}{'pytorch':>12}{'torchsharp':>12}{'ts/pt':>8}")
for key in ("train_total_s", "train_first_step_ms", "train_step_ms", "make_batch_ms", "infer_b1_ms", "infer_b64_ms", "conv_b64_ms", "op_overhead_us", "train_last_loss"):
    pt = statistics.median(r[key] for r in by["pytorch"])
    ts = statistics.median(r[key] for r in by["torchsharp"])
    print(f"{key:<20}{pt:>12.4f}{ts:>12.4f}{ts / pt:>8.2f}")
PY
