#!/usr/bin/env bash
# Build time and size of the leaderboard site (`eebench site`) at 1, 10 and 100 submissions, each of 63 methods
# (7 calibrators × 9 failure predictors) × 10 seeds. Issue 27's target: 100 submissions in under a minute on 2 cores.
# The submissions are synthetic but valid (they pass the validator of `submit` and `verify`): one real run of a small
# suite (14 seeds of a 2-exit LeNet trained 1 epoch on 2,000 Fashion-MNIST images, every method on the full 10,000-image
# test set; made once and cached) whose cells are dealt out by `EarlyExitBench.Benchmarks site-submissions`: 10 of the
# 14 seeds per submission, spread over ⌈N/10⌉ settings (see bench/EarlyExitBench.Benchmarks/SyntheticSubmissions.cs).
# Each build is a fresh `eebench site` process under /usr/bin/time; prints wall seconds, peak RSS, files, total size and
# the largest page (a build that fails is listed with its time, memory and error, and the script exits 1). Run it holding the machine's CPU lock, so nothing else runs beside it:
#   flock /tmp/eebench-cpu.lock bench/site-scale.sh
# Environment: COUNTS ("1 10 100"), RUNS (1: builds per count, the table shows each), CACHE (the base run's folder,
#              default ~/.cache/eebench/bench/site-scale), DATA (/usr/share/datasets/fashion-mnist), KEEP (1: keep the sites).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNTS=${COUNTS:-"1 10 100"}
RUNS=${RUNS:-1}
CACHE=${CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/eebench/bench/site-scale}
DATA=${DATA:-/usr/share/datasets/fashion-mnist}
EEBENCH=src/Harness/bin/Release/net10.0/eebench.dll
GENERATOR=bench/EarlyExitBench.Benchmarks/bin/Release/net10.0/EarlyExitBench.Benchmarks.dll
[ -x /usr/bin/time ] || { echo "site-scale: /usr/bin/time is missing (Debian package time)" >&2; exit 3; }
[ -d "$DATA" ] || { echo "site-scale: $DATA is missing (./eebench installs the Fashion-MNIST package)" >&2; exit 3; }
[ -f "$EEBENCH" ] && [ -f "$GENERATOR" ] || dotnet build -c Release bench/EarlyExitBench.Benchmarks -nologo -v q -tl:off >/dev/null

# The base run, once: 14 cells.
mkdir -p "$CACHE"
suite="$CACHE/site-scale.yaml"
cat > "$suite.new" <<EOF
name: site-scale
seeds: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]
threads: 2
datasets:
  - alias: fashion-mnist
    options: { path: $DATA }
    validation_size: 1000
    train_limit: 2000
architectures: [{alias: branchy-lenet, options: {channels: [4, 8], head_grid: 2}}]
training: { epochs: 1, batch_size: 64, learning_rate: 0.01 }
calibrators: [identity, temperature, vector, {alias: matrix, options: {l2: 0.3}}, {alias: histogram, options: {bins: 15}}, isotonic, platt]
failure_predictors: [msp, max-logit, margin, entropy, gini, energy, consistency, learned, exit-aware]
evaluation: { bootstrap: 200 }
EOF
# The cells record the SHA-256 of every plugin assembly, and the generator's submissions must match the build that reads
# them: a rebuilt plugin (or harness) invalidates the base run as a changed suite does.
fingerprint=$( { cat "$suite.new"; find src/Harness/bin/Release/net10.0 plugins -path '*/bin/Release/*' -name '*.dll' | sort | xargs sha256sum; } | sha256sum | cut -d' ' -f1)
if ! cmp -s "$suite.new" "$suite" || [ ! -f "$CACHE/results/leaderboard.json" ] || [ "$(cat "$CACHE/fingerprint" 2>/dev/null)" != "$fingerprint" ]; then
  mv "$suite.new" "$suite"
  echo "$fingerprint" > "$CACHE/fingerprint"
  rm -rf "$CACHE/results"
  echo "site-scale: the base run (14 cells, once)" >&2
  start=$(date +%s)
  dotnet "$EEBENCH" run "$suite" --out "$CACHE/results" --cache "$CACHE/models" >"$CACHE/run.log" 2>&1 || { tail -20 "$CACHE/run.log" >&2; exit 1; }
  echo "site-scale: base run took $(( $(date +%s) - start )) s" >&2
else
  rm -f "$suite.new"
fi

out=$(mktemp -d)
[ "${KEEP:-0}" = 1 ] && echo "site-scale: sites kept in $out" >&2 || trap 'rm -rf "$out"' EXIT
printf '%13s %9s %8s %12s %7s %14s %12s %s\n' submissions settings "wall s" "peak RSS MB" files "total bytes" "largest page" "(bytes)"
status=0
for n in $COUNTS; do
  start=$(date +%s)
  dotnet "$GENERATOR" site-submissions --results "$CACHE/results" --suite "$suite" --out "$out/submissions-$n" --count "$n" --seeds 10 >/dev/null
  echo "site-scale: $n submission(s) generated in $(( $(date +%s) - start )) s ($(du -sm "$out/submissions-$n" | cut -f1) MB)" >&2
  settings=$(( (n + 9) / 10 ))
  for r in $(seq "$RUNS"); do
    rm -rf "$out/site-$n"
    code=0
    /usr/bin/time -f '%e %M' -o "$out/time" dotnet "$EEBENCH" site "$out/submissions-$n" --out "$out/site-$n" >"$out/site.log" 2>&1 || code=$?
    read -r seconds kb < <(tail -1 "$out/time")
    if [ "$code" -ne 0 ]; then
      # A failed build is a figure too: how long it ran, how much memory it took, and why it stopped.
      printf '%13s %9s %8.2f %12.0f   failed (exit %s): %s\n' "$n" "$settings" "$seconds" "$(( kb / 1024 ))" "$code" "$(grep -v '^\[' "$out/site.log" | tail -1)"
      status=1
      continue
    fi
    files=$(find "$out/site-$n" -type f | wc -l)
    bytes=$(du -sb "$out/site-$n" | cut -f1)
    largest=$(find "$out/site-$n" -name '*.html' -printf '%s %P\n' | sort -n | tail -1)
    printf '%13s %9s %8.2f %12.0f %7s %14s %12s %s\n' "$n" "$settings" "$seconds" "$(( kb / 1024 ))" "$files" "$bytes" "${largest%% *}" "${largest#* }"
  done
  [ "${KEEP:-0}" = 1 ] || rm -rf "$out/submissions-$n" "$out/site-$n"
done
exit "$status"
