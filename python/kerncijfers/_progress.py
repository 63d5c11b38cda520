"""Progress bars for the command line and notebooks: tqdm when installed, else a plain counter."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


def progress_bar(items: Sequence[T], desc: str, unit: str) -> Sequence[T] | Iterator[T]:
    try:
        from tqdm.auto import tqdm  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        return _plain(items, desc, unit)
    return tqdm(items, desc=desc, unit=unit)  # type: ignore[no-any-return,unused-ignore]


def _plain(items: Iterable[T], desc: str, unit: str) -> Iterator[T]:
    listed = list(items)
    for index, item in enumerate(listed, start=1):
        print(f"\r{desc}: {index}/{len(listed)} {unit}", end="", file=sys.stderr, flush=True)
        yield item
    print(file=sys.stderr)


class ByteProgress:
    """A download's progress on stderr: bytes so far (of the total, when known) and the rate;
    tqdm's bar when tqdm is installed, else one line rewritten at most five times a second."""

    def __init__(self, desc: str, total: int | None) -> None:
        self._desc = desc
        self._total = total
        self._done = 0
        self._start = time.monotonic()
        self._shown = 0.0
        self._bar: Any = None
        try:
            from tqdm.auto import tqdm  # type: ignore[import-untyped,unused-ignore]
        except ImportError:
            return
        self._bar = tqdm(total=total, desc=desc, unit="B", unit_scale=True, unit_divisor=1024, leave=False)

    def update(self, size: int) -> None:
        self._done += size
        if self._bar is not None:
            self._bar.update(size)
            return
        now = time.monotonic()
        if now - self._shown >= 0.2:
            self._shown = now
            self._print(now)

    def _print(self, now: float) -> None:
        rate = self._done / max(now - self._start, 1e-6)
        total = f" of {_amount(self._total)}" if self._total is not None else ""
        line = f"\r{self._desc}: {_amount(self._done)}{total} ({_amount(rate)}/s)"
        print(line, end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            return
        self._print(time.monotonic())
        print(file=sys.stderr, flush=True)


def _amount(size: float) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{size / 1e3:.1f} kB"
