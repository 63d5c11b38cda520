"""kerncijfers.plot: the charts' structure (axes, labels, bar sizes from the data), not their pixels."""

from __future__ import annotations

import base64
import io
import math
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("matplotlib")

import matplotlib  # noqa: E402

matplotlib.use("Agg")

import kerncijfers as kc  # noqa: E402
import matplotlib.image  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from kerncijfers.plot import (  # noqa: E402
    NATIONALITY_COLOUR,
    chart_png_data_uri,
    chart_svg,
    plot_departures,
    plot_distribution,
    plot_key_figures,
    plot_monthly_counts,
    plot_weekly_influx,
)
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402
from matplotlib.text import Annotation  # noqa: E402

GOLDEN_SOURCE = "fictional golden test data (not real), release 2021-06-15"


@pytest.fixture(autouse=True)
def close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def bars(ax: Axes) -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle) and (p.get_gid() or "").startswith("bar-")]


def source_line(ax: Axes) -> str:
    (line,) = [c for c in ax.get_children() if isinstance(c, Annotation) and c.get_gid() == "source"]
    return line.get_text()


def tick_labels(labels: list[matplotlib.text.Text]) -> list[str]:
    return [t.get_text() for t in labels]


# ----------------------------------------------------------------------------------------
# Fig. 1.0, 1.1, 1.2


def test_distribution_in_dutch_takes_every_word_from_the_figure(golden_figures: kc.KeyFigures) -> None:
    figures = golden_figures
    figure = figures.first_month
    ax = plot_distribution(figure)
    assert ax.get_title(loc="left") == "Eerste asielaanvragen naar nationaliteit, mei 2021"
    assert ax.get_title(loc="left") == kc.figure_title(figures, 0, "nl")
    assert tick_labels(ax.get_yticklabels()) == [
        "Syrië", "Turkije", "Algerije", "Marokko", "Eritrea", "Afghanistan", "Onbekend", "Overig",
    ]  # fmt: skip
    assert [b.get_width() for b in bars(ax)] == [r.percent.to_float() for r in figure.rows]
    assert [b.get_width() for b in bars(ax)][:3] == [32.0, 8.0, 7.0]
    # Bars run top to bottom in the page's order.
    centres = [b.get_y() + b.get_height() / 2 for b in bars(ax)]
    assert ax.yaxis_inverted() and centres == sorted(centres)
    assert [t.get_text() for t in ax.texts if t.get_text().endswith("%")][:2] == ["32%", "8%"]
    assert ax.get_xlabel() == "Aandeel (%)"
    assert source_line(ax) == "Bron: " + kc.source_text(figure.source, "nl") == "Bron: " + GOLDEN_SOURCE
    assert bars(ax)[0].get_facecolor() == matplotlib.colors.to_rgba(NATIONALITY_COLOUR)


def test_distribution_in_english(golden_figures: kc.KeyFigures) -> None:
    figures = golden_figures
    ax = plot_distribution(figures.first_trailing, lang="en")
    assert ax.get_title(loc="left") == "First asylum applications by nationality, June 2020 to May 2021"
    assert tick_labels(ax.get_yticklabels())[0] == "Syria"
    assert tick_labels(ax.get_yticklabels())[-1] == "Other"
    assert ax.get_xlabel() == "Share (%)"
    assert source_line(ax) == "Source: " + GOLDEN_SOURCE


def test_decimals_show_as_the_page_writes_them(golden_tables: tuple[kc.CountsTable, kc.DeparturesTable]) -> None:
    counts = golden_tables[0]
    figure = kc.distribution(counts, kc.Category.first_application, kc.Month(2021, 5), 2, decimals=1)
    ax = plot_distribution(figure, lang="nl")
    assert [b.get_width() for b in bars(ax)] == [r.percent.to_float() for r in figure.rows]
    percents = [t.get_text() for t in ax.texts if t.get_text().endswith("%")]
    assert percents == [kc.format_percent(r.percent.units, 1, "nl") for r in figure.rows]
    assert "," in percents[0]


def test_a_partial_figure_shows_what_is_not_broken_down_and_an_unavailable_one_why(
    bundled_figures: kc.KeyFigures,
) -> None:
    figures = bundled_figures
    ax = plot_distribution(figures.first_month)
    labels = tick_labels(ax.get_yticklabels())
    assert labels[-1] == "Niet naar nationaliteit uitgesplitst"
    assert bars(ax)[-1].get_width() == 44.0
    ax = plot_distribution(figures.family_reunification_month, lang="en")
    assert not bars(ax) and not ax.axison
    (message,) = [t.get_text() for t in ax.texts]
    # Why, in the chart's language, wrapped to at most three lines so the chart keeps its size.
    assert message.startswith("Not available: ")
    assert message.count("\n") <= 2
    why = kc.problem_text(figures.family_reunification_month.problem, "en")
    assert why and " ".join(message.split()) == "Not available: " + why
    ax = plot_distribution(figures.family_reunification_month, lang="nl")
    (message,) = [t.get_text() for t in ax.texts]
    assert " ".join(message.split()) == "Niet beschikbaar: " + kc.problem_text(
        figures.family_reunification_month.problem, "nl"
    )


def test_the_pages_three_figures(golden_figures: kc.KeyFigures) -> None:
    figures = golden_figures
    fig = plot_key_figures(figures)
    assert isinstance(fig, Figure)
    axes = fig.axes
    assert [ax.get_title(loc="left") for ax in axes] == [
        f"Fig. 1.{i} {kc.figure_title(figures, i, 'nl')}" for i in range(3)
    ]
    assert fig.get_suptitle() == "Kerncijfers asiel en migratie, mei 2021"
    for ax, figure in zip(axes, (figures.first_month, figures.first_trailing, figures.family_reunification_month)):
        assert [b.get_width() for b in bars(ax)] == [r.percent.to_float() for r in figure.rows]
    english = plot_key_figures(figures, lang="en")
    assert english.get_suptitle() == "Key figures asylum and migration, May 2021"
    assert english.axes[2].get_title(loc="left").startswith("Fig. 1.2 Family members joining refugees")


def test_the_rendered_png_has_bars_as_long_as_the_data(golden_figures: kc.KeyFigures) -> None:
    """Reads the PNG back and measures each bar in pixels against its value."""
    figure = golden_figures.first_month
    fig = Figure(figsize=(6.0, 4.5), dpi=100, layout="constrained")
    ax = plot_distribution(figure, ax=fig.subplots())
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    image = matplotlib.image.imread(io.BytesIO(buffer.getvalue()), format="png")
    height, width = image.shape[:2]
    assert (width, height) == (600, 450)
    origin_x = ax.transData.transform((0, 0))[0]
    for bar, row in zip(bars(ax), figure.rows):
        colour = np.array(matplotlib.colors.to_rgba(bar.get_facecolor()))
        x0, y0 = ax.transData.transform((0, bar.get_y() + bar.get_height() / 2))
        pixel_row = image[height - int(round(y0))]
        matches = np.all(np.abs(pixel_row - colour) < 0.01, axis=1)
        runs = np.flatnonzero(matches)
        assert len(runs) > 0, f"no pixels of bar {row.nationality}"
        measured = runs.max() - runs.min() + 1
        expected = ax.transData.transform((row.percent.to_float(), 0))[0] - origin_x
        # Within 3 pixels (the y axis line covers the bar's first pixel, edges snap to
        # whole pixels); one percentage point is about 12 pixels here.
        assert abs(measured - expected) <= 3, (row, measured, expected)
        assert abs(runs.min() - x0) <= 3


# ----------------------------------------------------------------------------------------
# Monthly counts and departures


def test_monthly_counts_with_the_trailing_sum(bundled_tables: tuple[kc.CountsTable, kc.DeparturesTable]) -> None:
    counts = bundled_tables[0]
    window = kc.PeriodRange(kc.Month(2019, 1), kc.Month(2021, 5))
    ax = plot_monthly_counts(counts, kc.Category.first_application, ["SYR", kc.Nationality("TUR"), "TOTAL"], window)
    twin = next(a for a in ax.figure.axes if a is not ax)
    assert [line.get_label() for line in ax.get_lines()] == ["Syrië", "Turkije", "Totaal"]
    assert [line.get_label() for line in twin.get_lines()] == ["Syrië, som 12 mnd.", "Turkije, som 12 mnd.",
                                                              "Totaal, som 12 mnd."]  # fmt: skip
    assert ax.get_title(loc="left") == "Eerste asielaanvragen per maand, januari 2019 t/m mei 2021"
    syria = np.asarray(ax.get_lines()[0].get_ydata(), dtype=float)
    months = list(window)
    assert len(syria) == len(months)
    for month, value in zip(months, syria):
        found = counts.try_count(kc.Category.first_application, kc.Nationality("SYR"), month)
        assert (math.isnan(value) and not found.ok()) or (found.total is not None and value == found.total.value)
    assert syria[-1] == counts.count(kc.Category.first_application, kc.Nationality("SYR"), kc.Month(2021, 5)).value
    trailing = np.asarray(twin.get_lines()[0].get_ydata(), dtype=float)
    expected = counts.count(kc.Category.first_application, kc.Nationality("SYR"), kc.trailing(kc.Month(2021, 5), 12))
    assert trailing[-1] == expected.value
    assert ax.get_ylabel() == "Aantal per maand" and twin.get_ylabel() == "Som van de afgelopen 12 maanden"
    assert source_line(ax).startswith("Bron: CBS")
    legend = ax.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()][:4] == ["Syrië", "Syrië, som 12 mnd.", "Turkije",
                                                           "Turkije, som 12 mnd."]  # fmt: skip


def test_monthly_counts_in_english_without_the_trailing_sum(
    bundled_tables: tuple[kc.CountsTable, kc.DeparturesTable],
) -> None:
    counts = bundled_tables[0]
    ax = plot_monthly_counts(counts, kc.Category.first_application, ["Syria"], kc.Month(2021, 5), lang="en", trailing=0)
    assert len(ax.figure.axes) == 1
    assert ax.get_title(loc="left") == "First asylum applications per month, May 2021"
    assert list(np.asarray(ax.get_lines()[0].get_ydata(), dtype=float)) == [
        float(counts.count(kc.Category.first_application, kc.Nationality("SYR"), kc.Month(2021, 5)).value)
    ]
    with pytest.raises(kc.InvalidInput, match="-1"):
        plot_monthly_counts(counts, kc.Category.first_application, ["SYR"], kc.Month(2021, 5), trailing=-1)


def test_departures_stacked_by_mode(bundled_tables: tuple[kc.CountsTable, kc.DeparturesTable]) -> None:
    departures = bundled_tables[1]
    ax = plot_departures(departures)
    periods = sorted(departures.periods(kc.DepartureGroup.all), key=lambda p: (p.first.serial, p.last.serial))
    assert tick_labels(ax.get_xticklabels()) == [kc.departures_period_label(p, "nl") for p in periods]
    assert "2023 (t/m oktober)" in tick_labels(ax.get_xticklabels())
    assert ax.get_title(loc="left") == "Vertrek van vreemdelingen"
    legend = ax.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()] == [
        "Zelfstandig vertrek", "Gedwongen vertrek", "Vertrek op eigen gelegenheid",
    ]  # fmt: skip
    for i, period in enumerate(periods):
        totals = departures.figures(kc.DepartureGroup.all, period)
        stack = [b for b in bars(ax) if (b.get_gid() or "").endswith(f"-{i}")]
        assert [b.get_height() for b in stack] == [totals.independent, totals.forced, totals.unsupervised]
        assert stack[-1].get_y() + stack[-1].get_height() == totals.total()
    assert source_line(ax).startswith("Bron: DT&V")
    english = plot_departures(departures, kc.DepartureGroup.all, lang="en")
    assert english.get_title(loc="left") == "Departures of foreign nationals"


def test_departures_of_a_group_without_data() -> None:
    ax = plot_departures(kc.DeparturesTable(), kc.DepartureGroup.criminal)
    assert not bars(ax) and ax.texts[0].get_text() == "Niet beschikbaar"


# ----------------------------------------------------------------------------------------
# Embedding


def test_chart_svg_is_inline_markup_with_text_and_prefixed_ids(golden_figures: kc.KeyFigures) -> None:
    figure = golden_figures.first_month
    fig = Figure(figsize=(6, 4), layout="constrained")
    plot_distribution(figure, ax=fig.subplots())
    svg = chart_svg(fig, id_prefix="fig-1-0")
    title = "Eerste asielaanvragen naar nationaliteit, mei 2021"
    assert svg.startswith(f'<svg id="fig-1-0-chart" role="img" aria-label="{title}"')
    assert "<?xml" not in svg and "<!DOCTYPE" not in svg
    assert "<style" in svg and "#fig-1-0-chart *{" in svg and "}*{" not in svg.replace(" ", "")  # scoped
    root = ET.fromstring(svg)
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert ids and all(i is not None and i.startswith("fig-1-0-") for i in ids)
    assert [i for i in ids if i is not None and i.startswith("fig-1-0-bar-")] == [f"fig-1-0-bar-{n}" for n in range(8)]
    texts = "".join(e.text or "" for e in root.iter() if e.tag.endswith("text"))
    assert "Syrië" in texts and "32%" in texts and GOLDEN_SOURCE in texts
    assert chart_svg(fig, id_prefix="fig-1-0") == svg  # reproducible
    assert 'aria-label="x &amp; y"' in chart_svg(fig.axes[0], label="x & y")


def test_chart_png_data_uri_decodes(golden_figures: kc.KeyFigures) -> None:
    fig = Figure(figsize=(5, 3))
    plot_distribution(golden_figures.first_month, ax=fig.subplots())
    uri = chart_png_data_uri(fig, dpi=80)
    assert uri.startswith("data:image/png;base64,")
    data = base64.b64decode(uri.split(",", 1)[1])
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    image = matplotlib.image.imread(io.BytesIO(data), format="png")
    assert image.shape[0] > 100 and image.shape[1] > 200


def _weekly_counts() -> kc.CountsTable:
    # 2021-W07 to 2021-W19: first applications 100 + the week's index, repeat applications
    # 10 (but none in 2021-W17); no other category.
    rows = []
    for w in range(7, 20):
        rows.append(kc.CountRow(kc.IsoWeek(2021, w), kc.Category.first_application, None, 100 + w - 7, "weekly data"))
        if w != 17:
            rows.append(kc.CountRow(kc.IsoWeek(2021, w), kc.Category.repeat_application, None, 10, "weekly data"))
    return kc.CountsTable.from_rows(rows, "weekly")


def test_weekly_influx_bars_per_week_and_category(tmp_path: Path) -> None:
    ax = plot_weekly_influx(_weekly_counts(), kc.IsoWeek(2021, 19), lang="en")
    first = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_gid() == "bars-first_application"]
    repeat = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_gid() == "bars-repeat_application"]
    assert [p.get_height() for p in first] == [float(100 + i) for i in range(13)]
    heights = [p.get_height() for p in repeat]
    assert [h for i, h in enumerate(heights) if i != 10] == [10.0] * 12
    assert math.isnan(heights[10])  # 2021-W17: no bar, never a guess
    assert [t.get_text() for t in ax.get_xticklabels()] == [f"2021-W{w:02d}" for w in range(7, 20)]
    assert ax.get_title(loc="left").startswith("Influx per week, ")
    assert ax.get_ylabel() == "Count per week"
    sources = [a.get_text() for a in ax.texts if isinstance(a, Annotation) and a.get_gid() == "source"]
    assert len(sources) == 1 and sources[0].startswith("Source: weekly data")
    out = tmp_path / "weekly.png"
    figure = ax.figure
    assert isinstance(figure, Figure)  # the top-level figure, which can be saved
    figure.savefig(out)
    assert matplotlib.image.imread(out).shape[2] == 4


def test_weekly_influx_in_dutch_and_its_bad_window() -> None:
    ax = plot_weekly_influx(_weekly_counts(), kc.IsoWeek(2021, 19), weeks=4)
    assert ax.get_ylabel() == "Aantal per week"
    assert ax.get_title(loc="left").startswith("Instroom per week, ")
    assert len(ax.get_xticklabels()) == 4
    with pytest.raises(kc.InvalidInput, match="weeks must be 1 or more, got 0"):
        plot_weekly_influx(_weekly_counts(), kc.IsoWeek(2021, 19), weeks=0)
