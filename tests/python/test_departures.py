"""Departures from Python: supervised = independent + forced, years and years to date."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import kerncijfers as kc
import pytest


def test_bundled_dtv_departures() -> None:
    from kerncijfers.data import bundled_departures_files

    table = kc.read_departures_csv(bundled_departures_files()[0])
    totals = table.figures(kc.DepartureGroup.all, "2021")
    assert (totals.independent, totals.forced, totals.unsupervised) == (2100, 1630, 5600)
    assert totals.supervised() == 3730
    assert totals.total() == 9330
    ytd = table.figures(kc.DepartureGroup.all, kc.parse_departure_period("2023-01/2023-10"))
    assert ytd.total() == 2820 + 1990 + 3960
    assert not table.try_figures(kc.DepartureGroup.criminal, kc.Year(2021))


def test_bad_mode_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "departures.csv"
    path.write_text("period,group,mode,count,source,release\n2021,all,teleported,5,test,\n", encoding="utf-8")
    with pytest.raises(
        kc.ParseError, match=r'departures\.csv.*line 2.*"teleported"|"teleported".*departures\.csv.*line 2'
    ):
        kc.read_departures_csv(path)


def test_a_file_name_that_is_not_utf8_round_trips(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/departures-\xe9.csv"
    with open(raw, "wb") as f:
        f.write(b"period,group,mode,count,source,release\n2021,all,forced,1630,DT&V,2022-02\n")
    name = os.fsdecode(raw)
    table = kc.read_departures_csv(name)
    assert table.origin == name and table.rows()[0].file == name
    restored = pickle.loads(pickle.dumps(table))
    assert restored == table and restored.origin == name
    assert kc.DeparturesTable.from_rows(kc.read_departure_rows(raw), raw).origin == name
