"""Independent oracles for the page of May 2021: the English sentences, the HTML and the JSON.

The goldens next to these tests (tests/data/render_mei_2021*) are snapshots the renderer
wrote, so they only say "nothing changed". These tests say "this is right": they work the
figures out again from the golden CSV files with exact fractions (no kerncijfers code), and
hold the rendered English Markdown against a hand-written file of expected sentences
(tests/data/oracles/page_en_2021-05.txt), the parsed HTML against the figures and the
Markdown, and the parsed JSON against the figures API and the same independent numbers.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Literal

import kerncijfers as kc
import pytest

_ROOT = Path(__file__).resolve().parents[2]
ORACLE_EN = _ROOT / "tests" / "data" / "oracles" / "page_en_2021-05.txt"
SAFE_COUNTRIES = _ROOT / "data" / "nl_safe_countries.csv"
Lang = Literal["nl", "en"]

# ---------------------------------------------------------------------------------------
# The figures of May 2021, worked out from the CSV files alone (no kerncijfers code)


@dataclass(frozen=True)
class Row:
    """One row of a distribution: kind as the library names it, alpha-3 code or None."""

    kind: str
    alpha3: str | None
    count: int
    percent: int


@dataclass(frozen=True)
class Distribution:
    first: str  # "YYYY-MM"
    last: str
    total: int
    rows: tuple[Row, ...]

    @property
    def percent_sum(self) -> int:
        return sum(r.percent for r in self.rows)

    def named(self) -> list[Row]:
        return [r for r in self.rows if r.kind == "nationality"]

    def row(self, kind: str) -> Row:
        (found,) = [r for r in self.rows if r.kind == kind]
        return found


@dataclass(frozen=True)
class Departures:
    total: int
    total_rounded: int
    supervised: int
    unsupervised: int
    supervised_percent: int
    unsupervised_percent: int


@dataclass(frozen=True)
class Figures:
    first_month: Distribution
    first_trailing: Distribution
    nareizigers_month: Distribution
    nareizigers_trailing: Distribution
    safe_count: int
    safe_percent: int
    safe_nationalities: tuple[str, ...]
    influx: dict[str, int]
    influx_total: int
    departures_all: Departures
    departures_criminal: Departures


def half_up_percent(part: int, whole: int) -> int:
    """The page's rounding: each share on its own, half up, to a whole percent."""
    return int(Fraction(100 * part, whole) + Fraction(1, 2))


def half_up_tens(count: int) -> int:
    return int(Fraction(count, 10) + Fraction(1, 2)) * 10


def months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def read_counts(path: Path) -> dict[tuple[str, str, str], int]:
    # The golden file has month rows only, one release, no repeated key (tests/data/README.md).
    counts: dict[tuple[str, str, str], int] = {}
    with path.open(newline="", encoding="utf-8") as stream:
        for r in csv.DictReader(stream):
            key = (r["period"], r["category"], r["nationality"])
            assert key not in counts, key
            counts[key] = int(r["count"])
    return counts


def distribution(
    counts: dict[tuple[str, str, str], int], category: str, first: str, last: str, top: int, unknown_separate: bool
) -> Distribution:
    window = months(first, last)
    total = sum(counts[(m, category, "TOTAL")] for m in window)
    by: dict[str, int] = defaultdict(int)
    for (period, cat, code), count in counts.items():
        if cat == category and period in window and code != "TOTAL":
            by[code] += count
    assert sum(by.values()) == total  # the golden breakdown is complete
    known = sorted(((c, code) for code, c in by.items() if code != "XXX"), key=lambda t: (-t[0], t[1]))
    rows = [Row("nationality", code, c, half_up_percent(c, total)) for c, code in known[:top]]
    unknown = by.get("XXX", 0)
    other = total - sum(r.count for r in rows) - (unknown if unknown_separate else 0)
    if unknown_separate and unknown:
        rows.append(Row("unknown", "XXX", unknown, half_up_percent(unknown, total)))
    if other:
        rows.append(Row("other", None, other, half_up_percent(other, total)))
    return Distribution(first, last, total, tuple(rows))


def safe_on(day: str) -> set[str]:
    """The countries designated safe on `day`: from <= day < to (a month means its first day)."""

    def as_day(text: str) -> str:
        return text + "-01" if len(text) == 7 else text

    safe = set()
    with SAFE_COUNTRIES.open(newline="", encoding="utf-8") as stream:
        for r in csv.DictReader(stream):
            if r["from"] and as_day(r["from"]) <= day and (not r["to"] or day < as_day(r["to"])):
                safe.add(r["country"])
    return safe


def departures(path: Path, group: str) -> Departures:
    by_mode: dict[str, int] = {}
    with path.open(newline="", encoding="utf-8") as stream:
        for r in csv.DictReader(stream):
            if r["period"] == "2021" and r["group"] == group:
                by_mode[r["mode"]] = int(r["count"])
    total = sum(by_mode.values())
    supervised = by_mode["independent"] + by_mode["forced"]
    unsupervised = by_mode["unsupervised"]
    return Departures(
        total,
        half_up_tens(total),
        supervised,
        unsupervised,
        half_up_percent(supervised, total),
        half_up_percent(unsupervised, total),
    )


@pytest.fixture(scope="module")
def expected(test_data: Path) -> Figures:
    counts = read_counts(test_data / "golden_mei_2021_counts.csv")
    first_month = distribution(counts, "first_application", "2021-05", "2021-05", 6, True)
    by_code = {code: c for (p, cat, code), c in counts.items() if p == "2021-05" and cat == "first_application"}
    safe = sorted(code for code in safe_on("2021-05-31") if code in by_code)
    safe_count = sum(by_code[code] for code in safe)
    categories = ("first_application", "repeat_application", "family_reunification", "relocation", "resettlement")
    influx = {cat: counts[("2021-05", cat, "TOTAL")] for cat in categories}
    dep = test_data / "golden_mei_2021_departures.csv"
    return Figures(
        first_month=first_month,
        first_trailing=distribution(counts, "first_application", "2020-06", "2021-05", 4, True),
        nareizigers_month=distribution(counts, "family_reunification", "2021-05", "2021-05", 3, False),
        nareizigers_trailing=distribution(counts, "family_reunification", "2020-05", "2021-04", 3, False),
        safe_count=safe_count,
        safe_percent=half_up_percent(safe_count, first_month.total),
        safe_nationalities=tuple(safe),
        influx=influx,
        influx_total=sum(influx.values()),
        departures_all=departures(dep, "all"),
        departures_criminal=departures(dep, "criminal"),
    )


def test_the_independent_figures_are_the_published_ones(expected: Figures) -> None:
    # The golden tables were made to reproduce the page: this pins the oracle's arithmetic.
    f = expected
    assert [(r.alpha3, r.percent) for r in f.first_month.rows] == [
        ("SYR", 32), ("TUR", 8), ("DZA", 7), ("MAR", 6), ("ERI", 5), ("AFG", 4), ("XXX", 4), (None, 35),
    ]  # fmt: skip
    assert (f.safe_count, f.safe_percent, f.safe_nationalities) == (225, 19, ("DZA", "GEO", "MAR", "TUN", "UKR"))
    assert [(r.alpha3, r.percent) for r in f.nareizigers_month.rows] == [
        ("SYR", 60),
        ("ERI", 12),
        ("YEM", 6),
        (None, 23),
    ]
    assert (f.departures_all.total_rounded, f.departures_all.supervised_percent) == (7690, 51)
    assert (f.departures_criminal.total_rounded, f.departures_criminal.unsupervised_percent) == (390, 30)


# ---------------------------------------------------------------------------------------
# English: the hand-written sentences


ENGLISH_NAMES = {"SYR": "Syria", "TUR": "Turkey", "DZA": "Algeria", "MAR": "Morocco", "ERI": "Eritrea",
                 "AFG": "Afghanistan", "YEM": "Yemen"}  # fmt: skip
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]  # fmt: skip


def month_en(iso: str) -> str:
    return f"{MONTHS_EN[int(iso[5:]) - 1]} {iso[:4]}"


def count_en(n: int) -> str:
    return f"{n:,}"


def oracle_en() -> dict[str, str]:
    sentences: dict[str, str] = {}
    for line in ORACLE_EN.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        key, sentence = line.split("\t")
        assert key not in sentences, key
        sentences[key] = sentence
    return sentences


def english_rules(f: Figures) -> dict[str, str]:
    """The oracle's sentences built again from the English sentence forms and the figures."""

    def pct(r: Row) -> str:
        return f"{r.percent}%"

    def listing(rows: list[Row]) -> str:
        parts = [f"{pct(r)} from {ENGLISH_NAMES[r.alpha3 or '']}" for r in rows]
        return ", ".join(parts[:-1]) + " and " + parts[-1]

    def trailing(d: Distribution, who: str) -> str:
        window = f"{month_en(d.first)} to {month_en(d.last)}"
        head, *rest = d.named()
        return (
            f"Over the past twelve months ({window}), {pct(head)} of {who} came from {ENGLISH_NAMES[head.alpha3 or '']}, "
            + listing(rest)
            + "."
        )

    def rounding(d: Distribution) -> str:
        window = month_en(d.first) if d.first == d.last else f"{month_en(d.first)} to {month_en(d.last)}"
        return (
            "(Rounded: each percentage is rounded on its own, so the full breakdown for "
            f"{window} adds up to {d.percent_sum}%.)"
        )

    first, nar = f.first_month, f.nareizigers_month
    head, second, *rest = first.named()
    applicants = "first-time asylum applicants"
    family = "family members joining refugees"
    nar_head, *nar_rest = nar.named()
    da, dc = f.departures_all, f.departures_criminal
    return {
        "first_month": f"In {month_en(first.first)}, {pct(head)} of {applicants} came from {ENGLISH_NAMES[head.alpha3 or '']}.",
        "first_month_rest": f"{pct(second)} came from {ENGLISH_NAMES[second.alpha3 or '']}, "
        + ", ".join(f"{pct(r)} from {ENGLISH_NAMES[r.alpha3 or '']}" for r in rest)
        + f" and {pct(first.row('unknown'))} had an unknown nationality.",
        "safe_month": f"About {f.safe_percent}% of {applicants} came from a [safe country of origin](#).",
        "first_trailing": trailing(f.first_trailing, applicants),
        "nareizigers_month": f"In {month_en(nar.first)}, {pct(nar_head)} of {family} came from "
        f"{ENGLISH_NAMES[nar_head.alpha3 or '']}, " + listing(nar_rest) + ".",
        "nareizigers_month_rest": f"The remaining {pct(nar.row('other'))} had another or an unknown nationality.",
        "nareizigers_trailing": trailing(f.nareizigers_trailing, family),
        "departures_all": f"In 2021, about {count_en(da.total_rounded)} foreign nationals who were not allowed to "
        "stay in the Netherlands left.",
        "departures_all_supervised": "The share of foreign nationals who left the Netherlands under government "
        f"supervision is {da.supervised_percent}%.",
        "departures_all_unsupervised": "The share of foreign nationals who left on their own, without supervision, "
        f"is {da.unsupervised_percent}%.",
        "departures_criminal": f"In 2021, about {count_en(dc.total_rounded)} criminal foreign nationals left during "
        "or directly after their prison sentence.",
        "departures_criminal_supervised": "The share of criminal foreign nationals who left the Netherlands under "
        f"government supervision is {dc.supervised_percent}%.",
        "departures_criminal_unsupervised": f"The share who left on their own, without supervision, is "
        f"{dc.unsupervised_percent}%.",
        "first_month_rounding": rounding(first),
        "first_trailing_rounding": rounding(f.first_trailing),
        "nareizigers_month_rounding": rounding(nar),
    }


def sentences_of(text: str) -> list[str]:
    """Every line split after ". " (the page's numbers never put a blank after a full stop),
    without the trailing blanks of a Markdown hard break."""
    sentences = []
    for line in text.splitlines():
        rest = line.strip(" ")
        while rest:
            stop = rest.find(". ")
            if stop < 0:
                sentences.append(rest)
                break
            sentences.append(rest[: stop + 1])
            rest = rest[stop + 2 :]
    return sentences


# A sentence states a figure when it has a percentage or a count after "about".
STATES_A_FIGURE = re.compile(r"\d%|about \d")


def test_the_english_oracle_is_the_data_in_the_english_rules(expected: Figures) -> None:
    # The hand-written file and the figures worked out from the CSV files agree line by line:
    # a change of the golden tables makes the oracle stale here, not silently wrong.
    assert oracle_en() == english_rules(expected)


def english_markdown(figures: kc.KeyFigures, via: str, tmp_path: Path, test_data: Path) -> str:
    if via == "api":
        return kc.render_markdown(figures, "en")
    from kerncijfers.cli import main

    out = tmp_path / "page_en.md"
    args = ["report", "--lang", "en", "--nareiziger-window-end", "2021-04", "--output", str(out)]
    args += ["--data", str(test_data / "golden_mei_2021_counts.csv")]
    args += ["--departures", str(test_data / "golden_mei_2021_departures.csv")]
    assert main(args) == 0
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize("via", ["api", "cli"])
def test_english_markdown_states_every_oracle_sentence_and_no_other_figure(
    via: str, golden_figures: kc.KeyFigures, tmp_path: Path, test_data: Path
) -> None:
    page = english_markdown(golden_figures, via, tmp_path, test_data)
    rendered = sentences_of(page)
    oracle = oracle_en()
    for key, sentence in oracle.items():
        assert sentence in rendered, f"{key}: {sentence!r} is not a sentence of the English page:\n{page}"
    # Nothing contradicting: every sentence of the page that states a figure is one of the
    # oracle's, as often as the oracle has it (a second, different Syria share would show here).
    stated = Counter(s for s in rendered if STATES_A_FIGURE.search(s))
    assert stated == Counter(oracle.values())
    # And no Dutch number formats or words slipped in.
    for dutch in ("7.690", "ongeveer", "t/m", "Bron:"):
        assert dutch not in page, dutch


# ---------------------------------------------------------------------------------------
# HTML: parsed with the standard library


VOID = {"meta", "br", "link", "img", "hr", "input", "col", "source", "wbr", "area", "base", "embed", "track"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    children: list[Element | str]

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else ("\n" if c.tag == "br" else c.text()) for c in self.children)

    def iter(self, tag: str | None = None) -> list[Element]:
        found = [self] if tag is None or self.tag == tag else []
        for c in self.children:
            if isinstance(c, Element):
                found += c.iter(tag)
        return found

    def elements(self) -> list[Element]:
        return [c for c in self.children if isinstance(c, Element)]


class TreeBuilder(HTMLParser):
    """A strict tree of the page: every end tag must close the element open last."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, [])
        self.stack = [self.root]
        self.doctype: str | None = None

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = [name for name, _ in attrs]
        assert len(names) == len(set(names)), f"<{tag}> repeats an attribute: {names}"
        element = Element(tag, dict(attrs), [])
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, dict(attrs), []))

    def handle_endtag(self, tag: str) -> None:
        assert tag not in VOID, f"</{tag}>"
        open_tag = self.stack[-1].tag
        assert open_tag == tag, f"</{tag}> closes <{open_tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(page: str) -> Element:
    builder = TreeBuilder()
    builder.feed(page)
    builder.close()
    assert builder.stack == [builder.root], f"unclosed: {[e.tag for e in builder.stack[1:]]}"
    assert builder.doctype is not None and builder.doctype.lower() == "doctype html"
    (html,) = builder.root.elements()
    assert html.tag == "html"
    return html


def plain(markdown: str) -> str:
    """The text a Markdown line shows: links and emphasis without their markup."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"\*([^*]+)\*", r"\1", text)


def markdown_blocks(markdown: str) -> tuple[list[tuple[str, str]], list[str]]:
    """The headings (level tag, text) and the paragraphs' sentences (figure placeholders
    "Fig. 1.n" left out: the HTML puts a table there)."""
    headings: list[tuple[str, str]] = []
    sentences: list[str] = []
    for line in markdown.splitlines():
        if match := re.fullmatch(r"(#{2,3}) (.*)", line):
            headings.append((f"h{len(match[1])}", match[2]))
        elif line.strip() and not re.fullmatch(r"Fig\. 1\.\d", line.strip()):
            sentences += sentences_of(plain(line))
    return headings, sentences


NON_NATIONALITY_LABELS: dict[Lang, dict[str, str]] = {
    "nl": {"unknown": "Onbekend", "other": "Overig", "other_or_unknown": "Andere of onbekende nationaliteit"},
    "en": {"unknown": "Unknown", "other": "Other", "other_or_unknown": "Other or unknown nationality"},
}


def row_label(row: kc.DistributionRow, figure: kc.DistributionFigure, lang: Lang) -> str:
    if row.nationality is not None and row.kind == kc.RowKind.nationality:
        return row.nationality.name(lang)
    kind = row.kind.name
    if kind == "other" and figure.unknown_row is not kc.UnknownPlacement.own_row:
        kind = "other_or_unknown"
    return NON_NATIONALITY_LABELS[lang][kind]


def figure_list(k: kc.KeyFigures) -> list[kc.DistributionFigure]:
    return [k.first_month, k.first_trailing, k.family_reunification_month]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_html_structure_text_and_figures(lang: Lang, golden_figures: kc.KeyFigures, expected: Figures) -> None:
    k = golden_figures
    page = kc.render_html(k, lang)
    html = parse_html(page)
    assert html.attrs.get("lang") == lang
    (head, body) = html.elements()
    assert (head.tag, body.tag) == ("head", "body")
    assert [m.attrs.get("charset") for m in head.iter("meta") if "charset" in m.attrs] == ["utf-8"]
    (title,) = head.iter("title")
    headings, sentences = markdown_blocks(kc.render_markdown(k, lang))
    assert title.text().upper() == headings[0][1]

    # Headings: the Markdown's, same levels, same order.
    assert [(h.tag, h.text()) for h in body.iter() if h.tag in ("h1", "h2", "h3", "h4")] == headings

    # Text: the paragraphs say exactly the Markdown's sentences, in order.
    html_sentences: list[str] = []
    for p in body.iter("p"):
        html_sentences += sentences_of(p.text())
    assert html_sentences == sentences

    # Figures: one table per distribution, each row the figures API's and the oracle's.
    figures = body.iter("figure")
    assert [f.attrs.get("id") for f in figures] == ["fig-1-0", "fig-1-1", "fig-1-2"]
    independent = [expected.first_month, expected.first_trailing, expected.nareizigers_month]
    for index, (element, figure, oracle) in enumerate(zip(figures, figure_list(k), independent, strict=True)):
        (caption,) = element.iter("figcaption")
        assert caption.text() == f"Fig. 1.{index} " + kc.figure_title(k, index, lang)
        (tbody,) = element.iter("tbody")
        cells = [[td.text() for td in tr.iter("td")] for tr in tbody.iter("tr")]
        from_api = [
            [row_label(r, figure, lang), kc.format_count(r.count, lang), kc.format_percent(r.percent.units, 0, lang)]
            for r in figure.rows
        ]
        assert cells == from_api, f"Fig. 1.{index}"
        assert [(c[1], c[2]) for c in cells] == [
            (kc.format_count(r.count, lang), f"{r.percent}%") for r in oracle.rows
        ], f"Fig. 1.{index} against the independent figures"
        (tfoot,) = element.iter("tfoot")
        total = [td.text() for td in tfoot.iter("td")]
        assert total == [kc.format_count(figure.total, lang), f"{figure.percent_sum.units}%"]
        assert total == [kc.format_count(oracle.total, lang), f"{oracle.percent_sum}%"]


def test_html_numbers_use_the_language_format(golden_figures: kc.KeyFigures) -> None:
    # The independent formats, not the library's format_count: "12.000" in Dutch, "12,000" in English.
    formats: tuple[tuple[Lang, str], ...] = (("nl", "12.000"), ("en", "12,000"))
    for lang, total in formats:
        html = parse_html(kc.render_html(golden_figures, lang))
        (tfoot,) = html.iter("figure")[1].iter("tfoot")
        assert [td.text() for td in tfoot.iter("td")][0] == total


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_html_links_are_not_dead(lang: Lang, golden_figures: kc.KeyFigures) -> None:
    html = parse_html(kc.render_html(golden_figures, lang, kc.HtmlOptions(figures=["<svg id='chart-0'></svg>"])))
    ids = [e.attrs["id"] for e in html.iter() if e.attrs.get("id")]
    assert len(ids) == len(set(ids)), f"repeated ids: {ids}"
    for a in html.iter("a"):
        href = a.attrs.get("href")
        assert href, f"a link without a target: {a.text()!r}"
        assert href != "#", f"a dead link: {a.text()!r}"
        if href.startswith("#"):
            assert href[1:] in ids, f"a link to a missing id: {href}"
        else:
            assert re.match(r"https?://", href), f"a link that is neither on the page nor on the web: {href}"


def write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


NASTY_SOURCE = 'IND <b>asieltrends</b> & "CBS"'


def test_html_escapes_data(tmp_path: Path, test_data: Path) -> None:
    paths = {}
    for name in ("counts", "departures"):
        with (test_data / f"golden_mei_2021_{name}.csv").open(newline="", encoding="utf-8") as stream:
            rows = [dict(r, source=NASTY_SOURCE) for r in csv.DictReader(stream)]
        paths[name] = tmp_path / f"{name}.csv"
        write_csv(paths[name], rows)
    counts = kc.read_counts_csv(paths["counts"])
    departures_table = kc.read_departures_csv(paths["departures"])
    options = kc.KeyFiguresOptions(family_reunification_window_end=kc.Month(2021, 4))
    k = kc.compute_key_figures(counts, departures_table, kc.nl_safe_countries(), kc.Month(2021, 5), options)
    title = 'Kerncijfers <script>alert("x")</script> & co'
    page = kc.render_html(k, "en", kc.HtmlOptions(title=title))
    assert "<b>asieltrends</b>" not in page and "<script>alert" not in page
    assert "IND &lt;b&gt;asieltrends&lt;/b&gt; &amp;" in page
    html = parse_html(page)  # still well formed: no element came from the data
    assert not html.iter("b") and not html.iter("script")
    (head_title,) = html.iter("title")
    assert head_title.text() == title
    sources = [p.text() for p in html.iter("p") if NASTY_SOURCE in p.text()]
    assert len(sources) >= 4, sources  # the text node is the source as written in the CSV
    assert all("(Source: " + NASTY_SOURCE in s for s in sources)


# ---------------------------------------------------------------------------------------
# JSON: the values


def json_rows(d: dict[str, Any]) -> list[Row]:
    return [
        Row(r["kind"], r["nationality"]["alpha3"] if r["nationality"] else None, r["count"], r["percent"])
        for r in d["rows"]
    ]


def api_rows(f: kc.DistributionFigure) -> list[Row]:
    return [Row(r.kind.name, r.nationality.alpha3 if r.nationality else None, r.count, r.percent.units) for r in f.rows]


def check_json_distribution(d: dict[str, Any], f: kc.DistributionFigure, oracle: Distribution) -> None:
    assert json_rows(d) == api_rows(f) == list(oracle.rows)
    assert d["total"] == f.total == oracle.total
    assert (d["window"]["first"], d["window"]["last"]) == (oracle.first, oracle.last)
    assert d["window"]["months"] == len(months(oracle.first, oracle.last))
    assert f.window.iso() == d["window"]["iso"] and len(f.window) == d["window"]["months"]
    assert d["percent_sum"] == f.percent_sum.units == oracle.percent_sum
    assert d["sums_to_100"] is f.sums_to_100 is (oracle.percent_sum == 100)
    assert d["status"] == f.status.name == "exact"
    assert d["top_n"] == f.top_n and d["unknown_separate"] is (f.unknown_row is kc.UnknownPlacement.own_row)
    for r in d["rows"]:
        assert Fraction(r["share"]["part"], r["share"]["whole"]) == Fraction(r["count"], oracle.total)
        for lang in ("nl", "en"):
            assert r["percent_text"][lang] == kc.format_percent(r["percent"], 0, lang) == f"{r['percent']}%"
            if r["nationality"]:
                assert r["label"][lang] == kc.Nationality.from_alpha3(r["nationality"]["alpha3"]).name(lang)


def check_json_departures(d: dict[str, Any], f: kc.DeparturesFigure, oracle: Departures) -> None:
    got = (d["total"], d["total_rounded"], d["supervised"], d["unsupervised"])
    assert got == (f.total, f.total_rounded, f.supervised, f.unsupervised)
    assert got == (oracle.total, oracle.total_rounded, oracle.supervised, oracle.unsupervised)
    percents = (d["supervised_percent"], d["unsupervised_percent"])
    assert percents == (f.supervised_percent.units, f.unsupervised_percent.units)
    assert percents == (oracle.supervised_percent, oracle.unsupervised_percent)
    assert d["total_rounded_text"] == {
        "nl": f"{oracle.total_rounded:,}".replace(",", "."),
        "en": f"{oracle.total_rounded:,}",
    }
    assert (d["period"]["first"], d["period"]["last"]) == ("2021-01", "2021-12")


def test_json_values_are_the_figures(golden_figures: kc.KeyFigures, expected: Figures) -> None:
    k = golden_figures
    data = json.loads(kc.render_json(k))
    assert data["period"] == "2021-05" and k.period == kc.Month(2021, 5)
    assert data["period_label"] == {"nl": "mei 2021", "en": "May 2021"}
    check_json_distribution(data["first_month"], k.first_month, expected.first_month)
    check_json_distribution(data["first_trailing"], k.first_trailing, expected.first_trailing)
    check_json_distribution(data["nareizigers_month"], k.family_reunification_month, expected.nareizigers_month)
    check_json_distribution(
        data["nareizigers_trailing"], k.family_reunification_trailing, expected.nareizigers_trailing
    )

    safe = data["safe_month"]
    assert (safe["total"], safe["safe_count"], safe["percent"]) == (
        k.safe_month.total, k.safe_month.safe_count, k.safe_month.percent.units,
    ) == (expected.first_month.total, expected.safe_count, expected.safe_percent)  # fmt: skip
    assert safe["safe_nationalities"] == [n.alpha3 for n in k.safe_month.safe_nationalities]
    assert tuple(safe["safe_nationalities"]) == expected.safe_nationalities
    assert safe["undetermined_nationalities"] == [] and safe["status"] == "exact"
    assert safe["percent_text"] == {"nl": f"{expected.safe_percent}%", "en": f"{expected.safe_percent}%"}

    influx = data["influx"]
    assert {e["category"]: e["count"] for e in influx["by_category"]} == expected.influx
    assert [e["count"] for e in influx["by_category"]] == [e.count for e in k.influx.by_category]
    assert influx["total"] == k.influx.total == expected.influx_total

    check_json_departures(data["departures_all"], k.departures_all, expected.departures_all)
    check_json_departures(data["departures_criminal"], k.departures_criminal, expected.departures_criminal)

    for name in ("first_month", "safe_month", "departures_all", "influx"):
        source = data[name]["source"]
        assert source["sources"] == ["fictional golden test data (not real)"]
        assert source["latest_release"]["iso"] == "2021-06-15"
