#!/usr/bin/env python3
"""Writes the Eurostat test extracts and the bundled NL file from the shared real file.

Input: the complete annual dataset ``migr_asyappctza`` as the ``eurostat`` R package
cached it (``../shared/data/eurostat/migr_asyappctza_2008_2022.csv.gz`` relative to the
repository, or the file given as the first argument; see the shared ``PROVENANCE.md``,
entry 5). Its layout is the packages' tidy long CSV:
``freq,citizen,sex,unit,age,asyl_app,geo,time,values``.

Output (every value copied as read; nothing is summed, estimated or dropped except by the
filters named here):

  tests/data/eurostat/extract_migr_asyappctza_T_TOTAL.csv.gz
      the rows with sex ``T`` and age ``TOTAL``, every geo, citizen, asyl_app and year, in
      the input's order and layout (about 201,000 rows);
  tests/data/eurostat/extract_migr_asyappctza_T_TOTAL_4geo_bulk.tsv.gz
  tests/data/eurostat/extract_migr_asyappctza_T_TOTAL_4geo_sdmx.csv.gz
  tests/data/eurostat/extract_migr_asyappctza_T_TOTAL_4geo_sdmx2.csv.gz
      the extract's rows for the reporting countries in ``SMALL_GEOS``, reshaped into
      Eurostat's bulk TSV, SDMX-CSV 1.0 and SDMX-CSV 2.0 layouts (all citizens, applicant
      types and years);
  data/eurostat_migr_asyappctza_NL.csv
      the extract's rows for geo ``NL``, tidy layout, uncompressed (the bundled data).

Gzip output is deterministic (mtime 0, no file name in the header, level 9), so running the
tool twice gives the same bytes; ``--check`` compares instead of writing and exits 1 when a
file is stale.

Where each detail of the layouts was confirmed (read with the project's search tool; the
reader of these layouts is ``include/kerncijfers/eurostat.hpp``):

* Bulk TSV. One header cell of comma-separated dimension names ending in ``\\TIME_PERIOD``,
  then one tab-separated column per period, each period header followed by a space
  (``2010 \\t2011 ``); a cell is the value, a space and the flag letters (none here, so
  ``1234 ``), ``:`` for a missing value. Seen in real files: the 2017 bulk file of this very
  dataset quoted in the public repositories mitmirzutun/PHP and a shell script derived from
  it (``citizen,sex,unit,age,asyl_app,geo\\time\\t2016 \\t2015 ...`` with cells ``0 ``), and
  the current ``\\TIME_PERIOD`` form with ``1234 `` / ``1180 p`` / ``:`` cells in test
  fixtures of other public repositories (e.g. an air-traffic and a crop-yield project).
  Dimension order: ``freq,citizen,sex,unit,age,asyl_app,geo``. The 2017 file has
  ``citizen,sex,unit,age,asyl_app,geo``, and the R package's cache (downloaded 2024-01-18
  through the current bulk service, whose first column it splits in order) has
  ``freq,citizen,sex,unit,age,asyl_app,geo``; both agree, so this order is used (not
  ``freq,unit,citizen,...``, which no real file showed). Periods ascending, as the current
  service writes them (the 2017 file had them descending). Series sorted by their key.
  A series without a value for a year gets ``:`` there (the R package did not keep
  missing observations, so every absent year is written as missing, without a flag).
* SDMX-CSV 1.0 (Eurostat's SDMX 2.1 API, ``format=SDMX-CSV``): header
  ``DATAFLOW,LAST UPDATE,<dimensions>,TIME_PERIOD,OBS_VALUE,OBS_FLAG``; first cell
  ``ESTAT:MIGR_ASYAPPCTZA(1.0)``; one row per observation; missing observations left out.
  Seen in test fixtures that mirror live Eurostat responses (e.g. ``ESTAT:MIGR_RESFIRST(1.0),
  22/05/26 11:00:00,A,...``). Current responses add a ``CONF_STATUS`` column after
  ``OBS_FLAG``; this file has the older form without it, and the 2.0 file has it, so the
  reader meets both. ``LAST UPDATE`` (``dd/mm/yy HH:MM:SS`` at Eurostat) is ``18/01/24``, the
  day the R package downloaded the data (recorded in its cache list): the data are that
  day's vintage. The R cache does not keep Eurostat's own update time, so no time of day is
  written rather than an invented one (the date alone is a form Eurostat's clients accept).
  Line ends ``\\n``.
* SDMX-CSV 2.0 (Eurostat's SDMX 3.0 API): header ``STRUCTURE,STRUCTURE_ID,<dimensions>,
  TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS``, rows starting ``dataflow,ESTAT:...(1.0)``.
  The SDMX-CSV 2.0 field guide (sdmx-twg/sdmx-csv) makes ``STRUCTURE`` and ``STRUCTURE_ID``
  the first two columns and lets ``ACTION`` be absent (then "Information" is assumed);
  Eurostat's responses, as mirrored in several public test fixtures, have no ``ACTION``
  column and write ``dataflow`` in lower case. Line ends ``\\r\\n`` (RFC 4180, which
  SDMX-CSV is based on).

Usage:
  tools/make_eurostat_extracts.py [SHARED_FILE] [--out-dir REPO]   # write the files
  tools/make_eurostat_extracts.py [SHARED_FILE] --check            # exit 1 if stale
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_NAME = Path("eurostat") / "migr_asyappctza_2008_2022.csv.gz"

TIDY_HEADER = ["freq", "citizen", "sex", "unit", "age", "asyl_app", "geo", "time", "values"]
# Eurostat's key order for this dataset (see the module docstring).
DIMENSIONS = ["freq", "citizen", "sex", "unit", "age", "asyl_app", "geo"]
DATAFLOW = "ESTAT:MIGR_ASYAPPCTZA(1.0)"
# The day the R package downloaded the data (its cache list), as LAST UPDATE writes a date.
DOWNLOADED = "18/01/24"
SMALL_GEOS = ("DE", "EL", "LV", "NL")
YEARS = tuple(range(2008, 2023))

EXTRACT = Path("tests/data/eurostat/extract_migr_asyappctza_T_TOTAL.csv.gz")
BULK = Path("tests/data/eurostat/extract_migr_asyappctza_T_TOTAL_4geo_bulk.tsv.gz")
SDMX1 = Path("tests/data/eurostat/extract_migr_asyappctza_T_TOTAL_4geo_sdmx.csv.gz")
SDMX2 = Path("tests/data/eurostat/extract_migr_asyappctza_T_TOTAL_4geo_sdmx2.csv.gz")
BUNDLED_NL = Path("data/eurostat_migr_asyappctza_NL.csv")


def default_shared_file() -> Path:
    """The shared file: $KERNCIJFERS_SHARED_DATA (the data folder or the file itself), else
    ``<repo>/../shared/data/...``."""
    env = os.environ.get("KERNCIJFERS_SHARED_DATA")
    if env:
        path = Path(env)
        return path if path.suffix == ".gz" else path / SHARED_NAME
    return ROOT.parent / "shared" / "data" / SHARED_NAME


def gzip_bytes(text: str) -> bytes:
    """``text`` as UTF-8, gzipped without a timestamp or file name (reproducible)."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as out:
        out.write(text.encode("utf-8"))
    return buffer.getvalue()


def read_extract_rows(source: Path) -> list[list[str]]:
    """The rows of ``source`` with sex T and age TOTAL, as read (strings), input order."""
    rows: list[list[str]] = []
    with gzip.open(source, "rt", encoding="utf-8", newline="") as text:
        reader = csv.reader(text)
        header = next(reader)
        if header != TIDY_HEADER:
            sys.exit(f"{source}: header {header!r}, expected {TIDY_HEADER!r}")
        sex = header.index("sex")
        age = header.index("age")
        for line, row in enumerate(reader, start=2):
            if len(row) != len(TIDY_HEADER):
                sys.exit(f"{source}:{line}: {len(row)} cells, expected {len(TIDY_HEADER)}")
            if row[sex] == "T" and row[age] == "TOTAL":
                if not row[-1].isdigit():
                    sys.exit(f"{source}:{line}: value {row[-1]!r} is not a whole number")
                rows.append(row)
    return rows


def csv_text(header: list[str], rows: list[list[str]], line_end: str = "\n") -> str:
    """Rows as CSV (no cell here needs quoting: codes and digits only)."""
    for row in rows:
        for cell in row:
            if any(c in cell for c in ',"\r\n'):
                raise ValueError(f"cell {cell!r} would need quoting")
    lines = [",".join(header)] + [",".join(row) for row in rows]
    return line_end.join(lines) + line_end


def series_of(rows: list[list[str]]) -> dict[tuple[str, ...], dict[int, str]]:
    """Observations grouped by series key (the dimensions in Eurostat's order)."""
    column = {name: i for i, name in enumerate(TIDY_HEADER)}
    series: dict[tuple[str, ...], dict[int, str]] = defaultdict(dict)
    for row in rows:
        key = tuple(row[column[d]] for d in DIMENSIONS)
        year = int(row[column["time"]])
        if year in series[key]:
            raise ValueError(f"series {key} has year {year} twice")
        series[key][year] = row[column["values"]]
    return dict(sorted(series.items()))


def bulk_tsv(rows: list[list[str]]) -> str:
    """Eurostat's bulk TSV of the rows (see the module docstring for each detail)."""
    header = ",".join(DIMENSIONS) + "\\TIME_PERIOD\t" + "\t".join(f"{year} " for year in YEARS)
    lines = [header]
    for key, values in series_of(rows).items():
        if not set(values) <= set(YEARS):
            raise ValueError(f"series {key} has years outside {YEARS[0]}-{YEARS[-1]}")
        cells = [f"{values[year]} " if year in values else ":" for year in YEARS]
        lines.append(",".join(key) + "\t" + "\t".join(cells))
    return "\n".join(lines) + "\n"


def sdmx_rows(rows: list[list[str]]) -> list[tuple[tuple[str, ...], int, str]]:
    """(series key, year, value) of every observation, in series then year order."""
    return [(key, year, values[year]) for key, values in series_of(rows).items() for year in sorted(values)]


def sdmx_csv_1(rows: list[list[str]]) -> str:
    """SDMX-CSV 1.0 as Eurostat's SDMX 2.1 API writes it (older form, no CONF_STATUS)."""
    header = ["DATAFLOW", "LAST UPDATE", *DIMENSIONS, "TIME_PERIOD", "OBS_VALUE", "OBS_FLAG"]
    body = [[DATAFLOW, DOWNLOADED, *key, str(year), value, ""] for key, year, value in sdmx_rows(rows)]
    return csv_text(header, body)


def sdmx_csv_2(rows: list[list[str]]) -> str:
    """SDMX-CSV 2.0 as Eurostat's SDMX 3.0 API writes it."""
    header = ["STRUCTURE", "STRUCTURE_ID", *DIMENSIONS, "TIME_PERIOD", "OBS_VALUE", "OBS_FLAG", "CONF_STATUS"]
    body = [["dataflow", DATAFLOW, *key, str(year), value, "", ""] for key, year, value in sdmx_rows(rows)]
    return csv_text(header, body, "\r\n")


def outputs(source: Path) -> dict[Path, bytes]:
    """Every output file's path (relative to the repository) and bytes."""
    rows = read_extract_rows(source)
    geo = TIDY_HEADER.index("geo")
    small = [row for row in rows if row[geo] in SMALL_GEOS]
    nl = [row for row in rows if row[geo] == "NL"]
    return {
        EXTRACT: gzip_bytes(csv_text(TIDY_HEADER, rows)),
        BULK: gzip_bytes(bulk_tsv(small)),
        SDMX1: gzip_bytes(sdmx_csv_1(small)),
        SDMX2: gzip_bytes(sdmx_csv_2(small)),
        BUNDLED_NL: csv_text(TIDY_HEADER, nl).encode("utf-8"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", nargs="?", type=Path, default=None, help="the shared migr_asyappctza file")
    parser.add_argument("--out-dir", type=Path, default=ROOT, help="the repository to write into")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when a file is stale")
    args = parser.parse_args(argv)
    source = args.source or default_shared_file()
    if not source.is_file():
        sys.exit(f"no shared file {source}: give its path as the first argument or set KERNCIJFERS_SHARED_DATA")
    stale = 0
    for relative, content in outputs(source).items():
        path = args.out_dir / relative
        if args.check:
            if not path.is_file() or path.read_bytes() != content:
                print(f"stale: {relative}")
                stale += 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        print(f"wrote {relative} ({len(content):,} bytes)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
