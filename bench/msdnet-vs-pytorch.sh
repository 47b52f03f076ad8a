#!/usr/bin/env bash
# The reference MSDNet in PyTorch (kalviny/MSDNet-PyTorch's own code) vs eebench's msdnet (preset reference) in TorchSharp:
# the same checkpoint, the same threads, forward passes at batch 1, 64 and 256 (eval, no grad) and one training step of
# main.py's kind (SGD, cross-entropy summed over exits) at batch 64. Runs the halves alternately and prints the medians
# over runs and the ratio TorchSharp / PyTorch (> 1: TorchSharp is slower).
# Usage: bench/msdnet-vs-pytorch.sh REF   (REF: a checkout of https://github.com/kalviny/MSDNet-PyTorch)
# Environment: CONFIGS ("cifar-anytime cifar-budget", names from tools/make_msdnet_fixture.py), RUNS (3), THREADS (2),
# BATCHES (1,64,256), TRAIN_BATCH (64), CAP (seconds per measurement, 3), PYTHON (/usr/bin/python3).
# Needs Debian's PyTorch: apt-get install -y python3-torch python3-numpy
set -euo pipefail
REF=${1:?usage: bench/msdnet-vs-pytorch.sh PATH-TO-MSDNet-PyTorch}
REF=$(cd "$REF" && pwd)
cd "$(dirname "$0")/.."
CONFIGS=${CONFIGS:-cifar-anytime cifar-budget}
RUNS=${RUNS:-3}
THREADS=${THREADS:-2}
BATCHES=${BATCHES:-1,64,256}
TRAIN_BATCH=${TRAIN_BATCH:-64}
CAP=${CAP:-3}
PYTHON=${PYTHON:-/usr/bin/python3}

"$PYTHON" -c "import torch, numpy" 2>/dev/null || { echo "$PYTHON cannot import torch and numpy; install python3-torch python3-numpy" >&2; exit 3; }
dotnet build -c Release bench/EarlyExitBench.Benchmarks -nologo -v q >/dev/null
DLL=bench/EarlyExitBench.Benchmarks/bin/Release/net10.0/EarlyExitBench.Benchmarks.dll
export OMP_NUM_THREADS=$THREADS MKL_NUM_THREADS=$THREADS
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The checkpoints, as the reference's main.py saves them, with the fixture script's weights.
"$PYTHON" tools/make_msdnet_fixture.py "$REF" "$work" --all-checkpoints "--only=${CONFIGS// /,}" >&2

for config in $CONFIGS; do
  options=$("$PYTHON" - "$work/$config.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))["args"]
print(json.dumps({"n_blocks": a["nBlocks"], "base": a["base"], "step": a["step"], "step_mode": a["stepmode"], "n_channels": a["nChannels"],
                  "growth_rate": a["growthRate"], "gr_factor": "-".join(map(str, a["grFactor"])), "bn_factor": "-".join(map(str, a["bnFactor"])),
                  "bottleneck": a["bottleneck"], "prune": a["prune"], "reduction": a["reduction"],
                  "data": "imagenet" if a["data"] == "ImageNet" else "cifar"}))
PY
)
  side=$("$PYTHON" -c "import json,sys; print(json.load(open(sys.argv[1]))['op_counter']['image_side'])" "$work/$config.json")
  classes=$("$PYTHON" -c "import json,sys; print(json.load(open(sys.argv[1]))['args']['num_classes'])" "$work/$config.json")
  : >"$work/$config.results"
  for run in $(seq 1 "$RUNS"); do
    echo "$config run $run/$RUNS: pytorch" >&2
    "$PYTHON" bench/pytorch/msdnet_vs_reference.py "$REF" "$config" "$work/$config.pth.tar" --threads "$THREADS" --batches "$BATCHES" \
      --train-batch "$TRAIN_BATCH" --cap-seconds "$CAP" | tail -n 1 | tee -a "$work/$config.results" >&2
    echo "$config run $run/$RUNS: torchsharp" >&2
    dotnet "$DLL" msdnet-vs-pytorch --options "$options" --side "$side" --classes "$classes" --weights "$work/$config.pth.tar" \
      --threads "$THREADS" --batches "$BATCHES" --train-batch "$TRAIN_BATCH" --cap-seconds "$CAP" | tail -n 1 | tee -a "$work/$config.results" >&2
  done
  "$PYTHON" - "$config" "$work/$config.results" <<'PY'
import json, statistics, sys
runs = [json.loads(line) for line in open(sys.argv[2]) if line.strip()]
by = {f: [r for r in runs if r["framework"] == f] for f in ("pytorch", "torchsharp")}
pt0, ts0 = by["pytorch"][0], by["torchsharp"][0]
print(f"{sys.argv[1]}: pytorch {pt0['version']} vs torchsharp {ts0['version']}, threads {pt0['threads']}/{ts0['threads']}, "
      f"{len(by['pytorch'])} alternating runs each; medians over runs (ms)")
print(f"{'metric':<24}{'pytorch':>12}{'torchsharp':>12}{'ts/pt':>8}")
for key in [k for k in pt0 if k.endswith("_ms")]:
    pt = statistics.median(r[key] for r in by["pytorch"])
    ts = statistics.median(r[key] for r in by["torchsharp"])
    print(f"{key:<24}{pt:>12.2f}{ts:>12.2f}{ts / pt:>8.2f}")
PY
done
