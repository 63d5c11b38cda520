"""The all-Europe table: its outputs (Markdown, HTML, CSV, JSON, DataFrames), its chart and
``kerncijfers europe``. Hand-built tables test the writers exactly; the committed Eurostat
extract tests the whole path (the numbers themselves: test_eurostat_real.py)."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from pathlib import Path

import kerncijfers as kc
import pytest
from kerncijfers import EuropeTable, EuropeTableLine, EuropeTablePart
from kerncijfers.cli import main

EXTRACT = Path(__file__).resolve().parents[2] / "tests" / "data" / "eurostat" / "extract_migr_asyappctza_T_TOTAL.csv.gz"

P = EuropeTablePart


def hand_table(language: str = "nl", flags: str = "p") -> EuropeTable:
    """Two countries: one with a top of two, and one without applications."""
    nl = language == "nl"
    lines = [
        EuropeTableLine(
            "NL", "Nederland" if nl else "Netherlands", "2021",
            (
                P(1, "nationality", "SY", "SYR", "Syrië" if nl else "Syria", 8385, 34),
                P(2, "nationality", "AF", "AFG", "Afghanistan", 3010, 12),
                P(3, "other", "", "", "Overig" if nl else "Other", 12530, 51),
                P(4, "unknown", "UNK", "XXX", "Onbekend" if nl else "Unknown", 830, 3),
            ),
            24755, 24760, flags,
        ),
        EuropeTableLine(
            "LI", "Liechtenstein", "2021",
            (P(3, "other", "", "", "Overig" if nl else "Other", 0, 0),
             P(4, "unknown", "UNK", "XXX", "Onbekend" if nl else "Unknown", 0, 0)),
            0, 0, "",
        ),
    ]  # fmt: skip
    return EuropeTable(lines, period="2021", asyl_app="NASY_APP", top=2, language=language, dataset="migr_asyappctza")  # type: ignore[arg-type]


def test_markdown_has_one_row_per_country_with_codes_and_names() -> None:
    assert hand_table().to_markdown() == (
        "**Eerste asielaanvragen per land van aanvraag, 2021: top 2 nationaliteiten**\n"
        "\n"
        "| Land | geo | Totaal (afgerond op tientallen) | 1 | 2 | Overig | Onbekend |\n"
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |\n"
        "| Nederland | NL | 24.760 | Syrië (SY) 34% | Afghanistan (AF) 12% | 51% | 3% |\n"
        "| Liechtenstein | LI | geen aanvragen | — | — | — | — |\n"
        "\n"
        "- Bron: Eurostat, migr_asyappctza; Eurostat rondt aantallen af op veelvouden van 5.\n"
        "- Aandelen in hele procenten volgens de grootste-restmethode, samen 100; totalen afgerond op tientallen.\n"
        "- Voorlopige cijfers: NL.\n"
    )


def test_english_words_and_number_format() -> None:
    text = hand_table("en", flags="e").to_markdown()
    assert text.startswith("**First-time asylum applicants by reporting country, 2021: top 2 citizenships**\n")
    assert "| Country | geo | Total (rounded to tens) | 1 | 2 | Other | Unknown |" in text
    assert "| Netherlands | NL | 24,760 | Syria (SY) 34% | Afghanistan (AF) 12% | 51% | 3% |" in text
    assert "- Estimated figures: NL.\n" in text and "Provisional" not in text


def test_markdown_escapes_the_column_separator() -> None:
    table = hand_table()
    line = table.lines[0]
    odd = EuropeTableLine("XX", "A|B", "2021", line.entries, line.total, line.rounded_total, "")
    text = EuropeTable([odd], period="2021", asyl_app="NASY_APP", top=2, language="nl").to_markdown()
    assert "| A\\|B | XX |" in text


def test_html_is_escaped_and_has_caption_and_notes() -> None:
    table = hand_table()
    line = table.lines[0]
    odd = EuropeTableLine("XX", "<b>&", "2021", line.entries, line.total, line.rounded_total, "")
    html = EuropeTable([odd], period="2021", asyl_app="SSEQ", top=2, language="nl").to_html()
    assert '<th scope="row">&lt;b&gt;&amp;</th>' in html
    assert "<caption>Herhaalde asielaanvragen per land van aanvraag, 2021: top 2 nationaliteiten</caption>" in html
    assert html.count("<tr>") == 3 and "<b>" not in html
    assert '<tfoot><tr><td colspan="7">Bron: Eurostat;' in html


def test_csv_is_the_long_form() -> None:
    rows = list(csv.DictReader(io.StringIO(hand_table().to_csv())))
    assert list(rows[0]) == list(kc._europe.COLUMNS)
    assert [(r["geo"], r["rank"], r["part"], r["citizen"], r["nationality"], r["count"], r["share"]) for r in rows] == [
        ("NL", "1", "nationality", "SY", "SYR", "8385", "34"),
        ("NL", "2", "nationality", "AF", "AFG", "3010", "12"),
        ("NL", "3", "other", "", "", "12530", "51"),
        ("NL", "4", "unknown", "UNK", "XXX", "830", "3"),
        ("LI", "3", "other", "", "", "0", "0"),
        ("LI", "4", "unknown", "UNK", "XXX", "0", "0"),
    ]
    assert {r["rounded_total"] for r in rows if r["geo"] == "NL"} == {"24760"}


def test_json_says_what_was_computed() -> None:
    document = json.loads(hand_table().to_json())
    assert {k: document[k] for k in ("period", "asyl_app", "top", "dataset", "source_multiple", "language")} == {
        "period": "2021", "asyl_app": "NASY_APP", "top": 2, "dataset": "migr_asyappctza", "source_multiple": 5,
        "language": "nl",
    }  # fmt: skip
    assert document["provisional"] is True and document["estimated"] is False
    assert document["rows"][0] == {
        "geo": "NL", "geo_name": "Nederland", "period": "2021", "asyl_app": "NASY_APP", "rank": 1,
        "part": "nationality", "citizen": "SY", "nationality": "SYR", "name": "Syrië", "count": 8385, "share": 34,
        "total": 24755, "rounded_total": 24760, "flags": "p", "missing": 0, "reported": True,
    }  # fmt: skip
    assert "Voorlopige cijfers: NL." in document["notes"]


def test_pandas_frame_has_codes_names_and_int64_counts() -> None:
    pytest.importorskip("pandas")
    frame = hand_table().to_pandas()
    assert list(frame.columns) == list(kc._europe.COLUMNS)
    assert len(frame) == 6
    assert str(frame["count"].dtype) == "int64" and str(frame["share"].dtype) == "int64"
    nl = frame[frame["geo"] == "NL"]
    assert nl["share"].sum() == 100 and list(nl["name"]) == ["Syrië", "Afghanistan", "Overig", "Onbekend"]


@pytest.mark.skipif(importlib.util.find_spec("polars") is not None, reason="polars is installed here")
def test_polars_missing_says_how_to_get_it() -> None:
    with pytest.raises(ImportError, match=r"to_polars needs polars, which is not installed \(pip install polars\)"):
        hand_table().to_polars()


@pytest.mark.skipif(importlib.util.find_spec("polars") is None, reason="polars is not installed (optional)")
def test_polars_frame_equals_the_pandas_one() -> None:  # pragma: no cover - only with polars
    # Compared as rows and dtypes, not through polars' to_pandas: that needs pyarrow, which the test
    # environment does not install.
    pytest.importorskip("pandas")
    table = hand_table()
    polars_frame, pandas_frame = table.to_polars(), table.to_pandas()
    assert polars_frame.columns == list(pandas_frame.columns)
    assert polars_frame.rows(named=True) == pandas_frame.to_dict("records")
    integers = {"rank", "count", "share", "total", "rounded_total", "missing"}
    assert {name for name, dtype in polars_frame.schema.items() if str(dtype) == "Int64"} == integers
    assert {name for name in pandas_frame.columns if str(pandas_frame[name].dtype) == "int64"} == integers


def test_no_data_and_missing_observations_are_said() -> None:
    table = hand_table()
    nl, li = table.lines
    lines = [
        EuropeTableLine(nl.geo, nl.geo_name, nl.period, nl.entries, nl.total, nl.rounded_total, "", missing=3),
        EuropeTableLine(li.geo, li.geo_name, li.period, li.entries, 0, 0, "", reported=False),
    ]
    text = EuropeTable(lines, period="2021", asyl_app="NASY_APP", top=2, language="en").to_markdown()
    assert "| Liechtenstein | LI | no data | — | — | — | — |" in text
    assert "- Incomplete, missing observations (':') counted as 0: NL.\n" in text
    pytest.importorskip("pandas")
    frame = EuropeTable(lines, period="2021", asyl_app="NASY_APP", top=2, language="en").to_pandas()
    assert list(frame["missing"]) == [3, 3, 3, 3, 0, 0] and list(frame["reported"]) == [True] * 4 + [False] * 2


def test_line_lookup_names_what_is_there() -> None:
    table = hand_table()
    assert table.line("NL").other.count == 12530 and table.line("NL").unknown.share == 3
    with pytest.raises(KeyError, match="no reporting country 'DE' in the table \\(has NL, LI\\)"):
        table.line("DE")


def test_plot_renders_a_panel_per_country(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from kerncijfers.plot import chart_svg, plot_europe

    figure = plot_europe(hand_table(), columns=2)
    try:
        target = tmp_path / "europe.png"
        figure.savefig(target, dpi=60)
        assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        titles = [ax.get_title(loc="left") for ax in figure.axes]
        assert titles == ["Nederland (24.760)", "Liechtenstein (0)"]
        svg = chart_svg(figure, id_prefix="eu")
        assert svg.count('id="eu-bar-NL-') == 4 and "eu-bar-LI-" not in svg
    finally:
        plt.close(figure)
    with pytest.raises(kc.InvalidInput, match="columns must be 1 or more, got 0"):
        plot_europe(hand_table(), columns=0)


# ----------------------------------------------------------------------------------------
# On the real extract


@pytest.fixture(scope="module")
def data() -> kc.EurostatData:
    return kc.read_eurostat(EXTRACT)


def test_europe_table_on_real_data(data: kc.EurostatData) -> None:
    table = kc.europe_table(data, 2021)
    assert table.period == "2021" and table.asyl_app == "NASY_APP" and table.top == 5
    assert table.dataset == data.dataset and table.source_multiple == data.source_multiple == 5
    for line in table.lines:
        assert sum(p.share for p in line.entries) == (100 if line.total else 0), line.geo
        assert line.rounded_total % 10 == 0 and abs(line.rounded_total - line.total) <= 5
    assert kc.europe_table(data, "2021").records() == table.records() == kc.europe_table(data, kc.Year(2021)).records()


def test_europe_table_rejects_a_bad_language(data: kc.EurostatData) -> None:
    with pytest.raises(kc.InvalidInput, match="language must be 'nl' or 'en', got 'de'"):
        kc.europe_table(data, 2021, language="de")


def test_plot_europe_on_real_data(data: kc.EurostatData, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from kerncijfers.plot import plot_europe

    figure = plot_europe(kc.europe_table(data, 2021, language="en"), geos=["NL", "DE", "EL"])
    try:
        figure.savefig(tmp_path / "europe.png", dpi=50)
        assert [ax.get_title(loc="left").split(" (")[0] for ax in figure.axes] == ["Netherlands", "Germany", "Greece"]
    finally:
        plt.close(figure)


def test_cli_europe_prints_the_table(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["europe", "--eurostat", str(EXTRACT), "--year", "2021", "--format", "csv", "--top", "3"]) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(out)))
    nl = [r for r in rows if r["geo"] == "NL"]
    assert [(r["citizen"], r["count"], r["share"]) for r in nl][0] == ("SY", "8385", "34")
    assert [r["rank"] for r in nl] == ["1", "2", "3", "4", "5"]


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_cli_europe_formats(fmt: str, tmp_path: Path) -> None:
    target = tmp_path / f"europe.{fmt}"
    args = ["europe", "--eurostat", str(EXTRACT), "--year", "2021", "--format", fmt, "--lang", "en"]
    assert main([*args, "--output", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    if fmt == "json":
        assert json.loads(text)["language"] == "en"
    else:
        assert "Netherlands" in text and "Syria (SY) 34%" in text


def test_cli_europe_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.csv"
    assert main(["europe", "--eurostat", str(missing), "--year", "2021"]) == 2
    assert capsys.readouterr().err == f"kerncijfers: error: --eurostat {missing}: no such file\n"


def test_cli_europe_needs_a_period(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["europe", "--eurostat", str(EXTRACT)]) == 2
    assert "one of the arguments --year --period is required" in capsys.readouterr().err
