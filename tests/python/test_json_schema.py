"""The JSON of the key figures against its published schema (docs/key-figures.schema.json).

Every JSON output the suite can make is validated: the golden file, render_json on exact,
partial and unavailable figures of every kind, and ``kerncijfers report --format json``. The
negative tests prove the schema is strict enough to catch a wrong type, a missing key, an
unknown status or problem, and a key it does not know."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import kerncijfers as kc
import pytest
from kerncijfers.cli import main

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "docs" / "key-figures.schema.json"
MAY = kc.Month(2021, 5)
FIRST = kc.Category.first_application
FAMILY = kc.Category.family_reunification
Json = dict[str, Any]


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def errors_of(validator: jsonschema.Draft202012Validator, document: object) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(document)]


def assert_valid(validator: jsonschema.Draft202012Validator, document: object) -> None:
    errors = errors_of(validator, document)
    assert errors == [], "\n".join(errors[:10])


def _counts(*rows: tuple[kc.Month, kc.Category, str | None, int]) -> kc.CountsTable:
    release = kc.Release.parse("2021-06-15")
    return kc.CountsTable.from_rows(
        [kc.CountRow(p, c, None if n is None else kc.Nationality(n), v, "test", release) for p, c, n, v in rows],
        "test",
    )


def _departures(*rows: tuple[str, kc.DepartureGroup, kc.DepartureMode, int]) -> kc.DeparturesTable:
    release = kc.Release.parse("2022-01-31")
    return kc.DeparturesTable.from_rows(
        [kc.DepartureRow(p, g, m, v, "test", release) for p, g, m, v in rows],
        "test",
    )


def _all_departures(all_counts: tuple[int, int, int], criminal: tuple[int, int, int]) -> kc.DeparturesTable:
    modes = (kc.DepartureMode.independent, kc.DepartureMode.forced, kc.DepartureMode.unsupervised)
    rows = [("2021", kc.DepartureGroup.all, m, v) for m, v in zip(modes, all_counts)]
    rows += [("2021", kc.DepartureGroup.criminal, m, v) for m, v in zip(modes, criminal)]
    return _departures(*rows)


def _figures(
    counts: kc.CountsTable, departures: kc.DeparturesTable, options: kc.KeyFiguresOptions | None = None
) -> Json:
    figures = kc.compute_key_figures(counts, departures, kc.nl_safe_countries(), MAY, options)
    data: Json = json.loads(kc.render_json(figures))
    return data


def _cases(golden_figures: kc.KeyFigures, bundled_figures: kc.KeyFigures) -> Iterator[tuple[str, Json]]:
    yield "golden", json.loads(kc.render_json(golden_figures))
    yield "bundled", json.loads(kc.render_json(bundled_figures))
    options = kc.KeyFiguresOptions(decimals=1, rounding=kc.ShareRounding.largest_remainder)
    yield (
        "golden at one decimal",
        json.loads(kc.render_json(kc.compute_key_figures(*_golden_tables(), kc.nl_safe_countries(), MAY, options))),
    )
    # Nothing at all: every figure unavailable, every influx count null.
    yield "empty", _figures(_counts(), _departures())
    # Partial breakdowns (SYR listed, the rest not), an undetermined status, and
    # contradicting departures (criminal > all).
    partial = _counts(
        (MAY, FIRST, None, 100),
        (MAY, FIRST, "SYR", 40),
        (MAY, FIRST, "XXX", 5),
        (MAY, FAMILY, None, 10),
        (MAY, FAMILY, "ERI", 3),
    )
    yield "partial", _figures(partial, _all_departures((10, 20, 30), (11, 0, 0)))
    # A total of 0 and departures with a total of 0.
    yield "zero", _figures(_counts((MAY, FIRST, None, 0)), _all_departures((0, 0, 0), (0, 0, 0)))
    # Numbers that overflow 64 bits.
    huge = 2**62
    yield (
        "overflow",
        _figures(
            _counts((MAY, FIRST, None, huge), (MAY, FAMILY, None, huge), (MAY, FIRST, "SYR", huge)),
            _all_departures((huge, huge, huge), (1, 1, 1)),
        ),
    )


def _golden_tables() -> tuple[kc.CountsTable, kc.DeparturesTable]:
    data = Path(__file__).resolve().parents[1] / "data"
    return (
        kc.read_counts_csv(data / "golden_mei_2021_counts.csv"),
        kc.read_departures_csv(data / "golden_mei_2021_departures.csv"),
    )


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_object_of_the_schema_is_closed_and_requires_every_key() -> None:
    def objects(node: object) -> Iterator[Json]:
        if isinstance(node, dict):
            if node.get("type") == "object":
                yield node
            for value in node.values():
                yield from objects(value)
        elif isinstance(node, list):
            for value in node:
                yield from objects(value)

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    found = list(objects(schema))
    assert len(found) == 14
    for node in found:
        assert node["additionalProperties"] is False, node
        # The keys added after 0.1.0 are optional (written only when they carry something);
        # every other key is required.
        required = sorted(k for k in node["properties"] if k not in OPTIONAL_KEYS)
        assert sorted(node["required"]) == required, node


#: The optional keys of the schema: what pages of other units and countries, and flagged or
#: rounded counts, add to the document of 0.1.0 (docs/json-schema.md).
OPTIONAL_KEYS = {
    "unit",
    "reporting_country",
    "periods",
    "flags",
    "provisional",
    "estimated",
    "source_multiple",
    "trailing",
    "country_policy_data",
}


def test_the_schema_names_every_status_and_problem() -> None:
    defs = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))["$defs"]
    assert defs["status"]["enum"] == [s.name for s in kc.FigureStatus.__members__.values()]
    assert defs["problem"]["enum"] == [p.name.replace("_", "-") for p in kc.FigureProblem.__members__.values()]
    assert defs["category"]["enum"] == [c.name for c in kc.Category.__members__.values()]


def test_golden_json_files_are_valid(validator: jsonschema.Draft202012Validator, test_data: Path) -> None:
    files = sorted(test_data.glob("*.json"))
    assert [f.name for f in files] == ["render_mei_2021.json"]
    for path in files:
        assert_valid(validator, json.loads(path.read_text(encoding="utf-8")))


def test_render_json_of_every_kind_and_status_is_valid(
    validator: jsonschema.Draft202012Validator, golden_figures: kc.KeyFigures, bundled_figures: kc.KeyFigures
) -> None:
    seen: set[tuple[str, str]] = set()
    influx_totals: set[bool] = set()
    for name, data in _cases(golden_figures, bundled_figures):
        errors = errors_of(validator, data)
        assert errors == [], f"{name}: " + "\n".join(errors[:10])
        for key in ("first_month", "first_trailing", "nareizigers_month", "nareizigers_trailing"):
            seen.add(("distribution", data[key]["status"]))
        seen.add(("safe", data["safe_month"]["status"]))
        for key in ("departures_all", "departures_criminal"):
            seen.add(("departures", data[key]["status"]))
        influx_totals.add(data["influx"]["total"] is None)
    # The cases cover every status each kind of figure can have.
    assert seen == {
        ("distribution", "exact"),
        ("distribution", "partial"),
        ("distribution", "unavailable"),
        ("safe", "exact"),
        ("safe", "unavailable"),
        ("departures", "exact"),
        ("departures", "unavailable"),
    }
    assert influx_totals == {True, False}


def test_report_format_json_is_valid(
    validator: jsonschema.Draft202012Validator, capsys: pytest.CaptureFixture[str], test_data: Path
) -> None:
    assert main(["report", "--format", "json"]) == 0
    assert_valid(validator, json.loads(capsys.readouterr().out))
    golden = [
        "report",
        "--data",
        str(test_data / "golden_mei_2021_counts.csv"),
        "--departures",
        str(test_data / "golden_mei_2021_departures.csv"),
        "--nareiziger-window-end",
        "2021-04",
        "--format",
        "json",
    ]
    assert main(golden) == 0
    data = json.loads(capsys.readouterr().out)
    assert_valid(validator, data)
    assert (data["first_month"]["status"], data["first_month"]["total"]) == ("exact", 1200)


@pytest.fixture
def golden_json(test_data: Path) -> Json:
    data: Json = json.loads((test_data / "render_mei_2021.json").read_text(encoding="utf-8"))
    return data


def test_the_schema_rejects_a_wrong_type(validator: jsonschema.Draft202012Validator, golden_json: Json) -> None:
    bad = copy.deepcopy(golden_json)
    bad["first_month"]["total"] = "1200"
    assert errors_of(validator, bad) == ["$.first_month.total: '1200' is not valid under any of the given schemas"]
    bad = copy.deepcopy(golden_json)
    bad["first_month"]["rows"][0]["percent"] = 32.5
    assert errors_of(validator, bad) == ["$.first_month.rows[0].percent: 32.5 is not of type 'integer'"]


def test_the_schema_rejects_a_missing_key(validator: jsonschema.Draft202012Validator, golden_json: Json) -> None:
    bad = copy.deepcopy(golden_json)
    del bad["safe_month"]["lower_percent"]
    assert errors_of(validator, bad) == ["$.safe_month: 'lower_percent' is a required property"]
    bad = copy.deepcopy(golden_json)
    del bad["departures_all"]
    assert errors_of(validator, bad) == ["$: 'departures_all' is a required property"]


def test_the_schema_rejects_an_unknown_status_or_problem(
    validator: jsonschema.Draft202012Validator, golden_json: Json
) -> None:
    bad = copy.deepcopy(golden_json)
    bad["first_month"]["status"] = "approximate"
    assert errors_of(validator, bad) == [
        "$.first_month.status: 'approximate' is not one of ['exact', 'partial', 'unavailable']"
    ]
    bad = copy.deepcopy(golden_json)
    bad["safe_month"]["status"] = "partial"  # a safe share is never partial
    assert errors_of(validator, bad) == ["$.safe_month.status: 'partial' is not one of ['exact', 'unavailable']"]
    bad = copy.deepcopy(golden_json)
    bad["influx"]["total_problem"] = "missing"
    assert len(errors_of(validator, bad)) == 1


def test_the_schema_rejects_an_unknown_key(validator: jsonschema.Draft202012Validator, golden_json: Json) -> None:
    bad = copy.deepcopy(golden_json)
    bad["departures_all"]["period"]["weeks"] = 52
    assert errors_of(validator, bad) == [
        "$.departures_all.period: Additional properties are not allowed ('weeks' was unexpected)"
    ]


def test_year_quarter_and_other_country_pages_are_valid(validator: jsonschema.Draft202012Validator) -> None:
    rows: list[tuple[kc.Year | kc.Quarter, str | None, int]] = [
        (kc.Year(2021), None, 100),
        (kc.Year(2021), "SYR", 60),
        (kc.Year(2021), "AFG", 40),
    ]
    rows += [(kc.Quarter(2021, q), None, 10 * q) for q in range(1, 5)]
    rows += [(kc.Quarter(2021, q), "SYR", 10 * q) for q in range(1, 5)]
    counts = kc.CountsTable.from_rows(
        [kc.CountRow(p, kc.Category.first_application, n, c, "Eurostat x") for p, n, c in rows], "test"
    )
    none = kc.DeparturesTable.from_rows([], "none")
    for period, options in (
        (kc.Year(2021), kc.KeyFiguresOptions(trailing=2)),
        (kc.Quarter(2021, 4), kc.KeyFiguresOptions(reporting_country="DE")),
        (kc.Year(2021), kc.KeyFiguresOptions(reporting_country="EL", country_policy_data=True)),
    ):
        data = json.loads(kc.render_json(kc.compute_key_figures(counts, none, kc.nl_safe_countries(), period, options)))
        assert errors_of(validator, data) == [], (period, options)
        assert data["unit"] in ("year", "quarter")
        assert data["first_month"]["window"]["unit"] == data["unit"]
    # The new keys are optional and typed: a wrong one fails.
    data["first_month"]["source_multiple"] = 1
    assert errors_of(validator, data) != []
