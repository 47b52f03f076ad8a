#!/usr/bin/env bash
# GPU check for a short window on a machine with no .NET and no network, in two halves:
#
#   bench/gpu-check.sh pack                  (here) a self-contained linux-x64 publish of eebench and every plugin,
#                                            Fashion-MNIST (the first TRAIN_IMAGES=30000 training images and the whole
#                                            test set), the suites and this script, in .device/eebench-gpu.tgz.
#                                            libtorch is left out: the device brings its own with PyTorch.
#   bench/gpu-check.sh run TGZ [--device cuda|cpu] [--torch-lib DIR] [--abi-only]
#                                            (on the device) unpacks TGZ, points TorchSharp at PyTorch's torch/lib
#                                            (LD_LIBRARY_PATH), checks the ABI of libLibTorchSharp.so against that
#                                            libtorch (ldd, undefined symbols, a dlopen with RTLD_NOW), then runs the
#                                            default suite and a short msdnet suite on the device, writing logs,
#                                            leaderboards, reports and per-exit timings under $OUT.
#   bench/gpu-check.sh selftest              (here) pack, then run it with --device cpu against the NuGet libtorch,
#                                            so only the CUDA part is untried. Output under .device/out.
#
# On the device machine (the repository root, .device/ carried):  bash bench/gpu-check.sh run .device/eebench-gpu.tgz
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
limit_bytes=$((64 * 1024 * 1024))

log() { echo "gpu-check: $*" >&2; }

pack() {
  local data="${DATA:-/usr/share/datasets/fashion-mnist}"
  local device="$root/.device"
  local stage="$device/stage" src="$device/src"
  [ -d "$data" ] || { log "Fashion-MNIST not found at $data (apt-get install dataset-fashion-mnist, or set DATA)"; exit 2; }
  rm -rf "$stage" && mkdir -p "$stage/eebench" "$stage/plugins" "$stage/data/fashion-mnist" "$stage/suites"
  # Published from a copy of the working tree (tracked and untracked, not ignored), so its RID-specific restore and
  # the bare-TorchSharp package reference never touch the checkout's own obj/ and artifacts/.
  log "copying the working tree to .device/src"
  rm -rf "$src" && mkdir -p "$src"
  git -C "$root" ls-files -co --exclude-standard -z | (cd "$root" && tar --null -T - -cf -) | tar -C "$src" -xf -
  log "publishing eebench self-contained for linux-x64 against the bare TorchSharp package (libLibTorchSharp.so, no libtorch)"
  dotnet publish "$src/src/Harness/Harness.csproj" -c Release -r linux-x64 --self-contained true \
    -p:EEBenchTorchPackage=TorchSharp -o "$stage/eebench" -nologo -v q -tl:off >"$device/publish.log" 2>&1 \
    || { cat "$device/publish.log" >&2; exit 1; }
  if ls "$stage/eebench" | grep -Eq '^lib(torch|c10)'; then log "libtorch leaked into the publish"; exit 1; fi
  # The publish builds the plugins self-contained too (the RID reaches project references), so build each plugin
  # again the normal way into a clean folder: a plugin folder holds only its own assemblies.
  rm -rf "$src/artifacts/plugins"
  for project in "$src"/plugins/*/*/*.csproj; do
    dotnet build "$project" -c Release -nologo -v q -tl:off >>"$device/publish.log" 2>&1 || { cat "$device/publish.log" >&2; exit 1; }
  done
  for plugin in "$src"/artifacts/plugins/*/; do
    mkdir -p "$stage/plugins/$(basename "$plugin")"
    cp "$plugin"*.dll "$plugin"*.deps.json "$stage/plugins/$(basename "$plugin")/"
  done
  rm -f "$stage"/eebench/*.pdb "$stage"/eebench/*.xml
  # Fashion-MNIST already gzipped is 30 MB; the first TRAIN_IMAGES training images (default 30,000) and the whole
  # test set keep the package under 64 MiB. Rewritten as valid IDX files with the smaller count.
  "${PYTHON:-/usr/bin/python3}" - "$data" "$stage/data/fashion-mnist" "${TRAIN_IMAGES:-30000}" <<'PY'
import gzip, os, struct, sys
src, dst, keep = sys.argv[1], sys.argv[2], int(sys.argv[3])
for stem, limit in (("train-images-idx3-ubyte", keep), ("train-labels-idx1-ubyte", keep), ("t10k-images-idx3-ubyte", None), ("t10k-labels-idx1-ubyte", None)):
    path = next(p for p in (os.path.join(src, stem + ".gz"), os.path.join(src, stem)) if os.path.exists(p))
    data = (gzip.open if path.endswith(".gz") else open)(path, "rb").read()
    dims = data[3]
    shape = list(struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims]))
    body = data[4 + 4 * dims:]
    if limit is not None and limit < shape[0]:
        body = body[: limit * (len(body) // shape[0])]
        shape[0] = limit
    with gzip.open(os.path.join(dst, stem + ".gz"), "wb", compresslevel=9) as f:
        f.write(data[:4] + struct.pack(">" + "I" * dims, *shape) + body)
PY
  cp "$root/suites/fashion-mnist.yaml" "$root/suites/fashion-mnist-msdnet.yaml" "$stage/suites/"
  # suites/imagenet-msdnet-pretrained.yaml on a tiny val-only ImageNet-layout folder (1,000 classes, one 16x16 PNG each)
  # with the reference-made checkpoint of tools/make_msdnet_fixture.py (ImageNet structure, 1/8 width): the options of
  # that narrower model and small sizes replace the shipped ones; the calibration split is the suite's.
  mkdir -p "$stage/data/imagenet/val" "$stage/models"
  cp "$root/tests/EarlyExitBench.Tests/Fixtures/msdnet-reference/imagenet-narrow.pth.tar" "$stage/models/"
  python3 - "$stage/data/imagenet/val" <<'PY'
import os, struct, sys, zlib
def png(w, h, rgb):
    raw = b"".join(b"\0" + bytes(rgb(x, y)[c] for x in range(w) for c in range(3)) for y in range(h))
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
for c in range(1000):
    folder = os.path.join(sys.argv[1], "n%08d" % c)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "val_%05d.png" % c), "wb") as f:
        f.write(png(16, 16, lambda x, y: ((c * 7 + x * 9) % 256, (y * 13) % 256, (c * 3) % 256)))
PY
  sed -e 's|path: /data/imagenet|path: DATA/imagenet|' -e 's|weights: .*|weights: ../models/imagenet-narrow.pth.tar|' \
    -e 's|options: { data: imagenet.*}|options: { data: imagenet, n_blocks: 5, step_mode: even, step: 4, base: 4, n_channels: 4, growth_rate: 2, gr_factor: 1-2-4-4, bn_factor: 1-2-4-4 }|' \
    -e 's|validation_size: 5000|validation_size: 200|' -e 's|samples: 256|samples: 64|' \
    "$root/suites/imagenet-msdnet-pretrained.yaml" > "$stage/suites/imagenet-msdnet-pretrained.yaml"
  cp "$root/bench/gpu-check.sh" "$stage/"
  (cd "$root" && git rev-parse HEAD 2>/dev/null || echo unknown) > "$stage/COMMIT"
  tar -C "$stage" -czf "$device/eebench-gpu.tgz" .
  local size
  size=$(stat -c %s "$device/eebench-gpu.tgz")
  log "wrote .device/eebench-gpu.tgz: $((size / 1024 / 1024)) MiB ($size bytes; the limit is 64 MiB)"
  [ "$size" -lt "$limit_bytes" ] || { log "the package is over 64 MiB"; exit 1; }
}

find_torch_lib() {
  local python
  for python in python3 python; do
    if command -v "$python" >/dev/null 2>&1; then
      "$python" -c 'import os, torch; print(os.path.join(os.path.dirname(torch.__file__), "lib"))' 2>/dev/null && return 0
    fi
  done
  return 1
}

abi_check() {
  local lib="$1" torch_lib="$2" out="$3"
  {
    echo "== libLibTorchSharp.so: $lib"
    echo "== torch lib: $torch_lib"
    ls "$torch_lib" | grep -E '^lib(torch|c10)' || true
    echo "== ldd (LD_LIBRARY_PATH=$LD_LIBRARY_PATH)"
    ldd "$lib" || true
    if command -v nm >/dev/null 2>&1; then
      # libtorch's C++ symbols: mangled, not versioned (those are libstdc++'s), not weak TLS-init wrappers (_ZTH).
      nm -D --undefined-only "$lib" | awk '{print $NF}' | grep -E '^_Z' | grep -v '@' | grep -v '^_ZTH' | sort -u > "$out.undefined" || true
      for so in "$torch_lib"/libtorch*.so* "$torch_lib"/libc10*.so*; do
        if [ -f "$so" ]; then nm -D --defined-only "$so" | awk '{print $NF}'; fi
      done | sort -u > "$out.defined" || true
      comm -23 "$out.undefined" "$out.defined" > "$out.missing"
      echo "== torch symbols libLibTorchSharp.so needs: $(wc -l < "$out.undefined"); not defined by that libtorch: $(wc -l < "$out.missing")"
      if command -v c++filt >/dev/null 2>&1; then head -n 40 "$out.missing" | c++filt; else head -n 40 "$out.missing"; fi
    else
      echo "== nm not installed: symbol comparison skipped (the RTLD_NOW load below is the definitive test)"
    fi
    echo "== dlopen(RTLD_NOW | RTLD_GLOBAL) of libtorch_cpu, libtorch_cuda (if present), then libLibTorchSharp"
  } > "$out" 2>&1
  local python=""
  for candidate in python3 python; do command -v "$candidate" >/dev/null 2>&1 && { python="$candidate"; break; }; done
  if [ -n "$python" ]; then
    "$python" - "$torch_lib" "$lib" >> "$out" 2>&1 <<'PY' || true
import ctypes, os, sys
torch_lib, lib = sys.argv[1], sys.argv[2]
mode = os.RTLD_NOW | os.RTLD_GLOBAL
for name in ("libc10.so", "libtorch_cpu.so", "libc10_cuda.so", "libtorch_cuda.so", "libtorch.so"):
    path = os.path.join(torch_lib, name)
    if os.path.exists(path):
        ctypes.CDLL(path, mode=mode)
        print("loaded", name)
try:
    ctypes.CDLL(lib, mode=mode)
    print("ABI OK: libLibTorchSharp.so resolves every symbol against this libtorch")
except OSError as e:
    print("ABI MISMATCH:", e)
PY
  fi
  cat "$out" >&2
}

run() {
  local tgz="$1"; shift
  local device="cuda" torch_lib="" abi_only=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --device) device="$2"; shift 2 ;;
      --abi-only) abi_only=1; shift ;;
      --torch-lib) torch_lib="$2"; shift 2 ;;
      *) log "unknown argument $1"; exit 2 ;;
    esac
  done
  local out="${OUT:-$root/.device/out}"
  local work
  work="$(mktemp -d "${TMPDIR:-/tmp}/eebench-gpu.XXXXXX")"
  mkdir -p "$out"
  log "unpacking $tgz into $work; results go to $out"
  tar -C "$work" -xzf "$tgz"
  if [ -z "$torch_lib" ]; then
    torch_lib="$(find_torch_lib)" || { log "no python with torch found; pass --torch-lib DIR"; exit 3; }
  fi
  log "libtorch from $torch_lib"
  export LD_LIBRARY_PATH="$torch_lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  export EEBENCH_PLUGIN_PATH="$(find "$work/plugins" -mindepth 1 -maxdepth 1 -type d | paste -sd:)"
  export DOTNET_CLI_TELEMETRY_OPTOUT=1
  local eebench="$work/eebench/eebench"
  # From inside the unpacked folder: the host also looks for artifacts/plugins above the working directory, and a
  # checkout's own build there would register every alias twice.
  cd "$work"
  abi_check "$work/eebench/libLibTorchSharp.so" "$torch_lib" "$out/abi.txt"
  if [ "$abi_only" = 1 ]; then cd / && rm -rf "$work"; return 0; fi
  command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi > "$out/nvidia-smi.txt" 2>&1 || true
  "$eebench" plugins > "$out/plugins.txt" 2>&1 || { log "eebench plugins failed:"; cat "$out/plugins.txt" >&2; exit 1; }

  local status=0 suite name started elapsed
  for suite in fashion-mnist fashion-mnist-msdnet imagenet-msdnet-pretrained; do
    name="$suite-$device"
    sed -e "s|^device: .*|device: $device|" -e "s|path: /usr/share/datasets/fashion-mnist|path: $work/data/fashion-mnist|" -e "s|path: DATA/|path: $work/data/|" \
      "$work/suites/$suite.yaml" > "$work/suites/$name.yaml"
    log "running $name"
    started=$(date +%s.%N)
    if "$eebench" run "$work/suites/$name.yaml" --no-cache --cache "$work/cache" --out "$out/$name" > "$out/$name.log" 2>&1; then
      elapsed=$(awk -v a="$(date +%s.%N)" -v b="$started" 'BEGIN { printf "%.1f", a - b }')
      echo "$name: ok in $elapsed s" | tee -a "$out/summary.txt" >&2
    else
      local code=$?
      elapsed=$(awk -v a="$(date +%s.%N)" -v b="$started" 'BEGIN { printf "%.1f", a - b }')
      echo "$name: exit $code after $elapsed s (see $name.log)" | tee -a "$out/summary.txt" >&2
      tail -n 20 "$out/$name.log" >&2
      status=1
    fi
    timings "$out/$name/leaderboard.json" >> "$out/summary.txt" 2>&1 || true
  done
  cd / && rm -rf "$work"
  cat "$out/summary.txt" >&2
  return $status
}

# Per-exit latencies and training time from a leaderboard, one line each (python's json; no jq needed).
timings() {
  local file="$1" python=""
  [ -f "$file" ] || return 0
  for candidate in python3 python; do command -v "$candidate" >/dev/null 2>&1 && { python="$candidate"; break; }; done
  [ -n "$python" ] || return 0
  "$python" - "$file" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
t = doc.get("timing", {})
print(f"  total {t.get('total_seconds', 0):.1f} s; phases: " + ", ".join(f"{p['phase']} {p['seconds']:.1f} s" for p in t.get("phases", [])))
for group in doc.get("groups", []):
    best = group["entries"][0]
    last = best["per_exit"][-1]
    print(f"  {group['architecture']}: best {best['calibrator']}+{best['failure_predictor']} efficiency {best['efficiency']['score']:.4f}, last-exit accuracy {last['accuracy']:.4f}")
for m in t.get("measurements", []):
    meas = m["measurement"]
    print(f"  measured on {meas['device']} ({meas['threads']} threads)")
    for e in meas.get("exit_latency", []):
        print(f"    batch {e['batch_size']:>3} exit {e['exit']}: {e['ms_per_sample']:.4f} ms/sample, relative time {e['relative_time']:.3f} vs relative FLOPs {e['relative_flops']:.3f}")
    for f in meas.get("full_network", []):
        print(f"    batch {f['batch_size']:>3} full network: {f['ms_per_sample']:.4f} ms/sample")
PY
}

selftest() {
  pack
  local torch_lib
  torch_lib="$(ls -d "$HOME"/.nuget/packages/libtorch-cpu-linux-x64/*/runtimes/linux-x64/native | tail -n 1)"
  OUT="$root/.device/out" run "$root/.device/eebench-gpu.tgz" --device cpu --torch-lib "$torch_lib"
}

case "${1:-}" in
  pack) pack ;;
  run) shift; [ $# -ge 1 ] || { log "usage: $0 run TGZ [--device cuda|cpu] [--torch-lib DIR] [--abi-only]"; exit 2; }; run "$@" ;;
  selftest) selftest ;;
  *) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
