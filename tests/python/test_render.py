"""Rendering from Python: the C++ renderers, unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import kerncijfers as kc


def test_markdown_matches_the_cpp_golden_files(test_data: Path, golden_figures: kc.KeyFigures) -> None:
    k = golden_figures
    assert kc.render_markdown(k, "nl") == (test_data / "render_mei_2021_nl.md").read_text(encoding="utf-8")
    assert kc.render_markdown(k, "en") == (test_data / "render_mei_2021_en.md").read_text(encoding="utf-8")


def test_json_is_valid_and_complete(golden_figures: kc.KeyFigures) -> None:
    data = json.loads(kc.render_json(golden_figures))
    text = json.dumps(data)
    for needle in ("2020-06/2021-05", "juni 2020 t/m mei 2021", "published", "7690"):
        assert needle in text


def test_html_is_standalone_and_takes_figures(golden_figures: kc.KeyFigures) -> None:
    page = kc.render_html(golden_figures, "en", kc.HtmlOptions(title="Key figures", figures=["<svg id='f0'></svg>"]))
    assert page.startswith("<!DOCTYPE html>")
    assert "<svg id='f0'></svg>" in page
    assert "7,690" in page
    assert kc.format_count(7690, "nl") == "7.690"
    assert kc.format_percent(188, 1, "nl") == "18,8%"
    assert kc.format_percent(kc.RoundedDecimal(188, 1), "nl") == "18,8%"
    assert kc.format_percent(kc.RoundedDecimal(188, 1), "en") == "18.8%"
    assert kc.format_percent(kc.RoundedDecimal(32, 0)) == "32%"


def test_json_has_one_convention_for_missing_values(bundled_figures: kc.KeyFigures) -> None:
    # The bundled data leave some figures unavailable: every value such a figure does not
    # have is null (never a 0 that reads like a figure), as the influx always did.
    data = json.loads(kc.render_json(bundled_figures))
    values = {
        "distribution": ("total", "percent_sum", "sums_to_100", "listed"),
        "safe": ("safe_count", "percent", "percent_text"),
        "departures": ("total", "total_rounded", "total_rounded_text", "supervised", "unsupervised",
                       "supervised_percent", "unsupervised_percent", "percent_sum", "sums_to_100"),
    }  # fmt: skip
    kinds = {
        "first_month": "distribution", "first_trailing": "distribution", "nareizigers_month": "distribution",
        "nareizigers_trailing": "distribution", "safe_month": "safe", "departures_all": "departures",
        "departures_criminal": "departures",
    }  # fmt: skip
    unavailable = [name for name in kinds if data[name]["status"] == "unavailable"]
    assert {"nareizigers_month", "safe_month", "departures_criminal"} <= set(unavailable)
    for name in unavailable:
        figure = data[name]
        assert [figure[key] for key in values[kinds[name]]] == [None] * len(values[kinds[name]]), name
    for name in kinds.keys() - set(unavailable):
        assert all(data[name][key] is not None for key in values[kinds[name]]), name
    # The safe share states bounds in place of its share, and the TOTAL they are shares of.
    safe = data["safe_month"]
    assert safe["total"] == 955 and safe["lower_percent"] is not None and safe["upper_percent"] is not None
    influx = data["influx"]
    assert influx["by_category"][1]["count"] is None and influx["total"] is None
    assert influx["total_problem"] == "not-in-source"  # the bundled extract has no repeat applications


def test_a_year_page_and_another_countrys_page_in_words() -> None:
    rows = [(None, 24755), ("SYR", 8385), ("AFG", 3010), ("XXX", 830), ("TUR", 12530)]
    counts = kc.CountsTable.from_rows(
        [kc.CountRow(kc.Year(2021), kc.Category.first_application, n, c, "Eurostat migr_asyappctza") for n, c in rows],
        "annual",
    )
    none = kc.DeparturesTable.from_rows([], "none")
    k = kc.compute_key_figures(counts, none, kc.nl_safe_countries(), kc.Year(2021))
    nl = kc.render_markdown(k, "nl")
    assert nl.startswith("## KERNCIJFERS ASIEL EN MIGRATIE, 2021\n")
    assert "In 2021 kwam 51% van de asielzoekers die voor het eerst een aanvraag indienden uit Turkije." in nl
    assert "Het afgelopen jaar (2021) kwam 51%" in nl
    assert (
        "De verdeling naar nationaliteit van de nareizigers in 2021 is niet beschikbaar (reden: niet in deze bron)."
        in nl
    )
    assert kc.figure_title(k, 0, "en") == "First asylum applications by nationality, 2021"
    de = kc.compute_key_figures(
        counts, none, kc.nl_safe_countries(), kc.Year(2021), kc.KeyFiguresOptions(reporting_country="DE")
    )
    en = kc.render_markdown(de, "en")
    assert en.startswith("## KEY FIGURES ASYLUM AND MIGRATION, GERMANY, 2021\n")
    assert "In 2021, 51% of first-time asylum applicants in Germany came from Turkey." in en
    assert "The figures on this page are about asylum applications in Germany, as published by Eurostat." in en
    assert "leave again" not in en
    assert "<title>Kerncijfers asiel en migratie, Duitsland, 2021</title>" in kc.render_html(de, "nl")
    assert kc.window_label(kc.PeriodRange(kc.Month(2019, 1), kc.Month(2021, 12)), kc.PageUnit.year, "nl") == (
        "2019 t/m 2021"
    )
    assert kc.window_periods(kc.PeriodRange(kc.Month(2021, 1), kc.Month(2021, 6)), kc.PageUnit.quarter) == 2
    assert kc.reporting_country_name("EL", "en") == "Greece"
    assert kc.publishers_text(k.first_month.source, "nl") == "Eurostat"
