"""All of Europe at once: every reporting country's top nationalities, unknown and other.

:func:`europe_table` wraps the compiled :func:`kerncijfers.europe` (one pass of
``top_shares`` over the whole Eurostat panel, see ``include/kerncijfers/europe.hpp``) and
returns an :class:`EuropeTable`: one row per reporting country with its top nationalities,
"unknown" and "other", whole-percent shares that sum to exactly 100 (largest remainder) and
the total rounded to tens. The table writes itself as Markdown, HTML, CSV and JSON and as a
pandas or polars DataFrame, with Eurostat's codes (``geo``, ``citizen``) beside our names
(the reporting country's name from :func:`kerncijfers.eurostat_geo_name`, the citizenship's
from :class:`kerncijfers.Nationality`) in Dutch or English.

The command ``kerncijfers europe --eurostat FILE --year 2021`` prints the same table
(:func:`add_europe_command`, :func:`render_europe`); :func:`kerncijfers.plot.plot_europe`
draws it as small multiples.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import io
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from . import _core as core
from ._files import FileProblem, check_readable

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["EuropeTablePart", "EuropeTableLine", "EuropeTable", "europe_table"]

Lang = Literal["nl", "en"]

#: The columns of the long form (CSV, JSON rows, DataFrames), in order.
COLUMNS = (
    "geo",
    "geo_name",
    "period",
    "asyl_app",
    "rank",
    "part",
    "citizen",
    "nationality",
    "name",
    "count",
    "share",
    "total",
    "rounded_total",
    "flags",
    "missing",
    "reported",
)

_WORDS: dict[str, dict[Lang, str]] = {
    "other": {"nl": "Overig", "en": "Other"},
    "unknown": {"nl": "Onbekend", "en": "Unknown"},
    "country": {"nl": "Land", "en": "Country"},
    "total": {"nl": "Totaal (afgerond op tientallen)", "en": "Total (rounded to tens)"},
    "none": {"nl": "geen aanvragen", "en": "no applications"},
    "no data": {"nl": "geen gegevens", "en": "no data"},
    "provisional": {"nl": "voorlopige cijfers", "en": "provisional figures"},
    "estimated": {"nl": "geschatte cijfers", "en": "estimated figures"},
}

_ASYL_APP: dict[str, dict[Lang, str]] = {
    "NASY_APP": {"nl": "eerste asielaanvragen", "en": "first-time asylum applicants"},
    "SSEQ": {"nl": "herhaalde asielaanvragen", "en": "subsequent asylum applicants"},
    "ASY_APP": {"nl": "alle asielaanvragen", "en": "all asylum applicants"},
}


def _language(language: str | core.Language) -> Lang:
    if isinstance(language, core.Language):
        return "nl" if language == core.Language.nl else "en"
    if language not in ("nl", "en"):
        raise core.InvalidInput(f"language must be 'nl' or 'en', got {language!r}")
    return "nl" if language == "nl" else "en"


def _period_text(period: Any) -> str:
    iso = getattr(period, "iso", None)
    return str(iso() if callable(iso) else period)


@dataclass(frozen=True)
class EuropeTablePart:
    """One part of a reporting country's total: a top nationality, "other" or "unknown"."""

    #: 1..top for the top nationalities, top + 1 for "other", top + 2 for "unknown".
    rank: int
    #: ``"nationality"``, ``"other"`` or ``"unknown"``.
    part: str
    #: Eurostat's citizen code (``SY``, ``STLS``, ``UNK``); '' for "other".
    citizen: str
    #: Our nationality code (ISO alpha-3 or ours: ``SYR``, ``XXA``, ``XXX``); '' for "other".
    nationality: str
    #: The name in the table's language ("Syrië", "Overig", "Onbekend").
    name: str
    count: int
    #: Whole percent of the total; the shares of a country sum to 100 (0 when its total is 0).
    share: int


@dataclass(frozen=True)
class EuropeTableLine:
    """One reporting country: its top nationalities, then "other" and "unknown"."""

    geo: str
    geo_name: str
    period: str
    entries: tuple[EuropeTablePart, ...]
    #: The exact total and the total rounded to tens (half up).
    total: int
    rounded_total: int
    #: Eurostat's observation flags of the counts behind the line, sorted letters ('' none).
    flags: str
    #: Observations Eurostat marks missing (``:``), counted as 0: the line is then a lower bound.
    missing: int = 0
    #: False when the country has no observation at all in the period (no data, not zero).
    reported: bool = True

    @property
    def top(self) -> tuple[EuropeTablePart, ...]:
        return tuple(e for e in self.entries if e.part == "nationality")

    @property
    def other(self) -> EuropeTablePart:
        return next(e for e in self.entries if e.part == "other")

    @property
    def unknown(self) -> EuropeTablePart:
        return next(e for e in self.entries if e.part == "unknown")


class EuropeTable:
    """The all-Europe table of one period: a line per reporting country (see the module).

    Build it with :func:`europe_table`; ``lines`` holds the :class:`EuropeTableLine` objects, in
    the order of :func:`kerncijfers.europe`.
    """

    def __init__(
        self,
        lines: Sequence[EuropeTableLine],
        *,
        period: str,
        asyl_app: str,
        top: int,
        language: Lang,
        dataset: str = "",
        source_multiple: int = 5,
    ) -> None:
        self.lines = tuple(lines)
        self.period = period
        self.asyl_app = asyl_app
        self.top = top
        self.language: Lang = language
        self.dataset = dataset
        self.source_multiple = source_multiple

    def __len__(self) -> int:
        return len(self.lines)

    def __repr__(self) -> str:
        return f"EuropeTable(period={self.period!r}, asyl_app={self.asyl_app!r}, top={self.top}, lines={len(self)})"

    def line(self, geo: str) -> EuropeTableLine:
        """The line of reporting country ``geo`` (a Eurostat code); KeyError naming it."""
        for line in self.lines:
            if line.geo == geo:
                return line
        raise KeyError(f"no reporting country {geo!r} in the table (has {', '.join(x.geo for x in self.lines)})")

    # -- words ---------------------------------------------------------------------------

    def _word(self, key: str) -> str:
        return _WORDS[key][self.language]

    def title(self) -> str:
        """'Eerste asielaanvragen per land van aanvraag, 2021: top 5 nationaliteiten'."""
        what = _ASYL_APP.get(self.asyl_app, {"nl": self.asyl_app, "en": self.asyl_app})[self.language]
        what = what[:1].upper() + what[1:]
        if self.language == "nl":
            return f"{what} per land van aanvraag, {self.period}: top {self.top} nationaliteiten"
        return f"{what} by reporting country, {self.period}: top {self.top} citizenships"

    def notes(self) -> list[str]:
        """The notes under the table: the source and its rounding, shares, flags."""
        nl = self.language == "nl"
        source = f"Eurostat, {self.dataset}" if self.dataset else "Eurostat"
        notes = [
            (f"Bron: {source}; Eurostat rondt aantallen af op veelvouden van {self.source_multiple}."
             if nl else f"Source: {source}; Eurostat rounds counts to multiples of {self.source_multiple}."),
            ("Aandelen in hele procenten volgens de grootste-restmethode, samen 100; totalen afgerond op tientallen."
             if nl else "Shares in whole percent by largest remainder, summing to 100; totals rounded to tens."),
        ]  # fmt: skip
        incomplete = [x.geo for x in self.lines if x.missing > 0]
        if incomplete:
            notes.append(
                ("Onvolledig, ontbrekende waarnemingen (':') als 0 geteld: "
                 if nl else "Incomplete, missing observations (':') counted as 0: ")
                + ", ".join(incomplete) + "."
            )  # fmt: skip
        letters = "".join(sorted({c for line in self.lines for c in line.flags}))
        if "p" in letters:
            notes.append(
                ("Voorlopige cijfers" if nl else "Provisional figures")
                + ": " + ", ".join(x.geo for x in self.lines if "p" in x.flags) + "."
            )  # fmt: skip
        if "e" in letters:
            notes.append(
                ("Geschatte cijfers" if nl else "Estimated figures")
                + ": " + ", ".join(x.geo for x in self.lines if "e" in x.flags) + "."
            )  # fmt: skip
        return notes

    def _count(self, value: int) -> str:
        return str(core.format_count(value, self.language))

    def _cell(self, entry: EuropeTablePart) -> str:
        code = f" ({entry.citizen})" if entry.citizen and entry.part == "nationality" else ""
        return f"{entry.name}{code} {entry.share}%"

    def _wide(self) -> tuple[list[str], list[list[str]]]:
        header = [self._word("country"), "geo", self._word("total")]
        header += [str(i) for i in range(1, self.top + 1)] + [self._word("other"), self._word("unknown")]
        body = []
        for line in self.lines:
            cells = [line.geo_name, line.geo]
            if line.total == 0:
                cells += [self._word("none" if line.reported else "no data")] + ["—"] * (self.top + 2)
            else:
                cells.append(self._count(line.rounded_total))
                top = list(line.top)
                cells += [self._cell(e) for e in top] + ["—"] * (self.top - len(top))
                cells += [f"{line.other.share}%", f"{line.unknown.share}%"]
            body.append(cells)
        return header, body

    # -- outputs -------------------------------------------------------------------------

    def records(self) -> list[dict[str, Any]]:
        """The long form: one dict per (reporting country, part), keys :data:`COLUMNS`."""
        out = []
        for line in self.lines:
            for e in line.entries:
                out.append({
                    "geo": line.geo, "geo_name": line.geo_name, "period": line.period, "asyl_app": self.asyl_app,
                    "rank": e.rank, "part": e.part, "citizen": e.citizen, "nationality": e.nationality,
                    "name": e.name, "count": e.count, "share": e.share, "total": line.total,
                    "rounded_total": line.rounded_total, "flags": line.flags, "missing": line.missing,
                    "reported": line.reported,
                })  # fmt: skip
        return out

    def to_markdown(self) -> str:
        """A Markdown table, one row per reporting country, with the title and notes."""

        def row(cells: Iterable[str]) -> str:
            return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

        header, body = self._wide()
        numeric = {2} | set(range(3, len(header)))
        lines = [f"**{self.title()}**", "", row(header)]
        lines.append("| " + " | ".join("---:" if i in numeric else "---" for i in range(len(header))) + " |")
        lines += [row(cells) for cells in body]
        lines += [""] + [f"- {n}" for n in self.notes()]
        return "\n".join(lines) + "\n"

    def to_html(self) -> str:
        """An HTML ``<table>`` with a caption and the notes in a ``<tfoot>``."""
        esc = core.html_escape
        header, body = self._wide()
        out = ['<table class="kerncijfers-europe">', f"<caption>{esc(self.title())}</caption>", "<thead><tr>"]
        out += [f'<th scope="col">{esc(h)}</th>' for h in header]
        out.append("</tr></thead>")
        out.append("<tbody>")
        for cells in body:
            out.append(
                f'<tr><th scope="row">{esc(cells[0])}</th>' + "".join(f"<td>{esc(c)}</td>" for c in cells[1:]) + "</tr>"
            )
        out.append("</tbody>")
        out.append(f'<tfoot><tr><td colspan="{len(header)}">' + "<br>".join(esc(n) for n in self.notes()))
        out.append("</td></tr></tfoot></table>")
        return "\n".join(out) + "\n"

    def to_csv(self) -> str:
        """The long form as CSV (header :data:`COLUMNS`, ``\\n`` line ends, UTF-8 text)."""
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.records())
        return buffer.getvalue()

    def to_json(self, *, indent: int | None = 2) -> str:
        """The table as JSON: what was computed (period, applicant type, top, dataset, the
        source's rounding, language, title, notes) and ``rows`` in the long form."""
        document = {
            "period": self.period,
            "asyl_app": self.asyl_app,
            "top": self.top,
            "dataset": self.dataset,
            "source_multiple": self.source_multiple,
            "language": self.language,
            "title": self.title(),
            "notes": self.notes(),
            "provisional": any("p" in line.flags for line in self.lines),
            "estimated": any("e" in line.flags for line in self.lines),
            "rows": self.records(),
        }
        return json.dumps(document, ensure_ascii=False, indent=indent) + "\n"

    def to_pandas(self) -> pd.DataFrame:
        """The long form as a pandas DataFrame (integer columns int64)."""
        import pandas as pd

        frame = pd.DataFrame.from_records(self.records(), columns=list(COLUMNS))
        for column in ("rank", "count", "share", "total", "rounded_total", "missing"):
            frame[column] = frame[column].astype("int64")
        frame["reported"] = frame["reported"].astype("bool")
        return frame

    def to_polars(self) -> Any:
        """The long form as a polars DataFrame; ImportError when polars is not installed.
        (Typed ``Any``: polars is optional, so its types are not required to check this package.)"""
        try:
            pl = importlib.import_module("polars")
        except ImportError as error:
            raise ImportError(
                "kerncijfers: EuropeTable.to_polars needs polars, which is not installed "
                "(pip install polars); to_pandas() gives the same table as a pandas DataFrame"
            ) from error
        columns = {name: [r[name] for r in self.records()] for name in COLUMNS}
        integers = ("rank", "count", "share", "total", "rounded_total", "missing")
        schema = {name: pl.Int64 if name in integers else pl.Boolean if name == "reported" else pl.Utf8
                  for name in COLUMNS}  # fmt: skip
        return pl.DataFrame(columns, schema=schema)

    def _repr_markdown_(self) -> str:
        return self.to_markdown()


def _nationality_code(nationality: core.Nationality | None) -> str:
    return "" if nationality is None else nationality.alpha3


def line_of(row: core.EuropeRow, language: Lang, top: int) -> EuropeTableLine:
    """One ``EuropeRow`` of :func:`kerncijfers.europe` as an :class:`EuropeTableLine` with names."""
    entries = []
    for rank, entry in enumerate(row.top, start=1):
        if entry.count == 0:
            continue  # an empty slot: fewer citizenships with applicants than `top` (only positive counts rank)
        name = entry.nationality.name(language) if entry.nationality is not None else entry.citizen
        entries.append(EuropeTablePart(rank, "nationality", entry.citizen, _nationality_code(entry.nationality), name,
                                   int(entry.count), int(entry.share)))  # fmt: skip
    unknown = core.Nationality.unknown()
    entries.append(EuropeTablePart(top + 1, "other", "", "", _WORDS["other"][language], int(row.other),
                               int(row.other_share)))  # fmt: skip
    entries.append(EuropeTablePart(top + 2, "unknown", "UNK", unknown.alpha3, _WORDS["unknown"][language],
                               int(row.unknown), int(row.unknown_share)))  # fmt: skip
    return EuropeTableLine(
        geo=row.geo,
        geo_name=str(core.eurostat_geo_name(row.geo, core.parse_language(language))),
        period=_period_text(row.period),
        entries=tuple(entries),
        total=int(row.total),
        rounded_total=int(row.rounded_total),
        flags=row.flags.letters(),
        missing=row.missing,
        reported=row.periods_reported > 0,
    )


def as_period(year_or_period: Any) -> Any:
    """A period from a year (``2021``), a text (``"2021"``, ``"2021-05"``, ``"2021-Q2"``) or a period."""
    if isinstance(year_or_period, bool):
        raise core.InvalidInput(f"expected a year or a period, got {year_or_period!r}")
    if isinstance(year_or_period, int):
        return core.Year(year_or_period)
    if isinstance(year_or_period, str):
        return core.parse_count_period(year_or_period)
    return year_or_period


def europe_table(
    data: Any,
    year_or_period: Any,
    *,
    asyl_app: str = "NASY_APP",
    top: int = 5,
    language: str | core.Language = "nl",
) -> EuropeTable:
    """Every reporting country's top ``top`` citizenships, unknown and other, in one period.

    ``data`` is an :class:`EurostatData` (:func:`kerncijfers.read_eurostat`); the period a
    year (``2021``), a text (``"2021"``, ``"2021-05"``) or a period of the data's unit.
    ``asyl_app`` picks the applicant type (``NASY_APP`` first-time, ``SSEQ`` subsequent,
    ``ASY_APP`` all). Names are in ``language`` (``"nl"`` or ``"en"``).
    """
    lang = _language(language)
    period = as_period(year_or_period)
    rows = core.europe(data, period, asyl_app=asyl_app, top=top)
    return EuropeTable(
        [line_of(row, lang, top) for row in rows],
        period=_period_text(period),
        asyl_app=asyl_app,
        top=top,
        language=lang,
        dataset=str(getattr(data, "dataset", "") or ""),
        source_multiple=int(getattr(data, "source_multiple", 5)),
    )


# ----------------------------------------------------------------------------------------
# The command line: `kerncijfers europe` (registered in cli.py)

_FORMATS = ("md", "html", "csv", "json")


def _positive_top(text: str) -> int:
    try:
        value = int(text, 10)
    except ValueError:
        value = 0
    if not 1 <= value <= 100:
        raise argparse.ArgumentTypeError(f"expected a whole number from 1 to 100, got {text[:40]!r}")
    return value


def add_europe_command(commands: Any) -> argparse.ArgumentParser:
    """Adds ``kerncijfers europe`` to the command line's subcommands."""
    europe: argparse.ArgumentParser = commands.add_parser(
        "europe",
        help="the top nationalities of every reporting country in a Eurostat file",
        description="All of Europe in one table: for every reporting country in a Eurostat asylum file "
        "(migr_asyappctza, migr_asyappctzm; bulk TSV, SDMX-CSV or the tidy CSV), the top citizenships, "
        "unknown and other, with shares summing to 100 and totals rounded to tens.",
    )
    europe.add_argument("--eurostat", required=True, metavar="FILE", help="the Eurostat file (.gz read as gzip)")
    when = europe.add_mutually_exclusive_group(required=True)
    when.add_argument("--year", type=int, default=None, help="the year, e.g. 2021")
    when.add_argument("--period", default=None, help="a period of the data's unit: 2021, 2021-05, 2021-Q2")
    europe.add_argument("--format", choices=_FORMATS, default="md")
    europe.add_argument("--lang", choices=["nl", "en"], default="nl")
    europe.add_argument("--top", type=_positive_top, default=5, metavar="N", help="named citizenships (1-100)")
    europe.add_argument("--asyl-app", default="NASY_APP", choices=["NASY_APP", "SSEQ", "ASY_APP"])
    europe.add_argument("--output", default=None, metavar="FILE", help="write to FILE, atomically ('-': stdout)")
    # The report's file options do not apply; the shared checks in cli.py see them empty.
    europe.set_defaults(data=None, departures=None, safe_countries=None)
    return europe


def render_europe(args: argparse.Namespace) -> str:
    """The table of ``kerncijfers europe`` as text, from parsed arguments."""
    from .cli import CommandLineError

    path = os.fspath(args.eurostat)
    try:
        check_readable(path)
    except FileProblem as problem:
        raise CommandLineError(f"--eurostat {problem}") from None
    # Only the applicant type asked for is kept while reading: less to hold, less to scan.
    data = core.read_eurostat(path, asyl_app=[args.asyl_app])
    table = europe_table(
        data, args.year if args.year is not None else args.period, asyl_app=args.asyl_app, top=args.top,
        language=args.lang,
    )  # fmt: skip
    if args.format == "html":
        return table.to_html()
    if args.format == "csv":
        return table.to_csv()
    if args.format == "json":
        return table.to_json()
    return table.to_markdown()
