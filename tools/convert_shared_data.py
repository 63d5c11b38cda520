#!/usr/bin/env python3
"""Converts the project's shared real data into the kerncijfers CSV schemas.

Reads three files of the shared data folder (default ``/work/shared/data``, or the folder
given as the first argument) and writes three files of ``data/``:

  cbs83102_top7_monthly.csv   -> data/counts_cbs83102_top7_monthly.csv
  cbs_totals_releases.csv     -> data/counts_cbs_totals_releases.csv
  dtv_departures_yearly.csv   -> data/departures_dtv_yearly.csv

The schemas are those of notes/KEY_FIGURES.md (``period,category,nationality,count,source,
release`` and ``period,group,mode,count,source,release``). The conversion only renames and
reformats: every output row is one input value, in input order; nothing is estimated,
summed or dropped. Every mapping is an explicit table below, and a value outside a table
stops the script with the file, line and value, so a changed input cannot be converted
silently into something else.

Releases (vintages) are derived only from what the input states: the CBS news addresses
carry ``/nieuws/YYYY/WW/`` (``/news/`` on the English site), the year and ISO week of
publication, so the release is ``YYYY-Www``; a reprint whose row notes name the CBS release
it reprints gets that month; everything else is undated (empty release). See data/README.md.

After converting, the script checks the vintage rule on the written counts: rows with the
same (period, category, nationality) key must differ in release (the latest wins) or agree
in count. It prints how every repeated key resolves, plus the places where rows of
different granularity cover the same months and disagree, and exits 1 on a conflict.

Usage:
  tools/convert_shared_data.py [SHARED_DATA_DIR] [--out-dir DIR]   # write the files
  tools/convert_shared_data.py [SHARED_DATA_DIR] --check           # exit 1 if stale
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = Path("/work/shared/data")

COUNTS_HEADER = ["period", "category", "nationality", "count", "source", "release"]
DEPARTURES_HEADER = ["period", "group", "mode", "count", "source", "release"]

CATEGORIES = {
    "eerste_asielverzoek": "first_application",
    "nareiziger": "family_reunification",
}

# Country names as the shared files write them -> ISO 3166-1 alpha-3.
NATIONALITIES = {
    "TOTAL": "TOTAL",
    "Syria": "SYR",
    "Eritrea": "ERI",
    "Turkey": "TUR",
    "Iraq": "IRQ",
    "Afghanistan": "AFG",
    "Yemen": "YEM",
    "Somalia": "SOM",
    "Algeria": "DZA",
    "Morocco": "MAR",
}

CBS_83102_SOURCE = "CBS StatLine 83102NED (extract: InfoMakersHub/grenzendicht)"


@dataclass(frozen=True)
class Publication:
    """What a source address stands for in our files."""

    source: str
    release: str


# Every source address of cbs_totals_releases.csv. The CBS releases are dated by the ISO
# week in their address; blikopnieuws article numbers carry no date.
PUBLICATIONS = {
    "https://www.cbs.nl/nl-nl/nieuws/2020/18/minder-asielzoekers-en-nareizigers-in-maart-door-corona": Publication(
        "CBS nieuws 2020/18", "2020-W18"
    ),
    "https://www.cbs.nl/nl-nl/nieuws/2020/31/aantal-asielzoekers-en-nareizigers-afgenomen-in-tweede-kwartaal-2020": Publication(
        "CBS nieuws 2020/31", "2020-W31"
    ),
    "https://cbs.nl/en-gb/news/2021/30/more-asylum-seekers-and-following-relatives-in-q2-2021": Publication(
        "CBS news 2021/30 (English edition)", "2021-W30"
    ),
    # The row notes of this article say it carries the "CBS Apr 2021 release".
    "https://www.blikopnieuws.nl/nieuws/288014/daling-asielzoekers-en-nareizigers-in-eerste-kwartaal.html": Publication(
        "blikopnieuws.nl article 288014 (reprint of a CBS release)", "2021-04"
    ),
    # Nothing in the data dates this article or the release it reprints: undated.
    "https://www.blikopnieuws.nl/nieuws/292311/asielinstroom-2021-vooral-tweede-helft-van-het-jaar-toegenomen.html": Publication(
        "blikopnieuws.nl article 292311 (reprint of a CBS release)", ""
    ),
}

DEPARTURE_MODES = {
    "zelfstandig_vertrek": "independent",
    "gedwongen_vertrek": "forced",
    "zelfstandig_zonder_toezicht": "unsupervised",
}

DEPARTURE_PERIODS = {
    "2023 (t/m oktober)": "2023-01/2023-10",
    "2020 (t/m 30 juni)": "2020-01/2020-06",
}

DEPARTURE_PUBLICATIONS = {
    "https://www.dienstterugkeerenvertrek.nl/over-dtv/cijfers": Publication(
        "DT&V cijfers (dienstterugkeerenvertrek.nl/over-dtv/cijfers)", ""
    ),
    "https://www.dienstterugkeerenvertrek.nl/Mediatheek/Vertrekcijfers/index.aspx": Publication(
        "DT&V Vertrekcijfers (older page dienstterugkeerenvertrek.nl/Mediatheek/Vertrekcijfers)", ""
    ),
}

MONTH_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
CBS_QUARTER_RE = re.compile(r"^(\d{4})Q([1-4])$")
YEAR_RE = re.compile(r"^\d{4}$")
COUNT_RE = re.compile(r"^\d+$")
WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")


class ConversionError(Exception):
    """An input value the conversion tables do not cover."""


def fail(path: Path, line: int, column: str, value: str, problem: str) -> ConversionError:
    return ConversionError(f"{path}, line {line}, column {column!r}: {problem}: {value!r}")


def read_rows(path: Path, header: list[str]) -> list[tuple[int, dict[str, str]]]:
    """Rows with their line numbers; the header must be exactly `header`."""
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        found = next(reader, None)
        if found != header:
            raise ConversionError(f"{path}, line 1: expected header {','.join(header)!r}, found {found!r}")
        rows = []
        for fields in reader:
            if len(fields) != len(header):
                raise ConversionError(f"{path}, line {reader.line_num}: {len(fields)} fields, expected {len(header)}")
            rows.append((reader.line_num, dict(zip(header, fields))))
        return rows


def convert_period(path: Path, line: int, value: str) -> str:
    if MONTH_RE.match(value) or YEAR_RE.match(value):
        return value
    m = CBS_QUARTER_RE.match(value)
    if m:
        return f"{m.group(1)}-Q{m.group(2)}"
    raise fail(path, line, "period", value, "not a month YYYY-MM, quarter YYYYQn or year YYYY")


def lookup(table: dict[str, str], path: Path, line: int, column: str, value: str) -> str:
    if value not in table:
        raise fail(path, line, column, value, f"not one of {sorted(table)}")
    return table[value]


def check_count(path: Path, line: int, column: str, value: str) -> str:
    if not COUNT_RE.match(value):
        raise fail(path, line, column, value, "not a non-negative integer in plain digits")
    return str(int(value))


def convert_83102(path: Path) -> list[list[str]]:
    out = []
    for line, row in read_rows(path, ["period", "category", "nationality", "count"]):
        if not MONTH_RE.match(row["period"]):
            raise fail(path, line, "period", row["period"], "not a month YYYY-MM")
        out.append(
            [
                row["period"],
                lookup(CATEGORIES, path, line, "category", row["category"]),
                lookup(NATIONALITIES, path, line, "nationality", row["nationality"]),
                check_count(path, line, "count", row["count"]),
                CBS_83102_SOURCE,
                "",  # the extract carries no publication date
            ]
        )
    return out


def convert_totals(path: Path) -> list[list[str]]:
    out = []
    header = ["period", "category", "nationality", "count", "source_url", "note"]
    for line, row in read_rows(path, header):
        publication = PUBLICATIONS.get(row["source_url"])
        if publication is None:
            raise fail(path, line, "source_url", row["source_url"], "unknown source address (add it to PUBLICATIONS)")
        out.append(
            [
                convert_period(path, line, row["period"]),
                lookup(CATEGORIES, path, line, "category", row["category"]),
                lookup(NATIONALITIES, path, line, "nationality", row["nationality"]),
                check_count(path, line, "count", row["count"]),
                publication.source,
                publication.release,
            ]
        )
    return out


def convert_departures(path: Path) -> list[list[str]]:
    out = []
    header = ["year", *DEPARTURE_MODES, "source_url", "note"]
    for line, row in read_rows(path, header):
        year = row["year"]
        period = year if YEAR_RE.match(year) else lookup(DEPARTURE_PERIODS, path, line, "year", year)
        publication = DEPARTURE_PUBLICATIONS.get(row["source_url"])
        if publication is None:
            raise fail(path, line, "source_url", row["source_url"], "unknown source address")
        for column, mode in DEPARTURE_MODES.items():
            out.append(
                [
                    period,
                    "all",
                    mode,
                    check_count(path, line, column, row[column]),
                    publication.source,
                    publication.release,
                ]
            )
    return out


def release_day(release: str) -> datetime.date | None:
    """First day of a release, None for an undated one (older than every dated one)."""
    if release == "":
        return None
    m = WEEK_RE.match(release)
    if m:
        return datetime.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
    m = MONTH_RE.match(release)
    if m:
        return datetime.date(int(m.group(1)), int(m.group(2)), 1)
    return datetime.date.fromisoformat(release)


def release_order(release: str) -> tuple[int, datetime.date]:
    day = release_day(release)
    return (0, datetime.date.min) if day is None else (1, day)


def period_months(period: str) -> list[str]:
    """The months a counts period covers."""
    if MONTH_RE.match(period):
        return [period]
    if YEAR_RE.match(period):
        return [f"{period}-{m:02d}" for m in range(1, 13)]
    year, quarter = period.split("-Q")
    first = 3 * (int(quarter) - 1) + 1
    return [f"{year}-{m:02d}" for m in range(first, first + 3)]


def vintage_report(files: dict[str, list[list[str]]]) -> tuple[list[str], bool]:
    """How every repeated key resolves; False when two rows conflict within one release."""
    seen: dict[tuple[str, str, str], list[tuple[str, int, list[str]]]] = defaultdict(list)
    for name, rows in files.items():
        for index, row in enumerate(rows, start=2):
            seen[(row[0], row[1], row[2])].append((name, index, row))
    lines, ok = [], True
    for key, hits in sorted(seen.items()):
        if len(hits) < 2:
            continue
        by_release: dict[str, set[str]] = defaultdict(set)
        for _, _, row in hits:
            by_release[row[5]].add(row[3])
        where = "; ".join(
            f"{name}:{index} count {row[3]} release {row[5] or '(undated)'} ({row[4]})" for name, index, row in hits
        )
        conflicts = [r for r, counts in by_release.items() if len(counts) > 1]
        if conflicts:
            ok = False
            lines.append(f"CONFLICT {','.join(key)}: same release, different counts: {where}")
            continue
        latest = max(by_release, key=release_order)
        lines.append(
            f"{','.join(key)}: {where} -> {next(iter(by_release[latest]))} "
            f"(release {latest or '(undated)'} is the latest)"
        )
    return lines, ok


def coverage_report(files: dict[str, list[list[str]]]) -> list[str]:
    """Coarser rows next to complete finer rows of the same months that sum differently."""
    latest: dict[tuple[str, str, str], list[str]] = {}
    for rows in files.values():
        for row in rows:
            key = (row[0], row[1], row[2])
            if key not in latest or release_order(row[5]) > release_order(latest[key][5]):
                latest[key] = row
    monthly = {k: v for k, v in latest.items() if MONTH_RE.match(k[0])}
    lines = []
    for key, row in sorted(latest.items()):
        if MONTH_RE.match(key[0]):
            continue
        months = period_months(key[0])
        candidates = {"months": [monthly.get((m, key[1], key[2])) for m in months]}
        if YEAR_RE.match(key[0]):
            candidates["quarters"] = [latest.get((f"{key[0]}-Q{q}", key[1], key[2])) for q in range(1, 5)]
        for label, found in candidates.items():
            pieces = [p for p in found if p is not None]
            if len(pieces) < len(found):
                continue  # not every finer period has a row: nothing to compare
            total = sum(int(p[3]) for p in pieces)
            verdict = "agree" if total == int(row[3]) else f"differ by {total - int(row[3]):+d}"
            sources = sorted({p[4] for p in pieces})
            lines.append(
                f"{','.join(key)} = {row[3]} ({row[4]}) vs sum of its {label} = {total} "
                f"({'; '.join(sources)}): {verdict}"
            )
    return lines


def render(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def check_codes() -> None:
    """Every alpha-3 code we write must be in the project's nationality table, when present."""
    table = ROOT / "data" / "nationalities.csv"
    if not table.exists():
        return
    with table.open(newline="", encoding="utf-8") as f:
        known = {row["alpha3"] for row in csv.DictReader(f)}
    missing = sorted(set(NATIONALITIES.values()) - known - {"TOTAL"})
    if missing:
        raise ConversionError(f"{table}: codes used by the conversion are missing: {missing}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "shared",
        nargs="?",
        type=Path,
        default=DEFAULT_SHARED,
        help=f"folder with the shared CSV files (default {DEFAULT_SHARED})",
    )
    parser.add_argument("--out-dir", type=Path, default=ROOT / "data", help="where to write (default data/)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when a file is out of date")
    args = parser.parse_args(argv)

    try:
        check_codes()
        counts = {
            "counts_cbs83102_top7_monthly.csv": convert_83102(args.shared / "cbs83102_top7_monthly.csv"),
            "counts_cbs_totals_releases.csv": convert_totals(args.shared / "cbs_totals_releases.csv"),
        }
        departures = convert_departures(args.shared / "dtv_departures_yearly.csv")
    except (ConversionError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1

    outputs = {name: render(COUNTS_HEADER, rows) for name, rows in counts.items()}
    outputs["departures_dtv_yearly.csv"] = render(DEPARTURES_HEADER, departures)

    report, ok = vintage_report(counts)
    print("Repeated keys (vintage rule: the latest release wins; undated is oldest):")
    for line in report or ["(none)"]:
        print("  " + line)
    print("Coarser rows vs the sum of their finer rows (latest vintages; tiling uses the coarser row):")
    for line in coverage_report(counts) or ["(none)"]:
        print("  " + line)
    if not ok:
        print("error: rows with the same key and release disagree; not writing", file=sys.stderr)
        return 1

    stale = []
    for name, text in outputs.items():
        path = args.out_dir / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path))
        else:
            with path.open("w", encoding="utf-8", newline="") as f:
                f.write(text)
            print(f"wrote {path} ({text.count(chr(10)) - 1} rows)")
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
