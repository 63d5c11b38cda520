#!/usr/bin/env python3
"""Writes docs/guide/refusals.md ("What kerncijfers refuses, and why") from the bad-input
catalogue tests/data/bad/catalogue.csv, so the page and the tests speak of the same cases.

    python3 tools/make_refusals_page.py            # write the page
    python3 tools/make_refusals_page.py --check    # exit 1 when the page is stale

The catalogue's columns: file (under tests/data), door (counts, departures, safe_countries, eurostat, cbs:
the reader and the command-line option it reaches), words (|-separated text the message must
contain, besides the file name), class (what is wrong) and why (why it is refused).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "tests" / "data" / "bad" / "catalogue.csv"
PAGE = ROOT / "docs" / "guide" / "refusals.md"

DOORS = {
    "counts": ("Counts", "`read_counts_csv`, `kerncijfers report --data`"),
    "departures": ("Departures", "`read_departures_csv`, `kerncijfers report --departures`"),
    "safe_countries": ("Safe countries of origin", "`load_safe_countries`, `kerncijfers report --safe-countries`"),
    "eurostat": ("Eurostat's asylum data", "`read_eurostat`, `kerncijfers report --eurostat`"),
    "cbs": ("CBS StatLine (83102NED)", "`read_cbs`"),
}

INTRO = """\
# What kerncijfers refuses, and why

A figure that is published must be right. So kerncijfers refuses input it cannot read with
certainty, and says where the problem is, instead of guessing: the message names the file,
and for a bad value its line, column (number and header name) and the value itself, with
control characters and bytes that are not UTF-8 shown escaped (`\\x01`, `\\xEB`). In Python the
error is a `kerncijfers.InvalidInput` (a `ValueError`; `ParseError` for text that does not parse)
or a `kerncijfers.UnknownCode` (a `KeyError`, with `.suggestions`); in C++ the same classes of
`errors.hpp`; the command line prints one line, `kerncijfers: error: ...`, and exits with
status 2, leaving no output file behind.

Some things are not refused but marked: a figure whose inputs contradict each other, overflow,
or leave it incomplete is printed as *unavailable*, *partial* or *inconsistent* with the reason,
and the rest of the page is still computed (see [Key figures](key-figures.md)).

Limits that real files never reach guard against endless input (a device, a pipe that never
ends, a file without line breaks); they are listed in [Data schemas](../data-schema.md).

Every row below is a file in `tests/data/` that the test suite feeds to the reader and to the
command line (`tests/python/test_bad_inputs.py`); the page is written from that catalogue by
`tools/make_refusals_page.py`.
"""


def read_catalogue() -> list[dict[str, str]]:
    with CATALOGUE.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(rows: list[dict[str, str]]) -> str:
    parts = [INTRO]
    for door, (title, entry_points) in DOORS.items():
        parts.append(f"\n## {title}\n\nRead by {entry_points}.\n\n")
        parts.append("| refused | why | example (`tests/data/`) | the message names |\n| --- | --- | --- | --- |\n")
        for row in rows:
            if row["door"] != door:
                continue
            words = ", ".join(
                f"`{w}`" if not w.startswith("line") and not w.startswith("column") else w
                for w in row["words"].split("|")
            )
            parts.append(f"| {cell(row['class'])} | {cell(row['why'])} | `{row['file']}` | {cell(words)} |\n")
    return "".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the page is stale")
    args = parser.parse_args()
    rows = read_catalogue()
    unknown = sorted({row["door"] for row in rows} - DOORS.keys())
    if unknown:
        print(f"{CATALOGUE}: unknown door(s) {unknown}", file=sys.stderr)
        return 1
    text = render(rows)
    if args.check:
        if not PAGE.exists() or PAGE.read_text(encoding="utf-8") != text:
            print(f"{PAGE} is stale: run python3 tools/make_refusals_page.py", file=sys.stderr)
            return 1
        return 0
    PAGE.write_text(text, encoding="utf-8")
    print(f"wrote {PAGE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
