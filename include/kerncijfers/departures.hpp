#pragma once
/// \file departures.hpp
/// Departures of foreign nationals who had to leave the Netherlands: how many left in a
/// year (or a year to date), by group (all, or the criminal-alien subset) and by mode
/// (independent and forced departures are "onder toezicht", supervised; unsupervised is
/// "op eigen gelegenheid"), as published in one release of one source.
///
/// A `departures_table` keeps the latest release of every number (the vintage rule of
/// `release.hpp`, with the row checks and CSV read loop of `vintaged_rows.hpp` that counts
/// share) and answers "what were the departures of this group in this window?". A window
/// is matched exactly to a row's period, never tiled: departure figures come per year or
/// year to date, and a year to date cannot be cut out of a year. As in `counts.hpp`, a
/// *period* is what a row covers and a *window* the months a query asks for.
///
/// Errors, as in `counts.hpp`: `from_rows` throws `count_error` for a negative count and
/// `invalid_input` for an empty source or two different counts of one key in one release;
/// the CSV reader throws `csv::format_error` for malformed CSV or a wrong header and
/// `csv::value_error` naming file, line, column and value for every bad value; `figures`
/// throws `range_error` naming the modes missing for the period and `overflow_error` when a
/// sum does not fit in 64 bits (`try_figures` reports those instead).

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
#include <utility>
#include <vector>

#include "kerncijfers/checked.hpp"
#include "kerncijfers/csv.hpp"
#include "kerncijfers/errors.hpp"
#include "kerncijfers/language.hpp"
#include "kerncijfers/period.hpp"
#include "kerncijfers/period_range.hpp"
#include "kerncijfers/release.hpp"
#include "kerncijfers/vintaged_rows.hpp"

namespace kerncijfers {

/// Whose departures: all foreign nationals who had to leave, or the criminal aliens among them.
enum class departure_group : std::uint8_t {
  all,      ///< every departure (vreemdelingen)
  criminal  ///< criminal aliens (criminele vreemdelingen), a subset of `all`
};

/// How they left.
enum class departure_mode : std::uint8_t {
  independent,  ///< zelfstandig vertrek, verified: supervised (onder toezicht)
  forced,       ///< gedwongen vertrek: supervised (onder toezicht)
  unsupervised  ///< vertrek op eigen gelegenheid / zonder toezicht
};

/// Every mode, in declaration order.
inline constexpr std::array<departure_mode, 3> all_departure_modes = {
    departure_mode::independent, departure_mode::forced, departure_mode::unsupervised};

/// "all" or "criminal".
[[nodiscard]] constexpr std::string_view to_string(departure_group g) noexcept {
  return g == departure_group::all ? "all" : "criminal";
}

/// "independent", "forced" or "unsupervised".
[[nodiscard]] constexpr std::string_view to_string(departure_mode m) noexcept {
  switch (m) {
    case departure_mode::independent: return "independent";
    case departure_mode::forced: return "forced";
    case departure_mode::unsupervised: return "unsupervised";
  }
  return "?";
}

/// Parses "all" or "criminal", or a Dutch alias: `alle`, `criminele_vreemdelingen`,
/// `crimineel`. Anything else throws `parse_error` naming the text.
[[nodiscard]] inline departure_group parse_departure_group(std::string_view text) {
  if (text == "all" || text == "alle") return departure_group::all;
  if (text == "criminal" || text == "criminele_vreemdelingen" || text == "crimineel") return departure_group::criminal;
  throw parse_error(std::string(text), "a departure group (all or criminal, or alle or criminele_vreemdelingen)");
}

/// Parses "independent", "forced" or "unsupervised", or a Dutch alias: `zelfstandig`,
/// `gedwongen`, `zonder_toezicht`, `op_eigen_gelegenheid`. Anything else throws
/// `parse_error` naming the text.
[[nodiscard]] inline departure_mode parse_departure_mode(std::string_view text) {
  if (text == "independent" || text == "zelfstandig") return departure_mode::independent;
  if (text == "forced" || text == "gedwongen") return departure_mode::forced;
  if (text == "unsupervised" || text == "zonder_toezicht" || text == "op_eigen_gelegenheid") {
    return departure_mode::unsupervised;
  }
  throw parse_error(std::string(text),
                    "a departure mode (independent, forced or unsupervised, or zelfstandig, gedwongen, "
                    "zonder_toezicht or op_eigen_gelegenheid)");
}

/// "vreemdelingen" / "foreign nationals", "criminele vreemdelingen" / "criminal foreign nationals".
[[nodiscard]] constexpr std::string_view label(departure_group g, language lang) noexcept {
  const bool nl = lang == language::nl;
  return g == departure_group::all ? (nl ? "vreemdelingen" : "foreign nationals")
                                   : (nl ? "criminele vreemdelingen" : "criminal foreign nationals");
}

/// "zelfstandig vertrek" / "independent departure", "gedwongen vertrek" / "forced departure",
/// "vertrek op eigen gelegenheid" / "departure without supervision".
[[nodiscard]] constexpr std::string_view label(departure_mode m, language lang) noexcept {
  const bool nl = lang == language::nl;
  switch (m) {
    case departure_mode::independent: return nl ? "zelfstandig vertrek" : "independent departure";
    case departure_mode::forced: return nl ? "gedwongen vertrek" : "forced departure";
    case departure_mode::unsupervised: return nl ? "vertrek op eigen gelegenheid" : "departure without supervision";
  }
  return "?";
}

/// Writes `to_string(g)`.
inline std::ostream& operator<<(std::ostream& out, departure_group g) { return out << to_string(g); }
/// Writes `to_string(m)`.
inline std::ostream& operator<<(std::ostream& out, departure_mode m) { return out << to_string(m); }

/// Parses the period of a departure row: a year "2021" (its twelve months), a month range
/// "2023-01/2023-10" (a year to date, or any months), or a single month "2023-05".
/// Throws `parse_error` naming the text (a reversed range included).
[[nodiscard]] inline period_range<month> parse_departure_period(std::string_view text) {
  try {
    if (text.size() == 4) return subperiods<month>(year::parse(text));
    return period_range<month>::parse(text);
  } catch (const invalid_input&) {
    throw parse_error(std::string(text),
                      "a departure period: a year (YYYY) or a range of months (YYYY-MM/YYYY-MM, first before last)");
  }
}

/// The form `parse_departure_period` reads: "2021" for a whole calendar year, otherwise the
/// month range "2023-01/2023-10" (or a single month "2023-05").
[[nodiscard]] inline std::string departure_period_iso(period_range<month> p) {
  if (p.first().index() == 1 && p.last().index() == 12 && p.first().year() == p.last().year()) {
    return year(p.first().year()).iso();
  }
  return p.iso();
}

/// One row of a departures table: `count` departures of `group` in `mode` in `period`, as
/// published by `source` in `release`; `line` is the line in the file (0 when not read
/// from a file).
struct departure_row {
  /// The months counted: a whole year, or a year to date.
  period_range<month> period{month{}};
  /// Whose departures.
  departure_group group = departure_group::all;
  /// How they left.
  departure_mode mode = departure_mode::independent;
  /// The number of departures; never negative.
  std::int64_t count = 0;
  /// The publication the number comes from; never empty.
  std::string source;
  /// When the source published the number.
  kerncijfers::release release;
  /// Line in the input file (from 1), 0 when the row was not read from a file.
  std::size_t line = 0;
  /// The file the row was read from; empty when it was not read from a file.
  std::string file;

  /// Every field equal.
  [[nodiscard]] friend bool operator==(const departure_row&, const departure_row&) = default;

  /// "2021 all forced 1630 (DT&V, release 2022-02, line 3)".
  friend std::ostream& operator<<(std::ostream& out, const departure_row& r) {
    out << departure_period_iso(r.period) << ' ' << to_string(r.group) << ' ' << to_string(r.mode) << ' ' << r.count
        << " (" << r.source << ", release " << r.release;
    if (r.line > 0) out << ", line " << r.line;
    return out << ')';
  }
};

/// The departures of one group in one period, by mode, and where they came from.
struct departure_totals {
  /// The months asked for.
  period_range<month> window{month{}};
  /// Whose departures.
  departure_group group = departure_group::all;
  /// Independent departures (supervised).
  std::int64_t independent = 0;
  /// Forced departures (supervised).
  std::int64_t forced = 0;
  /// Departures without supervision ("op eigen gelegenheid").
  std::int64_t unsupervised = 0;
  /// The distinct sources of the three rows, sorted.
  std::vector<std::string> sources;
  /// The latest release among the three rows.
  release latest_release;

  /// Departures under supervision ("onder toezicht"): independent + forced. Throws
  /// `overflow_error` when the sum does not fit.
  [[nodiscard]] constexpr std::int64_t supervised() const { return checked_add(independent, forced); }
  /// All departures: supervised + unsupervised. Throws `overflow_error` when the sum does not fit.
  [[nodiscard]] constexpr std::int64_t total() const { return checked_add(supervised(), unsupervised); }
  /// The count of one mode.
  [[nodiscard]] constexpr std::int64_t of(departure_mode m) const noexcept {
    return m == departure_mode::independent ? independent : m == departure_mode::forced ? forced : unsupervised;
  }

  /// Every field equal.
  [[nodiscard]] friend bool operator==(const departure_totals&, const departure_totals&) = default;
};

/// The answer of `departures_table::try_figures`: the figures when every mode has a row,
/// otherwise the missing modes and why.
struct departure_lookup {
  /// The figures; empty when a mode is missing (or a sum overflows).
  std::optional<departure_totals> totals;
  /// The modes without a row for the period.
  std::vector<departure_mode> missing;
  /// The message `figures` would throw; empty when `totals` is set.
  std::string reason;

  /// True when `totals` is set.
  [[nodiscard]] bool ok() const noexcept { return totals.has_value(); }
  /// True when `totals` is set.
  [[nodiscard]] explicit operator bool() const noexcept { return ok(); }
  /// Every field equal.
  [[nodiscard]] friend bool operator==(const departure_lookup&, const departure_lookup&) = default;
};

/// Departure rows, validated, with one row per key (period, group, mode): the latest
/// release. Regular: copyable, ==. Build it with `from_rows` or `read_departures_csv`.
class departures_table {
 public:
  /// The empty table.
  departures_table() = default;

  /// Validates `rows` and applies the vintage rule (`release.hpp`). `origin`
  /// names the input in messages. Throws `count_error` for a negative count,
  /// `invalid_input` for an empty source and for two different counts of one key in one release.
  [[nodiscard]] static departures_table from_rows(std::vector<departure_row> rows, std::string origin = {}) {
    departures_table table;
    table.origin_ = std::move(origin);
    detail::check_rows(rows, table.origin_, [](const departure_row& r) { return "departures " + describe_key(r); });
    std::vector<std::size_t> superseded;
    const std::vector<std::size_t> kept = detail::resolve_row_vintages(
        rows, [](const departure_row& r) { return sort_key(r); },
        [](const departure_row& r) { return "departures " + describe_key(r); }, table.origin_, superseded);
    for (const std::size_t i : kept) table.rows_.push_back(std::move(rows[i]));
    for (const std::size_t i : superseded) table.superseded_.push_back(std::move(rows[i]));
    return table;
  }

  /// The departures of `group` in exactly the months `window` (a year or a year to date),
  /// by mode. Throws `range_error` naming the group, the window and every mode without a
  /// row (and the periods that do have rows), `overflow_error` when the total does not fit.
  [[nodiscard]] departure_totals figures(departure_group group, period_range<month> window) const {
    departure_lookup result = try_figures(group, window);
    if (result.totals) return std::move(*result.totals);
    if (result.missing.empty()) throw overflow_error(result.reason);
    throw range_error(result.reason);
  }

  /// As `figures`, but a missing mode or an overflow is reported in the result instead of thrown.
  [[nodiscard]] departure_lookup try_figures(departure_group group, period_range<month> window) const {
    departure_lookup result;
    const auto [begin, end] =
        std::equal_range(rows_.begin(), rows_.end(), std::pair{group, window},
                         [](const auto& a, const auto& b) { return group_period(a) < group_period(b); });
    std::array<const departure_row*, 3> by_mode{};
    for (auto it = begin; it != end; ++it) by_mode[static_cast<std::size_t>(it->mode)] = &*it;
    for (const departure_mode m : all_departure_modes) {
      if (by_mode[static_cast<std::size_t>(m)] == nullptr) result.missing.push_back(m);
    }
    const std::string what =
        "departures of group " + std::string(to_string(group)) + " for " + departure_period_iso(window);
    if (!result.missing.empty()) {
      std::string modes;
      for (const departure_mode m : result.missing) modes += (modes.empty() ? "" : ", ") + std::string(to_string(m));
      result.reason = "no " + what + " with mode " + modes;
      const auto available = periods(group);
      if (available.empty()) {
        result.reason += " (the table has no departures of group " + std::string(to_string(group)) + ")";
      } else {
        std::string list;
        for (const auto& p : available) list += (list.empty() ? "" : ", ") + departure_period_iso(p);
        result.reason += " (periods with departures of group " + std::string(to_string(group)) + ": " + list + ")";
      }
      return result;
    }
    departure_totals totals;
    totals.window = window;
    totals.group = group;
    totals.independent = by_mode[0]->count;
    totals.forced = by_mode[1]->count;
    totals.unsupervised = by_mode[2]->count;
    for (const departure_row* r : by_mode) {
      if (std::find(totals.sources.begin(), totals.sources.end(), r->source) == totals.sources.end()) {
        totals.sources.push_back(r->source);
      }
      totals.latest_release = std::max(totals.latest_release, r->release);
    }
    std::sort(totals.sources.begin(), totals.sources.end());
    try {
      (void)totals.total();  // a figure whose total cannot be computed is not a figure
    } catch (const overflow_error& e) {
      result.reason = "the total of " + what + " does not fit in 64 bits: " + e.what();
      return result;
    }
    result.totals = std::move(totals);
    return result;
  }

  /// The periods with at least one row of `group`, sorted (by first month, then last).
  [[nodiscard]] std::vector<period_range<month>> periods(departure_group group) const {
    std::vector<period_range<month>> out;
    for (const departure_row& r : rows_) {
      if (r.group == group && (out.empty() || out.back() != r.period)) out.push_back(r.period);
    }
    return out;
  }

  /// The rows in use (one per key: the latest release), sorted by group, period and mode.
  [[nodiscard]] std::span<const departure_row> rows() const noexcept { return rows_; }
  /// The rows not in use, in input order: older releases and identical repeats.
  [[nodiscard]] std::span<const departure_row> superseded() const noexcept { return superseded_; }
  /// Number of rows in use.
  [[nodiscard]] std::size_t size() const noexcept { return rows_.size(); }
  /// True when no row is in use.
  [[nodiscard]] bool empty() const noexcept { return rows_.empty(); }
  /// The name of the input given to `from_rows`, for messages.
  [[nodiscard]] const std::string& origin() const noexcept { return origin_; }

  /// Same rows in use and same superseded rows (the origin is not compared).
  [[nodiscard]] friend bool operator==(const departures_table& a, const departures_table& b) {
    return a.rows_ == b.rows_ && a.superseded_ == b.superseded_;
  }

 private:
  [[nodiscard]] static std::pair<departure_group, period_range<month>> group_period(const departure_row& r) {
    return {r.group, r.period};
  }
  [[nodiscard]] static const std::pair<departure_group, period_range<month>>& group_period(
      const std::pair<departure_group, period_range<month>>& p) {
    return p;
  }

  [[nodiscard]] static std::tuple<departure_group, period_range<month>, departure_mode> sort_key(
      const departure_row& r) {
    return {r.group, r.period, r.mode};
  }

  [[nodiscard]] static std::string describe_key(const departure_row& r) {
    return departure_period_iso(r.period) + " " + std::string(to_string(r.group)) + " " +
           std::string(to_string(r.mode));
  }

  std::vector<departure_row> rows_;        // rows in use, sorted by key
  std::vector<departure_row> superseded_;  // rows not in use, input order
  std::string origin_;
};

/// The header of a departures CSV: these columns, exactly and in this order.
inline constexpr std::array<std::string_view, 6> departures_csv_columns = {"period", "group",  "mode",
                                                                           "count",  "source", "release"};

/// Reads the rows of a departures CSV (header exactly `period,group,mode,count,source,release`)
/// without building a table. Throws `csv::format_error` for malformed CSV or a wrong
/// header and `csv::value_error` naming file, line, column and value for a bad period,
/// group, mode, count, source or release.
[[nodiscard]] inline std::vector<departure_row> read_departure_rows(std::istream& in, std::string file_name) {
  return detail::read_rows<departure_row>(
      in, std::move(file_name), departures_csv_columns,
      [periods = detail::last_parsed<period_range<month>>(), groups = detail::last_parsed<departure_group>(),
       modes = detail::last_parsed<departure_mode>()](const csv::reader& reader, const csv::record& r,
                                                      departure_row& row) mutable {
        row.period = periods.get(r[0], [&] {
          return detail::read_parsed_field(
              reader, r, 0, parse_departure_period,
              "a departure period: a year (YYYY) or a range of months (YYYY-MM/YYYY-MM, first before "
              "last)");
        });
        row.group = groups.get(r[1], [&] {
          return detail::read_parsed_field(reader, r, 1, parse_departure_group,
                                           "a departure group (all or criminal, or alle or criminele_vreemdelingen)");
        });
        row.mode = modes.get(r[2], [&] {
          return detail::read_parsed_field(
              reader, r, 2, parse_departure_mode,
              "a departure mode (independent, forced or unsupervised, or zelfstandig, gedwongen, "
              "zonder_toezicht or op_eigen_gelegenheid)");
        });
      });
}

/// Reads a departures CSV into a table: `read_departure_rows`, then
/// `departures_table::from_rows` with the file name as origin.
[[nodiscard]] inline departures_table read_departures_csv(std::istream& in, std::string file_name) {
  std::vector<departure_row> rows = read_departure_rows(in, file_name);
  return departures_table::from_rows(std::move(rows), std::move(file_name));
}

/// Reads the departures CSV file `path` (see the stream overload). Throws `invalid_input`
/// naming the path when it cannot be opened.
[[nodiscard]] inline departures_table read_departures_csv(const std::filesystem::path& path) {
  std::ifstream file = csv::open_file(path);
  return read_departures_csv(file, path.string());
}

}  // namespace kerncijfers
