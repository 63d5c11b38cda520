"""Peak memory of one engine's step, measured in a process of its own.

    python -m benchmarks.memory PANEL_DIR ENGINE STEP MODE

prints one JSON object. The panel is loaded from ``PANEL_DIR`` (written by the runner) and
each engine first runs on a tiny panel, so that imports, lazily loaded modules and thread
pools are in place before anything is measured; the measured run is the first on the big
panel. Modes:

  - ``rss``: the resident-set high-water mark during the step minus the resident set just
    before it (the input arrays and the libraries are part of the baseline, so this is the
    memory *above the input*). On Linux the high-water mark is reset first (``5`` written
    to ``/proc/self/clear_refs``), so nothing before the step can leak into it.
  - ``tracemalloc``: the peak of Python-side allocations (Python objects and numpy buffers,
    which numpy reports to tracemalloc) during the step. Memory allocated by native code
    outside Python's allocators (polars' Rust allocator, the C++ kernel's working block) is
    not seen here; RSS sees it.

One process per (engine, step, mode), so one measurement cannot inherit another's peak or
its allocator's retained pages.
"""

from __future__ import annotations

import gc
import importlib
import json
import resource
import sys
import tracemalloc
from pathlib import Path

from .engines import ENGINES
from .panel import Panel, make_panel

_STATUS = Path("/proc/self/status")
_CLEAR_REFS = Path("/proc/self/clear_refs")


def _status_kib(field: str) -> int | None:
    if not _STATUS.exists():
        return None
    for line in _STATUS.read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return None


def current_rss() -> int:
    kib = _status_kib("VmRSS")
    if kib is not None:
        return kib * 1024
    psutil = importlib.import_module("psutil")
    return int(psutil.Process().memory_info().rss)


def reset_peak_rss() -> bool:
    try:
        _CLEAR_REFS.write_text("5")
    except OSError:
        return False
    return True


def peak_rss() -> int:
    kib = _status_kib("VmHWM")
    if kib is not None:
        return kib * 1024
    # ru_maxrss: KiB on Linux, bytes on macOS; it cannot be reset.
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


def measure(panel: Panel, engine: str, step: str, mode: str) -> dict[str, object]:
    module = ENGINES[engine]
    run = getattr(module, step)
    warm = make_panel(2, nationalities=30, months=24, mean_scale=10.0)
    run(warm)
    gc.collect()
    if mode == "rss":
        reset = reset_peak_rss()
        base = current_rss()
        if not reset:
            base = max(base, peak_rss())
        result = run(panel)
        peak = peak_rss()
        del result
        return {
            "engine": engine,
            "step": step,
            "mode": mode,
            "base": base,
            "peak": peak,
            "above_input": max(peak - base, 0),
            "peak_reset": reset,
        }
    if mode == "tracemalloc":
        tracemalloc.start()
        result = run(panel)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del result
        return {"engine": engine, "step": step, "mode": mode, "peak": peak, "above_input": peak}
    raise SystemExit(f"unknown mode {mode!r}: rss or tracemalloc")


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 4:
        raise SystemExit("usage: python -m benchmarks.memory PANEL_DIR ENGINE STEP MODE")
    directory, engine, step, mode = args
    panel = Panel.load(Path(directory))
    print(json.dumps(measure(panel, engine, step, mode)))


if __name__ == "__main__":
    main()
