#!/usr/bin/env bash
# Install the built libsearch into a scratch prefix, then build the quickstart
# example against it twice: with CMake find_package and with pkg-config.
set -euo pipefail
build_dir=$1 packaging_dir=$2 quickstart=$3 extra_flags=${4:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build_dir" --prefix "$work/prefix" --component Unspecified >/dev/null

cmake -S "$packaging_dir/consumer" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$work/prefix" \
      -DQUICKSTART_SOURCE="$quickstart" -DCMAKE_CXX_FLAGS="$extra_flags" \
      -DCMAKE_EXE_LINKER_FLAGS="$extra_flags" >/dev/null
cmake --build "$work/consumer" >/dev/null
"$work/consumer/consumer" "$work/index-cmake" | grep -q "2 matches"
echo "find_package: ok"

libdir=$(find "$work/prefix" -name libsearch.pc -printf '%h\n' | head -n1)
# shellcheck disable=SC2086 # extra_flags is a list of flags
PKG_CONFIG_PATH="$libdir" g++ -std=c++20 $extra_flags "$quickstart" -o "$work/consumer-pc" \
    $(PKG_CONFIG_PATH="$libdir" pkg-config --cflags --libs libsearch)
"$work/consumer-pc" "$work/index-pc" | grep -q "2 matches"
echo "pkg-config: ok"
