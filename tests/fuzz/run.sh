#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in BUILD_DIR and runs
# each for SECONDS, seeded from the corpus. A crash, leak or timeout fails.
# usage: tests/fuzz/run.sh BUILD_DIR SECONDS
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build-fuzz}
seconds=${2:-30}

CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DINBOXLINT_BUILD_FUZZERS=ON -DINBOXLINT_SANITIZE=address,undefined \
  -DINBOXLINT_BUILD_TESTS=OFF -DINBOXLINT_BUILD_CLI=OFF -DINBOXLINT_INSTALL=OFF >/dev/null
cmake --build "$build" -j2

seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
mkdir -p "$seeds/messages" "$seeds/values"
find corpus -name '*.eml' -exec cp {} "$seeds/messages/" \;
cp tests/fuzz/seeds/values/* "$seeds/values/" 2>/dev/null || true

run() {
  local target=$1 dir=$2
  local work="$seeds/work-$target"
  mkdir -p "$work"
  echo "-- $target: ${seconds}s"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$build/tests/fuzz/$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -dict=tests/fuzz/mail.dict -print_final_stats=1 -artifact_prefix="$seeds/" "$work" "$dir" 2>&1 \
    | grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY)" || true
  if ls "$seeds"/crash-* "$seeds"/leak-* "$seeds"/timeout-* >/dev/null 2>&1; then
    echo "fuzz target $target failed; reproducers:"; ls "$seeds"/crash-* "$seeds"/leak-* "$seeds"/timeout-* 2>/dev/null
    for f in "$seeds"/crash-* "$seeds"/leak-* "$seeds"/timeout-*; do [ -f "$f" ] && base64 -w0 "$f" && echo; done
    exit 1
  fi
}

run fuzz_lint "$seeds/messages"
run fuzz_scanner "$seeds/messages"
run fuzz_address "$seeds/values"
run fuzz_header_values "$seeds/values"
run fuzz_encoded_word "$seeds/values"
run fuzz_dkim "$seeds/messages"
run fuzz_url "$seeds/values"
run fuzz_idn "$seeds/values"
run fuzz_html "$seeds/messages"
run fuzz_css "$seeds/messages"
echo "fuzzing: no crash, leak or timeout"
