#pragma once
/// \file counts.hpp
/// Counts of asylum influx: how many people of one category (first application, repeat
/// application, nareiziger, relocation, resettlement) and one nationality (or all
/// nationalities together, TOTAL) came in one ISO week, month, quarter or year, as
/// published in one release of one source, with the source's flags and rounding. A
/// `counts_table` holds such rows, keeps the latest release of every number, and answers
/// "how many in this window?" (a window of weeks, months, quarters or years) by tiling the
/// window with rows of mixed granularity.
///
/// The CSV schema (`read_counts_csv`), the vintage rule and the tiling rule are described
/// in `docs/data-schema.md`; in short:
///
/// - Vintages: rows with the same key (period, category, nationality) from several releases:
///   the latest release wins. The same key twice in one release: an identical count is
///   kept once, a different count is an error naming both rows.
/// - Tiling: walk the window's days from the first; at day d take the coarsest row (year,
///   then quarter, then month, then week) that starts at d and ends inside the window. For
///   windows of months and rows of months, quarters and years this is walking the months.
///   Finer rows inside a chosen tile are redundant: when they cover it completely and
///   disagree by more than the source's rounding explains, the result carries a note. A day
///   no row covers is a gap; a row that covers a day but sticks out of the window (or
///   overlaps days already counted) would have to be split: both are errors naming the
///   periods.
/// - Weeks do not tile months. A row of ISO weeks at the edge of a window of months,
///   quarters or years (or a row of months at the edge of a window of weeks) lies partly
///   outside it whatever the data are: it is never apportioned. The answer is then
///   *partial*, with bounds: at least the rows wholly inside the window, at most those plus
///   the rows at its edges (`window_total::upper_bound`, `window_lookup::partial`). A
///   partial answer is not a total: `total` and `count` throw `range_error` giving both
///   bounds, and `try_total`/`try_count` return it in `partial`, with the rows at the edges
///   in `unsplittable`.
/// - Flags and rounding: a total carries the union of the flags of the rows it used
///   (`window_total::flags`: provisional when one row is) and the largest multiple they were
///   rounded to (`window_total::source_multiple`). Where a whole and its published parts are
///   compared (a quarter row against its months here; a TOTAL against the sum of its
///   nationalities in `key_figures.hpp`), they may differ by what that rounding explains and
///   no more: with multiple m and k parts, |whole - sum of parts| <= floor(m/2) * (k + 1)
///   (`consistency_tolerance`, `consistent_with_rounding`): each of the k + 1 rounded counts,
///   zeros included, is off by at most floor(m/2).
///
/// Errors. `from_rows` throws `count_error` for a negative count, `invalid_input` for an
/// empty source, a source multiple below 1 and for conflicting rows of one release. The
/// CSV reader throws
/// `csv::format_error` for malformed CSV and a wrong header, and `csv::value_error` (a
/// `parse_error`) for every bad value: its message names the file, line, column and value.
/// An unknown nationality in a file is a `csv::value_error` too, not an `unknown_code`: the
/// file is what is wrong, so in Python it is a `ValueError` like every other bad value in
/// a file, and its message carries the closest known names. Queries throw `range_error`
/// for gaps, for rows that would have to be split and for partial answers, and
/// `overflow_error` when a sum does not fit in 64 bits; the `try_` variants report those
/// instead of throwing.
///
/// Words: a *period* is what one published row covers (`count_row::period`: a week, a
/// month, a quarter or a year); a *window* is the run of periods a query asks for and its
/// total covers (`window_total::window`, a `count_window`). A window is tiled from periods,
/// so the two words name two things and neither replaces the other. The category vocabulary
/// is `category.hpp`, count periods and windows `count_period.hpp`, flags
/// `observation_flags.hpp`, releases and the vintage rule `release.hpp`, and the row checks
/// and read loop shared with departures `vintaged_rows.hpp`.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <istream>
#include <limits>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "kerncijfers/category.hpp"
#include "kerncijfers/checked.hpp"
#include "kerncijfers/count_period.hpp"
#include "kerncijfers/csv.hpp"
#include "kerncijfers/errors.hpp"
#include "kerncijfers/nationality.hpp"
#include "kerncijfers/observation_flags.hpp"
#include "kerncijfers/period.hpp"
#include "kerncijfers/period_range.hpp"
#include "kerncijfers/release.hpp"
#include "kerncijfers/text.hpp"
#include "kerncijfers/vintaged_rows.hpp"

namespace kerncijfers {

// ---------------------------------------------------------------------------------------
// Rows

/// One row of a counts table: `count` people of `category` and `nationality`
/// (all nationalities together when empty: a TOTAL row) in `period`, as published by
/// `source` in `release`, with the source's flags (`p` provisional, `e` estimated, ...)
/// and the multiple the source rounded the count to (1: not rounded). `line` is the line
/// in the file it was read from (0 when it was not read from a file).
struct count_row {
  /// The ISO week, month, quarter or year counted.
  count_period period;
  /// What is counted.
  kerncijfers::category category = kerncijfers::category::first_application;
  /// The nationality; empty for a TOTAL row (all nationalities together).
  std::optional<kerncijfers::nationality> nationality;
  /// The number of people; never negative.
  std::int64_t count = 0;
  /// The publication the number comes from, e.g. "CBS StatLine 83102NED"; never empty.
  std::string source;
  /// When the source published the number.
  kerncijfers::release release;
  /// Line in the input file (from 1), 0 when the row was not read from a file.
  std::size_t line = 0;
  /// The file the row was read from; empty when it was not read from a file. Messages name
  /// it, so rows of several files can share one table and still be found.
  std::string file;
  /// The source's flags of the number (Eurostat: `p` provisional, `e` estimated, `b` break,
  /// `c` confidential, ...); empty for an unflagged number.
  observation_flags flags;
  /// The multiple the source rounded the count to (Eurostat and CBS: 5); 1 when the count
  /// is exact. At least 1. A rounded count is off by at most `source_multiple / 2` (rounded
  /// down), which the consistency checks allow (`consistency_tolerance`).
  std::int64_t source_multiple = 1;

  /// Every field equal.
  [[nodiscard]] friend bool operator==(const count_row&, const count_row&) = default;

  /// "2021-05 first_application SYR 1120 (CBS StatLine 83102NED, release 2021-06-15, line 4)";
  /// flags follow the count ("1120 p") and a rounding multiple the release ("rounded to 5").
  friend std::ostream& operator<<(std::ostream& out, const count_row& r) {
    out << iso(r.period) << ' ' << to_string(r.category) << ' '
        << (r.nationality ? r.nationality->alpha3() : std::string_view("TOTAL")) << ' ' << r.count;
    if (!r.flags.empty()) out << ' ' << r.flags;
    out << " (" << r.source << ", release " << r.release;
    if (r.source_multiple != 1) out << ", rounded to " << r.source_multiple;
    if (r.line > 0) out << ", line " << r.line;
    return out << ')';
  }
};

/// The number of people in a window, and where it came from. When rows at the window's
/// edges lie partly outside it (ISO weeks at the edges of a month, quarter or year; a month
/// at the edges of a window of weeks), the number is not known exactly: `value` is then the
/// lower bound (the rows wholly inside) and `upper_bound` adds the rows at the edges, each
/// counted whole, never apportioned.
struct window_total {
  /// The periods asked for.
  count_window window;
  /// The sum of the rows that tile the window; when partial (`upper_bound` set), the sum of
  /// the rows wholly inside it: a lower bound.
  std::int64_t value = 0;
  /// Empty when `value` is exact; else the upper bound: `value` plus the rows of `straddling`.
  std::optional<std::int64_t> upper_bound;
  /// The periods of the rows that tile the window, in order: e.g. 2020-06, 2020-Q3, 2020-Q4,
  /// 2021-Q1, 2021-04, 2021-05.
  std::vector<count_period> tiles;
  /// The periods of the rows at the window's edges that lie partly outside it, in order
  /// (counted in `upper_bound` only); empty when `value` is exact.
  std::vector<count_period> straddling;
  /// The distinct sources of the rows used (tiles and straddling), sorted.
  std::vector<std::string> sources;
  /// The latest release among the rows used.
  release latest_release;
  /// Disagreements found but not used: a chosen quarter or year row whose finer rows cover
  /// it completely and sum to a different number, by more than the source's rounding can
  /// explain (`consistency_tolerance`; the coarser row is used).
  std::vector<std::string> notes;
  /// The flags of the rows used, together: a total with one provisional row is provisional.
  observation_flags flags;
  /// The largest multiple the rows used were rounded to by their source (1: none rounded).
  std::int64_t source_multiple = 1;

  /// True when `value` is the count itself, not a lower bound.
  [[nodiscard]] bool exact() const noexcept { return !upper_bound.has_value(); }
  /// Every field equal.
  [[nodiscard]] friend bool operator==(const window_total&, const window_total&) = default;
};

/// The answer of a query that may lack data (`counts_table::try_count`, `try_total`):
/// the exact total when the window can be tiled; bounds when the rows at its edges lie
/// partly outside it (`partial`); otherwise what is missing and why.
struct window_lookup {
  /// The exact total; empty when the window cannot be tiled exactly (or the sum overflows).
  std::optional<window_total> total;
  /// When the window is tiled but for rows at its edges that lie partly outside it: the
  /// total with `value` the lower bound and `upper_bound` set. Empty otherwise (also when
  /// `total` is set).
  std::optional<window_total> partial;
  /// Periods no row covers at all, in the window's unit when the gap is made of whole
  /// periods of it, else in months when it is made of whole months, else in ISO weeks.
  std::vector<count_period> missing;
  /// Rows that cover a period of the window but would have to be split to be used: the
  /// rows at the window's edges of a `partial` answer, or rows that make the query fail.
  std::vector<count_period> unsplittable;
  /// The message the throwing query would give; empty when `total` is set.
  std::string reason;

  /// True when `total` is set (an exact answer).
  [[nodiscard]] bool ok() const noexcept { return total.has_value(); }
  /// True when `total` is set.
  [[nodiscard]] explicit operator bool() const noexcept { return ok(); }
  /// Every field equal.
  [[nodiscard]] friend bool operator==(const window_lookup&, const window_lookup&) = default;
};

/// The largest difference between a published whole and the sum of its `parts` published
/// parts that the source's rounding can explain, when the whole and each part were rounded
/// on their own to a multiple of `source_multiple`: each rounded count, zeros included, is
/// off by at most floor(m/2), so |whole - sum of parts| <= floor(m/2) * (parts + 1). For
/// Eurostat (m = 5) and a TOTAL with 3 nationalities: 2 * 4 = 8. A multiple of 1 (exact
/// counts) allows nothing. Saturates at the largest `std::int64_t` instead of overflowing.
/// Throws `invalid_input` naming the value for a multiple below 1.
[[nodiscard]] constexpr std::int64_t consistency_tolerance(std::int64_t source_multiple, std::size_t parts) {
  if (source_multiple < 1) {
    throw invalid_input("source multiple " + std::to_string(source_multiple) +
                        " is below 1 (the multiple a source rounds its counts to)");
  }
  const std::int64_t half = source_multiple / 2;
  std::int64_t tolerance = 0;
  if (half == 0) return 0;
  if (parts >= static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max()) ||
      __builtin_mul_overflow(half, static_cast<std::int64_t>(parts) + 1, &tolerance)) {
    return std::numeric_limits<std::int64_t>::max();
  }
  return tolerance;
}

/// True when `whole` and the sum of `parts` parts differ by no more than the source's
/// rounding explains (`consistency_tolerance`): |whole - parts_sum| <= floor(m/2) * (parts + 1).
/// In 128 bits, so sums of many counts compare without overflow.
[[nodiscard]] constexpr bool consistent_with_rounding(detail::kc_int128 whole, detail::kc_int128 parts_sum,
                                                      std::int64_t source_multiple, std::size_t parts) {
  const detail::kc_int128 difference = whole > parts_sum ? whole - parts_sum : parts_sum - whole;
  return difference <= consistency_tolerance(source_multiple, parts);
}

namespace detail {

// How coarse a count period is: 0 week, 1 month, 2 quarter, 3 year (the period units' rank).
[[nodiscard]] constexpr int coarseness(const count_period& p) noexcept {
  return std::visit([](const auto& q) { return unit_rank_v<typename std::decay_t<decltype(q)>::unit>; }, p);
}

// The position of a count period's unit in `count_period`: 0 month, 1 quarter, 2 year,
// 3 week (kerncijfers.pandas numbers the period columns so).
[[nodiscard]] constexpr int granularity_rank(const count_period& p) noexcept { return static_cast<int>(p.index()); }

[[nodiscard]] inline std::string rank_name(int coarseness) {
  switch (coarseness) {
    case 0: return "week";
    case 1: return "month";
    case 2: return "quarter";
    default: return "year";
  }
}

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

// "2021-01-01/2021-01-03, 2021-01-04".
[[nodiscard]] inline std::string join_iso_text(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

// "2021-01-04" or "2021-01-04/2021-01-17".
[[nodiscard]] inline std::string day_run_iso(calendar::day_number first, calendar::day_number last) {
  const auto text = [](calendar::day_number n) {
    const auto ymd = calendar::to_civil(n);
    return iso_date(calendar::year_of(ymd), calendar::month_of(ymd), calendar::day_of(ymd));
  };
  return first == last ? text(first) : text(first) + "/" + text(last);
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
  /// count, `invalid_input` for an empty source, a source multiple below 1 and for two
  /// different counts of one key in one release, each message naming the row(s) by line (or
  /// by index when `line` is 0).
  [[nodiscard]] static counts_table from_rows(std::vector<count_row> rows, std::string origin = {}) {
    counts_table table;
    table.origin_ = std::move(origin);
    detail::check_rows(rows, table.origin_, [](const count_row& r) { return describe_key(r); });
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].source_multiple < 1) {
        throw invalid_input(detail::row_place(table.origin_, rows[i].file, rows[i].line, i) + ": source multiple " +
                            std::to_string(rows[i].source_multiple) + " for " + describe_key(rows[i]) +
                            " (the multiple the source rounded the count to must be at least 1)");
      }
    }
    std::vector<std::size_t> superseded;
    const std::vector<std::size_t> kept = detail::resolve_row_vintages(
        rows, [](const count_row& r) { return sort_key(r); }, [](const count_row& r) { return describe_key(r); },
        table.origin_, superseded);
    table.rows_.reserve(kept.size());
    table.spans_.reserve(kept.size());
    for (const std::size_t i : kept) {
      const count_window own(rows[i].period);
      table.spans_.push_back(
          span_info{own.first_day_number(), own.last_day_number(), detail::coarseness(rows[i].period), i});
      table.rows_.push_back(std::move(rows[i]));
    }
    // The superseded rows stay in `rows`: moved to its front in input order (an index is
    // never below its place), so the largest part of a table with many releases is not copied.
    for (std::size_t place = 0; place < superseded.size(); ++place) {
      if (superseded[place] != place) rows[place] = std::move(rows[superseded[place]]);
    }
    rows.resize(superseded.size());
    if (rows.capacity() / 2 > rows.size()) rows.shrink_to_fit();  // a table keeps no idle room
    table.superseded_ = std::move(rows);
    for (std::size_t i = 0; i < table.rows_.size(); ++i) {
      if (table.keys_.empty() || table.keys_.back().category != table.rows_[i].category ||
          table.keys_.back().nationality != table.rows_[i].nationality) {
        table.keys_.push_back(key_range{table.rows_[i].category, table.rows_[i].nationality, i, i});
      }
      table.keys_.back().end = i + 1;
    }
    return table;
  }

  /// The TOTAL count of `cat` in `window` (a range of months, weeks, quarters or years),
  /// tiled from TOTAL rows (see the file comment). Throws `range_error` naming every missing
  /// period ("no TOTAL first_application count for 2020-07, 2020-08"), every row that would
  /// have to be split, and for a partial answer (rows at the window's edges lying partly
  /// outside it) both bounds; `overflow_error` when the sum does not fit in 64 bits.
  [[nodiscard]] window_total total(category cat, const count_window& window) const {
    return must(try_total(cat, window));
  }

  /// The count of `cat` for nationality `nat` in `window`, tiled from that nationality's
  /// rows. Throws as `total`.
  [[nodiscard]] window_total count(category cat, nationality nat, const count_window& window) const {
    return must(try_count(cat, nat, window));
  }

  /// As `total`, but a gap, a row that would have to be split, a partial answer or an
  /// overflow is reported in the result (with the message `total` would throw) instead of
  /// thrown; a partial answer comes with its bounds (`window_lookup::partial`).
  [[nodiscard]] window_lookup try_total(category cat, const count_window& window) const {
    return lookup(cat, std::nullopt, window);
  }

  /// As `count`, but reporting instead of throwing (see `try_total`).
  [[nodiscard]] window_lookup try_count(category cat, nationality nat, const count_window& window) const {
    return lookup(cat, nat, window);
  }

  /// The count of `cat` for `nat` (TOTAL when empty) in `window` exactly when `try_count`
  /// (or `try_total`) would give it — `try_count(cat, *nat, window).total->value` — and
  /// nothing when that has no `total`; without the sources, tiles and notes of the answer,
  /// which checks that ask for thousands of counts do not need.
  [[nodiscard]] std::optional<std::int64_t> exact_value(category cat, const std::optional<nationality>& nat,
                                                        const count_window& window) const {
    const key_range* key = find_key(cat, nat);
    if (key == nullptr) return std::nullopt;
    const tiling t = tile(key->begin, key->end, window.first_day_number(), window.last_day_number(), window.weeks(), 3);
    if (!t.exact()) return std::nullopt;
    std::int64_t sum = 0;
    for (const std::size_t i : t.tiles) {
      if (__builtin_add_overflow(sum, rows_[i].count, &sum)) return std::nullopt;
      // The full answer also sums the finer rows of a coarser tile (for its notes); when they
      // do not fit in 64 bits it has no total, so neither has this.
      if (spans_[i].coarseness > 0 && finer_rows_overflow(*key, i)) return std::nullopt;
    }
    return sum;
  }

  /// The nationalities with at least one row of `cat` overlapping `window` (whether or not
  /// their rows tile it), sorted by alpha-3 code. TOTAL rows are not a nationality.
  [[nodiscard]] std::vector<nationality> nationalities(category cat, const count_window& window) const {
    std::vector<nationality> out;
    const auto first = std::lower_bound(keys_.begin(), keys_.end(), cat,
                                        [](const key_range& k, category c) { return k.category < c; });
    for (auto k = first; k != keys_.end() && k->category == cat; ++k) {
      if (k->nationality && overlaps(*k, window.first_day_number(), window.last_day_number())) {
        out.push_back(*k->nationality);
      }
    }
    return out;
  }

  /// The rows in use (one per key: the latest release), sorted by category, nationality
  /// (TOTAL first), first day, and coarser periods before finer ones.
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
  using day = calendar::day_number;
  // A row covers at most 366 days (a leap year): a row covering day d starts after d - 366.
  static constexpr day longest_row_days = 366;

  struct span_info {
    day first;                // first day of the row's period
    day last;                 // last day
    int coarseness;           // 0 week, 1 month, 2 quarter, 3 year
    std::size_t input_index;  // position in the rows given to from_rows
  };
  struct key_range {
    kerncijfers::category category;
    std::optional<kerncijfers::nationality> nationality;
    std::size_t begin;
    std::size_t end;
  };
  struct day_run {
    day first;
    day last;
  };
  struct tiling {
    std::vector<std::size_t> tiles;       // row indices, in window order
    std::vector<day_run> gaps;            // days no row covers, in runs
    std::vector<std::size_t> straddling;  // rows that cover a day but cannot be used whole
    std::vector<std::size_t> edges;       // rows at the window's edges, partly outside it
    [[nodiscard]] bool exact() const noexcept { return gaps.empty() && straddling.empty() && edges.empty(); }
  };

  // Rows sort by category, nationality (TOTAL first), first day, then coarser periods
  // before finer ones. Packed in two integers (category, TOTAL or the alpha-3 letters;
  // first day, 3 - coarseness), which order as those fields do: sorting them is the
  // heaviest step of building a table.
  [[nodiscard]] static std::pair<std::uint64_t, std::uint64_t> sort_key(const count_row& r) {
    std::uint64_t who = std::uint64_t{static_cast<std::underlying_type_t<category>>(r.category)} << 32;
    if (r.nationality) {
      std::uint64_t letters = 0;  // three upper-case letters
      for (const char letter : r.nationality->alpha3()) letters = letters << 8 | static_cast<unsigned char>(letter);
      who |= std::uint64_t{1} << 24 | letters;
    }
    const auto first = static_cast<std::uint64_t>(std::int64_t{count_window(r.period).first_day_number()} - INT32_MIN);
    return {who, (first << 2) | static_cast<std::uint64_t>(3 - detail::coarseness(r.period))};
  }

  [[nodiscard]] static std::string who(category cat, const std::optional<nationality>& nat) {
    return (nat ? std::string(nat->alpha3()) : std::string("TOTAL")) + " " + std::string(to_string(cat));
  }

  [[nodiscard]] static std::string describe_key(const count_row& r) {
    return iso(r.period) + " " + who(r.category, r.nationality);
  }

  [[nodiscard]] std::string place(std::size_t row) const {
    return detail::row_place(origin_, rows_[row].file, rows_[row].line, spans_[row].input_index);
  }

  [[nodiscard]] static window_total must(window_lookup result) {
    if (result.total) return std::move(*result.total);
    if (result.missing.empty() && result.unsplittable.empty()) throw overflow_error(result.reason);
    throw range_error(result.reason);
  }

  [[nodiscard]] const key_range* find_key(category cat, const std::optional<nationality>& nat) const noexcept {
    const auto it =
        std::lower_bound(keys_.begin(), keys_.end(), std::tie(cat, nat),
                         [](const key_range& k, const auto& key) { return std::tie(k.category, k.nationality) < key; });
    if (it == keys_.end() || it->category != cat || it->nationality != nat) return nullptr;
    return &*it;
  }

  // The first row of [begin, end) whose first day is at least `first`.
  [[nodiscard]] std::size_t first_from(std::size_t begin, std::size_t end, day first) const noexcept {
    const auto base = spans_.begin();
    const auto it = std::lower_bound(base + static_cast<std::ptrdiff_t>(begin), base + static_cast<std::ptrdiff_t>(end),
                                     first, [](const span_info& s, day v) { return s.first < v; });
    return static_cast<std::size_t>(it - base);
  }

  [[nodiscard]] bool overlaps(const key_range& key, day wfirst, day wlast) const noexcept {
    for (std::size_t i = first_from(key.begin, key.end, wfirst - (longest_row_days - 1));
         i < key.end && spans_[i].first <= wlast; ++i) {
      if (spans_[i].last >= wfirst) return true;
    }
    return false;
  }

  // True when row `i` and the window are of units that tile each other's edges: both weeks,
  // or both made of whole months. Otherwise (a week and a month, say) a row may lie partly
  // outside the window whatever the data are, and is a bound rather than an error.
  [[nodiscard]] bool aligned(std::size_t i, bool window_weeks) const noexcept {
    return (spans_[i].coarseness == 0) == window_weeks;
  }

  // The tiling rule on day numbers, with rows of coarseness at most `max_coarseness` among
  // rows [begin, end), over the window [wfirst, wlast] (of weeks when `window_weeks`).
  // The cursor moves from event to event (a row's start, the day after a covering row),
  // never day by day, so a query costs a few binary searches per row it touches.
  [[nodiscard]] tiling tile(std::size_t begin, std::size_t end, day wfirst, day wlast, bool window_weeks,
                            int max_coarseness) const {
    tiling out;
    day d = wfirst;
    while (d <= wlast) {
      std::optional<std::size_t> chosen;
      // Rows starting at d come coarse first, so the first that fits is the coarsest.
      for (std::size_t i = first_from(begin, end, d); i < end && spans_[i].first == d; ++i) {
        if (spans_[i].coarseness <= max_coarseness && spans_[i].last <= wlast) {
          chosen = i;
          break;
        }
      }
      if (chosen) {
        out.tiles.push_back(*chosen);
        d = spans_[*chosen].last + 1;
        continue;
      }
      const std::size_t next = first_from(begin, end, d + 1);
      const day next_start = next < end ? std::min<day>(spans_[next].first, wlast + 1) : wlast + 1;
      day covered_to = d - 1;
      for (std::size_t i = first_from(begin, end, d - (longest_row_days - 1)); i < end && spans_[i].first <= d; ++i) {
        if (spans_[i].coarseness > max_coarseness || spans_[i].last < d) continue;
        covered_to = std::max(covered_to, spans_[i].last);
        const bool sticks_out = spans_[i].first < wfirst || spans_[i].last > wlast;
        const bool twice = counts_tiled_days(out.tiles, spans_[i].first, d - 1);
        std::vector<std::size_t>& list = sticks_out && !twice && !aligned(i, window_weeks) ? out.edges : out.straddling;
        if (std::find(list.begin(), list.end(), i) == list.end()) list.push_back(i);
      }
      if (covered_to < d) {
        const day last = next_start - 1;
        if (!out.gaps.empty() && out.gaps.back().last + 1 == d)
          out.gaps.back().last = last;
        else
          out.gaps.push_back(day_run{d, last});
        d = next_start;
      } else {
        d = std::min<day>(covered_to + 1, next_start);
      }
    }
    return out;
  }

  // True when days [first, last] overlap a tile (tiles are in day order).
  [[nodiscard]] bool counts_tiled_days(const std::vector<std::size_t>& tiles, day first, day last) const noexcept {
    for (auto it = tiles.rbegin(); it != tiles.rend() && spans_[*it].last >= first; ++it) {
      if (spans_[*it].first <= last) return true;
    }
    return false;
  }

  // The periods a gap of days is reported as: the window's unit when the gap is made of
  // whole periods of it, else months when it is made of whole months, else ISO weeks.
  template <class P>
  static bool push_whole(std::vector<count_period>& out, day_run gap) {
    // The last ISO week, 9999-W52, ends in the year 10000, where no month is.
    if (gap.first < P::min().first_day_number() || gap.last > P::max().last_day_number()) return false;
    const P first = P::containing_day_number(gap.first);
    const P last = P::containing_day_number(gap.last);
    if (first.first_day_number() != gap.first || last.last_day_number() != gap.last) return false;
    for (const P p : period_range<P>(first, last)) out.push_back(p);
    return true;
  }

  [[nodiscard]] static std::vector<count_period> missing_periods(const std::vector<day_run>& gaps,
                                                                 const count_window& window) {
    std::vector<count_period> out;
    for (const day_run gap : gaps) {
      const bool done = std::visit(
          [&](const auto& r) { return push_whole<typename std::decay_t<decltype(r)>::value_type>(out, gap); },
          window.range());
      if (!done && !push_whole<month>(out, gap)) {
        for (const iso_week w : period_range<iso_week>(iso_week::containing_day_number(gap.first),
                                                       iso_week::containing_day_number(gap.last))) {
          out.push_back(w);
        }
      }
    }
    return out;
  }

  [[nodiscard]] window_lookup lookup(category cat, const std::optional<nationality>& nat,
                                     const count_window& window) const {
    window_lookup result;
    const key_range* key = find_key(cat, nat);
    const day wfirst = window.first_day_number();
    const day wlast = window.last_day_number();
    tiling t;
    if (key) {
      t = tile(key->begin, key->end, wfirst, wlast, window.weeks(), 3);
    } else {
      t.gaps.push_back(day_run{wfirst, wlast});
    }
    result.missing = missing_periods(t.gaps, window);
    for (const std::size_t i : t.straddling) result.unsplittable.push_back(rows_[i].period);
    if (!t.gaps.empty() || !t.straddling.empty()) {
      result.reason = problems(cat, nat, window, t, result.missing);
      return result;
    }
    for (const std::size_t i : t.edges) result.unsplittable.push_back(rows_[i].period);
    try {
      window_total total = assemble(*key, window, t);
      if (t.edges.empty()) {
        result.total = std::move(total);
      } else {
        result.reason = bounds_reason(cat, nat, window, total, t);
        result.partial = std::move(total);
      }
    } catch (const overflow_error& e) {
      result.reason = "the " + who(cat, nat) + " count for " + window.iso() + " does not fit in 64 bits: " + e.what();
    }
    return result;
  }

  [[nodiscard]] std::string bounds_reason(category cat, const std::optional<nationality>& nat,
                                          const count_window& window, const window_total& total,
                                          const tiling& t) const {
    std::string rows;
    for (const std::size_t i : t.edges) {
      if (!rows.empty()) rows += ", ";
      rows += iso(rows_[i].period) + " (" + place(i) + ")";
    }
    return "the " + who(cat, nat) + " count for " + window.iso() + " is known only within bounds: at least " +
           std::to_string(total.value) + " (the rows wholly inside the window), at most " +
           std::to_string(*total.upper_bound) + " (with the " + (t.edges.size() == 1 ? "row" : "rows") + " for " +
           rows + ", which " + (t.edges.size() == 1 ? "lies" : "lie") + " partly outside the window and " +
           (t.edges.size() == 1 ? "is" : "are") + " not apportioned)";
  }

  // What row `i` (a row that would have to be split) covers outside the window and counts
  // twice: months when the row and the window are made of whole months, else runs of days.
  void describe_split(std::size_t i, const count_window& window, const tiling& t, std::vector<std::string>& outside,
                      std::vector<std::string>& twice) const {
    const day wfirst = window.first_day_number();
    const day wlast = window.last_day_number();
    if (spans_[i].coarseness > 0 && !window.weeks()) {
      for (const month m : months_of(rows_[i].period)) {
        if (m.last_day_number() < wfirst || m.first_day_number() > wlast)
          outside.push_back(m.iso());
        else if (counts_tiled_days(t.tiles, m.first_day_number(), m.last_day_number()))
          twice.push_back(m.iso());
      }
      return;
    }
    if (spans_[i].first < wfirst) outside.push_back(detail::day_run_iso(spans_[i].first, wfirst - 1));
    if (spans_[i].last > wlast) outside.push_back(detail::day_run_iso(wlast + 1, spans_[i].last));
    for (const std::size_t j : t.tiles) {
      const day first = std::max(spans_[i].first, spans_[j].first);
      const day last = std::min(spans_[i].last, spans_[j].last);
      if (first <= last) twice.push_back(detail::day_run_iso(first, last));
    }
  }

  [[nodiscard]] std::string problems(category cat, const std::optional<nationality>& nat, const count_window& window,
                                     const tiling& t, const std::vector<count_period>& missing) const {
    std::string text;
    if (!missing.empty()) {
      text = "no " + who(cat, nat) + " count for " + detail::join_iso(missing) + " (window " + window.iso() + ")";
    }
    for (const std::size_t i : t.straddling) {
      std::vector<std::string> outside;
      std::vector<std::string> twice;
      describe_split(i, window, t, outside, twice);
      if (!text.empty()) text += "; ";
      text += "the " + who(cat, nat) + " count for " + iso(rows_[i].period) + " (" + place(i) +
              ") would have to be split to fit the window " + window.iso() + ": it ";
      if (!outside.empty()) text += "also covers " + detail::join_iso_text(outside) + ", outside the window";
      if (!outside.empty() && !twice.empty()) text += ", and it ";
      if (!twice.empty()) {
        text += "would count " + detail::join_iso_text(twice) + " twice (already counted from other rows)";
      }
      if (outside.empty() && twice.empty()) text += "overlaps rows already used";
    }
    return text;
  }

  [[nodiscard]] window_total assemble(const key_range& key, const count_window& window, const tiling& t) const {
    window_total total;
    total.window = window;
    const auto use = [&](std::size_t i) {
      const count_row& r = rows_[i];
      if (std::find(total.sources.begin(), total.sources.end(), r.source) == total.sources.end()) {
        total.sources.push_back(r.source);
      }
      total.latest_release = std::max(total.latest_release, r.release);
      total.flags |= r.flags;
      total.source_multiple = std::max(total.source_multiple, r.source_multiple);
    };
    for (const std::size_t i : t.tiles) {
      const count_row& r = rows_[i];
      total.value = checked_add(total.value, r.count);
      total.tiles.push_back(r.period);
      use(i);
      if (spans_[i].coarseness > 0) note_finer_rows(key, i, total.notes);
    }
    if (!t.edges.empty()) {
      std::int64_t upper = total.value;
      for (const std::size_t i : t.edges) {
        upper = checked_add(upper, rows_[i].count);
        total.straddling.push_back(rows_[i].period);
        use(i);
      }
      total.upper_bound = upper;
    }
    std::sort(total.sources.begin(), total.sources.end());
    return total;
  }

  // True when the finer rows that cover tile `i` exactly (those `note_finer_rows` sums) do
  // not sum in 64 bits.
  [[nodiscard]] bool finer_rows_overflow(const key_range& key, std::size_t i) const {
    const tiling inner =
        tile(key.begin, key.end, spans_[i].first, spans_[i].last, spans_[i].coarseness == 0, spans_[i].coarseness - 1);
    if (!inner.exact()) return false;
    std::int64_t sum = 0;
    for (const std::size_t j : inner.tiles) {
      if (__builtin_add_overflow(sum, rows_[j].count, &sum)) return true;
    }
    return false;
  }

  // Finer rows inside a chosen tile `i` are redundant; say so when they cover it exactly
  // and disagree with it by more than the source's rounding explains.
  void note_finer_rows(const key_range& key, std::size_t i, std::vector<std::string>& notes) const {
    const count_row& r = rows_[i];
    const tiling inner =
        tile(key.begin, key.end, spans_[i].first, spans_[i].last, spans_[i].coarseness == 0, spans_[i].coarseness - 1);
    if (!inner.exact()) return;
    std::int64_t sum = 0;
    std::int64_t multiple = r.source_multiple;
    std::string parts;
    for (const std::size_t j : inner.tiles) {
      sum = checked_add(sum, rows_[j].count);
      multiple = std::max(multiple, rows_[j].source_multiple);
      parts += (parts.empty() ? "" : " + ") + iso(rows_[j].period) + " (" +
               detail::row_short_place(origin_, rows_[j].file, rows_[j].line, spans_[j].input_index) + ")";
    }
    if (consistent_with_rounding(r.count, sum, multiple, inner.tiles.size())) return;
    const std::string unit = detail::rank_name(spans_[i].coarseness);
    std::string note = "the " + who(r.category, r.nationality) + " " + unit + " row for " + iso(r.period) + " (" +
                       place(i) + ") says " + std::to_string(r.count) + ", but the finer rows " + parts + " sum to " +
                       std::to_string(sum);
    if (multiple > 1) {
      note += ", more than rounding to " + std::to_string(multiple) + " explains (at most " +
              std::to_string(consistency_tolerance(multiple, inner.tiles.size())) + ")";
    }
    notes.push_back(note + "; the " + unit + " row is used");
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
      [periods = detail::last_parsed<count_period>(), categories = detail::last_parsed<category>()](
          const csv::reader& reader, const csv::record& r, count_row& row) mutable {
        row.period = periods.get(r[0], [&] {
          return detail::read_parsed_field(reader, r, 0, parse_count_period,
                                           std::string(detail::count_period_expected));
        });
        row.category = categories.get(r[1], [&] {
          return detail::read_parsed_field(
              reader, r, 1, parse_category,
              "a category (first_application, repeat_application, family_reunification, relocation or "
              "resettlement, or a Dutch alias)");
        });
        if (r[2] != "TOTAL") {
          // Every text that is no nationality goes to fail_value, which knows the
          // missing-value markers ("#N/A", "n.a.", "-", empty) and says so.
          const std::optional<nationality> found = nationality::find(r[2]);
          if (!found) {
            reader.fail_value(r, 2,
                              detail::nationality_expected(
                                  "a nationality (neither TOTAL nor a code or name in the nationality table", r[2]));
          }
          row.nationality = *found;
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
