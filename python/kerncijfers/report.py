"""The page with its charts, and the work behind many pages: reading many files, many months.

:func:`render_html_with_charts` is the standalone HTML page of :func:`kerncijfers.render_html`
with Fig. 1.0, 1.1 and 1.2 drawn by :mod:`kerncijfers.plot` and embedded in the page (inline
SVG, or PNG as a ``data:`` URI): one file, complete offline. It needs matplotlib; everything
else here does not.

Progress bars (tqdm when installed, else a plain counter on stderr) are off by default:
pass ``progress=True``.
"""

from __future__ import annotations

import copy
import itertools
import os
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal, Union

from . import _core as core
from ._progress import progress_bar

__all__ = [
    "cached_counts",
    "chart_markup",
    "eurostat_counts",
    "key_figures_from_eurostat",
    "key_figures_for_months",
    "page_fragment",
    "read_counts",
    "read_departures",
    "render_html_with_charts",
]

if TYPE_CHECKING:
    from ._core import LanguageLike

ImageFormat = Literal["svg", "png"]
PathLike = Union[str, "os.PathLike[str]"]

#: The distributions behind Fig. 1.0, 1.1 and 1.2, as KeyFigures attributes.
FIGURE_ATTRIBUTES = ("first_month", "first_trailing", "family_reunification_month")

_page_counter = itertools.count(1)


def chart_markup(
    figures: core.KeyFigures, index: int, lang: LanguageLike = "nl", *, image_format: ImageFormat = "svg",
    id_prefix: str | None = None,
) -> str:  # fmt: skip
    """The markup of Fig. 1.``index`` for the page: an inline ``<svg>`` (ids prefixed with
    ``fig-1-<index>``, or ``id_prefix``) or an ``<img>`` with a PNG data URI; ``""`` when the
    figure is unavailable (the page then says why, in words)."""
    from matplotlib.figure import Figure

    from .plot import chart_png_data_uri, chart_svg, plot_distribution

    distribution: core.DistributionFigure = getattr(figures, FIGURE_ATTRIBUTES[index])
    if distribution.status == core.FigureStatus.unavailable or not distribution.rows:
        return ""
    label = f"Fig. 1.{index} {core.figure_title(figures, index, lang)}"
    # A Figure of its own, not pyplot's: nothing is shown or kept open behind the caller's back.
    chart = Figure(figsize=(6.4, 1.3 + 0.42 * len(distribution.rows)), layout="constrained")
    plot_distribution(distribution, lang=lang, ax=chart.subplots(), title=False)
    if image_format == "svg":
        return chart_svg(chart, id_prefix=id_prefix or f"fig-1-{index}", label=label)
    if image_format == "png":
        alt = core.html_escape(label)
        return f'<img src="{chart_png_data_uri(chart)}" alt="{alt}" style="max-width:100%;height:auto">\n'
    raise core.InvalidInput(f'image_format must be "svg" or "png", got {image_format!r}')


def render_html_with_charts(
    figures: core.KeyFigures, lang: LanguageLike = "nl", *, image_format: ImageFormat = "svg", title: str = ""
) -> str:
    """The page as a standalone HTML document with Fig. 1.0, 1.1, 1.2 drawn as charts.

    :func:`kerncijfers.render_html` with ``HtmlOptions(figures=[...])``: the text, numbers
    and captions are the C++ renderer's; a chart replaces the small table of each available
    figure; an unavailable figure gets no chart (the page says it is not available and why).
    """
    markup = [chart_markup(figures, i, lang, image_format=image_format) for i in range(len(FIGURE_ATTRIBUTES))]
    return core.render_html(figures, lang, core.HtmlOptions(title=title, figures=markup))


_MAIN = re.compile(r"<main>\n?(.*)</main>", re.DOTALL)


def _main_fragment(page: str, language: str) -> str:
    """The content of a rendered page's ``<main>`` (the whole page when it has none) in the
    ``div`` that embeds it elsewhere (a notebook cell)."""
    found = _MAIN.search(page)
    body = found.group(1) if found else page
    return f'<div class="kerncijfers-page" lang="{core.html_escape(language)}">\n{body}</div>\n'


def page_fragment(figures: core.KeyFigures, lang: LanguageLike = "nl", *, charts: bool | None = None) -> str:
    """The page's content (without ``<html>``, ``<head>`` and the page's stylesheet) for
    embedding in another page, such as a notebook cell. Charts are drawn when ``charts`` is
    true, or when it is None and matplotlib is installed; their ids are unique per call."""
    if charts is None:
        try:
            import matplotlib  # noqa: F401
        except ImportError:
            charts = False
        else:
            charts = True
    if charts:
        page_id = next(_page_counter)
        markup = [
            chart_markup(figures, i, lang, id_prefix=f"kc{page_id}-fig-1-{i}") for i in range(len(FIGURE_ATTRIBUTES))
        ]
        page = core.render_html(figures, lang, core.HtmlOptions(figures=markup))
    else:
        page = core.render_html(figures, lang)
    return _main_fragment(page, lang.name if isinstance(lang, core.Language) else lang)


# ----------------------------------------------------------------------------------------
# Eurostat's data


def eurostat_counts(path: PathLike, geo: str = "NL") -> core.CountsTable:
    """The counts of reporting country ``geo`` in a Eurostat asylum applicants file
    (``migr_asyappctza`` or ``migr_asyappctzm``, any layout, gzipped or not): first and repeat
    applications by citizenship with Eurostat's defaults (sex T, age TOTAL, unit PER), their
    flags and Eurostat's rounding to 5 kept. Only ``geo``'s rows are parsed."""
    read_eurostat = getattr(core, "read_eurostat", None)
    if read_eurostat is None:  # pragma: no cover - only before the reader is built in
        raise core.InvalidInput("this build of kerncijfers cannot read Eurostat files (no read_eurostat)")
    data = read_eurostat(os.fspath(path), geo=[geo])
    table: core.CountsTable = data.counts_table(geo)
    return table


def key_figures_from_eurostat(
    path: PathLike,
    period: core.Month | core.Quarter | core.Year | str,
    geo: str = "NL",
    *,
    departures: core.DeparturesTable | None = None,
    safe: core.SafeCountryList | None = None,
    options: core.KeyFiguresOptions | None = None,
) -> core.KeyFigures:
    """The page's figures for reporting country ``geo`` and ``period`` (of the file's unit: a
    Year for ``migr_asyappctza``, a Month for ``migr_asyappctzm``) from a Eurostat file.

    Eurostat counts no nareizigers: those figures say so (``FigureProblem.not_in_source``).
    The departures default to none (their figures are then unavailable) and the safe-country
    list to the Dutch one; for a country other than NL those Dutch-policy figures are
    ``FigureProblem.not_for_country`` unless ``options.country_policy_data`` says the tables
    given are that country's own. ``options.reporting_country`` is set to ``geo``.
    """
    chosen = core.KeyFiguresOptions() if options is None else copy.copy(options)
    chosen.reporting_country = geo
    return core.compute_key_figures(
        eurostat_counts(path, geo),
        departures if departures is not None else core.DeparturesTable.from_rows([], "no departures"),
        safe if safe is not None else core.nl_safe_countries(),
        period,
        chosen,
    )


# ----------------------------------------------------------------------------------------
# Many files, many months


def read_counts(paths: Iterable[PathLike], *, progress: bool = False, origin: str | None = None) -> core.CountsTable:
    """One CountsTable from several counts CSV files (the vintage rule across all of them).

    ``progress=True`` shows a bar over the files. ``origin`` names the table in messages
    (default: the file names); every row keeps its own file and line for messages anyway.
    """
    listed = [os.fspath(p) for p in paths]
    rows: list[core.CountRow] = []
    for path in progress_bar(listed, desc="reading counts", unit="file") if progress else listed:
        rows.extend(core.read_count_rows(path))
    return core.CountsTable.from_rows(rows, origin if origin is not None else ", ".join(listed))


def read_departures(
    paths: Iterable[PathLike], *, progress: bool = False, origin: str | None = None
) -> core.DeparturesTable:
    """One DeparturesTable from several departures CSV files (see :func:`read_counts`)."""
    listed = [os.fspath(p) for p in paths]
    rows: list[core.DepartureRow] = []
    for path in progress_bar(listed, desc="reading departures", unit="file") if progress else listed:
        rows.extend(core.read_departure_rows(path))
    return core.DeparturesTable.from_rows(rows, origin if origin is not None else ", ".join(listed))


def key_figures_for_months(
    counts: core.CountsTable,
    departures: core.DeparturesTable,
    safe: core.SafeCountryList,
    months: core.PeriodRange[core.Month] | Sequence[core.Month],
    options: core.KeyFiguresOptions | None = None,
    *,
    progress: bool = False,
) -> list[core.KeyFigures]:
    """The page's figures for every month of ``months`` (a PeriodRange of Month or a list),
    in order, with the same options; ``progress=True`` shows a bar over the months.

    ``options.family_reunification_window_end``, when set, is kept as it is for every month.
    """
    listed = list(months)
    for month in listed:
        if not isinstance(month, core.Month):
            raise TypeError(f"months must hold Month values, got {type(month).__name__}")
    chosen = progress_bar(listed, desc="computing key figures", unit="month") if progress else listed
    return [core.compute_key_figures(counts, departures, safe, month, options) for month in chosen]


# ----------------------------------------------------------------------------------------
# The publishers' data, from the cache of `kerncijfers fetch`

#: The dataset ``report --source`` reads when none is named.
DEFAULT_DATASETS = {"cbs": "83102NED", "eurostat": "migr_asyappctzm"}


def cached_counts(
    source: Literal["cbs", "eurostat"],
    dataset: str | None = None,
    *,
    geo: str = "NL",
    cache_dir: PathLike | None = None,
) -> tuple[core.CountsTable, str]:
    """The counts of the newest cached release of a CBS table (default 83102NED) or a
    Eurostat dataset (default migr_asyappctzm, reporting country ``geo``), and the day it was
    retrieved (``"2026-12-07"``, for ``KeyFiguresOptions.retrieved``). Nothing is downloaded:
    :func:`kerncijfers.fetch` fills the cache. Raises :class:`kerncijfers.FetchError`
    (kind ``"offline"``) naming the command to run when nothing is cached.

    A Eurostat TSV carries no release date: its rows get the release the cache recorded
    (Eurostat's ``Last-Modified``)."""
    from ._fetch import fetch_dataset

    # An unknown source fails in fetch_dataset, which names it; "CBS" is "cbs".
    code = dataset or DEFAULT_DATASETS.get(str(source).lower(), "")
    entry = fetch_dataset(source, code, offline=True, cache_dir=cache_dir).entry
    path = os.fspath(entry.path)
    if entry.publisher == "cbs":
        read_cbs = getattr(core, "read_cbs", None)
        retrieved_of = getattr(core, "cbs_bundle_retrieved", None)
        if read_cbs is None or retrieved_of is None:  # pragma: no cover - only before the reader is built in
            raise core.InvalidInput("this build of kerncijfers cannot read CBS tables (no read_cbs)")
        table: core.CountsTable = read_cbs(path)
        retrieved: str = retrieved_of(path)
        return table, retrieved[:10]
    data = core.read_eurostat(path, geo=[geo])
    rows = data.count_rows(geo)
    if not data.release.is_dated():
        release = core.Release.parse(entry.release[:10])
        rows = [
            core.CountRow(r.period, r.category, r.nationality, r.count, r.source, release, r.line,
                          flags=r.flags, source_multiple=r.source_multiple)
            for r in rows
        ]  # fmt: skip
    return core.CountsTable.from_rows(rows, path), entry.retrieved[:10]
