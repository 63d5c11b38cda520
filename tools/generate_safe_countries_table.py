#!/usr/bin/env python3
"""Generate include/kerncijfers/detail/safe_countries_table.hpp from data/nl_safe_countries.csv.

The CSV is the curated list of Dutch safe-country-of-origin designations (see
data/nl_safe_countries.md for its sources and derivation rules). The generated header holds
the rows as constants, with the dates exactly as written in the CSV; the C++ side parses and
validates them with the same code that reads a user's CSV (kerncijfers::load_safe_countries),
so the built-in list and a loaded copy of the CSV cannot differ in meaning.

This script checks the rows before writing anything, so that a broken CSV fails here with a
message naming the line and column rather than as a C++ exception at run time:
  - the header is exactly: country,from,from_known,to,to_known,note,source
  - country is an alpha-3 code of the project's nationality table data/nationalities.csv
    (which kerncijfers::nationality is generated from; it includes XKX = Kosovo), or, where
    that file is absent, of ISO 3166-1 (iso-codes package) plus data/nationality_extra_codes.csv
  - from/to are empty, YYYY-MM or YYYY-MM-DD and real dates; from_known/to_known are true/false
  - the combinations of empty dates and known flags that safe_countries.hpp accepts

Usage:
  tools/generate_safe_countries_table.py           # write the header
  tools/generate_safe_countries_table.py --check   # exit 1 when the header is out of date
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CSV_PATH = ROOT / "data" / "nl_safe_countries.csv"
EXTRA_CODES_PATH = ROOT / "data" / "nationality_extra_codes.csv"
NATIONALITIES_PATH = ROOT / "data" / "nationalities.csv"
HEADER_PATH = ROOT / "include" / "kerncijfers" / "detail" / "safe_countries_table.hpp"
ISO_3166_PATH = Path("/usr/share/iso-codes/json/iso_3166-1.json")

COLUMNS = ["country", "from", "from_known", "to", "to_known", "note", "source"]
DATE_RE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


class DataError(Exception):
    """A row of the CSV that the C++ reader would reject."""


def known_codes(iso_path: Path) -> set[str] | None:
    """Alpha-3 codes accepted as countries, or None when no code list is available."""
    if NATIONALITIES_PATH.exists():
        with NATIONALITIES_PATH.open(newline="", encoding="utf-8") as f:
            return {row["alpha3"] for row in csv.DictReader(f)}
    if not iso_path.exists():
        return None
    codes = {entry["alpha_3"] for entry in json.loads(iso_path.read_text(encoding="utf-8"))["3166-1"]}
    if EXTRA_CODES_PATH.exists():
        with EXTRA_CODES_PATH.open(newline="", encoding="utf-8") as f:
            codes |= {row["alpha3"] for row in csv.DictReader(f)}
    return codes


def parse_date(text: str, where: str) -> tuple[datetime.date, str] | None:
    """(first day, "day" or "month") for a date cell, None for an empty one."""
    if text == "":
        return None
    match = DATE_RE.match(text)
    if not match:
        raise DataError(f'{where}: cannot parse "{text}" as a date (YYYY-MM-DD or YYYY-MM)')
    year, month, day = int(match[1]), int(match[2]), int(match[3] or 1)
    try:
        first = datetime.date(year, month, day)
    except ValueError:
        raise DataError(f'{where}: "{text}" is not a real date') from None
    return first, ("day" if match[3] else "month")


def parse_flag(text: str, where: str) -> bool:
    if text not in ("true", "false"):
        raise DataError(f'{where}: cannot parse "{text}" as true or false')
    return text == "true"


def read_rows(csv_path: Path, codes: set[str] | None) -> list[tuple[int, list[str]]]:
    with csv_path.open(newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f, strict=True)
        header = next(reader, None)
        if header != COLUMNS:
            raise DataError(f"{csv_path}, line 1: header must be {','.join(COLUMNS)}, not {header}")
        rows = []
        while True:
            line = reader.line_num + 1  # where the next record starts
            row = next(reader, None)
            if row is None:
                break
            if row == []:
                continue  # a blank line, skipped like the C++ reader does
            if len(row) != len(COLUMNS):
                raise DataError(f"{csv_path}, line {line}: {len(row)} fields, the header has {len(COLUMNS)}")

            def where(column: str) -> str:
                return f'{csv_path}, line {line}, column {COLUMNS.index(column) + 1} ("{column}")'

            country, from_text, from_known_text, to_text, to_known_text, _note, _source = row
            if codes is not None and country not in codes:
                raise DataError(f'{where("country")}: unknown alpha-3 code "{country}"')
            start = parse_date(from_text, where("from"))
            from_known = parse_flag(from_known_text, where("from_known"))
            end = parse_date(to_text, where("to"))
            to_known = parse_flag(to_known_text, where("to_known"))
            if start is None and from_known:
                raise DataError(f"{where('from_known')}: from_known is true but from is empty")
            if start is not None and end is None and not to_known:
                raise DataError(f"{where('to_known')}: to_known is false but to is empty")
            if start is None and end is None and to_known:
                raise DataError(f"{where('to_known')}: an undated listing (from and to empty) needs to_known false")
            if start is not None and end is not None and end[0] <= start[0]:
                raise DataError(f'{where("to")}: to "{to_text}" is not after from "{from_text}"')
            rows.append((line, row))
    return rows


def cpp_string(text: str) -> str:
    """A C++ string literal for `text` (UTF-8 kept as is; quotes, backslashes and controls escaped)."""
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ord(ch) < 0x20:
            out.append(f"\\{ord(ch):03o}")  # octal escapes stop after three digits
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def render(rows: list[tuple[int, list[str]]]) -> str:
    lines = [
        "#pragma once",
        "/// \\file safe_countries_table.hpp",
        "/// GENERATED FILE - do not edit. Made by tools/generate_safe_countries_table.py from",
        "/// data/nl_safe_countries.csv (sources and derivation rules: data/nl_safe_countries.md).",
        "/// The rows of the built-in Dutch list of safe countries of origin, with dates as written",
        "/// in the CSV; `kerncijfers::nl_safe_countries()` parses and validates them.",
        "",
        "#include <array>",
        "#include <string_view>",
        "",
        "namespace kerncijfers::detail::nl_safe_countries_table {",
        "",
        "/// One CSV row, every field as text.",
        "struct row {",
        "  int line;  // where the row starts in the CSV",
        "  std::string_view country;",
        "  std::string_view from;",
        "  std::string_view from_known;",
        "  std::string_view to;",
        "  std::string_view to_known;",
        "  std::string_view note;",
        "  std::string_view source;",
        "};",
        "",
        "/// The CSV file the rows come from, for messages.",
        'inline constexpr std::string_view source_name = "data/nl_safe_countries.csv";',
        "",
        "/// The rows, in file order.",
        f"inline constexpr std::array<row, {len(rows)}> rows = {{{{",
    ]
    for line, row in rows:
        lines.append(f"    {{{line},\n     " + ",\n     ".join(cpp_string(field) for field in row) + "},")
    lines += ["}};", "", "}  // namespace kerncijfers::detail::nl_safe_countries_table", ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only check that the header is up to date")
    parser.add_argument("--csv", type=Path, default=CSV_PATH, help="input CSV (default: %(default)s)")
    parser.add_argument("--output", type=Path, default=HEADER_PATH, help="header to write (default: %(default)s)")
    parser.add_argument(
        "--iso-codes",
        type=Path,
        default=ISO_3166_PATH,
        help="iso-codes iso_3166-1.json used to check the codes (default: %(default)s)",
    )
    args = parser.parse_args()

    codes = known_codes(args.iso_codes)
    if codes is None:
        print(
            f"note: neither {NATIONALITIES_PATH} nor {args.iso_codes} found; country codes are not checked",
            file=sys.stderr,
        )
    try:
        text = render(read_rows(args.csv, codes))
    except DataError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2

    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date; run {Path(__file__).name}", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date")
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} ({len(text.splitlines())} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
