#!/usr/bin/env bash
# Reading an ImageNet-layout folder: eebench's streamed image-folder vs torchvision's ImageFolder + PIL transforms
# (Resize, CenterCrop, ToTensor, Normalize) through a DataLoader with 2 workers, on the same synthetic folder and the
# same cores. For each size in SIZES: writes SIZE images of 64x64 (100 classes, every fifth PNG, the rest JPEG) into a
# temporary folder, runs each side RUNS times alternately (eebench first), prints each run's JSON and a table of the
# medians (images/s, peak RSS), then deletes the folder.
# Environment: SIZES ("5000 50000"), RUNS (1), CORES (0,1: taskset list), RESIZE (56), CROP (48), BATCH (256),
# PYTHON (/usr/bin/python3). Needs Debian's python3-torchvision and python3-pil. Run it under the shared CPU lock.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"5000 50000"}
RUNS=${RUNS:-1}
CORES=${CORES:-0,1}
RESIZE=${RESIZE:-56}
CROP=${CROP:-48}
BATCH=${BATCH:-256}
PYTHON=${PYTHON:-/usr/bin/python3}

"$PYTHON" -c "import torchvision, PIL" 2>/dev/null || { echo "$PYTHON cannot import torchvision and PIL; apt-get install python3-torchvision python3-pil" >&2; exit 3; }
dotnet build -c Release bench/EarlyExitBench.Benchmarks -nologo -v q >/dev/null
DLL=bench/EarlyExitBench.Benchmarks/bin/Release/net10.0/EarlyExitBench.Benchmarks.dll
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results="$work/results"
for size in $SIZES; do
  folder="$work/folder-$size"
  echo "writing $size images into $folder" >&2
  "$PYTHON" bench/pytorch/make_image_folder.py --out "$folder" --count "$size"
  for run in $(seq 1 "$RUNS"); do
    taskset -c "$CORES" dotnet "$DLL" image-folder --path "$folder" --resize "$RESIZE" --crop "$CROP" --batch "$BATCH" --threads 2 \
      | tail -n 1 | sed "s/^{/{\"size\": $size, /" | tee -a "$results" >&2
    taskset -c "$CORES" "$PYTHON" bench/pytorch/image_folder.py --path "$folder" --resize "$RESIZE" --crop "$CROP" --batch "$BATCH" --workers 2 \
      | tail -n 1 | sed "s/^{/{\"size\": $size, /" | tee -a "$results" >&2
  done
  rm -rf "$folder"
done
"$PYTHON" - "$results" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
print("| images | eebench images/s | torchvision images/s | ratio | eebench peak RSS MiB | torchvision peak RSS MiB (main / largest worker) |")
print("|---:|---:|---:|---:|---:|---:|")
for size in sorted({r["size"] for r in rows}):
    ours = [r for r in rows if r["size"] == size and r["side"] == "eebench"]
    theirs = [r for r in rows if r["size"] == size and r["side"] == "torchvision"]
    a = statistics.median(r["images_per_s"] for r in ours)
    b = statistics.median(r["images_per_s"] for r in theirs)
    print(f"| {size:,} | {a:,.0f} | {b:,.0f} | {a / b:.2f} | {max(r['peak_rss_mib'] for r in ours):,.0f} | "
          f"{max(r['peak_rss_mib'] for r in theirs):,.0f} / {max(r['worker_peak_rss_mib'] for r in theirs):,.0f} |")
PY
