#pragma once
/// \file counts.hpp
/// Counts of asylum influx: how many people of one category (first application, repeat
/// application, nareiziger, relocation, resettlement) and one nationality (or all
/// nationalities together, TOTAL) came in one month, quarter or year, as published in one
/// release of one source. A `counts_table` holds such rows, keeps the latest release of
/// every number, and answers "how many in this window of months?" by tiling the window
/// with rows of mixed granularity.
///
/// The CSV schema (`read_counts_csv`), the vintage rule and the tiling rule are described
/// in `docs/data-schema.md`; in short:
///
/// - Vintages: rows with the same key (period, category, nationality) from several releases:
///   the latest release wins. The same key twice in one release: an identical count is
///   kept once, a different count is an error naming both rows.
/// - Tiling: walk the window's months from the first; at month m take the coarsest row
///   (year, then quarter, then month) that starts at m and ends inside the window. Finer
///   rows inside a chosen tile are redundant: when they cover it completely and disagree,
///   the result carries a note. A month no row covers is a gap; a row that covers a month
///   but sticks out of the window (or overlaps months already counted) would have to be
///   split: both are errors naming the months.
///
/// Errors. `from_rows` throws `count_error` for a negative count, `invalid_input` for an
/// empty source and for conflicting rows of one release. The CSV reader throws
/// `csv::format_error` for malformed CSV and a wrong header, and `csv::value_error` (a
/// `parse_error`) for every bad value: its message names the file, line, column and value.
/// An unknown nationality in a file is a `csv::value_error` too, not an `unknown_code`: the
/// file is what is wrong, so in Python it is a `ValueError` like every other bad value in
/// a file, and its message carries the closest known names. Queries throw `range_error`
/// for gaps and for rows that would have to be split, and `overflow_error` when a sum does
/// not fit in 64 bits; the `try_` variants report those instead of throwing.

#include <algorithm>
#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <istream>
#include <numeric>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "kerncijfers/calendar.hpp"
#include "kerncijfers/checked.hpp"
#include "kerncijfers/detail/csv.hpp"
#include "kerncijfers/errors.hpp"
#include "kerncijfers/language.hpp"
#include "kerncijfers/nationality.hpp"
#include "kerncijfers/period.hpp"
#include "kerncijfers/period_range.hpp"

namespace kerncijfers {

// ---------------------------------------------------------------------------------------
// Categories

/// What a count counts: the five kinds of asylum influx the ministry publishes.
enum class category : std::uint8_t {
  first_application,     ///< eerste asielaanvraag
  repeat_application,    ///< herhaalde asielaanvraag
  family_reunification,  ///< nareiziger: a family member following a refugee
  relocation,            ///< herplaatsing (from another EU member state)
  resettlement           ///< hervestiging (via UNHCR)
};

/// Every category, in declaration order.
inline constexpr std::array<category, 5> all_categories = {category::first_application, category::repeat_application,
                                                           category::family_reunification, category::relocation,
                                                           category::resettlement};

/// The schema name: "first_application", "repeat_application", "family_reunification",
/// "relocation" or "resettlement".
[[nodiscard]] constexpr std::string_view to_string(category c) noexcept {
  switch (c) {
    case category::first_application: return "first_application";
    case category::repeat_application: return "repeat_application";
    case category::family_reunification: return "family_reunification";
    case category::relocation: return "relocation";
    case category::resettlement: return "resettlement";
  }
  return "?";
}

/// Parses a schema name (see `to_string`) or a Dutch alias: `eerste_asielverzoek`,
/// `eerste_aanvraag`, `herhaalde_aanvraag`, `herhaald_asielverzoek`, `nareiziger`,
/// `nareizigers`, `herplaatsing`, `hervestiging`. Exact spelling (lower case, underscores);
/// anything else throws `parse_error` naming the text.
[[nodiscard]] inline category parse_category(std::string_view text) {
  for (const category c : all_categories) {
    if (text == to_string(c)) return c;
  }
  if (text == "eerste_asielverzoek" || text == "eerste_aanvraag") return category::first_application;
  if (text == "herhaalde_aanvraag" || text == "herhaald_asielverzoek") return category::repeat_application;
  if (text == "nareiziger" || text == "nareizigers") return category::family_reunification;
  if (text == "herplaatsing") return category::relocation;
  if (text == "hervestiging") return category::resettlement;
  throw parse_error(std::string(text),
                    "a category (first_application, repeat_application, family_reunification, relocation or "
                    "resettlement, or a Dutch alias such as eerste_asielverzoek or nareiziger)");
}

/// The label on the page: "eerste asielaanvragen" / "first asylum applications",
/// "herhaalde asielaanvragen" / "repeat asylum applications", "nareizigers" / "family
/// members following (nareizigers)", "herplaatsing" / "relocation", "hervestiging" /
/// "resettlement".
[[nodiscard]] constexpr std::string_view label(category c, language lang) noexcept {
  const bool nl = lang == language::nl;
  switch (c) {
    case category::first_application: return nl ? "eerste asielaanvragen" : "first asylum applications";
    case category::repeat_application: return nl ? "herhaalde asielaanvragen" : "repeat asylum applications";
    case category::family_reunification: return nl ? "nareizigers" : "family members following (nareizigers)";
    case category::relocation: return nl ? "herplaatsing" : "relocation";
    case category::resettlement: return nl ? "hervestiging" : "resettlement";
  }
  return "?";
}

/// Writes `to_string(c)`.
inline std::ostream& operator<<(std::ostream& out, category c) { return out << to_string(c); }

// ---------------------------------------------------------------------------------------
// Periods of a count row

/// The period of a count row: a month, a quarter or a year.
using count_period = std::variant<month, quarter, year>;

/// Parses "2021-05" (month), "2021-Q2" (quarter) or "2021" (year). Anything else throws
/// `parse_error` naming the text.
[[nodiscard]] inline count_period parse_count_period(std::string_view text) {
  try {
    if (text.size() == 4) return year::parse(text);
    if (text.size() > 5 && text[5] == 'Q') return quarter::parse(text);
    return month::parse(text);
  } catch (const parse_error&) {
    throw parse_error(std::string(text), "a period: a month (YYYY-MM), a quarter (YYYY-Qn) or a year (YYYY)");
  }
}

/// The ISO form: "2021-05", "2021-Q2" or "2021".
[[nodiscard]] inline std::string iso(const count_period& p) {
  return std::visit([](const auto& q) { return q.iso(); }, p);
}

/// The label: "mei 2021", "2e kwartaal 2021", "2021" (Dutch); "May 2021", "Q2 2021" (English).
[[nodiscard]] inline std::string label(const count_period& p, language lang) {
  return std::visit([lang](const auto& q) { return q.label(lang); }, p);
}

/// The months the period covers: one month, the three months of a quarter, the twelve of a year.
[[nodiscard]] constexpr period_range<month> months_of(const count_period& p) {
  return std::visit([](const auto& q) { return subperiods<month>(q); }, p);
}

/// Writes the ISO form.
inline std::ostream& operator<<(std::ostream& out, const count_period& p) { return out << iso(p); }

// ---------------------------------------------------------------------------------------
// Releases

/// How precisely a release is dated.
enum class release_precision : std::uint8_t {
  undated,  ///< no date: older than every dated release
  day,      ///< a day, "2021-06-15"
  week,     ///< an ISO week, "2021-W24"
  month     ///< a month, "2021-06"
};

/// "undated", "day", "week" or "month".
[[nodiscard]] constexpr std::string_view to_string(release_precision p) noexcept {
  switch (p) {
    case release_precision::undated: return "undated";
    case release_precision::day: return "day";
    case release_precision::week: return "week";
    case release_precision::month: return "month";
  }
  return "?";
}

/// When a source published a number (its vintage), as precisely as known: a day, an ISO
/// week, a month, or undated.
///
/// Order: an undated release is older than every dated one; dated releases compare by
/// their first day, then by precision (day < week < month), so a release dated only
/// "2021-06" counts as later than "2021-06-01": it may have appeared on any day of June.
/// Regular: copyable, ==, <=>, hashable.
class release {
 public:
  /// An undated release.
  constexpr release() noexcept = default;

  /// The release on day number `day` (days since 1970-01-01); throws `range_error` naming
  /// the day number when it lies outside years 1-9999.
  [[nodiscard]] static constexpr release from_day(calendar::day_number day) {
    if (!calendar::is_valid_day_number(day)) {
      throw range_error("release day number " + std::to_string(day) + " is outside the supported years 0001-9999");
    }
    return release(day, release_precision::day);
  }
  /// The release on `y`-`m`-`d`; throws `invalid_input` naming the date when it does not exist.
  [[nodiscard]] static constexpr release from_date(int y, unsigned m, unsigned d) {
    if (!calendar::is_valid_year(y) || !calendar::is_valid_date(y, m, d)) {
      throw invalid_input("not a valid release date: " + std::to_string(y) + "-" + std::to_string(m) + "-" +
                          std::to_string(d));
    }
    return from_day(calendar::to_day_number(y, m, d));
  }
  /// A release known only by its ISO week.
  [[nodiscard]] static constexpr release from_week(iso_week w) noexcept {
    return release(w.first_day_number(), release_precision::week);
  }
  /// A release known only by its month.
  [[nodiscard]] static constexpr release from_month(kerncijfers::month m) noexcept {
    return release(m.first_day_number(), release_precision::month);
  }

  /// Parses "YYYY-MM-DD", "YYYY-Www" or "YYYY-MM"; the empty text is an undated release.
  /// Anything else (including a date that does not exist) throws `parse_error` naming the text.
  [[nodiscard]] static release parse(std::string_view text) {
    if (text.empty()) return release();
    const auto fail = [&]() -> release {
      throw parse_error(std::string(text), "a release (YYYY-MM-DD, YYYY-Www or YYYY-MM; empty for an undated release)");
    };
    try {
      if (text.size() == 10) {
        if (text[4] != '-' || text[7] != '-') return fail();
        const long long y = detail::read_digits(text.substr(0, 4));
        const long long m = detail::read_digits(text.substr(5, 2));
        const long long d = detail::read_digits(text.substr(8, 2));
        if (!calendar::is_valid_year(y) || m < 1 || m > 12 || d < 1 || d > 31) return fail();
        if (!calendar::is_valid_date(static_cast<int>(y), static_cast<unsigned>(m), static_cast<unsigned>(d))) {
          return fail();
        }
        return from_date(static_cast<int>(y), static_cast<unsigned>(m), static_cast<unsigned>(d));
      }
      if (text.size() == 8 && text[5] == 'W') return from_week(iso_week::parse(text));
      if (text.size() == 7) return from_month(kerncijfers::month::parse(text));
    } catch (const invalid_input&) {
      return fail();
    }
    return fail();
  }

  /// How precisely the release is dated.
  [[nodiscard]] constexpr release_precision precision() const noexcept { return precision_; }
  /// False for an undated release.
  [[nodiscard]] constexpr bool is_dated() const noexcept { return precision_ != release_precision::undated; }
  /// The first day the release stands for (the day, the week's Monday, the month's first
  /// day); nothing for an undated release.
  [[nodiscard]] constexpr std::optional<calendar::day_number> first_day_number() const noexcept {
    if (!is_dated()) return std::nullopt;
    return day_;
  }

  /// The form `parse` reads: "2021-06-15", "2021-W24", "2021-06"; "" when undated.
  [[nodiscard]] std::string iso() const {
    switch (precision_) {
      case release_precision::undated: return "";
      case release_precision::day: {
        const auto ymd = calendar::to_civil(day_);
        return detail::iso_date(calendar::year_of(ymd), calendar::month_of(ymd), calendar::day_of(ymd));
      }
      case release_precision::week: return iso_week::containing_day_number(day_).iso();
      case release_precision::month: return kerncijfers::month::containing_day_number(day_).iso();
    }
    return "";
  }

  /// For text: "15 juni 2021" / "15 June 2021", "week 24 2021", "juni 2021" / "June 2021",
  /// "ongedateerd" / "undated".
  [[nodiscard]] std::string label(language lang) const {
    switch (precision_) {
      case release_precision::undated: return lang == language::nl ? "ongedateerd" : "undated";
      case release_precision::day: {
        const auto ymd = calendar::to_civil(day_);
        return std::to_string(calendar::day_of(ymd)) + " " +
               kerncijfers::month::containing_day_number(day_).label(lang);
      }
      case release_precision::week: return iso_week::containing_day_number(day_).label(lang);
      case release_precision::month: return kerncijfers::month::containing_day_number(day_).label(lang);
    }
    return "";
  }

  /// Same date and precision (all undated releases are equal).
  [[nodiscard]] friend constexpr bool operator==(release, release) noexcept = default;
  /// Undated first; then by first day; then day < week < month.
  [[nodiscard]] friend constexpr std::strong_ordering operator<=>(release a, release b) noexcept {
    if (const auto c = a.is_dated() <=> b.is_dated(); c != 0) return c;
    if (const auto c = a.day_ <=> b.day_; c != 0) return c;
    return a.precision_ <=> b.precision_;
  }

  /// Writes `iso()`, or "undated".
  friend std::ostream& operator<<(std::ostream& out, release r) {
    return out << (r.is_dated() ? r.iso() : std::string("undated"));
  }

 private:
  constexpr release(calendar::day_number day, release_precision precision) noexcept
      : day_(day), precision_(precision) {}

  calendar::day_number day_ = 0;  // 0 when undated, so that == can be defaulted
  release_precision precision_ = release_precision::undated;
};

// ---------------------------------------------------------------------------------------
// Rows

/// One row of a counts table: `count` people of category `cat` and nationality `nat`
/// (all nationalities together when empty: a TOTAL row) in `period`, as published by
/// `source` in release `rel`. `line` is the line in the file it was read from (0 when it
/// was not read from a file).
struct count_row {
  /// The month, quarter or year counted.
  count_period period;
  /// What is counted.
  category cat = category::first_application;
  /// The nationality; empty for a TOTAL row (all nationalities together).
  std::optional<nationality> nat;
  /// The number of people; never negative.
  std::int64_t count = 0;
  /// The publication the number comes from, e.g. "CBS StatLine 83102NED"; never empty.
  std::string source;
  /// When the source published the number.
  release rel;
  /// Line in the input file (from 1), 0 when the row was not read from a file.
  std::size_t line = 0;
  /// The file the row was read from; empty when it was not read from a file. Messages name
  /// it, so rows of several files can share one table and still be found.
  std::string file;

  /// Every field equal.
  [[nodiscard]] friend bool operator==(const count_row&, const count_row&) = default;

  /// "2021-05 first_application SYR 1120 (CBS StatLine 83102NED, release 2021-06-15, line 4)".
  friend std::ostream& operator<<(std::ostream& out, const count_row& r) {
    out << iso(r.period) << ' ' << to_string(r.cat) << ' ' << (r.nat ? r.nat->alpha3() : std::string_view("TOTAL"))
        << ' ' << r.count << " (" << r.source << ", release " << r.rel;
    if (r.line > 0) out << ", line " << r.line;
    return out << ')';
  }
};

/// The number of people in a window of months, and where it came from.
struct window_total {
  /// The months asked for.
  period_range<month> window{month{}};
  /// The sum of the rows that tile the window.
  std::int64_t value = 0;
  /// The periods of those rows, in order: e.g. 2020-06, 2020-Q3, 2020-Q4, 2021-Q1, 2021-04, 2021-05.
  std::vector<count_period> tiles;
  /// The distinct sources of those rows, sorted.
  std::vector<std::string> sources;
  /// The latest release among those rows.
  release latest_release;
  /// Disagreements found but not used: a chosen quarter or year row whose finer rows cover
  /// it completely and sum to a different number (the coarser row is used).
  std::vector<std::string> notes;

  /// Every field equal.
  [[nodiscard]] friend bool operator==(const window_total&, const window_total&) = default;
};

/// The answer of a query that may lack data (`counts_table::try_count`, `try_total`):
/// the total when the window can be tiled, otherwise what is missing and why.
struct window_lookup {
  /// The total; empty when the window cannot be tiled (or the sum overflows).
  std::optional<window_total> total;
  /// Months no row covers at all.
  std::vector<month> missing;
  /// Rows that cover a month of the window but would have to be split to be used.
  std::vector<count_period> unsplittable;
  /// The message the throwing query would give; empty when `total` is set.
  std::string reason;

  /// True when `total` is set.
  [[nodiscard]] bool ok() const noexcept { return total.has_value(); }
  /// True when `total` is set.
  [[nodiscard]] explicit operator bool() const noexcept { return ok(); }
  /// Every field equal.
  [[nodiscard]] friend bool operator==(const window_lookup&, const window_lookup&) = default;
};

namespace detail {

// The rank of a count period: 0 month, 1 quarter, 2 year.
[[nodiscard]] constexpr int granularity_rank(const count_period& p) noexcept { return static_cast<int>(p.index()); }

[[nodiscard]] inline std::string rank_name(int rank) { return rank == 0 ? "month" : rank == 1 ? "quarter" : "year"; }

// "2020-07, 2020-08".
template <class Range>
[[nodiscard]] std::string join_iso(const Range& items) {
  std::string text;
  for (const auto& item : items) {
    if (!text.empty()) text += ", ";
    if constexpr (std::is_same_v<std::decay_t<decltype(item)>, count_period>)
      text += iso(item);
    else
      text += item.iso();
  }
  return text;
}

// How a count field reads.
enum class count_text { ok, not_plain_digits, too_large };

// Plain decimal digits (no sign, separators, decimals or spaces) that fit in int64.
[[nodiscard]] constexpr count_text parse_plain_count(std::string_view text, std::int64_t& value) noexcept {
  if (text.empty()) return count_text::not_plain_digits;
  for (const char c : text) {
    if (!is_ascii_digit(c)) return count_text::not_plain_digits;
  }
  std::int64_t v = 0;
  for (const char c : text) {
    if (__builtin_mul_overflow(v, std::int64_t{10}, &v) || __builtin_add_overflow(v, std::int64_t{c - '0'}, &v)) {
      return count_text::too_large;
    }
  }
  value = v;
  return count_text::ok;
}

// True when `text` has a character other than a space or a tab.
[[nodiscard]] constexpr bool has_text(std::string_view text) noexcept {
  return text.find_first_not_of(" \t\r\n") != std::string_view::npos;
}

// Where an input row is, for messages: "counts.csv, line 4", "line 4", or "rows[3]" for a
// row given in a list without a line number. The row's own file, when known, beats the
// table's origin (a table may hold the rows of several files).
[[nodiscard]] inline std::string row_place(const std::string& origin, const std::string& file, std::size_t line,
                                           std::size_t input_index) {
  const std::string where = escaped(file.empty() ? origin : file);  // a file name may be any bytes
  if (line > 0) return (where.empty() ? std::string() : where + ", ") + "line " + std::to_string(line);
  return (where.empty() ? std::string() : where + ": ") + "rows[" + std::to_string(input_index) + "]";
}

// Short place of a row in a message that already names the origin: "line 4" / "rows[3]",
// or "counts.csv, line 4" when the row comes from a file other than the origin.
[[nodiscard]] inline std::string row_short_place(const std::string& origin, const std::string& file, std::size_t line,
                                                 std::size_t input_index) {
  const std::string place = line > 0 ? "line " + std::to_string(line) : "rows[" + std::to_string(input_index) + "]";
  return file.empty() || file == origin ? place : escaped(file) + ", " + place;
}

// The vintage rule, shared by counts and departures. `rows` are in input order; returns the
// input indices of the rows kept (sorted by key), and fills `superseded` with the input
// indices of the others (older releases and identical repeats), in input order.
// `sort_key(r)` gives a row's key as a small totally ordered value (computed once per row:
// the sort compares keys, not rows); `describe_key(r)` names a key for messages.
// Throws `invalid_input` naming both rows when one release gives one key two counts.
template <class Row, class SortKey, class DescribeKey>
[[nodiscard]] std::vector<std::size_t> resolve_vintages(const std::vector<Row>& rows, const SortKey& sort_key,
                                                        const DescribeKey& describe_key, const std::string& origin,
                                                        std::vector<std::size_t>& superseded) {
  using key_type = std::invoke_result_t<const SortKey&, const Row&>;
  struct entry {
    key_type key;
    release rel;
    std::size_t index;
  };
  std::vector<entry> entries;
  entries.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) entries.push_back(entry{sort_key(rows[i]), rows[i].rel, i});
  std::sort(entries.begin(), entries.end(), [](const entry& a, const entry& b) {
    if (const auto c = a.key <=> b.key; c != 0) return c < 0;
    if (const auto c = a.rel <=> b.rel; c != 0) return c < 0;
    return a.index < b.index;
  });
  std::vector<std::size_t> order(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) order[i] = entries[i].index;
  std::vector<std::size_t> kept;
  for (std::size_t begin = 0; begin < order.size();) {
    std::size_t end = begin + 1;
    while (end < order.size() && entries[begin].key == entries[end].key) ++end;
    // Within a key: releases ascending, input order within a release. Check every release.
    for (std::size_t r = begin; r < end;) {
      std::size_t r_end = r + 1;
      while (r_end < end && rows[order[r_end]].rel == rows[order[r]].rel) ++r_end;
      const Row& first = rows[order[r]];
      for (std::size_t k = r + 1; k < r_end; ++k) {
        const Row& other = rows[order[k]];
        if (other.count != first.count) {
          const std::string rel = first.rel.is_dated() ? "release " + first.rel.iso() : "the undated release";
          throw invalid_input((origin.empty() ? std::string() : escaped(origin) + ": ") + "conflicting counts for " +
                              describe_key(first) + " in " + rel + ": " + std::to_string(first.count) + " (" +
                              row_short_place(origin, first.file, first.line, order[r]) + ") and " +
                              std::to_string(other.count) + " (" +
                              row_short_place(origin, other.file, other.line, order[k]) + ")");
        }
      }
      const bool latest = r_end == end;
      for (std::size_t k = r; k < r_end; ++k) {
        if (latest && k == r)
          kept.push_back(order[k]);
        else
          superseded.push_back(order[k]);
      }
      r = r_end;
    }
    begin = end;
  }
  std::sort(superseded.begin(), superseded.end());
  return kept;
}

// The header check shared by the readers: exactly `expected`, in order.
inline void require_exact_header(const csv::reader& reader, std::span<const std::string_view> expected) {
  const auto header = reader.header();
  bool same = header.size() == expected.size();
  for (std::size_t i = 0; same && i < header.size(); ++i) same = header[i] == expected[i];
  if (same) return;
  std::string got;
  std::string want;
  for (const auto& name : header) got += (got.empty() ? "" : ",") + name;
  for (const auto name : expected) want += (want.empty() ? "" : ",") + std::string(name);
  std::string missing;
  for (const auto name : expected) {
    if (!reader.find_column(name)) missing += (missing.empty() ? "" : ", ") + quote(name);
  }
  std::string extra;
  for (const auto& name : header) {
    if (std::find(expected.begin(), expected.end(), std::string_view(name)) == expected.end()) {
      extra += (extra.empty() ? "" : ", ") + quote(name);
    }
  }
  std::string problem;
  if (!missing.empty()) problem += "missing " + missing;
  if (!extra.empty()) problem += (problem.empty() ? "" : "; ") + ("extra " + extra);
  if (problem.empty()) problem = "columns in the wrong order";
  throw csv::format_error(csv::position{reader.source(), 0, 0, {}},
                          "wrong header " + quote(got) + " (" + problem + "); expected exactly " + quote(want));
}

// Reads a count field, a source and a release; shared by both readers.
inline std::int64_t read_count_field(const csv::reader& reader, const csv::record& r, std::size_t column) {
  std::int64_t value = 0;
  switch (parse_plain_count(r[column], value)) {
    case count_text::ok: return value;
    case count_text::not_plain_digits:
      reader.fail_value(r, column,
                        "a count (a non-negative integer in plain digits: no sign, spaces, separators or decimals)");
    case count_text::too_large: reader.fail_value(r, column, "a count (too large: it must fit in 64 bits)");
  }
  return value;
}

inline std::string read_source_field(const csv::reader& reader, const csv::record& r, std::size_t column) {
  if (!has_text(r[column]))
    reader.fail_value(r, column, "a source (the publication the count comes from; it must not be empty)");
  return r[column];
}

inline release read_release_field(const csv::reader& reader, const csv::record& r, std::size_t column) {
  try {
    return release::parse(r[column]);
  } catch (const parse_error&) {
    reader.fail_value(r, column, "a release (YYYY-MM-DD, YYYY-Www or YYYY-MM; empty for an undated release)");
  }
}

// The read loop of both CSV schemas (counts and departures): the header exactly `columns`,
// then per record the schema's own key columns 0-2 by `read_key(reader, record, row)` and the
// shared columns count (3), source (4) and release (5), with the row's line and file.
template <class Row, class ReadKey>
[[nodiscard]] std::vector<Row> read_rows(std::istream& in, std::string file_name,
                                         std::span<const std::string_view> columns, const ReadKey& read_key) {
  csv::reader reader(in, std::move(file_name));
  require_exact_header(reader, columns);
  std::vector<Row> rows;
  csv::record r;
  while (reader.next(r)) {
    Row row;
    read_key(reader, r, row);
    row.count = read_count_field(reader, r, 3);
    row.source = read_source_field(reader, r, 4);
    row.rel = read_release_field(reader, r, 5);
    row.line = r.line;
    row.file = reader.source();
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace detail

// ---------------------------------------------------------------------------------------
// The table

/// Count rows, validated, with one row per key (the latest release), indexed by category
/// and nationality for fast window queries. Regular: copyable, ==. Build it with
/// `from_rows` or `read_counts_csv`.
class counts_table {
 public:
  /// The empty table.
  counts_table() = default;

  /// Validates `rows` and applies the vintage rule (see the file comment). `origin` names
  /// the input in messages (a file name; may be empty). Throws `count_error` for a negative
  /// count, `invalid_input` for an empty source and for two different counts of one key in
  /// one release, each message naming the row(s) by line (or by index when `line` is 0).
  [[nodiscard]] static counts_table from_rows(std::vector<count_row> rows, std::string origin = {}) {
    counts_table table;
    table.origin_ = std::move(origin);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const count_row& r = rows[i];
      if (r.count < 0) {
        throw count_error(detail::row_place(table.origin_, r.file, r.line, i) + ": negative count " +
                          std::to_string(r.count) + " for " + describe_key(r));
      }
      if (!detail::has_text(r.source)) {
        throw invalid_input(detail::row_place(table.origin_, r.file, r.line, i) + ": empty source for " +
                            describe_key(r));
      }
    }
    std::vector<std::size_t> superseded;
    const std::vector<std::size_t> kept = detail::resolve_vintages(
        rows, [](const count_row& r) { return sort_key(r); }, [](const count_row& r) { return describe_key(r); },
        table.origin_, superseded);
    table.rows_.reserve(kept.size());
    table.spans_.reserve(kept.size());
    for (const std::size_t i : kept) {
      const auto months = months_of(rows[i].period);
      table.spans_.push_back(
          span_info{months.first().serial(), months.last().serial(), detail::granularity_rank(rows[i].period), i});
      table.rows_.push_back(std::move(rows[i]));
    }
    for (const std::size_t i : superseded) table.superseded_.push_back(std::move(rows[i]));
    for (std::size_t i = 0; i < table.rows_.size(); ++i) {
      if (table.keys_.empty() || table.keys_.back().cat != table.rows_[i].cat ||
          table.keys_.back().nat != table.rows_[i].nat) {
        table.keys_.push_back(key_range{table.rows_[i].cat, table.rows_[i].nat, i, i});
      }
      table.keys_.back().end = i + 1;
    }
    return table;
  }

  /// The TOTAL count of `cat` in `window`, tiled from TOTAL rows (see the file comment).
  /// Throws `range_error` naming every missing month ("no TOTAL first_application count
  /// for 2020-07, 2020-08") and every row that would have to be split, `overflow_error`
  /// when the sum does not fit in 64 bits.
  [[nodiscard]] window_total total(category cat, period_range<month> window) const {
    return must(try_total(cat, window));
  }

  /// The count of `cat` for nationality `nat` in `window`, tiled from that nationality's
  /// rows. Throws as `total`.
  [[nodiscard]] window_total count(category cat, nationality nat, period_range<month> window) const {
    return must(try_count(cat, nat, window));
  }

  /// As `total`, but a gap, a row that would have to be split or an overflow is reported in
  /// the result (with the message `total` would throw) instead of thrown.
  [[nodiscard]] window_lookup try_total(category cat, period_range<month> window) const {
    return lookup(cat, std::nullopt, window);
  }

  /// As `count`, but reporting instead of throwing (see `try_total`).
  [[nodiscard]] window_lookup try_count(category cat, nationality nat, period_range<month> window) const {
    return lookup(cat, nat, window);
  }

  /// The nationalities with at least one row of `cat` overlapping `window` (whether or not
  /// their rows tile it), sorted by alpha-3 code. TOTAL rows are not a nationality.
  [[nodiscard]] std::vector<nationality> nationalities(category cat, period_range<month> window) const {
    std::vector<nationality> out;
    const auto first =
        std::lower_bound(keys_.begin(), keys_.end(), cat, [](const key_range& k, category c) { return k.cat < c; });
    for (auto k = first; k != keys_.end() && k->cat == cat; ++k) {
      if (k->nat && overlaps(*k, window)) out.push_back(*k->nat);
    }
    return out;
  }

  /// The rows in use (one per key: the latest release), sorted by category, nationality
  /// (TOTAL first), first month, and coarser periods before finer ones.
  [[nodiscard]] std::span<const count_row> rows() const noexcept { return rows_; }
  /// The rows not in use, in input order: older releases of a key, and repeats of a kept
  /// row in the same release with the same count.
  [[nodiscard]] std::span<const count_row> superseded() const noexcept { return superseded_; }
  /// Number of rows in use.
  [[nodiscard]] std::size_t size() const noexcept { return rows_.size(); }
  /// True when no row is in use.
  [[nodiscard]] bool empty() const noexcept { return rows_.empty(); }
  /// The name of the input given to `from_rows` (a file name), for messages.
  [[nodiscard]] const std::string& origin() const noexcept { return origin_; }

  /// Same rows in use and same superseded rows (the origin is not compared).
  [[nodiscard]] friend bool operator==(const counts_table& a, const counts_table& b) {
    return a.rows_ == b.rows_ && a.superseded_ == b.superseded_;
  }

 private:
  struct span_info {
    std::int32_t first;       // serial of the first month
    std::int32_t last;        // serial of the last month
    int rank;                 // 0 month, 1 quarter, 2 year
    std::size_t input_index;  // position in the rows given to from_rows
  };
  struct key_range {
    category cat;
    std::optional<nationality> nat;
    std::size_t begin;
    std::size_t end;
  };
  struct tiling {
    std::vector<std::size_t> tiles;       // row indices, in window order
    std::vector<month> missing;           // months no row covers
    std::vector<std::size_t> straddling;  // rows that cover a month but cannot be used whole
  };

  // Rows sort by category, nationality (TOTAL first), first month, then coarser periods
  // before finer ones.
  [[nodiscard]] static std::tuple<category, std::optional<nationality>, std::int32_t, int> sort_key(
      const count_row& r) {
    return {r.cat, r.nat, months_of(r.period).first().serial(), -detail::granularity_rank(r.period)};
  }

  [[nodiscard]] static std::string who(category cat, const std::optional<nationality>& nat) {
    return (nat ? std::string(nat->alpha3()) : std::string("TOTAL")) + " " + std::string(to_string(cat));
  }

  [[nodiscard]] static std::string describe_key(const count_row& r) { return iso(r.period) + " " + who(r.cat, r.nat); }

  [[nodiscard]] std::string place(std::size_t row) const {
    return detail::row_place(origin_, rows_[row].file, rows_[row].line, spans_[row].input_index);
  }

  [[nodiscard]] static window_total must(window_lookup result) {
    if (result.total) return std::move(*result.total);
    if (result.missing.empty() && result.unsplittable.empty()) throw overflow_error(result.reason);
    throw range_error(result.reason);
  }

  [[nodiscard]] const key_range* find_key(category cat, const std::optional<nationality>& nat) const noexcept {
    const auto it = std::lower_bound(keys_.begin(), keys_.end(), std::tie(cat, nat),
                                     [](const key_range& k, const auto& key) { return std::tie(k.cat, k.nat) < key; });
    if (it == keys_.end() || it->cat != cat || it->nat != nat) return nullptr;
    return &*it;
  }

  // The first row of `key` whose first month is at least `serial`.
  [[nodiscard]] std::size_t first_from(std::size_t begin, std::size_t end, std::int32_t serial) const noexcept {
    const auto base = spans_.begin();
    const auto it = std::lower_bound(base + static_cast<std::ptrdiff_t>(begin), base + static_cast<std::ptrdiff_t>(end),
                                     serial, [](const span_info& s, std::int32_t v) { return s.first < v; });
    return static_cast<std::size_t>(it - base);
  }

  [[nodiscard]] bool overlaps(const key_range& key, period_range<month> window) const noexcept {
    const std::int32_t wfirst = window.first().serial();
    const std::int32_t wlast = window.last().serial();
    // A row starts at most 11 months before a month it covers.
    for (std::size_t i = first_from(key.begin, key.end, wfirst - 11); i < key.end && spans_[i].first <= wlast; ++i) {
      if (spans_[i].last >= wfirst) return true;
    }
    return false;
  }

  // The tiling rule, with rows of rank at most `max_rank` among rows [begin, end).
  [[nodiscard]] tiling tile(std::size_t begin, std::size_t end, period_range<month> window, int max_rank) const {
    tiling out;
    const std::int32_t wlast = window.last().serial();
    std::int32_t m = window.first().serial();
    while (m <= wlast) {
      std::optional<std::size_t> chosen;
      // Rows starting at m come coarse first, so the first that fits is the coarsest.
      for (std::size_t i = first_from(begin, end, m); i < end && spans_[i].first == m; ++i) {
        if (spans_[i].rank <= max_rank && spans_[i].last <= wlast) {
          chosen = i;
          break;
        }
      }
      if (chosen) {
        out.tiles.push_back(*chosen);
        m = spans_[*chosen].last + 1;
        continue;
      }
      bool covered = false;
      for (std::size_t i = first_from(begin, end, m - 11); i < end && spans_[i].first <= m; ++i) {
        if (spans_[i].rank <= max_rank && spans_[i].last >= m) {
          covered = true;
          if (std::find(out.straddling.begin(), out.straddling.end(), i) == out.straddling.end()) {
            out.straddling.push_back(i);
          }
        }
      }
      if (!covered) out.missing.push_back(month::from_serial(m));
      ++m;
    }
    return out;
  }

  [[nodiscard]] window_lookup lookup(category cat, const std::optional<nationality>& nat,
                                     period_range<month> window) const {
    window_lookup result;
    const key_range* key = find_key(cat, nat);
    tiling t;
    if (key) {
      t = tile(key->begin, key->end, window, 2);
    } else {
      for (const month m : window) t.missing.push_back(m);
    }
    for (const std::size_t i : t.straddling) result.unsplittable.push_back(rows_[i].period);
    result.missing = t.missing;
    if (!t.missing.empty() || !t.straddling.empty()) {
      result.reason = problems(cat, nat, window, t);
      return result;
    }
    try {
      result.total = assemble(*key, window, t.tiles);
    } catch (const overflow_error& e) {
      result.reason = "the " + who(cat, nat) + " count for " + window.iso() + " does not fit in 64 bits: " + e.what();
    }
    return result;
  }

  [[nodiscard]] std::string problems(category cat, const std::optional<nationality>& nat, period_range<month> window,
                                     const tiling& t) const {
    std::string text;
    if (!t.missing.empty()) {
      text = "no " + who(cat, nat) + " count for " + detail::join_iso(t.missing) + " (window " + window.iso() + ")";
    }
    if (t.straddling.empty()) return text;
    std::vector<bool> counted(window.size(), false);
    for (const std::size_t i : t.tiles) {
      for (std::int32_t s = spans_[i].first; s <= spans_[i].last; ++s) {
        counted[static_cast<std::size_t>(s - window.first().serial())] = true;
      }
    }
    for (const std::size_t i : t.straddling) {
      std::vector<month> outside;
      std::vector<month> twice;
      for (const month m : months_of(rows_[i].period)) {
        if (!window.contains(m))
          outside.push_back(m);
        else if (counted[window.index_of(m)])
          twice.push_back(m);
      }
      if (!text.empty()) text += "; ";
      text += "the " + who(cat, nat) + " count for " + iso(rows_[i].period) + " (" + place(i) +
              ") would have to be split to fit the window " + window.iso() + ": it ";
      if (!outside.empty()) text += "also covers " + detail::join_iso(outside) + ", outside the window";
      if (!outside.empty() && !twice.empty()) text += ", and it ";
      if (!twice.empty()) text += "would count " + detail::join_iso(twice) + " twice (already counted from other rows)";
    }
    return text;
  }

  [[nodiscard]] window_total assemble(const key_range& key, period_range<month> window,
                                      const std::vector<std::size_t>& tiles) const {
    window_total total;
    total.window = window;
    for (const std::size_t i : tiles) {
      const count_row& r = rows_[i];
      total.value = checked_add(total.value, r.count);
      total.tiles.push_back(r.period);
      if (std::find(total.sources.begin(), total.sources.end(), r.source) == total.sources.end()) {
        total.sources.push_back(r.source);
      }
      total.latest_release = std::max(total.latest_release, r.rel);
      if (spans_[i].rank > 0) {
        // Finer rows inside a chosen tile are redundant; say so when they disagree.
        const tiling inner = tile(key.begin, key.end, months_of(r.period), spans_[i].rank - 1);
        if (inner.missing.empty() && inner.straddling.empty()) {
          std::int64_t sum = 0;
          std::string parts;
          for (const std::size_t j : inner.tiles) {
            sum = checked_add(sum, rows_[j].count);
            parts += (parts.empty() ? "" : " + ") + iso(rows_[j].period) + " (" +
                     detail::row_short_place(origin_, rows_[j].file, rows_[j].line, spans_[j].input_index) + ")";
          }
          if (sum != r.count) {
            total.notes.push_back("the " + who(r.cat, r.nat) + " " + detail::rank_name(spans_[i].rank) + " row for " +
                                  iso(r.period) + " (" + place(i) + ") says " + std::to_string(r.count) +
                                  ", but the finer rows " + parts + " sum to " + std::to_string(sum) + "; the " +
                                  detail::rank_name(spans_[i].rank) + " row is used");
          }
        }
      }
    }
    std::sort(total.sources.begin(), total.sources.end());
    return total;
  }

  std::vector<count_row> rows_;        // rows in use, sorted by key
  std::vector<span_info> spans_;       // parallel to rows_
  std::vector<key_range> keys_;        // one per (category, nationality), sorted
  std::vector<count_row> superseded_;  // rows not in use, input order
  std::string origin_;
};

// ---------------------------------------------------------------------------------------
// Reading

/// The header of a counts CSV: these columns, exactly and in this order.
inline constexpr std::array<std::string_view, 6> counts_csv_columns = {"period", "category", "nationality",
                                                                       "count",  "source",   "release"};

/// Reads the rows of a counts CSV (header exactly `period,category,nationality,count,source,release`)
/// without building a table, so that rows of several files can be combined with
/// `counts_table::from_rows`. `file_name` names the input in messages. Throws
/// `csv::format_error` for malformed CSV or a wrong header (naming the file and the header)
/// and `csv::value_error` naming file, line, column and value for a bad period, category,
/// nationality (with the closest known names), count, source or release. The nationality
/// column takes TOTAL or what `nationality::lookup` takes (codes only as themselves: "n.a."
/// or "4.0" are no codes); a missing-value marker there ("#N/A", "n.a.", "-", empty) is
/// reported as a missing value.
[[nodiscard]] inline std::vector<count_row> read_count_rows(std::istream& in, std::string file_name) {
  return detail::read_rows<count_row>(
      in, std::move(file_name), counts_csv_columns,
      [](const csv::reader& reader, const csv::record& r, count_row& row) {
        try {
          row.period = parse_count_period(r[0]);
        } catch (const parse_error&) {
          reader.fail_value(r, 0, "a period: a month (YYYY-MM), a quarter (YYYY-Qn) or a year (YYYY)");
        }
        try {
          row.cat = parse_category(r[1]);
        } catch (const parse_error&) {
          reader.fail_value(r, 1,
                            "a category (first_application, repeat_application, family_reunification, relocation or "
                            "resettlement, or a Dutch alias)");
        }
        if (r[2] != "TOTAL") {
          // Every text that is no nationality goes to fail_value, which knows the
          // missing-value markers ("#N/A", "n.a.", "-", empty) and says so.
          const std::optional<nationality> found = nationality::find(r[2]);
          if (!found) {
            reader.fail_value(r, 2,
                              detail::nationality_expected(
                                  "a nationality (neither TOTAL nor a code or name in the nationality table", r[2]));
          }
          row.nat = *found;
        }
      });
}

/// Reads a counts CSV into a table: `read_count_rows`, then `counts_table::from_rows` with
/// the file name as origin (so conflicting releases are reported with the file and both lines).
[[nodiscard]] inline counts_table read_counts_csv(std::istream& in, std::string file_name) {
  std::vector<count_row> rows = read_count_rows(in, file_name);
  return counts_table::from_rows(std::move(rows), std::move(file_name));
}

/// Reads the counts CSV file `path` (see the stream overload). Throws `invalid_input`
/// naming the path when it cannot be opened.
[[nodiscard]] inline counts_table read_counts_csv(const std::filesystem::path& path) {
  std::ifstream file = csv::open_file(path);
  return read_counts_csv(file, path.string());
}

}  // namespace kerncijfers

/// Hash of a release, consistent with `==`.
template <>
struct std::hash<kerncijfers::release> {
  [[nodiscard]] std::size_t operator()(kerncijfers::release r) const noexcept {
    const auto day = r.first_day_number().value_or(0);
    return std::hash<std::int64_t>{}((static_cast<std::int64_t>(day) << 3) | static_cast<std::int64_t>(r.precision()));
  }
};
