#!/usr/bin/env python3
"""Writes tests/python/pickles/kerncijfers-<version>.pkl for the installed kerncijfers.

Run once per release, with the release installed: the file is the promise that pickles
made by this version keep loading in later ones. An existing file is never overwritten.
    python tools/make_golden_pickles.py
"""

from __future__ import annotations

import importlib.util
import pickle
import sys
from pathlib import Path

import kerncijfers

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    spec = importlib.util.spec_from_file_location("golden", ROOT / "tests" / "python" / "test_pickles.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    target = ROOT / "tests" / "python" / "pickles" / f"kerncijfers-{kerncijfers.__version__}.pkl"
    if target.exists():
        print(f"{target} exists; golden pickles are never rewritten", file=sys.stderr)
        return 1
    with target.open("wb") as stream:
        pickle.dump(module.golden_objects(), stream, protocol=4)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
