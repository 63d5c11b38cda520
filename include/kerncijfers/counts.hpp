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
///
/// Words: a *period* is what one published row covers (`count_row::period`: a month, a
/// quarter or a year); a *window* is the run of months a query asks for and its total
/// covers (`window_total::window`). A window is tiled from periods, so the two words name
/// two things and neither replaces the other. The category vocabulary is `category.hpp`,
/// count periods `count_period.hpp`, releases and the vintage rule `release.hpp`, and the
/// row checks and read loop shared with departures `vintaged_rows.hpp`.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <istream>
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
  /// The month, quarter or year counted.
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
      const auto months = months_of(rows[i].period);
      table.spans_.push_back(
          span_info{months.first().serial(), months.last().serial(), detail::granularity_rank(rows[i].period), i});
      table.rows_.push_back(std::move(rows[i]));
    }
    for (const std::size_t i : superseded) table.superseded_.push_back(std::move(rows[i]));
    for (std::size_t i = 0; i < table.rows_.size(); ++i) {
      if (table.keys_.empty() || table.keys_.back().category != table.rows_[i].category ||
          table.keys_.back().nationality != table.rows_[i].nationality) {
        table.keys_.push_back(key_range{table.rows_[i].category, table.rows_[i].nationality, i, i});
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
    const auto first = std::lower_bound(keys_.begin(), keys_.end(), cat,
                                        [](const key_range& k, category c) { return k.category < c; });
    for (auto k = first; k != keys_.end() && k->category == cat; ++k) {
      if (k->nationality && overlaps(*k, window)) out.push_back(*k->nationality);
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
    kerncijfers::category category;
    std::optional<kerncijfers::nationality> nationality;
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
    return {r.category, r.nationality, months_of(r.period).first().serial(), -detail::granularity_rank(r.period)};
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
      total.latest_release = std::max(total.latest_release, r.release);
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
            total.notes.push_back("the " + who(r.category, r.nationality) + " " + detail::rank_name(spans_[i].rank) +
                                  " row for " + iso(r.period) + " (" + place(i) + ") says " + std::to_string(r.count) +
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
        row.period = detail::read_parsed_field(reader, r, 0, parse_count_period,
                                               "a period: a month (YYYY-MM), a quarter (YYYY-Qn) or a year (YYYY)");
        row.category = detail::read_parsed_field(
            reader, r, 1, parse_category,
            "a category (first_application, repeat_application, family_reunification, relocation or "
            "resettlement, or a Dutch alias)");
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
