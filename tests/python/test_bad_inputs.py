"""The bad-input catalogue (tests/data/bad/catalogue.csv): every class of bad input, through
the command line and through the Python readers, is refused with one clear message that names
the file and, where a value is at fault, its line, column and value.

The catalogue is also the source of docs/guide/refusals.md ("What kerncijfers refuses, and
why"); a test checks that the page says what the catalogue says.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import kerncijfers as kc
import pytest
from kerncijfers.cli import build_parser, main

_ROOT = Path(__file__).resolve().parents[2]
_DATA = _ROOT / "tests" / "data"
_CATALOGUE = _DATA / "bad" / "catalogue.csv"


@dataclass(frozen=True)
class Entry:
    file: Path
    door: str
    words: tuple[str, ...]
    what: str

    @property
    def id(self) -> str:
        return self.file.name


def _catalogue() -> list[Entry]:
    with _CATALOGUE.open(encoding="utf-8", newline="") as f:
        return [
            Entry(_DATA / row["file"], row["door"], tuple(row["words"].split("|")), row["class"])
            for row in csv.DictReader(f)
        ]


CATALOGUE = _catalogue()
READERS: dict[str, Callable[[Path], object]] = {
    "counts": kc.read_counts_csv,
    "departures": kc.read_departures_csv,
    "safe_countries": kc.load_safe_countries,
    "eurostat": kc.read_eurostat,
    "cbs": kc.read_cbs,
}
OPTIONS = {
    "counts": "--data",
    "departures": "--departures",
    "safe_countries": "--safe-countries",
    "eurostat": "--eurostat",
    "cbs": "--cbs",
}


def _report_options() -> set[str]:
    """The options of `kerncijfers report` (--eurostat comes with the command line's Eurostat path)."""
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return {option for a in action.choices["report"]._actions for option in a.option_strings}
    return set()


def test_catalogue_is_complete() -> None:
    assert len(CATALOGUE) >= 40
    for entry in CATALOGUE:
        assert entry.file.exists(), f"catalogue names a missing file: {entry.file}"
        assert entry.door in READERS, entry
        assert all(entry.words), entry
    # Every file under tests/data/bad is in the catalogue (nothing untested lies there).
    listed = {entry.file for entry in CATALOGUE}
    for path in (_DATA / "bad").iterdir():
        if path.name != "catalogue.csv":
            assert path in listed, f"{path.name} is not in the catalogue"


def _check_message(message: str, entry: Entry) -> None:
    assert entry.file.name in message, f"the message does not name the file: {message!r}"
    for word in entry.words:
        assert word in message, f"{word!r} missing from the message {message!r}"
    assert "\x00" not in message and "\ufffd" not in message, repr(message)


@pytest.mark.parametrize("entry", CATALOGUE, ids=lambda e: e.id)
def test_python_reader_refuses(entry: Entry) -> None:
    with pytest.raises((kc.InvalidInput, kc.UnknownCode)) as caught:
        READERS[entry.door](entry.file)
    _check_message(str(caught.value), entry)


@pytest.mark.parametrize("entry", CATALOGUE, ids=lambda e: e.id)
def test_command_line_refuses(entry: Entry, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if OPTIONS[entry.door] not in _report_options():
        pytest.skip(f"kerncijfers report has no {OPTIONS[entry.door]} option yet")
    out = tmp_path / "page.md"
    # A Eurostat page needs its period; the file is refused before the period matters.
    period = ["--year", "2021"] if entry.door == "eurostat" else []
    assert main(["report", OPTIONS[entry.door], str(entry.file), *period, "--output", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("kerncijfers: error: ")
    _check_message(lines[0], entry)
    assert list(tmp_path.iterdir()) == [], "a refused run must leave no file behind"


def test_command_line_refuses_in_a_real_process() -> None:
    """One entry end to end through `python -m kerncijfers`: exit 2, one line, no traceback."""
    entry = next(e for e in CATALOGUE if e.file.name == "counts_latin1.csv")
    result = subprocess.run(
        [sys.executable, "-m", "kerncijfers", "report", "--data", str(entry.file)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    _check_message(result.stderr.strip(), entry)


def test_refusals_page_matches_the_catalogue() -> None:
    result = subprocess.run(
        [sys.executable, str(_ROOT / "tools" / "make_refusals_page.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
