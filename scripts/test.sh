#!/usr/bin/env bash
# The whole test suite of kerncijfers, from a fresh clone on a fresh Debian 12 machine.
# Installs what is missing, then: C++ build + CTest (Boost.Test suites, compile-fail
# tests, a consumer project against an installed copy), the same suites again under
# AddressSanitizer + UndefinedBehaviorSanitizer, a short libFuzzer run of every fuzz target
# (tests/fuzz), then the Python suites, the layout checks (clang-format, ruff) and the docs. Exits non-zero on any failure.
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

echo "== C++: fuzz smoke run (libFuzzer + ASan + UBSan): the regression inputs, then 20 s a target =="
KERNCIJFERS_WITH_FUZZ=1 scripts/install-system-deps.sh
scripts/fuzz.sh --seconds 20

echo "== Python: install into a fresh virtual environment, test the installed package =="
# Headless Chromium checks the HTML report; the notebook and browser tests must not skip here.
KERNCIJFERS_WITH_BROWSER=1 scripts/install-system-deps.sh
export KERNCIJFERS_REQUIRE_BROWSER=1 KERNCIJFERS_REQUIRE_NOTEBOOK=1
scripts/install-python.sh build/venv-test ".[test,docs,benchmark]"
venv=build/venv-test/bin
# Run from outside the source tree so that only the installed package can be imported.
(cd build && "../$venv/python" -m pytest -c ../pyproject.toml --rootdir .. ../tests/python)
"$venv/mypy" --config-file pyproject.toml
KERNCIJFERS_WITH_LINT=1 scripts/install-system-deps.sh
scripts/lint.sh build/venv-test
# The package's own Python modules, against its stubs.
(cd python && "../$venv/mypy" --strict -p kerncijfers)

echo "== Docs: Sphinx, warnings as errors (guide examples and the notebook executed) =="
scripts/build-docs.sh build/venv-test

echo "== Python: build a wheel, install it in a second fresh environment, test again =="
rm -rf build/wheelhouse
"$venv/pip" wheel --quiet --no-deps --wheel-dir build/wheelhouse .
wheel=$(ls build/wheelhouse/kerncijfers-*.whl)
python3 -m venv --clear build/venv-wheel
build/venv-wheel/bin/pip install --quiet "$wheel" pytest hypothesis jsonschema
# Only the core dependencies here: the optional parts (pandas, charts, notebook) skip.
(cd build && env -u KERNCIJFERS_REQUIRE_NOTEBOOK ../build/venv-wheel/bin/python -m pytest -q -c ../pyproject.toml --rootdir .. ../tests/python)
