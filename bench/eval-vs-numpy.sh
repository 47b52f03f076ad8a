#!/usr/bin/env bash
# The evaluation engine against its numpy/sklearn anchor (bench/numpy/perf_ref.py), on identical data, back to back:
#   numpy   perf_ref.py: softmax, per-exit ECE/Brier/NLL/AUROC/AUPR/AURC and the global-threshold sweep (its own timer)
#   engine  one method (identity + msp) through the harness's CellEvaluator: calibrate, outputs, score, every metric,
#           sweep and efficiency (`EarlyExitBench.Benchmarks engine`, in-process timer: first run and best of REPEATS)
#   whole   `eebench evaluate --bundle … --calibrators identity --failure-predictors msp`: process start to exit,
#           npz loading, plugin loading, leaderboard and report included (/usr/bin/time wall clock)
# Each of RUNS rounds runs the three in that order; prints seconds, the ratios numpy/engine and whole/numpy, peak RSS
# (/usr/bin/time -v) against the bundle's logits, and the leaderboard's size. On a shared machine wall clock depends on
# the load, so CPU seconds (user + sys) are printed too: numpy's include making its data (its timer leaves that out).
# Environment: RUNS (3), REPEATS (3), EFFICIENCY_BOOTSTRAP (0), K N C (10 100000 100), BUNDLE (default: a cache file made by perf_ref.py --save),
#              PYTHON (/usr/bin/python3), PERF_REF (bench/numpy/perf_ref.py).
# Needs: apt-get install -y python3-numpy python3-sklearn time
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
REPEATS=${REPEATS:-3}
# perf_ref.py resamples nothing, so by default neither side does: the efficiency score's test-sample bootstrap (eebench's
# default, 200 resamples, a sweep each) and the proxy-correlation bootstrap are off. EFFICIENCY_BOOTSTRAP=200 adds it back.
EFFICIENCY_BOOTSTRAP=${EFFICIENCY_BOOTSTRAP:-0}
K=${K:-10}; N=${N:-100000}; C=${C:-100}
PYTHON=${PYTHON:-/usr/bin/python3}
PERF_REF=${PERF_REF:-bench/numpy/perf_ref.py}
BUNDLE=${BUNDLE:-${XDG_CACHE_HOME:-$HOME/.cache}/eebench/bench/perf_ref_${K}_${N}_${C}.npz}

"$PYTHON" -c "import numpy, sklearn" 2>/dev/null || { echo "$PYTHON cannot import numpy and sklearn; apt-get install -y python3-numpy python3-sklearn" >&2; exit 3; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing; apt-get install -y time" >&2; exit 3; }
if [ ! -f "$BUNDLE" ]; then
  mkdir -p "$(dirname "$BUNDLE")"
  "$PYTHON" "$PERF_REF" "$K" "$N" "$C" --save "$BUNDLE" >&2
fi

./build/setup.sh >&2
dotnet build -c Release bench/EarlyExitBench.Benchmarks -nologo -v q -tl:off >/dev/null
BENCH=bench/EarlyExitBench.Benchmarks/bin/Release/net10.0/EarlyExitBench.Benchmarks.dll
EEBENCH=src/Harness/bin/Release/net10.0/eebench.dll
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for run in $(seq 1 "$RUNS"); do
  echo "round $run/$RUNS" >&2
  /usr/bin/time -v -o "$work/numpy.$run.time" "$PYTHON" "$PERF_REF" "$K" "$N" "$C" > "$work/numpy.$run.out"
  /usr/bin/time -v -o "$work/engine.$run.time" dotnet "$BENCH" engine --bundle "$BUNDLE" --repeats "$REPEATS" --efficiency-bootstrap "$EFFICIENCY_BOOTSTRAP" > "$work/engine.$run.out"
  /usr/bin/time -v -o "$work/whole.$run.time" dotnet "$EEBENCH" evaluate --bundle "$BUNDLE" --calibrators identity --failure-predictors msp --efficiency-bootstrap "$EFFICIENCY_BOOTSTRAP" --bootstrap 0 --out "$work/out.$run" > /dev/null 2> "$work/whole.$run.log"
  cp "$work/out.$run/leaderboard.json" "$work/leaderboard.$run.json"
done

"$PYTHON" - "$work" "$RUNS" "$BUNDLE" <<'PY'
import json, re, statistics, sys, zipfile
import numpy.lib.format as fmt
work, runs, bundle = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def tv(path):
    text = open(path).read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", text)
    secs = (int(wall.group(1) or 0) * 3600) + int(wall.group(2)) * 60 + float(wall.group(3))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) * 1024
    cpu = float(re.search(r"User time \(seconds\): ([\d.]+)", text).group(1)) + float(re.search(r"System time \(seconds\): ([\d.]+)", text).group(1))
    return secs, rss, cpu
logits = 0
with zipfile.ZipFile(bundle) as z:
    for name in ("val_logits.npy", "test_logits.npy"):
        with z.open(name) as f:
            version = fmt.read_magic(f)
            shape, _, dtype = fmt._read_array_header(f, version)
            logits += int(__import__("numpy").prod(shape)) * dtype.itemsize
rows = []
for r in range(1, runs + 1):
    numpy_s = float(re.search(r": ([\d.]+) s", open(f"{work}/numpy.{r}.out").read()).group(1))
    engine = json.loads(open(f"{work}/engine.{r}.out").read().strip().splitlines()[-1])
    whole_s, whole_rss, whole_cpu = tv(f"{work}/whole.{r}.time")
    _, numpy_rss, numpy_cpu = tv(f"{work}/numpy.{r}.time")
    rows.append(dict(numpy=numpy_s, numpy_rss=numpy_rss, numpy_cpu=numpy_cpu, engine_first=engine["first_s"], engine=engine["min_s"],
                     engine_cpu=engine["cpu_s_of_min"], engine_rss=tv(f"{work}/engine.{r}.time")[1], whole=whole_s, whole_rss=whole_rss,
                     whole_cpu=whole_cpu, board=len(open(f"{work}/leaderboard.{r}.json", "rb").read())))
print(f"bundle {bundle}: logits {logits / 1e6:.0f} MB (validation + test); {runs} rounds, numpy → engine → whole in each")
print(f"{'round':>5} {'numpy s':>8} {'engine s':>9} {'(first)':>8} {'whole s':>8} {'numpy/engine':>13} {'whole/numpy':>12} {'whole RSS MB':>13} {'RSS/logits':>11} {'board bytes':>12}")
for i, x in enumerate(rows, 1):
    print(f"{i:>5} {x['numpy']:>8.3f} {x['engine']:>9.3f} {x['engine_first']:>8.3f} {x['whole']:>8.3f} {x['numpy'] / x['engine']:>13.2f} {x['whole'] / x['numpy']:>12.2f} {x['whole_rss'] / 1e6:>13.0f} {x['whole_rss'] / logits:>11.2f} {x['board']:>12}")
med = lambda key: statistics.median(x[key] for x in rows)
print(f"{'med':>5} {med('numpy'):>8.3f} {med('engine'):>9.3f} {med('engine_first'):>8.3f} {med('whole'):>8.3f} "
      f"{statistics.median(x['numpy'] / x['engine'] for x in rows):>13.2f} {statistics.median(x['whole'] / x['numpy'] for x in rows):>12.2f} "
      f"{med('whole_rss') / 1e6:>13.0f} {med('whole_rss') / logits:>11.2f} {int(med('board')):>12}")
print(f"peak RSS MB (median): numpy {med('numpy_rss') / 1e6:.0f}, engine bench {med('engine_rss') / 1e6:.0f}, whole command {med('whole_rss') / 1e6:.0f}")
print(f"CPU s (median, user + sys): numpy process {med('numpy_cpu'):.2f} (data generation included), engine {med('engine_cpu'):.2f}, whole command {med('whole_cpu'):.2f}")
PY
