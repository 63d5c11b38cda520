#!/usr/bin/env bash
# Installs the system packages kerncijfers builds against, on Debian/Ubuntu, when they
# are missing: a C++20 compiler, Howard Hinnant's date, nlohmann/json, zlib, ISA-L (the fast gzip
# inflater; zlib is the fallback where it is missing) and Boost.Test, plus CMake and
# Ninja (from PyPI when the system has none). Safe to run again: it installs nothing
# that is already there.
set -euo pipefail

packages=(g++ libhowardhinnant-date-dev nlohmann-json3-dev zlib1g-dev libisal-dev pkg-config libboost-test-dev)
if [[ "${KERNCIJFERS_WITH_PYTHON_DEPS:-0}" == 1 ]]; then
  packages+=(python3-venv)
fi
# The fuzz run (scripts/fuzz.sh) needs clang with libFuzzer and the sanitizer runtimes.
if [[ "${KERNCIJFERS_WITH_FUZZ:-0}" == 1 ]]; then
  packages+=(clang libfuzzer-14-dev libclang-rt-14-dev)
fi
# scripts/lint.sh checks the C++ layout with clang-format (14 on Debian 12, the version the
# .clang-format file is written for).
if [[ "${KERNCIJFERS_WITH_LINT:-0}" == 1 ]]; then
  packages+=(clang-format)
fi
# The browser test of the HTML page (tests/python/test_report_html.py) runs headless Chromium.
if [[ "${KERNCIJFERS_WITH_BROWSER:-0}" == 1 ]] && ! command -v chromium >/dev/null; then
  packages+=(chromium)
fi

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]})); then
  echo "kerncijfers: installing ${missing[*]} with apt-get" >&2
  sudo=()
  if [[ $(id -u) != 0 ]]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# CMakePresets.json needs CMake 3.25 or newer; Debian 12 ships 3.25, PyPI has newer.
if ! command -v cmake >/dev/null || ! command -v ninja >/dev/null; then
  echo "kerncijfers: installing cmake and ninja with pip" >&2
  python3 -m pip install --quiet "cmake>=3.25" ninja
fi
