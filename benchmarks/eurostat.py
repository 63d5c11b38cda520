"""All of Europe from Eurostat's real file: kerncijfers against polars and pandas.

    python -m benchmarks.eurostat                  # the shared real file; updates docs/benchmarks.md
    python -m benchmarks.eurostat --output -       # print only
    python -m benchmarks.eurostat --file F.csv.gz --repeat 1 --no-memory --output -   # (the tests)

The task, as a data scientist has it: from ``migr_asyappctza`` (Eurostat's annual asylum
applicants by citizenship, the complete dataset: 6,268,730 rows, gzip-compressed CSV in the
``eurostat`` packages' tidy layout), for every reporting country (``geo``, EU27_2020 included)
in 2021, first-time applicants (``asyl_app`` NASY_APP), all sexes (``sex`` T), all ages
(``age`` TOTAL), persons (``unit`` PER): the top 5 citizenships by count (ties to the smaller
Eurostat code), "unknown" (``UNK``) and "other" (what Eurostat's TOTAL leaves after those,
never below 0: the other citizenships, aggregates such as EU27_2020 and EXT_EU27_2020 left
out, plus the difference Eurostat's rounding of each count to 5 makes; without a TOTAL row the
citizenships' sum is the total), whole-percent shares of those seven by largest remainder (the floor of each exact percentage, the points left over to the largest
remainders, ties to the larger count, then to the earlier position: top 1..5, other, unknown),
so that they sum to exactly 100, and the total rounded to tens half up.

Each engine reads the gzip file itself and is timed from the path to its result, in this
process, the engines taking turns:

- **kerncijfers**: ``read_eurostat(path, asyl_app=["NASY_APP"], periods=[Year(2021)])``
  (sex T, age TOTAL and unit PER are its defaults) and ``europe(data, Year(2021))``: the file
  is inflated on a second thread (ISA-L where the build has it) while the first parses, rows
  that the selection drops are read no further than the code that drops them.
- **polars**: ``scan_csv`` with the filters (pushed down into the reader), ``collect``, then
  the computation in polars expressions (rank by ``sort`` + ``cum_count().over("geo")``,
  ``group_by`` for the totals, the largest remainder with integer arithmetic and a second
  ordered rank). polars uses its own thread pool (every core by default).
- **pandas**: ``read_csv`` (``keep_default_na=False``: ``NA`` is Namibia), boolean filters,
  then the same computation with ``sort_values``, ``groupby(...).cumcount()`` and integer
  columns.

Before anything is timed the three results are compared exactly (every country's top codes,
counts, shares, other, unknown, totals); a difference stops the benchmark. Peak memory is
measured per engine in a subprocess of its own (``--measure ENGINE``): the resident-set
high-water mark during the task minus the resident set just before it (imports done and a
warm-up run on a tiny file first), and the high-water mark itself.

polars is optional: without it the polars column says so and its targets are not judged.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import gzip
import importlib
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO / "docs" / "benchmarks.md"
FILE = Path("eurostat") / "migr_asyappctza_2008_2022.csv.gz"

YEAR = 2021
ASYL_APP = "NASY_APP"
TOP = 5
UNKNOWN = "UNK"
# Eurostat's aggregate citizenships in this dataset (PROVENANCE.md): sums, not nationalities.
AGGREGATES = ("EU27_2020", "EXT_EU27_2020")  # and TOTAL, which is the total
TOTAL = "TOTAL"

# The targets.
TARGET_POLARS_RATIO = 2.0
TARGET_PANDAS_RATIO = 10.0
TARGET_MEMORY_FRACTION = 0.10
# The reading floor: a selection no row matches (sex codes are T, M, F, UNK).
FLOOR = "reading floor"
NO_SUCH_SEX = "none"
# Within 10% of the whole task the floor is the whole task, as far as timing can tell.
FLOOR_BOUND = 0.9

SECTION_START = "<!-- benchmarks.eurostat: start -->"
SECTION_END = "<!-- benchmarks.eurostat: end -->"

# One country's result: ((citizen, count, share) of the top, best first), other, other's
# share, unknown, unknown's share, total, rounded total.
Row = tuple[tuple[tuple[str, int, int], ...], int, int, int, int, int, int]
Result = dict[str, Row]


class ResultsDiffer(AssertionError):
    """The engines did not compute the same result: nothing is timed."""


def shared_file() -> Path:
    """The real file: $KERNCIJFERS_SHARED_DATA (the data directory or the one above), else <repo>/../shared/data."""
    env = os.environ.get("KERNCIJFERS_SHARED_DATA")
    if env:
        base = Path(env)
        return base / FILE if (base / FILE).exists() else base / "data" / FILE
    return REPO.parent / "shared" / "data" / FILE


def polars_available() -> bool:
    return importlib.util.find_spec("polars") is not None


# ---------------------------------------------------------------------------------------
# The engines: each returns its natural result (timed) and a converter to `Result` (not timed).


def run_kerncijfers(path: Path) -> Any:
    import kerncijfers as kc

    data = kc.read_eurostat(path, asyl_app=[ASYL_APP], periods=[kc.Year(YEAR)])
    return kc.europe(data, kc.Year(YEAR), asyl_app=ASYL_APP, top=TOP)


def run_reading_floor(path: Path) -> Any:
    """kerncijfers reading the file with a selection that no row matches: every byte inflated and
    every line split up to the code that drops it, nothing parsed further. Not an engine (it
    computes nothing): it shows what the whole task costs beyond inflating and scanning."""
    import kerncijfers as kc

    return kc.read_eurostat(path, sex=NO_SUCH_SEX)


def result_kerncijfers(rows: Any) -> Result:
    return {
        r.geo: (
            tuple((e.citizen, int(e.count), int(e.share)) for e in r.top),
            int(r.other),
            int(r.other_share),
            int(r.unknown),
            int(r.unknown_share),
            int(r.total),
            int(r.rounded_total),
        )
        for r in rows
    }


def run_polars(path: Path) -> Any:
    import polars as pl

    counts = (
        pl.scan_csv(path)
        .filter(
            (pl.col("sex") == "T")
            & (pl.col("age") == "TOTAL")
            & (pl.col("unit") == "PER")
            & (pl.col("asyl_app") == ASYL_APP)
            & (pl.col("time") == YEAR)
            & ~pl.col("citizen").is_in(AGGREGATES)
        )
        .select("geo", "citizen", pl.col("values").cast(pl.Int64))
        .collect()
        .lazy()
    )
    sums = counts.group_by("geo").agg(
        pl.col("values").filter(pl.col("citizen") != TOTAL).sum().alias("citizenships"),
        pl.col("values").filter(pl.col("citizen") == TOTAL).first().alias("published"),
        pl.col("values").filter(pl.col("citizen") == UNKNOWN).sum().alias("unknown"),
    )
    top = (
        counts.filter(~pl.col("citizen").is_in([UNKNOWN, TOTAL]) & (pl.col("values") > 0))
        .sort(["geo", "values", "citizen"], descending=[False, True, False])
        .with_columns(pl.col("citizen").cum_count().over("geo").alias("position"))
        .with_columns(pl.col("position") - 1)
        .filter(pl.col("position") < TOP)
        .select("geo", "position", "citizen", "values")
    )
    totals = (
        sums.join(top.group_by("geo").agg(pl.col("values").sum().alias("ranked")), on="geo", how="left")
        .with_columns(pl.col("ranked").fill_null(0))
        .with_columns(
            pl.max_horizontal(
                pl.coalesce("published", "citizenships") - pl.col("unknown") - pl.col("ranked"), pl.lit(0)
            ).alias("other")
        )
        .with_columns((pl.col("ranked") + pl.col("unknown") + pl.col("other")).alias("total"))
    )
    other = totals.select(
        "geo", pl.lit(TOP, dtype=pl.UInt32).alias("position"), pl.lit("").alias("citizen"), pl.col("other")
    ).rename({"other": "values"})
    unknown = totals.select(
        "geo", pl.lit(TOP + 1, dtype=pl.UInt32).alias("position"), pl.lit("").alias("citizen"), pl.col("unknown")
    ).rename({"unknown": "values"})
    parts = (
        pl.concat([top.with_columns(pl.col("position").cast(pl.UInt32)), other, unknown])
        .join(totals.select("geo", "total"), on="geo")
        .with_columns(
            pl.when(pl.col("total") > 0).then(100 * pl.col("values") // pl.col("total")).otherwise(0).alias("floor"),
            pl.when(pl.col("total") > 0).then(100 * pl.col("values") % pl.col("total")).otherwise(0).alias("rest"),
        )
        .with_columns(
            pl.when(pl.col("total") > 0).then(100 - pl.col("floor").sum().over("geo")).otherwise(0).alias("left")
        )
        .sort(["geo", "rest", "values", "position"], descending=[False, True, True, False])
        .with_columns((pl.col("rest").cum_count().over("geo") - 1).alias("order"))
        .with_columns((pl.col("floor") + (pl.col("order") < pl.col("left")).cast(pl.Int64)).alias("share"))
        .select("geo", "position", "citizen", "values", "share")
    )
    rounded = totals.select("geo", "total", ((pl.col("total") + 5) // 10 * 10).alias("rounded_total"))
    return pl.collect_all([parts, rounded])


def result_polars(frames: Any) -> Result:
    parts, totals = frames
    return _result_from_records(parts.to_dicts(), totals.to_dicts())


def run_pandas(path: Path) -> Any:
    import pandas as pd

    frame = pd.read_csv(path, keep_default_na=False, na_values=[""], dtype={"values": "int64", "time": "int64"})
    counts = frame.loc[
        (frame["sex"] == "T")
        & (frame["age"] == "TOTAL")
        & (frame["unit"] == "PER")
        & (frame["asyl_app"] == ASYL_APP)
        & (frame["time"] == YEAR)
        & ~frame["citizen"].isin(AGGREGATES),
        ["geo", "citizen", "values"],
    ]
    is_unknown = counts["citizen"] == UNKNOWN
    is_total = counts["citizen"] == TOTAL
    geo = counts["geo"]
    totals = pd.DataFrame(
        {
            "citizenships": counts["values"].where(~is_total, 0).groupby(geo).sum(),
            "published": counts.loc[is_total].groupby("geo")["values"].first(),
            "unknown": counts["values"].where(is_unknown, 0).groupby(geo).sum(),
        }
    )
    known = counts.loc[~is_unknown & ~is_total & (counts["values"] > 0)].sort_values(
        ["geo", "values", "citizen"], ascending=[True, False, True]
    )
    known = known.assign(position=known.groupby("geo").cumcount())
    top = known.loc[known["position"] < TOP]
    ranked = top.groupby("geo")["values"].sum().reindex(totals.index, fill_value=0)
    whole = totals["published"].fillna(totals["citizenships"]).astype("int64")
    totals["other"] = (whole - totals["unknown"] - ranked).clip(lower=0)
    totals["total"] = ranked + totals["unknown"] + totals["other"]
    other = pd.DataFrame({"geo": totals.index, "position": TOP, "citizen": "", "values": totals["other"].to_numpy()})
    unknown = pd.DataFrame(
        {"geo": totals.index, "position": TOP + 1, "citizen": "", "values": totals["unknown"].to_numpy()}
    )
    parts = pd.concat([top[["geo", "position", "citizen", "values"]], other, unknown], ignore_index=True)
    total = parts["geo"].map(totals["total"])
    safe = total.where(total > 0, 1)
    parts["floor"] = (100 * parts["values"] // safe).where(total > 0, 0)
    parts["rest"] = (100 * parts["values"] % safe).where(total > 0, 0)
    parts["left"] = (100 - parts.groupby("geo")["floor"].transform("sum")).where(total > 0, 0)
    parts = parts.sort_values(["geo", "rest", "values", "position"], ascending=[True, False, False, True])
    parts["share"] = parts["floor"] + (parts.groupby("geo").cumcount() < parts["left"]).astype("int64")
    rounded = totals.assign(rounded_total=(totals["total"] + 5) // 10 * 10).reset_index()
    return parts[["geo", "position", "citizen", "values", "share"]], rounded[["geo", "total", "rounded_total"]]


def result_pandas(frames: Any) -> Result:
    parts, totals = frames
    return _result_from_records(parts.to_dict("records"), totals.to_dict("records"))


def _result_from_records(parts: list[dict[str, Any]], totals: list[dict[str, Any]]) -> Result:
    by_geo: dict[str, dict[int, tuple[str, int, int]]] = {}
    for p in parts:
        by_geo.setdefault(str(p["geo"]), {})[int(p["position"])] = (
            str(p["citizen"]),
            int(p["values"]),
            int(p["share"]),
        )
    result: Result = {}
    for t in totals:
        geo = str(t["geo"])
        slots = by_geo.get(geo, {})
        top = tuple(slots[i] for i in range(TOP) if i in slots)
        _, other, other_share = slots.get(TOP, ("", 0, 0))
        _, unknown, unknown_share = slots.get(TOP + 1, ("", 0, 0))
        result[geo] = (top, other, other_share, unknown, unknown_share, int(t["total"]), int(t["rounded_total"]))
    return result


ENGINES: dict[str, tuple[Callable[[Path], Any], Callable[[Any], Result]]] = {
    "kerncijfers": (run_kerncijfers, result_kerncijfers),
    "polars": (run_polars, result_polars),
    "pandas": (run_pandas, result_pandas),
}


def available_engines() -> list[str]:
    return [name for name in ENGINES if name != "polars" or polars_available()]


# ---------------------------------------------------------------------------------------
# Correctness, time, memory


def differences(a: Result, b: Result, limit: int = 5) -> list[str]:
    out = [f"geo {g}: only in the first" for g in sorted(set(a) - set(b))]
    out += [f"geo {g}: only in the second" for g in sorted(set(b) - set(a))]
    out += [f"geo {g}: {a[g]} != {b[g]}" for g in sorted(set(a) & set(b)) if a[g] != b[g]]
    return out[:limit]


def check_invariants(result: Result) -> None:
    for geo, (top, other, other_share, unknown, unknown_share, total, rounded) in result.items():
        shares = [s for _, _, s in top] + [other_share, unknown_share]
        counts = [c for _, c, _ in top] + [other, unknown]
        if sum(counts) != total:
            raise ResultsDiffer(f"{geo}: the counts add up to {sum(counts)}, not the total {total}")
        if sum(shares) != (100 if total > 0 else 0):
            raise ResultsDiffer(f"{geo}: the shares add up to {sum(shares)}")
        if rounded % 10 != 0 or abs(rounded - total) > 5:
            raise ResultsDiffer(f"{geo}: {total} rounded to {rounded}")


def verify(path: Path, engines: list[str]) -> Result:
    """Runs every engine once and raises ResultsDiffer unless they agree; returns the result."""
    results = {name: ENGINES[name][1](ENGINES[name][0](path)) for name in engines}
    reference = results[engines[0]]
    check_invariants(reference)
    for name in engines[1:]:
        found = differences(reference, results[name])
        if found:
            raise ResultsDiffer(f"{name} vs {engines[0]}: " + "; ".join(found))
    return reference


def time_engines(path: Path, engines: list[str], repeat: int, log: Callable[[str], None]) -> dict[str, list[float]]:
    """`repeat` timed calls per engine, the engines taking turns, the collector off during each."""
    names = [*engines, FLOOR]
    seconds: dict[str, list[float]] = {name: [] for name in names}
    for r in range(repeat):
        for name in names:
            run = run_reading_floor if name == FLOOR else ENGINES[name][0]
            gc.collect()
            gc.disable()
            try:
                start = time.perf_counter()
                result = run(path)
                seconds[name].append(time.perf_counter() - start)
            finally:
                gc.enable()
            del result
        log(f"  repetition {r + 1}/{repeat}: " + ", ".join(f"{n} {seconds[n][-1]:.3f} s" for n in names))
    return seconds


def _status_kib(field: str) -> int | None:
    status = Path("/proc/self/status")
    if not status.exists():
        return None
    for line in status.read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return None


def tiny_extract(directory: Path) -> Path:
    """A small gzip file in the real file's layout, for warm-ups and the tests."""
    lines = ["freq,citizen,sex,unit,age,asyl_app,geo,time,values"]
    for geo in ("AT", "NL"):
        for i, citizen in enumerate(("AF", "SY", "UNK", "TOTAL", "NA", "TR", "IQ")):
            for sex in ("T", "F"):
                lines.append(f"A,{citizen},{sex},PER,TOTAL,{ASYL_APP},{geo},{YEAR},{5 * (i + 1)}")
    path = directory / "tiny.csv.gz"
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    return path


def measure(engine: str, path: Path) -> dict[str, Any]:
    """Peak memory of one engine's task, in this process (run it in a process of its own)."""
    run = ENGINES[engine][0]
    with tempfile.TemporaryDirectory() as tmp:
        run(tiny_extract(Path(tmp)))  # imports, lazy modules, thread pools
    gc.collect()
    try:
        Path("/proc/self/clear_refs").write_text("5")
        reset = True
    except OSError:
        reset = False
    base = (_status_kib("VmRSS") or 0) * 1024
    result = run(path)
    peak = (_status_kib("VmHWM") or 0) * 1024
    del result
    return {"engine": engine, "base": base, "peak": peak, "above_base": max(peak - base, 0), "peak_reset": reset}


def memory_runs(path: Path, engines: list[str], log: Callable[[str], None]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for name in engines:
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.eurostat", "--measure", name, "--file", str(path)],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        )
        out[name] = json.loads(done.stdout)
        log(f"  {name}: {out[name]['above_base'] / 2**20:.1f} MiB above its base")
    return out


# ---------------------------------------------------------------------------------------
# The report


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for name in ("kerncijfers", "polars", "pandas", "numpy", "pyarrow"):
        try:
            out[name] = str(importlib.import_module(name).__version__)
        except ImportError:
            out[name] = "not installed"
    return out


def git_revision() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def seconds_text(s: float) -> str:
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"


def report(
    path: Path,
    engines: list[str],
    result: Result,
    seconds: dict[str, list[float]],
    memory: dict[str, dict[str, Any]] | None,
    env: dict[str, Any],
) -> str:
    v = env["versions"]
    median = {n: statistics.median(s) for n, s in seconds.items()}
    kc_time = median["kerncijfers"]
    lines = [
        SECTION_START,
        "## All of Europe from Eurostat's real file (`python -m benchmarks.eurostat`)",
        "",
        f"Latest run: **{env['date']}**, revision {env['revision']}, on {env['cpu']} ({env['cores']} cores); "
        f"Python {v['python']}, kerncijfers {v['kerncijfers']} (gzip inflater: {env['inflater']}), "
        f"polars {v['polars']} ({env['polars_threads']} threads), pandas {v['pandas']}, pyarrow {v['pyarrow']}. "
        f"Load average before: {env['load_before']}; after: {env['load_after']}.",
        "",
        f"The file: `{path.name}` ({path.stat().st_size / 2**20:.1f} MiB gzip, {env['rows']}). The task: every "
        f"reporting country's top {TOP} citizenships of first-time applicants in {YEAR} (sex T, age TOTAL, unit "
        "PER), other, unknown, shares summing to 100 by largest remainder and totals rounded to tens; each engine "
        "from the path to its result, in one process (details: `benchmarks/eurostat.py`).",
        "",
        f"Before timing, the results of {', '.join(engines)} were compared exactly: **identical** for all "
        f"{len(result)} reporting countries (top codes, counts, shares, other, unknown, totals). "
        + (
            ""
            if "polars" in engines
            else "polars is not installed here, so it was not run and its targets are not judged. "
        ),
        "",
        f"| engine | median of {len(seconds['kerncijfers'])} | fastest | vs kerncijfers | peak RSS above base | peak RSS |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name in engines:
        mem = memory.get(name) if memory else None
        lines.append(
            f"| {name} | {seconds_text(median[name])} | {seconds_text(min(seconds[name]))} | "
            f"{median[name] / kc_time:.1f}x | "
            + (f"{mem['above_base'] / 2**20:.0f} MiB | {mem['peak'] / 2**20:.0f} MiB |" if mem else "- | - |")
        )
    nl = result.get("NL")
    if nl:
        top, other, other_share, unknown, unknown_share, total, rounded = nl
        lines += [
            "",
            f"Spot check, NL {YEAR}: total {total:,} (rounded {rounded:,}); "
            + ", ".join(f"{c} {n:,} ({s}%)" for c, n, s in top)
            + f"; other {other:,} ({other_share}%); unknown {unknown:,} ({unknown_share}%).",
        ]
    lines += ["", "| target | measured | met |", "| --- | --- | --- |"]

    def verdict(ok: bool | None) -> str:
        return "not judged (engine absent)" if ok is None else ("yes" if ok else "**no**")

    polars_ratio = median["polars"] / kc_time if "polars" in median else None
    pandas_ratio = median["pandas"] / kc_time if "pandas" in median else None
    lines.append(
        f"| >= {TARGET_POLARS_RATIO:g}x faster than polars | "
        + (f"{polars_ratio:.1f}x" if polars_ratio else "-")
        + f" | {verdict(None if polars_ratio is None else polars_ratio >= TARGET_POLARS_RATIO)} |"
    )
    lines.append(
        f"| >= {TARGET_PANDAS_RATIO:g}x faster than pandas | "
        + (f"{pandas_ratio:.1f}x" if pandas_ratio else "-")
        + f" | {verdict(None if pandas_ratio is None else pandas_ratio >= TARGET_PANDAS_RATIO)} |"
    )
    if memory and "polars" in memory:
        fraction = memory["kerncijfers"]["above_base"] / max(memory["polars"]["above_base"], 1)
        lines.append(
            f"| peak memory <= {TARGET_MEMORY_FRACTION:.0%} of polars' | {fraction:.1%} (RSS above base) | "
            f"{verdict(fraction <= TARGET_MEMORY_FRACTION)} |"
        )
    else:
        lines.append(f"| peak memory <= {TARGET_MEMORY_FRACTION:.0%} of polars' | - | {verdict(None)} |")
    if FLOOR in median:
        floor = median[FLOOR]
        lines += [
            "",
            f"Where kerncijfers' time goes: reading the same file with a selection that no row matches "
            f"(every byte inflated, every line scanned up to the code that drops it, nothing kept) takes "
            f"{seconds_text(floor)} (median) against {seconds_text(kc_time)} for the whole task: "
            + (
                "the task is bound by inflating and scanning the file, and parsing the kept rows and computing the "
                "figures cost less than the difference between runs. "
                if floor >= FLOOR_BOUND * kc_time
                else f"parsing the kept rows and computing the figures add {seconds_text(kc_time - floor)}. "
            )
            + (
                f"The pandas target would need the whole task in {seconds_text(median['pandas'] / TARGET_PANDAS_RATIO)}"
                + (
                    ", less than the reading floor itself (the file inflated on one core while the other scans "
                    "its lines)."
                    if median["pandas"] / TARGET_PANDAS_RATIO < floor
                    else "."
                )
                if "pandas" in median
                else ""
            ),
        ]
    lines.append(SECTION_END)
    return "\n".join(lines)


def with_section(document: str, section: str) -> str:
    """`document` with its eurostat section replaced by `section` (appended when it has none)."""
    start, end = document.find(SECTION_START), document.find(SECTION_END)
    if start >= 0 and end > start:
        return document[:start] + section + document[end + len(SECTION_END) :]
    return document.rstrip("\n") + "\n\n" + section + "\n"


def section_of(document: str) -> str | None:
    """The eurostat section of `document`, if it has one (benchmarks.run keeps it)."""
    start, end = document.find(SECTION_START), document.find(SECTION_END)
    return document[start : end + len(SECTION_END)] if start >= 0 and end > start else None


def inflater() -> str:
    import kerncijfers as kc

    return "ISA-L" if kc.default_gzip_inflater == kc.GzipInflater.isal else "zlib"


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.eurostat", description=__doc__.split("\n")[0])
    parser.add_argument("--file", type=Path, help="the Eurostat file (default: the shared real file)")
    parser.add_argument("--repeat", type=int, default=5, help="timed calls per engine (default 5)")
    parser.add_argument("--output", default=str(DEFAULT_OUTPUT), help="Markdown file to update, or - to print only")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-memory subprocesses")
    parser.add_argument("--json", type=Path, help="write the raw measurements here")
    parser.add_argument("--measure", choices=list(ENGINES), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    path = args.file or shared_file()

    if args.measure:
        print(json.dumps(measure(args.measure, path)))
        return ""
    if not path.exists():
        message = (
            f"benchmarks.eurostat: skipped: {path} is absent (the shared data is not next to this clone; "
            "pass --file or set KERNCIJFERS_SHARED_DATA)"
        )
        print(message, file=sys.stderr)
        return message

    def log(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    engines = available_engines()
    if "polars" not in engines:
        log("benchmarks.eurostat: polars is not installed: running kerncijfers and pandas only")
    env: dict[str, Any] = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "revision": git_revision(),
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "versions": versions(),
        "inflater": inflater(),
        "polars_threads": importlib.import_module("polars").thread_pool_size() if "polars" in engines else "-",
        "load_before": ", ".join(f"{x:.2f}" for x in os.getloadavg()),
    }
    with gzip.open(path, "rb") as f:
        env["rows"] = f"{sum(1 for _ in f) - 1:,} rows"
    log(f"checking that {', '.join(engines)} agree on {path}")
    result = verify(path, engines)
    log(f"timing, {args.repeat} calls each")
    seconds = time_engines(path, engines, args.repeat, log)
    memory = None
    if not args.no_memory:
        log("peak memory, one subprocess each:")
        memory = memory_runs(path, engines, log)
    env["load_after"] = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    text = report(path, engines, result, seconds, memory, env)
    print(text)
    if args.output != "-":
        output = Path(args.output)
        output.write_text(with_section(output.read_text() if output.exists() else "", text))
        log(f"written to {output}")
    if args.json:
        args.json.write_text(json.dumps({"environment": env, "seconds": seconds, "memory": memory}, indent=2) + "\n")
    return text


if __name__ == "__main__":
    main()
