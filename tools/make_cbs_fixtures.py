#!/usr/bin/env python3
"""Writes the CBS StatLine fixtures of the May 2021 page under tests/data/cbs/.

The golden counts (tests/data/golden_mei_2021_counts.csv: every nationality of the months
that reproduce the page of May 2021; fictional numbers, not CBS's) reshaped into the three
forms the CBS reader takes, so that the page can be computed through ``read_cbs`` and held
against the golden path (tests/python/test_cbs.py):

- ``golden_mei_2021_83102NED.json.gz``: the bundle ``kerncijfers fetch cbs`` writes (gzip),
  its documents in the shape of CBS's OData v3 feed (TableInfos, DataProperties,
  TypedDataSet, Geslacht, Leeftijd, Nationaliteit, Perioden);
- ``golden_mei_2021_83102NED.csv``: StatLine's CSV download (semicolon, quoted, BOM, CRLF,
  Dutch titles, provisional periods marked ``*``);
- ``golden_mei_2021_records.json.gz``: the records ``cbsodata.get_data`` returns (titles in place
  of keys).

The numbers are ours, reshaped; the shape is CBS's as far as it was confirmed (see
tests/data/cbs/README.md for what was confirmed where and what is assumed). Besides the
golden rows the tables hold what a real download holds and the reader must leave out: rows
for men (Geslacht "Mannen") and an age group, a continent row ("Afrika", the sum of the
African nationalities) and the total topic (TotaalAsielverzoekenEnNareizigers_1).

    python3 tools/make_cbs_fixtures.py           # write the fixtures
    python3 tools/make_cbs_fixtures.py --check   # write nothing; exit 1 if one is stale
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "data" / "golden_mei_2021_counts.csv"
TITLES = ROOT / "data" / "cbs_nationalities.csv"
NATIONALITIES = ROOT / "data" / "nationalities.csv"
OUT = ROOT / "tests" / "data" / "cbs"

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]  # fmt: skip
TOPICS = [
    ("TotaalAsielverzoekenEnNareizigers_1", "Totaal asielverzoeken en nareizigers", None),
    ("EersteAsielverzoekenPersonen_2", "Eerste asielverzoeken (personen)", "first_application"),
    ("VolgendeAsielverzoeken_3", "Volgende asielverzoeken", "repeat_application"),
    ("NareizigersPersonen_4", "Nareizigers (personen)", "family_reunification"),
]
GROUP = ("AsielverzoekenEnNareizigers", "Asielverzoeken en nareizigers")
AFRICA = {"DZA", "ERI", "ETH", "GIN", "LBY", "MAR", "NGA", "SDN", "SOM", "TUN"}
RELEASE = "2021-06-15T02:00:00"
RETRIEVED = "2021-06-20T09:00:00Z"


def titles_by_alpha3() -> dict[str, str]:
    """One CBS title per nationality, preferring titles seen on a CBS page."""
    best: dict[str, tuple[int, str]] = {}
    with TITLES.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["kind"] != "nationality":
                continue
            rank = 0 if r["source"].startswith("CBS StatLine 80059NED") else 1 if r["source"].startswith("CBS") else 2
            if r["alpha3"] not in best or rank < best[r["alpha3"]][0]:
                best[r["alpha3"]] = (rank, r["title"])
    return {a: t for a, (_, t) in best.items()}


def numeric_codes() -> dict[str, str]:
    with NATIONALITIES.open(encoding="utf-8", newline="") as f:
        return {r["alpha3"]: r["numeric"] for r in csv.DictReader(f)}


def period_key(iso: str) -> str:
    y, m = iso.split("-")
    return f"{y}MM{m}"


def period_title(iso: str) -> str:
    y, m = iso.split("-")
    return f"{y} {MONTHS[int(m) - 1]}"


def status(iso: str) -> str:
    # CBS: monthly figures are provisional until January of the next year (a June 2021 release).
    return "Voorlopig" if iso.startswith("2021") else "Definitief"


def read_golden() -> tuple[list[str], list[str], dict[tuple[str, str, str], int]]:
    values: dict[tuple[str, str, str], int] = {}
    periods: set[str] = set()
    nats: set[str] = set()
    with GOLDEN.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["category"] not in {t[2] for t in TOPICS}:
                continue  # relocation and resettlement are not in CBS's table
            values[(r["nationality"], r["period"], r["category"])] = int(r["count"])
            periods.add(r["period"])
            nats.add(r["nationality"])
    return sorted(periods), sorted(nats - {"TOTAL"}), values


def cells(
    periods: list[str], nats: list[str], values: dict[tuple[str, str, str], int]
) -> list[tuple[str, str, str, str, dict[str, int | None]]]:
    """(geslacht, leeftijd, nationality, period, topic values) in CBS's row order."""
    out = []
    for sex in ("T001038", "3000"):
        for age in ("10000", "52052"):
            if sex == "3000" and age == "52052":
                continue
            for nat in ["TOTAL", "AFRICA", *nats]:
                for p in periods:
                    topic_values: dict[str, int | None] = {}
                    for key, _, cat in TOPICS[1:]:
                        if nat == "AFRICA":
                            parts = [values.get((a, p, cat)) for a in nats if a in AFRICA]
                            present = [v for v in parts if v is not None]
                            v = sum(present) if present else None
                        else:
                            v = values.get((nat, p, cat))
                        if v is not None and (sex, age) != ("T001038", "10000"):
                            v = v // 2 if sex == "3000" else v // 5  # men; children: not the golden numbers
                        topic_values[key] = v
                    present = [v for v in topic_values.values() if v is not None]
                    total = sum(present) if present else None
                    out.append((sex, age, nat, p, {TOPICS[0][0]: total, **topic_values}))
    return out


def nationality_keys(nats: list[str]) -> dict[str, tuple[str, str]]:
    titles = titles_by_alpha3()
    numeric = numeric_codes()
    keys = {"TOTAL": ("T001059  ", "Totaal"), "AFRICA": ("G001001  ", "Afrika")}
    for a in nats:
        keys[a] = (f"NAT{numeric[a] or '9' + a}".ljust(9), titles[a])
    return keys


def bundle(periods: list[str], nats: list[str], values: dict[tuple[str, str, str], int]) -> bytes:
    keys = nationality_keys(nats)
    props: list[dict[str, object]] = []
    for i, (key, kind) in enumerate(
        [
            ("Geslacht", "Dimension"),
            ("Leeftijd", "Dimension"),
            ("Nationaliteit", "Dimension"),
            ("Perioden", "TimeDimension"),
        ]  # fmt: skip
    ):
        props.append({"odata.type": f"Cbs.OData.{kind}", "ID": i, "Position": i, "ParentID": None, "Type": kind,
                      "Key": key, "Title": key, "Description": ""})  # fmt: skip
    props.append({"odata.type": "Cbs.OData.TopicGroup", "ID": 4, "Position": 4, "ParentID": None,
                  "Type": "TopicGroup", "Key": GROUP[0], "Title": GROUP[1], "Description": ""})  # fmt: skip
    for i, (key, title, _) in enumerate(TOPICS, start=5):
        props.append({"odata.type": "Cbs.OData.Topic", "ID": i, "Position": i, "ParentID": 4, "Type": "Topic",
                      "Key": key, "Title": title, "Description": "", "Datatype": "Long", "Unit": "aantal",
                      "Decimals": 0, "Default": "Impossible"})  # fmt: skip
    data = []
    for i, (sex, age, nat, p, topic_values) in enumerate(cells(periods, nats, values)):
        data.append({"ID": i, "Geslacht": sex.ljust(7), "Leeftijd": age, "Nationaliteit": keys[nat][0],
                     "Perioden": period_key(p), **topic_values})  # fmt: skip
    documents = {
        "TableInfos": [{"ID": 1, "Title": "Asielverzoeken en nareizigers; nationaliteit, geslacht en leeftijd",
                        "ShortTitle": "Asielverzoeken en nareizigers", "Identifier": "83102NED",
                        "Modified": RELEASE, "Frequency": "Permaand", "Period": "2020 mei - 2021 mei"}],
        "DataProperties": props,
        "TypedDataSet": data,
        "Geslacht": [{"Key": "T001038", "Title": "Totaal mannen en vrouwen", "Description": "", "CategoryGroupID": None},
                     {"Key": "3000   ", "Title": "Mannen", "Description": "", "CategoryGroupID": None}],
        "Leeftijd": [{"Key": "10000", "Title": "Totaal", "Description": "", "CategoryGroupID": None},
                     {"Key": "52052", "Title": "Jonger dan 18 jaar", "Description": "", "CategoryGroupID": None}],
        "Nationaliteit": [{"Key": k, "Title": t, "Description": "", "CategoryGroupID": None}
                          for k, t in keys.values()],
        "Perioden": [{"Key": period_key(p), "Title": period_title(p), "Description": "", "Status": status(p)}
                     for p in periods],
    }  # fmt: skip
    document = {
        "format": "kerncijfers-cbs-odata",
        "version": 1,
        "table": "83102NED",
        "base_url": "https://opendata.cbs.nl/ODataApi/odata/83102NED/",
        "retrieved": RETRIEVED,
        "_note": "Reshaped from tests/data/golden_mei_2021_counts.csv by tools/make_cbs_fixtures.py: fictional "
        "numbers in CBS's shape, not CBS's data.",
        "documents": documents,
    }
    text = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
    return gzip.compress(text, mtime=0)


def statline_csv(periods: list[str], nats: list[str], values: dict[tuple[str, str, str], int]) -> bytes:
    keys = nationality_keys(nats)
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    w.writerow(
        ["Geslacht", "Leeftijd", "Nationaliteit", "Perioden", *(f"{GROUP[1]}/{t} (aantal)" for _, t, _ in TOPICS)]
    )
    sex_title = {"T001038": "Totaal mannen en vrouwen", "3000": "Mannen"}
    age_title = {"10000": "Totaal", "52052": "Jonger dan 18 jaar"}
    for sex, age, nat, p, topic_values in cells(periods, nats, values):
        mark = "*" if status(p) == "Voorlopig" else ""
        shown = ["." if v is None else f"{v:,}".replace(",", ".") for v in topic_values.values()]
        w.writerow([sex_title[sex], age_title[age], keys[nat][1], period_title(p) + mark, *shown])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def records(periods: list[str], nats: list[str], values: dict[tuple[str, str, str], int]) -> bytes:
    keys = nationality_keys(nats)
    sex_title = {"T001038": "Totaal mannen en vrouwen", "3000": "Mannen"}
    age_title = {"10000": "Totaal", "52052": "Jonger dan 18 jaar"}
    out = []
    for i, (sex, age, nat, p, topic_values) in enumerate(cells(periods, nats, values)):
        out.append({"ID": i, "Geslacht": sex_title[sex], "Leeftijd": age_title[age], "Nationaliteit": keys[nat][1],
                    "Perioden": period_title(p), **topic_values})  # fmt: skip
    lines = ",\n".join(json.dumps(r, ensure_ascii=False) for r in out)
    return gzip.compress(("[\n" + lines + "\n]\n").encode("utf-8"), mtime=0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="write nothing; fail when a fixture is out of date")
    args = parser.parse_args()
    periods, nats, values = read_golden()
    files = {
        "golden_mei_2021_83102NED.json.gz": bundle(periods, nats, values),
        "golden_mei_2021_83102NED.csv": statline_csv(periods, nats, values),
        "golden_mei_2021_records.json.gz": records(periods, nats, values),
    }
    stale = []
    for name, content in files.items():
        path = OUT / name
        if path.exists() and path.read_bytes() == content:
            continue
        stale.append(name)
        if not args.check:
            path.write_bytes(content)
            print(f"wrote {path.relative_to(ROOT)}")
    if args.check and stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
