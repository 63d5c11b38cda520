"""The command line: the bundled report, options, and bad input (exit 2, one line, no file).

The files --output may replace are tested in test_cli_files.py."""

from __future__ import annotations

import errno
import io
import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import kerncijfers
import kerncijfers._core
import pytest
from kerncijfers.cli import main


def test_default_report_is_the_dutch_page_for_may_2021(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("## KERNCIJFERS ASIEL EN MIGRATIE, MEI 2021")
    assert "In mei 2021 kwam 32% van de asielzoekers die voor het eerst een aanvraag indienden uit Syrië." in page
    assert "8% was afkomstig uit Turkije" in page
    assert "juni 2020 t/m mei 2021" in page


def test_python_dash_m_and_console_script_run() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kerncijfers", "report", "--lang", "en", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(result.stdout)
    assert "first_month" in json.dumps(data)


def test_golden_options(tmp_path: Path, test_data: Path) -> None:
    out = tmp_path / "page.md"
    code = main(
        [
            "report",
            "--data",
            str(test_data / "golden_mei_2021_counts.csv"),
            "--departures",
            str(test_data / "golden_mei_2021_departures.csv"),
            "--nareiziger-window-end",
            "2021-04",
            "--output",
            str(out),
        ]
    )
    assert code == 0
    page = out.read_text(encoding="utf-8")
    assert "In 2021 zijn ongeveer 7.690 vreemdelingen" in page
    assert (
        main(
            [
                "report",
                "--data",
                str(test_data / "golden_mei_2021_counts.csv"),
                "--rounding",
                "largest-remainder",
                "--format",
                "html",
                "--output",
                str(tmp_path / "p.html"),
            ]
        )
        == 0
    )
    assert (tmp_path / "p.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_bad_input_one_line_exit_2_no_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "period,category,nationality,count,source,release\n2021-05,first_application,Atlantis,5,x,\n", encoding="utf-8"
    )
    out = tmp_path / "page.md"
    assert main(["report", "--data", str(bad), "--output", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "bad.csv" in err and "line 2" in err and "Atlantis" in err
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [bad]


# ----------------------------------------------------------------------------------------
# Errors instead of tracebacks (issue 10, item 5): exit 2, one line naming option and path

INPUT_OPTIONS = ["--data", "--departures", "--safe-countries"]
VALID_INPUT = {
    "--data": "golden_mei_2021_counts.csv",
    "--departures": "golden_mei_2021_departures.csv",
    "--safe-countries": "safe_countries_valid.csv",
}


def error_of(capsys: pytest.CaptureFixture[str]) -> str:
    """The one line on stderr; nothing on stdout."""
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.endswith("\n"), captured.err
    return captured.err


def non_utf8(directory: Path, name: bytes) -> str:
    """A path whose last component is the raw bytes ``name``, as Python decodes file names."""
    return os.fsdecode(os.fsencode(directory) + b"/" + name)


@pytest.mark.parametrize("option", INPUT_OPTIONS)
def test_an_input_that_is_a_directory(option: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", option, str(tmp_path)]) == 2
    assert error_of(capsys) == f"kerncijfers: error: {option} {tmp_path}: is a directory, not a file that can be read\n"


@pytest.mark.parametrize("option", INPUT_OPTIONS)
def test_a_missing_input(option: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.csv"
    assert main(["report", option, str(missing)]) == 2
    assert error_of(capsys) == f"kerncijfers: error: {option} {missing}: no such file\n"
    missing = tmp_path / "no-dir" / "missing.csv"
    assert main(["report", option, str(missing)]) == 2
    assert error_of(capsys) == (
        f"kerncijfers: error: {option} {missing}: no such file (the directory {missing.parent} does not exist)\n"
    )


def test_an_input_that_is_a_dangling_link(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "link.csv").symlink_to("gone.csv")
    assert main(["report", "--data", str(tmp_path / "link.csv")]) == 2
    assert error_of(capsys) == (
        f"kerncijfers: error: --data {tmp_path / 'link.csv'}: is a symbolic link to gone.csv, which does not exist\n"
    )


def test_the_second_of_several_files_is_named(tmp_path: Path, test_data: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    good = str(test_data / "golden_mei_2021_counts.csv")
    assert main(["report", "--data", good, "--data", str(tmp_path)]) == 2
    assert f"--data {tmp_path}: is a directory" in error_of(capsys)


@pytest.mark.parametrize("option", INPUT_OPTIONS)
def test_an_unreadable_input(option: str, tmp_path: Path, test_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "locked.csv"
    shutil.copyfile(test_data / VALID_INPUT[option], locked)
    locked.chmod(0)
    if os.geteuid() == 0:
        # Root reads any file: run without the capabilities that let it.
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("as root, an unreadable file needs setpriv (util-linux) to drop CAP_DAC_OVERRIDE")
        drop = "-dac_override,-dac_read_search"
        result = subprocess.run(
            [setpriv, f"--bounding-set={drop}", f"--inh-caps={drop}", sys.executable, "-m", "kerncijfers",
             "report", option, str(locked)],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        code, err = result.returncode, result.stderr
    else:
        code, err = main(["report", option, str(locked)]), error_of(capsys)
    assert code == 2
    assert err == f"kerncijfers: error: {option} {locked}: cannot be read: permission denied\n"


def test_a_fifo_is_read_like_a_file(tmp_path: Path, test_data: Path) -> None:
    """A stream (a FIFO here, as from a shell's ``<(...)``) is an input like a file."""
    fifo = tmp_path / "counts.fifo"
    os.mkfifo(fifo)
    process = subprocess.Popen(
        [sys.executable, "-m", "kerncijfers", "report", "--data", str(fifo), "--format", "json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        with open(fifo, "wb") as writer:  # blocks until the reader opens it
            writer.write((test_data / "golden_mei_2021_counts.csv").read_bytes())
        out, err = process.communicate(timeout=120)
    finally:
        process.kill()
        process.wait()
    assert process.returncode == 0, err
    assert json.loads(out)["period"] == "2021-05"


@pytest.mark.parametrize("value", ["99999999999999999999", "0", "-1", "1001", "abc", "2.5", ""])
def test_top_out_of_range(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--top", value]) == 2
    expected = f"kerncijfers: error: argument --top: expected a whole number from 1 to 1000, got '{value}'\n"
    assert error_of(capsys) == expected


@pytest.mark.parametrize("value", [1, 1000])
def test_top_at_its_limits(value: int, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--top", str(value), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["options"]["top_first_month"] == value


def test_argument_errors_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--bogus"]) == 2
    assert error_of(capsys) == "kerncijfers: error: unrecognized arguments: --bogus\n"
    assert main([]) == 2
    assert error_of(capsys) == "kerncijfers: error: the following arguments are required: command\n"
    assert main(["report", "--month", "2021-13"]) == 2
    assert error_of(capsys).startswith('kerncijfers: error: argument --month: cannot parse "2021-13"')
    assert main(["report", "--help"]) == 0
    assert "usage: kerncijfers report" in capsys.readouterr().out


def test_an_output_directory_that_is_missing_or_a_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing" / "page.md"
    assert main(["report", "--output", str(missing)]) == 2
    expected = f"kerncijfers: error: --output {missing}: the directory {missing.parent} does not exist\n"
    assert error_of(capsys) == expected
    assert main(["report", "--output", str(tmp_path)]) == 2
    assert error_of(capsys) == (
        f"kerncijfers: error: --output {tmp_path}: is a directory, not a regular file "
        "(kerncijfers replaces only regular files)\n"
    )


# ----------------------------------------------------------------------------------------
# File names that are not UTF-8, or hold control characters: shown escaped


def test_a_missing_file_whose_name_is_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = non_utf8(tmp_path, b"\xff\xfe.csv")
    assert main(["report", "--data", name]) == 2
    assert error_of(capsys) == f"kerncijfers: error: --data {tmp_path}/\\xff\\xfe.csv: no such file\n"


def test_files_whose_names_are_not_utf8(tmp_path: Path, test_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = non_utf8(tmp_path, b"good-\xe9.csv")
    shutil.copyfile(test_data / "golden_mei_2021_counts.csv", good)
    out = non_utf8(tmp_path, b"page-\xe9.md")
    assert main(["report", "--data", good, "--output", out]) == 0
    assert Path(out).read_text(encoding="utf-8").startswith("## KERNCIJFERS ASIEL EN MIGRATIE, MEI 2021")

    bad = non_utf8(tmp_path, b"bad-\xff.csv")
    Path(bad).write_text("period,category,nationality,count,source,release\n"
                         "2021-05,first_application,Atlantis,5,x,\n", encoding="utf-8")  # fmt: skip
    assert main(["report", "--data", bad]) == 2
    err = error_of(capsys)
    assert err.startswith("kerncijfers: error: ")
    assert f"{tmp_path}/bad-\\xff.csv" in err and "line 2" in err and "Atlantis" in err

    directory = non_utf8(tmp_path, b"dir-\xff")
    os.mkdir(directory)
    assert main(["report", "--output", directory]) == 2
    assert f"--output {tmp_path}/dir-\\xff: is a directory" in error_of(capsys)


def test_a_name_that_is_not_utf8_through_a_real_process_in_the_c_locale(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/\xff.csv"
    result = subprocess.run(
        [os.fsencode(sys.executable), b"-m", b"kerncijfers", b"report", b"--safe-countries", name],
        capture_output=True, timeout=120, env={**os.environ, "LC_ALL": "C"},
    )  # fmt: skip
    assert result.returncode == 2
    expected = b"kerncijfers: error: --safe-countries " + os.fsencode(tmp_path) + b"/\\xff.csv: no such file\n"
    assert result.stderr == expected


def test_control_characters_in_a_name_are_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = str(tmp_path / "two\nlines\x1b[31m\u202e.csv")
    assert main(["report", "--departures", name]) == 2
    expected = f"kerncijfers: error: --departures {tmp_path}/two\\nlines\\x1b[31m\\u202e.csv: no such file\n"
    assert error_of(capsys) == expected


# ----------------------------------------------------------------------------------------
# A closed standard output


class _ClosedPipe(io.RawIOBase):
    """The write end of a pipe whose reader has gone."""

    closed_pipe = True

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        if self.closed_pipe:
            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))
        return len(data)  # type: ignore[arg-type]


def test_a_closed_pipe_ends_quietly(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    raw = _ClosedPipe()
    stdout = io.TextIOWrapper(io.BufferedWriter(raw), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", stdout)
    try:
        assert main(["report"]) == 141
    finally:
        raw.closed_pipe = False  # so that closing the stream cannot fail
        stdout.close()
    assert capsys.readouterr().err == ""


def test_a_closed_pipe_through_a_real_process() -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before the page is written, as after `| head -c 10`
    try:
        result = subprocess.run([sys.executable, "-m", "kerncijfers", "report", "--format", "html"],
                                stdout=write_end, stderr=subprocess.PIPE, timeout=120)  # fmt: skip
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (141, b"")


def test_head_through_a_shell_shows_no_traceback() -> None:
    command = f"{shlex.quote(sys.executable)} -m kerncijfers report | head -c 10"
    result = subprocess.run(["sh", "-c", command], capture_output=True, timeout=120)
    assert result.stdout == b"## KERNCIJ"
    assert result.stderr == b""


def test_a_closed_standard_output(tmp_path: Path) -> None:
    command = f"exec {shlex.quote(sys.executable)} -m kerncijfers report >&-"
    result = subprocess.run(["sh", "-c", command], capture_output=False, stderr=subprocess.PIPE, timeout=120)
    assert result.returncode == 2
    assert result.stderr == b"kerncijfers: error: standard output is closed; name a file with --output FILE\n"


# ----------------------------------------------------------------------------------------
# Errors from the library: a clean line; anything else: an internal error, reported as a bug


@pytest.mark.parametrize(
    ("raised", "message"),
    [
        (RuntimeError("basic_filebuf::underflow error reading the file: Input/output error"),
         "basic_filebuf::underflow error reading the file: Input/output error"),
        (UnicodeDecodeError("utf-8", b"cannot open counts file /x/\xff.csv", 27, 28, "invalid start byte"),
         "cannot open counts file /x/\\xff.csv"),
        (MemoryError(), "out of memory"),
        (OSError(errno.EIO, "Input/output error"), "input/output error"),
    ],
    ids=["RuntimeError", "UnicodeDecodeError", "MemoryError", "OSError"],
)  # fmt: skip
def test_a_library_error_while_reading_names_option_and_file(
    raised: Exception, message: str, tmp_path: Path, test_data: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    def failing(path: object) -> list[object]:
        raise raised

    monkeypatch.setattr(kerncijfers._core, "read_count_rows", failing)
    data = str(test_data / "golden_mei_2021_counts.csv")
    assert main(["report", "--data", data]) == 2
    assert error_of(capsys) == f"kerncijfers: error: --data {data}: {message}\n"


def test_a_library_message_on_several_lines_becomes_one(monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    def failing(*args: object) -> object:
        raise kerncijfers.InvalidInput("the month\n  2021-05\tis\x00 not covered")

    monkeypatch.setattr(kerncijfers._core, "compute_key_figures", failing)
    assert main(["report"]) == 2
    assert error_of(capsys) == "kerncijfers: error: the month 2021-05 is\\x00 not covered\n"


def test_a_bad_departures_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "departures.csv"
    bad.write_text("period,group\n2021,all\n", encoding="utf-8")
    assert main(["report", "--departures", str(bad)]) == 2
    err = error_of(capsys)
    assert err.startswith(f"kerncijfers: error: {bad}") and 'wrong header "period,group"' in err


def test_an_internal_error_is_reported_as_a_bug(monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    def broken(*args: object) -> object:
        raise TypeError("boom\nsecond line")

    monkeypatch.setattr(kerncijfers._core, "compute_key_figures", broken)
    monkeypatch.delenv("KERNCIJFERS_TRACEBACK", raising=False)
    assert main(["report"]) == 1
    err = error_of(capsys)
    assert err == (
        f"kerncijfers: internal error: TypeError: boom second line (a bug in kerncijfers {kerncijfers.__version__}, "
        "not in your input: please report it with the command that caused it; "
        "KERNCIJFERS_TRACEBACK=1 shows the traceback)\n"
    )
    monkeypatch.setenv("KERNCIJFERS_TRACEBACK", "1")
    assert main(["report"]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith("Traceback (most recent call last):")
    assert "in broken" in captured.err and captured.err.endswith(err)


def test_an_interrupt_exits_130(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def interrupted(*args: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(kerncijfers._core, "compute_key_figures", interrupted)
    assert main(["report"]) == 130
    assert capsys.readouterr().err == ""


# ----------------------------------------------------------------------------------------
# Eurostat's data: --eurostat, --geo, --year, --quarter, --trailing


def _annual_counts() -> kerncijfers.CountsTable:
    """NL first-time applicants, Eurostat's annual counts for 2021 (real: TOTAL, Syria,
    Afghanistan, unknown; the rest put on Turkey, not real)."""
    rows = [(None, 24755), ("SYR", 8385), ("AFG", 3010), ("XXX", 830), ("TUR", 12530)]
    return kerncijfers.CountsTable.from_rows(
        [
            kerncijfers.CountRow(kerncijfers.Year(2021), kerncijfers.Category.first_application, n, c, "Eurostat x")
            for n, c in rows
        ],
        "annual",
    )


@pytest.fixture
def eurostat_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[tuple[str, str]]]:
    """A file for --eurostat, read by a stand-in for the reader that records its calls."""
    import kerncijfers.report

    path = tmp_path / "migr_asyappctza.tsv"
    path.write_text("stand-in\n", encoding="utf-8")
    calls: list[tuple[str, str]] = []

    def fake(p: str, geo: str = "NL") -> kerncijfers.CountsTable:
        calls.append((str(p), geo))
        return _annual_counts()

    monkeypatch.setattr(kerncijfers.report, "eurostat_counts", fake)
    return path, calls


def test_eurostat_year_page_for_another_country(
    eurostat_file: tuple[Path, list[tuple[str, str]]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, calls = eurostat_file
    assert main(["report", "--eurostat", str(path), "--geo", "DE", "--year", "2021"]) == 0
    page = capsys.readouterr().out
    assert calls == [(str(path), "DE")]
    assert page.startswith("## KERNCIJFERS ASIEL EN MIGRATIE, DUITSLAND, 2021\n")
    assert (
        "In Duitsland kwam in 2021 51% van de asielzoekers die voor het eerst een aanvraag indienden uit Turkije."
        in (page)
    )
    assert "(reden: niet in deze bron)" in page
    assert "voor Duitsland zijn ze niet opgegeven en staan ze niet op deze pagina." in page
    assert main(["report", "--eurostat", str(path), "--geo", "DE", "--year", "2021", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["period"] == "2021" and document["unit"] == "year"
    assert document["reporting_country"] == {"nl": "Duitsland", "en": "Germany"}
    assert document["options"]["reporting_country"] == "DE"
    assert document["safe_month"]["problem"] == "not-for-country"


def test_eurostat_nl_year_page_in_english(
    eurostat_file: tuple[Path, list[tuple[str, str]]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, calls = eurostat_file
    assert main(["report", "--eurostat", str(path), "--year", "2021", "--lang", "en", "--trailing", "1"]) == 0
    page = capsys.readouterr().out
    assert calls == [(str(path), "NL")]
    assert page.startswith("## KEY FIGURES ASYLUM AND MIGRATION, 2021\n")
    assert "In 2021, 51% of first-time asylum applicants came from Turkey. 34% came from Syria" in page
    assert "Over the past year (2021), 51% of first-time asylum applicants came from Turkey" in page


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--year", "2021", "--data", "{file}"], "--quarter and --year need --eurostat (--data is monthly)"),
        (["--geo", "DE"], "--geo needs --eurostat (the counts CSV files have no reporting country)"),
        (
            ["--eurostat", "{file}"],
            "--eurostat needs the page's period: --year YYYY, --quarter YYYY-Qn or --month YYYY-MM",
        ),
    ],
)
def test_eurostat_options_that_do_not_fit(
    argv: list[str],
    message: str,
    eurostat_file: tuple[Path, list[tuple[str, str]]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, _ = eurostat_file
    assert main(["report", *(a.replace("{file}", str(path)) for a in argv)]) == 2
    assert error_of(capsys) == f"kerncijfers: error: {message}\n"


def test_a_yearly_page_from_the_bundled_eurostat_data(capsys: pytest.CaptureFixture[str]) -> None:
    """Without --data or --eurostat, --year reads the bundled NL part of migr_asyappctza (real data)."""
    assert main(["report", "--year", "2021"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("## KERNCIJFERS ASIEL EN MIGRATIE, 2021\n")
    assert "In 2021 kwam 34% van de asielzoekers die voor het eerst een aanvraag indienden uit Syrië." in page
    assert "(Bron: Eurostat migr\\_asyappctza, ongedateerd)" in page
    assert "(Door Eurostat afgerond op 5.)" in page
    assert "nareizigers in 2021 is niet beschikbaar (reden: niet in deze bron)" in page


def test_eurostat_bad_period_and_geo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--year", "21"]) == 2
    assert "argument --year" in error_of(capsys)
    assert main(["report", "--geo", "de"]) == 2
    assert error_of(capsys).endswith("expected a Eurostat geo code such as NL, DE or EL, got 'de'\n")
    assert main(["report", "--eurostat", str(tmp_path / "missing.tsv"), "--year", "2021"]) == 2
    assert error_of(capsys) == f"kerncijfers: error: --eurostat {tmp_path / 'missing.tsv'}: no such file\n"
