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
    assert influx["total_problem"] == "missing-months"
