"""Runs the benchmark: kerncijfers against pandas and polars on the EU-scale panel.

    python -m benchmarks.run                      # full run, writes docs/benchmarks.md
    python -m benchmarks.run --output table.md    # elsewhere
    python -m benchmarks.run --quick --output -   # a small panel, seconds (what the tests run)

For every scale (1/4, 1/2, 1 and 2 times the 30 reporting countries) it generates the panel
(fixed seed), runs both steps in all three engines on the same numpy arrays, in this
process, and asserts that their results are the same integers (and that the whole task's
result satisfies its invariants) before timing anything. It then times (a) the rolling step
and (b) the whole task: one warm-up call each, then ``--repeat`` repetitions that go round
every scale and, within a scale, every engine in turn, so that a disturbance hits all of
them alike; short calls are repeated within a repetition, the caches are evicted and the
garbage collector is off for each timed call; medians are reported. Then it measures peak
memory at full scale, one subprocess per (engine, step, measure), and
checks that kerncijfers reads contiguous int64/int32 inputs without copying them.
kerncijfers runs twice: on every core (``threads=0``, the default) and on one (``threads=1``);
the two give the same integers (checked). Beside the medians the report gives ns per input
row, GB/s of input read (the five int64 columns' bytes over the time), and the machine's
memory-read floor measured in the same run (``numpy.sum`` over a large int64 array on one
core): how many times the floor's time each step takes. It prints the machine, the versions
and the thread counts, and writes everything as Markdown.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import importlib
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import numpy as np

from . import eurostat, userpath
from .engines import ENGINES, LABELS, STEP_TITLES, STEPS
from .panel import IntArray, Panel, countries_at, make_panel
from .results import check_invariants, differences, top_shares_differences

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO / "docs" / "benchmarks.md"
DEFAULT_SCALES = (0.25, 0.5, 1.0, 2.0)

# The targets (single-threaded kerncijfers, threads=1, on the 2-core reference machine).
TARGET_PANDAS_RATIO = 20.0
TARGET_POLARS_RATIO = 3.0
TARGET_SECONDS = 0.25
TARGET_MEMORY_FRACTION = 0.25
TARGET_SCALING = 1.3
# Issue 14, target 4: the kernels (on every core) within 2x of the memory-read floor of their input.
TARGET_FLOOR_FACTOR = 2.0
FLOOR_BYTES = 2 * 2**30  # numpy.sum over 2 GiB of int64, as in the issue
FLOOR_BYTES_QUICK = 64 * 2**20
FLOOR_SAMPLES = 7

# Calls shorter than this are repeated within each repetition (at most MAX_CALLS times).
BATCH_SECONDS = 0.3
MAX_CALLS = 25


class ResultsDiffer(AssertionError):
    """The engines did not compute the same integers: nothing is timed."""


@dataclass
class ScaleRun:
    scale: float
    countries: int
    rows: int
    input_bytes: int
    windows: int
    categories: int = 0
    nationalities: int = 0
    months: int = 0
    seconds: dict[tuple[str, str], list[float]] = field(default_factory=dict)
    calls: dict[tuple[str, str], int] = field(default_factory=dict)

    def median(self, engine: str, step: str) -> float:
        return statistics.median(self.seconds[(engine, step)])


# ---------------------------------------------------------------------------------------
# Machine and versions


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def total_memory() -> int | None:
    try:
        psutil = importlib.import_module("psutil")  # optional: the benchmark extra has it
        return int(psutil.virtual_memory().total)
    except ImportError:
        return None


def git_revision() -> str:
    """The commit, and whether the code measured (library, bindings, benchmark) differs from it."""
    try:
        rev = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--", "include", "python", "benchmarks", "CMakeLists.txt"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        return rev + (" + uncommitted changes to the code measured" if changed else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def environment() -> dict[str, Any]:
    import kerncijfers as kc
    import pandas as pd
    import polars as pl

    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "memory": total_memory(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "numpy": np.__version__,
        "pandas": pd.__version__,
        "polars": pl.__version__,
        "kerncijfers": kc.__version__,
        "threads": {
            "kerncijfers": usable,
            "kerncijfers-1": 1,
            "pandas": 1,
            "polars": pl.thread_pool_size(),
        },
        "polars_max_threads_env": os.environ.get("POLARS_MAX_THREADS"),
        "revision": git_revision(),
        "load_before": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }


# ---------------------------------------------------------------------------------------
# Correctness, then time


def verify(panel: Panel) -> None:
    """Runs both steps in every engine and raises ResultsDiffer unless all agree exactly."""
    reference_name = "kerncijfers"
    problems: list[str] = []
    for step in STEPS:
        arrays = {}
        for name, engine in ENGINES.items():
            result = getattr(engine, step)(panel)
            arrays[name] = getattr(engine, f"{step}_arrays")(result, panel)
        for name in ENGINES:
            if name == reference_name:
                continue
            if step == "rolling":
                found = differences("window sums", arrays[reference_name], arrays[name])
            else:
                found = top_shares_differences(arrays[reference_name], arrays[name])
            problems += [f"{step}: {name} vs {reference_name}: {p}" for p in found]
        if step == "whole":
            for name, result in arrays.items():
                problems += [f"whole: {name}: {p}" for p in check_invariants(result)]
    if problems:
        raise ResultsDiffer("the engines disagree:\n  " + "\n  ".join(problems))


def last_level_cache_bytes() -> int:
    """The size of the largest CPU cache (Linux sysfs), 64 MiB when it cannot be read."""
    largest = 0
    for size_file in Path("/sys/devices/system/cpu/cpu0/cache").glob("index*/size"):
        try:
            text = size_file.read_text().strip()
        except OSError:
            continue
        units = {"K": 2**10, "M": 2**20, "G": 2**30}
        value = int(text[:-1]) * units[text[-1]] if text[-1] in units else int(text)
        largest = max(largest, value)
    return largest or 64 * 2**20


class CacheFlusher:
    """Reads a buffer twice the size of the last-level cache before each timed call, so that
    every call starts with the input out of the caches. Without this, a panel that fits in
    the cache (the smaller scales here: this machine reports 300 MiB of shared L3) is timed
    warm and a larger one cold, and time per row would grow with the panel for reasons that
    have nothing to do with the code. Every engine gets the same treatment."""

    def __init__(self, enabled: bool = True) -> None:
        size = min(2 * last_level_cache_bytes(), 2**30) if enabled else 0
        self.bytes = size
        self._buffer = np.ones(size // 8, dtype=np.int64)

    def __call__(self) -> None:
        if self.bytes:
            self._buffer.sum()


def memory_read_floor(nbytes: int, samples: int = FLOOR_SAMPLES) -> dict[str, Any]:
    """The machine's memory-read floor on one core: GB/s of ``numpy.sum`` over an int64 array
    of `nbytes` (far larger than the caches), the median of `samples` sums after a warm-up.
    No kernel that reads its whole input once can beat this on one core; it is measured in
    the same run as the kernels, so a busy machine lowers both."""
    array = np.ones(nbytes // 8, dtype=np.int64)
    array.sum()
    seconds = []
    for _ in range(samples):
        start = time.perf_counter()
        array.sum()
        seconds.append(time.perf_counter() - start)
    median = statistics.median(seconds)
    return {"bytes": array.nbytes, "seconds": median, "gb_per_s": array.nbytes / median / 1e9, "samples": samples}


def time_once(run: Callable[[Panel], object], panel: Panel, flush: Callable[[], None] = lambda: None) -> float:
    flush()
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        result = run(panel)
        elapsed = time.perf_counter() - start
    finally:
        gc.enable()
    del result
    return elapsed


def prepare_scale(
    panel: Panel, scale: float, flush: Callable[[], None], batch_seconds: float = BATCH_SECONDS
) -> ScaleRun:
    """Warms every (engine, step) up on `panel` and decides how many calls make one
    repetition: a call shorter than `batch_seconds` is repeated within each repetition
    (every call timed on its own, caches evicted before each), so that a few milliseconds of
    disturbance from the rest of the machine cannot move a median of short calls much."""
    run = ScaleRun(
        scale=scale,
        countries=panel.countries,
        rows=panel.rows,
        input_bytes=panel.nbytes,
        windows=panel.countries * panel.categories * panel.windows_per_series,
        categories=panel.categories,
        nationalities=panel.nationalities,
        months=panel.months,
    )
    for name, engine in ENGINES.items():
        for step in STEPS:
            warm = time_once(getattr(engine, step), panel, flush)
            run.calls[(name, step)] = min(MAX_CALLS, max(1, math.ceil(batch_seconds / max(warm, 1e-6))))
            run.seconds[(name, step)] = []
    return run


def time_repetition(run: ScaleRun, panel: Panel, flush: Callable[[], None]) -> None:
    """One repetition at one scale: every engine and step, in turn."""
    for name, engine in ENGINES.items():
        for step in STEPS:
            for _ in range(run.calls[(name, step)]):
                run.seconds[(name, step)].append(time_once(getattr(engine, step), panel, flush))


# ---------------------------------------------------------------------------------------
# Memory


def memory_runs(panel: Panel, log: Callable[[str], None]) -> dict[tuple[str, str, str], dict[str, Any]]:
    out: dict[tuple[str, str, str], dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="kerncijfers-bench-") as tmp:
        panel.save(Path(tmp))
        env = dict(os.environ)
        env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
        for name in ENGINES:
            for step in STEPS:
                for mode in ("rss", "tracemalloc"):
                    done = subprocess.run(
                        [sys.executable, "-m", "benchmarks.memory", tmp, name, step, mode],
                        capture_output=True,
                        text=True,
                        env=env,
                        cwd=REPO,
                        check=False,
                    )
                    if done.returncode != 0:
                        raise RuntimeError(f"memory run {name}/{step}/{mode} failed:\n{done.stderr}")
                    out[(name, step, mode)] = json.loads(done.stdout.strip().splitlines()[-1])
                    log(
                        f"    {name:12s} {step:8s} {mode:12s} {out[(name, step, mode)]['above_input'] / 2**20:9.1f} MiB"
                    )
    return out


def traced_peak(run: Callable[[], object]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        result = run()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    del result
    return peak


def no_copy_check(panel: Panel) -> dict[str, Any]:
    """kerncijfers must read contiguous int64 and int32 columns where they lie. numpy reports
    its buffers to tracemalloc, so a copy of a column (>= rows x 4 bytes) would show in the
    peak; the peak must be the result arrays alone (plus a few Python objects). A strided
    view, which has to be copied, is the control that shows the check can see a copy."""
    import kerncijfers as kc

    def call(p: Panel) -> Any:
        return kc.top_shares(*p.columns(), **p.shape_kwargs(), unknown=p.unknown, window=p.window, top=p.top)

    windows = panel.countries * panel.categories * panel.windows_per_series
    outputs = 8 * (windows * (panel.top + 2 * (panel.top + 2) + 2) + panel.windows_per_series)
    slack = 64 * 1024
    wide = np.repeat(panel.country, 2)
    strided = Panel(
        cast(IntArray, wide[::2]),
        *panel.columns()[1:],
        countries=panel.countries,
        categories=panel.categories,
        nationalities=panel.nationalities,
        months=panel.months,
    )
    rows: dict[str, Any] = {"output_bytes": outputs, "slack": slack, "column_bytes_int32": 4 * panel.rows}
    for label, p in (("int64", panel), ("int32", panel.astype(np.int32)), ("strided int64 view (control)", strided)):
        rows[label] = traced_peak(lambda p=p: call(p))  # type: ignore[misc]
    rows["ok"] = rows["int64"] <= outputs + slack and rows["int32"] <= outputs + slack
    rows["control_copied"] = rows["strided int64 view (control)"] >= outputs + 8 * panel.rows
    return rows


def kerncijfers_variants(panel: Panel, samples: int, flush: Callable[[], None]) -> dict[str, float]:
    """The whole task in kerncijfers on other layouts of the same table: int32 columns, and
    the rows in random order (which costs the kernel a counting sort by (country, category)).
    Each must give the same result as the sorted int64 table; the medians are reported."""
    engine = ENGINES["kerncijfers"]
    reference = engine.whole_arrays(engine.whole(panel), panel)
    order = np.random.default_rng(panel.seed).permutation(panel.rows)
    c, k, n, m, v = (cast(IntArray, np.ascontiguousarray(column[order])) for column in panel.columns())
    shuffled = Panel(
        c,
        k,
        n,
        m,
        v,
        countries=panel.countries,
        categories=panel.categories,
        nationalities=panel.nationalities,
        months=panel.months,
    )
    layouts = {
        "int64 columns, rows sorted (the table above)": panel,
        "int32 columns, rows sorted": panel.astype(np.int32),
        "int64 columns, rows in random order": shuffled,
    }
    out: dict[str, float] = {}
    for label, layout in layouts.items():
        found = top_shares_differences(reference, engine.whole_arrays(engine.whole(layout), layout))
        if found:
            raise ResultsDiffer(f"kerncijfers on {label}: " + "; ".join(found))
        out[label] = statistics.median(time_once(engine.whole, layout, flush) for _ in range(samples))
    return out


# ---------------------------------------------------------------------------------------
# Report


def fmt_seconds(s: float) -> str:
    return f"{s:.3f} s" if s >= 0.1 else f"{s * 1000:.1f} ms"


def fmt_mib(b: float) -> str:
    return f"{b / 2**20:,.1f} MiB"


def report(
    env: dict[str, Any],
    runs: list[ScaleRun],
    full: ScaleRun,
    memory: dict[tuple[str, str, str], dict[str, Any]] | None,
    copy: dict[str, Any],
    variants: dict[str, float],
    repeat: int,
    quick: bool,
) -> str:
    L: list[str] = []
    add = L.append
    add("# Benchmarks: kerncijfers, pandas and polars on an EU-scale panel")
    add("")
    add(
        f"Latest run: **{env['date']}** on the machine below, with `python -m benchmarks.run`"
        + (" --quick (a small panel: not a measurement)" if quick else "")
        + f" (revision {env['revision']})."
    )
    add("How to run it, and what each engine does: `benchmarks/README.md` in the repository.")
    add("")
    add("## Machine")
    add("")
    mem = f", {env['memory'] / 2**30:.1f} GiB RAM" if env.get("memory") else ""
    add(f"- CPU: {env['cpu']}, {env['cores']} cores ({env['usable_cores']} usable){mem}; {env['os']}")
    add(
        f"- Python {env['python']}; numpy {env['numpy']}, pandas {env['pandas']}, polars {env['polars']}, "
        f"kerncijfers {env['kerncijfers']} (the wheel's Release build: -O3, generic x86-64, no -march=native)"
    )
    t = env["threads"]
    add(
        f"- Threads: kerncijfers {t['kerncijfers']} (`threads=0`, the default: every usable core) and 1 "
        f"(`threads=1`), the GIL released; pandas {t['pandas']}, "
        f"polars {t['polars']} (its thread pool, default size"
        + (f", POLARS_MAX_THREADS={env['polars_max_threads_env']}" if env["polars_max_threads_env"] else "")
        + ")"
    )
    if env.get("flush_bytes"):
        add(
            f"- Caches: before every timed call a {fmt_mib(env['flush_bytes'])} buffer (twice the last-level "
            "cache) is read, so every call, in every engine, starts with its input out of the caches"
        )
    else:
        add("- Caches: not evicted between timed calls (warm)")
    floor = env.get("floor")
    if floor:
        add(
            f"- Memory-read floor, measured in this run: `numpy.sum` over {floor['bytes'] / 2**30:g} GiB of int64 on "
            f"one core, **{floor['gb_per_s']:.1f} GB/s** (median of {floor['samples']})"
        )
    if env.get("load_before") is not None:
        lb = ", ".join(f"{x:.2f}" for x in env["load_before"])
        la = ", ".join(f"{x:.2f}" for x in env["load_after"])
        add(f"- Load average (1, 5, 15 min) before: {lb}; after: {la}")
    add("")
    add("## Workload")
    add("")
    add(
        f"{full.countries} reporting countries x {full.categories} categories x {full.nationalities} nationalities "
        f'(one "unknown") x {full.months} months, '
        f"Poisson counts around skewed per-nationality means (fixed seed), zero cells dropped: "
        f"**{full.rows:,} rows** in five int64 numpy columns ({fmt_mib(full.input_bytes)}), sorted by "
        f"(country, category, nationality, month). {full.windows:,} windows of 12 months."
    )
    add("")
    add(
        "Before anything was timed, at every scale, the three engines' results were compared integer by integer "
        "and found **identical**: the window sums of every (country, category, nationality, month) and, for every "
        "window, the top-10 nationality codes, the 12 counts, the 12 shares, the total and the rounded total. "
        "The whole-task result also passed its invariants (shares sum to 100, or 0 for an empty window; each "
        "share within 1 of its exact value; counts add up to the total; totals rounded to tens half-up)."
    )
    add("")
    add(f"## Time, full panel (median of {repeat} repetitions after a warm-up)")
    add("")
    add(
        f"A call shorter than {BATCH_SECONDS} s is repeated within each repetition, every call timed on its own; "
        "calls per repetition at this scale: "
        + "; ".join(f"{LABELS[n]} {full.calls[(n, 'rolling')]} and {full.calls[(n, 'whole')]}" for n in ENGINES)
        + " (rolling, whole)."
    )
    add("")
    add(
        f"ns per row: the median over the {full.rows:,} input rows; GB/s: the input's {fmt_mib(full.input_bytes)} "
        "(five int64 columns) over the median; x floor: the median over the time the memory-read floor "
        "(above) takes to read the input once (1.0 would be reading the input at the floor's speed)."
    )
    add("")
    add("| step | engine | median | ns per row | GB/s of input | x floor | pandas / this | polars / this |")
    add("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    floor_seconds = full.input_bytes / (floor["gb_per_s"] * 1e9) if floor else None
    for step in STEPS:
        p = full.median("pandas", step)
        q = full.median("polars", step)
        for name in ENGINES:
            m = full.median(name, step)
            ratios = f"**{p / m:,.0f}x** | **{q / m:,.0f}x**" if name.startswith("kerncijfers") else "- | -"
            add(
                f"| {STEP_TITLES[step]} | {LABELS[name]} | {fmt_seconds(m)} | {1e9 * m / full.rows:,.1f} | "
                f"{full.input_bytes / m / 1e9:,.2f} | "
                + (f"{m / floor_seconds:,.1f}" if floor_seconds else "-")
                + f" | {ratios} |"
            )
    add("")
    add("Spread (min - max over all timed calls):")
    add("")
    for step in STEPS:
        parts = []
        for name in ENGINES:
            xs = full.seconds[(name, step)]
            parts.append(f"{LABELS[name]} {fmt_seconds(min(xs))} - {fmt_seconds(max(xs))}")
        add(f"- {step}: " + "; ".join(parts))
    add("")
    if memory:
        add("## Peak memory above the input, full panel")
        add("")
        add(
            "One subprocess per engine, step and measure; the input arrays and the imported libraries are the "
            "baseline. RSS: resident-set high-water mark during the step minus the resident set before it "
            "(everything: Python, numpy, polars' Rust allocator, the C++ kernel). tracemalloc: peak of "
            "Python-side allocations (numpy buffers included; polars' and C++ allocations are not Python's)."
        )
        add("")
        add("| step | engine | RSS above input | tracemalloc peak | RSS vs pandas |")
        add("| --- | --- | ---: | ---: | ---: |")
        for step in STEPS:
            base = memory[("pandas", step, "rss")]["above_input"]
            for name in ENGINES:
                rss = memory[(name, step, "rss")]["above_input"]
                tm = memory[(name, step, "tracemalloc")]["above_input"]
                add(f"| {step} | {LABELS[name]} | {fmt_mib(rss)} | {fmt_mib(tm)} | {100 * rss / base:.1f}% |")
        add("")
    add("## Scaling (median seconds; ns per input row)")
    add("")
    add("| scale | countries | rows | step | " + " | ".join(LABELS[n] for n in ENGINES) + " |")
    add("| --- | ---: | ---: | --- |" + " ---: |" * len(ENGINES))
    for run in runs:
        for step in STEPS:
            cells = [
                f"{fmt_seconds(run.median(n, step))} ({1e9 * run.median(n, step) / run.rows:,.0f} ns)" for n in ENGINES
            ]
            add(f"| {run.scale:g} | {run.countries} | {run.rows:,} | {step} | " + " | ".join(cells) + " |")
    add("")
    growth = scaling_growth(runs)
    if growth:
        add("Time per row at the largest scale over time per row at the smallest (1.0 = linear):")
        add("")
        for step in STEPS:
            add(f"- {step}: " + ", ".join(f"{LABELS[n]} {growth[(n, step)]:.2f}" for n in ENGINES))
        add("")
    add("## kerncijfers on other layouts of the same table (whole task, full panel, threads=all)")
    add("")
    add("Same result asserted each time; median of as many calls as the whole task above.")
    add("")
    add("| layout | time |")
    add("| --- | ---: |")
    for label, seconds in variants.items():
        add(f"| {label} | {fmt_seconds(seconds)} |")
    add("")
    add("## No copy of the input")
    add("")
    add(
        f"tracemalloc peak of one `kerncijfers.top_shares` call, full panel: int64 columns "
        f"{copy['int64']:,} bytes, int32 columns {copy['int32']:,} bytes; the result arrays alone are "
        f"{copy['output_bytes']:,} bytes, one int32 column is {copy['column_bytes_int32']:,}. Control: a strided "
        f"int64 view of the country column (which must be copied) peaks at {copy['strided int64 view (control)']:,} bytes. "
        f"Verdict: {'no input copied' if copy['ok'] else 'AN INPUT WAS COPIED'}"
        f"{'' if copy['control_copied'] else ' (but the control did not show its copy: the check is blind)'}."
    )
    add("")
    add("## Targets")
    add("")
    add("| target | measured | met |")
    add("| --- | --- | --- |")
    for target, measured, met in targets(runs, full, memory, copy, floor):
        add(f"| {target} | {measured} | {'yes' if met else '**no**'} |")
    add("")
    return "\n".join(L)


def scaling_growth(runs: Sequence[ScaleRun]) -> dict[tuple[str, str], float]:
    if len(runs) < 2:
        return {}
    small, large = runs[0], runs[-1]
    return {
        (n, step): (large.median(n, step) / large.rows) / (small.median(n, step) / small.rows)
        for n in ENGINES
        for step in STEPS
    }


def targets(
    runs: Sequence[ScaleRun],
    full: ScaleRun,
    memory: dict[tuple[str, str, str], dict[str, Any]] | None,
    copy: dict[str, Any],
    floor: dict[str, Any] | None = None,
) -> list[tuple[str, str, bool]]:
    """The issue's targets. The speed, memory and scaling targets were set for the
    single-threaded kernel and are judged on threads=1; the floor target on every core."""
    k = full.median("kerncijfers-1", "whole")
    p = full.median("pandas", "whole") / k
    q = full.median("polars", "whole") / k
    out = [
        (
            f"whole task >= {TARGET_PANDAS_RATIO:g}x faster than pandas",
            f"{p:,.0f}x (threads=1)",
            p >= TARGET_PANDAS_RATIO,
        ),
        (
            f"whole task >= {TARGET_POLARS_RATIO:g}x faster than polars",
            f"{q:,.0f}x (threads=1)",
            q >= TARGET_POLARS_RATIO,
        ),
        (f"whole task under {TARGET_SECONDS} s (full panel)", f"{fmt_seconds(k)} (threads=1)", k < TARGET_SECONDS),
    ]
    if floor:
        floor_seconds = full.input_bytes / (floor["gb_per_s"] * 1e9)
        for step in STEPS:
            factor = full.median("kerncijfers", step) / floor_seconds
            out.append(
                (
                    f"{step} within {TARGET_FLOOR_FACTOR:g}x of the memory-read floor (threads=all)",
                    f"{factor:.1f}x ({full.input_bytes / full.median('kerncijfers', step) / 1e9:.1f} of "
                    f"{floor['gb_per_s']:.1f} GB/s)",
                    factor <= TARGET_FLOOR_FACTOR,
                )
            )
    if memory:
        worst = max(
            memory[("kerncijfers-1", step, "rss")]["above_input"] / memory[("pandas", step, "rss")]["above_input"]
            for step in STEPS
        )
        out.append(
            (
                f"peak memory above input <= {100 * TARGET_MEMORY_FRACTION:g}% of pandas'",
                f"{100 * worst:.1f}% (worse of the two steps, RSS)",
                worst <= TARGET_MEMORY_FRACTION,
            )
        )
    growth = scaling_growth(runs)
    if growth:
        g = growth[("kerncijfers-1", "whole")]
        out.append(
            (
                f"time per row at {runs[-1].scale:g}x within {TARGET_SCALING}x of that at {runs[0].scale:g}x",
                f"{g:.2f}x",
                g <= TARGET_SCALING,
            )
        )
    out.append(
        (
            "no copy of contiguous int64/int32 inputs",
            "tracemalloc: result arrays only" if copy["ok"] else "copied",
            bool(copy["ok"] and copy["control_copied"]),
        )
    )
    return out


# ---------------------------------------------------------------------------------------


def panel_for(scale: float, quick: bool) -> Panel:
    if quick:
        return make_panel(max(1, round(3 * scale)), nationalities=40, months=30, mean_scale=20.0)
    return make_panel(countries_at(scale))


def main(argv: Sequence[str] | None = None) -> str:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--output",
        default=str(DEFAULT_OUTPUT),
        help="where to write the Markdown table ('-': print only); default docs/benchmarks.md",
    )
    parser.add_argument("--repeat", type=int, default=7, help="timed repetitions after the warm-up (default 7)")
    parser.add_argument(
        "--scales",
        default=",".join(f"{s:g}" for s in DEFAULT_SCALES),
        help="multiples of the 30 reporting countries (default 0.25,0.5,1,2); 1 must be included",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a small panel (3 countries x 40 nationalities x 30 months) with 1 repetition: checks "
        "that everything runs and agrees, measures nothing worth reporting",
    )
    parser.add_argument("--no-memory", action="store_true", help="skip the memory subprocesses")
    parser.add_argument(
        "--warm-cache",
        action="store_true",
        help="do not evict the CPU caches before each timed call (the default evicts them; --quick never does)",
    )
    parser.add_argument("--json", help="also write the raw measurements to this file")
    args = parser.parse_args(argv)

    def log(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    scales = sorted(float(s) for s in args.scales.split(","))
    if 1.0 not in scales:
        parser.error("--scales must include 1 (the full panel)")
    repeat = 1 if args.quick and args.repeat == parser.get_default("repeat") else args.repeat
    if repeat < 1:
        parser.error("--repeat must be at least 1")

    env = environment()
    flush = CacheFlusher(enabled=not (args.quick or args.warm_cache))
    env["flush_bytes"] = flush.bytes
    log(
        f"kerncijfers {env['kerncijfers']}, numpy {env['numpy']}, pandas {env['pandas']}, polars {env['polars']}, "
        f"Python {env['python']}"
    )
    log(f"{env['cpu']}, {env['cores']} cores; threads: {env['threads']}; load {env['load_before']}")

    runs: list[ScaleRun] = []
    full_panel: Panel | None = None
    panels: list[Panel] = []
    for scale in scales:
        panel = panel_for(scale, args.quick)
        log(f"scale {scale:g}: {panel.countries} countries, {panel.rows:,} rows; checking that the engines agree")
        verify(panel)
        log("  identical; warming up")
        runs.append(prepare_scale(panel, scale, flush, 0.0 if args.quick else BATCH_SECONDS))
        panels.append(panel)
        if scale == 1.0:
            full_panel = panel
    assert full_panel is not None
    full = next(r for r in runs if r.scale == 1.0)
    env["floor"] = memory_read_floor(FLOOR_BYTES_QUICK if args.quick else FLOOR_BYTES)
    log(f"memory-read floor (numpy.sum, one core): {env['floor']['gb_per_s']:.1f} GB/s")
    # The repetitions go round all scales in turn, so that a machine that is slower for a
    # while (a shared host) slows every scale alike instead of the one timed at that moment.
    for r in range(repeat):
        for run, panel in zip(runs, panels, strict=True):
            time_repetition(run, panel, flush)
        log(
            f"  repetition {r + 1}/{repeat}, whole task at full scale: "
            + ", ".join(f"{name} {full.seconds[(name, 'whole')][-1]:.3f}s" for name in ENGINES)
        )

    memory = None
    if not args.no_memory:
        log("peak memory, one subprocess each:")
        memory = memory_runs(full_panel, log)
    copy = no_copy_check(full_panel)
    log("kerncijfers on int32 columns and on rows in random order")
    variants = kerncijfers_variants(full_panel, repeat * full.calls[("kerncijfers", "whole")], flush)
    env["load_after"] = os.getloadavg() if hasattr(os, "getloadavg") else None

    text = report(env, runs, full, memory, copy, variants, repeat, args.quick)
    print(text)
    if args.output != "-":
        # The sections of the Eurostat and the user-path benchmarks (benchmarks/eurostat.py,
        # benchmarks/userpath.py) on the same page stay.
        output = Path(args.output)
        old = output.read_text() if output.exists() else ""
        kept = [section for section in (eurostat.section_of(old), userpath.section_of(old)) if section]
        output.write_text(text + "\n" + "".join(f"\n{section}\n" for section in kept))
        log(f"written to {args.output}")
    if args.json:
        raw = {
            "environment": env,
            "runs": [
                {
                    "scale": r.scale,
                    "countries": r.countries,
                    "rows": r.rows,
                    "seconds": {f"{n}/{s}": v for (n, s), v in r.seconds.items()},
                    "calls_per_repetition": {f"{n}/{s}": v for (n, s), v in r.calls.items()},
                }
                for r in runs
            ],
            "memory": {f"{n}/{s}/{m}": v for (n, s, m), v in (memory or {}).items()},
            "no_copy": copy,
            "kerncijfers_variants": variants,
        }
        Path(args.json).write_text(json.dumps(raw, indent=2, default=str) + "\n")
    return text


if __name__ == "__main__":
    main()
