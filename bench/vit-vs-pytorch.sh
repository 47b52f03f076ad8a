#!/usr/bin/env bash
# vit-ee's forward pass against timm's own code under PyTorch: the same weights (timm's VisionTransformer with vit-ee's
# exits, seeded random values, written by the Python half and loaded by ours), the same threads, batch sizes 1, 64, 256;
# both compute every exit (timm's modules block by block); timm's plain forward() (last exit only) is printed beside.
# Prints both medians per batch and the ratio ours / PyTorch (> 1: ours is slower).
# Environment: TIMM (a checkout of huggingface/pytorch-image-models; required), THREADS (2), BATCHES (1,64,256), CAP
# (seconds per measurement, 3), PYTHON (/usr/bin/python3), and the model: IMG (32), CHANNELS (3), PATCH (4), DEPTH (8),
# WIDTH (192), HEADS (3), MLP (4), CLASSES (100) — suites/cifar100-vit.yaml's ViT.
# Needs Debian's PyTorch: apt-get install -y python3-torch python3-numpy
set -euo pipefail
cd "$(dirname "$0")/.."
: "${TIMM:?set TIMM to a checkout of https://github.com/huggingface/pytorch-image-models}"
THREADS=${THREADS:-2}
PYTHON=${PYTHON:-/usr/bin/python3}
"$PYTHON" -c "import torch" 2>/dev/null || { echo "$PYTHON cannot import torch; install python3-torch" >&2; exit 3; }
dotnet build -c Release bench/EarlyExitBench.Benchmarks -nologo -v q >/dev/null
DLL=bench/EarlyExitBench.Benchmarks/bin/Release/net10.0/EarlyExitBench.Benchmarks.dll
export OMP_NUM_THREADS=$THREADS MKL_NUM_THREADS=$THREADS
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
args=(--threads "$THREADS" --batches "${BATCHES:-1,64,256}" --cap-seconds "${CAP:-3}" --img "${IMG:-32}" --channels "${CHANNELS:-3}"
      --patch "${PATCH:-4}" --depth "${DEPTH:-8}" --width "${WIDTH:-192}" --heads "${HEADS:-3}" --mlp "${MLP:-4}" --classes "${CLASSES:-100}")
"$PYTHON" bench/pytorch/vit_forward.py --timm "$TIMM" --weights "$work/vit.pt" "${args[@]}" | tail -n 1 > "$work/pytorch.json"
dotnet "$DLL" vit-forward --weights "$work/vit.pt" "${args[@]}" | tail -n 1 > "$work/torchsharp.json"

"$PYTHON" - "$work/pytorch.json" "$work/torchsharp.json" "${BATCHES:-1,64,256}" <<'PY'
import json, sys
pt, ts = (json.load(open(f)) for f in sys.argv[1:3])
print(f"vit-ee vs timm: pytorch {pt['version']} ({pt['threads']} threads) vs torchsharp {ts['version']} ({ts['threads']} threads); "
      "median ms per forward pass computing every exit")
print(f"{'batch':>6}{'pytorch ms':>12}{'ours ms':>12}{'ours/pt':>9}{'timm forward() ms':>19}")
for b in sys.argv[3].split(","):
    p, o = pt[f"all_exits_b{b}_ms"], ts[f"all_exits_b{b}_ms"]
    print(f"{b:>6}{p:>12.3f}{o:>12.3f}{o / p:>9.2f}{pt[f'timm_forward_b{b}_ms']:>19.3f}")
PY
