"""The CBS StatLine reader (kerncijfers/cbs.hpp): read_cbs, read_cbs_text, read_cbs_records,
cbs_bundle_retrieved; and the whole page of May 2021 computed from a format-true 83102NED.

The fixtures are described in tests/data/cbs/README.md (what was confirmed, what is assumed);
the golden ones are written by tools/make_cbs_fixtures.py from the golden counts.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import kerncijfers as kc
import pytest

Value = str | int | float | None  # a cbsodata record's values

_ROOT = Path(__file__).resolve().parents[2]
MAY_2021 = kc.Month(2021, 5)


def row_keys(table: kc.CountsTable) -> list[tuple[str, str, str, int, str]]:
    return sorted(
        (
            r.period.iso(),
            r.category.name,
            r.nationality.alpha3 if r.nationality else "TOTAL",
            r.count,
            r.flags.letters(),
        )
        for r in table.rows()
    )


SMALL = [
    ("2020", "family_reunification", "SYR", 4100, ""),
    ("2020", "first_application", "SYR", 4650, ""),
    ("2020", "repeat_application", "SYR", 250, ""),
    ("2021-05", "family_reunification", "SYR", 160, "p"),
    ("2021-05", "family_reunification", "TOTAL", 325, "p"),
    ("2021-05", "first_application", "SYR", 520, "p"),
    ("2021-05", "first_application", "TOTAL", 1880, "p"),
    ("2021-05", "repeat_application", "SYR", 20, "p"),
    ("2021-05", "repeat_application", "TOTAL", 160, "p"),
    ("2021-Q2", "family_reunification", "XXX", 0, "p"),
    ("2021-Q2", "first_application", "XXX", 45, "p"),
    ("2021-Q2", "repeat_application", "XXX", 0, "p"),
]


# ---------------------------------------------------------------------------------------
# The three forms


def test_bundle(test_data: Path) -> None:
    path = test_data / "cbs" / "small_bundle.json"
    table = kc.read_cbs(path)
    assert row_keys(table) == SMALL
    assert table.origin == str(path)
    row = table.rows()[0]
    assert row.source == "CBS StatLine 83102NED"
    assert row.source_multiple == 5
    assert row.release == kc.Release.parse("2021-06-15")
    assert kc.cbs_bundle_retrieved(path) == "2026-12-07T22:30:00Z"


def test_bundle_gzip_and_options(test_data: Path, tmp_path: Path) -> None:
    path = tmp_path / "83102NED.json.gz"
    path.write_bytes(gzip.compress((test_data / "cbs" / "small_bundle.json").read_bytes()))
    table = kc.read_cbs(path, table="83102NED", modified="2021-07-01")
    assert row_keys(table) == SMALL
    assert {r.release for r in table.rows()} == {kc.Release.parse("2021-07-01")}
    assert kc.cbs_bundle_retrieved(path) == "2026-12-07T22:30:00Z"


def test_odata_directory(test_data: Path, tmp_path: Path) -> None:
    bundle = json.loads((test_data / "cbs" / "small_bundle.json").read_text(encoding="utf-8"))
    for name, value in bundle["documents"].items():
        (tmp_path / f"{name}.json").write_text(json.dumps(value, indent=2), encoding="utf-8")
    assert row_keys(kc.read_cbs(tmp_path)) == SMALL


def test_records_as_cbsodata_returns_them(test_data: Path) -> None:
    records = json.loads((test_data / "cbs" / "small_records.json").read_text(encoding="utf-8"))
    table = kc.read_cbs_records(records, modified="2021-06-15")
    # Records carry no period status.
    assert row_keys(table) == [(p, c, n, v, "") for p, c, n, v, _ in SMALL]
    assert {r.release for r in table.rows()} == {kc.Release.parse("2021-06-15")}
    assert not kc.read_cbs_records(records).rows()[0].release.is_dated()


def test_records_untyped_values_and_nan() -> None:
    records: list[dict[str, Value]] = [
        {"ID": 0, "Nationaliteit": "Syrisch", "Perioden": "2021 mei", "EersteAsielverzoekenPersonen_2": "   520"},
        {"ID": 1, "Nationaliteit": "Eritrees", "Perioden": "2021 mei", "EersteAsielverzoekenPersonen_2": float("nan")},
        {"ID": 2, "Nationaliteit": "Onbekend", "Perioden": "2021 mei", "EersteAsielverzoekenPersonen_2": 35.0},
    ]
    assert row_keys(kc.read_cbs_records(records)) == [
        ("2021-05", "first_application", "SYR", 520, ""),
        ("2021-05", "first_application", "XXX", 35, ""),
    ]


def test_statline_csv(test_data: Path) -> None:
    table = kc.read_cbs(test_data / "cbs" / "small_statline.csv")
    assert row_keys(table) == SMALL
    text = (test_data / "cbs" / "small_statline.csv").read_text(encoding="utf-8-sig")
    assert row_keys(kc.read_cbs_text(text, "download.csv")) == SMALL


# ---------------------------------------------------------------------------------------
# Refusals: exact types and messages


def test_unknown_nationality_names_title_and_place() -> None:
    records: list[dict[str, Value]] = [
        {"Nationaliteit": "Atlantisch", "Perioden": "2021", "EersteAsielverzoekenPersonen_2": 5}
    ]
    with pytest.raises(ValueError) as error:
        kc.read_cbs_records(records)
    assert str(error.value).startswith(
        'records[0], field "Nationaliteit": unknown CBS nationality title "Atlantisch" (neither a title of '
        "data/cbs_nationalities.csv nor a nationality's name"
    )


def test_aggregate_is_never_a_nationality() -> None:
    records: list[dict[str, Value]] = [
        {"Nationaliteit": "Afrika", "Perioden": "2021 mei", "EersteAsielverzoekenPersonen_2": 500},
        {"Nationaliteit": "(voormalige) Sovjet-Unie", "Perioden": "2021 mei", "EersteAsielverzoekenPersonen_2": 50},
        {"Nationaliteit": "Totaal", "Perioden": "2021 mei", "EersteAsielverzoekenPersonen_2": 900},
    ]
    assert row_keys(kc.read_cbs_records(records)) == [("2021-05", "first_application", "TOTAL", 900, "")]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (-5, 'records[0], field "EersteAsielverzoekenPersonen_2": expected a count (never negative)'),
        (5.5, 'records[0], field "EersteAsielverzoekenPersonen_2": expected a count (a whole number)'),
        (
            10**9,
            'records[0], field "EersteAsielverzoekenPersonen_2": expected a count (at most 999,999,999: larger is no '
            "asylum count)",
        ),
        (
            "veel",
            'records[0], field "EersteAsielverzoekenPersonen_2": expected a count (plain digits; "." or empty when '
            "missing)",
        ),
    ],
)
def test_bad_counts(value: Value, message: str) -> None:
    records: list[dict[str, Value]] = [
        {"Nationaliteit": "Syrisch", "Perioden": "2021", "EersteAsielverzoekenPersonen_2": value}
    ]
    with pytest.raises(ValueError) as error:
        kc.read_cbs_records(records)
    assert str(error.value) == message


def test_huge_python_int_and_wrong_types() -> None:
    with pytest.raises(ValueError, match=r"the integer 10{30} is far too large for a count"):
        kc.read_cbs_records(
            [{"Nationaliteit": "Syrisch", "Perioden": "2021", "EersteAsielverzoekenPersonen_2": 10**30}]
        )
    with pytest.raises(TypeError, match="takes a list of dicts"):
        kc.read_cbs_records("[]")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"records\[0\] is a list, not a dict"):
        kc.read_cbs_records([[1, 2]])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"a record's value is a str, an int, a float or None, not list"):
        kc.read_cbs_records([{"Nationaliteit": ["Syrisch"]}])  # type: ignore[dict-item]


def test_duplicate_is_an_error() -> None:
    records: list[dict[str, Value]] = [
        {"Nationaliteit": "Syrisch", "Perioden": "2021 mei", "EersteAsielverzoekenPersonen_2": 5},
        {"Nationaliteit": "Syrië", "Perioden": "2021MM05", "EersteAsielverzoekenPersonen_2": 5},
    ]
    with pytest.raises(ValueError) as error:
        kc.read_cbs_records(records)
    assert str(error.value) == (
        'records[1], field "EersteAsielverzoekenPersonen_2": a second value for SYR 2021-05 first_application (the '
        'first at records[0], field "EersteAsielverzoekenPersonen_2"; two titles or rows name the same nationality, '
        "period and topic)"
    )


def test_csv_errors_name_line_and_column() -> None:
    text = '"Nationaliteit";"Perioden";"Eerste asielverzoeken (personen) (aantal)"\n"Syrisch";"2021 mei";"-5"\n'
    with pytest.raises(ValueError) as error:
        kc.read_cbs_text(text, "x.csv")
    assert str(error.value) == (
        'cannot parse "-5" as a count (plain digits or Dutch thousands, 1.880; "." or empty when missing) in x.csv, '
        'line 2, column 3 ("Eerste asielverzoeken (personen) (aantal)")'
    )


def test_not_a_bundle_and_bad_modified(test_data: Path, tmp_path: Path) -> None:
    csv_path = test_data / "cbs" / "small_statline.csv"
    (tmp_path / "x.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ValueError, match="is not a CBS bundle"):
        kc.cbs_bundle_retrieved(tmp_path / "x.json")
    with pytest.raises(ValueError, match=r"cannot parse .* as JSON"):
        kc.cbs_bundle_retrieved(csv_path)
    with pytest.raises(ValueError, match=r'cannot parse "gisteren" as a release'):
        kc.read_cbs(csv_path, modified="gisteren")
    with pytest.raises(ValueError, match=r"cannot open .*absent\.json"):
        kc.read_cbs(tmp_path / "absent.json")


# ---------------------------------------------------------------------------------------
# Issue 13, item 4: the whole page of May 2021 from a format-true 83102NED


def _not_in_cbs(test_data: Path) -> list[kc.CountRow]:
    """The golden rows CBS's table does not hold (relocation, resettlement): a page needs them
    from their own source, as it needs departures from theirs."""
    rows = kc.read_count_rows(test_data / "golden_mei_2021_counts.csv")
    return [r for r in rows if r.category in (kc.Category.relocation, kc.Category.resettlement)]


def _figures(counts: kc.CountsTable, test_data: Path) -> kc.KeyFigures:
    departures = kc.read_departures_csv(test_data / "golden_mei_2021_departures.csv")
    options = kc.KeyFiguresOptions(family_reunification_window_end=kc.Month(2021, 4))
    return kc.compute_key_figures(counts, departures, kc.nl_safe_countries(), MAY_2021, options)


def _cbs_tables(test_data: Path) -> dict[str, kc.CountsTable]:
    folder = test_data / "cbs"
    with gzip.open(folder / "golden_mei_2021_records.json.gz", "rt", encoding="utf-8") as stream:
        records = json.load(stream)
    return {
        "bundle": kc.read_cbs(folder / "golden_mei_2021_83102NED.json.gz"),
        "csv": kc.read_cbs(folder / "golden_mei_2021_83102NED.csv", modified="2021-06-15"),
        "records": kc.read_cbs_records(records, modified="2021-06-15"),
    }


# What legitimately differs between the CBS path and the golden CSV, and nothing else: where the
# numbers come from (the source), CBS's rounding to 5 and its provisional marking of 2021's
# months (the golden CSV has neither). Checked apart below.
_PROVENANCE = {"source", "provisional", "flags", "source_multiple"}
_FIGURES = ("first_month", "first_trailing", "nareizigers_month", "nareizigers_trailing", "safe_month", "influx")


def _without_provenance(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_provenance(v) for k, v in value.items() if k not in _PROVENANCE}
    if isinstance(value, list):
        return [_without_provenance(v) for v in value]
    return value


@pytest.mark.parametrize("form", ["bundle", "csv", "records"])
def test_whole_page_from_cbs_table(form: str, test_data: Path, golden_figures: kc.KeyFigures) -> None:
    table = _cbs_tables(test_data)[form]
    # Every golden count of the three CBS categories, nothing else (no men, no age group, no
    # continent, no total topic).
    golden_rows = kc.read_counts_csv(test_data / "golden_mei_2021_counts.csv")
    cbs_categories = (kc.Category.first_application, kc.Category.repeat_application, kc.Category.family_reunification)
    expected = sorted((p, c, n, v) for p, c, n, v, _ in row_keys(golden_rows) if c in {x.name for x in cbs_categories})
    assert sorted((p, c, n, v) for p, c, n, v, _ in row_keys(table)) == expected

    counts = kc.CountsTable.from_rows(list(table.rows()) + _not_in_cbs(test_data), "83102NED")
    k = _figures(counts, test_data)
    g = golden_figures
    for name in ("first_month", "first_trailing", "family_reunification_month", "family_reunification_trailing"):
        got, want = getattr(k, name), getattr(g, name)
        assert [(r.kind, r.nationality, r.count, r.percent) for r in got.rows] == [
            (r.kind, r.nationality, r.count, r.percent) for r in want.rows
        ], name
        assert (got.total, got.percent_sum, got.status) == (want.total, want.percent_sum, want.status), name
    # Onbekend and overig rows are there, as on the page.
    kinds = {r.kind.name for r in k.first_month.rows}
    assert {"unknown", "other"} <= kinds
    # The safe-country share: exact (every nationality is in the table), the same as the golden path.
    assert k.safe_month.status.name == "exact"
    assert (k.safe_month.total, k.safe_month.safe_count, k.safe_month.percent) == (
        g.safe_month.total, g.safe_month.safe_count, g.safe_month.percent,
    )  # fmt: skip
    assert k.safe_month.undetermined_nationalities == []
    # Every figure of the page, as JSON, equal but for where the numbers come from.
    got_json = _without_provenance(json.loads(kc.render_json(k)))
    want_json = _without_provenance(json.loads(kc.render_json(g)))
    assert got_json == want_json
    cbs_json = json.loads(kc.render_json(k))
    for name in _FIGURES:
        figure = cbs_json[name]
        # Records carry no period status, so nothing is provisional there.
        marked = (True, "p") if form != "records" else (None, None)
        assert (figure.get("provisional"), figure.get("flags"), figure["source_multiple"]) == (*marked, 5), name
        assert "CBS StatLine 83102NED" in figure["source"]["sources"], name
    # The source line names the table.
    assert "CBS StatLine 83102NED" in kc.render_markdown(k, "nl")


def test_bundle_marks_2021_provisional(test_data: Path) -> None:
    table = _cbs_tables(test_data)["bundle"]
    flags = {(r.period.iso()[:4], r.flags.letters()) for r in table.rows()}
    assert flags == {("2020", ""), ("2021", "p")}
    assert {r.release for r in table.rows()} == {kc.Release.parse("2021-06-15")}
    assert kc.cbs_bundle_retrieved(test_data / "cbs" / "golden_mei_2021_83102NED.json.gz") == "2021-06-20T09:00:00Z"


def test_fixtures_are_current() -> None:
    tool = _ROOT / "tools" / "make_cbs_fixtures.py"
    result = subprocess.run([sys.executable, str(tool), "--check"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_nationality_table_is_current() -> None:
    tool = _ROOT / "tools" / "generate_cbs_nationalities_table.py"
    result = subprocess.run([sys.executable, str(tool), "--check"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("name", "retrieved"),
    [("golden_mei_2021_83102NED.json.gz", "2021-06-20"), ("golden_mei_2021_83102NED.csv", None)],
)
def test_report_cbs_option(
    name: str, retrieved: str | None, test_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kerncijfers.cli import main

    path = str(test_data / "cbs" / name)
    golden = ["--data", str(test_data / "golden_mei_2021_counts.csv")]
    assert main(["report", "--month", "2021-05", *golden, "--format", "json"]) == 0
    want = json.loads(capsys.readouterr().out)
    assert main(["report", "--month", "2021-05", "--cbs", path, "--format", "json"]) == 0
    got = json.loads(capsys.readouterr().out)
    # The figures 83102NED gives equal the golden path's, but for where the numbers come from.
    for figure in ("first_month", "first_trailing", "nareizigers_month", "nareizigers_trailing", "safe_month"):
        assert _without_provenance(got[figure]) == _without_provenance(want[figure]), figure
        assert "CBS StatLine 83102NED" in got[figure]["source"]["sources"], figure
    assert main(["report", "--month", "2021-05", "--cbs", path, "--lang", "en"]) == 0
    page = capsys.readouterr().out
    # A bundle of `kerncijfers fetch` says when it was retrieved; the CSV download cannot.
    assert ("retrieved on" in page) == (retrieved is not None)
    if retrieved is not None:
        assert f"retrieved on {retrieved}" in page
    # A quarter or a year is Eurostat's; a file that is no CBS table is named with its option.
    assert main(["report", "--year", "2021", "--cbs", path]) == 2
    assert "--quarter and --year need Eurostat's data (--cbs is read as months)" in capsys.readouterr().err
    counts_csv = str(test_data / "golden_mei_2021_counts.csv")
    assert main(["report", "--month", "2021-05", "--cbs", counts_csv]) == 2
    assert capsys.readouterr().err == (
        f'kerncijfers: error: {counts_csv}, line 1: the header "period,category,nationality,count,source,release" '
        'lacks the column "Nationaliteit"\n'
    )
