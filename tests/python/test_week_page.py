"""The week page: the weekly influx as Markdown, HTML and JSON, from Python and from
``kerncijfers report --week``."""

from __future__ import annotations

import json
from pathlib import Path

import kerncijfers as kc
import pytest
from kerncijfers.cli import main

W19 = kc.IsoWeek(2021, 19)
HEADER = "period,category,nationality,count,source,release\n"
# Per category the count of week w (7-19) is base + w.
BASES = {
    "first_application": 240,
    "repeat_application": 20,
    "family_reunification": 80,
    "relocation": -6,
    "resettlement": 10,
}


def week_rows(category: str, base: int) -> str:
    return "".join(f"2021-W{w:02d},{category},TOTAL,{base + w},weekly test data,2021-05-20\n" for w in range(7, 20))


def weekly_csv(tmp_path: Path, *, month_row_for_repeat: bool = False) -> Path:
    rows = []
    for category, base in BASES.items():
        if category == "repeat_application" and month_row_for_repeat:
            rows.append("2021-05,repeat_application,TOTAL,170,weekly test data,2021-06-01\n")
        elif category == "resettlement" and month_row_for_repeat:
            continue
        else:
            rows.append(week_rows(category, base))
    path = tmp_path / "weekly.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def figure_of(path: Path) -> kc.WeeklyInfluxFigure:
    return kc.weekly_influx(kc.CountsTable.from_rows(kc.read_count_rows(str(path)), "weekly"), W19)


FIRST_NL = (
    "In week 19 waren er 259 asielzoekers die voor het eerst een aanvraag indienden; in de 4 weken tot en met week 19 "
    "waren het er 1.030 en in de 13 weken tot en met week 19 waren het er 3.289."
)
FIRST_EN = (
    "In week 19 there were 259 first-time asylum applicants; in the 4 weeks up to and including week 19 there were "
    "1,030 and in the 13 weeks up to and including week 19 there were 3,289."
)


def test_the_week_page_in_markdown(tmp_path: Path) -> None:
    figure = figure_of(weekly_csv(tmp_path))
    nl = kc.render_markdown(figure, "nl")
    assert nl.startswith("## Instroom week 19 van 2021 (10 t/m 16 mei 2021)\n\n" + FIRST_NL + "\n\n")
    assert nl.endswith(
        "In week 19 waren er 29 hervestigde vluchtelingen; in de 4 weken tot en met week 19 waren het er 110 en in de "
        "13 weken tot en met week 19 waren het er 299.\n\n(Bron: weekly test data, release 2021-05-20)\n"
    )
    en = kc.render_markdown(figure, kc.Language.en)
    assert en.startswith("## Influx week 19 of 2021 (10–16 May 2021)\n\n" + FIRST_EN + "\n\n")
    # The display methods show the same page.
    assert figure._repr_markdown_() == nl
    assert "<h2>Instroom week 19 van 2021 (10 t/m 16 mei 2021)</h2>" in figure._repr_html_()
    # The key figures' renderers still take KeyFigures.
    with pytest.raises(TypeError):
        kc.render_markdown(kc.IsoWeek(2021, 19), "nl")  # type: ignore[call-overload]


def test_a_missing_count_says_why_and_is_never_0(tmp_path: Path) -> None:
    figure = figure_of(weekly_csv(tmp_path, month_row_for_repeat=True))
    assert figure.status == kc.FigureStatus.partial
    nl = kc.render_markdown(figure, "nl")
    assert (
        "\n\nHet aantal asielzoekers die een herhaalde aanvraag indienden in week 19 is niet beschikbaar (reden: voor "
        "een deel van de periode hebben de gegevens alleen totalen per maand, kwartaal of jaar, die niet over de weken "
        "te verdelen zijn); voor de 4 weken tot en met week 19 is het aantal niet beschikbaar (reden: de gegevens "
        "hebben niet voor elke week van de periode een totaal) en voor de 13 weken tot en met week 19 is het aantal "
        "niet beschikbaar (reden: de gegevens hebben niet voor elke week van de periode een totaal).\n\n"
    ) in nl
    assert (
        "\n\nHet aantal hervestigde vluchtelingen in week 19 en in de 4 en 13 weken tot en met week 19 is niet "
        "beschikbaar (reden: niet in deze bron).\n\n"
    ) in nl  # the file has no resettlement row at all
    assert "170" not in nl and " 0 " not in nl


def test_the_week_page_in_html_and_json(tmp_path: Path) -> None:
    figure = figure_of(weekly_csv(tmp_path, month_row_for_repeat=True))
    page = kc.render_html(figure, "en", kc.HtmlOptions(title="<Week> & 19"))
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">\n')
    assert "<title>&lt;Week&gt; &amp; 19</title>" in page
    assert "<p>" + FIRST_EN + "</p>\n" in page
    with pytest.raises(kc.InvalidInput, match=r"^the week page has no figures, but html_options\.figures\[0\]"):
        kc.render_html(figure, "nl", kc.HtmlOptions(figures=["<svg/>"]))
    data = json.loads(kc.render_json(figure))
    assert list(data) == [
        "week", "first_day", "last_day", "title", "status", "problem", "reason", "by_category", "notes", "source",
    ]  # fmt: skip
    assert (data["week"], data["first_day"], data["last_day"]) == ("2021-W19", "2021-05-10", "2021-05-16")
    assert data["title"] == {
        "nl": "Instroom week 19 van 2021 (10 t/m 16 mei 2021)",
        "en": "Influx week 19 of 2021 (10–16 May 2021)",
    }
    assert (data["status"], data["problem"]) == ("partial", "unsplittable-rows")
    first, repeat = data["by_category"][0], data["by_category"][1]
    assert list(first) == ["category", "category_label", "week", "trailing_4", "trailing_13"]
    assert first["trailing_4"] == {
        "window": "2021-W16/2021-W19",
        "weeks": 4,
        "count": 1030,
        "count_text": {"nl": "1.030", "en": "1,030"},
        "problem": "none",
        "reason": "",
    }
    assert first["trailing_13"]["count"] == 3289
    assert repeat["week"]["count"] is None and repeat["week"]["count_text"] is None
    assert repeat["week"]["problem"] == "unsplittable-rows"
    assert repeat["trailing_13"]["problem"] == "missing-months"


def test_week_dates_and_title() -> None:
    assert kc.week_dates_label(kc.IsoWeek(2021, 26), "nl") == "28 juni t/m 4 juli 2021"
    assert kc.week_dates_label(kc.IsoWeek(2021, 26), "en") == "28 June – 4 July 2021"
    assert kc.week_title(kc.IsoWeek(2020, 53), "en") == "Influx week 53 of 2020 (28 December 2020 – 3 January 2021)"
    assert kc.week_title(W19) == "Instroom week 19 van 2021 (10 t/m 16 mei 2021)"


# ----------------------------------------------------------------------------------------
# kerncijfers report --week


def test_report_week_from_a_weekly_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = weekly_csv(tmp_path)
    assert main(["report", "--week", "2021-W19", "--data", str(path)]) == 0
    out = capsys.readouterr().out
    assert out == kc.render_markdown(figure_of(path), "nl")
    assert out.startswith("## Instroom week 19 van 2021 (10 t/m 16 mei 2021)\n\n" + FIRST_NL + "\n")
    assert main(["report", "--week", "2021-W19", "--data", str(path), "--lang", "en", "--format", "html"]) == 0
    assert "<p>" + FIRST_EN + "</p>" in capsys.readouterr().out
    assert main(["report", "--week", "2021-W19", "--data", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["by_category"][0]["week"]["count"] == 259


def test_report_week_from_the_bundled_monthly_data_says_every_count_is_missing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["report", "--week", "2021-W19"]) == 0
    out = capsys.readouterr().out
    paragraphs = out.rstrip("\n").split("\n\n")
    assert paragraphs[0] == "## Instroom week 19 van 2021 (10 t/m 16 mei 2021)"
    assert paragraphs[1] == (
        "Het aantal asielzoekers die voor het eerst een aanvraag indienden in week 19 en in de 4 en 13 weken tot en "
        "met week 19 is niet beschikbaar (reden: voor een deel van de periode hebben de gegevens alleen totalen per "
        "maand, kwartaal of jaar, die niet over de weken te verdelen zijn)."
    )
    categories = paragraphs[1:6]
    assert len(categories) == 5
    assert all("is niet beschikbaar (reden: " in p for p in categories)
    assert not any(ch.isdigit() for p in categories for ch in p.replace("week 19", "").replace("4 en 13", ""))
    assert main(["report", "--week", "2021-W19", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["status"] == "unavailable"
    assert all(e[w]["count"] is None for e in data["by_category"] for w in ("week", "trailing_4", "trailing_13"))


def test_report_week_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def error() -> str:
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.count("\n") == 1, captured.err
        return captured.err

    assert main(["report", "--week", "2021-W54"]) == 2
    assert error().startswith("kerncijfers: error: argument --week: ")
    assert main(["report", "--week", "2021-19"]) == 2
    assert error().startswith('kerncijfers: error: argument --week: cannot parse "2021-19"')
    assert main(["report", "--week", "2021-W19", "--month", "2021-05"]) == 2
    assert error() == "kerncijfers: error: argument --month: not allowed with argument --week\n"
    assert main(["report", "--week", "2021-W19", "--top", "3"]) == 2
    assert error() == "kerncijfers: error: --top is not an option of the week page (--week)\n"
    missing = tmp_path / "missing.csv"
    assert main(["report", "--week", "2021-W19", "--data", str(missing)]) == 2
    assert str(missing) in error()


# ----------------------------------------------------------------------------------------
# The JSON schema of the week page (docs/weekly-influx.schema.json)

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_the_week_json_follows_its_schema(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((DOCS / "weekly-influx.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    exact = json.loads(kc.render_json(figure_of(weekly_csv(tmp_path))))
    partial = json.loads(kc.render_json(figure_of(weekly_csv(tmp_path, month_row_for_repeat=True))))
    empty = json.loads(kc.render_json(kc.weekly_influx(kc.CountsTable.from_rows([], "none"), W19)))
    for document in (exact, partial, empty):
        assert [e.message for e in validator.iter_errors(document)] == []
    # A wrong type, a missing key and an unknown key are caught.
    bad = json.loads(json.dumps(partial))
    bad["by_category"][1]["week"]["count"] = "0"
    assert not validator.is_valid(bad)
    bad = json.loads(json.dumps(exact))
    del bad["by_category"][0]["trailing_13"]
    assert not validator.is_valid(bad)
    bad = json.loads(json.dumps(exact))
    bad["total"] = 5
    assert not validator.is_valid(bad)


def test_the_two_schemas_share_their_definitions() -> None:
    week = json.loads((DOCS / "weekly-influx.schema.json").read_text(encoding="utf-8"))["$defs"]
    page = json.loads((DOCS / "key-figures.schema.json").read_text(encoding="utf-8"))["$defs"]
    shared = ("labels", "count", "status", "problem", "category", "strings", "source")
    assert {name: week[name] for name in shared} == {name: page[name] for name in shared}
