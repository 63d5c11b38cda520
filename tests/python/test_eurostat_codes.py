"""Eurostat's citizenship and reporting-country codes (eurostat_codes.hpp)."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import kerncijfers as kc
import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("code", "alpha3"),
    [
        ("EL", "GRC"),
        ("UK", "GBR"),
        ("XK", "XKX"),
        ("STLS", "XXA"),
        ("UNK", "XXX"),
        ("RNC", "XRN"),
        ("UK_OCT", "GBD"),
        ("SY", "SYR"),
        ("NA", "NAM"),
    ],
)
def test_eurostat_codes_map_onto_nationalities(code: str, alpha3: str) -> None:
    found = kc.nationality_from_eurostat(code)
    assert found is not None
    assert found.alpha3 == alpha3
    assert kc.nationality_of_eurostat(code) == found
    assert kc.eurostat_code(found) == code


@pytest.mark.parametrize("code", ["GR", "GB", "sy", "SYR", "Syria", "", "TOTAL", "EU27_2020", "EXT_EU27_2020"])
def test_other_text_is_no_eurostat_nationality(code: str) -> None:
    assert kc.nationality_from_eurostat(code) is None


def test_errors_name_the_code_and_suggest_eurostat_spelling() -> None:
    with pytest.raises(kc.UnknownCode, match=r'^unknown Eurostat citizenship code "GR"; did you mean "EL"\?$'):
        kc.nationality_of_eurostat("GR")
    with pytest.raises(kc.InvalidInput, match=r'^Eurostat code "TOTAL" is an aggregate'):
        kc.nationality_of_eurostat("TOTAL")


def test_aggregates_and_geo_names() -> None:
    assert kc.is_eurostat_aggregate("EXT_EU27_2020")
    assert not kc.is_eurostat_aggregate("NL")
    assert kc.eurostat_geo_name("DE") == "Duitsland"
    assert kc.eurostat_geo_name("DE", kc.Language.en) == "Germany"
    assert kc.eurostat_geo_name("EU27_2020", kc.Language.en) == "European Union (27 countries from 2020)"
    with pytest.raises(kc.UnknownCode):
        kc.eurostat_geo_name("XX")


def test_every_code_of_the_real_file_is_a_nationality_or_an_aggregate(shared_eurostat_file: Path) -> None:
    path = shared_eurostat_file
    citizens: set[str] = set()
    geos: set[str] = set()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split(",")
        ci, gi = header.index("citizen"), header.index("geo")
        for line in f:
            fields = line.split(",")
            citizens.add(fields[ci])
            geos.add(fields[gi])
    assert len(citizens) == 206
    assert len(geos) == 34
    mapped = {c: kc.nationality_from_eurostat(c) for c in citizens}
    assert sorted(c for c, n in mapped.items() if n is None) == ["EU27_2020", "EXT_EU27_2020", "TOTAL"]
    assert all(kc.is_eurostat_aggregate(c) for c, n in mapped.items() if n is None)
    nationalities = [n for n in mapped.values() if n is not None]
    assert len(set(nationalities)) == len(nationalities) == 203
    for geo in geos:
        assert kc.eurostat_geo_name(geo, kc.Language.nl)
        assert kc.eurostat_geo_name(geo, kc.Language.en)


def test_generated_table_is_up_to_date() -> None:
    tool = REPO / "tools" / "generate_eurostat_codes_table.py"
    done = subprocess.run([sys.executable, str(tool), "--check"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
