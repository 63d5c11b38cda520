#!/usr/bin/env python3
"""Builds the nationality table of kerncijfers.

Two steps, both run by default:

1. ``csv``: reads ISO 3166-1 from Debian's iso-codes package (English names from the
   JSON file, Dutch names from the gettext catalogue), applies the override tables in
   ``data/`` and adds the codes statistics use that ISO 3166-1 lacks, then writes
   ``data/nationalities.csv``.
2. ``header``: reads ``data/nationalities.csv`` only and writes the C++ table
   ``include/kerncijfers/detail/nationality_table.hpp`` with every lookup key, after
   checking that no key names two nationalities.

Step 2 needs nothing but the CSV, so the header can be rebuilt on a machine without
iso-codes (``--step header``). ``--check`` writes nothing and fails when a committed file
differs from what the script would write.

The key normalisation here (``normalise`` for names, ``code_key`` for codes) must match
``detail::normalise_nationality_key`` and ``detail::find_row`` in
``include/kerncijfers/nationality.hpp``; the C++ tests check that every name and alias in
the table normalises to the key written here, and that every code and name finds its row.
"""

from __future__ import annotations

import argparse
import csv
import gettext
import io
import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
CSV_OUT = DATA / "nationalities.csv"
HEADER_OUT = ROOT / "include" / "kerncijfers" / "detail" / "nationality_table.hpp"

ISO_CODES_JSON = Path("/usr/share/iso-codes/json")
ISO_CODES_NL = Path("/usr/share/locale/nl/LC_MESSAGES")

KINDS = {"iso": 0, "statistical": 1, "former": 2}
CSV_COLUMNS = [
    "alpha3",
    "alpha2",
    "numeric",
    "kind",
    "name_en",
    "name_nl",
    "aliases_en",
    "aliases_nl",
    "other_codes",
    "source_en",
    "source_nl",
]
LIST_SEPARATOR = "|"

# Words dropped from a name of more than one word, so that "Bosnia and Herzegovina",
# "Bosnia & Herzegovina" and "Bosnia-Herzegovina" meet. Never dropped from a one-word
# text: "DE" is Germany and "AND" is Andorra.
STOPWORDS = frozenset({"and", "en", "the", "de", "het"})

# Letters of U+00C0..U+017F whose base letter is not what NFKD leaves behind.
SPECIAL_FOLDS = {
    "Æ": "ae",
    "æ": "ae",
    "Ð": "d",
    "ð": "d",
    "Ø": "o",
    "ø": "o",
    "Þ": "th",
    "þ": "th",
    "ß": "ss",
    "Đ": "d",
    "đ": "d",
    "Ħ": "h",
    "ħ": "h",
    "ı": "i",
    "Ĳ": "ij",
    "ĳ": "ij",
    "ĸ": "k",
    "Ŀ": "l",
    "ŀ": "l",
    "Ł": "l",
    "ł": "l",
    "ŉ": "n",
    "Ŋ": "n",
    "ŋ": "n",
    "Œ": "oe",
    "œ": "oe",
    "Ŧ": "t",
    "ŧ": "t",
    "ſ": "s",
    "×": "",
    "÷": "",
}


def fold_latin(ch: str) -> str:
    """Base letters (lower case) of a letter in U+00C0..U+017F; "" for × and ÷."""
    if ch in SPECIAL_FOLDS:
        return SPECIAL_FOLDS[ch]
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if c.isascii() and c.isalpha())
    if not base:
        raise ValueError(f"no base letter for {ch!r} (U+{ord(ch):04X})")
    return base.lower()


# Punctuation real names carry between words: ASCII - , ' ( ) . & and the typographic
# apostrophes and dashes. Any other character (a digit, #, /, ?, other symbols, control
# characters, letters outside U+00C0..U+017F) is in no name: lookup refuses a text with one.
NAME_PUNCTUATION = frozenset("-,'().&\u2010\u2011\u2012\u2013\u2014\u2015\u2018\u2019")
# ASCII white space and the Unicode spaces (U+00A0, U+1680, U+2000..U+200A, U+2028,
# U+2029, U+202F, U+205F, U+3000).
SPACES = frozenset(
    " \t\n\v\f\r\u00a0\u1680\u2028\u2029\u202f\u205f\u3000" + "".join(chr(c) for c in range(0x2000, 0x200B))
)


def normalise(text: str) -> str:
    """The lookup key of a name: its words folded to lower-case ASCII letters and joined.

    Raises ValueError for a character that lookup refuses in a name (see
    ``nationality.hpp``): a name the lookup could never find must not enter the table.
    """
    tokens: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            tokens.append("".join(current))
            current.clear()

    for ch in text:
        cp = ord(ch)
        if ch.isascii() and ch.isalpha():
            current.append(ch.lower())
        elif 0xC0 <= cp <= 0x17F and SPECIAL_FOLDS.get(ch) != "":
            current.append(fold_latin(ch))
        elif 0x300 <= cp <= 0x36F:
            pass  # combining marks (decomposed diacritics) are dropped
        elif ch in SPACES or ch in NAME_PUNCTUATION:
            flush()
        else:
            raise ValueError(f"{text!r}: lookup refuses the character {ch!r} (U+{cp:04X}) in a name")
    flush()
    if len(tokens) > 1:
        tokens = [t for t in tokens if t not in STOPWORDS]
    return "".join(tokens)


def code_key(code: str) -> str:
    """The lookup key of a code: lookup takes a code only as itself, in any case."""
    if code.isascii() and (code.isalpha() or (code.isdigit() and len(code) <= 3)):
        return code.lower()
    raise ValueError(f"{code!r} is not a code: ASCII letters, or at most three digits")


def split_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(LIST_SEPARATOR) if part.strip()]


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def add_unique(names: list[str], candidates: list[str], taken: set[str]) -> None:
    """Appends the candidates whose key is not taken yet (keeps the first spelling)."""
    for name in candidates:
        key = normalise(name)
        if key and key not in taken:
            taken.add(key)
            names.append(name)


# ----------------------------------------------------------------------------- step 1


def build_rows() -> list[dict[str, str]]:
    with (ISO_CODES_JSON / "iso_3166-1.json").open(encoding="utf-8") as f:
        iso = json.load(f)["3166-1"]
    with (ISO_CODES_JSON / "iso_3166-3.json").open(encoding="utf-8") as f:
        iso3 = {e["alpha_3"]: e for e in json.load(f)["3166-3"]}
    with (ISO_CODES_NL / "iso_3166-1.mo").open("rb") as f:
        nl = gettext.GNUTranslations(f)

    def dutch(text: str) -> list[str]:
        # Some catalogue entries hold alternatives separated by "; ".
        return [part.strip() for part in nl.gettext(text).split(";") if part.strip()]

    if len(iso) != 249:
        raise SystemExit(f"expected 249 ISO 3166-1 entries in iso-codes, found {len(iso)}")

    en_overrides = {r["alpha3"]: r for r in read_csv(DATA / "nationality_names_en_overrides.csv")}
    nl_overrides = {r["alpha3"]: r for r in read_csv(DATA / "nationality_names_nl_overrides.csv")}
    code_aliases = read_csv(DATA / "nationality_code_aliases.csv")

    rows: dict[str, dict[str, str]] = {}
    for e in iso:
        alpha3 = e["alpha_3"]
        iso_en = [e.get("common_name"), e["name"], e.get("official_name")]
        iso_en = [n for n in iso_en if n]
        iso_nl = [part for n in iso_en for part in dutch(n)]
        name_en, source_en = iso_en[0], "iso-codes " + ("common_name" if "common_name" in e else "name")
        name_nl, source_nl = (
            iso_nl[0],
            "iso-codes nl translation of " + ("common_name" if "common_name" in e else "name"),
        )
        extra_en: list[str] = []
        extra_nl: list[str] = []

        if alpha3 in en_overrides:
            o = en_overrides.pop(alpha3)
            if o["iso_codes_name_en"] != name_en:
                raise SystemExit(
                    f"{alpha3}: iso-codes now says {name_en!r} in English, the override "
                    f"table was written against {o['iso_codes_name_en']!r}: review the override"
                )
            if o["name_en"] != name_en:
                name_en, source_en = o["name_en"], "nationality_names_en_overrides.csv"
            else:
                source_en += " (pinned in nationality_names_en_overrides.csv)"
            extra_en = split_list(o["aliases_en"])
        if alpha3 in nl_overrides:
            o = nl_overrides.pop(alpha3)
            if o["iso_codes_name_nl"] != name_nl:
                raise SystemExit(
                    f"{alpha3}: iso-codes now says {name_nl!r} in Dutch, the override "
                    f"table was written against {o['iso_codes_name_nl']!r}: review the override"
                )
            if o["name_nl"] != name_nl:
                name_nl, source_nl = o["name_nl"], "nationality_names_nl_overrides.csv"
            else:
                source_nl += " (pinned in nationality_names_nl_overrides.csv)"
            extra_nl = split_list(o["aliases_nl"])

        aliases_en: list[str] = []
        aliases_nl: list[str] = []
        add_unique(aliases_en, iso_en + extra_en, {normalise(name_en)})
        add_unique(aliases_nl, iso_nl + extra_nl, {normalise(name_nl)})
        rows[alpha3] = {
            "alpha3": alpha3,
            "alpha2": e["alpha_2"],
            "numeric": e["numeric"],
            "kind": "iso",
            "name_en": name_en,
            "name_nl": name_nl,
            "aliases_en": aliases_en,
            "aliases_nl": aliases_nl,
            "other_codes": [],
            "source_en": source_en,
            "source_nl": source_nl,
        }
    if en_overrides or nl_overrides:
        raise SystemExit(f"overrides for codes not in ISO 3166-1: {sorted(en_overrides) + sorted(nl_overrides)}")

    for r in read_csv(DATA / "nationality_extra_codes.csv"):
        alpha3 = r["alpha3"]
        if alpha3 in rows:
            raise SystemExit(f"{alpha3} from nationality_extra_codes.csv is already an ISO 3166-1 code")
        if r["kind"] == "former":
            e = iso3.get(alpha3)
            if e is None or e["alpha_2"] != r["alpha2"] or e.get("numeric", "") != r["numeric"]:
                raise SystemExit(f"{alpha3}: codes differ from ISO 3166-3 in iso-codes ({e})")
        elif r["kind"] != "statistical":
            raise SystemExit(f"{alpha3}: kind must be former or statistical, not {r['kind']!r}")
        aliases_en: list[str] = []
        aliases_nl: list[str] = []
        add_unique(aliases_en, split_list(r["aliases_en"]), {normalise(r["name_en"])})
        add_unique(aliases_nl, split_list(r["aliases_nl"]), {normalise(r["name_nl"])})
        rows[alpha3] = {
            "alpha3": alpha3,
            "alpha2": r["alpha2"],
            "numeric": r["numeric"],
            "kind": r["kind"],
            "name_en": r["name_en"],
            "name_nl": r["name_nl"],
            "aliases_en": aliases_en,
            "aliases_nl": aliases_nl,
            "other_codes": [],
            "source_en": "nationality_extra_codes.csv",
            "source_nl": "nationality_extra_codes.csv",
        }

    for r in code_aliases:
        if r["alpha3"] not in rows:
            raise SystemExit(f"code alias {r['code']} names unknown alpha-3 {r['alpha3']}")
        rows[r["alpha3"]]["other_codes"].append(r["code"])

    out = []
    for alpha3 in sorted(rows):
        row = dict(rows[alpha3])
        for column in ("aliases_en", "aliases_nl", "other_codes"):
            row[column] = LIST_SEPARATOR.join(row[column])
        out.append(row)
    return out


def render_csv(rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


# ----------------------------------------------------------------------------- step 2


def build_keys(rows: list[dict[str, str]]):
    """Every lookup key with its row and origin (0 code, 1 English name, 2 Dutch name).

    A key that would name two rows is an error, except alpha-2 and numeric codes that
    ISO 3166-3 gave to two former states (CS, 891): those are left out of the lookup
    and reported as ambiguous.
    """
    claims: dict[str, dict[int, int]] = defaultdict(dict)  # key -> row -> origin
    code_claims: dict[str, set[int]] = defaultdict(set)
    name_keys: set[str] = set()

    def claim(key: str, index: int, origin: int, text: str) -> None:
        if len(key) < 2:
            raise SystemExit(
                f"{rows[index]['alpha3']}: {text!r} has the lookup key {key!r}; "
                f"lookup never matches fewer than two letters"
            )
        if not all(c.isascii() and (c.islower() or c.isdigit()) for c in key):
            raise SystemExit(f"{rows[index]['alpha3']}: key {key!r} of {text!r} is not ASCII a-z0-9")
        claims[key].setdefault(index, origin)

    for index, row in enumerate(rows):
        codes = [row["alpha3"], row["alpha2"], row["numeric"]] + split_list(row["other_codes"])
        for code in filter(None, codes):
            try:
                key = code_key(code)
            except ValueError as error:
                raise SystemExit(f"{row['alpha3']}: {error}") from None
            claim(key, index, 0, code)
            code_claims[key].add(index)
        for origin, column, aliases in ((1, "name_en", "aliases_en"), (2, "name_nl", "aliases_nl")):
            for name in [row[column]] + split_list(row[aliases]):
                try:
                    key = normalise(name)
                except ValueError as error:
                    raise SystemExit(f"{row['alpha3']}: {error}") from None
                claim(key, index, origin, name)
                name_keys.add(key)

    keys = []
    ambiguous = []
    errors = []
    for key in sorted(claims):
        owners = claims[key]
        # A name is found only as a name key: one whose key is also a code would be lost.
        if key in code_claims and key in name_keys:
            errors.append(f"key {key!r} is both a code and a name")
            continue
        if len(owners) == 1:
            ((index, origin),) = owners.items()
            keys.append((key, index, origin))
            continue
        former_codes = code_claims.get(key, set()) == set(owners) and all(rows[i]["kind"] == "former" for i in owners)
        if former_codes and len(owners) == 2:
            ambiguous.append((key, sorted(owners)))
        else:
            errors.append(f"key {key!r} names " + ", ".join(rows[i]["alpha3"] for i in sorted(owners)))
    if errors:
        raise SystemExit("ambiguous lookup keys:\n  " + "\n  ".join(errors))
    return keys, ambiguous


def cpp_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_header(rows: list[dict[str, str]]) -> str:
    for row in rows:
        if len(row["alpha3"]) != 3 or not row["alpha3"].isascii() or not row["alpha3"].isupper():
            raise SystemExit(f"bad alpha-3 code {row['alpha3']!r}")
        if row["kind"] not in KINDS:
            raise SystemExit(f"{row['alpha3']}: bad kind {row['kind']!r}")
    if [r["alpha3"] for r in rows] != sorted(r["alpha3"] for r in rows):
        raise SystemExit("nationalities.csv must be sorted by alpha3")
    keys, ambiguous = build_keys(rows)

    strings: list[str] = []
    row_lines = []
    for row in rows:
        spans = []
        for column in ("aliases_en", "aliases_nl", "other_codes"):
            items = split_list(row[column])
            spans += [str(len(strings)), str(len(items))]
            strings += items
        numeric = str(int(row["numeric"])) if row["numeric"] else "0"
        row_lines.append(
            "    {"
            + ", ".join(
                [
                    cpp_string(row["alpha3"]),
                    cpp_string(row["alpha2"]),
                    numeric,
                    str(KINDS[row["kind"]]),
                    cpp_string(row["name_en"]),
                    cpp_string(row["name_nl"]),
                ]
                + spans
            )
            + "},"
        )

    out = []
    out.append("// Generated by tools/generate_nationality_table.py from data/nationalities.csv.")
    out.append("// Do not edit: change the CSV inputs in data/ and run the script again.")
    out.append("#pragma once")
    out.append("/// \\file nationality_table.hpp")
    out.append("/// The nationality table as C++ data (generated; see data/nationalities.md for the")
    out.append("/// sources). Used by nationality.hpp only.")
    out.append("")
    out.append("#include <array>")
    out.append("#include <cstdint>")
    out.append("#include <string_view>")
    out.append("")
    out.append("namespace kerncijfers::detail {")
    out.append("")
    out.append("/// One row of data/nationalities.csv. The alias and code lists are ranges")
    out.append("/// (first, count) of `nationality_strings`.")
    out.append("struct nationality_row {")
    out.append("  std::string_view alpha3;")
    out.append("  std::string_view alpha2;")
    out.append("  std::uint16_t numeric;  // 0: none")
    out.append("  std::uint8_t kind;      // 0 iso, 1 statistical, 2 former")
    out.append("  std::string_view name_en;")
    out.append("  std::string_view name_nl;")
    out.append("  std::uint16_t aliases_en_first, aliases_en_count;")
    out.append("  std::uint16_t aliases_nl_first, aliases_nl_count;")
    out.append("  std::uint16_t other_codes_first, other_codes_count;")
    out.append("};")
    out.append("")
    out.append("/// A normalised lookup key, sorted bytewise; origin 0 = a code, 1 = an English")
    out.append("/// name, 2 = a Dutch name.")
    out.append("struct nationality_key {")
    out.append("  std::string_view key;")
    out.append("  std::uint16_t row;")
    out.append("  std::uint8_t origin;")
    out.append("};")
    out.append("")
    out.append("/// A code that two former states held (ISO 3166-3): not a lookup key.")
    out.append("struct nationality_ambiguous_key {")
    out.append("  std::string_view key;")
    out.append("  std::array<std::uint16_t, 2> rows;")
    out.append("};")
    out.append("")
    out.append(f"inline constexpr std::array<std::string_view, {len(strings)}> nationality_strings{{{{")
    out += [f"    {cpp_string(s)}," for s in strings]
    out.append("}};")
    out.append("")
    out.append(f"inline constexpr std::array<nationality_row, {len(rows)}> nationality_rows{{{{")
    out += row_lines
    out.append("}};")
    out.append("")
    out.append(f"inline constexpr std::array<nationality_key, {len(keys)}> nationality_keys{{{{")
    out += [f"    {{{cpp_string(k)}, {i}, {o}}}," for k, i, o in keys]
    out.append("}};")
    out.append("")
    out.append(
        f"inline constexpr std::array<nationality_ambiguous_key, {len(ambiguous)}> nationality_ambiguous_keys{{{{"
    )
    out += [f"    {{{cpp_string(k)}, {{{a}, {b}}}}}," for k, (a, b) in ambiguous]
    out.append("}};")
    out.append("")
    out.append("}  // namespace kerncijfers::detail")
    out.append("")
    return "\n".join(out)


# ----------------------------------------------------------------------------- main


def write(path: Path, text: str, check: bool) -> bool:
    old = path.read_text(encoding="utf-8") if path.exists() else None
    if old == text:
        return True
    if check:
        print(f"{path.relative_to(ROOT)} is out of date", file=sys.stderr)
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}")
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--step", choices=["all", "csv", "header"], default="all")
    parser.add_argument("--check", action="store_true", help="write nothing; fail when a file is out of date")
    args = parser.parse_args()
    ok = True
    csv_text = None
    if args.step in ("all", "csv"):
        try:
            csv_text = render_csv(build_rows())
        except ValueError as error:  # a name from iso-codes or an override that lookup would refuse
            raise SystemExit(str(error)) from None
        ok &= write(CSV_OUT, csv_text, args.check)
    if args.step in ("all", "header"):
        source = csv_text if csv_text is not None else CSV_OUT.read_text(encoding="utf-8")
        rows = list(csv.DictReader(io.StringIO(source)))
        ok &= write(HEADER_OUT, render_header(rows), args.check)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
