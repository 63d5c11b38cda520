"""The command line: the bundled report, options, and bad input (exit 2, one line, no file)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

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
        capture_output=True, text=True, check=True,
    )
    data = json.loads(result.stdout)
    assert "first_month" in json.dumps(data)


def test_golden_options(tmp_path: Path, test_data: Path) -> None:
    out = tmp_path / "page.md"
    code = main([
        "report", "--data", str(test_data / "golden_mei_2021_counts.csv"),
        "--departures", str(test_data / "golden_mei_2021_departures.csv"),
        "--nareiziger-window-end", "2021-04", "--output", str(out),
    ])
    assert code == 0
    page = out.read_text(encoding="utf-8")
    assert "In 2021 zijn ongeveer 7.690 vreemdelingen" in page
    assert main(["report", "--data", str(test_data / "golden_mei_2021_counts.csv"), "--rounding",
                 "largest-remainder", "--format", "html", "--output", str(tmp_path / "p.html")]) == 0
    assert (tmp_path / "p.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_bad_input_one_line_exit_2_no_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("period,category,nationality,count,source,release\n2021-05,first_application,Atlantis,5,x,\n",
                   encoding="utf-8")
    out = tmp_path / "page.md"
    assert main(["report", "--data", str(bad), "--output", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "bad.csv" in err and "line 2" in err and "Atlantis" in err
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [bad]
