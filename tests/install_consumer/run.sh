#!/usr/bin/env bash
# Installs the library from BUILD_DIR into a temporary prefix, then builds and
# runs a consumer project with find_package(inboxlint), and compiles the same
# program with pkg-config.
# usage: tests/install_consumer/run.sh BUILD_DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake -S tests/install_consumer -B "$work/consumer" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/consumer" >/dev/null
LD_LIBRARY_PATH="$work/prefix/lib:$work/prefix/lib64:${LD_LIBRARY_PATH:-}" "$work/consumer/consumer"
libdir=$(ls -d "$work"/prefix/lib*/pkgconfig | head -1)
sed -i "s|^prefix=.*|prefix=$work/prefix|" "$libdir/inboxlint.pc"
# shellcheck disable=SC2046
c++ -o "$work/pc-consumer" tests/install_consumer/main.cpp $(PKG_CONFIG_PATH="$libdir" pkg-config --cflags --libs inboxlint)
LD_LIBRARY_PATH="$work/prefix/lib:$work/prefix/lib64:${LD_LIBRARY_PATH:-}" "$work/pc-consumer"
