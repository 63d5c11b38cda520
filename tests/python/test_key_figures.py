"""The key figures from Python: the golden table reproduces the page; real data stays honest."""

from __future__ import annotations

import copy
import json
import pickle
from pathlib import Path
from typing import Any

import kerncijfers as kc
import pytest

MAY = kc.Month(2021, 5)


def shares(figure: kc.DistributionFigure) -> list[tuple[str, int]]:
    return [(r.nationality.alpha3 if r.nationality else r.kind.name, r.percent.units) for r in figure.rows]


def test_golden_table_gives_every_figure_of_the_page(golden_figures: kc.KeyFigures) -> None:
    k = golden_figures
    assert k.first_month.status == kc.FigureStatus.exact
    assert shares(k.first_month)[:7] == [
        ("SYR", 32),
        ("TUR", 8),
        ("DZA", 7),
        ("MAR", 6),
        ("ERI", 5),
        ("AFG", 4),
        ("XXX", 4),
    ]
    assert k.safe_month.percent == kc.RoundedDecimal(19, 0)
    assert k.first_trailing.window.label() == "juni 2020 t/m mei 2021"
    assert shares(k.first_trailing)[:4] == [("SYR", 32), ("DZA", 8), ("TUR", 7), ("MAR", 6)]
    assert shares(k.family_reunification_month) == [("SYR", 60), ("ERI", 12), ("YEM", 6), ("other", 23)]
    assert (
        k.family_reunification_month.percent_sum == kc.RoundedDecimal(101, 0)
        and not k.family_reunification_month.sums_to_100
    )
    assert "101" in k.family_reunification_month.rounding_note
    assert k.family_reunification_trailing.window.label() == "mei 2020 t/m april 2021"
    assert shares(k.family_reunification_trailing)[:3] == [("SYR", 50), ("ERI", 13), ("YEM", 11)]
    d = k.departures_all
    assert (d.total_rounded, d.supervised_percent.units, d.unsupervised_percent.units) == (7690, 51, 49)
    c = k.departures_criminal
    assert (c.total_rounded, c.supervised_percent.units, c.unsupervised_percent.units) == (390, 70, 30)


def test_largest_remainder_sums_to_100(golden_tables: tuple[kc.CountsTable, kc.DeparturesTable]) -> None:
    options = kc.KeyFiguresOptions(
        family_reunification_window_end=kc.Month(2021, 4), rounding=kc.ShareRounding.largest_remainder
    )
    k = kc.compute_key_figures(*golden_tables, kc.nl_safe_countries(), MAY, options)
    for figure in (k.first_month, k.first_trailing, k.family_reunification_month, k.family_reunification_trailing):
        assert sum(r.percent.units for r in figure.rows) == 100
        assert figure.sums_to_100
    assert shares(k.family_reunification_month) == [("SYR", 60), ("ERI", 12), ("YEM", 5), ("other", 23)]


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
    assert k.family_reunification_month.problem == kc.FigureProblem.unsplittable_rows
    assert k.departures_criminal.problem == kc.FigureProblem.missing_departures
    assert k.departures_all.problem == kc.FigureProblem.none
    repeat = k.influx.by_category[1]
    # The bundled extract has no repeat applications at all: not in this source, not missing months.
    assert repeat.count is None and repeat.problem == kc.FigureProblem.not_in_source
    assert "2021-Q2" in k.family_reunification_month.reason  # the details stay with the figure
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
        family_reunification_window_end=kc.Month(2021, 4),
        departures_window=kc.PeriodRange(kc.Month(2021, 1), kc.Month(2021, 12)),
        rounding=kc.ShareRounding.largest_remainder,
        decimals=1,
    )
    counts, departures = bundled_tables
    k = kc.compute_key_figures(counts, departures, kc.nl_safe_countries(), MAY, options)
    records: list[object] = [
        k, k.options, k.influx, k.influx.by_category[1], k.first_month, k.first_month.rows[0], k.first_month.source,
        k.safe_month, k.family_reunification_month, k.departures_all,
    ]  # fmt: skip
    for record in records:
        again = pickle.loads(pickle.dumps(record))
        assert type(again) is type(record) and again == record, type(record).__name__
        assert copy.deepcopy(record) == record and copy.copy(record) == record
    again = pickle.loads(pickle.dumps(k))
    assert again.safe_month.upper_percent == k.safe_month.upper_percent is not None
    assert again.options.departures_window == options.departures_window
    assert again.family_reunification_month.problem == kc.FigureProblem.unsplittable_rows
    assert kc.render_markdown(again, "nl") == kc.render_markdown(k, "nl")
    # A changed field shows: equality compares every field.
    other = kc.compute_key_figures(counts, departures, kc.nl_safe_countries(), kc.Month(2021, 4), options)
    assert pickle.loads(pickle.dumps(other)) != k


def test_options_are_checked() -> None:
    with pytest.raises(kc.InvalidInput, match="0"):
        kc.KeyFiguresOptions(top_first_month=0)
    options = kc.KeyFiguresOptions()
    options.departures_window = kc.parse_departure_period("2021")
    assert options.departures_window == kc.PeriodRange(kc.Month(2021, 1), kc.Month(2021, 12))


# --- overflow and contradicting data (issue 10, items 8 and 9) ------------------------------
# The figure that cannot be computed, or rests on numbers the data contradict, is unavailable
# and says why; the other figures are computed and the page renders in every format.

INT64_MAX = 2**63 - 1
YEAR_2021 = kc.PeriodRange(kc.Month(2021, 1), kc.Month(2021, 12))


def _counts(*rows: tuple[kc.Month, kc.Category, str | None, int]) -> kc.CountsTable:
    return kc.CountsTable.from_rows([kc.CountRow(p, c, n, count, "test") for p, c, n, count in rows], "test")


def _departures(all_modes: tuple[int, int, int], criminal: tuple[int, int, int]) -> kc.DeparturesTable:
    rows = []
    for group, counts in ((kc.DepartureGroup.all, all_modes), (kc.DepartureGroup.criminal, criminal)):
        for mode, count in zip(
            (kc.DepartureMode.independent, kc.DepartureMode.forced, kc.DepartureMode.unsupervised), counts, strict=True
        ):
            rows.append(kc.DepartureRow(YEAR_2021, group, mode, count, "test"))
    return kc.DeparturesTable.from_rows(rows, "test")


CONSISTENT_DEPARTURES = ((20, 30, 50), (2, 3, 5))
FIRST = kc.Category.first_application


def _page(k: kc.KeyFigures) -> tuple[str, str, dict[str, Any]]:
    """The page in every format and language (they must all render); the Dutch and English
    Markdown and the parsed JSON."""
    for lang in ("nl", "en"):
        assert kc.render_html(k, lang).startswith("<!DOCTYPE html>")
    return kc.render_markdown(k, "nl"), kc.render_markdown(k, "en"), json.loads(kc.render_json(k))


def test_influx_sum_overflow_leaves_only_the_sum_unavailable() -> None:
    # Reproducer: TOTAL 9223372036854775807 first applications + 1 repeat application
    # stopped the report ("integer overflow: 9223372036854775807 + 1 does not fit in int64").
    counts = _counts(
        (MAY, FIRST, None, INT64_MAX),
        (MAY, FIRST, "SYR", INT64_MAX),
        (MAY, kc.Category.repeat_application, None, 1),
        (MAY, kc.Category.family_reunification, None, 0),
        (MAY, kc.Category.relocation, None, 0),
        (MAY, kc.Category.resettlement, None, 0),
    )
    k = kc.compute_key_figures(counts, _departures(*CONSISTENT_DEPARTURES), kc.nl_safe_countries(), MAY)
    assert k.influx.total is None
    assert k.influx.problem == kc.FigureProblem.overflow
    assert k.influx.reason == (
        "the sum over the categories for 2021-05 does not fit in 64 bits: "
        "integer overflow: 9223372036854775807 + 1 does not fit in int64"
    )
    assert [e.count for e in k.influx.by_category] == [INT64_MAX, 1, 0, 0, 0]
    assert k.first_month.status == kc.FigureStatus.exact and shares(k.first_month) == [("SYR", 100)]
    assert k.departures_all.total_rounded == 100 and k.departures_criminal.total_rounded == 10
    nl, en, data = _page(k)
    assert "In mei 2021 kwam 100% van de asielzoekers die voor het eerst een aanvraag indienden uit Syrië." in nl
    assert "about 100 foreign nationals" in en
    influx = data["influx"]
    assert (influx["total"], influx["total_problem"]) == (None, "overflow")
    assert influx["by_category"][0]["count"] == INT64_MAX


def test_nationality_sum_overflow_makes_the_distribution_unavailable() -> None:
    counts = _counts((MAY, FIRST, None, 100), (MAY, FIRST, "SYR", INT64_MAX), (MAY, FIRST, "ERI", 1))
    b = kc.breakdown_by_nationality(counts, FIRST, MAY)
    assert b.listed_problem == kc.FigureProblem.overflow
    assert "1 + 9223372036854775807 does not fit in int64" in b.listed_reason
    assert not b.complete()
    k = kc.compute_key_figures(counts, _departures(*CONSISTENT_DEPARTURES), kc.nl_safe_countries(), MAY)
    for figure in (k.first_month, k.safe_month):
        assert (figure.status, figure.problem, figure.reason) == (
            kc.FigureStatus.unavailable, kc.FigureProblem.overflow, b.listed_reason
        )  # fmt: skip
    assert k.first_month.rows == [] and k.first_month.source.sources == ["test"]
    assert k.departures_all.status == kc.FigureStatus.exact
    nl, en, data = _page(k)
    assert (
        "De verdeling naar nationaliteit van de asielzoekers die voor het eerst een aanvraag indienden in mei 2021 "
        "is niet beschikbaar (reden: de aantallen zijn te groot om op te tellen)." in nl
    )
    assert "(reason: the counts are too large to add up)." in en
    assert "In 2021 zijn ongeveer 100 vreemdelingen" in nl
    first = data["first_month"]
    assert first["problem"] == "overflow" and first["rows"] == []
    assert [first[key] for key in ("total", "percent_sum", "sums_to_100", "listed")] == [None] * 4
    safe = data["safe_month"]
    assert [safe[key] for key in ("total", "safe_count", "percent", "percent_text")] == [None] * 4


def test_departures_at_int64_max_cannot_be_rounded_to_tens(
    golden_tables: tuple[kc.CountsTable, kc.DeparturesTable],
) -> None:
    counts, _ = golden_tables
    k = kc.compute_key_figures(counts, _departures((INT64_MAX, 0, 0), (5, 0, 0)), kc.nl_safe_countries(), MAY)
    d = k.departures_all
    assert (d.status, d.problem) == (kc.FigureStatus.unavailable, kc.FigureProblem.overflow)
    assert d.reason.startswith("the numbers of the departures of group all for 2021 do not fit in 64 bits: ")
    assert str(INT64_MAX) in d.reason
    assert k.departures_criminal.status == kc.FigureStatus.exact and k.departures_criminal.total_rounded == 10
    assert k.first_month.status == kc.FigureStatus.exact
    nl, en, data = _page(k)
    assert "in 2021 is vertrokken, is niet beschikbaar (reden: de aantallen zijn te groot om op te tellen)." in nl
    assert "ongeveer 10 criminele vreemdelingen" in nl
    dep = data["departures_all"]
    assert dep["problem"] == "overflow"
    assert [
        dep[key] for key in ("total", "total_rounded", "total_rounded_text", "supervised_percent", "sums_to_100")
    ] == [None] * 5


def test_criminal_departures_above_all_departures_are_inconsistent(
    golden_tables: tuple[kc.CountsTable, kc.DeparturesTable],
) -> None:
    # Reproducer: all = 3 and criminal = 300 rendered "about 0 ... left" and "about 300
    # criminal foreign nationals ... left" without a word.
    counts, _ = golden_tables
    k = kc.compute_key_figures(counts, _departures((1, 1, 1), (100, 100, 100)), kc.nl_safe_countries(), MAY)
    reason = (
        "the departures of group criminal for 2021 exceed those of group all, of which they are a part (criminal > "
        "all: independent 100 > 1, forced 100 > 1, unsupervised 100 > 1, supervised 200 > 2, total 300 > 3): the "
        "data are inconsistent"
    )
    for figure in (k.departures_all, k.departures_criminal):
        assert (figure.status, figure.problem, figure.reason) == (
            kc.FigureStatus.unavailable, kc.FigureProblem.inconsistent_departures, reason
        )  # fmt: skip
    assert k.first_month.status == kc.FigureStatus.exact
    nl, en, data = _page(k)
    words_nl = kc.problem_text(kc.FigureProblem.inconsistent_departures, "nl")
    words_en = kc.problem_text(kc.FigureProblem.inconsistent_departures, "en")
    assert words_nl.startswith("de vertrekcijfers spreken elkaar tegen") and words_en.startswith(
        "the departure figures"
    )
    assert nl.count(f"is niet beschikbaar (reden: {words_nl}).") == 2
    assert en.count(f"is not available (reason: {words_en}).") == 2
    for fact in ("ongeveer 0 ", "ongeveer 300", "about 300"):
        assert fact not in nl and fact not in en
    for name in ("departures_all", "departures_criminal"):
        dep = data[name]
        assert (dep["status"], dep["problem"], dep["reason"]) == ("unavailable", "inconsistent-departures", reason)
        assert dep["total"] is None and dep["supervised"] is None and dep["total_rounded_text"] is None


def test_nationalities_above_the_total_of_one_month_are_inconsistent() -> None:
    # April alone has 50 Syrians in a TOTAL of 10; over April-May the sums hide it.
    counts = _counts(
        (kc.Month(2021, 4), FIRST, None, 10),
        (kc.Month(2021, 4), FIRST, "SYR", 50),
        (MAY, FIRST, None, 100),
        (MAY, FIRST, "SYR", 20),
    )
    window = kc.PeriodRange(kc.Month(2021, 4), MAY)
    f = kc.distribution(counts, FIRST, window, 4)
    assert (f.status, f.problem) == (kc.FigureStatus.unavailable, kc.FigureProblem.inconsistent_data)
    assert f.reason == (
        "in 2021-04 the nationalities sum to 50, more than the TOTAL of 10 first asylum applications for 2021-04: "
        "the data are inconsistent"
    )
    assert kc.distribution(counts, FIRST, MAY, 4).status == kc.FigureStatus.partial
    options = kc.KeyFiguresOptions(trailing_months=2)
    k = kc.compute_key_figures(counts, _departures(*CONSISTENT_DEPARTURES), kc.nl_safe_countries(), MAY, options)
    assert k.first_trailing == f
    nl, en, data = _page(k)
    assert (
        "(reden: de gegevens spreken elkaar tegen: de aantallen per nationaliteit tellen op tot meer dan het totaal)"
        in nl
    )
    assert "(reason: the data contradict each other: the counts by nationality add up to more than the total)" in en
    assert data["first_trailing"]["problem"] == "inconsistent-data" and data["first_trailing"]["total"] is None


def test_influx_entry_with_nationalities_above_its_total_is_inconsistent() -> None:
    counts = _counts((MAY, FIRST, None, 100), (MAY, FIRST, "SYR", 80), (MAY, FIRST, "ERI", 50))
    entry = kc.influx(counts, MAY).by_category[0]
    assert entry.count is None and entry.problem == kc.FigureProblem.inconsistent_data
    assert "sum to 130, more than the TOTAL of 100" in entry.reason


def test_influx_pickled_before_it_had_a_problem_still_loads() -> None:
    # 0.1.0 pickled an InfluxFigure as five fields; the four added since take their defaults.
    old = kc.InfluxFigure.__new__(kc.InfluxFigure)
    figure = kc.influx(_counts((MAY, FIRST, None, 7)), MAY)
    state: Any = figure.__getstate__()
    assert len(state[1]) == 9
    old.__setstate__((state[0], tuple(state[1][:5])))  # type: ignore[attr-defined]
    assert old.problem == kc.FigureProblem.none and old.reason == ""
    assert old.status == figure.status == kc.FigureStatus.unavailable  # from its total
    assert old.by_category == figure.by_category
    with pytest.raises(RuntimeError, match="invalid pickled state of InfluxFigure"):
        kc.InfluxFigure.__new__(kc.InfluxFigure).__setstate__((1, tuple(state[1][:4])))  # type: ignore[attr-defined]


# ----------------------------------------------------------------------------------------
# Pages of other units and reporting countries (Eurostat's data)

EUROSTAT_ANNUAL = "Eurostat migr_asyappctza"


def annual_counts() -> kc.CountsTable:
    """NL first-time applicants as Eurostat's annual data count them: the real TOTALs of
    2019-2021, Syria's counts and 2021's Afghanistan and unknown; the rest of 2021 (12,530) put
    on Turkey so that the breakdown is complete (not real)."""
    rows = [
        (kc.Year(2019), None, 22540),
        (kc.Year(2019), "SYR", 3675),
        (kc.Year(2020), None, 13720),
        (kc.Year(2020), "SYR", 4070),
        (kc.Year(2021), None, 24755),
        (kc.Year(2021), "SYR", 8385),
        (kc.Year(2021), "AFG", 3010),
        (kc.Year(2021), "XXX", 830),
        (kc.Year(2021), "TUR", 12530),
    ]
    return kc.CountsTable.from_rows(
        [kc.CountRow(p, FIRST, n, count, EUROSTAT_ANNUAL) for p, n, count in rows], "annual"
    )


NO_DEPARTURES = kc.DeparturesTable.from_rows([], "none")


def test_a_year_page_from_annual_counts() -> None:
    options = kc.KeyFiguresOptions(trailing=3)
    k = kc.compute_key_figures(annual_counts(), NO_DEPARTURES, kc.nl_safe_countries(), kc.Year(2021), options)
    assert k.period == kc.Year(2021)
    assert k.influx.period == kc.Year(2021)
    assert k.first_month.unit == kc.PageUnit.year
    assert k.first_month.window == kc.PeriodRange(kc.Month(2021, 1), kc.Month(2021, 12))
    assert k.first_month.total == 24755
    assert shares(k.first_month) == [("TUR", 51), ("SYR", 34), ("AFG", 12), ("XXX", 3)]
    assert k.first_trailing.window == kc.PeriodRange(kc.Month(2019, 1), kc.Month(2021, 12))
    assert k.first_trailing.status == kc.FigureStatus.partial
    assert shares(k.first_trailing) == [("SYR", 26), ("unlisted", 74)]
    for f in (k.family_reunification_month, k.family_reunification_trailing):
        assert (f.status, f.problem) == (kc.FigureStatus.unavailable, kc.FigureProblem.not_in_source)
        assert f.reason == (
            "the counts (sources: Eurostat migr_asyappctza) have no rows of family_reunification at all: "
            "the source does not count them"
        )
    # The influx says the same of the categories Eurostat does not count, not that months are missing.
    entries = {e.category: e for e in k.influx.by_category}
    assert entries[kc.Category.first_application].count == 24755
    for category in list(kc.Category)[1:]:
        assert (entries[category].count, entries[category].problem) == (None, kc.FigureProblem.not_in_source)
        assert (
            entries[category].reason
            == f"the counts (sources: Eurostat migr_asyappctza) have no rows of {category.name} at all"
        )
    # The same by ISO text; a quarter page of annual counts has no quarter rows.
    assert kc.compute_key_figures(annual_counts(), NO_DEPARTURES, kc.nl_safe_countries(), "2021", options) == k
    q = kc.compute_key_figures(annual_counts(), NO_DEPARTURES, kc.nl_safe_countries(), kc.Quarter(2021, 2))
    assert q.first_month.unit == kc.PageUnit.quarter
    assert q.first_month.problem == kc.FigureProblem.unsplittable_rows
    # Figures, options and pages of a year pickle and copy whole.
    assert pickle.loads(pickle.dumps(k)) == k
    assert copy.deepcopy(k) == k
    assert pickle.loads(pickle.dumps(options)).trailing == 3


def test_the_page_unit_and_trailing_helpers() -> None:
    assert kc.unit_of(kc.Year(2021)) == kc.PageUnit.year
    assert kc.unit_of("2021-Q2") == kc.PageUnit.quarter
    assert kc.trailing_months_of(kc.Year(2021), 3) == kc.PeriodRange(kc.Month(2019, 1), kc.Month(2021, 12))
    assert kc.trailing_periods(kc.KeyFiguresOptions(), kc.PageUnit.quarter) == 4
    with pytest.raises(kc.InvalidInput, match=r"^trailing_months 13 is not a whole number of years"):
        kc.trailing_periods(kc.KeyFiguresOptions(trailing_months=13), kc.PageUnit.year)
    with pytest.raises(kc.InvalidInput, match=r"^trailing 0: a trailing window needs at least one period$"):
        kc.KeyFiguresOptions(trailing=0)
    with pytest.raises(TypeError, match="a page's period is a Month, Quarter, Year or its ISO text"):
        kc.compute_key_figures(annual_counts(), NO_DEPARTURES, kc.nl_safe_countries(), 2021)  # type: ignore[arg-type]


def test_another_reporting_country_leaves_out_dutch_policy() -> None:
    options = kc.KeyFiguresOptions(reporting_country="DE")
    k = kc.compute_key_figures(annual_counts(), NO_DEPARTURES, kc.nl_safe_countries(), kc.Year(2021), options)
    for f in (k.safe_month, k.departures_all, k.departures_criminal):
        assert (f.status, f.problem) == (kc.FigureStatus.unavailable, kc.FigureProblem.not_for_country)
    assert kc.problem_text(kc.FigureProblem.not_for_country, "en") == (
        "this is a Dutch figure and no data of this country's own were given"
    )
    assert kc.problem_text(kc.FigureProblem.not_in_source, "nl") == "niet in deze bron"
    assert kc.is_netherlands("NL") and kc.is_netherlands("") and not kc.is_netherlands("DE")
    assert "reporting_country='DE'" in repr(options)


def test_unflagged_counts_have_no_flags_and_no_source_rounding() -> None:
    k = kc.compute_key_figures(annual_counts(), NO_DEPARTURES, kc.nl_safe_countries(), kc.Year(2021))
    for f in (k.first_month, k.safe_month, k.influx, k.departures_all):
        assert (f.flags, f.source_multiple, f.provisional, f.estimated) == ("", 1, False, False)


def test_real_eurostat_spot_check_nl_2021(shared_eurostat_file: Path) -> None:
    """NL 2021 first-time applicants in Eurostat's annual file: 24,755, Syria 8,385 = 34%."""
    if not hasattr(kc, "read_eurostat"):
        pytest.skip("this build has no Eurostat reader (kerncijfers.read_eurostat)")
    path = shared_eurostat_file
    from kerncijfers.report import key_figures_from_eurostat

    k = key_figures_from_eurostat(path, kc.Year(2021), "NL")
    assert k.first_month.total == 24755
    syria = k.first_month.rows[0]
    assert (syria.nationality, syria.count, str(syria.percent)) == (kc.Nationality("SYR"), 8385, "34")
    assert k.first_month.source_multiple == 5
    assert k.family_reunification_month.problem == kc.FigureProblem.not_in_source
    page = kc.render_markdown(k, "nl")
    assert "In 2021 kwam 34% van de asielzoekers die voor het eerst een aanvraag indienden uit Syrië" in page
    assert "(Door Eurostat afgerond op 5.)" in page


ALL_CATEGORIES = [
    kc.Category.first_application,
    kc.Category.repeat_application,
    kc.Category.family_reunification,
    kc.Category.relocation,
    kc.Category.resettlement,
]


def _weekly_counts(skip: kc.IsoWeek | None = None) -> kc.CountsTable:
    # 2021-W07 to 2021-W19, every category: category i counts 100 * (i + 1) plus the week's
    # index (0 for W07); `skip` has no repeat_application row.
    rows = []
    for i, cat in enumerate(ALL_CATEGORIES):
        for w in range(7, 20):
            week = kc.IsoWeek(2021, w)
            if week == skip and cat == kc.Category.repeat_application:
                continue
            rows.append(kc.CountRow(week, cat, None, 100 * (i + 1) + w - 7, "weekly test data"))
    return kc.CountsTable.from_rows(rows, "weekly")


def test_weekly_influx_gives_the_week_and_the_trailing_4_and_13_weeks() -> None:
    fig = kc.weekly_influx(_weekly_counts(), kc.IsoWeek(2021, 19))
    assert fig.week == kc.IsoWeek(2021, 19)
    assert (fig.status, fig.problem, fig.reason) == (kc.FigureStatus.exact, kc.FigureProblem.none, "")
    assert fig.source.sources == ["weekly test data"]
    assert [e.category for e in fig.by_category] == list(ALL_CATEGORIES)
    assert [(e.week.count, e.trailing_4.count, e.trailing_13.count) for e in fig.by_category] == [
        (112, 442, 1378),
        (212, 842, 2678),
        (312, 1242, 3978),
        (412, 1642, 5278),
        (512, 2042, 6578),
    ]
    assert (
        repr(fig.by_category[0]) == "WeeklyInfluxEntry(first_application, week=112, trailing_4=442, trailing_13=1378)"
    )
    assert repr(fig) == "WeeklyInfluxFigure(2021-W19, exact)"
    assert pickle.loads(pickle.dumps(fig)) == fig
    assert copy.deepcopy(fig) == fig and copy.copy(fig.by_category[1]) == fig.by_category[1]
    assert fig != kc.weekly_influx(_weekly_counts(), kc.IsoWeek(2021, 18))


def test_weekly_influx_with_a_missing_week_is_partial_naming_the_week() -> None:
    fig = kc.weekly_influx(_weekly_counts(skip=kc.IsoWeek(2021, 17)), kc.IsoWeek(2021, 19))
    assert (fig.status, fig.problem) == (kc.FigureStatus.partial, kc.FigureProblem.missing_months)
    repeat = fig.by_category[1]
    assert (repeat.week.count, repeat.trailing_4.count, repeat.trailing_13.count) == (212, None, None)
    assert repeat.trailing_4.problem == kc.FigureProblem.missing_months
    assert repeat.trailing_4.reason == "no TOTAL repeat_application count for 2021-W17 (window 2021-W16/2021-W19)"
    assert fig.reason == (
        "the weekly influx ending with 2021-W19 lacks 2 counts: repeat_application (4 weeks): "
        + repeat.trailing_4.reason
        + "; repeat_application (13 weeks): "
        + repeat.trailing_13.reason
    )
    assert "2021-W17" in repeat.trailing_13.reason
    assert fig.by_category[0].trailing_13.count == 1378


def test_weekly_influx_takes_only_an_iso_week() -> None:
    with pytest.raises(TypeError):
        kc.weekly_influx(_weekly_counts(), kc.Month(2021, 5))  # type: ignore[arg-type]
