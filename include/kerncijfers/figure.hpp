#pragma once
/// \file figure.hpp
/// What every figure shares: how complete it is (`figure_status`), why not (`figure_problem`
/// and a reason), where its numbers come from (`figure_source`), and the notes on the rows it
/// used. `figure_header` holds the five (with the flags and rounding of the counts used), and every figure of
/// key_figures.hpp derives from it, so `f.status`, `f.problem`, `f.reason`, `f.source` and `f.notes` mean the same in
/// each.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kerncijfers/counts.hpp"

namespace kerncijfers {

/// How complete a figure is.
enum class figure_status : std::uint8_t {
  /// Computed from complete data.
  exact,
  /// Computed, but the breakdown by nationality does not cover the total: the listed
  /// shares are exact, the ranking is among the listed nationalities only.
  partial,
  /// Not computable from the data; `reason` says why.
  unavailable,
};

/// "exact", "partial" or "unavailable".
[[nodiscard]] constexpr std::string_view to_string(figure_status s) noexcept {
  return s == figure_status::exact ? "exact" : s == figure_status::partial ? "partial" : "unavailable";
}

/// Why a figure is partial or unavailable, as a code: the renderers put it into words in
/// the page's language, while `reason` keeps the details (rows, files, months) in English
/// for logs and the JSON.
enum class figure_problem : std::uint8_t {
  /// Nothing: the figure is exact.
  none,
  /// The data break down only part of the total by nationality (or some nationality's
  /// rows do not cover the window).
  incomplete_breakdown,
  /// No row covers some month of the window.
  missing_months,
  /// Some months are covered only by rows for a longer period (a quarter, a year) that
  /// reaches outside the window and cannot be split into months.
  unsplittable_rows,
  /// The total is 0: there are no shares.
  zero_total,
  /// The data contradict themselves: the nationalities add up to more than the TOTAL of
  /// the same category, over the window or in one period of it (`reason` names the numbers).
  inconsistent_data,
  /// The safe-country list does not settle the status of some nationality in some month.
  undetermined_designation,
  /// The departures of a mode (independent, forced, unsupervised) have no row for the period.
  missing_departures,
  /// The counts do not add up within 64 bits (a sum, a rounding to tens).
  overflow,
  /// The departures contradict themselves: those of the criminal aliens, a part of all
  /// departures, exceed all departures in some mode, in supervised departures or in total
  /// (`reason` names the numbers).
  inconsistent_departures,
  /// The source has no rows of this kind at all: Eurostat's asylum datasets count no
  /// family reunification ("nareizigers"), relocation or resettlement.
  not_in_source,
  /// The figure is Dutch policy (the Dutch safe-country list, departures from the
  /// Netherlands) and the page is for another reporting country whose data were not given.
  not_for_country,
};

/// Every problem, in declaration order.
inline constexpr std::array<figure_problem, 12> all_figure_problems = {figure_problem::none,
                                                                       figure_problem::incomplete_breakdown,
                                                                       figure_problem::missing_months,
                                                                       figure_problem::unsplittable_rows,
                                                                       figure_problem::zero_total,
                                                                       figure_problem::inconsistent_data,
                                                                       figure_problem::undetermined_designation,
                                                                       figure_problem::missing_departures,
                                                                       figure_problem::overflow,
                                                                       figure_problem::inconsistent_departures,
                                                                       figure_problem::not_in_source,
                                                                       figure_problem::not_for_country};

/// "none", "incomplete-breakdown", "missing-months", "unsplittable-rows", "zero-total",
/// "inconsistent-data", "undetermined-designation", "missing-departures", "overflow" or
/// "inconsistent-departures", "not-in-source" or "not-for-country".
[[nodiscard]] constexpr std::string_view to_string(figure_problem p) noexcept {
  switch (p) {
    case figure_problem::none: return "none";
    case figure_problem::incomplete_breakdown: return "incomplete-breakdown";
    case figure_problem::missing_months: return "missing-months";
    case figure_problem::unsplittable_rows: return "unsplittable-rows";
    case figure_problem::zero_total: return "zero-total";
    case figure_problem::inconsistent_data: return "inconsistent-data";
    case figure_problem::undetermined_designation: return "undetermined-designation";
    case figure_problem::missing_departures: return "missing-departures";
    case figure_problem::overflow: return "overflow";
    case figure_problem::inconsistent_departures: return "inconsistent-departures";
    case figure_problem::not_in_source: return "not-in-source";
    case figure_problem::not_for_country: return "not-for-country";
  }
  return "?";
}

/// Where a figure's numbers come from.
struct figure_source {
  /// The distinct sources of every row used, sorted.
  std::vector<std::string> sources;
  /// The latest release among those rows.
  release latest_release;
  /// The day the rows were retrieved from their publisher ("2026-12-07"; from
  /// `key_figures_options::retrieved`); empty when not stated. (The initializer keeps
  /// `figure_source{sources, release}` free of missing-initializer warnings.)
  std::string retrieved = {};

  [[nodiscard]] friend bool operator==(const figure_source&, const figure_source&) = default;
};

/// The part every figure shares. A figure is `exact`, `partial` or `unavailable`; when it is
/// not exact, `problem` says why as a code (the renderers put it into words) and `reason`
/// gives the details in English (rows, months, numbers); `source` names the rows' sources
/// and their latest release; `notes` are disagreements found in the rows used but not acted
/// on (e.g. a quarter row that differs from the sum of its months: the quarter is used).
struct figure_header {
  /// `exact`, `partial` or `unavailable`.
  figure_status status = figure_status::unavailable;
  /// Why the figure is partial or unavailable, as a code; `none` when exact.
  figure_problem problem = figure_problem::none;
  /// Why the figure is partial or unavailable, in detail (English); empty when exact.
  std::string reason;
  /// The sources of the rows used, and their latest release.
  figure_source source;
  /// Disagreements found in the rows used but not acted on (from `window_total::notes`).
  std::vector<std::string> notes;
  /// The observation flags of the rows used, their union as sorted lower-case letters
  /// (Eurostat's "p" provisional, "e" estimated, "b" break in series, ...); empty when none.
  std::string flags;
  /// The largest multiple the source rounded the counts used to (Eurostat and CBS: 5); 1
  /// when the source does not round.
  std::int64_t source_multiple = 1;

  /// True when some count used is provisional (flag "p").
  [[nodiscard]] bool provisional() const noexcept { return flags.find('p') != std::string::npos; }
  /// True when some count used is estimated (flag "e").
  [[nodiscard]] bool estimated() const noexcept { return flags.find('e') != std::string::npos; }

  [[nodiscard]] friend bool operator==(const figure_header&, const figure_header&) = default;
};

}  // namespace kerncijfers
