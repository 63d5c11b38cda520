"""The Python API is the C++ API: a walk over both that fails on any difference not documented.

The C++ side is read from the public headers (``include/kerncijfers/*.hpp``): every
``struct``, ``class``, ``enum class``, function, constant, alias and concept at namespace
level outside ``detail``, the public members of each class and the enumerators of each enum.
The Python side is ``kerncijfers.__all__`` and the public attributes of each class. C++
``snake_case`` classes are Python ``CapWords`` classes (``iso_week`` is ``IsoWeek``); every
other name is the same in both.

Every difference is listed in ``CPP_ONLY`` or ``PYTHON_ONLY`` below with its reason, and an
entry that is no longer a difference fails too, so the tables cannot rot. A rename is done in
both languages, or it is an entry here. ``docs/api/python.rst`` summarises the same rules.
"""

from __future__ import annotations

import enum
import inspect
import re
from dataclasses import dataclass, field
from pathlib import Path

import kerncijfers as kc
import pytest

HEADERS = Path(__file__).resolve().parents[2] / "include" / "kerncijfers"

# ----------------------------------------------------------------------------------------
# The documented differences. Keys: a top-level name as C++ spells it (a class in
# snake_case), or "class.member" (the class as Python spells it), or "namespace::*" for a
# whole nested namespace. Values: why.

# Reasons used by several entries.
SPAN = "C++-only: the std::span / output-range form; Python passes numpy arrays to the function of the same name"
TEXT = "C++-only: a text helper of the C++ library (text.hpp); Python has str methods, html.escape, json"
TO_STRING = "C++-only: the enum's text name; in Python the member's .name, and parse_<enum> for the way back"
LABEL = "C++-only as a free function: Python spells label(x, lang) as the method x.label(lang)"
TRAITS = "C++-only: compile-time traits and concepts for C++ templates; Python types are not templates"
INTERNAL = "C++-only: public in C++ for the other headers' and the tests' use, not part of the Python API"
DATAFRAMES = "Python-only: DataFrames (kerncijfers.pandas), defined in C++ as a method that imports it when called"

SIZE = "C++-only: the container protocol; Python has len() and bool()"
RANGE_PROTOCOL = "C++-only: the C++ range protocol (at, begin, end); Python has [], iter() and len()"
DAY_NUMBERS = "C++-only: day numbers (calendar.hpp); Python works with datetime.date (containing, first_day, last_day)"
LIMITS = "C++-only: the supported range as constants; Python reports it in the RangeError of a value outside it"
ERROR_FIELD = "C++-only as a method: the Python exception has it as an attribute of the instance, not of the class"

PHRASES = "C++-only: the phrasebook behind the renderer (phrasebook.hpp, phrases.hpp); Python renders with render_*"
CSV = "C++-only: the CSV reader (csv.hpp); Python reads files with the read_* functions, errors arrive as ValueError"
DATES = (
    "C++-only: dates known to the day, week or month (imprecise_date.hpp); Python has datetime.date and a "
    "DatePrecision beside it (Release.precision, Designation.from_precision)"
)

CBS_TABLE = (
    "C++-only: the CBS reader's result (rows, release, retrieved, ignored topics); Python's read_cbs* return its "
    "rows as a CountsTable, and cbs_bundle_retrieved gives the fetch time"
)
CBS_FORM = "C++-only: one form of the CBS reader; Python's read_cbs and read_cbs_text recognise the form themselves"
CBS_VOCABULARY = "C++-only: the CBS reader's vocabulary (titles, periods, topics), used inside read_cbs*"

CPP_ONLY: dict[str, str] = {
    # Whole headers and namespaces that Python does not mirror.
    "calendar::*": "C++-only: the calendar behind the periods (calendar.hpp); Python uses datetime.date",
    "decode_utf8": TEXT,
    "find_invalid_utf8": TEXT,
    "utf8_char": TEXT,
    "utf8_fault": TEXT,
    "escaped": TEXT,
    "json_quote": TEXT,
    "markdown_escape": TEXT,
    "quote": TEXT,
    "quote_max_characters": TEXT,
    "to_string": TO_STRING,
    "label": LABEL,
    "iso": "C++-only as a free function of a count_period: Python's Month, Quarter and Year have the method iso()",
    "departure_period_iso": "C++-only: Python's PeriodRange.iso() of a departures period; the key of the C++ messages",
    "count_period": "C++-only: a std::variant<month, quarter, year, iso_week>; Python passes a Month, a Quarter, a "
    "Year or an IsoWeek",
    "count_window": "C++-only: a window of any unit; Python passes a PeriodRange of any unit (or one period) and "
    "WindowTotal.window is a PeriodRange",
    "period": "C++-only: the class template behind the aliases iso_week, month, quarter and year (Python's classes)",
    "month_unit": TRAITS,
    "quarter_unit": TRAITS,
    "week_unit": TRAITS,
    "year_unit": TRAITS,
    "is_period_v": TRAITS,
    "is_period_unit_v": TRAITS,
    "unit_rank_v": TRAITS,
    "sum_value_t": TRAITS,
    "floating_value": TRAITS,
    "integer_value": TRAITS,
    "floating_values": TRAITS,
    "integer_values": TRAITS,
    "period_cast": "C++-only: the template behind to_month, to_quarter and to_year, which Python has",
    "panel_view": SPAN,
    "long_counts": SPAN,
    "cube_shape": SPAN,
    "top_shares_options": "C++-only: Python's top_shares takes these options as keyword arguments",
    "top_shares_output": SPAN,
    "top_shares_table": "C++-only under this name: Python's TopShares is this table",
    "rolling_options": "C++-only: Python's rolling functions take these options as keyword arguments",
    "resolve_min_periods": INTERNAL,
    "trailing_window_count": INTERNAL,
    "problem_of": INTERNAL,
    "safe_share_rule": INTERNAL,
    "counts_csv_columns": INTERNAL,
    "departures_csv_columns": INTERNAL,
    "nationality_entry": "C++-only: Nationality's table row; Python has its fields as Nationality methods",
    "all_categories": "C++-only: in Python, iterate the enum (list(Category))",
    "all_departure_modes": "C++-only: in Python, iterate the enum (list(DepartureMode))",
    "all_figure_problems": "C++-only: in Python, iterate the enum (list(FigureProblem))",
    "max_decimals": LIMITS,
    "max_percent_decimals": LIMITS,
    "max_top_nationalities": LIMITS,
    "overflow_error": "C++-only under this name: Python's is CountOverflowError (OverflowError is a Python builtin)",
    "version": "C++-only under this name: Python's is kerncijfers.__version__",
    # Members.
    "CountsTable.exact_value": "C++-only: the key figures' per-period checks ask for thousands of counts without "
    "their details; Python has try_count(...).total.value",
    "CountsTable.empty": SIZE,
    "CountsTable.size": SIZE,
    "DeparturesTable.empty": SIZE,
    "DeparturesTable.size": SIZE,
    "ObservationFlags.empty": SIZE,
    "ObservationFlags.size": SIZE,
    "SafeCountryList.empty": SIZE,
    "SafeCountryList.size": SIZE,
    "PeriodRange.at": RANGE_PROTOCOL,
    "PeriodRange.begin": RANGE_PROTOCOL,
    "PeriodRange.end": RANGE_PROTOCOL,
    "Designation.from": "C++-only under this name: from is a Python keyword, so Python says from_",
    "Designation.bounds": "C++-only: the day-number interval; Python has from_ and to as datetime.date",
    "Nationality.entry": "C++-only: the table row; Python has its fields as methods (aliases, other_codes)",
    "ParseError.input": ERROR_FIELD,
    "UnknownCode.code": ERROR_FIELD,
    "UnknownCode.suggestions": ERROR_FIELD,
    "Release.first_day_number": DAY_NUMBERS,
    "Release.from_day": DAY_NUMBERS,
    "RoundedDecimal.to_double": "C++-only under this name: Python says to_float (and float(r)), its name for a double",
    "SafeCountryList.status_on": "C++-only: the day-number overload; Python's status takes a datetime.date",
    "Series.contains": "C++-only: Python has `period in series.range`",
    "Series.has_mask": "C++-only: Python's Series.valid is always there (all True without a mask)",
    "Series.missing_at": "C++-only: Python has not series.valid[i]",
    "Share.allow_undefined": "C++-only: a constructor tag; Python's Share takes allow_undefined=True",
    # Issue 11: the reshaped middle layer.
    "csv::*": CSV,
    "check_phrases": PHRASES,
    "count_phrase_problems": PHRASES,
    "declaration_of": PHRASES,
    "describe": PHRASES,
    "fill": PHRASES,
    "first_phrase_problem": PHRASES,
    "is_placeholder_char": PHRASES,
    "parse_template": PHRASES,
    "phrase_count": PHRASES,
    "phrase_declaration": PHRASES,
    "phrase_declarations": PHRASES,
    "phrase_entry": PHRASES,
    "phrase_fault": PHRASES,
    "phrase_id": PHRASES,
    "phrase_problem": PHRASES,
    "phrase_problems": PHRASES,
    "phrase_table": PHRASES,
    "phrase_table_is_complete": PHRASES,
    "phrase_table_of": PHRASES,
    "phrase_text": PHRASES,
    "phrase_value": PHRASES,
    "say": PHRASES,
    "template_part": PHRASES,
    "imprecise_date": DATES,
    "parse_imprecise_date": DATES,
    "coarseness": DATES,
    "Release.date": DATES,
    "DatePrecision.week": "C++-only: a release may be dated by ISO week; Python's DatePrecision describes designation dates, which never are",
    "count_integer": TRAITS,
    "period_unit": TRAITS,
    "period_unit_traits": TRAITS,
    "whole_months_unit": TRAITS,
    "input_blocks": "C++-only: the block source of the streaming readers; Python reads files with read_eurostat",
    "input_blocks_options": "C++-only: the options of input_blocks (C++-only)",
    "europe_options": "C++-only: Python's europe takes these options as keyword arguments",
    # Issue 13: the CBS StatLine reader (cbs.hpp). Python reads a path, a str or records into a CountsTable.
    "cbs_data": CBS_TABLE,
    "cbs_options": "C++-only: Python's read_cbs* take table= and modified= as keyword arguments",
    "read_cbs_bundle_text": CBS_FORM,
    "read_cbs_csv": CBS_FORM,
    "read_cbs_odata_directory": CBS_FORM,
    "read_cbs_records_text": CBS_FORM,
    "cbs_nationality_title": CBS_VOCABULARY,
    "cbs_period": CBS_VOCABULARY,
    "cbs_title_kind": CBS_VOCABULARY,
    "cbs_topic": CBS_VOCABULARY,
    "cbs_topic_category": CBS_VOCABULARY,
    "cbs_topic_kind": CBS_VOCABULARY,
    "find_cbs_nationality": CBS_VOCABULARY,
    "parse_cbs_period": CBS_VOCABULARY,
    "eurostat_selection": "C++-only: Python's read_eurostat takes the selection as keyword arguments",
    "read_eurostat_blocks": "C++-only: the template on a block source; Python reads a path or a str",
    "eurostat_count_rows": "C++-only as a free function: Python spells it EurostatData.count_rows(geo)",
    "figure_header": "C++-only as a type: the base of every figure; Python has its fields (status, problem, reason, source, notes) on each figure",
}
for _unit in ("IsoWeek", "Month", "Quarter", "Year"):
    CPP_ONLY |= {
        f"{_unit}.containing_day_number": DAY_NUMBERS,
        f"{_unit}.first_day_number": DAY_NUMBERS,
        f"{_unit}.last_day_number": DAY_NUMBERS,
        f"{_unit}.min": LIMITS,
        f"{_unit}.max": LIMITS,
        f"{_unit}.per_year": TRAITS,
        f"{_unit}.unit_description": TRAITS,
    }

PYTHON_ONLY: dict[str, str] = {
    "__version__": "Python-only: the version string (C++: the KERNCIJFERS_VERSION macro and kerncijfers::version)",
    "get_include": "Python-only: where the installed headers are, for C++ code built against the package",
    "display_language": "Python-only: notebook display (kerncijfers._display)",
    "set_display_language": "Python-only: notebook display (kerncijfers._display)",
    "EuropeTable": "Python-only: the all-Europe table with its outputs (kerncijfers._europe), over C++'s europe()",
    "EuropeTableLine": "Python-only: one reporting country of EuropeTable, with names (kerncijfers._europe)",
    "EuropeTablePart": "Python-only: one part of an EuropeTableLine, with its name (kerncijfers._europe)",
    "europe_table": "Python-only: kerncijfers.europe() as an EuropeTable with names and outputs (kerncijfers._europe)",
    **{
        name: "Python-only: downloading the publishers' data into a cache (kerncijfers._fetch; C++ stays offline)"
        for name in ("fetch", "fetch_dataset", "cached_datasets", "FetchError", "FetchResult", "CacheEntry")
    },
    "CountOverflowError": "Python-only under this name: C++'s overflow_error (OverflowError is a Python builtin)",
    "MaskedInt64": "Python-only: the (values, valid) pair the rolling functions return for int64 input",
    "TopShares": "Python-only under this name: C++'s top_shares_table",
    "iso_weeks_in_year": "Python-only at the top level: C++'s calendar::iso_weeks_in_year",
    "is_missing_marker": "Python-only at the top level: C++'s csv::is_missing_marker (detail/csv.hpp), which "
    "kerncijfers.pandas shares so that a DataFrame words a missing value as the CSV readers do",
    "CountRow.is_total": "Python-only: C++ tests !row.nat (an empty optional)",
    "Category.label": "Python-only as a method: C++'s free function label(category, language)",
    "DepartureGroup.label": "Python-only as a method: C++'s free function label(departure_group, language)",
    "DepartureMode.label": "Python-only as a method: C++'s free function label(departure_mode, language)",
    "Designation.from_": "Python-only under this name: C++'s from (a Python keyword)",
    "Nationality.aliases": "Python-only as a method: C++'s nationality_entry::aliases(lang), through entry()",
    "Nationality.other_codes": "Python-only as a method: C++'s nationality_entry::other_codes, through entry()",
    "PeriodRange.unit": "Python-only: the period class of a range (C++ knows it from the template argument)",
    "Release.first_day": "Python-only: C++'s first_day_number as a datetime.date",
    "RoundedDecimal.to_float": "Python-only under this name: C++'s to_double",
    "EurostatData.count_rows": "Python-only as a method: C++'s free function eurostat_count_rows(data, geo)",
    "EurostatData.counts_table": "Python-only: C++ says counts_table::from_rows(eurostat_count_rows(data, geo))",
    "EurostatData.to_pandas": "Python-only: a pandas DataFrame of the observations",
    "Series.dtype": "Python-only: the numpy dtype of the values (C++ knows it from the template argument)",
    "Series.unit": "Python-only: the period class of a series (C++ knows it from the template argument)",
    "Series.rolling_mean": "Python-only as a method: C++'s free function rolling_mean(series, options)",
    "Series.rolling_sum": "Python-only as a method: C++'s free function rolling_sum(series, options)",
    "Series.trailing_sum": "Python-only as a method: C++'s free function trailing_sum(series, last, n, policy)",
    "Series.year_over_year": "Python-only as a method: C++'s free function year_over_year(series, policy)",
    "Series.to_pandas": DATAFRAMES,
    "Designation.from_precision": "Python-only: C++ keeps the precision in the imprecise_date (from->precision); Python has a datetime.date and its precision",
    "Designation.to_precision": "Python-only: C++ keeps the precision in the imprecise_date (to->precision); Python has a datetime.date and its precision",
}
for _cls in (
    "CountsTable", "DeparturesTable", "DistributionFigure", "SafeShareFigure", "DeparturesFigure", "InfluxFigure",
    "KeyFigures", "Series",
):  # fmt: skip
    PYTHON_ONLY[f"{_cls}.to_frame"] = DATAFRAMES

# ----------------------------------------------------------------------------------------
# The C++ side: a small reader of the headers' declarations (they are written in a plain,
# checked style: clang-format, one declaration per statement).

_KEYWORDS = {
    "alignas", "alignof", "decltype", "noexcept", "requires", "sizeof", "static_assert", "explicit",
    "return", "if", "for", "while", "switch", "throw", "typeid", "static_cast", "const_cast",
}  # fmt: skip


@dataclass
class CppClass:
    name: str
    kind: str  # "class", "struct" or "enum"
    members: set[str] = field(default_factory=set)
    bases: list[str] = field(default_factory=list)  # unqualified names of the base classes


@dataclass
class CppApi:
    names: set[str] = field(default_factory=set)  # functions, constants, aliases, concepts
    classes: dict[str, CppClass] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)  # month -> period (using month = period<...>)


def _strip(text: str) -> str:
    """The code without comments, string and character literals, and preprocessor lines."""
    text = re.sub(r'R"(\w*)\((?:.|\n)*?\)\1"', '""', text)
    out: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        if text.startswith("//", i):
            i = text.find("\n", i)
            i = len(text) if i < 0 else i
        elif text.startswith("/*", i):
            i = text.index("*/", i) + 2
        elif c == "'" and i > 0 and text[i - 1].isalnum():
            i += 1  # a digit separator (10'000), not a character literal
        elif c in "\"'":
            j = i + 1
            while text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append('""' if c == '"' else "0")
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "\n".join(line for line in "".join(out).split("\n") if not line.lstrip().startswith("#"))


def _matching(text: str, i: int, open_: str = "{", close: str = "}") -> int:
    """The index just past the bracket that closes the one at i."""
    depth = 0
    for j in range(i, len(text)):
        if text[j] == open_:
            depth += 1
        elif text[j] == close:
            depth -= 1
            if depth == 0:
                return j + 1
    raise AssertionError(f"unbalanced {open_} at {i}")


def _without_template_head(stmt: str) -> str:
    stmt = re.sub(r"\[\[.*?\]\]", " ", stmt).strip()
    while stmt.startswith("template"):
        start = stmt.index("<")
        depth = 0
        for j in range(start, len(stmt)):
            depth += {"<": 1, ">": -1}.get(stmt[j], 0)
            if depth == 0:
                stmt = stmt[j + 1 :].strip()
                break
    return stmt


def _top_level(stmt: str) -> str:
    """The statement with everything inside (), <> and {} removed."""
    out: list[str] = []
    depth = 0
    for c in stmt:
        if c in "({":
            depth += 1
            out.append(c if depth == 1 else "")
        elif c in ")}":
            depth -= 1
            out.append(c if depth == 0 else "")
        elif depth == 0:
            out.append(c)
    text = "".join(out)
    while re.search(r"<[^<>()]*>", text):
        text = re.sub(r"<[^<>()]*>", "", text)
    return text


def _declared_name(stmt: str) -> tuple[str, str] | None:
    """("function" | "value" | "type", name) of a declaration statement, or None for anything else."""
    stmt = _without_template_head(stmt)
    if not stmt or re.match(r"(friend|using\s+namespace|static_assert|typedef)\b", stmt):
        return None
    if re.search(r"\boperator\b", stmt):
        return None
    alias = re.match(r"using\s+(\w+)\s*=", stmt)
    if alias:
        return "type", alias.group(1)
    if stmt.startswith("using"):
        return None
    concept = re.match(r"concept\s+(\w+)", stmt)
    if concept:
        return "value", concept.group(1)
    if re.match(r"(\w+)\s*\(.*\)\s*->\s*\1\b", stmt, re.DOTALL):
        return None  # a deduction guide
    top = _top_level(stmt)
    before_init = re.split(r"=|\{", top, maxsplit=1)[0]
    for found in re.finditer(r"(::\s*)?([~\w]+)\s*\(", before_init):
        if found.group(2) not in _KEYWORDS:
            # A qualified name (nationality::all) defines a member declared in its class.
            return None if found.group(1) else ("function", found.group(2))
    words = re.findall(r"[~\w]+", before_init)
    return ("value", words[-1]) if words else None


def _enumerators(body: str) -> set[str]:
    return {part.split("=")[0].strip() for part in body.strip("{}").split(",") if part.strip()}


def read_cpp_api() -> CppApi:
    api = CppApi()
    for header in sorted(HEADERS.glob("*.hpp")):
        _read_scope(_strip(header.read_text(encoding="utf-8")), api)
    # A class has the public members of its bases (every figure derives from figure_header).
    by_name = {name.split("::")[-1]: cls for name, cls in api.classes.items()}
    for cls in api.classes.values():
        for base in cls.bases:
            if base in by_name:
                cls.members |= by_name[base].members
    return api


def _read_scope(text: str, api: CppApi) -> None:
    # A stack of open scopes: ("namespace", qualified name) or ("class", CppClass, public?).
    scopes: list[tuple[str, object, bool]] = [("namespace", "", True)]
    stmt = ""
    i = 0

    def visible() -> str | None:
        """The qualified prefix of a public namespace-level declaration here, else None."""
        kind, name, _ = scopes[-1]
        if kind != "namespace":
            return None
        assert isinstance(name, str)
        parts = name.split("::")
        if not parts or parts[0] != "kerncijfers" or "detail" in parts:
            return None
        return "".join(p + "::" for p in parts[1:])

    def declare(statement: str) -> None:
        declared = _declared_name(statement)
        if declared is None:
            return
        kind, name = declared
        prefix = visible()
        if prefix is not None:
            api.names.add(prefix + name)
            target = re.match(r"\s*using\s+\w+\s*=\s*([\w:]+)\s*<", _without_template_head(statement))
            if kind == "type" and target:
                api.aliases[prefix + name] = target.group(1).removeprefix("kerncijfers::")
            return
        scope_kind, owner, public = scopes[-1]
        if scope_kind == "class" and public and isinstance(owner, CppClass) and kind != "type":
            if name.lstrip("~") != owner.name:  # constructors and destructor
                owner.members.add(name)

    while i < len(text):
        c = text[i]
        if c == "{":
            paren_depth = stmt.count("(") - stmt.count(")")
            head = _without_template_head(stmt)
            namespace = re.match(r"(?:inline\s+)?namespace\s*([\w:]*)\s*$", head)
            record = re.search(r"(?:^|[\s)>])(?:enum\s+(?:class|struct)|class|struct)\s+(\w+)\s*(?::[^{]*)?$", head)
            if paren_depth > 0 or (re.search(r"=\s*$|\w\s*$|,\s*$", head) and not namespace and not record
                                   and "(" not in _top_level(head)):  # fmt: skip
                end = _matching(text, i)  # an initialiser or a lambda: part of the statement
                stmt += " {} "
                i = end
                continue
            if namespace:
                outer = scopes[-1][1]
                assert isinstance(outer, str)
                scopes.append(("namespace", (outer + "::" if outer else "") + namespace.group(1), True))
                stmt, i = "", i + 1
                continue
            if record:
                kind = (
                    "enum" if re.search(r"\benum\s", head) else ("class" if re.search(r"\bclass\s", head) else "struct")
                )
                cls = CppClass(record.group(1), kind)
                base_list = head[record.end(1) :].lstrip()
                if base_list.startswith(":") and kind != "enum":
                    for base in base_list[1:].split(","):
                        words = re.sub(r"\b(public|protected|private|virtual)\b", "", base).strip()
                        cls.bases.append(words.split("::")[-1].strip())
                prefix = visible()
                if prefix is not None:
                    api.classes[prefix + cls.name] = cls
                if kind == "enum":
                    end = _matching(text, i)
                    cls.members = _enumerators(text[i:end])
                    stmt, i = "", end
                    continue
                scopes.append(("class", cls, kind == "struct"))
                stmt, i = "", i + 1
                continue
            declare(stmt)  # a function with its body
            stmt, i = "", _matching(text, i)
            continue
        if c == "}":
            scopes.pop()
            stmt, i = "", i + 1
            continue
        if c == ";":
            head = _without_template_head(stmt)
            forward = re.match(r"(?:class|struct)\s+(\w+)\s*$", head)
            if forward:
                prefix = visible()
                if prefix is not None and prefix + forward.group(1) not in api.classes:
                    api.classes[prefix + forward.group(1)] = CppClass(forward.group(1), head.split()[0])
            elif head:
                declare(stmt)
            stmt, i = "", i + 1
            continue
        if c == ":" and scopes[-1][0] == "class" and stmt.strip() in ("public", "private", "protected"):
            kind, owner, _ = scopes[-1]
            scopes[-1] = (kind, owner, stmt.strip() == "public")
            stmt, i = "", i + 1
            continue
        stmt += c
        i += 1


def python_class_name(cpp: str) -> str:
    """iso_week -> IsoWeek; a nested namespace keeps its prefix (calendar::civil_date)."""
    prefix, _, name = cpp.rpartition("::")
    return (prefix + "::" if prefix else "") + "".join(part[:1].upper() + part[1:] for part in name.split("_"))


# ----------------------------------------------------------------------------------------
# The Python side


def _inherited(cls: type) -> set[str]:
    """Public names a class gets from a Python base it does not define (object, Enum, Exception)."""
    names: set[str] = set()
    for base in cls.__mro__[1:]:
        if base.__module__ in ("builtins", "enum"):
            names |= set(dir(base))
    return names


def python_members(cls: type) -> set[str]:
    if issubclass(cls, enum.Enum):
        return set(cls.__members__) | ({n for n in vars(cls) if not n.startswith("_")} - set(dir(enum.Enum)))
    return {n for n in dir(cls) if not n.startswith("_")} - _inherited(cls)


# ----------------------------------------------------------------------------------------
# The walk


def _differences() -> tuple[set[str], set[str]]:
    """(C++ names Python lacks, Python names C++ lacks), in the keys of the tables."""
    api = read_cpp_api()
    python_top = set(kc.__all__)
    # A C++ name is in Python under its own name or, for a class or an alias of a class
    # template (using month = period<month_unit>), in CapWords.
    classes = {name: cls for name, cls in api.classes.items()}
    classes |= {alias: api.classes[target] for alias, target in api.aliases.items() if target in api.classes}
    python_name = {name: python_class_name(name) if name in classes else name for name in api.names | set(classes)}
    cpp_only = {name for name, py in python_name.items() if py not in python_top}
    python_only = python_top - set(python_name.values())
    for cpp_name, cls in classes.items():
        py_name = python_name[cpp_name]
        if py_name not in python_top:
            continue
        py_cls = getattr(kc, py_name)
        assert inspect.isclass(py_cls), py_name
        mine = python_members(py_cls)
        cpp_only |= {f"{py_name}.{m}" for m in cls.members - mine}
        python_only |= {f"{py_name}.{m}" for m in mine - cls.members}
    return cpp_only, python_only


def _covered(name: str, table: dict[str, str]) -> bool:
    return name in table or any(key.endswith("::*") and name.startswith(key[:-1]) for key in table)


def test_the_header_reader_sees_the_api() -> None:
    # Guards the reader itself: names of each kind it must find, and a detail name it must not.
    api = read_cpp_api()
    assert {"rounded_decimal", "period", "rounding_mode", "counts_table"} <= set(api.classes)
    assert api.aliases["iso_week"] == "period" and "iso_week" in api.names
    assert api.classes["rounding_mode"].members == {"half_up", "half_even", "floor", "ceiling"}
    assert {"format", "units", "decimals", "from_ratio", "to_double"} <= api.classes["rounded_decimal"].members
    assert {"round_ratio", "largest_remainder", "parse_rounding_mode", "max_decimals"} <= api.names
    assert not any(name.startswith("detail::") or name == "round_quotient" for name in api.names)


def test_every_difference_between_cpp_and_python_is_documented() -> None:
    cpp_only, python_only = _differences()
    undocumented = sorted(f"C++ only: {n}" for n in cpp_only if not _covered(n, CPP_ONLY)) + sorted(
        f"Python only: {n}" for n in python_only if not _covered(n, PYTHON_ONLY)
    )
    assert not undocumented, "undocumented differences (add them to the tables with a reason, or fix them):\n" + (
        "\n".join(undocumented)
    )


@pytest.mark.parametrize(
    ("table", "side"), [(CPP_ONLY, "C++"), (PYTHON_ONLY, "Python")], ids=["cpp_only", "python_only"]
)
def test_no_documented_difference_is_stale(table: dict[str, str], side: str) -> None:
    cpp_only, python_only = _differences()
    differences = cpp_only if side == "C++" else python_only
    stale = sorted(
        key
        for key in table
        if not (any(n.startswith(key[:-1]) for n in differences) if key.endswith("::*") else key in differences)
    )
    assert not stale, f"{side}-only entries that are no longer differences (remove them): {stale}"
    assert all(reason.startswith(f"{side}-only") for reason in table.values())


def test_all_is_the_compiled_core_plus_the_python_layer() -> None:
    # __all__ is written once; the star import brings the core's names. They must agree.
    core = {name for name in dir(kc._core) if not name.startswith("_")}
    python_layer = {"__version__", "get_include", "display_language", "set_display_language"}
    python_layer |= {"EuropeTable", "EuropeTableLine", "EuropeTablePart", "europe_table"}
    python_layer |= {"fetch", "fetch_dataset", "cached_datasets", "FetchError", "FetchResult", "CacheEntry"}
    assert set(kc.__all__) == core | python_layer
    assert len(kc.__all__) == len(set(kc.__all__))
    assert all(hasattr(kc, name) for name in kc.__all__)


def test_same_call_same_text() -> None:
    # str() is C++'s operator<< and format/label/iso are the C++ functions, with their defaults.
    assert str(kc.RoundedDecimal(7690, 0)) == "7690" == kc.RoundedDecimal(7690, 0).format()
    assert str(kc.RoundedDecimal(596, 1)) == "59.6"
    assert str(kc.Release()) == "undated" and kc.Release().iso() == ""
    assert str(kc.Release.parse("2021-W30")) == "2021-W30"
    assert str(kc.Month(2021, 5)) == "2021-05" == kc.Month(2021, 5).iso()
    assert str(kc.trailing(kc.Month(2021, 5), 12)) == "2020-06/2021-05"
    assert str(kc.Nationality("SYR")) == "SYR"
    assert str(kc.Share(1, 3)) == "1/3"


def test_names_are_made_at_the_source() -> None:
    # Created as kerncijfers.X (pybind11 takes __module__ from the module's __module__), not
    # renamed afterwards; the Python layer's methods are pybind11 methods of the class.
    for name in ("Month", "RoundedDecimal", "Series", "CountsTable", "RoundingMode", "Category"):
        assert getattr(kc, name).__module__ == "kerncijfers", name
    assert kc.round_ratio.__module__ == "kerncijfers"
    assert kc.InvalidInput.__module__ == "kerncijfers"
    for cls, method in ((kc.CountsTable, "to_frame"), (kc.Series, "to_pandas"), (kc.KeyFigures, "_repr_html_")):
        assert type(vars(cls)[method]).__name__ == "instancemethod", (cls, method)  # a pybind11 method
        assert "kerncijfers" in (getattr(cls, method).__doc__ or "") or method.startswith("_"), (cls, method)
    assert kc.Category.label.__doc__ and "first asylum applications" in kc.Category.label.__doc__
