"""The key figures from Python: the golden table reproduces the page; real data stays honest."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import pytest

import kerncijfers as kc

MAY = kc.Month(2021, 5)


def shares(figure: kc.DistributionFigure) -> list[tuple[str, int]]:
    return [(r.nationality.alpha3 if r.nationality else r.kind.name, r.percent) for r in figure.rows]


def test_golden_table_gives_every_figure_of_the_page(golden_figures: kc.KeyFigures) -> None:
    k = golden_figures
    assert k.first_month.status == kc.FigureStatus.exact
    assert shares(k.first_month)[:7] == [
        ("SYR", 32), ("TUR", 8), ("DZA", 7), ("MAR", 6), ("ERI", 5), ("AFG", 4), ("XXX", 4)
    ]
    assert k.safe_month.percent == 19
    assert k.first_trailing.window.label() == "juni 2020 t/m mei 2021"
    assert shares(k.first_trailing)[:4] == [("SYR", 32), ("DZA", 8), ("TUR", 7), ("MAR", 6)]
    assert shares(k.nareizigers_month) == [("SYR", 60), ("ERI", 12), ("YEM", 6), ("other", 23)]
    assert k.nareizigers_month.percent_sum == 101 and not k.nareizigers_month.sums_to_100
    assert "101" in k.nareizigers_month.rounding_note
    assert k.nareizigers_trailing.window.label() == "mei 2020 t/m april 2021"
    assert shares(k.nareizigers_trailing)[:3] == [("SYR", 50), ("ERI", 13), ("YEM", 11)]
    d = k.departures_all
    assert (d.total_rounded, d.supervised_percent, d.unsupervised_percent) == (7690, 51, 49)
    c = k.departures_criminal
    assert (c.total_rounded, c.supervised_percent, c.unsupervised_percent) == (390, 70, 30)


def test_largest_remainder_sums_to_100(golden_tables: tuple[kc.CountsTable, kc.DeparturesTable]) -> None:
    options = kc.KeyFiguresOptions(nareiziger_window_end=kc.Month(2021, 4), rounding=kc.ShareRounding.largest_remainder)
    k = kc.compute_key_figures(*golden_tables, kc.nl_safe_countries(), MAY, options)
    for figure in (k.first_month, k.first_trailing, k.nareizigers_month, k.nareizigers_trailing):
        assert sum(r.percent for r in figure.rows) == 100
        assert figure.sums_to_100
    assert shares(k.nareizigers_month) == [("SYR", 60), ("ERI", 12), ("YEM", 5), ("other", 23)]


def test_golden_markdown_holds_every_published_sentence(test_data: Path, golden_figures: kc.KeyFigures) -> None:
    page = kc.render_markdown(golden_figures, "nl")
    sentences = (test_data / "golden_mei_2021_sentences_nl.txt").read_text(encoding="utf-8").splitlines()
    assert sentences
    for sentence in sentences:
        assert sentence in page, sentence


def test_bundled_real_data_for_may_2021(bundled_figures: kc.KeyFigures) -> None:
    k = bundled_figures
    month = dict(shares(k.first_month))
    assert k.first_month.total == 955
    assert (month["SYR"], month["TUR"], month["ERI"], month["AFG"]) == (32, 8, 5, 4)
    assert k.first_month.status == kc.FigureStatus.partial
    assert any(r.kind == kc.RowKind.unlisted for r in k.first_month.rows)
    trailing = dict(shares(k.first_trailing))
    assert (trailing["SYR"], trailing["TUR"]) == (32, 7)
    # Only seven nationalities are in the data: the safe share is not pretended.
    assert k.safe_month.status == kc.FigureStatus.unavailable
    assert k.safe_month.lower_percent is not None and k.safe_month.upper_percent is not None
    assert k.departures_criminal.status == kc.FigureStatus.unavailable


def test_problems_are_codes_and_the_page_names_them_in_its_language(bundled_figures: kc.KeyFigures) -> None:
    k = bundled_figures
    assert k.first_month.problem == kc.FigureProblem.incomplete_breakdown
    assert k.safe_month.problem == kc.FigureProblem.incomplete_breakdown
    assert k.nareizigers_month.problem == kc.FigureProblem.unsplittable_rows
    assert k.departures_criminal.problem == kc.FigureProblem.missing_departures
    assert k.departures_all.problem == kc.FigureProblem.none
    repeat = k.influx.by_category[1]
    assert repeat.count is None and repeat.problem == kc.FigureProblem.missing_months
    assert "2021-Q2" in k.nareizigers_month.reason  # the details stay with the figure
    page = kc.render_markdown(k, "nl")
    assert "(reden: " + kc.problem_text(kc.FigureProblem.unsplittable_rows, "nl") + ")" in page
    assert "(reden: de gegevens bevatten niet alle vertrekcijfers voor deze periode)" in page
    # No English diagnostics and no file names on the Dutch page.
    for english in ("would have to be split", "no departures of group", "the data break down", ".csv"):
        assert english not in page, english
    english_page = kc.render_markdown(k, "en")
    assert "(reason: " + kc.problem_text(kc.FigureProblem.missing_departures, "en") + ")" in english_page
    assert kc.problem_text(kc.FigureProblem.none) == ""


def test_key_figures_pickle_and_copy_whole(bundled_tables: tuple[kc.CountsTable, kc.DeparturesTable]) -> None:
    # Notebooks cache results and send them to worker processes: every record round-trips,
    # nested records, windows, optional values and problem codes included.
    options = kc.KeyFiguresOptions(
        nareiziger_window_end=kc.Month(2021, 4),
        departures_period=kc.PeriodRange(kc.Month(2021, 1), kc.Month(2021, 12)),
        rounding=kc.ShareRounding.largest_remainder,
        decimals=1,
    )
    counts, departures = bundled_tables
    k = kc.compute_key_figures(counts, departures, kc.nl_safe_countries(), MAY, options)
    records: list[object] = [
        k, k.options, k.influx, k.influx.by_category[1], k.first_month, k.first_month.rows[0], k.first_month.source,
        k.safe_month, k.nareizigers_month, k.departures_all,
    ]  # fmt: skip
    for record in records:
        again = pickle.loads(pickle.dumps(record))
        assert type(again) is type(record) and again == record, type(record).__name__
        assert copy.deepcopy(record) == record and copy.copy(record) == record
    again = pickle.loads(pickle.dumps(k))
    assert again.safe_month.upper_percent == k.safe_month.upper_percent is not None
    assert again.options.departures_period == options.departures_period
    assert again.nareizigers_month.problem == kc.FigureProblem.unsplittable_rows
    assert kc.render_markdown(again, "nl") == kc.render_markdown(k, "nl")
    # A changed field shows: equality compares every field.
    other = kc.compute_key_figures(counts, departures, kc.nl_safe_countries(), kc.Month(2021, 4), options)
    assert pickle.loads(pickle.dumps(other)) != k


def test_options_are_checked() -> None:
    with pytest.raises(kc.InvalidInput, match="0"):
        kc.KeyFiguresOptions(top_first_month=0)
    options = kc.KeyFiguresOptions()
    options.departures_period = kc.parse_departure_period("2021")
    assert options.departures_period == kc.PeriodRange(kc.Month(2021, 1), kc.Month(2021, 12))
