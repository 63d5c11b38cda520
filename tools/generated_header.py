"""What the generators of the data tables in include/kerncijfers/detail/ share: C++ string
literals, and writing a generated header (or, with --check, failing when it is stale)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cpp_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_or_check(description: str, header: Path, render: Callable[[], str]) -> int:
    """The command line of a generator: writes `render()` to `header`, or with --check writes
    nothing and returns 1 when the header differs from it."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="write nothing; fail when the header is out of date")
    args = parser.parse_args()
    text = render()
    old = header.read_text(encoding="utf-8") if header.exists() else None
    if old == text:
        return 0
    if args.check:
        print(f"{header.relative_to(ROOT)} is out of date", file=sys.stderr)
        return 1
    header.write_text(text, encoding="utf-8")
    print(f"wrote {header.relative_to(ROOT)}")
    return 0
