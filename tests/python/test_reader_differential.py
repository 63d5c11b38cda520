"""Random bytes and random mutations of valid CSV files through the readers.

The only outcomes allowed are a table, or an error of ours (`InvalidInput` and its
subclasses, `UnknownCode`) whose message names the file: never another exception, never a
crash, never a hang. Hypothesis explores in-process (and shrinks a failure to a small file);
a seeded batch runs in a subprocess too, so that a segmentation fault fails the test with the
seed instead of killing the test run.
"""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import kerncijfers as kc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

_DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
READERS: dict[str, Callable[[Path], object]] = {
    "counts": kc.read_counts_csv,
    "departures": kc.read_departures_csv,
    "safe_countries": kc.load_safe_countries,
}
SEEDS = {
    "counts": [_DATA / "counts_valid.csv", _DATA / "golden_mei_2021_counts.csv"],
    "departures": [_DATA / "departures_valid.csv", _DATA / "golden_mei_2021_departures.csv"],
    "safe_countries": [_DATA / "safe_countries_valid.csv"],
}
# Bytes that trouble text readers: separators, quotes, line breaks, NUL, invalid UTF-8, a BOM,
# multi-byte characters cut in half, signs and digits.
SPECIAL = [
    b",",
    b";",
    b'"',
    b"\n",
    b"\r",
    b"\r\n",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\xef\xbb\xbf",
    b"\xe2\x80",
    b"-",
    b"9" * 25,
    b" ",
    b"\t",
    b"TOTAL",
    b"#N/A",
    "ë".encode(),
    b"2021-13",
    b"2021-W53",
]


def mutate(data: bytes, rng: random.Random, steps: int) -> bytes:
    buf = bytearray(data)
    for _ in range(steps):
        op = rng.randrange(6)
        at = rng.randrange(len(buf) + 1)
        if op == 0 and buf:  # flip a byte
            buf[min(at, len(buf) - 1)] = rng.randrange(256)
        elif op == 1:  # insert a troublesome token
            buf[at:at] = rng.choice(SPECIAL)
        elif op == 2 and buf:  # delete a run
            del buf[at : at + rng.randrange(1, 8)]
        elif op == 3:  # truncate
            del buf[at:]
        elif op == 4 and buf:  # duplicate a run (a duplicated line, a doubled field)
            start = rng.randrange(len(buf))
            buf[at:at] = buf[start : start + rng.randrange(1, 40)]
        else:  # replace a digit run by a big number
            buf[at:at] = str(rng.choice([0, 1, 2**31, 2**63 - 1, 2**63, 2**64])).encode()
    return bytes(buf)


def check_outcome(reader: Callable[[Path], object], path: Path) -> None:
    try:
        reader(path)
    except (kc.InvalidInput, kc.UnknownCode) as error:
        message = str(error)
        assert path.name in message, f"the error does not name the file: {message!r}"
        assert "\x00" not in message, repr(message)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(door=st.sampled_from(sorted(READERS)), seed=st.integers(0, 2**32 - 1), steps=st.integers(1, 12))
def test_mutated_valid_files(tmp_path: Path, door: str, seed: int, steps: int) -> None:
    rng = random.Random(seed)
    original = rng.choice(SEEDS[door]).read_bytes()
    path = tmp_path / f"mutated_{door}.csv"
    path.write_bytes(mutate(original, rng, steps))
    check_outcome(READERS[door], path)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(door=st.sampled_from(sorted(READERS)), data=st.binary(max_size=400))
def test_random_bytes(tmp_path: Path, door: str, data: bytes) -> None:
    path = tmp_path / f"random_{door}.csv"
    path.write_bytes(data)
    check_outcome(READERS[door], path)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(door=st.sampled_from(sorted(READERS)), data=st.binary(max_size=300))
def test_random_bytes_after_a_valid_header(tmp_path: Path, door: str, data: bytes) -> None:
    header = SEEDS[door][0].read_bytes().split(b"\n", 1)[0] + b"\n"
    path = tmp_path / f"headed_{door}.csv"
    path.write_bytes(header + data)
    check_outcome(READERS[door], path)


_WORKER = textwrap.dedent("""
    import random, sys
    from pathlib import Path
    sys.path.insert(0, sys.argv[3])
    import test_reader_differential as t
    seed, count = int(sys.argv[1]), int(sys.argv[2])
    tmp = Path(sys.argv[4])
    for i in range(count):
        rng = random.Random(seed + i)
        door = rng.choice(sorted(t.READERS))
        path = tmp / f"case_{i}.csv"
        path.write_bytes(t.mutate(rng.choice(t.SEEDS[door]).read_bytes(), rng, rng.randrange(1, 20)))
        print(seed + i, door, flush=True)
        t.check_outcome(t.READERS[door], path)
    print("done", flush=True)
""")


def test_seeded_batch_in_a_subprocess(tmp_path: Path) -> None:
    """A crash (signal) or another exception fails with the seed that caused it."""
    result = subprocess.run(
        [sys.executable, "-c", _WORKER, "20261207", "600", str(Path(__file__).parent), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    last = result.stdout.strip().splitlines()[-1:] or ["(nothing)"]
    assert result.returncode == 0 and last == ["done"], (
        f"exit {result.returncode} at case {last[0]!r}:\n{result.stderr[-3000:]}"
    )
