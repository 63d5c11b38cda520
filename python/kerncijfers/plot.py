"""Charts with matplotlib, in Dutch or English.

Needs matplotlib (``pip install kerncijfers[plot]``); ``import kerncijfers`` works without it.

Every chart takes its words from the data: the title from the figure (the caption the page
gives it, :func:`kerncijfers.figure_title`), the bar labels from the page's row labels, the
source line from the figure's own sources and latest release. Each function returns the
matplotlib ``Axes`` (or ``Figure``) it drew on, so the caller can restyle or save it; with
``ax=None`` a new pyplot figure is made (so it shows in a notebook), otherwise the chart
goes into the given ``Axes`` (pyplot is then not used at all).

:func:`chart_svg` and :func:`chart_png_data_uri` turn a chart into markup for a
standalone page (see :mod:`kerncijfers.report`).
"""

from __future__ import annotations

import base64
import io
import math
import re
import textwrap
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import matplotlib
from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure

from . import _core as core

__all__ = [
    "chart_png_data_uri",
    "chart_svg",
    "plot_departures",
    "plot_distribution",
    "plot_europe",
    "plot_key_figures",
    "plot_monthly_counts",
    "plot_weekly_influx",
]

if TYPE_CHECKING:
    from ._core import LanguageLike
    from ._europe import EuropeTable

    NationalityLike = core.Nationality | str | None
    MonthWindow = core.Month | core.PeriodRange[core.Month]

#: Bar colours: named nationalities, the rest (unknown, other), what the data do not break down.
NATIONALITY_COLOUR = "#154273"
REST_COLOUR = "#8fa3bf"
UNLISTED_COLOUR = "#cccccc"
#: Departure modes, stacked: independent and forced (both supervised), unsupervised.
MODE_COLOURS = {"independent": "#154273", "forced": "#5b7fa8", "unsupervised": "#e17000"}


def _is_nl(lang: LanguageLike) -> bool:
    language = lang if isinstance(lang, core.Language) else core.parse_language(lang)
    return language == core.Language.nl


def _new_axes(height: float, width: float = 7.0) -> Axes:
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=(width, height), layout="constrained")
    return ax


def _source_line(text: str, lang: LanguageLike) -> str:
    return ("Bron: " if _is_nl(lang) else "Source: ") + text


def _add_source(ax: Axes, text: str, lang: LanguageLike) -> None:
    """The source line, under the x axis label, left-aligned with the axes."""
    if not text:
        return
    # Wrapped to the figure's width: a long list of sources must neither run off the
    # chart nor squeeze the axes.
    width = ax.figure.get_figwidth() if isinstance(ax.figure, Figure) else 6.4
    ax.annotate(
        textwrap.fill(_source_line(text, lang), width=max(40, int(width * 12))),
        xy=(0, 0),
        xycoords="axes fraction",
        xytext=(0, -38),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=7.5,
        color="#555555",
        gid="source",
    )


def _tidy(ax: Axes) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _unavailable(ax: Axes, reason: str, lang: LanguageLike) -> None:
    ax.set_axis_off()
    # The text can be long: wrap it here, at most a few lines, so the chart keeps its size.
    import textwrap

    head = "Niet beschikbaar" if _is_nl(lang) else "Not available"
    lines = textwrap.wrap(
        f"{head}: {reason}" if reason else head, width=95, break_on_hyphens=False, break_long_words=False
    )
    text = "\n".join(lines[:3]) + (" …" if len(lines) > 3 else "")
    ax.text(
        0.0, 0.5, text, transform=ax.transAxes, ha="left", va="center", fontsize=9, gid="unavailable", in_layout=False
    )


# ----------------------------------------------------------------------------------------
# Fig. 1.0, 1.1, 1.2


def plot_distribution(
    figure: core.DistributionFigure, *, lang: LanguageLike = "nl", ax: Axes | None = None, title: bool = True
) -> Axes:
    """Horizontal bars of a distribution's rounded percentages, in the page's row order.

    Bar labels are the page's row labels (nationality names, "Overig"/"Other", ...), each bar
    is annotated with its percentage as the page writes it ("32%", "18,8%"). The title is
    the figure's caption without its number ("Eerste asielaanvragen naar nationaliteit, mei
    2021"; ``title=False`` leaves it out, e.g. under a caption); the source line names the
    figure's sources and latest release. An unavailable figure says why instead, in ``lang``.
    The bars have the SVG ids ``bar-0``, ``bar-1``, ... in row order.
    """
    if ax is None:
        ax = _new_axes(1.6 + 0.42 * max(len(figure.rows), 1))
    if title:
        ax.set_title(core._distribution_title(figure, lang), loc="left", fontsize=11)
    if figure.status == core.FigureStatus.unavailable or not figure.rows:
        # The problem in the chart's language, as the page says it; the English details
        # (files, rows, months) stay in figure.reason.
        _unavailable(ax, core.problem_text(figure.problem, lang) or figure.reason, lang)
        return ax
    rows = figure.rows
    positions = list(range(len(rows)))
    colours = [
        NATIONALITY_COLOUR if r.kind == core.RowKind.nationality
        else UNLISTED_COLOUR if r.kind == core.RowKind.unlisted
        else REST_COLOUR
        for r in rows
    ]  # fmt: skip
    # Not antialiased: bars fill whole pixels, so a rendered chart can be measured exactly.
    bars = ax.barh(positions, [r.percent.to_float() for r in rows], height=0.7, color=colours, antialiased=False)
    for i, bar in enumerate(bars):
        bar.set_gid(f"bar-{i}")
    ax.set_yticks(positions, [core._distribution_row_label(figure, r, lang) for r in rows])
    ax.invert_yaxis()
    percents = [core.format_percent(r.percent.units, r.percent.decimals, lang) for r in rows]
    ax.bar_label(bars, labels=percents, padding=3, fontsize=8)
    largest = max(r.percent.to_float() for r in rows)
    ax.set_xlim(0, max(largest * 1.18, 1.0))
    ax.set_xlabel("Aandeel (%)" if _is_nl(lang) else "Share (%)")
    ax.tick_params(axis="y", length=0)
    _tidy(ax)
    _add_source(ax, core.source_text(figure.source, lang), lang)
    return ax


def _page_title(figures: core.KeyFigures, lang: LanguageLike) -> str:
    lead = "Kerncijfers asiel en migratie" if _is_nl(lang) else "Key figures asylum and migration"
    return f"{lead}, {figures.period.label(lang)}"


#: The distributions behind Fig. 1.0, 1.1 and 1.2, as KeyFigures attributes.
FIGURE_ATTRIBUTES = ("first_month", "first_trailing", "family_reunification_month")


def plot_key_figures(figures: core.KeyFigures, *, lang: LanguageLike = "nl") -> Figure:
    """Fig. 1.0, 1.1 and 1.2 of the page, one under the other, titled as on the page
    ("Fig. 1.0 Eerste asielaanvragen naar nationaliteit, mei 2021"), under the page title."""
    import matplotlib.pyplot as plt

    distributions = [getattr(figures, name) for name in FIGURE_ATTRIBUTES]
    heights = [1.5 + 0.42 * max(len(d.rows), 1) for d in distributions]
    fig, axes = plt.subplots(
        len(distributions), 1, figsize=(7.5, sum(heights) + 0.6), layout="constrained",
        gridspec_kw={"height_ratios": heights},
    )  # fmt: skip
    for index, (ax, distribution) in enumerate(zip(axes, distributions)):
        plot_distribution(distribution, lang=lang, ax=ax, title=False)
        ax.set_title(f"Fig. 1.{index} {core.figure_title(figures, index, lang)}", loc="left", fontsize=11)
    fig.suptitle(_page_title(figures, lang), x=0.02, ha="left", fontsize=13, fontweight="bold")
    return fig


# ----------------------------------------------------------------------------------------
# Monthly counts


def _sources_text(sources: Iterable[str], latest: core.Release | None, lang: LanguageLike) -> str:
    """As :func:`kerncijfers.source_text`, for sources gathered from several lookups."""
    names = sorted(set(sources))
    if not names:
        return ""
    joiner = " en " if _is_nl(lang) else " and "
    text = names[0] if len(names) == 1 else ", ".join(names[:-1]) + joiner + names[-1]
    if latest is not None and latest.is_dated():
        return f"{text}, release {latest.iso()}"
    return text + (", ongedateerd" if _is_nl(lang) else ", undated")


def _as_nationality(value: NationalityLike) -> core.Nationality | None:
    if value is None or isinstance(value, core.Nationality):
        return value
    return None if value == "TOTAL" else core.Nationality.lookup(value)


class _Gatherer:
    """Looks counts up and remembers their sources, for the source line."""

    def __init__(self, counts: core.CountsTable, category: core.Category) -> None:
        self.counts = counts
        self.category = category
        self.sources: set[str] = set()
        self.latest: core.Release | None = None

    def value(self, nationality: core.Nationality | None, window: MonthWindow) -> float:
        if nationality is None:
            found = self.counts.try_total(self.category, window)
        else:
            found = self.counts.try_count(self.category, nationality, window)
        total = found.total
        if total is None:
            return math.nan
        self.sources.update(total.sources)
        if self.latest is None or total.latest_release > self.latest:
            self.latest = total.latest_release
        return float(total.value)


def _month_position(month: core.Month) -> float:
    """Where a month sits on the x axis: in years, the month's start (2021-05 -> 2021.33)."""
    return month.year + (month.index - 1) / 12


def _month_ticks(ax: Axes, months: Sequence[core.Month]) -> None:
    """Years as ticks over long windows, quarters ("2021-04") over shorter ones: no month
    names, so the ticks read the same in both languages."""
    if len(months) > 30:
        years = sorted({m.year for m in months if m.index == 1})
        ax.set_xticks([float(y) for y in years], [str(y) for y in years])
        ax.set_xticks([_month_position(m) for m in months if m.index in (1, 4, 7, 10)], minor=True)
    else:
        step = (1, 4, 7, 10) if len(months) > 8 else tuple(range(1, 13))
        shown = [m for m in months if m.index in step]
        ax.set_xticks([_month_position(m) for m in shown], [m.iso() for m in shown])


#: One colour per category, in the order of the categories.
CATEGORY_COLOURS = ("#154273", "#5b7fa8", "#e17000", "#39870c", "#a90061")
_CATEGORIES = (
    core.Category.first_application,
    core.Category.repeat_application,
    core.Category.family_reunification,
    core.Category.relocation,
    core.Category.resettlement,
)


def plot_weekly_influx(
    counts: core.CountsTable,
    week: core.IsoWeek,
    *,
    lang: LanguageLike = "nl",
    weeks: int = 13,
    ax: Axes | None = None,
) -> Axes:
    """The weekly influx: one bar per category for each of the ``weeks`` weeks ending with
    ``week``, the TOTAL of that week as the table has it. A week without a row of its own (or
    only a month row, which is never split into weeks) has no bar. Returns the ``Axes``.
    """
    if weeks < 1:
        raise core.InvalidInput(f"weeks must be 1 or more, got {weeks}")
    span = core.trailing(week, weeks)
    shown = list(span)
    if ax is None:
        ax = _new_axes(4.2, 8.0)
    nl = _is_nl(lang)
    width = 0.8 / len(_CATEGORIES)
    sources: set[str] = set()
    latest: core.Release | None = None
    for k, (cat, colour) in enumerate(zip(_CATEGORIES, CATEGORY_COLOURS, strict=True)):
        heights = []
        for w in shown:
            total = counts.try_total(cat, w).total
            if total is None:
                heights.append(math.nan)
                continue
            sources.update(total.sources)
            if latest is None or total.latest_release > latest:
                latest = total.latest_release
            heights.append(float(total.value))
        x = [i + (k - (len(_CATEGORIES) - 1) / 2) * width for i in range(len(shown))]
        ax.bar(x, heights, width=width, color=colour, label=_capitalised(cat.label(lang)), gid=f"bars-{cat.name}")
    ax.set_xticks(range(len(shown)), [w.iso() for w in shown], rotation=45, ha="right", fontsize=8)
    ax.set_ylabel("Aantal per week" if nl else "Count per week")
    ax.set_ylim(bottom=0)
    ax.set_title(
        f"{'Instroom per week' if nl else 'Influx per week'}, {span.label(lang)}", loc="left", fontsize=11, pad=24
    )
    ax.legend(fontsize=8, frameon=False, loc="lower left", bbox_to_anchor=(0.0, 1.01), ncol=len(_CATEGORIES),
              borderaxespad=0.0)  # fmt: skip
    _tidy(ax)
    _add_source(ax, _sources_text(sources, latest, lang), lang)
    return ax


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def plot_monthly_counts(
    counts: core.CountsTable,
    category: core.Category,
    nationalities: Sequence[NationalityLike],
    window: MonthWindow,
    *,
    lang: LanguageLike = "nl",
    trailing: int = 12,
    ax: Axes | None = None,
) -> Axes:
    """Monthly counts of a category per nationality over a window, with the trailing sum.

    One solid line per nationality (a code, name, :class:`Nationality`, or ``"TOTAL"`` /
    ``None`` for all nationalities together) on the left axis; its sum over the trailing
    ``trailing`` months (``0``: none) dashed in the same colour on a right-hand axis, as the
    table tiles it (quarter and year rows count where months are missing). Months the data
    do not cover are gaps. Returns the left ``Axes``; the right one is its twin.
    """
    if trailing < 0:
        raise core.InvalidInput(f"trailing must be 0 or more months, got {trailing}")
    months = list(window) if isinstance(window, core.PeriodRange) else [window]
    span = window if isinstance(window, core.PeriodRange) else core.PeriodRange(window)
    if ax is None:
        ax = _new_axes(4.2, 8.0)
    nl = _is_nl(lang)
    x = [_month_position(m) for m in months]
    gather = _Gatherer(counts, category)
    twin = ax.twinx() if trailing else None
    for value in nationalities:
        nationality = _as_nationality(value)
        name = nationality.name(lang) if nationality is not None else ("Totaal" if nl else "Total")
        monthly = [gather.value(nationality, m) for m in months]
        (line,) = ax.plot(x, monthly, marker=".", linewidth=1.6, label=name)
        if twin is not None:
            sums = [gather.value(nationality, core.trailing(m, trailing)) for m in months]
            suffix = f"som {trailing} mnd." if nl else f"{trailing}-month sum"
            twin.plot(x, sums, linestyle="--", linewidth=1.2, color=line.get_color(), label=f"{name}, {suffix}")
    ax.set_title(
        f"{_capitalised(category.label(lang))} {'per maand' if nl else 'per month'}, {span.label(lang)}",
        loc="left", fontsize=11,
    )  # fmt: skip
    ax.set_ylabel("Aantal per maand" if nl else "Count per month")
    ax.set_ylim(bottom=0)
    handles, labels = ax.get_legend_handles_labels()
    if twin is not None:
        twin.set_ylabel(
            f"Som van de afgelopen {trailing} maanden" if nl else f"Sum over the trailing {trailing} months"
        )
        twin.set_ylim(bottom=0)
        twin.spines["top"].set_visible(False)
        more_handles, more_labels = twin.get_legend_handles_labels()
        handles += more_handles
        labels += more_labels
    ax.spines["top"].set_visible(False)
    if twin is None:
        ax.spines["right"].set_visible(False)
    _month_ticks(ax, months)
    # Above the axes, one column per nationality (its month line over its sum line), so
    # that no line hides behind the legend; the title moves up to make room.
    columns = max(1, min(len(nationalities), 4))
    if twin is not None:
        half = len(handles) // 2
        handles = [h for pair in zip(handles[:half], handles[half:]) for h in pair]
        labels = [t for pair in zip(labels[:half], labels[half:]) for t in pair]
    legend_rows = math.ceil(len(handles) / columns)
    ax.legend(handles, labels, fontsize=8, frameon=False, loc="lower left", bbox_to_anchor=(0.0, 1.01), ncol=columns,
              borderaxespad=0.0)  # fmt: skip
    ax.set_title(ax.get_title(loc="left"), loc="left", fontsize=11, pad=6 + 12 * legend_rows)
    _add_source(ax, _sources_text(gather.sources, gather.latest, lang), lang)
    return ax


# ----------------------------------------------------------------------------------------
# Departures


def plot_departures(
    departures: core.DeparturesTable,
    group: core.DepartureGroup = core.DepartureGroup.all,
    *,
    lang: LanguageLike = "nl",
    ax: Axes | None = None,
) -> Axes:
    """Departures of a group per published period, stacked by mode.

    One bar per period the table has for the group (a year, or a year to date: "2023 (t/m
    oktober)"), stacked: independent and forced departure (both under supervision), then
    departure without supervision; legend labels are the modes' own labels. Periods for
    which a mode is missing are left out. Bars have the SVG ids ``bar-<mode>-<i>``.
    """
    if ax is None:
        ax = _new_axes(4.0, 8.0)
    nl = _is_nl(lang)
    periods = sorted(departures.periods(group), key=lambda p: (p.first.serial, p.last.serial))
    found = [(p, departures.try_figures(group, p).totals) for p in periods]
    complete = [(p, t) for p, t in found if t is not None]
    who = group.label(lang)
    ax.set_title(f"{'Vertrek van' if nl else 'Departures of'} {who}", loc="left", fontsize=11)
    if not complete:
        _unavailable(ax, "", lang)
        return ax
    positions = list(range(len(complete)))
    bottom = [0.0] * len(complete)
    for mode in core.DepartureMode.__members__.values():
        values = [float(t.of(mode)) for _, t in complete]
        bars = ax.bar(
            positions, values, bottom=bottom, width=0.65, color=MODE_COLOURS.get(mode.name, "#999999"),
            label=_capitalised(mode.label(lang)), antialiased=False,
        )  # fmt: skip
        for i, bar in enumerate(bars):
            bar.set_gid(f"bar-{mode.name}-{i}")
        bottom = [b + v for b, v in zip(bottom, values)]
    ax.set_xticks(positions, [core.departures_period_label(p, lang) for p, _ in complete])
    ax.set_ylabel("Aantal vertrokken vreemdelingen" if nl else "Number of departures")
    ax.legend(fontsize=8, frameon=False, loc="upper right")
    _tidy(ax)
    sources = [s for _, t in complete for s in t.sources]
    latest = max((t.latest_release for _, t in complete), default=None)
    _add_source(ax, _sources_text(sources, latest, lang), lang)
    return ax


# ----------------------------------------------------------------------------------------
# All of Europe


def plot_europe(table: EuropeTable, *, columns: int = 6, geos: Sequence[str] | None = None) -> Figure:
    """Small multiples of an :class:`~kerncijfers.EuropeTable`: one panel per
    reporting country, its top citizenships, "unknown" and "other" as horizontal bars of
    their shares (the table's whole percents, labelled), titled with the country's name and
    its total rounded to tens, in the table's language.

    ``geos`` picks and orders the reporting countries (Eurostat codes; default: the table's
    order); ``columns`` panels per row. All panels share the 0-100% axis, so bars compare
    across countries. A country without applications in the period says so in its panel.
    The bars have the SVG ids ``bar-<geo>-<i>``.
    """
    import matplotlib.pyplot as plt

    if columns < 1:
        raise core.InvalidInput(f"columns must be 1 or more, got {columns}")
    lines = list(table.lines) if geos is None else [table.line(g) for g in geos]
    if not lines:
        raise core.InvalidInput("the table has no reporting countries to plot")
    lang = table.language
    nl = _is_nl(lang)
    rows = math.ceil(len(lines) / columns)
    width = min(columns, len(lines))
    bars_per_panel = table.top + 2
    fig, axes = plt.subplots(
        rows, width, figsize=(2.6 * width, (0.5 + 0.17 * bars_per_panel) * rows + 0.9), squeeze=False,
        sharex=True, layout="constrained",
    )  # fmt: skip
    for index, ax in enumerate(axes.flat):
        if index >= len(lines):
            ax.set_axis_off()
            continue
        line = lines[index]
        total = core.format_count(line.rounded_total, lang)
        ax.set_title(f"{line.geo_name} ({total})", loc="left", fontsize=8)
        ax.tick_params(axis="both", length=0, labelsize=6.5)
        if line.total == 0:
            ax.set_yticks([])
            words = (
                ("geen aanvragen" if nl else "no applications")
                if line.reported
                else ("geen gegevens" if nl else "no data")
            )
            ax.text(0.0, 0.5, words, transform=ax.transAxes, fontsize=7)
            _tidy(ax)
            continue
        entries = list(line.entries)
        positions = list(range(len(entries)))
        colours = [NATIONALITY_COLOUR if e.part == "nationality" else REST_COLOUR for e in entries]
        bars = ax.barh(positions, [e.share for e in entries], height=0.75, color=colours, antialiased=False)
        for i, bar in enumerate(bars):
            bar.set_gid(f"bar-{line.geo}-{i}")
        ax.set_yticks(positions, [e.name for e in entries], fontsize=6.5)
        ax.invert_yaxis()
        ax.bar_label(bars, labels=[f"{e.share}%" for e in entries], padding=2, fontsize=6)
        ax.set_xlim(0, 100)
        _tidy(ax)
    characters = int(2.6 * width * 9)  # about what a line of the figure's width holds at 11 points
    fig.suptitle(textwrap.fill(table.title(), width=characters), x=0.01, ha="left", fontsize=11, fontweight="bold")
    fig.supxlabel(
        textwrap.fill("  ".join(table.notes()), width=int(2.6 * width * 14)), x=0.01, ha="left", fontsize=7,
        color="#555555",
    )  # fmt: skip
    return fig


# ----------------------------------------------------------------------------------------
# Embedding

_ID = re.compile(r'(\bid="|url\(#|href="#)')
_STYLE = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.DOTALL)
_SELECTOR = re.compile(r"(^|\})\s*([^{}]+?)\s*\{")


def _figure_of(chart: Figure | SubFigure | Axes) -> Figure:
    figure = chart.figure if isinstance(chart, (Axes, SubFigure)) else chart
    if not isinstance(figure, Figure):  # pragma: no cover - matplotlib always nests in a Figure
        raise TypeError(f"expected a matplotlib Figure or Axes, not {type(chart).__name__}")
    return figure


def chart_svg(chart: Figure | SubFigure | Axes, *, id_prefix: str = "kc", label: str | None = None) -> str:
    """The chart as an inline ``<svg>`` element for an HTML page.

    Text stays text (searchable, selectable, read by screen readers); every id is prefixed
    with ``id_prefix`` so that several charts on one page do not clash (bar ``bar-0`` of
    prefix ``fig-1-0`` becomes ``fig-1-0-bar-0``); the element scales down to narrow screens
    and carries ``role="img"`` and ``aria-label`` (``label``, default: the axes' titles).
    The output does not depend on the time or on a random salt, so a page is reproducible.
    """
    figure = _figure_of(chart)
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "kerncijfers"}):
        figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    if id_prefix:
        svg = _ID.sub(lambda m: f"{m.group(1)}{id_prefix}-", svg)
    # matplotlib's stylesheet ("*{stroke-linejoin: round}") would apply to the whole page
    # once the SVG is inline: scope it to this chart.
    root = f"{id_prefix or 'kc'}-chart"
    svg = _STYLE.sub(lambda m: m.group(1) + _SELECTOR.sub(lambda r: f"{r.group(1)}#{root} {r.group(2)}{{", m.group(2))
                     + m.group(3), svg)  # fmt: skip
    if label is None:
        label = " / ".join(t for t in (ax.get_title(loc="left") or ax.get_title() for ax in figure.axes) if t)
    attributes = f'<svg id="{root}" role="img" aria-label="{_attribute(label)}" style="max-width:100%;height:auto"'
    return attributes + svg[len("<svg") :].rstrip() + "\n"


def chart_png_data_uri(chart: Figure | SubFigure | Axes, *, dpi: int = 150) -> str:
    """The chart as a PNG ``data:`` URI, for ``<img src=...>`` in a page that must work offline."""
    figure = _figure_of(chart)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _attribute(text: str) -> str:
    return core.html_escape(text)
