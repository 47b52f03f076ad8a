#!/usr/bin/env bash
# Kills a suite run with SIGKILL at five moments (training, recording logits, evaluation, measurement, writing the
# leaderboard), reruns it each time, and diffs every leaderboard (without environment and timing) with an uninterrupted
# run. Prints what each rerun reused and how long it took. Usage: bench/kill-resume.sh [SUITE] (default: the default suite).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
suite="${1:-suites/fashion-mnist.yaml}"
cd "$root"
"$root/build/setup.sh" >&2
eebench=(dotnet "$root/src/Harness/bin/Release/net10.0/eebench.dll")
work="$(mktemp -d /tmp/eebench-kill.XXXXXX)"
strip() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d.pop("environment"); d.pop("timing"); print(json.dumps(d, indent=1, sort_keys=True))' "$1"; }

start=$(date +%s.%N)
"${eebench[@]}" run "$suite" --out "$work/reference" --cache "$work/reference-cache" >/dev/null 2>"$work/reference.log"
echo "uninterrupted run: $(printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc)") s"

moments=("training|Epoch 2/|fresh" "recording logits|record logits started|fresh" "evaluation|evaluate started|cached" "measurement|measure started|cached" "writing the leaderboard|Writing the leaderboard|cached")
for entry in "${moments[@]}"; do
  IFS='|' read -r moment marker cache <<<"$entry"
  dir="$work/${moment// /-}"
  mkdir -p "$dir"
  if [ "$cache" = cached ]; then cp -r "$work/reference-cache" "$dir/cache"; fi
  # EEBENCH_HOLD_AT holds the thread that logs the marker, so the kill lands at that moment on any machine.
  EEBENCH_HOLD_AT="$marker" "${eebench[@]}" run "$suite" --out "$dir/out" --cache "$dir/cache" --verbose >/dev/null 2>"$dir/killed.log" &
  pid=$!
  until grep -q "$marker" "$dir/killed.log" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "$moment: the run ended before '$marker'"; exit 1; fi
    sleep 0.02
  done
  kill -9 "$pid"; wait "$pid" 2>/dev/null || true
  start=$(date +%s.%N)
  "${eebench[@]}" run "$suite" --out "$dir/out" --cache "$dir/cache" >/dev/null 2>"$dir/rerun.log"
  took=$(printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc)")
  if diff <(strip "$work/reference/leaderboard.json") <(strip "$dir/out/leaderboard.json") >"$dir/diff.txt"; then verdict="diff empty"; else verdict="DIFFERS (see $dir/diff.txt)"; fi
  echo "== SIGKILL during $moment (at '$marker'); rerun took $took s; $verdict"
  grep -E "stale lock|Resuming|cached|finished earlier|training [0-9]+ epochs|unusable" "$dir/rerun.log" | sed -E 's/^\[[0-9:]+ /  [/; s#/tmp/eebench-kill[^ ]*/##g' || true
done
echo "work folder: $work"
