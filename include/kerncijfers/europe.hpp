#pragma once
/// \file europe.hpp
/// All of Europe at once: for every reporting country (`geo`) of a Eurostat asylum data set,
/// the top nationalities of one period (or a trailing window of periods), "unknown" and
/// "other", whole-percent shares that sum to 100 and the total rounded to tens, as the page
/// says it for one country ("In 2021 kwam 34% van de eerste aanvragen uit Syrië").
///
///     const kc::eurostat_data data = kc::read_eurostat("migr_asyappctza.csv.gz");
///     for (const kc::europe_row& row : kc::europe(data, kc::year(2021))) ...
///
/// **What is counted.** The observations of one applicant type (`europe_options::asyl_app`,
/// default NASY_APP, first-time applicants) in the window's periods. Every citizenship code
/// that is not a Eurostat aggregate (`is_eurostat_aggregate`: TOTAL, EU27_2020,
/// EXT_EU27_2020, ...) is a nationality; `UNK` is "unknown", kept apart and never ranked;
/// `STLS` (stateless), `RNC` (recognised non-citizens) and `UK_OCT` rank like any other. The
/// data's other dimensions (sex, age, unit) must have been selected when it was read
/// (`read_eurostat`'s defaults: T, TOTAL, PER).
///
/// **The total is Eurostat's.** Eurostat rounds every count to a multiple of 5 on its own,
/// so its TOTAL is not the sum of the rounded citizenships (NL 2021, first-time applicants:
/// TOTAL 24,755, the citizenships add up to 24,715). The published total is TOTAL, so that
/// is `total` wherever the data has a TOTAL observation for every period of the window, and
/// "other" is what the total leaves after the top and unknown: the other citizenships plus
/// the rounding difference. Without TOTAL (data read with a citizen selection, or a TOTAL
/// marked missing) `total` is the sum of the citizenships. `citizenships` is always that
/// sum, so the two can be compared (the difference is at most what rounding explains, 2 per
/// count). Where the rounding makes the top and unknown exceed TOTAL, other is 0 and `total`
/// their sum.
///
/// **The computation** is `top_shares` (top_shares.hpp) over the whole panel in one pass:
/// countries are the data's geo codes (aggregates such as EU27_2020 are rows like any
/// country), nationalities the citizenship codes above in the data's (sorted) order, months
/// the window's periods. Its rules apply: the top `top` among nationalities with a positive
/// count, ties to the smaller Eurostat code; shares by largest remainder (rounding.hpp) over
/// top 1..top, other, unknown, of `total`; a window without any count has no top, shares 0
/// and total 0; the total rounded to `total_multiple` by `total_rounding` (24,755 -> 24,760).
///
/// **The window** is `window` consecutive periods of `last_period`'s unit ending at it (1,
/// the default: that period alone; years for the annual `migr_asyappctza`, months for the
/// monthly `migr_asyappctzm`). It must lie within the data's periods of that unit (first to
/// last), else `range_error`.
///
/// **Missing observations** (Eurostat's `:`, `present == 0`) count 0, as a period without
/// any row for a country does, and the row says so: `missing` counts them and
/// `periods_reported` counts the window's periods in which the country has at least one
/// observation of a nationality (present or missing). A row with `missing > 0` or
/// `periods_reported < window` is a lower bound, not a figure to publish as it is. `flags`
/// is the union of the observation flags of every observation counted (and of the missing
/// ones): `p` makes the row provisional, `e` estimated.
///
/// Rows come in the order of the data's geo codes, one per country with at least one
/// observation of a citizenship (present or missing) of the applicant type in the window: a
/// country that did not report then (the UK after 2019) has no row, rather than a row of 0.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kerncijfers/count_period.hpp"
#include "kerncijfers/errors.hpp"
#include "kerncijfers/eurostat.hpp"
#include "kerncijfers/eurostat_codes.hpp"
#include "kerncijfers/nationality.hpp"
#include "kerncijfers/rounding.hpp"
#include "kerncijfers/text.hpp"
#include "kerncijfers/top_shares.hpp"

namespace kerncijfers {

/// What `europe` computes.
struct europe_options {
  /// The applicant type: NASY_APP (first-time), SSEQ (subsequent) or ASY_APP (all).
  std::string asyl_app = "NASY_APP";
  /// Nationalities ranked by name (1 to `max_top_nationalities`).
  std::size_t top = 5;
  /// Totals are rounded to a multiple of this (positive).
  std::int64_t total_multiple = 10;
  /// How totals are rounded.
  rounding_mode total_rounding = rounding_mode::half_up;
  /// Periods in the window, ending at the last period (at least 1).
  std::size_t window = 1;

  [[nodiscard]] friend bool operator==(const europe_options&, const europe_options&) = default;
};

/// One of a country's top nationalities.
struct europe_entry {
  /// Eurostat's citizenship code ("SY", "STLS", "UK_OCT").
  std::string citizen;
  /// Our nationality of that code (`nationality_from_eurostat`); none for a code it does not know.
  std::optional<kerncijfers::nationality> nationality;
  /// Applicants in the window.
  std::int64_t count = 0;
  /// Whole percent of the total.
  std::int64_t share = 0;

  [[nodiscard]] friend bool operator==(const europe_entry&, const europe_entry&) = default;
};

/// One reporting country's result (see the file comment).
struct europe_row {
  /// Eurostat's geo code ("NL", "EL", "EU27_2020").
  std::string geo;
  /// The window's last period.
  count_period period;
  /// The top nationalities, best first: at most `top`, fewer when fewer nationalities have
  /// a positive count.
  std::vector<europe_entry> top;
  /// Every other known nationality together, and its share.
  std::int64_t other = 0;
  std::int64_t other_share = 0;
  /// Citizenship unknown (`UNK`), and its share.
  std::int64_t unknown = 0;
  std::int64_t unknown_share = 0;
  /// The total (Eurostat's TOTAL where the data has it, see the file comment) and the total
  /// rounded.
  std::int64_t total = 0;
  std::int64_t rounded_total = 0;
  /// The sum of the citizenships' own counts (top, other citizenships and unknown).
  std::int64_t citizenships = 0;
  /// The union of the flags of the observations counted (and of the missing ones).
  observation_flags flags;
  /// Observations in the window that Eurostat marks missing (`:`), counted as 0.
  std::size_t missing = 0;
  /// The window's periods in which this country has any observation of a citizenship (at
  /// least 1: a country without any has no row).
  std::size_t periods_reported = 0;

  [[nodiscard]] friend bool operator==(const europe_row&, const europe_row&) = default;
};

/// `NL 2021: SY 8385 (34%), ... other 7450 (30%), unknown 830 (3%), total 24755 -> 24760`,
/// with `, flags p` and `, 3 missing` where they apply.
inline std::ostream& operator<<(std::ostream& out, const europe_row& row) {
  out << row.geo << " " << iso(row.period) << ":";
  for (const europe_entry& e : row.top) out << " " << e.citizen << " " << e.count << " (" << e.share << "%),";
  out << " other " << row.other << " (" << row.other_share << "%), unknown " << row.unknown << " (" << row.unknown_share
      << "%), total " << row.total << " -> " << row.rounded_total;
  if (!row.flags.empty()) out << ", flags " << row.flags.letters();
  if (row.missing > 0) out << ", " << row.missing << " missing";
  return out;
}

namespace detail {

// The window's first period, of last's unit (range_error when it falls before year 1).
[[nodiscard]] inline count_period europe_window_start(const count_period& last, std::size_t window) {
  return std::visit([window](const auto& p) -> count_period { return p - static_cast<long long>(window - 1); }, last);
}

// Periods from a to b of one unit (b - a), for two periods of the same alternative.
[[nodiscard]] inline long long europe_distance(const count_period& a, const count_period& b) {
  return std::visit(
      [&b](const auto& p) -> long long {
        using P = std::decay_t<decltype(p)>;
        return static_cast<long long>(std::get<P>(b) - p);
      },
      a);
}

inline void check_europe_columns(const eurostat_data& data) {
  const std::size_t n = data.value.size();
  const auto check = [n](std::size_t size, const char* what) {
    if (size != n) {
      throw invalid_input(std::string("europe: the eurostat data's ") + what + " column has " + std::to_string(size) +
                          " entries but its value column has " + std::to_string(n));
    }
  };
  check(data.geo.size(), "geo");
  check(data.citizen.size(), "citizen");
  check(data.asyl_app.size(), "asyl_app");
  check(data.period.size(), "period");
  check(data.flags.size(), "flags");
  check(data.present.size(), "present");
}

}  // namespace detail

/// Every reporting country's top nationalities, other, unknown, shares and rounded total for
/// the window of `options.window` periods ending at `last_period` (see the file comment).
///
/// Throws `unknown_code` when the data has no `options.asyl_app` (naming the codes it has);
/// `range_error` when the data has no period of `last_period`'s unit or the window reaches
/// outside the data's periods of that unit (naming both); `invalid_input` for options out
/// of range (window 0, top 0 or above `max_top_nationalities`, a non-positive multiple), for
/// columns of different lengths and for an index outside its dictionary (naming the
/// observation); `count_error` for a negative count and `invalid_input` for two observations
/// of the same country, citizenship, applicant type and period (naming both).
[[nodiscard]] inline std::vector<europe_row> europe(const eurostat_data& data, const count_period& last_period,
                                                    const europe_options& options = {}) {
  if (options.window == 0) throw invalid_input("europe: the window needs at least 1 period, got window 0");
  if (options.top == 0 || options.top > max_top_nationalities) {
    throw invalid_input("europe: top " + std::to_string(options.top) + " is outside 1-" +
                        std::to_string(max_top_nationalities));
  }
  detail::check_europe_columns(data);

  // The window, within the data's periods of its unit; each data period's place in it.
  const std::size_t unit = last_period.index();
  std::optional<count_period> first_in_data, last_in_data;
  for (const count_period& p : data.periods) {
    if (p.index() != unit) continue;
    if (!first_in_data || p < *first_in_data) first_in_data = p;
    if (!last_in_data || *last_in_data < p) last_in_data = p;
  }
  if (!first_in_data) {
    throw range_error("europe: the eurostat data has no period of the unit of " + iso(last_period) +
                      (data.periods.empty() ? std::string(" (it has no periods)")
                                            : " (its periods run " + iso(data.periods.front()) + " to " +
                                                  iso(data.periods.back()) + ")"));
  }
  const count_period first_period = detail::europe_window_start(last_period, options.window);
  if (first_period < *first_in_data || *last_in_data < last_period) {
    throw range_error("europe: the window " + iso(first_period) + " to " + iso(last_period) +
                      " reaches outside the eurostat data's periods of that unit, " + iso(*first_in_data) + " to " +
                      iso(*last_in_data));
  }
  // The applicant type.
  const auto asyl = std::find(data.asyl_app_codes.begin(), data.asyl_app_codes.end(), options.asyl_app);
  if (asyl == data.asyl_app_codes.end()) {
    throw unknown_code(options.asyl_app, "asyl_app code in this eurostat data", data.asyl_app_codes);
  }
  const auto asyl_index = static_cast<std::size_t>(asyl - data.asyl_app_codes.begin());

  constexpr std::uint32_t outside = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> month_of(data.periods.size(), outside);
  for (std::size_t i = 0; i < data.periods.size(); ++i) {
    const count_period& p = data.periods[i];
    if (p.index() != unit || p < first_period || last_period < p) continue;
    month_of[i] = static_cast<std::uint32_t>(detail::europe_distance(first_period, p));
  }

  // Nationalities: the citizenship codes that are not aggregates, in the data's order.
  std::vector<std::uint32_t> nationality_of(data.citizen_codes.size(), outside);
  std::vector<std::size_t> citizen_of;  // nationality code -> index into citizen_codes
  std::optional<std::size_t> unknown;
  for (std::size_t i = 0; i < data.citizen_codes.size(); ++i) {
    if (is_eurostat_aggregate(data.citizen_codes[i])) continue;
    nationality_of[i] = static_cast<std::uint32_t>(citizen_of.size());
    if (data.citizen_codes[i] == "UNK") unknown = citizen_of.size();
    citizen_of.push_back(i);
  }

  // One pass over the observations: the kept ones as a long table, and per country what
  // the rows will say about them.
  const std::size_t geos = data.geo_codes.size();
  const std::size_t months = options.window;
  std::vector<std::uint32_t> country, category, nat, month;
  std::vector<std::int64_t> count;
  std::vector<observation_flags> flags(geos);
  std::vector<std::size_t> missing(geos, 0);
  std::vector<std::uint8_t> reported(geos * months, 0);
  // Which observation filled each (country, nationality, period) cell, to name both of two
  // that count the same.
  constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> first_of_cell(checked_mul(checked_mul(geos, citizen_of.size()), months), none);
  const auto describe = [&](std::size_t i) {
    return data.geo_codes[data.geo[i]] + ", " + data.citizen_codes[data.citizen[i]] + ", " +
           data.asyl_app_codes[data.asyl_app[i]] + ", " + iso(data.periods[data.period[i]]);
  };
  // Eurostat's TOTAL per country, and in how many of the window's periods it was there.
  const auto total_it = std::find(data.citizen_codes.begin(), data.citizen_codes.end(), "TOTAL");
  const std::size_t total_code = static_cast<std::size_t>(total_it - data.citizen_codes.begin());
  std::vector<std::int64_t> published(geos, 0);
  std::vector<std::size_t> published_periods(geos, 0);
  const std::size_t n = data.value.size();
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t a = data.asyl_app[i];
    const std::size_t p = data.period[i];
    const std::size_t c = data.citizen[i];
    const std::size_t g = data.geo[i];
    if (g >= geos || c >= nationality_of.size() || a >= data.asyl_app_codes.size() || p >= month_of.size())
        [[unlikely]] {
      const char* what = g >= geos                         ? "geo codes"
                         : c >= nationality_of.size()      ? "citizen codes"
                         : a >= data.asyl_app_codes.size() ? "asyl_app codes"
                                                           : "periods";
      throw invalid_input("europe: observation " + std::to_string(i) + " has an index outside the eurostat data's " +
                          what);
    }
    if (a != asyl_index || month_of[p] == outside) continue;
    if (c == total_code) {
      if (data.present[i] != 0) {
        published[g] = checked_add(published[g], data.value[i]);
        ++published_periods[g];
      }
      continue;
    }
    if (nationality_of[c] == outside) continue;
    const std::size_t cell = (g * citizen_of.size() + nationality_of[c]) * months + month_of[p];
    if (first_of_cell[cell] != none) [[unlikely]] {
      throw invalid_input("europe: observations " + std::to_string(first_of_cell[cell]) + " and " + std::to_string(i) +
                          " both count " + describe(i));
    }
    first_of_cell[cell] = i;
    if (data.value[i] < 0) [[unlikely]] {
      throw count_error("europe: observation " + std::to_string(i) + " (" + describe(i) +
                        ") has a negative count: " + std::to_string(data.value[i]));
    }
    flags[g] = flags[g] | data.flags[i];
    reported[g * months + month_of[p]] = 1;
    if (data.present[i] == 0) {
      ++missing[g];
      continue;
    }
    country.push_back(static_cast<std::uint32_t>(g));
    category.push_back(0);
    nat.push_back(nationality_of[c]);
    month.push_back(month_of[p]);
    count.push_back(data.value[i]);
  }

  const cube_shape shape{geos, 1, citizen_of.size(), months};
  top_shares_options shares_options;
  shares_options.window = options.window;
  shares_options.top = options.top;
  shares_options.unknown = unknown;
  shares_options.total_multiple = options.total_multiple;
  shares_options.total_rounding = options.total_rounding;
  const top_shares_table table =
      top_shares(long_counts<std::uint32_t, std::int64_t>{country, category, nat, month, count}, shape, shares_options);

  // One window per country (months == window): window g is country g's.
  const std::size_t top = options.top;
  std::vector<europe_row> rows;
  rows.reserve(geos);
  std::vector<std::int64_t> parts(top + 2), own_shares(top + 2);
  for (std::size_t g = 0; g < geos; ++g) {
    const auto reported_periods = static_cast<std::size_t>(
        std::count(reported.begin() + static_cast<std::ptrdiff_t>(g * months),
                   reported.begin() + static_cast<std::ptrdiff_t>((g + 1) * months), std::uint8_t{1}));
    if (reported_periods == 0) continue;
    europe_row row;
    row.geo = data.geo_codes[g];
    row.period = last_period;
    for (std::size_t s = 0; s < top; ++s) {
      const std::int64_t code = table.nationality[g * top + s];
      if (code < 0) break;
      const std::string& citizen = data.citizen_codes[citizen_of[static_cast<std::size_t>(code)]];
      row.top.push_back(europe_entry{citizen, nationality_from_eurostat(citizen), 0, 0});
    }
    const std::span<const std::int64_t> counts(table.counts.data() + g * (top + 2), top + 2);
    std::span<const std::int64_t> shares(table.shares.data() + g * (top + 2), top + 2);
    row.citizenships = table.total[g];
    row.total = row.citizenships;
    row.unknown = counts[top + 1];
    row.other = counts[top];
    if (published_periods[g] == months && published[g] != row.citizenships) {
      // Eurostat's TOTAL: other takes the difference (never below 0), the shares are of it.
      const std::int64_t shown = row.citizenships - row.other;  // the top and unknown
      row.other = std::max<std::int64_t>(published[g] - shown, 0);
      row.total = shown + row.other;
      std::copy(counts.begin(), counts.end(), parts.begin());
      parts[top] = row.other;
      if (row.total > 0) {
        largest_remainder(parts, own_shares);
      } else {
        std::fill(own_shares.begin(), own_shares.end(), 0);
      }
      shares = own_shares;
    }
    row.other_share = shares[top];
    row.unknown_share = shares[top + 1];
    row.rounded_total = round_to_multiple(row.total, options.total_multiple, options.total_rounding);
    for (std::size_t s = 0; s < row.top.size(); ++s) {
      row.top[s].count = counts[s];
      row.top[s].share = shares[s];
    }
    row.flags = flags[g];
    row.missing = missing[g];
    row.periods_reported = reported_periods;
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace kerncijfers
