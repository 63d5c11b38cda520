#!/usr/bin/env bash
# Incremental development build of the Python package, for working on the bindings:
#   scripts/dev-python.sh BUILD_DIR [VENV]      (defaults: build/dev-python and .venv)
# Builds kerncijfers._core with CMake + Ninja in BUILD_DIR (only what changed is rebuilt;
# no link-time optimisation, whose link would use every core and take minutes)
# and lays out an importable package in BUILD_DIR/site (the Python files copied, not
# linked, so the tests see an installed package). Then, for example:
#   (cd /tmp && PYTHONPATH=$PWD/BUILD_DIR/site $VENV/bin/python -m pytest -c .../pyproject.toml ...)
# The real install (scripts/install-python.sh) stays the reference; this is a shortcut.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/dev-python}
venv=${2:-.venv}
python="$venv/bin/python"
# pybind11 is a build requirement, not in the package's environment: take it from there if
# it is installed, else from the system Python.
pybind11_dir=$("$python" -c 'import pybind11; print(pybind11.get_cmake_dir())' 2>/dev/null ||
  python3 -c 'import pybind11; print(pybind11.get_cmake_dir())')

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INTERPROCEDURAL_OPTIMIZATION=OFF -DKERNCIJFERS_BUILD_TESTS=OFF \
  -DKERNCIJFERS_INSTALL=OFF -DKERNCIJFERS_BUILD_PYTHON=ON -Dpybind11_DIR="$pybind11_dir" \
  -DPython_EXECUTABLE="$(realpath "$python")" >/dev/null
cmake --build "$build" --target _core -j "${JOBS:-2}"

site="$build/site/kerncijfers"
rm -rf "$site"
mkdir -p "$site/data" "$site/include"
cp python/kerncijfers/*.py python/kerncijfers/*.pyi python/kerncijfers/py.typed "$site/"
cp "$build"/python/_core*.so "$site/"
cp data/*.csv data/README.md data/nl_safe_countries.md data/nationalities.md "$site/data/"
cp -r include/kerncijfers "$site/include/"
echo "kerncijfers (dev build) in $build/site"
