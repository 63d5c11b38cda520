#!/usr/bin/env bash
# Installs kerncijfers from this checkout into a fresh virtual environment.
#   scripts/install-python.sh [VENV_DIR] [REQUIREMENT]   (defaults: .venv and ".")
# Installs the Debian packages the build needs first (see install-system-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${1:-.venv}
requirement=${2:-.}

KERNCIJFERS_WITH_PYTHON_DEPS=1 scripts/install-system-deps.sh
python3 -m venv --clear "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet "$requirement"
echo "kerncijfers installed in $venv: $("$venv/bin/python" -c 'import kerncijfers; print(kerncijfers.__version__, kerncijfers.__file__)')"
