#!/usr/bin/env bash
# The whole test suite of kerncijfers, from a fresh clone on a fresh Debian 12 machine.
# Installs what is missing, then: C++ build + CTest (Boost.Test suites, compile-fail
# tests, a consumer project against an installed copy), and the same suites again under
# AddressSanitizer + UndefinedBehaviorSanitizer. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-system-deps.sh

jobs=$(nproc 2>/dev/null || echo 2)

echo "== C++: build and test (debug) =="
cmake --preset default
cmake --build --preset default -j "$jobs"
ctest --preset default -j "$jobs"

echo "== C++: the same suites under AddressSanitizer + UndefinedBehaviorSanitizer =="
cmake --preset sanitize
cmake --build --preset sanitize -j "$jobs"
ctest --preset sanitize -j "$jobs" -E '^(consumer_|compile_)'
