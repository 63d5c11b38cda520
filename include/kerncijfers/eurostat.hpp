#pragma once
/// \file eurostat.hpp
/// Eurostat's asylum data (`migr_asyappctzm` monthly, `migr_asyappctza` annual: applicants by
/// citizenship, with the dimensions freq, unit, citizen, sex, age, asyl_app, geo and the
/// period) read as Eurostat and its client packages write it, into columns of observations.
///
/// Layouts, recognised from the header line:
///   - `bulk_tsv`, Eurostat's bulk download: the first header cell holds the dimension names,
///     comma-separated, the last one followed by `\TIME_PERIOD` (older files: `\time`); then
///     one tab-separated column per period (a header cell may end in spaces). A data line
///     starts with the dimension codes, comma-separated, then one value per period: a whole
///     number, optionally followed by spaces and flag letters (`1234 p`, `12 ep`), or `:` for
///     a missing value, also with flags (`: c`, `:c`). Trailing spaces are ignored.
///   - `sdmx_csv`, SDMX-CSV 1.0 from Eurostat's API: `DATAFLOW,LAST UPDATE,freq,...,TIME_PERIOD,
///     OBS_VALUE,OBS_FLAG[,CONF_STATUS]`. DATAFLOW (`ESTAT:MIGR_ASYAPPCTZM(1.0)`) names the
///     dataset; LAST UPDATE (`22/05/26 11:00:00`, day/month/two-digit year, or an ISO date)
///     is the release.
///   - `sdmx_csv_2`, SDMX-CSV 2.0: `STRUCTURE,STRUCTURE_ID,ACTION,freq,...`; STRUCTURE_ID names
///     the dataset; ACTION must be I, A or R (a D row deletes data and is refused).
///   - `tidy_csv`, the long CSV of the `eurostat` R and Python packages:
///     `freq,citizen,sex,unit,age,asyl_app,geo,time,values` (optionally `flags`); `time` may
///     be a date (`2021-01-01`) whose unit the `freq` column gives; a missing value is `NA`.
/// In the CSV layouts columns are found by name (dimension names in any case and order);
/// fields may be quoted (RFC 4180, `""` for a quote) but a line break inside a quoted field
/// is refused (Eurostat's codes never hold one); a missing value is an empty field, `:`,
/// `NA` or `NaN`; upper-case columns the reader does not know are SDMX attributes and are
/// ignored there; any other unknown column is refused (it could be a dimension, and rows
/// that differ only in it would collide). All layouts: a UTF-8 byte order mark, CRLF line
/// ends and empty lines are accepted.
///
/// Periods: `2021` (year), `2021-05` and `2021M05` (month), `2021-Q2` and `2021Q2`
/// (quarter), and in the tidy layout dates (`2021-01-01` with freq A, `2021-04-01` with Q,
/// `2021-05-01` with M: the first day of the period). A freq column must agree with each
/// period's unit. Each distinct period text is parsed once.
///
/// Selections (`eurostat_selection`) are applied while reading, before a row is parsed any
/// further than the dimension code that drops it: the raw bytes of a field are compared with
/// the few wanted codes. sex, age and unit each select one code (Eurostat's defaults for the
/// key figures: T, TOTAL, PER); a file without that column has one value of it and is not
/// filtered on it. geo, citizen, asyl_app and freq select any of a list (empty: all); periods
/// likewise. Rows that the selection drops are checked only up to that code.
///
/// Streaming: `read_eurostat_blocks` reads from a block source, any object with
/// `std::span<const char> next()` returning the next bytes (empty at the end; a line may be
/// split across blocks anywhere), so the file is never held whole; only the kept observations
/// are. The result is canonical: dictionaries sorted (codes by bytes, periods by unit then
/// time), observations sorted by geo, asyl_app, citizen and period, so that one data set in
/// any layout reads to the same columns.
///
/// Errors name the file, the line, the column (number and header name) and the value:
/// `csv::format_error` for an unknown layout (quoting the header), a missing required column
/// (citizen, geo, asyl_app, the period and the value), a wrong number of fields, an unclosed
/// quote, an over-long line, an empty input; `csv::value_error` for a value that is not a
/// whole number (`12x`, `-5`, `1.5`; `24755.0` is accepted: exact), one beyond 64 bits, an
/// unknown flag character (flags are the letters a-z), a period that does not parse or does
/// not match freq, a code that is not printable ASCII, a LAST UPDATE that is not a date;
/// `invalid_input` for a duplicate observation (same codes and period twice; both lines
/// named), for codes beyond the dictionaries' sizes, a file that mixes datasets, and an
/// empty sex/age/unit selection.
///
/// Counts are rounded by Eurostat to multiples of 5: `eurostat_data::source_multiple`
/// records it (5); this reader does not check it (a consistency check elsewhere does).

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "kerncijfers/category.hpp"
#include "kerncijfers/count_period.hpp"
#include "kerncijfers/counts.hpp"
#include "kerncijfers/csv.hpp"
#include "kerncijfers/errors.hpp"
#include "kerncijfers/eurostat_codes.hpp"
#include "kerncijfers/input_blocks.hpp"
#include "kerncijfers/observation_flags.hpp"
#include "kerncijfers/period.hpp"
#include "kerncijfers/release.hpp"
#include "kerncijfers/text.hpp"

namespace kerncijfers {

/// How a Eurostat file is laid out (see the file comment).
enum class eurostat_layout : std::uint8_t {
  bulk_tsv,    ///< Eurostat's bulk download TSV (`...,geo\TIME_PERIOD` then one column per period)
  sdmx_csv,    ///< SDMX-CSV 1.0 (`DATAFLOW,LAST UPDATE,...`)
  sdmx_csv_2,  ///< SDMX-CSV 2.0 (`STRUCTURE,STRUCTURE_ID,...`)
  tidy_csv     ///< the long CSV of the eurostat R and Python packages (`...,time,values`)
};

/// "bulk_tsv", "sdmx_csv", "sdmx_csv_2" or "tidy_csv".
[[nodiscard]] constexpr std::string_view to_string(eurostat_layout l) noexcept {
  switch (l) {
    case eurostat_layout::bulk_tsv: return "bulk_tsv";
    case eurostat_layout::sdmx_csv: return "sdmx_csv";
    case eurostat_layout::sdmx_csv_2: return "sdmx_csv_2";
    case eurostat_layout::tidy_csv: return "tidy_csv";
  }
  return "?";
}

/// Writes `to_string(l)`.
inline std::ostream& operator<<(std::ostream& out, eurostat_layout l) { return out << to_string(l); }

/// Which observations to keep. sex, age and unit select one code each (Eurostat's defaults
/// for the key figures); the lists select any of their codes, and an empty list keeps all.
struct eurostat_selection {
  /// Sex: T (total), F, M or UNK.
  std::string sex = "T";
  /// Age group: TOTAL, Y_LT14, ..., UNK.
  std::string age = "TOTAL";
  /// Unit: PER (persons).
  std::string unit = "PER";
  /// Reporting countries (geo codes, e.g. NL, DE, EU27_2020); empty: all.
  std::vector<std::string> geo;
  /// Citizenships (Eurostat codes, e.g. SY, TOTAL, EXT_EU27_2020); empty: all.
  std::vector<std::string> citizen;
  /// Applicant types: ASY_APP, NASY_APP, SSEQ; empty: all.
  std::vector<std::string> asyl_app;
  /// Frequencies: A, Q, M; empty: all.
  std::vector<std::string> freq;
  /// Periods; empty: all.
  std::vector<count_period> periods;

  /// Every field equal.
  [[nodiscard]] friend bool operator==(const eurostat_selection&, const eurostat_selection&) = default;
};

/// The observations of a Eurostat asylum file that a selection kept, in columns: entry i is
/// `value[i]` people of citizenship `citizen_codes[citizen[i]]` and applicant type
/// `asyl_app_codes[asyl_app[i]]` reported by `geo_codes[geo[i]]` for `periods[period[i]]`,
/// with observation flags `flags[i]`; `present[i]` is 0 for a missing value (`:`; then
/// `value[i]` is 0). Dictionaries are sorted and entries sorted by geo, asyl_app, citizen,
/// period (see the file comment). Regular: copyable, ==.
struct eurostat_data {
  /// The layout the file had.
  eurostat_layout layout = eurostat_layout::tidy_csv;
  /// The dataset, e.g. "migr_asyappctza" (from DATAFLOW / STRUCTURE_ID, else from a file
  /// name holding "migr_<letters and digits>" at its start or after an underscore); empty
  /// when unknown.
  std::string dataset;
  /// The name the file was read under.
  std::string file;
  /// When Eurostat last updated the data (SDMX-CSV 1.0's LAST UPDATE, the latest of the
  /// kept rows); undated when the layout does not say.
  kerncijfers::release release;
  /// LAST UPDATE as written in the file (of the latest kept row); empty when absent.
  std::string last_update;
  /// The multiple Eurostat rounds its counts to.
  std::int64_t source_multiple = 5;
  /// Reporting-country codes, sorted.
  std::vector<std::string> geo_codes;
  /// Citizenship codes, sorted.
  std::vector<std::string> citizen_codes;
  /// Applicant-type codes, sorted.
  std::vector<std::string> asyl_app_codes;
  /// Periods, sorted (months, then quarters, then years; each in time order).
  std::vector<count_period> periods;
  /// Per observation: index into `geo_codes`.
  std::vector<std::uint16_t> geo;
  /// Per observation: index into `citizen_codes`.
  std::vector<std::uint16_t> citizen;
  /// Per observation: index into `asyl_app_codes`.
  std::vector<std::uint8_t> asyl_app;
  /// Per observation: index into `periods`.
  std::vector<std::uint16_t> period;
  /// Per observation: the count (0 where missing).
  std::vector<std::int64_t> value;
  /// Per observation: the observation flags.
  std::vector<observation_flags> flags;
  /// Per observation: 1 for a value, 0 for a missing value (`:`).
  std::vector<std::uint8_t> present;

  /// Number of observations.
  [[nodiscard]] std::size_t size() const noexcept { return value.size(); }
  /// True when no observation was kept.
  [[nodiscard]] bool empty() const noexcept { return value.empty(); }
  /// Every field equal.
  [[nodiscard]] friend bool operator==(const eurostat_data&, const eurostat_data&) = default;
};

namespace detail {

// The longest line accepted: real lines are a few KiB at most (a monthly TSV line); the limit
// stops a binary file or an endless line from growing the buffer without bound.
inline constexpr std::size_t eurostat_max_line_bytes = std::size_t{1} << 20;

// Bit i set where text[i] == `c`, for the first min(size, 64) bytes of `text`. With SSE2 the
// bytes are compared 16 at a time (the last, partial group is loaded so that it ends at the
// end of `text`: nothing after it is read); without, one at a time.
[[nodiscard]] inline std::uint64_t eurostat_byte_bits(const char* text, std::size_t size, char c) noexcept {
  const std::size_t limit = size < 64 ? size : 64;
#if defined(__SSE2__)
  if (size >= 16) {
    const __m128i wanted = _mm_set1_epi8(c);
    std::uint64_t bits = 0;
    for (std::size_t k = 0; k < limit; k += 16) {
      if (k + 16 <= size) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + k));
        bits |= static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, wanted))))
                << k;
      } else {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + size - 16));
        const auto m = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, wanted)));
        bits |= static_cast<std::uint64_t>(m >> (k + 16 - size)) << k;
      }
    }
    return bits;
  }
#endif
  std::uint64_t bits = 0;
  for (std::size_t i = 0; i < limit; ++i) bits |= static_cast<std::uint64_t>(text[i] == c) << i;
  return bits;
}

// Whether `text` (of `size` bytes) starts with the `length` bytes of `prefix` (a buffer of 64
// bytes, `length` <= 64). With SSE2 and both in reach, 32 bytes are compared at once.
[[nodiscard]] inline bool eurostat_starts_with(const char* text, std::size_t size, const char* prefix,
                                               std::size_t length) noexcept {
  if (size < length) return false;
#if defined(__SSE2__)
  if (size >= 32 && length <= 32) {
    const auto same = [&](std::size_t k) {
      return static_cast<std::uint32_t>(
          _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(text + k)),
                                           _mm_loadu_si128(reinterpret_cast<const __m128i*>(prefix + k)))));
    };
    const std::uint32_t equal = same(0) | (same(16) << 16);
    const std::uint32_t wanted = length == 32 ? 0xFFFFFFFFU : (1U << length) - 1U;
    return (equal & wanted) == wanted;
  }
#endif
  for (std::size_t i = 0; i < length; ++i) {
    if (text[i] != prefix[i]) return false;
  }
  return true;
}

// Equal bytes; inline, for the short codes a selection compares (a call to memcmp would cost
// more than the comparison).
[[nodiscard]] inline bool eurostat_same(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

// Lower-case ASCII copy (header names are compared without case).
[[nodiscard]] inline std::string eurostat_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

[[nodiscard]] inline std::string_view eurostat_trim_spaces(std::string_view text) noexcept {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  return text;
}

// The dataset named by a file: "…/estat_migr_asyappctzm.tsv.gz" -> "migr_asyappctzm",
// "migr_asyappctza_2008_2022.csv.gz" and "extract_migr_asyappctza_T_TOTAL.csv.gz" ->
// "migr_asyappctza": "migr_" and the letters and digits after it, wherever in the name;
// empty when the name holds no "migr_".
[[nodiscard]] inline std::string eurostat_dataset_from_file(std::string_view name) {
  if (const auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) name.remove_prefix(slash + 1);
  name = name.substr(0, name.find('.'));
  const std::string lower = eurostat_lower(name);
  std::size_t at = lower.find("migr_");
  // "migr_" starts the name or follows an underscore: "remigr_x" names no dataset.
  while (at != std::string::npos && at > 0 && lower[at - 1] != '_') at = lower.find("migr_", at + 1);
  if (at == std::string::npos) return {};
  std::size_t end = at + 5;
  while (end < lower.size() && (is_ascii_digit(lower[end]) || (lower[end] >= 'a' && lower[end] <= 'z'))) ++end;
  if (end == at + 5) return {};
  return lower.substr(at, end - at);
}

// "ESTAT:MIGR_ASYAPPCTZM(1.0)" -> "migr_asyappctzm"; nothing when it is not of that shape.
[[nodiscard]] inline std::optional<std::string> eurostat_dataset_from_dataflow(std::string_view flow) {
  if (const auto colon = flow.find(':'); colon != std::string_view::npos) flow.remove_prefix(colon + 1);
  if (const auto paren = flow.find('('); paren != std::string_view::npos) {
    if (flow.back() != ')') return std::nullopt;
    flow = flow.substr(0, paren);
  }
  if (flow.empty()) return std::nullopt;
  for (const char c : flow) {
    if (!(is_ascii_letter(c) || is_ascii_digit(c) || c == '_' || c == '-')) return std::nullopt;
  }
  return eurostat_lower(flow);
}

// "22/05/26 11:00:00" (day/month/two-digit year, time optional) or "2026-05-22[...]".
[[nodiscard]] inline std::optional<release> eurostat_release_from_last_update(std::string_view text) {
  text = eurostat_trim_spaces(text);
  int y = 0;
  long long m = -1;
  long long d = -1;
  std::string_view rest;
  if (text.size() >= 8 && text[2] == '/' && text[5] == '/') {
    d = read_digits(text.substr(0, 2));
    m = read_digits(text.substr(3, 2));
    const long long yy = read_digits(text.substr(6, 2));
    if (yy < 0) return std::nullopt;
    y = 2000 + static_cast<int>(yy);
    rest = text.substr(8);
  } else if (text.size() >= 10 && text[4] == '-' && text[7] == '-') {
    const long long yyyy = read_digits(text.substr(0, 4));
    if (yyyy < 0) return std::nullopt;
    y = static_cast<int>(yyyy);
    m = read_digits(text.substr(5, 2));
    d = read_digits(text.substr(8, 2));
    rest = text.substr(10);
  } else {
    return std::nullopt;
  }
  if (m < 0 || d < 0 || !calendar::is_valid_year(y) ||
      !calendar::is_valid_date(y, static_cast<unsigned>(m), static_cast<unsigned>(d))) {
    return std::nullopt;
  }
  if (!rest.empty()) {
    // A time of day: " 11:00:00" or "T11:00:00[...]"; only its shape is checked.
    if (rest[0] != ' ' && rest[0] != 'T') return std::nullopt;
    for (const char c : rest.substr(1)) {
      if (!(is_ascii_digit(c) || c == ':' || c == '.' || c == '+' || c == '-' || c == 'Z')) return std::nullopt;
    }
  }
  return release::from_date(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

inline constexpr std::string_view eurostat_period_expected =
    "a period (YYYY, YYYY-MM or YYYYMmm, YYYY-Qn or YYYYQn, or in the tidy layout a date YYYY-MM-DD on the first "
    "day of a period of the row's freq)";

// What a period was expected to be, with the reason it is not.
[[nodiscard]] inline std::string eurostat_period_wanted(const std::string& why) {
  return std::string(eurostat_period_expected) + (why.empty() ? "" : ": " + why);
}

// The period `text` stands for, with freq `freq` ("" when the file has no freq column);
// nothing when it does not parse, with the reason (if more than the expected form) in `why`.
[[nodiscard]] inline std::optional<count_period> parse_eurostat_period(std::string_view text, std::string_view freq,
                                                                       bool dates_allowed, std::string& why) {
  why.clear();
  const long long y = text.size() >= 4 ? read_digits(text.substr(0, 4)) : -1;
  if (y < 0 || !calendar::is_valid_year(static_cast<int>(y))) return std::nullopt;
  const int yr = static_cast<int>(y);
  const std::string_view rest = text.substr(4);
  const auto index = [](std::string_view digits, long long max) -> unsigned {
    const long long v = read_digits(digits);
    return v < 1 || v > max ? 0U : static_cast<unsigned>(v);
  };
  std::optional<count_period> p;
  if (rest.empty()) {
    p = year(yr);
  } else if (rest.size() == 3 && (rest[0] == '-' || rest[0] == 'M') && rest[1] != 'Q' && rest[1] != 'W') {
    const unsigned m = index(rest.substr(1), 12);
    if (m == 0) return std::nullopt;
    p = month(yr, m);
  } else if ((rest.size() == 3 && rest.starts_with("-Q")) || (rest.size() == 2 && rest[0] == 'Q')) {
    const unsigned q = index(rest.substr(rest.size() - 1), 4);
    if (q == 0) return std::nullopt;
    p = quarter(yr, q);
  } else if ((rest.size() == 4 && rest.starts_with("-W")) || (rest.size() == 3 && rest[0] == 'W')) {
    why = "weekly periods are not supported by this reader yet";
    return std::nullopt;
  } else if (rest.size() == 6 && rest[0] == '-' && rest[3] == '-' && dates_allowed) {
    const unsigned m = index(rest.substr(1, 2), 12);
    const unsigned d = index(rest.substr(4, 2), 31);
    if (m == 0 || d == 0 || !calendar::is_valid_date(yr, m, d)) return std::nullopt;
    if (freq.empty()) {
      why = "a date needs the freq column to say which period it starts";
    } else if (d != 1) {
      why = "a date stands for the period that starts on it, so it is the first of a month";
    } else if (freq == "A") {
      if (m == 1) return count_period(year(yr));
      why = "with freq A a date is the first of January";
    } else if (freq == "Q") {
      if (m % 3 == 1) return count_period(quarter(yr, (m + 2) / 3));
      why = "with freq Q a date is the first day of a quarter";
    } else if (freq == "M") {
      return count_period(month(yr, m));
    } else {
      why = "freq " + quote(freq) + " is not A, Q or M";
    }
    return std::nullopt;
  } else {
    return std::nullopt;
  }
  if (!freq.empty()) {
    const std::size_t unit = p->index();
    const std::string_view wanted = unit == 0 ? "M" : unit == 1 ? "Q" : "A";
    if (freq != wanted) {
      why = "the row's freq is " + quote(freq) + " but this is a " +
            std::string(unit == 0   ? "month"
                        : unit == 1 ? "quarter"
                                    : "year");
      return std::nullopt;
    }
  }
  return p;
}

// A dictionary of codes with a one-entry cache (rows come sorted, so the last code repeats).
struct eurostat_dictionary {
  struct hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  std::vector<std::string> codes;
  std::unordered_map<std::string, std::uint32_t, hash, std::equal_to<>> index;
  std::string last;
  std::uint32_t last_index = 0;
  bool has_last = false;

  // The index of `code`, adding it when new; `check` validates a new code (throws).
  template <class Check>
  std::uint32_t intern(std::string_view code, const Check& check) {
    if (has_last && code == last) return last_index;
    auto it = index.find(code);
    if (it == index.end()) {
      check(code);
      it = index.emplace(std::string(code), static_cast<std::uint32_t>(codes.size())).first;
      codes.emplace_back(code);
    }
    last.assign(code);
    last_index = it->second;
    has_last = true;
    return last_index;
  }
};

// What the reader does with one column.
enum class eurostat_role : std::uint8_t {
  ignore,
  freq,
  unit,
  sex,
  age,
  citizen,
  geo,
  asyl_app,
  period,
  value,
  flags,
  dataflow,
  last_update,
  action
};

// Eurostat's dimensions of the asylum datasets; the roles of their columns.
struct eurostat_dimension_name {
  std::string_view name;
  eurostat_role role;
};
inline constexpr std::array<eurostat_dimension_name, 7> eurostat_dimensions = {{{"freq", eurostat_role::freq},
                                                                                {"unit", eurostat_role::unit},
                                                                                {"citizen", eurostat_role::citizen},
                                                                                {"sex", eurostat_role::sex},
                                                                                {"age", eurostat_role::age},
                                                                                {"asyl_app", eurostat_role::asyl_app},
                                                                                {"geo", eurostat_role::geo}}};

[[nodiscard]] inline std::optional<eurostat_role> eurostat_dimension_role(std::string_view name) {
  const std::string lower = eurostat_lower(name);
  for (const auto& d : eurostat_dimensions) {
    if (d.name == lower) return d.role;
  }
  return std::nullopt;
}

// The parser behind read_eurostat_blocks: fed one line at a time (without its '\n').
class eurostat_parser {
 public:
  eurostat_parser(std::string_view name, const eurostat_selection& selection) : file_(name), selection_(selection) {
    const auto one = [](const std::string& code, const char* what) {
      if (code.empty()) {
        throw invalid_input(std::string("the Eurostat selection of ") + what +
                            " is empty: it selects one code (Eurostat's default for the key figures: " +
                            (std::string_view(what) == "sex"   ? "T"
                             : std::string_view(what) == "age" ? "TOTAL"
                                                               : "PER") +
                            ")");
      }
    };
    one(selection.sex, "sex");
    one(selection.age, "age");
    one(selection.unit, "unit");
    data_.file = std::string(name);
    data_.dataset = eurostat_dataset_from_file(name);
  }

  void line(std::string_view text) {
    ++line_;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (line_ == 1 && text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (text.empty()) return;
    if (!have_header_) {
      header(text);
      return;
    }
    if (data_.layout == eurostat_layout::bulk_tsv)
      tsv_row(text);
    else
      csv_row(text);
  }

  [[nodiscard]] eurostat_data finish() {
    if (!have_header_)
      throw csv::format_error(csv::position{file_, line_ == 0 ? 1 : line_, 0, {}}, "the input is empty");
    canonicalise();
    return std::move(data_);
  }

 private:
  struct column {
    eurostat_role role = eurostat_role::ignore;
    std::string name;
  };
  // One kept observation before the dictionaries are sorted.
  struct pending {
    std::uint32_t geo, citizen, asyl_app, period;
  };

  // ---- positions and errors ---------------------------------------------------------

  // The position of column `column_index` (an index into columns_; npos: the line) on this
  // line. In the TSV layout the dimensions share the first cell and period k is cell k + 2.
  [[nodiscard]] csv::position where(std::size_t column_index) const {
    if (column_index == npos) return csv::position{file_, line_, 0, {}};
    const std::string name = column_index < columns_.size() ? columns_[column_index].name : std::string();
    if (data_.layout == eurostat_layout::bulk_tsv) {
      if (column_index < dimension_count_) return csv::position{file_, line_, 1, name};
      return csv::position{file_, line_, column_index - dimension_count_ + 2, name};
    }
    return csv::position{file_, line_, column_index + 1, name};
  }
  [[noreturn]] void fail_value(std::size_t column_index, std::string_view value, const std::string& expected) const {
    throw csv::value_error(where(column_index), std::string(value), expected);
  }
  [[noreturn]] void fail_format(std::size_t column_index, const std::string& problem) const {
    throw csv::format_error(where(column_index), problem);
  }
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  // ---- the header -------------------------------------------------------------------

  void header(std::string_view text) {
    have_header_ = true;
    const auto tab = text.find('\t');
    const std::string_view first = eurostat_trim_spaces(text.substr(0, tab));
    const auto backslash = first.rfind('\\');
    if (tab != std::string_view::npos && backslash != std::string_view::npos) {
      const std::string time = eurostat_lower(first.substr(backslash + 1));
      if (time == "time_period" || time == "time") {
        tsv_header(text, first.substr(0, backslash));
        return;
      }
    }
    std::vector<std::string> names;
    split_csv(text, names, npos);
    const auto name_is = [&](std::size_t i, std::string_view n) { return i < names.size() && names[i] == n; };
    if (name_is(0, "DATAFLOW")) {
      data_.layout = eurostat_layout::sdmx_csv;
    } else if (name_is(0, "STRUCTURE") && name_is(1, "STRUCTURE_ID")) {
      data_.layout = eurostat_layout::sdmx_csv_2;
    } else if (std::find(names.begin(), names.end(), "values") != names.end()) {
      data_.layout = eurostat_layout::tidy_csv;
    } else {
      throw csv::format_error(
          csv::position{file_, line_, 0, {}},
          "unknown layout: the header " + quote(text, 200) +
              " is none of Eurostat's layouts (bulk TSV: \"freq,...,geo\\TIME_PERIOD\" then a tab and the periods; "
              "SDMX-CSV: \"DATAFLOW,LAST UPDATE,...\" or \"STRUCTURE,STRUCTURE_ID,...\"; the tidy CSV of the "
              "eurostat packages: \"freq,...,geo,time,values\")");
    }
    csv_header(names);
  }

  void csv_header(const std::vector<std::string>& names) {
    const bool sdmx = data_.layout != eurostat_layout::tidy_csv;
    for (std::size_t i = 0; i < names.size(); ++i) {
      const std::string& n = names[i];
      column c{eurostat_role::ignore, n};
      if (const auto role = eurostat_dimension_role(n)) {
        c.role = *role;
      } else if (n == "TIME_PERIOD" || (!sdmx && (n == "time" || n == "TIME_PERIOD"))) {
        c.role = eurostat_role::period;
      } else if ((sdmx && n == "OBS_VALUE") || (!sdmx && n == "values")) {
        c.role = eurostat_role::value;
      } else if ((sdmx && n == "OBS_FLAG") || (!sdmx && n == "flags")) {
        c.role = eurostat_role::flags;
      } else if ((data_.layout == eurostat_layout::sdmx_csv && n == "DATAFLOW") ||
                 (data_.layout == eurostat_layout::sdmx_csv_2 && n == "STRUCTURE_ID")) {
        c.role = eurostat_role::dataflow;
      } else if (data_.layout == eurostat_layout::sdmx_csv && n == "LAST UPDATE") {
        c.role = eurostat_role::last_update;
      } else if (data_.layout == eurostat_layout::sdmx_csv_2 && n == "ACTION") {
        c.role = eurostat_role::action;
      } else if (sdmx && !n.empty() && std::all_of(n.begin(), n.end(), [](char ch) {
                   return (ch >= 'A' && ch <= 'Z') || ch == '_' || ch == ' ';
                 })) {
        c.role = eurostat_role::ignore;  // an SDMX attribute (CONF_STATUS, OBS_STATUS, STRUCTURE, ...)
      } else {
        throw csv::format_error(
            csv::position{file_, line_, i + 1, n},
            "unknown column " + quote(n) +
                (sdmx ? " (Eurostat's asylum dimensions are freq, unit, citizen, sex, age, asyl_app and geo; "
                        "SDMX attributes are upper-case)"
                      : " (the tidy layout has freq, unit, citizen, sex, age, asyl_app, geo, time, values and "
                        "optionally flags)"));
      }
      for (std::size_t k = 0; k < i; ++k) {
        if (c.role != eurostat_role::ignore && columns_[k].role == c.role) {
          throw csv::format_error(csv::position{file_, line_, i + 1, n},
                                  "column " + quote(n) + " means the same as column " + std::to_string(k + 1) + " (" +
                                      quote(columns_[k].name) + ")");
        }
      }
      columns_.push_back(std::move(c));
    }
    require_columns(sdmx ? "TIME_PERIOD" : "time", sdmx ? "OBS_VALUE" : "values");
    build_filters();
    fields_.resize(columns_.size());
    scratch_.resize(columns_.size());
  }

  void require_columns(const char* period_name, const char* value_name) {
    std::string missing;
    const auto need = [&](eurostat_role role, std::string_view name) {
      if (std::none_of(columns_.begin(), columns_.end(), [&](const column& c) { return c.role == role; })) {
        missing += (missing.empty() ? "" : ", ") + quote(name);
      }
    };
    need(eurostat_role::citizen, "citizen");
    need(eurostat_role::geo, "geo");
    need(eurostat_role::asyl_app, "asyl_app");
    if (period_name != nullptr) need(eurostat_role::period, period_name);
    if (value_name != nullptr) need(eurostat_role::value, value_name);
    if (missing.empty()) return;
    std::string have;
    for (const column& c : columns_) have += (have.empty() ? "" : ", ") + quote(c.name);
    throw csv::format_error(
        csv::position{file_, line_, 0, {}},
        std::string(missing.find(',') == std::string::npos ? "missing column " : "missing columns ") + missing +
            " (the header has " + have + ")");
  }

  void tsv_header(std::string_view text, std::string_view dimension_names) {
    data_.layout = eurostat_layout::bulk_tsv;
    std::size_t start = 0;
    for (;;) {
      const auto comma = dimension_names.find(',', start);
      const std::string_view n = eurostat_trim_spaces(dimension_names.substr(start, comma - start));
      const auto role = eurostat_dimension_role(n);
      if (!role) {
        throw csv::format_error(
            csv::position{file_, line_, 1, {}},
            "unknown dimension " + quote(n) + " in the first header cell " + quote(text.substr(0, text.find('\t'))) +
                " (Eurostat's asylum dimensions are freq, unit, citizen, sex, age, asyl_app and geo)");
      }
      for (const column& c : columns_) {
        if (c.role == *role) {
          throw csv::format_error(csv::position{file_, line_, 1, {}}, "dimension " + quote(n) + " named twice");
        }
      }
      columns_.push_back(column{*role, std::string(n)});
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    dimension_count_ = columns_.size();
    require_columns(nullptr, nullptr);
    build_filters();
    fields_.resize(dimension_count_);
    // The period columns: each parsed once here.
    std::size_t at = text.find('\t');
    while (at != std::string_view::npos) {
      const std::size_t begin = at + 1;
      at = text.find('\t', begin);
      const std::string_view raw = text.substr(begin, at == std::string_view::npos ? text.size() - begin : at - begin);
      const std::string_view cell = eurostat_trim_spaces(raw);
      const std::size_t col = columns_.size();
      columns_.push_back(column{eurostat_role::period, std::string(cell)});
      std::string why;
      const std::optional<count_period> p = parse_eurostat_period(cell, {}, false, why);
      if (!p) fail_value(col, raw, eurostat_period_wanted(why));
      for (std::size_t k = 0; k < tsv_period_values_.size(); ++k) {
        if (tsv_period_values_[k] == *p) {
          fail_format(col, "period " + quote(cell) + " is also column " + std::to_string(k + 2));
        }
      }
      tsv_period_values_.push_back(*p);
      tsv_periods_.push_back(period_index(*p));
    }
  }

  // The index of period `p` in the periods dictionary, or nothing when the selection drops it.
  std::optional<std::uint32_t> period_index(const count_period& p) {
    if (!selection_.periods.empty() &&
        std::find(selection_.periods.begin(), selection_.periods.end(), p) == selection_.periods.end()) {
      return std::nullopt;
    }
    const auto it = std::find(periods_.begin(), periods_.end(), p);
    if (it != periods_.end()) return static_cast<std::uint32_t>(it - periods_.begin());
    periods_.push_back(p);
    return static_cast<std::uint32_t>(periods_.size() - 1);
  }

  // ---- splitting ----------------------------------------------------------------------

  // Splits a CSV line into `out` (quotes removed), for the header.
  void split_csv(std::string_view text, std::vector<std::string>& out, std::size_t /*unused*/) {
    const char* p = text.data();
    const char* const end = p + text.size();
    std::string field;
    for (;;) {
      const std::size_t col = out.size();
      std::string_view f = next_field(p, end, col, field);
      out.emplace_back(f);
      if (p > end) break;
    }
  }

  // The field starting at `p` (unquoted fast path: a view of the line; quoted: unquoted into
  // `scratch`); leaves `p` after its delimiter, or at end + 1 after the last field.
  std::string_view next_field(const char*& p, const char* end, std::size_t col, std::string& scratch) {
    if (p < end && *p == '"') {
      scratch.clear();
      const char* q = p + 1;
      for (;;) {
        if (q >= end) {
          fail_format(col,
                      "quoted field is never closed on this line (a line break inside a quoted field is not part "
                      "of Eurostat's layouts)");
        }
        if (*q == '"') {
          if (q + 1 < end && q[1] == '"') {
            scratch += '"';
            q += 2;
            continue;
          }
          ++q;
          break;
        }
        scratch += *q++;
      }
      if (q < end && *q != ',') {
        fail_format(col, "unexpected character " + quote(std::string_view(q, 1)) + " after the closing quote of " +
                             quote(scratch));
      }
      p = q + 1;
      return scratch;
    }
    const char* q = p;
    while (q < end && *q != ',') {
      if (*q == '"') {
        fail_format(col, "quote inside an unquoted field " +
                             quote(std::string_view(p, static_cast<std::size_t>(q - p))) +
                             "; quote the whole field and double the quote (\"\")");
      }
      ++q;
    }
    const std::string_view f(p, static_cast<std::size_t>(q - p));
    p = q + 1;
    return f;
  }

  // ---- selections -------------------------------------------------------------------

  // The codes a column may hold for a row to be kept; `active` false: any code.
  struct column_filter {
    bool active = false;
    std::vector<std::string> codes;
    [[nodiscard]] bool accepts(std::string_view code) const noexcept {
      for (const std::string& w : codes) {
        if (eurostat_same(w, code)) return true;
      }
      return false;
    }
  };

  // One filter per column (the TSV layout: per dimension), from the selection.
  void build_filters() {
    filters_.assign(columns_.size(), column_filter{});
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      const auto list = [&](const std::vector<std::string>& codes) {
        if (!codes.empty()) filters_[c] = column_filter{true, codes};
      };
      switch (columns_[c].role) {
        case eurostat_role::sex: filters_[c] = column_filter{true, {selection_.sex}}; break;
        case eurostat_role::age: filters_[c] = column_filter{true, {selection_.age}}; break;
        case eurostat_role::unit: filters_[c] = column_filter{true, {selection_.unit}}; break;
        case eurostat_role::freq: list(selection_.freq); break;
        case eurostat_role::geo: list(selection_.geo); break;
        case eurostat_role::citizen: list(selection_.citizen); break;
        case eurostat_role::asyl_app: list(selection_.asyl_app); break;
        default: break;
      }
    }
  }

  // ---- codes, values, flags -----------------------------------------------------------

  void check_code(std::size_t col, std::string_view code) const {
    const bool ok = !code.empty() && std::all_of(code.begin(), code.end(), [](char c) {
      return c > ' ' && c < 0x7F && c != '"' && c != ',' && c != '\\';
    });
    if (!ok) fail_value(col, code, "a Eurostat code (printable ASCII without spaces)");
  }

  std::uint32_t intern(eurostat_dictionary& dict, std::size_t col, std::string_view code, std::uint32_t limit) {
    const std::uint32_t i = dict.intern(code, [&](std::string_view c) {
      check_code(col, c);
      if (dict.codes.size() >= limit) {
        throw invalid_input(escaped(file_) + ", line " + std::to_string(line_) + ": more than " +
                            std::to_string(limit) + " distinct " + columns_[col].name + " codes, the limit");
      }
    });
    return i;
  }

  static constexpr const char* count_expected =
      "a count (a whole number of people, at least 0, digits only; \":\" or empty when missing)";

  // Parses a count at the start of `text` (digits, optionally ".0..."), returning the rest.
  // Nothing when `text` does not start with a digit.
  struct parsed_count {
    std::int64_t value;
    std::string_view rest;
  };
  [[nodiscard]] std::optional<parsed_count> read_count(std::string_view text, std::size_t col,
                                                       std::string_view whole) const {
    std::size_t i = 0;
    std::uint64_t v = 0;
    constexpr std::uint64_t max = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    while (i < text.size() && is_ascii_digit(text[i])) {
      const auto digit = static_cast<std::uint64_t>(text[i] - '0');
      if (v > (max - digit) / 10) fail_value(col, whole, "a count that fits in 64 bits");
      v = v * 10 + digit;
      ++i;
    }
    if (i == 0) return std::nullopt;
    if (i < text.size() && text[i] == '.') {
      // "24755.0": a whole number written as a float (pandas); exact, so accepted.
      std::size_t k = i + 1;
      while (k < text.size() && text[k] == '0') ++k;
      if (k == i + 1 || (k < text.size() && is_ascii_digit(text[k]))) fail_value(col, whole, count_expected);
      i = k;
    }
    return parsed_count{static_cast<std::int64_t>(v), text.substr(i)};
  }

  [[nodiscard]] observation_flags read_flags(std::string_view letters, std::size_t col, std::string_view whole) const {
    for (const char c : letters) {
      if (c < 'a' || c > 'z') {
        fail_value(col, whole,
                   "a value with observation flags (a count or \":\", then flag letters a-z, e.g. \"1234 p\"); "
                   "unknown flag character " +
                       quote(std::string_view(&c, 1)));
      }
    }
    return observation_flags::parse(letters);
  }

  // A TSV cell: "1234", "1234 p", ":", ": c", ":c" (trailing spaces ignored).
  void tsv_value(std::string_view cell, std::size_t col, std::int64_t& value, observation_flags& flags,
                 std::uint8_t& present) const {
    std::string_view t = cell;
    while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
    std::string_view rest;
    if (!t.empty() && t[0] == ':') {
      present = 0;
      value = 0;
      rest = t.substr(1);
      while (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
    } else {
      const auto count = read_count(t, col, cell);
      if (!count) fail_value(col, cell, count_expected);
      value = count->value;
      present = 1;
      rest = count->rest;
      if (!rest.empty()) {
        if (rest[0] != ' ') fail_value(col, cell, count_expected);
        while (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
      }
    }
    flags = rest.empty() ? observation_flags{} : read_flags(rest, col, cell);
  }

  // A CSV value field: a count, or missing (empty, ":", "NA", "NaN").
  void csv_value(std::string_view field, std::size_t col, std::int64_t& value, std::uint8_t& present) const {
    if (field.empty() || field == ":" || field == "NA" || field == "NaN") {
      value = 0;
      present = 0;
      return;
    }
    const auto count = read_count(field, col, field);
    if (!count || !count->rest.empty()) fail_value(col, field, count_expected);
    value = count->value;
    present = 1;
  }

  // ---- rows ---------------------------------------------------------------------------

  void keep(std::uint32_t geo, std::uint32_t citizen, std::uint32_t asyl_app, std::uint32_t period, std::int64_t value,
            observation_flags flags, std::uint8_t present) {
    pending_.push_back(pending{geo, citizen, asyl_app, period});
    lines_.push_back(line_);
    data_.value.push_back(value);
    data_.flags.push_back(flags);
    data_.present.push_back(present);
  }

  void tsv_row(std::string_view text) {
    const char* p = text.data();
    const char* const end = p + text.size();
    const char* const tab = static_cast<const char*>(std::memchr(p, '\t', text.size()));
    const char* const dims_end = tab == nullptr ? end : tab;
    // The dimension codes, each compared with the selection as soon as it is found.
    for (std::size_t d = 0; d < dimension_count_; ++d) {
      const char* q = p;
      while (q < dims_end && *q != ',') ++q;
      if (q == dims_end && d + 1 < dimension_count_) {
        fail_format(npos, "the first cell " +
                              quote(std::string_view(text.data(), static_cast<std::size_t>(dims_end - text.data()))) +
                              " has " + std::to_string(d + 1) + " dimension code" + (d == 0 ? "" : "s") +
                              ", the header names " + std::to_string(dimension_count_));
      }
      const std::string_view code(p, static_cast<std::size_t>(q - p));
      if (filters_[d].active && !filters_[d].accepts(code)) return;
      fields_[d] = code;
      p = q + 1;
    }
    if (p <= dims_end) {
      fail_format(npos, "the first cell " +
                            quote(std::string_view(text.data(), static_cast<std::size_t>(dims_end - text.data()))) +
                            " has more than the " + std::to_string(dimension_count_) +
                            " dimension codes the header names");
    }
    std::uint32_t geo = 0, citizen = 0, asyl_app = 0;
    for (std::size_t d = 0; d < dimension_count_; ++d) {
      switch (columns_[d].role) {
        case eurostat_role::geo: geo = intern(geo_, d, fields_[d], 65535); break;
        case eurostat_role::citizen: citizen = intern(citizen_, d, fields_[d], 65535); break;
        case eurostat_role::asyl_app: asyl_app = intern(asyl_app_, d, fields_[d], 255); break;
        case eurostat_role::freq:
          if (!tsv_freq_checked_ || fields_[d] != tsv_freq_) check_tsv_freq(d, fields_[d]);
          break;
        default: break;
      }
    }
    // The values, one per period column.
    const std::size_t periods = tsv_periods_.size();
    p = dims_end;
    for (std::size_t k = 0; k < periods; ++k) {
      const std::size_t col = dimension_count_ + k;
      if (p >= end) {
        fail_format(col, "missing value: the line has " + std::to_string(k) + " value" + (k == 1 ? "" : "s") +
                             ", the header has " + std::to_string(periods) + " periods");
      }
      ++p;  // the tab
      const char* q = p;
      while (q < end && *q != '\t') ++q;
      if (tsv_periods_[k]) {
        std::int64_t value = 0;
        observation_flags flags;
        std::uint8_t present = 0;
        tsv_value(std::string_view(p, static_cast<std::size_t>(q - p)), col, value, flags, present);
        keep(geo, citizen, asyl_app, *tsv_periods_[k], value, flags, present);
      }
      p = q;
    }
    if (p < end) {
      fail_format(dimension_count_ + periods,
                  "extra value " + quote(std::string_view(p + 1, static_cast<std::size_t>(end - p - 1))) +
                      ": the header has " + std::to_string(periods) + " periods");
    }
  }

  // Every period column must be of the row's freq.
  void check_tsv_freq(std::size_t col, std::string_view freq) {
    for (std::size_t k = 0; k < tsv_period_values_.size(); ++k) {
      std::string why;
      if (!parse_eurostat_period(columns_[dimension_count_ + k].name, freq, false, why)) {
        fail_value(col, freq,
                   "the freq of the period columns (column " + std::to_string(k + 2) + ", " +
                       quote(columns_[dimension_count_ + k].name) + ": " + why + ")");
      }
    }
    tsv_freq_.assign(freq);
    tsv_freq_checked_ = true;
  }

  void csv_row(std::string_view text) {
    // Eurostat's files are sorted by their dimensions, so a row a filter drops is mostly
    // followed by rows with the same leading fields: the same bytes up to the dropping field's
    // comma drop the row for the same reason, without splitting it again.
    if (dropped_prefix_length_ != 0 &&
        eurostat_starts_with(text.data(), text.size(), dropped_prefix_.data(), dropped_prefix_length_)) {
      return;
    }
    const char* p = text.data();
    const char* const end = p + text.size();
    const std::size_t n = columns_.size();
    bool quoted = false;
    // The commas of the first 64 bytes, found at once (most rows are dropped within them).
    std::uint64_t commas = eurostat_byte_bits(p, text.size(), ',');
    const char* const bits_end = p + (text.size() < 64 ? text.size() : 64);
    bool use_bits = true;
    for (std::size_t c = 0; c < n; ++c) {
      if (p > end) {
        fail_format(c, "missing field: the record has " + std::to_string(c) + " field" + (c == 1 ? "" : "s") +
                           ", the header has " + std::to_string(n));
      }
      std::string_view f;
      if (p < end && *p == '"') [[unlikely]] {
        f = next_field(p, end, c, scratch_[c]);
        use_bits = false;
        quoted = true;
      } else {
        // The hot path (quotes inside a field are looked for in kept rows only).
        const char* q = nullptr;
        if (use_bits && commas != 0) {
          q = text.data() + std::countr_zero(commas);
          commas &= commas - 1;
        } else if (use_bits && bits_end == end) {
          q = end;  // no comma left on the line
        } else {
          q = use_bits ? bits_end : p;
          use_bits = false;
          while (q < end && *q != ',') ++q;
        }
        f = std::string_view(p, static_cast<std::size_t>(q - p));
        p = q + 1;
      }
      if (filters_[c].active && !filters_[c].accepts(f)) [[likely]] {
        remember_dropped_prefix(text, p, end, quoted);
        return;
      }
      fields_[c] = f;
    }
    if (p <= end) {
      fail_format(n, "extra field " + quote(std::string_view(p, static_cast<std::size_t>(end - p))) +
                         ": the record has more than the " + std::to_string(n) + " fields of the header");
    }
    // Kept: the rest of the row. First: no quote inside an unquoted field.
    const bool may_have_quotes =
        !use_bits || text.size() > 64 || eurostat_byte_bits(text.data(), text.size(), '"') != 0;
    for (std::size_t c = 0; may_have_quotes && c < n; ++c) {
      const std::string_view f = fields_[c];
      if (f.data() != scratch_[c].data() && f.find('"') != std::string_view::npos) {
        fail_format(c, "quote inside an unquoted field " + quote(f.substr(0, f.find('"'))) +
                           "; quote the whole field and double the quote (\"\")");
      }
    }
    std::uint32_t geo = 0, citizen = 0, asyl_app = 0;
    std::optional<std::uint32_t> period;
    std::size_t period_col = npos;
    std::string_view freq;
    std::int64_t value = 0;
    std::uint8_t present = 0;
    observation_flags flags;
    for (std::size_t c = 0; c < n; ++c) {
      const std::string_view f = fields_[c];
      switch (columns_[c].role) {
        case eurostat_role::geo: geo = intern(geo_, c, f, 65535); break;
        case eurostat_role::citizen: citizen = intern(citizen_, c, f, 65535); break;
        case eurostat_role::asyl_app: asyl_app = intern(asyl_app_, c, f, 255); break;
        case eurostat_role::freq: freq = f; break;
        case eurostat_role::period: period_col = c; break;
        case eurostat_role::value: csv_value(f, c, value, present); break;
        case eurostat_role::flags:
          if (!f.empty()) flags = read_flags(f, c, f);
          break;
        case eurostat_role::dataflow:
          if (!has_dataflow_ || f != dataflow_) dataflow(c, f);
          break;
        case eurostat_role::last_update:
          if (!has_last_update_ || f != last_update_raw_) last_update(c, f);
          break;
        case eurostat_role::action:
          if (f != "I" && f != "A" && f != "R") {
            fail_value(c, f,
                       "an SDMX-CSV action that brings data: I (information), A (append) or R (replace); a D "
                       "(delete) row is no observation");
          }
          break;
        default: break;
      }
    }
    period = csv_period(period_col, fields_[period_col], freq);
    if (!period) return;
    keep(geo, citizen, asyl_app, *period, value, flags, present);
  }

  // After a row was dropped at the field that ends just before `next`: its bytes up to and
  // including that field's comma, when no field up to it was quoted (a quoted field's bytes do
  // not give its value) and they fit the buffer.
  void remember_dropped_prefix(std::string_view text, const char* next, const char* end, bool quoted) noexcept {
    const auto length = static_cast<std::size_t>(next - text.data());
    if (quoted || next > end || length > dropped_prefix_.size() || next[-1] != ',') {
      dropped_prefix_length_ = 0;
      return;
    }
    std::copy(text.data(), next, dropped_prefix_.data());
    dropped_prefix_length_ = length;
  }

  // The period of a CSV row, each distinct (freq, text) parsed once; nothing when dropped.
  std::optional<std::uint32_t> csv_period(std::size_t col, std::string_view text, std::string_view freq) {
    // A packed key when freq and text fit in 16 bytes (always, in Eurostat's files): a probe
    // of a small open-addressing table, no string built, no string hashed.
    if (freq.size() + 1 + text.size() <= 16) {
      std::array<char, 16> bytes{};
      // std::copy, not memcpy: an empty view may hold a null pointer, which memcpy must not get.
      std::copy(freq.begin(), freq.end(), bytes.begin());
      bytes[freq.size()] = '\x1f';
      std::copy(text.begin(), text.end(), bytes.begin() + static_cast<std::ptrdiff_t>(freq.size() + 1));
      std::uint64_t lo = 0;
      std::uint64_t hi = 0;
      std::memcpy(&lo, bytes.data(), 8);
      std::memcpy(&hi, bytes.data() + 8, 8);
      if (period_slots_.empty()) period_slots_.resize(64);
      const std::size_t mask = period_slots_.size() - 1;
      std::size_t i = static_cast<std::size_t>((lo * 0x9E3779B97F4A7C15ULL) ^ (hi * 0xC2B2AE3D27D4EB4FULL)) >> 7 & mask;
      for (;; i = (i + 1) & mask) {
        period_slot& slot = period_slots_[i];
        if (!slot.used) break;
        if (slot.lo == lo && slot.hi == hi)
          return slot.index < 0 ? std::nullopt : std::optional<std::uint32_t>(static_cast<std::uint32_t>(slot.index));
      }
      const std::int64_t index = new_period(col, text, freq);
      period_slots_[i] = period_slot{lo, hi, index, true};
      if (++period_slots_used_ * 2 > period_slots_.size()) grow_period_slots();
      return index < 0 ? std::nullopt : std::optional<std::uint32_t>(static_cast<std::uint32_t>(index));
    }
    std::string key;
    key.append(freq).append(1, '\x1f').append(text);
    auto it = period_cache_.find(key);
    if (it == period_cache_.end()) it = period_cache_.emplace(std::move(key), new_period(col, text, freq)).first;
    return it->second < 0 ? std::nullopt : std::optional<std::uint32_t>(static_cast<std::uint32_t>(it->second));
  }

  // Parses a period text not seen before: its index, or -1 when the selection drops it.
  std::int64_t new_period(std::size_t col, std::string_view text, std::string_view freq) {
    std::string why;
    const std::optional<count_period> p =
        parse_eurostat_period(text, freq, data_.layout == eurostat_layout::tidy_csv, why);
    if (!p) fail_value(col, text, eurostat_period_wanted(why));
    const std::optional<std::uint32_t> index = period_index(*p);
    return index ? static_cast<std::int64_t>(*index) : -1;
  }

  void grow_period_slots() {
    std::vector<period_slot> old = std::move(period_slots_);
    period_slots_.assign(old.size() * 2, period_slot{});
    const std::size_t mask = period_slots_.size() - 1;
    for (const period_slot& slot : old) {
      if (!slot.used) continue;
      std::size_t i =
          static_cast<std::size_t>((slot.lo * 0x9E3779B97F4A7C15ULL) ^ (slot.hi * 0xC2B2AE3D27D4EB4FULL)) >> 7 & mask;
      while (period_slots_[i].used) i = (i + 1) & mask;
      period_slots_[i] = slot;
    }
  }

  void dataflow(std::size_t col, std::string_view f) {
    const std::optional<std::string> name = eurostat_dataset_from_dataflow(f);
    if (!name) fail_value(col, f, "a dataflow such as \"ESTAT:MIGR_ASYAPPCTZM(1.0)\"");
    if (has_dataflow_ && *name != data_.dataset) {
      throw invalid_input(escaped(file_) + ", line " + std::to_string(line_) + ": the file mixes datasets " +
                          quote(data_.dataset) + " and " + quote(*name));
    }
    data_.dataset = *name;
    dataflow_.assign(f);
    has_dataflow_ = true;
  }

  void last_update(std::size_t col, std::string_view f) {
    const std::optional<release> r = eurostat_release_from_last_update(f);
    if (!r) fail_value(col, f, "a LAST UPDATE date (DD/MM/YY HH:MM:SS or YYYY-MM-DD)");
    if (!has_last_update_ || *r > data_.release) {
      data_.release = *r;
      data_.last_update.assign(f);
    }
    last_update_raw_.assign(f);
    has_last_update_ = true;
  }

  // ---- the end: sorted dictionaries, sorted observations, duplicates --------------------

  template <class T>
  [[nodiscard]] static std::vector<std::uint32_t> sorted_order(const std::vector<T>& items) {
    std::vector<std::uint32_t> order(items.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return items[a] < items[b]; });
    return order;
  }

  // new index of each old index, and the items in sorted order.
  template <class T>
  [[nodiscard]] static std::vector<std::uint32_t> sort_dictionary(std::vector<T>& items) {
    const std::vector<std::uint32_t> order = sorted_order(items);
    std::vector<std::uint32_t> rank(items.size());
    std::vector<T> sorted;
    sorted.reserve(items.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) {
      rank[order[i]] = i;
      sorted.push_back(std::move(items[order[i]]));
    }
    items = std::move(sorted);
    return rank;
  }

  void canonicalise() {
    const auto geo_rank = sort_dictionary(geo_.codes);
    const auto citizen_rank = sort_dictionary(citizen_.codes);
    const auto asyl_rank = sort_dictionary(asyl_app_.codes);
    const auto period_rank = sort_dictionary(periods_);
    const std::size_t n = pending_.size();
    // key: geo 16 bits, asyl_app 8, citizen 16, period 16 (the dictionaries' limits).
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keys(n);
    for (std::size_t i = 0; i < n; ++i) {
      const pending& o = pending_[i];
      keys[i] = {(std::uint64_t{geo_rank[o.geo]} << 40) | (std::uint64_t{asyl_rank[o.asyl_app]} << 32) |
                     (std::uint64_t{citizen_rank[o.citizen]} << 16) | std::uint64_t{period_rank[o.period]},
                 static_cast<std::uint32_t>(i)};
    }
    if (!std::is_sorted(keys.begin(), keys.end())) std::sort(keys.begin(), keys.end());
    for (std::size_t i = 1; i < n; ++i) {
      if (keys[i].first == keys[i - 1].first) duplicate(keys[i - 1].second, keys[i].second, keys[i].first);
    }
    eurostat_data& d = data_;
    d.geo_codes = std::move(geo_.codes);
    d.citizen_codes = std::move(citizen_.codes);
    d.asyl_app_codes = std::move(asyl_app_.codes);
    d.periods = std::move(periods_);
    d.geo.resize(n);
    d.citizen.resize(n);
    d.asyl_app.resize(n);
    d.period.resize(n);
    std::vector<std::int64_t> value(n);
    std::vector<observation_flags> flags(n);
    std::vector<std::uint8_t> present(n);
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t k = keys[i].first;
      const std::uint32_t from = keys[i].second;
      d.geo[i] = static_cast<std::uint16_t>(k >> 40);
      d.asyl_app[i] = static_cast<std::uint8_t>(k >> 32);
      d.citizen[i] = static_cast<std::uint16_t>(k >> 16);
      d.period[i] = static_cast<std::uint16_t>(k);
      value[i] = d.value[from];
      flags[i] = d.flags[from];
      present[i] = d.present[from];
    }
    d.value = std::move(value);
    d.flags = std::move(flags);
    d.present = std::move(present);
  }

  [[noreturn]] void duplicate(std::uint32_t a, std::uint32_t b, std::uint64_t key) const {
    const std::size_t la = std::min(lines_[a], lines_[b]);
    const std::size_t lb = std::max(lines_[a], lines_[b]);
    const std::string where = la == lb ? "twice on line " + std::to_string(la)
                                       : "on lines " + std::to_string(la) + " and " + std::to_string(lb);
    throw invalid_input(escaped(file_) + ": duplicate observation geo " + quote(geo_.codes[key >> 40]) + ", citizen " +
                        quote(citizen_.codes[(key >> 16) & 0xFFFF]) + ", asyl_app " +
                        quote(asyl_app_.codes[(key >> 32) & 0xFF]) + ", period " + iso(periods_[key & 0xFFFF]) + " " +
                        where +
                        " (one observation per dimension codes and period; a dimension the selection does not fix, "
                        "such as sex, age or unit in a file without that column, cannot repeat)");
  }

  std::string file_;
  eurostat_selection selection_;
  eurostat_data data_;
  std::size_t line_ = 0;
  bool have_header_ = false;
  std::vector<column> columns_;
  std::vector<column_filter> filters_;
  std::vector<std::string_view> fields_;
  std::vector<std::string> scratch_;
  std::array<char, 64> dropped_prefix_{};  // see csv_row
  std::size_t dropped_prefix_length_ = 0;
  std::size_t dimension_count_ = 0;
  std::vector<std::optional<std::uint32_t>> tsv_periods_;
  std::vector<count_period> tsv_period_values_;
  std::string tsv_freq_;
  bool tsv_freq_checked_ = false;
  eurostat_dictionary geo_, citizen_, asyl_app_;
  std::vector<count_period> periods_;
  struct period_slot {
    std::uint64_t lo = 0, hi = 0;
    std::int64_t index = -1;
    bool used = false;
  };
  std::vector<period_slot> period_slots_;
  std::size_t period_slots_used_ = 0;
  std::unordered_map<std::string, std::int64_t, eurostat_dictionary::hash, std::equal_to<>> period_cache_;
  std::string dataflow_;
  bool has_dataflow_ = false;
  std::string last_update_raw_;
  bool has_last_update_ = false;
  std::vector<pending> pending_;
  std::vector<std::size_t> lines_;
};

// The whole text as one block.
struct eurostat_text_blocks {
  std::string_view text;
  bool done = false;
  std::span<const char> next() noexcept {
    if (done) return {};
    done = true;
    return {text.data(), text.size()};
  }
};

}  // namespace detail

/// Reads Eurostat asylum data from `source`, any object with `std::span<const char> next()`
/// that returns the next bytes of the input (empty at the end; the bytes stay valid until the
/// following call). `name` names the input in messages (a file name; it also gives the
/// dataset when the layout does not). Keeps the observations `selection` selects. Throws as
/// the file comment says.
template <class BlockSource>
[[nodiscard]] eurostat_data read_eurostat_blocks(BlockSource& source, std::string_view name,
                                                 const eurostat_selection& selection = {}) {
  detail::eurostat_parser parser(name, selection);
  std::string carry;  // a line that straddles blocks
  const auto too_long = [&]() {
    throw csv::format_error(csv::position{std::string(name), 0, 0, {}},
                            "a line longer than " + std::to_string(detail::eurostat_max_line_bytes) +
                                " bytes, the limit (is this a Eurostat file?)");
  };
  for (;;) {
    const std::span<const char> block = source.next();
    if (block.empty()) break;
    const char* p = block.data();
    const char* const end = p + block.size();
    if (!carry.empty()) {
      const auto* nl = static_cast<const char*>(std::memchr(p, '\n', block.size()));
      if (nl == nullptr) {
        if (carry.size() + block.size() > detail::eurostat_max_line_bytes) too_long();
        carry.append(p, block.size());
        continue;
      }
      carry.append(p, static_cast<std::size_t>(nl - p));
      if (carry.size() > detail::eurostat_max_line_bytes) too_long();
      parser.line(carry);
      carry.clear();
      p = nl + 1;
    }
    // Whole groups of 64 bytes: the line ends of each found at once.
    const char* group = p;
    for (; end - group >= 64; group += 64) {
      for (std::uint64_t bits = detail::eurostat_byte_bits(group, 64, '\n'); bits != 0; bits &= bits - 1) {
        const char* const nl = group + std::countr_zero(bits);
        parser.line(std::string_view(p, static_cast<std::size_t>(nl - p)));
        p = nl + 1;
      }
    }
    while (p < end) {
      const char* const from = p > group ? p : group;
      const auto* nl = static_cast<const char*>(std::memchr(from, '\n', static_cast<std::size_t>(end - from)));
      if (nl == nullptr) {
        if (static_cast<std::size_t>(end - p) > detail::eurostat_max_line_bytes) too_long();
        carry.assign(p, static_cast<std::size_t>(end - p));
        break;
      }
      parser.line(std::string_view(p, static_cast<std::size_t>(nl - p)));
      p = nl + 1;
    }
  }
  if (!carry.empty()) parser.line(carry);
  return parser.finish();
}

/// Reads the Eurostat file `path`, plain or gzip-compressed (`input_blocks`: inflated on a
/// second thread while this one parses; see `read_eurostat_blocks`). Throws `invalid_input`
/// naming the path when it cannot be opened or is a directory, `csv::read_error` naming the
/// path and byte for a corrupt or cut-short gzip file.
[[nodiscard]] inline eurostat_data read_eurostat(const std::filesystem::path& path,
                                                 const eurostat_selection& selection = {}) {
  input_blocks blocks(path);
  return read_eurostat_blocks(blocks, path.string(), selection);
}

/// Reads Eurostat data from `text` (see `read_eurostat_blocks`); `name` names it in messages.
[[nodiscard]] inline eurostat_data read_eurostat_text(std::string_view text, std::string_view name = "<text>",
                                                      const eurostat_selection& selection = {}) {
  detail::eurostat_text_blocks blocks{text};
  return read_eurostat_blocks(blocks, name, selection);
}

/// The count rows of reporting country `geo`: first applications (asyl_app NASY_APP) and
/// repeat applications (SSEQ) per citizenship and period; citizen TOTAL gives the TOTAL rows
/// (no nationality); the other aggregates (EU27_2020, EXT_EU27_2020, ...) and ASY_APP (the sum
/// of both) are left out, and so are missing values (`:`). Each row carries the observation's
/// flags, the source's rounding (`source_multiple`), the source "Eurostat <dataset>", the
/// data's release and its file. Throws `invalid_input` naming `geo` and the codes the data
/// has when it has no observation of `geo`, and `unknown_code` for a citizenship code that is
/// neither a nationality nor an aggregate.
[[nodiscard]] inline std::vector<count_row> eurostat_count_rows(const eurostat_data& data, std::string_view geo) {
  const auto g = std::find(data.geo_codes.begin(), data.geo_codes.end(), geo);
  if (g == data.geo_codes.end()) {
    std::string have;
    for (const std::string& code : data.geo_codes) have += (have.empty() ? "" : ", ") + code;
    throw invalid_input((data.file.empty() ? std::string() : escaped(data.file) + ": ") + "no observations of geo " +
                        quote(geo) + " (the data has " + (have.empty() ? std::string("none") : have) + ")");
  }
  const auto geo_index = static_cast<std::uint16_t>(g - data.geo_codes.begin());
  // Per dictionary entry, once: the category of each asyl_app code and the nationality of
  // each citizen code (nothing: not counted).
  std::vector<std::optional<category>> categories(data.asyl_app_codes.size());
  for (std::size_t i = 0; i < categories.size(); ++i) {
    if (data.asyl_app_codes[i] == "NASY_APP") categories[i] = category::first_application;
    if (data.asyl_app_codes[i] == "SSEQ") categories[i] = category::repeat_application;
  }
  struct citizenship {
    bool counted = false;
    std::optional<nationality> nat;  // empty: TOTAL
  };
  std::vector<citizenship> citizens(data.citizen_codes.size());
  for (std::size_t i = 0; i < citizens.size(); ++i) {
    const std::string& code = data.citizen_codes[i];
    if (code == "TOTAL") {
      citizens[i].counted = true;
    } else if (!is_eurostat_aggregate(code)) {
      citizens[i] = citizenship{true, nationality_of_eurostat(code)};
    }
  }
  const std::string source = data.dataset.empty() ? std::string("Eurostat") : "Eurostat " + data.dataset;
  std::vector<count_row> rows;
  for (std::size_t i = 0; i < data.size(); ++i) {
    if (data.geo[i] != geo_index || data.present[i] == 0) continue;
    const std::optional<category> cat = categories[data.asyl_app[i]];
    const citizenship& who = citizens[data.citizen[i]];
    if (!cat || !who.counted) continue;
    count_row row;
    row.period = data.periods[data.period[i]];
    row.category = *cat;
    row.nationality = who.nat;
    row.count = data.value[i];
    row.source = source;
    row.release = data.release;
    row.file = data.file;
    // count_row gains these with observation_flags.hpp (helper "counts"); until then they are skipped.
    [&](auto& r) {
      r.flags = data.flags[i];
      r.source_multiple = data.source_multiple;
    }(row);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace kerncijfers
