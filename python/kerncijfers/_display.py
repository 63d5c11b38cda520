"""Rich display in Jupyter: what ``_repr_html_`` / ``_repr_markdown_`` of the figures and tables show.

The methods themselves are defined on the compiled classes (python/register_python_methods.cpp)
and call the functions here when a notebook displays an object.

A cell ending in ``kc.compute_key_figures(...)`` shows the page (with charts when matplotlib
is installed); a figure shows its data as the page's table with its title, status and
source; a CountsTable a short summary; a Series its values by period. The language is
Dutch unless :func:`set_display_language` says otherwise. Nothing here needs pandas or
matplotlib: they are used when installed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from ._core import LanguageLike

import numpy as np

from . import _core as core

Lang = Literal["nl", "en"]

_language: list[Lang] = ["nl"]


def set_display_language(lang: LanguageLike) -> None:
    """The language of notebook displays ("nl" or "en"); the page itself takes ``lang`` per call."""
    language = lang if isinstance(lang, core.Language) else core.parse_language(lang)
    _language[0] = "nl" if language == core.Language.nl else "en"


def display_language() -> Lang:
    """The language notebook displays use: "nl" (default) or "en"."""
    return _language[0]


def _nl() -> bool:
    return _language[0] == "nl"


def _e(text: object) -> str:
    return core.html_escape(str(text))


def _source_html(source: core.FigureSource) -> str:
    text = core.source_text(source, _language[0])
    if not text:
        return ""
    return f'<p style="font-size:smaller">({"Bron" if _nl() else "Source"}: {_e(text)})</p>'


def _status_html(status: core.FigureStatus, problem: core.FigureProblem, reason: str) -> str:
    if status == core.FigureStatus.exact:
        return ""
    word = {
        "partial": "gedeeltelijk" if _nl() else "partial",
        "unavailable": "niet beschikbaar" if _nl() else "not available",
    }[status.name]
    why = core.problem_text(problem, _language[0])
    # The problem in the display language; the details (rows, files, months) stay English.
    details = f'<p style="font-size:smaller">{_e(reason)}</p>' if reason else ""
    return f"<p><em>{_e(word)}</em>{': ' + _e(why) if why else ''}</p>{details}"


def _notes_html(notes: Sequence[str]) -> str:
    if not notes:
        return ""
    return "<ul>" + "".join(f"<li>{_e(n)}</li>" for n in notes) + "</ul>"


def _table(header: Sequence[str], rows: Sequence[Sequence[object]], numeric: Sequence[bool]) -> str:
    def cell(tag: str, value: object, right: bool) -> str:
        style = ' style="text-align:right"' if right else ""
        return f"<{tag}{style}>{_e(value)}</{tag}>"

    head = "".join(cell("th", h, r) for h, r in zip(header, numeric))
    body = "".join("<tr>" + "".join(cell("td", v, r) for v, r in zip(row, numeric)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


# ----------------------------------------------------------------------------------------
# The page and its figures


def key_figures_html(figures: core.KeyFigures) -> str:
    from .report import page_fragment

    return page_fragment(figures, _language[0])


def key_figures_markdown(figures: core.KeyFigures) -> str:
    return core.render_markdown(figures, _language[0])


def weekly_influx_html(figure: core.WeeklyInfluxFigure) -> str:
    """The week page's content (its ``<main>``), without the document around it."""
    from .report import _main_fragment

    return _main_fragment(core.render_html(figure, _language[0]), _language[0])


def weekly_influx_markdown(figure: core.WeeklyInfluxFigure) -> str:
    return core.render_markdown(figure, _language[0])


def distribution_html(figure: core.DistributionFigure) -> str:
    title = core._distribution_title(figure, _language[0])
    return (
        f'<div class="kerncijfers-figure"><p><strong>{_e(title)}</strong></p>'
        + core._distribution_table_html(figure, _language[0])
        + _status_html(figure.status, figure.problem, figure.reason)
        + _source_html(figure.source)
        + _notes_html(figure.notes)
        + "</div>"
    )


def safe_share_html(figure: core.SafeShareFigure) -> str:
    lang = _language[0]
    nl = _nl()
    title = ("Aandeel uit veilige landen van herkomst, " if nl else "Share from safe countries of origin, ") + (
        figure.window.label(lang)
    )
    rows: list[list[object]] = [
        ["Totaal" if nl else "Total", core.format_count(figure.total, lang)],
    ]
    if figure.status != core.FigureStatus.unavailable:
        safe = core.format_count(figure.safe_count, lang)
        rows.append(["Uit een veilig land" if nl else "From a safe country", safe])
        rows.append(
            ["Aandeel" if nl else "Share", core.format_percent(figure.percent.units, figure.percent.decimals, lang)]
        )
    if figure.lower_percent is not None and figure.upper_percent is not None:
        low = core.format_percent(figure.lower_percent.units, figure.lower_percent.decimals, lang)
        high = core.format_percent(figure.upper_percent.units, figure.upper_percent.decimals, lang)
        rows.append(["Tussen" if nl else "Between", f"{low} – {high}"])
    table = _table(["", ""], rows, [False, True])
    return (
        f'<div class="kerncijfers-figure"><p><strong>{_e(title)}</strong></p>{table}'
        + _status_html(figure.status, figure.problem, figure.reason)
        + _source_html(figure.source)
        + _notes_html(figure.notes)
        + "</div>"
    )


def departures_html(figure: core.DeparturesFigure) -> str:
    lang = _language[0]
    nl = _nl()
    period = core.departures_period_label(figure.window, lang)
    title = f"{'Vertrek van' if nl else 'Departures of'} {figure.group.label(lang)}, {period}"
    rows: list[list[object]] = []
    if figure.status != core.FigureStatus.unavailable:
        rows = [
            [
                "Onder toezicht" if nl else "Under supervision",
                core.format_count(figure.supervised, lang),
                core.format_percent(figure.supervised_percent.units, figure.supervised_percent.decimals, lang),
            ],
            [
                "Op eigen gelegenheid" if nl else "Without supervision",
                core.format_count(figure.unsupervised, lang),
                core.format_percent(figure.unsupervised_percent.units, figure.unsupervised_percent.decimals, lang),
            ],
            [
                "Totaal (afgerond op tientallen)" if nl else "Total (rounded to tens)",
                core.format_count(figure.total_rounded, lang),
                "",
            ],
        ]
    header = ["", "Aantal" if nl else "Count", "Aandeel" if nl else "Share"]
    table = _table(header, rows, [False, True, True]) if rows else ""
    return (
        f'<div class="kerncijfers-figure"><p><strong>{_e(title)}</strong></p>{table}'
        + _status_html(figure.status, figure.problem, figure.reason)
        + _source_html(figure.source)
        + "</div>"
    )


# ----------------------------------------------------------------------------------------
# Tables and series


def counts_table_html(table: core.CountsTable) -> str:
    """A summary: per category the months covered, the nationalities and the rows; the sources."""
    nl = _nl()
    columns = core._counts_columns(table, False)
    ranks = columns["period_rank"].astype(np.int64)
    # Months since January 1970 of each row's first and last month (ranks: month, quarter, year).
    first_months = columns["period_ordinal"] * np.array([1, 3, 12])[ranks]
    last_months = first_months + np.array([0, 2, 11])[ranks]
    categories = columns["category"]
    nationality_codes = columns["nationality_codes"]
    codes = columns["nationalities"]
    total_code = codes.index("TOTAL") if "TOTAL" in codes else -1
    rows: list[list[object]] = []
    for value, category in enumerate(core.Category.__members__.values()):
        mine = categories == value
        if not mine.any():
            continue
        present = set(nationality_codes[mine].tolist())
        rows.append(
            [
                category.label(_language[0]),
                f"{_month(int(first_months[mine].min())).iso()} – {_month(int(last_months[mine].max())).iso()}",
                len(present - {total_code}),
                ("ja" if nl else "yes") if total_code in present else ("nee" if nl else "no"),
                int(mine.sum()),
            ]
        )
    header = (
        ["Categorie", "Maanden", "Nationaliteiten", "TOTAL-rijen", "Rijen"]
        if nl
        else ["Category", "Months", "Nationalities", "TOTAL rows", "Rows"]
    )
    origin = f" {'uit' if nl else 'from'} {_e(table.origin)}" if table.origin else ""
    superseded = len(table.superseded())
    replaced = "vervangen door een latere release" if nl else "superseded by a later release"
    summary = (
        f"<p><strong>CountsTable</strong>: {len(table)} {'rijen' if nl else 'rows'}{origin}"
        + (f"; {superseded} {replaced}" if superseded else "")
        + "</p>"
    )
    sources = columns["sources"]
    listed = f'<p style="font-size:smaller">{"Bronnen" if nl else "Sources"}: {_e("; ".join(sources))}</p>'
    return summary + _table(header, rows, [False, False, True, False, True]) + (listed if sources else "")


def _month(months_since_1970: int) -> core.Month:
    year, index = divmod(months_since_1970, 12)
    return core.Month(1970 + year, index + 1)


def series_html(series: core.Series[Any, Any]) -> str:
    """The values by period; a long series shows its first and last 12 periods."""
    lang = _language[0]
    values = series.values
    valid = series.valid
    periods = list(series.range)

    def text(i: int) -> str:
        if not bool(valid[i]):
            return "–"
        value = values[i]
        if series.dtype.kind == "i":
            return core.format_count(int(value), lang)
        return f"{float(value):.6g}"

    indices = list(range(len(periods)))
    shown: list[int | None] = [*indices] if len(indices) <= 24 else [*indices[:12], None, *indices[-12:]]
    rows = [["…", "…"] if i is None else [periods[i].label(lang), text(i)] for i in shown]
    unit = series.unit.__name__
    header = f"<p><strong>Series</strong> ({unit}, {series.dtype}) {_e(series.range.label(lang))}</p>"
    return header + _table(["Periode" if _nl() else "Period", "Waarde" if _nl() else "Value"], rows, [False, True])
