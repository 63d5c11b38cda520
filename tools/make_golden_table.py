#!/usr/bin/env python3
"""Builds and verifies the golden test table for the page "kerncijfers asiel en migratie, mei 2021".

THE COUNTS WRITTEN HERE ARE FICTIONAL. They are made up so that every figure the published
page prints comes out exactly, with the page's rounding; they are not real data and must
never be used as such (every row's `source` says so).

Writes, under tests/data/:
  golden_mei_2021_counts.csv          period,category,nationality,count,source,release
  golden_mei_2021_departures.csv      period,group,mode,count,source,release
  golden_mei_2021_sentences_nl.txt    the page's Dutch sentences that state figures

and verifies, with exact integer arithmetic (fractions.Fraction), every figure of the page
from the rows it wrote: shares rounded half-up one by one to whole percents, totals rounded
half-up to tens. Each figure is printed, then re-rendered into the page's Dutch sentence and
compared with the sentence copied from the page. The script exits 1 when any check fails.

Design of the table (see tests/data/README.md):
  - first applications: 2020-05 to 2021-05, every month a TOTAL row plus a complete
    breakdown (the nationality rows sum exactly to the TOTAL); May 2021 and the window
    June 2020 - May 2021 are given, the other months are the window minus May 2021 spread
    over June 2020 - April 2021 by fixed weights; 2020-05 lies outside the window on purpose;
  - nareizigers (family_reunification): 2020-05 to 2021-05 the same way; their window is
    May 2020 - April 2021 (the page's lagging source), and May 2021 lies outside it;
  - TOTAL rows for repeat_application, relocation, resettlement in 2021-05;
  - departures 2021 for the groups all and criminal.

Usage:
  tools/make_golden_table.py                 # verify, then write the files
  tools/make_golden_table.py --check         # verify; exit 1 if a written file is stale
  tools/make_golden_table.py --page PATH     # also compare the sentences with the page text
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import sys
from fractions import Fraction
from math import floor
from pathlib import Path

# Breakdowns keyed by (category, month): nationality code -> count.
Breakdowns = dict[tuple[str, str], dict[str, int]]
# Departures: group -> mode -> count.
Departures = dict[str, dict[str, int]]

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data"
SAFE_COUNTRIES_CSV = ROOT / "data" / "nl_safe_countries.csv"
DEFAULT_PAGE = Path("/work/shared/reference/kerncijfers-asiel-en-migratie-mei-2021.md")

SOURCE = "fictional golden test data (not real)"
RELEASE = "2021-06-15"

COUNTS_HEADER = ["period", "category", "nationality", "count", "source", "release"]
DEPARTURES_HEADER = ["period", "group", "mode", "count", "source", "release"]

UNKNOWN = "XXX"
MONTH = "2021-05"
FIRST_WINDOW = [f"2020-{m:02d}" for m in range(6, 13)] + [f"2021-{m:02d}" for m in range(1, 6)]
FAMILY_WINDOW = [f"2020-{m:02d}" for m in range(5, 13)] + [f"2021-{m:02d}" for m in range(1, 5)]
ALL_MONTHS = ["2020-05"] + FIRST_WINDOW  # 2020-05 .. 2021-05, for both categories

# --- First applications -------------------------------------------------------------------
# May 2021, complete: 1200 in total, so a share is count/12 percent (many are non-terminating
# decimals). DZA is an exact tie, 6.5 %, which half-up rounds to 7 (half-even would give 6).
FIRST_MAY = {
    "SYR": 385,
    "TUR": 97,
    "DZA": 78,
    "MAR": 71,
    "ERI": 59,
    "AFG": 50,
    UNKNOWN: 45,
    "IRQ": 48,
    "YEM": 46,
    "IRN": 44,
    "SOM": 40,
    "NGA": 37,
    "LBY": 35,
    "GEO": 33,
    "SDN": 31,
    "ETH": 28,
    "TUN": 26,
    "PAK": 22,
    "UKR": 17,
    "GIN": 8,
}
FIRST_MAY_TOTAL = 1200
# Safe countries of origin in May 2021 among these (designation in force on 31 May 2021,
# data/nl_safe_countries.csv): 78 + 71 + 33 + 26 + 17 = 225 = 18.75 %.
SAFE_IN_MAY = {"DZA", "MAR", "GEO", "TUN", "UKR"}

# June 2020 - May 2021, complete: 12000 in total (share = count/120 percent). TUR is an exact
# tie, 6.5 %, which half-up rounds to 7 (half-even would give 6). Ranking differs from May:
# Algeria is second here, Turkey third.
FIRST_WINDOW_TOTALS = {
    "SYR": 3850,
    "DZA": 966,
    "TUR": 780,
    "MAR": 702,
    "ERI": 640,
    "AFG": 596,
    "IRQ": 560,
    "YEM": 500,
    UNKNOWN: 470,
    "IRN": 450,
    "SOM": 400,
    "NGA": 360,
    "LBY": 330,
    "SDN": 300,
    "ETH": 270,
    "PAK": 230,
    "GEO": 190,
    "TUN": 160,
    "GIN": 140,
    "UKR": 106,
}
# Weights spreading (window - May 2021) over June 2020 .. April 2021.
FIRST_WEIGHTS = [6, 9, 10, 11, 12, 11, 9, 8, 7, 8, 9]
# 2020-05 lies outside the window; its profile differs (Eritrea first) so that a window
# shifted by one month gives other figures.
FIRST_MAY_2020 = {
    "ERI": 160,
    "SYR": 120,
    "DZA": 20,
    "TUR": 35,
    "MAR": 15,
    "AFG": 40,
    UNKNOWN: 30,
    "IRQ": 25,
    "YEM": 30,
    "IRN": 20,
    "SOM": 25,
    "NGA": 10,
    "LBY": 10,
    "GEO": 10,
    "SDN": 12,
    "ETH": 18,
    "TUN": 5,
    "PAK": 8,
    "UKR": 4,
    "GIN": 3,
}

# --- Nareizigers (family_reunification) ------------------------------------------------
# May 2021: 1000 in total; the rest (232 = 23.2 %) over other nationalities and unknown,
# each below Yemen.
FAMILY_MAY = {
    "SYR": 596,
    "ERI": 116,
    "YEM": 56,
    UNKNOWN: 50,
    "SOM": 45,
    "IRQ": 38,
    "AFG": 33,
    "TUR": 27,
    "IRN": 21,
    "ETH": 18,
}
FAMILY_MAY_TOTAL = 1000
# May 2020 - April 2021 (the page's lagging window): 8000 in total (share = count/80 percent).
FAMILY_WINDOW_TOTALS = {
    "SYR": 4000,
    "ERI": 1044,
    "YEM": 876,
    "SOM": 520,
    UNKNOWN: 430,
    "IRQ": 360,
    "AFG": 300,
    "TUR": 230,
    "IRN": 150,
    "ETH": 90,
}
# Weights spreading the window over May 2020 .. April 2021 (May 2020 low: it lies in the
# first Covid months).
FAMILY_WEIGHTS = [2, 5, 6, 7, 8, 9, 10, 9, 8, 9, 9, 10]

# --- Other categories, May 2021 (TOTAL rows only) -------------------------------------------
OTHER_TOTALS_MAY = {"repeat_application": 160, "relocation": 12, "resettlement": 85}

# --- Departures 2021 ------------------------------------------------------------------------
# all: 7686 (rounds to 7690 half-up and half-even); supervised 3920 = 51.0 %,
# unsupervised 3766 = 49.0 %. criminal (a subset): 388 -> 390; 271 = 69.8 % -> 70,
# 117 = 30.2 % -> 30.
DEPARTURES = {
    "all": {"independent": 2310, "forced": 1610, "unsupervised": 3766},
    "criminal": {"independent": 95, "forced": 176, "unsupervised": 117},
}

CATEGORY_ORDER = ["first_application", "repeat_application", "family_reunification", "relocation", "resettlement"]

DUTCH_NAMES = {
    "SYR": "Syrië",
    "TUR": "Turkije",
    "DZA": "Algerije",
    "MAR": "Marokko",
    "ERI": "Eritrea",
    "AFG": "Afghanistan",
    "YEM": "Jemen",
    UNKNOWN: "Onbekend",
}

# The page's sentences that state figures, copied exactly (one per line in the output file).
PAGE_SENTENCES = [
    "In mei 2021 kwam 32% van de asielzoekers die voor het eerst een aanvraag indienden uit Syrië.",
    "8% was afkomstig uit Turkije, 7% kwam uit Algerije, 6% kwam uit Marokko, 5% kwam uit Eritrea, 4% kwam uit Afghanistan, 4% was Onbekend.",
    "Circa 19% van de asielzoekers die voor het eerst een aanvraag indienden kwam uit een [veilig land van herkomst](#).",
    "De afgelopen twaalf maanden (juni 2020 t/m mei 2021) kwam 32% van de asielzoekers die voor het eerst een aanvraag indienden uit Syrië, 8% kwam uit Algerije, 7% kwam uit Turkije en 6% kwam uit Marokko.",
    "In mei 2021 kwam 60% van de nareizigers uit Syrië, 12% kwam uit Eritrea en 6% kwam uit Jemen.",
    "De overige 23% van de nareizigers had een andere of onbekende nationaliteit.",
    "De afgelopen twaalf maanden (mei 2020 t/m april 2021) kwam 50% van de nareizigers uit Syrië, 13% kwam uit Eritrea en 11% kwam uit Jemen.",
    "In 2021 zijn ongeveer 7.690 vreemdelingen die niet in Nederland mochten blijven, vertrokken.",
    "Het aantal vreemdelingen dat onder toezicht van de overheid Nederland heeft verlaten, is 51%.",
    "Het aandeel vreemdelingen dat op eigen gelegenheid is vertrokken bedraagt 49%.",
    "In 2021 zijn ongeveer 390 criminele vreemdelingen vertrokken tijdens of aansluitend aan hun gevangenisstraf.",
    "Het aandeel criminele vreemdelingen dat onder toezicht van de overheid Nederland heeft verlaten, is 70%.",
    "Het aandeel vreemdelingen dat op eigen gelegenheid is vertrokken bedraagt 30%.",
]


class Checker:
    """Collects failed checks instead of stopping at the first."""

    def __init__(self) -> None:
        self.failures: list[str] = []
        self.count = 0

    def check(self, condition: bool, what: str) -> None:
        self.count += 1
        if not condition:
            self.failures.append(what)
            print(f"  FAIL: {what}")


def half_up(x: Fraction) -> int:
    """Round half up (towards +infinity at .5), exactly."""
    return floor(x + Fraction(1, 2))


def half_even(x: Fraction) -> int:
    return round(x)  # Fraction.__round__ rounds half to even, exactly


def percent(part: int, whole: int) -> Fraction:
    return Fraction(100 * part, whole)


def fmt(x: Fraction) -> str:
    """An exact share for printing: 6.5 exactly, or 32.0833... with the exact fraction."""
    if (x * 10000).denominator == 1:
        return f"{float(x):g}%"
    return f"{float(x):.4f}%... (= {x.numerator}/{x.denominator})"


def spread(amount: int, weights: list[int]) -> list[int]:
    """Split `amount` over len(weights) parts proportionally: largest remainder, ties by order."""
    total = sum(weights)
    exact = [Fraction(amount * w, total) for w in weights]
    parts = [floor(e) for e in exact]
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in order[: amount - sum(parts)]:
        parts[i] += 1
    return parts


def build_months(
    may: dict[str, int], window: dict[str, int], months: list[str], weights: list[int]
) -> dict[str, dict[str, int]]:
    """Monthly breakdowns over `months` summing to `window`, with `may` in 2021-05 if present."""
    rest = {n: window[n] - may.get(n, 0) if MONTH in months else window[n] for n in window}
    spread_months = [m for m in months if m != MONTH]
    assert len(spread_months) == len(weights), (spread_months, weights)
    result: dict[str, dict[str, int]] = {m: {} for m in months}
    for n, amount in rest.items():
        if amount < 0:
            raise SystemExit(f"window total of {n} is below its May 2021 count")
        for m, c in zip(spread_months, spread(amount, weights)):
            result[m][n] = c
    if MONTH in months:
        result[MONTH] = dict(may)
    return result


def build() -> tuple[dict[tuple[str, str], dict[str, int]], dict[str, dict[str, int]]]:
    """Breakdowns keyed by (category, month), and the departures."""
    data: dict[tuple[str, str], dict[str, int]] = {}
    first = build_months(FIRST_MAY, FIRST_WINDOW_TOTALS, FIRST_WINDOW, FIRST_WEIGHTS)
    first["2020-05"] = dict(FIRST_MAY_2020)
    family = build_months(FAMILY_MAY, FAMILY_WINDOW_TOTALS, FAMILY_WINDOW, FAMILY_WEIGHTS)
    family[MONTH] = dict(FAMILY_MAY)
    for m in ALL_MONTHS:
        data[("first_application", m)] = first[m]
        data[("family_reunification", m)] = family[m]
    return data, DEPARTURES


def counts_rows(data: dict[tuple[str, str], dict[str, int]]) -> list[list[str]]:
    """Rows by month, then category; in each, the TOTAL row, then nationalities by count."""
    blocks = [(m, c, b) for (c, m), b in data.items()]
    blocks += [(MONTH, c, {}) for c in OTHER_TOTALS_MAY]
    order = {c: i for i, c in enumerate(CATEGORY_ORDER)}
    rows = []
    for month, category, breakdown in sorted(blocks, key=lambda b: (b[0], order[b[1]])):
        total = sum(breakdown.values()) if breakdown else OTHER_TOTALS_MAY[category]
        rows.append([month, category, "TOTAL", str(total), SOURCE, RELEASE])
        for n in sorted(breakdown, key=lambda n: (-breakdown[n], n)):
            rows.append([month, category, n, str(breakdown[n]), SOURCE, RELEASE])
    return rows


def departures_rows(departures: dict[str, dict[str, int]]) -> list[list[str]]:
    return [["2021", g, mode, str(c), SOURCE, RELEASE] for g, modes in departures.items() for mode, c in modes.items()]


def render(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


# --- Safe countries: status on a day from data/nl_safe_countries.csv ---------------------------


def _bounds(text: str) -> tuple[datetime.date, datetime.date]:
    """First and last day a date of the CSV may stand for (a month or a day)."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        d = datetime.date(*parts)
        return d, d
    first = datetime.date(parts[0], parts[1], 1)
    nxt = datetime.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
    return first, nxt - datetime.timedelta(days=1)


def safe_status(path: Path, country: str, day: datetime.date) -> str:
    """'safe', 'unknown' or 'not_safe' by the rules of data/nl_safe_countries.md."""
    status = "not_safe"
    with path.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["country"] != country:
                continue
            if not row["from"]:
                status = "unknown" if status == "not_safe" else status
                continue
            first, last = _bounds(row["from"])
            if row["from_known"] == "true":
                certain_from, possible_from = last, first
            else:
                certain_from, possible_from = last, datetime.date.min
            if row["to"]:
                t_first, t_last = _bounds(row["to"])
                if row["to_known"] == "true":
                    certain_to, possible_to = t_first, t_last  # in force before; out on t_last
                else:
                    certain_to, possible_to = t_first, datetime.date.max
            else:
                certain_to, possible_to = datetime.date.max, datetime.date.max
            if certain_from <= day < certain_to:
                return "safe"
            if possible_from <= day < possible_to:
                status = "unknown"
    return status


# --- Verification ---------------------------------------------------------------------------


def window_sum(data: Breakdowns, category: str, months: list[str]) -> dict[str, int]:
    total: dict[str, int] = {}
    for m in months:
        for n, c in data[(category, m)].items():
            total[n] = total.get(n, 0) + c
    return total


def ranked_known(breakdown: dict[str, int]) -> list[str]:
    return sorted((n for n in breakdown if n != UNKNOWN), key=lambda n: (-breakdown[n], n))


def figures(breakdown: dict[str, int], top: int) -> list[tuple[str, int]]:
    """The top known nationalities with their published (half-up) percents."""
    total = sum(breakdown.values())
    return [(n, half_up(percent(breakdown[n], total))) for n in ranked_known(breakdown)[:top]]


def check_distribution(
    ck: Checker, title: str, breakdown: dict[str, int], total: int, expected: list[tuple[str, int]], top: int
) -> dict[str, int]:
    """Checks the top `top` known nationalities and their rounded shares; prints them."""
    print(f"{title}: total {total}")
    ck.check(sum(breakdown.values()) == total, f"{title}: breakdown sums to {sum(breakdown.values())}, not {total}")
    ranked = ranked_known(breakdown)
    counts = [breakdown[n] for n in ranked]
    ck.check(
        all(a > b for a, b in zip(counts[:top], counts[1 : top + 1])),
        f"{title}: the top {top} are not strictly larger than the next ({counts[: top + 1]})",
    )
    shown = ranked[:top] + ([UNKNOWN] if any(n == UNKNOWN for n, _ in expected) else [])
    rounded = {}
    for n in shown:
        share = percent(breakdown[n], total)
        rounded[n] = half_up(share)
        tie = f" (exact tie: half-even would give {half_even(share)})" if half_even(share) != rounded[n] else ""
        print(f"  {n:<5} {breakdown[n]:>6}  {fmt(share):<32} -> {rounded[n]}%{tie}")
    ck.check(
        [(n, rounded[n]) for n in shown] == expected,
        f"{title}: got {[(n, rounded[n]) for n in shown]}, expected {expected}",
    )
    rest = total - sum(breakdown[n] for n in shown)
    rest_share = percent(rest, total)
    rounded["rest"] = half_up(rest_share)
    print(
        f"  rest  {rest:>6}  {fmt(rest_share):<32} -> {rounded['rest']}%"
        f"   (published percents sum to {sum(rounded.values())})"
    )
    return rounded


def parse_written(ck: Checker, counts_text: str, departures_text: str) -> tuple[Breakdowns, Departures]:
    """Reads the rendered CSVs back: breakdowns keyed by (category, month), and departures.

    Checks the header, that every row is marked fictional with the one release, that keys are
    unique, and that every TOTAL row equals the sum of its nationality rows (where there are any).
    """
    data: dict[tuple[str, str], dict[str, int]] = {}
    totals: dict[tuple[str, str], int] = {}
    reader = csv.reader(io.StringIO(counts_text))
    ck.check(next(reader) == COUNTS_HEADER, "counts header")
    for period, category, nationality, count, source, release in reader:
        ck.check(source == SOURCE and release == RELEASE, f"row {period},{category},{nationality}: source/release")
        if nationality == "TOTAL":
            ck.check((category, period) not in totals, f"duplicate TOTAL {period} {category}")
            totals[(category, period)] = int(count)
        else:
            block = data.setdefault((category, period), {})
            ck.check(nationality not in block, f"duplicate row {period} {category} {nationality}")
            block[nationality] = int(count)
    for key, total in totals.items():
        if key in data:
            ck.check(
                sum(data[key].values()) == total,
                f"{key}: nationality rows sum to {sum(data[key].values())}, TOTAL is {total}",
            )
        else:
            ck.check(key[0] in OTHER_TOTALS_MAY and key[1] == MONTH, f"{key}: TOTAL without breakdown")
    ck.check(set(data) <= set(totals), "a breakdown without a TOTAL row")
    ck.check(
        {c: t for (c, m), t in totals.items() if c in OTHER_TOTALS_MAY} == OTHER_TOTALS_MAY,
        "the other categories' May 2021 TOTALs",
    )
    departures: dict[str, dict[str, int]] = {}
    reader = csv.reader(io.StringIO(departures_text))
    ck.check(next(reader) == DEPARTURES_HEADER, "departures header")
    for period, group, mode, count, source, release in reader:
        ck.check(period == "2021" and source == SOURCE and release == RELEASE, f"departures row {group},{mode}")
        departures.setdefault(group, {})[mode] = int(count)
    return data, departures


def verify(ck: Checker, data: Breakdowns, departures: Departures, safe_csv: Path | None) -> None:

    # Every month: complete breakdown, no negative counts, same nationality set in a category.
    for (category, month), breakdown in data.items():
        ck.check(all(c >= 0 for c in breakdown.values()), f"{category} {month}: negative count")
        first_set = set(data[(category, ALL_MONTHS[0])])
        ck.check(set(breakdown) == first_set, f"{category} {month}: nationalities differ from other months")
    ck.check(sorted({m for _, m in data}) == ALL_MONTHS, "months are not 2020-05 .. 2021-05")

    # 1. First applications, May 2021.
    may = data[("first_application", MONTH)]
    ck.check(sum(may.values()) == FIRST_MAY_TOTAL, "May 2021 first applications do not sum to their total")
    check_distribution(
        ck,
        "First applications, May 2021",
        may,
        FIRST_MAY_TOTAL,
        [("SYR", 32), ("TUR", 8), ("DZA", 7), ("MAR", 6), ("ERI", 5), ("AFG", 4), (UNKNOWN, 4)],
        6,
    )
    ck.check(may[UNKNOWN] < may["AFG"], "Unknown is not below Afghanistan in May 2021")
    others = [n for n in may if n not in {"SYR", "TUR", "DZA", "MAR", "ERI", "AFG", UNKNOWN}]
    ck.check(all(may[n] < may["AFG"] for n in others), "a nationality outside the top 6 is not below Afghanistan")

    # Safe-country share, May 2021 (last-day rule: designation in force on 31 May 2021).
    last_day = datetime.date(2021, 5, 31)
    if safe_csv is not None and safe_csv.exists():
        statuses = {n: safe_status(safe_csv, n, last_day) for n in may}
        print(
            f"Safe-country status on {last_day} from {safe_csv.relative_to(ROOT) if safe_csv.is_relative_to(ROOT) else safe_csv}:"
        )
        print("  safe: " + ", ".join(sorted(n for n, s in statuses.items() if s == "safe")))
        ck.check(
            all(s != "unknown" for s in statuses.values()),
            f"nationalities with unknown status in May 2021: {[n for n, s in statuses.items() if s == 'unknown']}",
        )
        ck.check(
            {n for n, s in statuses.items() if s == "safe"} == SAFE_IN_MAY,
            f"safe set from the CSV {sorted(n for n, s in statuses.items() if s == 'safe')} != {sorted(SAFE_IN_MAY)}",
        )
    else:
        print(f"Safe-country status: {safe_csv} not found; using the built-in set {sorted(SAFE_IN_MAY)}")
    safe = sum(may[n] for n in SAFE_IN_MAY)
    safe_share = percent(safe, FIRST_MAY_TOTAL)
    print(f"  safe countries of origin: {safe} of {FIRST_MAY_TOTAL} = {fmt(safe_share)} -> {half_up(safe_share)}%")
    ck.check(half_up(safe_share) == 19, f"safe-country share rounds to {half_up(safe_share)}, not 19")

    # Influx May 2021 per category.
    influx = {
        "first_application": FIRST_MAY_TOTAL,
        "family_reunification": sum(data[("family_reunification", MONTH)].values()),
        **OTHER_TOTALS_MAY,
    }
    print(
        "Influx May 2021: " + ", ".join(f"{c} {influx[c]}" for c in CATEGORY_ORDER) + f"; total {sum(influx.values())}"
    )

    # 2. First applications, June 2020 - May 2021.
    window = window_sum(data, "first_application", FIRST_WINDOW)
    ck.check(window == FIRST_WINDOW_TOTALS, "window sums differ from the chosen window totals")
    w_total = sum(window.values())
    month_totals = sum(sum(data[("first_application", m)].values()) for m in FIRST_WINDOW)
    ck.check(w_total == month_totals, "window total differs from the sum of the monthly TOTALs")
    check_distribution(
        ck,
        "First applications, June 2020 - May 2021",
        window,
        w_total,
        [("SYR", 32), ("DZA", 8), ("TUR", 7), ("MAR", 6)],
        4,
    )
    shifted = window_sum(data, "first_application", FAMILY_WINDOW)
    ck.check(
        figures(shifted, 4) != figures(window, 4),
        "the window shifted to May 2020 - April 2021 gives the same first-application figures",
    )
    print(f"  (shifted window May 2020 - April 2021 would give {figures(shifted, 4)})")

    # 3. Nareizigers, May 2021.
    fam = data[("family_reunification", MONTH)]
    ck.check(sum(fam.values()) == FAMILY_MAY_TOTAL, "May 2021 nareizigers do not sum to 1000")
    rf = check_distribution(
        ck, "Nareizigers, May 2021", fam, FAMILY_MAY_TOTAL, [("SYR", 60), ("ERI", 12), ("YEM", 6)], 3
    )
    ck.check(rf["rest"] == 23, f"nareizigers May 2021: other or unknown rounds to {rf['rest']}, not 23")
    ck.check(
        all(c < fam["YEM"] for n, c in fam.items() if n not in {"SYR", "ERI", "YEM"}),
        "a nareiziger nationality (or unknown) outside the top 3 is not below Yemen",
    )

    # 4. Nareizigers, May 2020 - April 2021.
    fwin = window_sum(data, "family_reunification", FAMILY_WINDOW)
    ck.check(fwin == FAMILY_WINDOW_TOTALS, "nareiziger window sums differ from the chosen totals")
    check_distribution(
        ck, "Nareizigers, May 2020 - April 2021", fwin, sum(fwin.values()), [("SYR", 50), ("ERI", 13), ("YEM", 11)], 3
    )
    unlagged = window_sum(data, "family_reunification", FIRST_WINDOW)
    ck.check(
        figures(unlagged, 3) != figures(fwin, 3),
        "the unlagged nareiziger window (June 2020 - May 2021) gives the same figures",
    )
    print(f"  (unlagged window June 2020 - May 2021 would give {figures(unlagged, 3)})")

    # 5. Departures 2021.
    for group, expected_total, expected_sup, expected_unsup in (("all", 7690, 51, 49), ("criminal", 390, 70, 30)):
        modes = departures[group]
        total = sum(modes.values())
        supervised = modes["independent"] + modes["forced"]
        rounded_total = half_up(Fraction(total, 10)) * 10
        sup, unsup = percent(supervised, total), percent(modes["unsupervised"], total)
        print(
            f"Departures 2021, {group}: total {total} -> about {rounded_total} "
            f"(half-even: {half_even(Fraction(total, 10)) * 10}); supervised {supervised} = {fmt(sup)} -> "
            f"{half_up(sup)}%; unsupervised {modes['unsupervised']} = {fmt(unsup)} -> {half_up(unsup)}%"
        )
        ck.check(rounded_total == expected_total, f"departures {group}: total rounds to {rounded_total}")
        ck.check(
            half_even(Fraction(total, 10)) * 10 == expected_total, f"departures {group}: total depends on the tie rule"
        )
        ck.check(half_up(sup) == expected_sup, f"departures {group}: supervised {half_up(sup)}%")
        ck.check(half_up(unsup) == expected_unsup, f"departures {group}: unsupervised {half_up(unsup)}%")
    ck.check(
        all(departures["criminal"][m] <= departures["all"][m] for m in departures["all"]),
        "criminal departures are not a subset of all departures",
    )


def dutch_thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def render_sentences(data: Breakdowns, departures: Departures) -> list[str]:
    """The page's sentences, rebuilt from the computed figures."""

    def top(breakdown: dict[str, int], k: int) -> list[tuple[str, int]]:
        total = sum(breakdown.values())
        return [(DUTCH_NAMES[n], half_up(percent(breakdown[n], total))) for n in ranked_known(breakdown)[:k]]

    may = data[("first_application", MONTH)]
    t = top(may, 6)
    unknown = half_up(percent(may[UNKNOWN], sum(may.values())))
    safe = half_up(percent(sum(may[n] for n in SAFE_IN_MAY), sum(may.values())))
    w = top(window_sum(data, "first_application", FIRST_WINDOW), 4)
    fam = data[("family_reunification", MONTH)]
    f = top(fam, 3)
    f_rest = half_up(percent(sum(fam.values()) - sum(fam[n] for n in ranked_known(fam)[:3]), sum(fam.values())))
    fw = top(window_sum(data, "family_reunification", FAMILY_WINDOW), 3)
    dep = {}
    for group, modes in departures.items():
        total = sum(modes.values())
        dep[group] = (
            half_up(Fraction(total, 10)) * 10,
            half_up(percent(modes["independent"] + modes["forced"], total)),
            half_up(percent(modes["unsupervised"], total)),
        )
    asylum = "van de asielzoekers die voor het eerst een aanvraag indienden"
    return [
        f"In mei 2021 kwam {t[0][1]}% {asylum} uit {t[0][0]}.",
        f"{t[1][1]}% was afkomstig uit {t[1][0]}, "
        + ", ".join(f"{p}% kwam uit {n}" for n, p in t[2:])
        + f", {unknown}% was Onbekend.",
        f"Circa {safe}% {asylum} kwam uit een [veilig land van herkomst](#).",
        f"De afgelopen twaalf maanden (juni 2020 t/m mei 2021) kwam {w[0][1]}% {asylum} uit {w[0][0]}, "
        f"{w[1][1]}% kwam uit {w[1][0]}, {w[2][1]}% kwam uit {w[2][0]} en {w[3][1]}% kwam uit {w[3][0]}.",
        f"In mei 2021 kwam {f[0][1]}% van de nareizigers uit {f[0][0]}, {f[1][1]}% kwam uit {f[1][0]} "
        f"en {f[2][1]}% kwam uit {f[2][0]}.",
        f"De overige {f_rest}% van de nareizigers had een andere of onbekende nationaliteit.",
        f"De afgelopen twaalf maanden (mei 2020 t/m april 2021) kwam {fw[0][1]}% van de nareizigers uit "
        f"{fw[0][0]}, {fw[1][1]}% kwam uit {fw[1][0]} en {fw[2][1]}% kwam uit {fw[2][0]}.",
        f"In 2021 zijn ongeveer {dutch_thousands(dep['all'][0])} vreemdelingen die niet in Nederland "
        "mochten blijven, vertrokken.",
        f"Het aantal vreemdelingen dat onder toezicht van de overheid Nederland heeft verlaten, is {dep['all'][1]}%.",
        f"Het aandeel vreemdelingen dat op eigen gelegenheid is vertrokken bedraagt {dep['all'][2]}%.",
        f"In 2021 zijn ongeveer {dutch_thousands(dep['criminal'][0])} criminele vreemdelingen vertrokken "
        "tijdens of aansluitend aan hun gevangenisstraf.",
        "Het aandeel criminele vreemdelingen dat onder toezicht van de overheid Nederland heeft verlaten, "
        f"is {dep['criminal'][1]}%.",
        f"Het aandeel vreemdelingen dat op eigen gelegenheid is vertrokken bedraagt {dep['criminal'][2]}%.",
    ]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file is stale")
    parser.add_argument("--out-dir", type=Path, default=OUT, help="where to write (default tests/data/)")
    parser.add_argument(
        "--page",
        type=Path,
        default=DEFAULT_PAGE,
        help="the published page, to check the sentences against (skipped when absent)",
    )
    parser.add_argument("--safe-countries", type=Path, default=SAFE_COUNTRIES_CSV)
    args = parser.parse_args(argv)

    built, built_departures = build()
    outputs = {
        "golden_mei_2021_counts.csv": render(COUNTS_HEADER, counts_rows(built)),
        "golden_mei_2021_departures.csv": render(DEPARTURES_HEADER, departures_rows(built_departures)),
        "golden_mei_2021_sentences_nl.txt": "".join(s + "\n" for s in PAGE_SENTENCES),
    }
    # Verify what is written, read back, not the structures it was made from.
    ck = Checker()
    data, departures = parse_written(
        ck, outputs["golden_mei_2021_counts.csv"], outputs["golden_mei_2021_departures.csv"]
    )
    verify(ck, data, departures, args.safe_countries)

    print("Sentences rebuilt from the figures vs the page's sentences:")
    for rebuilt, page in zip(render_sentences(data, departures), PAGE_SENTENCES, strict=True):
        ck.check(rebuilt == page, f"sentence differs:\n    rebuilt: {rebuilt}\n    page:    {page}")
    print(f"  {len(PAGE_SENTENCES)} sentences compared")
    if args.page.exists():
        text = args.page.read_text(encoding="utf-8")
        for s in PAGE_SENTENCES:
            ck.check(s in text, f"sentence not found verbatim in {args.page}: {s}")
        print(f"  all {len(PAGE_SENTENCES)} found verbatim in {args.page}")
    else:
        print(f"  {args.page} not found: verbatim check against the page skipped")

    print(f"{ck.count} checks, {len(ck.failures)} failed")
    if ck.failures:
        return 1

    stale = []
    for name, text in outputs.items():
        path = args.out_dir / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path))
        else:
            with path.open("w", encoding="utf-8", newline="") as f:
                f.write(text)
            print(f"wrote {path}")
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
