#!/usr/bin/env bash
# The layout and lint checks of kerncijfers: clang-format (.clang-format) on the C++ sources and
# ruff (pyproject.toml, [tool.ruff]) on the Python ones, lint and format. Changes nothing; exits
# non-zero naming what differs. `scripts/lint.sh --fix` rewrites the files instead.
# Usage: scripts/lint.sh [--fix] [VENV]   (ruff from VENV/bin, else from PATH)
set -euo pipefail
cd "$(dirname "$0")/.."

fix=0
if [[ "${1:-}" == --fix ]]; then
  fix=1
  shift
fi
ruff=ruff
if [[ $# -ge 1 ]]; then ruff="$1/bin/ruff"; fi

# Generated tables (tools/generate_*_table.py) keep the generator's layout: one row a line.
mapfile -t sources < <(git ls-files '*.hpp' '*.cpp' | grep -v -E '^include/kerncijfers/detail/[a-z_]+_table\.hpp$')
if ((fix)); then
  clang-format -i "${sources[@]}"
  "$ruff" check --fix .
  "$ruff" format .
else
  clang-format --dry-run --Werror "${sources[@]}"
  "$ruff" check .
  "$ruff" format --check .
fi
echo "lint: ${#sources[@]} C++ files and the Python sources are formatted and clean"
