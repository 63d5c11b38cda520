"""Errors from Python: whatever bytes a CSV input holds, a reader raises an InvalidInput (or
its ParseError subclass) whose message names the file, line and column; never a
UnicodeDecodeError, never a message cut short, never a hang on an endless input."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import kerncijfers as kc
import pytest

UTF8_HINT = "; the file must be UTF-8 text (in a spreadsheet: save as CSV UTF-8)"
NUL = "NUL byte (the file is binary, not CSV text)"
HANG_GUARD_SECONDS = 5.0  # generous: the readers stop within a millisecond of a limit


class Schema(NamedTuple):
    read: Callable[[Path], object]
    columns: list[str]
    row: list[str]  # a valid record


SCHEMAS = {
    "counts": Schema(
        kc.read_counts_csv,
        ["period", "category", "nationality", "count", "source", "release"],
        ["2021-05", "first_application", "SYR", "10", "CBS StatLine 83102NED", "2021-06-15"],
    ),
    "departures": Schema(
        kc.read_departures_csv,
        ["period", "group", "mode", "count", "source", "release"],
        ["2021", "all", "forced", "1630", "DT&V", "2022-02"],
    ),
    "safe_countries": Schema(
        kc.load_safe_countries,
        ["country", "from", "from_known", "to", "to_known", "note", "source"],
        ["ALB", "2016-10-01", "true", "", "true", "test only", "nowhere"],
    ),
}
CELLS = [(name, column) for name, schema in SCHEMAS.items() for column in range(len(schema.columns))]


def write(path: Path, schema: Schema, row: list[bytes]) -> Path:
    path.write_bytes(",".join(schema.columns).encode() + b"\n" + b",".join(row) + b"\n")
    return path


def row_with(schema: Schema, column: int, value: bytes) -> list[bytes]:
    row = [field.encode() for field in schema.row]
    row[column] = value
    return row


@pytest.mark.parametrize("schema_name", SCHEMAS)
def test_the_valid_rows_are_valid(tmp_path: Path, schema_name: str) -> None:
    schema = SCHEMAS[schema_name]
    schema.read(write(tmp_path / "ok.csv", schema, [field.encode() for field in schema.row]))


@pytest.mark.parametrize(("schema_name", "column"), CELLS)
def test_invalid_utf8_in_any_column_names_file_line_and_column(tmp_path: Path, schema_name: str, column: int) -> None:
    schema = SCHEMAS[schema_name]
    value = schema.row[column].encode() + b"\xff"
    path = write(tmp_path / "bad.csv", schema, row_with(schema, column, value))
    with pytest.raises(kc.InvalidInput) as info:
        schema.read(path)
    shown = schema.row[column] + "\\xFF"
    assert str(info.value) == (
        f'{path}, line 2, column {column + 1} ("{schema.columns[column]}"): invalid UTF-8 byte \\xFF '
        f'(a byte that never occurs in UTF-8) in "{shown}"{UTF8_HINT}'
    )


def test_a_windows_1252_export_is_refused_with_the_place(tmp_path: Path) -> None:
    schema = SCHEMAS["counts"]
    path = write(tmp_path / "excel.csv", schema, row_with(schema, 2, "Curaçao".encode("cp1252")))
    with pytest.raises(kc.InvalidInput) as info:
        kc.read_counts_csv(path)
    assert str(info.value) == (
        f'{path}, line 2, column 3 ("nationality"): invalid UTF-8 byte \\xE7 (an incomplete character) '
        f'in "Cura\\xE7ao"{UTF8_HINT}'
    )


@pytest.mark.parametrize(
    ("value", "bytes_shown", "problem"),
    [
        (b"\xc0\xaf", "\\xC0\\xAF", "an overlong encoding"),
        (b"\xe0\x80\xaf", "\\xE0\\x80\\xAF", "an overlong encoding"),
        (b"\xed\xa0\x80", "\\xED\\xA0\\x80", "a surrogate (U+D800 to U+DFFF)"),
        (b"\xf4\x90\x80\x80", "\\xF4\\x90\\x80\\x80", "a code point beyond U+10FFFF"),
        (b"\x80", "\\x80", "a continuation byte without a lead byte"),
    ],
)
def test_overlongs_and_surrogates_are_not_utf8(tmp_path: Path, value: bytes, bytes_shown: str, problem: str) -> None:
    schema = SCHEMAS["counts"]
    path = write(tmp_path / "bad.csv", schema, row_with(schema, 4, b"CBS " + value))
    with pytest.raises(kc.InvalidInput) as info:
        kc.read_counts_csv(path)
    word = "byte" if len(value) == 1 else "bytes"
    assert str(info.value) == (
        f'{path}, line 2, column 5 ("source"): invalid UTF-8 {word} {bytes_shown} ({problem}) '
        f'in "CBS {bytes_shown}"{UTF8_HINT}'
    )


def test_a_source_that_is_not_utf8_never_reaches_a_page(tmp_path: Path) -> None:
    schema = SCHEMAS["counts"]
    path = write(tmp_path / "counts.csv", schema, row_with(schema, 4, b"CBS \xff\xfe release"))
    with pytest.raises(kc.InvalidInput, match=r'line 2, column 5 \("source"\): invalid UTF-8 byte \\xFF'):
        kc.read_counts_csv(path)


@pytest.mark.parametrize(("schema_name", "column"), CELLS)
def test_a_nul_byte_in_any_column_is_an_error_at_its_place(tmp_path: Path, schema_name: str, column: int) -> None:
    schema = SCHEMAS[schema_name]
    value = schema.row[column].encode() + b"\x00garbage"
    path = write(tmp_path / "nul.csv", schema, row_with(schema, column, value))
    with pytest.raises(kc.InvalidInput) as info:
        schema.read(path)
    assert str(info.value) == f'{path}, line 2, column {column + 1} ("{schema.columns[column]}"): {NUL}'


def test_a_nul_byte_no_longer_cuts_a_message_short() -> None:
    with pytest.raises(kc.ParseError) as info:
        kc.Month.parse("2021-05\x00garbage")
    assert str(info.value) == 'cannot parse "2021-05\\x00garbage" as a month (YYYY-MM)'
    assert info.value.input == "2021-05\x00garbage"  # the raw value, not the escaped one


def test_messages_escape_control_characters_and_shorten_long_values() -> None:
    with pytest.raises(kc.ParseError) as info:
        kc.Month.parse("\x1b[31m2021\n")
    assert str(info.value) == 'cannot parse "\\x1B[31m2021\\n" as a month (YYYY-MM)'
    long_value = "9" * 1000
    with pytest.raises(kc.ParseError) as info:
        kc.Month.parse(long_value)
    assert str(info.value) == f'cannot parse "{"9" * 80}…" (1000 bytes) as a month (YYYY-MM)'
    assert info.value.input == long_value


@pytest.mark.parametrize("schema_name", SCHEMAS)
def test_an_overlong_field_is_an_error_at_its_place(tmp_path: Path, schema_name: str) -> None:
    schema = SCHEMAS[schema_name]
    column = len(schema.columns) - 1
    path = write(tmp_path / "long.csv", schema, row_with(schema, column, b"x" * 70000))
    with pytest.raises(kc.InvalidInput) as info:
        schema.read(path)
    assert str(info.value) == (
        f'{path}, line 2, column {column + 1} ("{schema.columns[column]}"): field longer than 65536 bytes, '
        "the limit for one field (is this a CSV file?)"
    )


def test_too_many_columns_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(",".join(f"c{i}" for i in range(20000)) + "\n", encoding="utf-8")
    with pytest.raises(kc.InvalidInput) as info:
        kc.read_counts_csv(path)
    assert str(info.value) == (
        f"{path}, line 1, column 10001: more than 10000 fields in one record, the limit (is this a CSV file?)"
    )


@pytest.mark.parametrize("schema_name", SCHEMAS)
def test_a_directory_is_refused_by_name(tmp_path: Path, schema_name: str) -> None:
    with pytest.raises(kc.InvalidInput) as info:
        SCHEMAS[schema_name].read(tmp_path)
    assert str(info.value) == f'cannot read "{tmp_path}": it is a directory, not a file'


def test_a_directory_read_as_rows_names_it(tmp_path: Path) -> None:
    with pytest.raises(kc.InvalidInput, match=str(tmp_path)):
        kc.read_count_rows(tmp_path)


@pytest.mark.parametrize("schema_name", SCHEMAS)
def test_a_missing_file_is_named_with_the_reason(tmp_path: Path, schema_name: str) -> None:
    missing = tmp_path / "nothing.csv"
    with pytest.raises(kc.InvalidInput) as info:
        SCHEMAS[schema_name].read(missing)
    assert str(info.value) == f'cannot open "{missing}" for reading (No such file or directory)'


def test_a_path_that_is_not_utf8_is_escaped_in_messages(tmp_path: Path) -> None:
    name = os.fsdecode(b"d\xe9j\xe0.csv")  # a Latin-1 file name, as Python sees it
    schema = SCHEMAS["counts"]
    path = write(tmp_path / name, schema, row_with(schema, 3, b"-5"))
    with pytest.raises(kc.ParseError) as info:
        kc.read_counts_csv(path)
    message = str(info.value)
    assert message.startswith('cannot parse "-5" as a count')
    assert message.endswith(f'{tmp_path}/d\\xE9j\\xE0.csv, line 2, column 4 ("count")')
    missing = tmp_path / os.fsdecode(b"\xffmissing.csv")
    with pytest.raises(kc.InvalidInput) as missing_info:
        kc.read_counts_csv(missing)
    assert str(missing_info.value) == (
        f'cannot open "{tmp_path}/\\xFFmissing.csv" for reading (No such file or directory)'
    )


def test_a_path_that_is_not_utf8_is_escaped_beyond_the_csv_layer(tmp_path: Path) -> None:
    # The conflict is found after reading, from the rows and the table's origin.
    path = tmp_path / os.fsdecode(b"conflict\xe9.csv")
    path.write_bytes(
        b"period,category,nationality,count,source,release\n"
        b"2021-05,first_application,SYR,10,CBS,2021-06\n"
        b"2021-05,first_application,SYR,11,CBS,2021-06\n"
    )
    with pytest.raises(kc.InvalidInput) as info:
        kc.read_counts_csv(path)
    assert str(info.value).startswith(f"{tmp_path}/conflict\\xE9.csv: conflicting counts for ")


# --- Inputs that never end


@pytest.mark.parametrize("schema_name", SCHEMAS)
def test_dev_zero_ends_quickly_with_an_error(schema_name: str) -> None:
    start = time.monotonic()
    with pytest.raises(kc.InvalidInput) as info:
        SCHEMAS[schema_name].read(Path("/dev/zero"))
    assert time.monotonic() - start < HANG_GUARD_SECONDS
    assert str(info.value) == f"/dev/zero, line 1, column 1: {NUL}"


# The writer is another process, as in a shell pipeline: the readers hold the GIL while they
# open and read, so a writer thread in this process could not run.
FEED = """
import sys
chunk = bytes.fromhex(sys.argv[2])
with open(sys.argv[1], "wb") as out:
    try:
        out.write(bytes.fromhex(sys.argv[4]))
        while True:
            out.write(chunk)
            if sys.argv[3] == "once":
                break
    except BrokenPipeError:
        sys.exit(0)
"""


def feed(fifo: Path, chunk: bytes, forever: bool, prefix: bytes = b"") -> subprocess.Popen[bytes]:
    """Writes `prefix`, then `chunk` once or until the reader goes away, into the FIFO."""
    command = [sys.executable, "-c", FEED, str(fifo), chunk.hex(), "forever" if forever else "once", prefix.hex()]
    return subprocess.Popen(command, stderr=subprocess.DEVNULL)


COUNTS_HEADER = b"period,category,nationality,count,source,release\n"


@pytest.mark.parametrize(
    ("prefix", "chunk", "problem"),
    [
        (b"", b"a" * 4096, "line 1, column 1: field longer than 65536 bytes"),
        (b"", b"a," * 2048, "line 1, column 10001: more than 10000 fields in one record"),
        (COUNTS_HEADER + b'"', b"x\n" * 2048, 'line 32770, column 1 ("period"): field longer than 65536 bytes'),
        (COUNTS_HEADER, b"\xff" * 4096, 'line 2, column 1 ("period"): field longer than 65536 bytes'),
    ],
)
def test_an_endless_pipe_ends_with_an_error(tmp_path: Path, prefix: bytes, chunk: bytes, problem: str) -> None:
    fifo = tmp_path / "endless.csv"
    os.mkfifo(fifo)
    writer = feed(fifo, chunk, forever=True, prefix=prefix)
    try:
        start = time.monotonic()
        with pytest.raises(kc.InvalidInput) as info:
            kc.read_counts_csv(fifo)
        assert time.monotonic() - start < HANG_GUARD_SECONDS
        assert str(info.value).startswith(f"{fifo}, {problem}")
        assert writer.wait(HANG_GUARD_SECONDS) in (0, 1, -13)  # stopped by the closed pipe
    finally:
        writer.kill()
        writer.wait()


def test_a_pipe_with_a_valid_table_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "counts.csv"
    os.mkfifo(fifo)
    text = b"period,category,nationality,count,source,release\n2021-05,first_application,TOTAL,955,CBS,\n"
    writer = feed(fifo, text, forever=False)
    try:
        table = kc.read_counts_csv(fifo)
    finally:
        writer.wait(HANG_GUARD_SECONDS)
    assert writer.returncode == 0
    assert table.total(kc.Category.first_application, kc.Month(2021, 5)).value == 955


def test_the_command_line_ends_on_dev_zero_with_exit_2() -> None:
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "kerncijfers", "report", "--data", "/dev/zero"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    elapsed = time.monotonic() - start
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"kerncijfers: error: /dev/zero, line 1, column 1: {NUL}\n"
    assert result.stdout == ""
    assert elapsed < 60  # interpreter start and import included; the read itself is instant
