#!/usr/bin/env bash
# The leaderboard's CI in one script: .github/workflows/leaderboard.yml runs these steps, and so can you.
#   ci/leaderboard.sh pr BASE          the pull-request job: the submissions the PR adds or changes against BASE (a git
#                                      ref), each verified as below; a PR that changes anything else is refused (exit 2)
#   ci/leaderboard.sh verify NAME      checks submissions/NAME and re-runs SAMPLE of its cells in eebench's sandbox, then
#                                      writes its record to RECORDS/NAME.verification.json (also when a cell mismatches);
#                                      exits as `eebench verify` does: 0 all match, 1 a mismatch, 2 refused, 3 no sandbox
#   ci/leaderboard.sh build-site [OUT] the site of every submission in submissions/ (default OUT: _site), then checks it
#                                      (index present, no path of this machine, nothing fetched from a network)
# Environment: EEBENCH  the eebench command (default: EEBENCH_REF of EEBENCH_REPOSITORY from leaderboard.env, cloned
#                       into .eebench/ and built by its ./eebench)
#              SAMPLE   cells re-run per submission (default 2)
#              SEED     seed of the draw (default: from GITHUB_RUN_ID, else the clock, so that no contributor knows in
#                       advance which cells will be re-run)
#              RECORDS  where verify writes records (default _records; CI uploads it as the artifact 'verification')
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=../leaderboard.env
. ./leaderboard.env
RECORDS="${RECORDS:-_records}"

die() { echo "leaderboard: $2" >&2; exit "$1"; }

# The eebench command as an array: EEBENCH may be a command line ("dotnet /path/eebench.dll").
eebench() {
  if [ -z "${EEBENCH:-}" ]; then
    if [ ! -x .eebench/eebench ]; then
      git clone --quiet --depth 1 --branch "$EEBENCH_REF" "https://github.com/$EEBENCH_REPOSITORY.git" .eebench
    fi
    EEBENCH="$root/.eebench/eebench"
  fi
  local command
  read -r -a command <<< "$EEBENCH"
  "${command[@]}" "$@"
}

# On a CI runner only: the sandbox (bubblewrap, and user namespaces, which Ubuntu 24.04's AppArmor restricts) and the
# datasets the suites read. On your machine install bubblewrap and the datasets yourself.
ci_setup() {
  [ "${GITHUB_ACTIONS:-}" = true ] || return 0
  command -v bwrap >/dev/null || { sudo apt-get update -qq && sudo apt-get install -y -qq bubblewrap; }
  if [ -e /proc/sys/kernel/apparmor_restrict_unprivileged_userns ]; then
    sudo sysctl -q -w kernel.apparmor_restrict_unprivileged_userns=0
  fi
  local entry name folder
  for entry in $EEBENCH_DATASETS; do
    name="${entry%%:*}"; folder="${entry#*:}"
    if [ ! -d "$folder" ]; then
      sudo mkdir -p "$(dirname "$folder")" && sudo chown "$(id -u)" "$(dirname "$folder")"
      eebench data get "$name" --root "$(dirname "$folder")"
    fi
  done
}

valid_name() { [[ "$1" =~ ^[A-Za-z0-9][A-Za-z0-9._+-]*$ ]] && [[ "$1" != *.verification.json ]]; }

# The submissions a PR adds or changes against $1, one per line; anything else it changes is refused.
changed() {
  local base="$1" path name names=""
  while IFS= read -r path; do
    [ -n "$path" ] || continue
    case "$path" in
      submissions/*/*) name="${path#submissions/}"; name="${name%%/*}" ;;
      submissions/*.verification.json) name="${path#submissions/}"; name="${name%.verification.json}" ;;
      *) die 2 "this pull request changes $path; a submission's pull request changes only submissions/NAME/ (and a maintainer adds NAME.verification.json)" ;;
    esac
    valid_name "$name" || die 2 "$path: '$name' is not a submission name (letters, digits and ._+- only)"
    case " $names " in *" $name "*) ;; *) names="$names $name" ;; esac
  done < <(git diff --name-only --no-renames "$base"...HEAD --)
  [ -n "$names" ] || die 2 "this pull request changes no submission"
  printf '%s\n' $names
}

verify() {
  local name="$1" folder="submissions/$1" seed code=0
  valid_name "$name" || die 2 "'$name' is not a submission name"
  [ -f "$folder/submission.json" ] || die 2 "$folder is not a submission (no submission.json): make one with eebench submit"
  # A record a maintainer committed with the PR must be one made for these very bytes of the submission.
  local committed="submissions/$name.verification.json" sha
  if [ -f "$committed" ]; then
    sha="$(sha256sum "$folder/submission.json" | cut -d' ' -f1)"
    grep -Eq "\"submission_sha256\": *\"$sha\"" "$committed" || die 2 "$committed is not a record of this submission (its submission_sha256 is not $sha): verify it again"
  fi
  seed="${SEED:-$(( $(printf '%s' "${GITHUB_RUN_ID:-$(date +%s%N)}" | cksum | cut -d' ' -f1) % 2147483647 ))}"
  mkdir -p "$RECORDS"
  echo "leaderboard: verifying $name (sample ${SAMPLE:-2}, seed $seed)" >&2
  eebench verify "$folder" --sample "${SAMPLE:-2}" --seed "$seed" --record "$RECORDS/$name.verification.json" || code=$?
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -f "$RECORDS/$name.verification.json" ]; then
    { echo "### $name: eebench verify exited $code"; echo '```json'; cat "$RECORDS/$name.verification.json"; echo '```'; } >> "$GITHUB_STEP_SUMMARY"
  fi
  return "$code"
}

build_site() {
  local out="${1:-_site}"
  mkdir -p submissions
  rm -rf "$out"
  eebench site submissions --out "$out"
  [ -f "$out/index.html" ] || die 1 "$out/index.html is missing"
  if grep -rlF "$root" "$out" >&2; then die 1 "the files above hold this machine's path $root"; fi
  if grep -rlE '(src|action)="https?:|<link[^>]*href="https?:|url\(["'"'"']?https?:' "$out" >&2; then
    die 1 "the files above load something from a network; the site must work offline"
  fi
  echo "leaderboard: site of $(find submissions -mindepth 1 -maxdepth 1 -type d | wc -l) submission(s) in $out ($(du -sk "$out" | cut -f1) KB)" >&2
}

case "${1:-}" in
  pr)
    [ $# -eq 2 ] || die 2 "usage: ci/leaderboard.sh pr BASE"
    names="$(changed "$2")" || exit $?
    ci_setup
    status=0
    for name in $names; do verify "$name" || status=$?; done
    exit "$status"
    ;;
  verify)
    [ $# -eq 2 ] || die 2 "usage: ci/leaderboard.sh verify NAME"
    ci_setup
    verify "$2"
    ;;
  build-site)
    [ $# -le 2 ] || die 2 "usage: ci/leaderboard.sh build-site [OUT]"
    build_site "${2:-_site}"
    ;;
  *)
    die 2 "usage: ci/leaderboard.sh pr BASE | verify NAME | build-site [OUT]"
    ;;
esac
