#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in BUILD_DIR, replays
# every input that ever failed (tests/fuzz/regressions/<target>/), then runs
# each target for SECONDS, seeded from the corpus and ../shared/testdata
# (tests/fuzz/seeds.py assembles the seeds in a temporary folder at run time)
# with its dictionary (tests/fuzz/dicts/). A crash, leak or timeout fails; its
# reproducer is printed in base64 and kept in the artifacts folder: add it to
# tests/fuzz/regressions/<target>/ with the fix.
#
# usage: tests/fuzz/run.sh BUILD_DIR SECONDS
#   FUZZ_JOBS=2        targets run at a time (default 1)
#   FUZZ_TARGETS="a b" only these targets
#   FUZZ_ARTIFACTS=DIR keep corpora and reproducers there (default: a temporary folder, removed)
#   FUZZ_TIMEOUT=10    seconds one input may take before it counts as a hang
#
# The whole script is one block, so bash reads all of it before it runs:
# editing this file during a long run does not derail that run.
{
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build-fuzz}
seconds=${2:-30}
jobs=${FUZZ_JOBS:-1}
all_targets=(fuzz_lint fuzz_scanner fuzz_address fuzz_header_values fuzz_encoded_word fuzz_dkim fuzz_url fuzz_idn
             fuzz_html fuzz_css fuzz_compose fuzz_category fuzz_dmarc fuzz_spf fuzz_arc)
read -r -a targets <<<"${FUZZ_TARGETS:-${all_targets[*]}}"

CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DINBOXLINT_BUILD_FUZZERS=ON -DINBOXLINT_SANITIZE=address,undefined \
  -DINBOXLINT_BUILD_TESTS=OFF -DINBOXLINT_BUILD_CLI=OFF -DINBOXLINT_INSTALL=OFF >/dev/null
cmake --build "$build" -j2 --target "${targets[@]}"

if [ -n "${FUZZ_ARTIFACTS:-}" ]; then
  work=$FUZZ_ARTIFACTS
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
# Short runs get fewer seeds, or they would spend their time on the seeds alone.
limit=0
[ "$seconds" -lt 600 ] && limit=$((seconds * 10))
python3 tests/fuzz/seeds.py "$work/seeds" --max-per-target "$limit" 2>/dev/null

export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

dict_of() {
  case $1 in
    fuzz_css) echo tests/fuzz/dicts/css.dict ;;
    fuzz_html | fuzz_category) echo tests/fuzz/dicts/html.dict ;;
    fuzz_url) echo tests/fuzz/dicts/url.dict ;;
    fuzz_idn) echo tests/fuzz/dicts/idn.dict ;;
    fuzz_dkim) echo tests/fuzz/dicts/dkim.dict ;;
    fuzz_dmarc) echo tests/fuzz/dicts/dmarc.dict ;;
    fuzz_arc)
      cat tests/fuzz/dicts/dkim.dict tests/fuzz/dicts/arc.dict >"$work/$1.dict"
      echo "$work/$1.dict" ;;
    fuzz_lint | fuzz_compose)
      # libFuzzer takes one dictionary: mail syntax and the HTML in it.
      cat tests/fuzz/mail.dict tests/fuzz/dicts/html.dict tests/fuzz/dicts/css.dict >"$work/$1.dict"
      echo "$work/$1.dict" ;;
    *) echo tests/fuzz/mail.dict ;;
  esac
}

replay() {
  local target=$1 dir=tests/fuzz/regressions/$1
  [ -d "$dir" ] || return 0
  local inputs=("$dir"/*)
  [ -e "${inputs[0]}" ] || return 0
  echo "-- $target: replaying ${#inputs[@]} regression inputs"
  "$build/tests/fuzz/$target" -runs=1 "${inputs[@]}" >"$work/replay-$target.log" 2>&1 ||
    { tail -n 40 "$work/replay-$target.log"; return 1; }
}

fuzz() {
  local target=$1
  local corpus=$work/corpus-$target artifacts=$work/artifacts-$target
  mkdir -p "$corpus" "$artifacts"
  local dict
  dict=$(dict_of "$target")
  "$build/tests/fuzz/$target" -max_total_time="$seconds" -max_len=65536 -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 \
    -dict="$dict" -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" "$work/seeds/$target" \
    >"$work/$target.log" 2>&1 || true
  local execs
  execs=$(grep -m1 -oE "stat::number_of_executed_units: [0-9]+" "$work/$target.log" | grep -oE "[0-9]+$" || echo 0)
  if ls "$artifacts"/* >/dev/null 2>&1; then
    echo "-- $target: FAILED after $execs executions; reproducers:"
    grep -E "^==[0-9]+==ERROR|^SUMMARY|runtime error|deadly signal|Timeout" "$work/$target.log" | head -n 5
    for f in "$artifacts"/*; do echo "$(basename "$f") $(base64 -w0 "$f")"; done
    return 1
  fi
  echo "-- $target: ${seconds}s, $execs executions, no crash, leak or timeout"
}

failed=0
for t in "${targets[@]}"; do replay "$t" || failed=1; done
((failed)) && { echo "a regression input fails again"; exit 1; }

running=0
for t in "${targets[@]}"; do
  fuzz "$t" &
  running=$((running + 1))
  if ((running >= jobs)); then
    wait -n || failed=1
    running=$((running - 1))
  fi
done
while ((running > 0)); do
  wait -n || failed=1
  running=$((running - 1))
done
((failed)) && { echo "fuzzing found failures"; exit 1; }
echo "fuzzing: no crash, leak or timeout"
exit 0
}
