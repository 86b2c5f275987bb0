#!/usr/bin/env bash
# Instructions executed by benchmarks of inboxlint_bench_html, counted by
# callgrind, and their ratio to gumbo's parse alone. Wall-clock ratios on a
# shared VM drift by 10-15% from run to run; instruction counts do not, so
# this is the measure to compare two versions of the code with (it does not
# see cache misses: the CPU-time ratio of the benchmark itself is the figure).
#
# usage: tests/bench/callgrind_ratio.sh BUILD_DIR [--set=FOLDER] [BENCHMARK ...]
#   default benchmarks: guarded_parse html_analysis lint_html_rules lint_full
#   --set=FOLDER: every file of ../shared/testdata/FOLDER instead of the
#   HTML-heavy set (as inboxlint_bench_html takes it)
# Each benchmark runs five repetitions of one iteration (the benchmark's
# default: the first pays for one-time set-up, such as loading vocabularies)
# under valgrind, about half a minute each;
# valgrind is not part of .ci/setup: apt-get install valgrind.
set -euo pipefail
build=${1:?usage: callgrind_ratio.sh BUILD_DIR [--set=FOLDER] [BENCHMARK ...]}
shift
set_arg=()
if [[ ${1:-} == --set=* ]]; then
  set_arg=("$1")
  shift
fi
benchmarks=("$@")
[ ${#benchmarks[@]} -eq 0 ] && benchmarks=(guarded_parse html_analysis lint_html_rules lint_full)
binary=$build/tests/bench/inboxlint_bench_html
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Instructions of one iteration of benchmark $1 (only inside its function).
count() {
  valgrind --tool=callgrind --callgrind-out-file="$work/$1.out" --toggle-collect="*::$1(*" \
    "$binary" "${set_arg[@]}" --benchmark_filter="^$1\$" --benchmark_min_time=1x --paired=0 >/dev/null 2>"$work/$1.err"
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/$1.err"
}

floor=$(count gumbo_parse_only)
printf '%-20s %15s instructions\n' gumbo_parse_only "$floor"
for b in "${benchmarks[@]}"; do
  n=$(count "$b")
  printf '%-20s %15s instructions  %.3fx gumbo\n' "$b" "$n" "$(awk -v n="$n" -v f="$floor" 'BEGIN { print n / f }')"
done
