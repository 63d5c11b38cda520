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
