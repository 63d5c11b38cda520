"""Progress bars for the command line and notebooks: tqdm when installed, else a plain counter."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

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
