"""Notebook display (_repr_html_, _repr_markdown_), optional dependencies, and progress bars."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import kerncijfers as kc
import numpy as np
import pytest
from kerncijfers.data import bundled_counts_files, bundled_departures_files
from kerncijfers.report import key_figures_for_months, read_counts, read_departures

HAS_MATPLOTLIB = importlib.util.find_spec("matplotlib") is not None


@pytest.fixture(autouse=True)
def dutch_display() -> Iterator[None]:
    yield
    kc.set_display_language("nl")


def test_the_page_shows_as_html_and_markdown(golden_figures: kc.KeyFigures) -> None:
    figures = golden_figures
    html = figures._repr_html_()
    assert html.startswith('<div class="kerncijfers-page" lang="nl">')
    assert "<html" not in html and "<head" not in html and "<body" not in html
    assert "body{" not in html  # not the page's stylesheet: it would restyle the notebook
    assert "In mei 2021 kwam 32% van de asielzoekers die voor het eerst een aanvraag indienden uit Syrië." in html
    assert "Fig. 1.0 Eerste asielaanvragen naar nationaliteit, mei 2021" in html
    assert figures._repr_markdown_() == kc.render_markdown(figures, "nl")
    if HAS_MATPLOTLIB:
        assert html.count("<svg") == 3
        # Two displays of a page in one notebook must not share element ids.
        again = figures._repr_html_()
        first_ids = {part.split('"')[0] for part in html.split(' id="')[1:]}
        second_ids = {part.split('"')[0] for part in again.split(' id="')[1:]}
        assert not {i for i in first_ids & second_ids if "bar" in i}
    else:
        assert "<svg" not in html and "<table>" in html
    kc.set_display_language("en")
    assert kc.display_language() == "en"
    english = figures._repr_html_()
    assert 'lang="en"' in english and "In May 2021, 32% of first-time asylum applicants came from Syria" in english


def test_a_distribution_shows_the_pages_table_with_title_and_source(golden_figures: kc.KeyFigures) -> None:
    figures = golden_figures
    html = figures.first_month._repr_html_()
    assert "<strong>Eerste asielaanvragen naar nationaliteit, mei 2021</strong>" in html
    assert "<td>Syrië</td>" in html and "32%" in html
    assert "(Bron: fictional golden test data (not real), release 2021-06-15)" in html
    kc.set_display_language(kc.Language.en)
    english = figures.first_trailing._repr_html_()
    assert "First asylum applications by nationality, June 2020 to May 2021" in english and "<td>Syria</td>" in english


def test_partial_and_unavailable_figures_say_so(bundled_figures: kc.KeyFigures) -> None:
    figures = bundled_figures
    partial = figures.first_month._repr_html_()
    assert "<em>gedeeltelijk</em>" in partial and "Niet naar nationaliteit uitgesplitst" in partial
    unavailable = figures.family_reunification_month._repr_html_()
    assert "<em>niet beschikbaar</em>" in unavailable
    assert kc.html_escape(figures.family_reunification_month.reason) in unavailable
    safe = figures.safe_month._repr_html_()
    assert "Aandeel uit veilige landen van herkomst, mei 2021" in safe and "0% – 44%" in safe
    criminal = figures.departures_criminal._repr_html_()
    assert "Vertrek van criminele vreemdelingen, 2021" in criminal and "niet beschikbaar" in criminal


def test_safe_share_and_departures(golden_figures: kc.KeyFigures) -> None:
    figures = golden_figures
    safe = figures.safe_month._repr_html_()
    assert "19%" in safe and "<strong>Aandeel uit veilige landen van herkomst, mei 2021</strong>" in safe
    departures = figures.departures_all._repr_html_()
    assert "Vertrek van vreemdelingen, 2021" in departures
    assert "51%" in departures and "49%" in departures and "7.690" in departures
    kc.set_display_language("en")
    assert "7,690" in figures.departures_all._repr_html_()


def test_a_counts_table_shows_a_summary(bundled_tables: tuple[kc.CountsTable, kc.DeparturesTable]) -> None:
    table = bundled_tables[0]
    html = table._repr_html_()
    assert f"<strong>CountsTable</strong>: {len(table)} rijen" in html
    assert "vervangen door een latere release" in html
    assert "<td>eerste asielaanvragen</td>" in html and "<td>nareizigers</td>" in html
    assert "2015-01 – " in html  # the first month of the CBS extract
    assert "CBS StatLine 83102NED" in html
    empty = kc.CountsTable()._repr_html_()
    assert "0 rijen" in empty


def test_a_series_shows_its_values_by_period() -> None:
    months = kc.PeriodRange(kc.Month(2020, 1), kc.Month(2021, 12))
    series = kc.Series(months, np.arange(24, dtype=np.int64) * 1000, np.arange(24) != 3)
    html = series._repr_html_()
    assert '<td>januari 2020</td><td style="text-align:right">0</td>' in html
    assert '<td>april 2020</td><td style="text-align:right">–</td>' in html
    assert "23.000" in html
    long = kc.Series(kc.PeriodRange(kc.Month(2000, 1), kc.Month(2021, 12)), np.ones(264))._repr_html_()
    assert "…" in long and "januari 2000" in long and "december 2021" in long and "januari 2010" not in long


def test_importing_kerncijfers_needs_neither_pandas_nor_matplotlib(tmp_path: Path) -> None:
    """A fresh interpreter in which pandas, matplotlib and tqdm cannot be imported."""
    out = tmp_path / "page.html"
    script = textwrap.dedent(
        f"""
        import sys

        class Blocker:
            def find_spec(self, name, path=None, target=None):
                if name.partition(".")[0] in ("pandas", "matplotlib", "tqdm"):
                    raise ModuleNotFoundError(f"blocked: {{name}}", name=name)
                return None

        sys.meta_path.insert(0, Blocker())
        import kerncijfers as kc
        from kerncijfers.cli import main
        from kerncijfers.report import page_fragment, read_counts, read_departures

        table = read_counts({[str(p) for p in bundled_counts_files()]!r})
        assert "CountsTable" in table._repr_html_()
        departures = read_departures({[str(p) for p in bundled_departures_files()]!r})
        figures = kc.compute_key_figures(table, departures, kc.nl_safe_countries(), kc.Month(2021, 5))
        assert "<svg" not in figures._repr_html_() and "<table>" in figures._repr_html_()
        assert "<svg" not in page_fragment(figures)
        try:
            table.to_frame()
        except ImportError as error:
            assert "pandas" in str(error), error
        else:
            raise AssertionError("to_frame without pandas")
        try:
            import kerncijfers.plot
        except ImportError as error:
            assert "matplotlib" in str(error), error
        else:
            raise AssertionError("kerncijfers.plot without matplotlib")
        assert main(["report", "--format", "html", "--progress", "--output", {str(out)!r}]) == 0
        assert not any(m.partition(".")[0] in ("pandas", "matplotlib", "tqdm") for m in sys.modules)
        print("ok")
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
    page = out.read_text(encoding="utf-8")
    assert "<svg" not in page and "<table>" in page
    # Without tqdm the progress is a plain counter on stderr.
    assert "reading counts: 2/2 file" in result.stderr


def test_key_figures_for_many_months_with_and_without_progress(capsys: pytest.CaptureFixture[str]) -> None:
    counts = read_counts(bundled_counts_files(), progress=True)
    departures = read_departures(bundled_departures_files())
    months = kc.PeriodRange(kc.Month(2021, 1), kc.Month(2021, 5))
    pages = key_figures_for_months(counts, departures, kc.nl_safe_countries(), months)
    assert [p.period for p in pages] == list(months)
    assert pages[-1] == kc.compute_key_figures(counts, departures, kc.nl_safe_countries(), kc.Month(2021, 5))
    quiet = capsys.readouterr().err
    assert "computing" not in quiet and "reading counts" in quiet
    again = key_figures_for_months(counts, departures, kc.nl_safe_countries(), list(months), progress=True)
    assert again == pages
    assert "computing key figures" in capsys.readouterr().err
    with pytest.raises(TypeError, match="Quarter"):
        quarters = [kc.Quarter(2021, 1)]
        key_figures_for_months(counts, departures, kc.nl_safe_countries(), quarters)  # type: ignore[arg-type]
