#!/usr/bin/env bash
# Configures (once) and builds into ./build (or $ARCHIVE_BUILD_DIR) incrementally.
# Usage: scripts/build.sh [TARGET …] [-jN]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ARCHIVE_BUILD_DIR:-$root/build}
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
targets=() opts=()
for a in "$@"; do
  case "$a" in -*) opts+=("$a") ;; *) targets+=(--target "$a") ;; esac
done
cmake --build "$build" "${targets[@]}" "${opts[@]}"
