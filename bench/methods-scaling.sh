#!/usr/bin/env bash
# Time and peak memory of `eebench evaluate` against the number of methods, on perf_ref.py's data (K=10, n=100,000,
# C=100: 420 MB of test logits): 1 method (identity × msp) against 16 (identity, temperature, vector, histogram × msp,
# margin, entropy, max-logit), neither bootstrap on. Each run is a fresh process under /usr/bin/time -v; prints wall
# seconds and peak RSS per run, the 16/1 ratios, and peak RSS over the bundle's logits. Issue 21's targets: 16 methods
# within 6× the time of one, and peak RSS within 2.5× the logits whatever the number of methods.
# Environment: BUNDLE (default: a cache file made by perf_ref.py --save), RUNS (2), PYTHON (/usr/bin/python3),
#              PERF_REF (bench/numpy/perf_ref.py), EEBENCH (src/Harness/bin/Release/net10.0/eebench.dll).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-2}
PYTHON=${PYTHON:-/usr/bin/python3}
PERF_REF=${PERF_REF:-bench/numpy/perf_ref.py}
EEBENCH=${EEBENCH:-src/Harness/bin/Release/net10.0/eebench.dll}
BUNDLE=${BUNDLE:-${XDG_CACHE_HOME:-$HOME/.cache}/eebench/bench/perf_ref_10_100000_100.npz}
[ -x /usr/bin/time ] || { echo "methods-scaling: /usr/bin/time is missing (Debian package time)" >&2; exit 3; }
if [ ! -f "$BUNDLE" ]; then
  mkdir -p "$(dirname "$BUNDLE")"
  "$PYTHON" "$PERF_REF" 10 100000 100 --save "$BUNDLE" >&2
fi
[ -f "$EEBENCH" ] || dotnet build -c Release src/Harness -nologo -v q -tl:off >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
logits_mb=$("$PYTHON" - "$BUNDLE" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    print(sum(i.file_size for i in z.infolist() if 'logits' in i.filename) / 1e6)
PY
)
run() { # label calibrators predictors
  /usr/bin/time -f '%e %M' -o "$out/time" dotnet "$EEBENCH" evaluate --bundle "$BUNDLE" --calibrators "$2" --failure-predictors "$3" \
    --efficiency-bootstrap 0 --bootstrap 0 --out "$out/$1" >/dev/null 2>&1
  read -r seconds kb < "$out/time"
  echo "$1 $seconds $kb"
}
for r in $(seq "$RUNS"); do
  run 1 identity msp
  run 16 identity,temperature,vector,histogram msp,margin,entropy,max-logit
done | "$PYTHON" -c "
import sys
rows = [l.split() for l in sys.stdin if l.strip()]
logits = float(sys.argv[1])
print(f'logits: {logits:.0f} MB')
print(f\"{'methods':>7} {'wall s':>8} {'peak RSS MB':>12} {'RSS / logits':>13}\")
for m, s, kb in rows:
    print(f'{m:>7} {float(s):>8.2f} {int(kb) / 1024:>12.0f} {int(kb) * 1024 / 1e6 / logits:>13.2f}')
one = [float(s) for m, s, _ in rows if m == '1']; many = [float(s) for m, s, _ in rows if m == '16']
print(f'16 / 1 methods, time: {min(many) / min(one):.1f}x (best of each)')
" "$logits_mb"
