#!/usr/bin/env bash
# Builds the documentation (Sphinx) into build/docs, with warnings as errors.
#   scripts/build-docs.sh [VENV_DIR]      (default: build/venv-docs)
# The API reference is generated from the package installed in VENV_DIR and the notebook
# and the guide's examples are executed with that Python, so VENV_DIR must hold
# kerncijfers with the `docs` extra. When VENV_DIR lacks either, this script installs
# them (scripts/install-python.sh VENV_DIR ".[docs]"). Nothing is downloaded during the
# build itself: no intersphinx inventories, no remote assets.
# Exits non-zero on any warning (sphinx-build -W --keep-going reports them all first).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${1:-build/venv-docs}
out=build/docs

if ! "$venv/bin/python" -c 'import kerncijfers, sphinx, myst_nb, furo, ipykernel' 2>/dev/null; then
  scripts/install-python.sh "$venv" ".[docs]"
fi
python=$(cd "$venv/bin" && pwd)/python

# Run the notebook with this environment's Python whatever kernels the machine has: a
# kernelspec "python3" in a private JUPYTER_PATH, which Jupyter searches first.
kernels=$(mktemp -d)
trap 'rm -rf "$kernels"' EXIT
mkdir -p "$kernels/kernels/python3"
cat > "$kernels/kernels/python3/kernel.json" <<JSON
{"argv": ["$python", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
 "display_name": "Python 3 (kerncijfers docs)", "language": "python"}
JSON

rm -rf "$out" build/docs-doctrees
mkdir -p build
# Run from the build directory, so that the installed package, not the source tree, is
# imported; the kernel draws inline (no MPLBACKEND from the caller).
(
  cd build
  unset MPLBACKEND
  export JUPYTER_PATH="$kernels${JUPYTER_PATH:+:$JUPYTER_PATH}" JUPYTER_PLATFORM_DIRS=1 PYDEVD_DISABLE_FILE_VALIDATION=1
  "$python" -m sphinx -W --keep-going -b html -d docs-doctrees ../docs docs
)
echo "documentation built: $out/index.html"
