#pragma once
/// \file key_figures.hpp
/// The key figures of a month, as the Dutch "Kerncijfers asiel en migratie" page states
/// them: influx per category, shares of first applications and of family reunification
/// ("nareizigers") by
/// nationality in the month and over a trailing window, the share from safe countries of
/// origin, and departures (all and criminal aliens) with the supervised/unsupervised split.
///
/// Every figure carries its window (the months it covers), its header (figure.hpp: status,
/// problem, reason, sources and latest release, notes), and its rounding rule. Figures never pretend to be exact: a
/// figure that needs data the tables lack is `unavailable` (with the reason), and a distribution whose breakdown by
/// nationality does not cover the total is `partial` (the listed shares are exact; the ranking is among the listed
/// nationalities; the unlisted remainder is its own row).
///
/// `compute_key_figures` is pure: tables in, figures out. Each figure can also be computed
/// on its own: `distribution`, `safe_share`, `influx`, `departures_figure_for` (and
/// `breakdown_by_nationality`, the step the first two share). Missing data never throw:
/// they give `unavailable` or `partial` figures whose `problem` (a code the renderers put
/// into words in either language) and `reason` (the details, in English) say what is missing. Invalid
/// options do throw `invalid_input` naming the value (a top N of 0, decimals outside 0-16,
/// a trailing window of 0 months). Neither numbers too large for 64 bits nor numbers that
/// contradict each other throw, nor are they printed as facts:
///
/// - **Overflow.** Every figure function computes its values inside one guard
///   (`detail::unless_overflow`): when any of its arithmetic (a sum, a rounding to tens, a
///   percentage) leaves 64 bits, the figure is `unavailable` with the problem `overflow`
///   and the message as its reason, and every other figure is computed as usual. Table
///   lookups report their own overflows (`window_lookup`, `departure_lookup`), the
///   breakdown its listed sum (`nationality_breakdown::listed_problem`), the influx its sum
///   over categories (the influx figure's own `problem`).
/// - **Contradictions.** Numbers that contradict each other are not printed as facts: the
///   figure resting on them is `unavailable` with a problem saying which contradiction
///   (`inconsistent_data`, `inconsistent_departures`) and a reason naming the numbers. The
///   checks, each "a part larger than its whole": the listed nationalities against the
///   TOTAL of the window and of each period (TOTAL row) in it, which makes the
///   distributions, the safe-country share and the influx entry of that category
///   inconsistent; the criminal aliens' departures against all departures of the same
///   period, per mode, supervised and in total, which makes both departure figures
///   inconsistent. (The counts schema has no aggregate category and the departures schema
///   no total row, so no other sums can disagree.) Every check goes through one comparison,
///   `detail::exceeds(part, whole, tolerance)`; the tolerance is 0 (exact) today, and is
///   where a source that rounds to 5 (Eurostat, CBS) will be allowed its rounding.
///
/// The rules, in one place:
///
/// - **Breakdown.** The total of a category in a window is its TOTAL rows tiled over the
///   window (`counts_table::try_total`). A nationality is *listed* when its rows tile the
///   whole window (`try_count`). A nationality with rows for only part of the window is
///   *not usable*: its people count as unlisted, and the reason names it. The breakdown is
///   *complete* when the listed counts sum to the total and no nationality is unusable.
/// - **Distribution.** Complete breakdown: `exact`. Listed counts below the total (or an
///   unusable nationality): `partial`, with an `unlisted` row (total minus listed, when not
///   zero) and the reason "the data break down 535 of 955 first asylum applications by
///   nationality; the ranking is among the listed nationalities". Listed counts above the
///   total, over the window or in one of its periods: `unavailable` (`inconsistent_data`;
///   the reason gives both numbers). No TOTAL for the window, or a TOTAL of 0: `unavailable`.
/// - **Ranking.** The top N *known* nationalities by count, largest first; ties by alpha-3
///   code ascending. Known means every code but unknown (XXX). Stateless (XXA) is a
///   nationality category that IND and CBS list as a row of its own ("Staatloos"), so it is
///   ranked like any nationality. A nationality with a count of 0 is never named (it stays
///   in `other`, adding nothing). The unknown nationality is its own `unknown` row when
///   `unknown_row` is `own_row` and its count is above 0; otherwise it is folded into `other`
///   ("een andere of onbekende nationaliteit"). `other` is every listed count outside the
///   named rows (shown when above 0).
/// - **Percentages** are computed over every row (named, unknown, other, unlisted), as
///   `rounded_decimal`s at `decimals` decimals: `published` rounds each share half-up on its own
///   (`independent_percentages`; the set may sum to 99 or 101, and `rounding_note` says so
///   through `check_published_shares`), `largest_remainder` makes the set sum to exactly 100.
/// - **Safe countries of origin.** A person counts as coming from a safe country of origin
///   when their nationality's designation is in force on the *last day of the month* they
///   are counted in (`safe_country_list::status`, the last-day rule, applied to each month:
///   over a window of several months a nationality's people count as safe in the months
///   whose last day the designation is in force, and the count of those months is tiled
///   from its rows). The unknown and stateless nationalities are on no list: not safe. The
///   share is exact only with a complete breakdown and the status of every listed
///   nationality with people in the window known (a count of 0 cannot change the share); otherwise it is `unavailable`
///   with bounds: lower = the certainly safe people / total, upper = (certainly safe + undetermined + unlisted) /
///   total, each rounded half-up on its own. Rounding is monotone, so the rounded share lies between the rounded
///   bounds. A nationality whose rows for the parts of the window where its designation differs do not add up to its
///   count over the window (a quarter row and month rows that disagree) is undetermined: which of its rows is right
///   decides its share.
/// - **Influx** is the TOTAL of each category for the month, unless the month's
///   nationality rows of the category sum to more (`inconsistent_data`); the sum over
///   categories only when every category has one and the sum fits in 64 bits.
/// - **Departures** of a group in a period (a year or a year to date, matched exactly):
///   total rounded half-up to tens (`key_figures_options::departures_multiple` and
///   `departures_mode`, recorded in the figure); supervised = independent + forced; the two shares
///   [supervised, unsupervised] rounded as the chosen `share_rounding`. `unavailable` when
///   a mode has no row, when the criminal aliens' departures exceed all departures
///   (checked for either group), or when the total is 0.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "kerncijfers/checked.hpp"
#include "kerncijfers/count_period.hpp"
#include "kerncijfers/counts.hpp"
#include "kerncijfers/departures.hpp"
#include "kerncijfers/errors.hpp"
#include "kerncijfers/figure.hpp"
#include "kerncijfers/language.hpp"
#include "kerncijfers/nationality.hpp"
#include "kerncijfers/period.hpp"
#include "kerncijfers/period_range.hpp"
#include "kerncijfers/rounding.hpp"
#include "kerncijfers/safe_countries.hpp"
#include "kerncijfers/share.hpp"

namespace kerncijfers {

/// How a set of shares is rounded to whole (or `decimals`) percents.
enum class share_rounding : std::uint8_t {
  /// Each share rounded half-up on its own, as the published page does; the set may sum
  /// to 99 or 101, and the figure then says so.
  published,
  /// Largest remainder (Hamilton): the set sums to exactly 100.
  largest_remainder,
};

/// "published" / "largest-remainder".
[[nodiscard]] constexpr std::string_view to_string(share_rounding r) noexcept {
  return r == share_rounding::published ? "published" : "largest-remainder";
}

/// Parses "published" or "largest-remainder" (also "largest_remainder").
[[nodiscard]] inline share_rounding parse_share_rounding(std::string_view text) {
  if (text == "published") return share_rounding::published;
  if (text == "largest-remainder" || text == "largest_remainder") return share_rounding::largest_remainder;
  throw parse_error(std::string(text), "a share rounding (\"published\" or \"largest-remainder\")");
}

/// The problem of a failed window lookup: months without a row come first, then rows that
/// would have to be split; a lookup that failed for neither overflowed.
[[nodiscard]] inline figure_problem problem_of(const window_lookup& lookup) noexcept {
  if (lookup) return figure_problem::none;
  if (!lookup.missing.empty()) return figure_problem::missing_months;
  if (!lookup.unsplittable.empty()) return figure_problem::unsplittable_rows;
  return figure_problem::overflow;
}

/// The problem of a failed departures lookup: a mode without a row, or an overflow.
[[nodiscard]] inline figure_problem problem_of(const departure_lookup& lookup) noexcept {
  if (lookup) return figure_problem::none;
  return lookup.missing.empty() ? figure_problem::overflow : figure_problem::missing_departures;
}

/// What a row of a distribution stands for.
enum class row_kind : std::uint8_t {
  /// One known nationality (`nat` is set).
  nationality,
  /// The unknown nationality ("Onbekend"), always its own row when shown separately.
  unknown,
  /// The rest: listed nationalities outside the top N (and, where the figure folds it in,
  /// the unknown nationality: "een andere of onbekende nationaliteit").
  other,
  /// People the data do not break down by nationality (total minus every listed row):
  /// only in `partial` figures.
  unlisted,
};

/// "nationality", "unknown", "other" or "unlisted".
[[nodiscard]] constexpr std::string_view to_string(row_kind k) noexcept {
  switch (k) {
    case row_kind::nationality: return "nationality";
    case row_kind::unknown: return "unknown";
    case row_kind::other: return "other";
    case row_kind::unlisted: return "unlisted";
  }
  return "?";
}

/// The unit a page and its figures' windows are stated in: the unit of the data (Eurostat's
/// `migr_asyappctza` counts years, `migr_asyappctzm` months). The figures' windows are
/// always ranges of months; the unit says how the page names them ("2021", "de afgelopen
/// drie jaar (2019 t/m 2021)").
enum class page_unit : std::uint8_t {
  /// The page of the ministry: a month, trailing windows of months.
  month,
  /// A quarter, trailing windows of quarters.
  quarter,
  /// A year, trailing windows of years.
  year,
  /// An ISO week (the ministry's weekly influx figures). Weeks do not tile months, so a
  /// figure over months is exact only where the weeks lie wholly inside them.
  week,
};

/// "month", "quarter", "year" or "week".
[[nodiscard]] constexpr std::string_view to_string(page_unit u) noexcept {
  switch (u) {
    case page_unit::month: return "month";
    case page_unit::quarter: return "quarter";
    case page_unit::year: return "year";
    case page_unit::week: return "week";
  }
  return "?";
}

/// The unit of a count period: a month, a quarter, a year (or an ISO week).
[[nodiscard]] constexpr page_unit unit_of(const count_period& p) noexcept {
  return std::visit(
      [](const auto& q) {
        using unit = typename std::decay_t<decltype(q)>::unit;
        if constexpr (std::is_same_v<unit, quarter_unit>) return page_unit::quarter;
        if constexpr (std::is_same_v<unit, year_unit>) return page_unit::year;
        if constexpr (std::is_same_v<unit, week_unit>) return page_unit::week;
        return page_unit::month;
      },
      p);
}

/// The months of `n` periods of `p`'s unit ending with `p`: `trailing_months_of(year(2021), 3)`
/// is January 2019 to December 2021. Throws `range_error` for `n` 0 or a window before year 1,
/// `invalid_input` for a week (weeks do not tile months).
[[nodiscard]] inline period_range<month> trailing_months_of(const count_period& p, std::size_t n) {
  return std::visit(
      [n](const auto& last) -> period_range<month> {
        using P = std::decay_t<decltype(last)>;
        if constexpr (unit_rank_v<typename P::unit> < unit_rank_v<month_unit>) {
          throw invalid_input("a trailing window of " + std::to_string(n) + " ending at " + last.iso() +
                              " has no months: weeks do not tile months");
        } else {
          const auto window = trailing(last, n);
          return period_range<month>(subperiods<month>(window.first()).first(), subperiods<month>(last).last());
        }
      },
      p);
}

/// Where a distribution puts the unknown nationality ("Onbekend").
enum class unknown_placement : std::uint8_t {
  /// A row of its own (when above 0), after the named nationalities: first applications.
  own_row,
  /// Folded into `other` ("een andere of onbekende nationaliteit"): family reunification.
  in_other,
};

/// "own-row" or "in-other".
[[nodiscard]] constexpr std::string_view to_string(unknown_placement p) noexcept {
  return p == unknown_placement::own_row ? "own-row" : "in-other";
}

/// One row of a distribution: a count, its exact share of the total, and its rounded
/// percentage.
struct distribution_row {
  /// What the row stands for.
  row_kind kind = row_kind::nationality;
  /// Set for `nationality` and `unknown` rows.
  std::optional<kerncijfers::nationality> nationality;
  /// The number of people over the figure's window.
  std::int64_t count = 0;
  /// `count` out of the figure's total, exactly.
  share<std::int64_t> exact;
  /// The rounded percentage, at the figure's `decimals` (at 0 decimals: whole percents).
  rounded_decimal percent;

  [[nodiscard]] friend bool operator==(const distribution_row&, const distribution_row&) = default;
};

/// Shares of one category by nationality over a window of months. The header (status,
/// problem, reason, source, notes): `exact`, `partial` or `unavailable` (see the file
/// comment); the sources of the TOTAL rows and of every listed nationality's rows, and
/// their latest release (also when unavailable because the breakdown exceeds the total).
struct distribution_figure : figure_header {
  /// The category counted.
  kerncijfers::category category = kerncijfers::category::first_application;
  /// The months counted ("juni 2020 t/m mei 2021" is `window.label(language::nl)`).
  period_range<month> window{month{}};
  /// The TOTAL count of the category in the window (0 when unavailable).
  std::int64_t total = 0;
  /// How many of the largest known nationalities are listed by name.
  std::size_t top_n = 0;
  /// Where the unknown nationality goes: its own row, or folded into `other`.
  unknown_placement unknown_row = unknown_placement::own_row;
  /// The unit the page names `window` in (a month page: months).
  page_unit unit = page_unit::month;
  /// The top N nationalities (largest first; ties by alpha-3 code; only counts above 0),
  /// then `unknown` (when its own row and above 0), then `other` (when above 0), then
  /// `unlisted` (partial only, when above 0). Empty when unavailable.
  std::vector<distribution_row> rows;
  /// How the percentages were rounded.
  share_rounding rounding = share_rounding::published;
  /// Decimals of the percentages (0-16).
  int decimals = 0;
  /// Sum of the rounded percentages of every row, at `decimals`.
  rounded_decimal percent_sum;
  /// `percent_sum` == 100.
  bool sums_to_100 = false;
  /// What the rounding did. Published rounding: the message of `check_published_shares`
  /// over the rows ("shares sum to 100", or "shares sum to 101, not 100: consistent with
  /// independent rounding"; in units of 10^-decimals, so "1001, not 1000" at 1 decimal).
  /// Largest remainder: "sums to 100 by largest remainder". Empty when unavailable.
  std::string rounding_note;
  /// The sum of every listed nationality's count over the window (the rows named, unknown
  /// and other together); 0 when there is no TOTAL.
  std::int64_t listed = 0;
  /// The nationalities with rows in the window that do not tile it (rows for only part of
  /// the window, or rows that would have to be split): their people are unlisted. Sorted by
  /// alpha-3 code.
  std::vector<nationality> unusable_nationalities;

  [[nodiscard]] friend bool operator==(const distribution_figure&, const distribution_figure&) = default;
};

/// The share of a category (first applications) from safe countries of origin. The header:
/// `exact` or `unavailable` (never `partial`: a share from a partial breakdown is not a
/// figure, only bounds); with a partial breakdown and an undetermined status both, the
/// problem names the breakdown; the sources as `distribution_figure`'s.
struct safe_share_figure : figure_header {
  /// The category counted.
  kerncijfers::category category = kerncijfers::category::first_application;
  /// The months counted.
  period_range<month> window{month{}};
  /// The TOTAL count of the category in the window (0 without a usable TOTAL).
  std::int64_t total = 0;
  /// People from nationalities designated safe (when exact).
  std::int64_t safe_count = 0;
  /// `safe_count / total` in percent, rounded half-up to `decimals` (when exact).
  rounded_decimal percent;
  /// Decimals of the percentages (0-16).
  int decimals = 0;
  /// When unavailable for a partial breakdown or an undetermined status (and a consistent
  /// TOTAL above 0 exists): the share lies between these percentages, each rounded half-up
  /// on its own (lower: the people certainly from safe countries; upper: plus every
  /// undetermined and every unlisted person). Empty otherwise.
  std::optional<rounded_decimal> lower_percent;
  /// See `lower_percent`.
  std::optional<rounded_decimal> upper_percent;
  /// The listed nationalities with people in the window that count as safe in at least one
  /// of its months, sorted by alpha-3 code.
  std::vector<nationality> safe_nationalities;
  /// The listed nationalities with people in the window whose status the designation list
  /// cannot settle for some month (or whose count cannot be split where the designation
  /// changes), sorted by alpha-3 code. Any of them makes the figure unavailable.
  std::vector<nationality> undetermined_nationalities;
  /// The rule that decides a month: "designation in force on the last day of each month".
  std::string rule;
  /// The unit the page names `window` in.
  page_unit unit = page_unit::month;

  [[nodiscard]] friend bool operator==(const safe_share_figure&, const safe_share_figure&) = default;
};

/// Influx of one month per category. Not a figure of its own (no header): a count, or the
/// problem and reason of the figure header when it has none.
struct influx_entry {
  /// The category.
  kerncijfers::category category = kerncijfers::category::first_application;
  /// The TOTAL count; empty when the data have none.
  std::optional<std::int64_t> count;
  /// Why `count` is empty, as a code; `none` when it is set.
  figure_problem problem = figure_problem::none;
  /// Why `count` is empty, in detail (English).
  std::string reason;

  [[nodiscard]] friend bool operator==(const influx_entry&, const influx_entry&) = default;
};

/// Influx of one month: the TOTAL of every category, and their sum. The header describes the
/// sum: `exact` when `total` is set, otherwise `unavailable` with the problem of the first
/// category without a count (or `overflow`) and the reason; the sources of the TOTAL rows
/// found. (Each entry has its own problem and reason.)
struct influx_figure : figure_header {
  /// The period (a month on the ministry's page; a quarter or a year for other data).
  count_period period;
  /// One entry per category, in the order of `all_categories`.
  std::vector<influx_entry> by_category;
  /// The sum over all categories; empty when any category has no count, or when the sum
  /// does not fit in 64 bits.
  std::optional<std::int64_t> total;

  [[nodiscard]] friend bool operator==(const influx_figure&, const influx_figure&) = default;
};

/// The influx of one category in an ISO week: the week itself and the trailing 4 and 13
/// weeks ending with it. Each is a TOTAL count, or the problem and reason why it has none
/// (a week without a row, a row that would have to be split); never apportioned.
struct weekly_influx_entry {
  /// The category.
  kerncijfers::category category = kerncijfers::category::first_application;
  /// The week's TOTAL.
  influx_entry week;
  /// The TOTAL of the 4 weeks ending with the week.
  influx_entry trailing_4;
  /// The TOTAL of the 13 weeks ending with the week.
  influx_entry trailing_13;

  [[nodiscard]] friend bool operator==(const weekly_influx_entry&, const weekly_influx_entry&) = default;
};

/// The ministry's weekly influx: per category the week, the trailing 4 and the trailing 13
/// weeks. The header: `exact` when every count is set, `partial` when some are,
/// `unavailable` when none is; the problem of the first count missing and a reason naming
/// every count missing with its own reason (which names the missing weeks); the sources of
/// the TOTAL rows used.
struct weekly_influx_figure : figure_header {
  /// The last week of the windows.
  iso_week week;
  /// One entry per category, in the order of `all_categories`.
  std::vector<weekly_influx_entry> by_category;

  [[nodiscard]] friend bool operator==(const weekly_influx_figure&, const weekly_influx_figure&) = default;
};

/// Departures of one group in a window of months: the total rounded (to tens, on the page)
/// and the split between supervised ("onder toezicht": independent + forced) and
/// unsupervised ("op eigen gelegenheid") departures. The header: `exact` or `unavailable`
/// (a mode without a row, contradicting groups, a total of 0, an overflow); the sources of
/// the three rows used and their latest release.
struct departures_figure : figure_header {
  /// Whose departures.
  departure_group group = departure_group::all;
  /// The months counted (a calendar year or a year to date).
  period_range<month> window{month{}};
  /// All departures (0 when unavailable).
  std::int64_t total = 0;
  /// `total` rounded to a multiple of `total_multiple` by `total_mode` ("ongeveer 7.690").
  std::int64_t total_rounded = 0;
  /// The multiple `total_rounded` is rounded to (10 on the page).
  std::int64_t total_multiple = 10;
  /// How `total_rounded` is rounded (half-up on the page).
  rounding_mode total_mode = rounding_mode::half_up;
  /// Independent + forced ("onder toezicht").
  std::int64_t supervised = 0;
  /// Without supervision ("op eigen gelegenheid").
  std::int64_t unsupervised = 0;
  /// The shares of `supervised` and `unsupervised` in `total`, rounded by `rounding` at
  /// `decimals`.
  rounded_decimal supervised_percent;
  /// See `supervised_percent`.
  rounded_decimal unsupervised_percent;
  /// How the two shares were rounded.
  share_rounding rounding = share_rounding::published;
  /// Decimals of the percentages (0-16).
  int decimals = 0;
  /// The two rounded shares sum to 100.
  bool sums_to_100 = false;
  /// What the rounding did (as `distribution_figure::rounding_note`).
  std::string rounding_note;

  [[nodiscard]] friend bool operator==(const departures_figure&, const departures_figure&) = default;
};

/// Choices behind the figures. The defaults reproduce the published page.
struct key_figures_options {
  /// Trailing window length in months (a month page).
  std::size_t trailing_months = 12;
  /// Trailing window length in periods of the page's unit (years on a year page); empty =
  /// `trailing_months` in that unit (12 months = 4 quarters = 1 year), which must then be a
  /// whole number of periods.
  std::optional<std::size_t> trailing;
  /// The reporting country, as Eurostat's geo code ("NL", "DE", "EL"); empty = the
  /// Netherlands, the ministry's page. For another country the Dutch-policy figures (the
  /// share from Dutch safe countries of origin, the departures) are `unavailable` with
  /// `not_for_country`, unless `country_policy_data` says the tables given are that
  /// country's own.
  std::string reporting_country;
  /// The safe-country list and departures table given are those of `reporting_country`.
  bool country_policy_data = false;
  /// Named nationalities: first applications in the month (page: 6 + Onbekend) and over
  /// the trailing window (page: 4); family reunification ("nareizigers"; page: 3, unknown
  /// folded into "overige").
  std::size_t top_first_month = 6;
  /// See `top_first_month`.
  std::size_t top_first_trailing = 4;
  /// See `top_first_month`.
  std::size_t top_family_reunification = 3;
  /// Last month of the family reunification trailing window; empty = the month itself. The
  /// page's source lags one month: "mei 2020 t/m april 2021" in the May 2021 edition.
  std::optional<month> family_reunification_window_end;
  /// The departures window; empty = the calendar year of the month.
  std::optional<period_range<month>> departures_window;
  /// How every set of shares is rounded.
  share_rounding rounding = share_rounding::published;
  /// Decimals of every percentage (0: whole percents, as the page).
  int decimals = 0;
  /// The multiple the departures totals are rounded to (page: 10, "ongeveer 7.690"); at least 1.
  std::int64_t departures_multiple = 10;
  /// How the departures totals are rounded to `departures_multiple` (page: half-up).
  rounding_mode departures_mode = rounding_mode::half_up;
  /// The day the counts table was retrieved from its publisher, in ISO form ("2026-12-07",
  /// as `kerncijfers fetch` records it); empty = not stated. The figures computed from the
  /// counts carry it in `figure_source::retrieved`, and their source line says so.
  std::string retrieved;

  [[nodiscard]] friend bool operator==(const key_figures_options&, const key_figures_options&) = default;
};

/// Every figure of the page for one month.
struct key_figures {
  /// The period of the page: the month M of the ministry's page, or a quarter or a year.
  count_period period;
  /// The options the figures were computed with.
  key_figures_options options;
  /// TOTAL per category in M.
  influx_figure influx;
  /// First applications in M by nationality.
  distribution_figure first_month;
  /// First applications over the trailing window ending at M.
  distribution_figure first_trailing;
  /// Share of first applications in M from safe countries of origin.
  safe_share_figure safe_month;
  /// Family reunification ("nareizigers") in M by nationality.
  distribution_figure family_reunification_month;
  /// Family reunification over the trailing window ending at
  /// `options.family_reunification_window_end` (or M).
  distribution_figure family_reunification_trailing;
  /// Departures of all foreign nationals in the departures window.
  departures_figure departures_all;
  /// Departures of criminal aliens in the departures window.
  departures_figure departures_criminal;

  [[nodiscard]] friend bool operator==(const key_figures&, const key_figures&) = default;
};

// ---------------------------------------------------------------------------------------
// Breakdown by nationality

/// One listed nationality of a breakdown: its count over the whole window.
struct breakdown_entry {
  /// The nationality.
  kerncijfers::nationality nationality;
  /// Its people over the window, tiled from its rows.
  std::int64_t count = 0;

  [[nodiscard]] friend bool operator==(const breakdown_entry&, const breakdown_entry&) = default;
};

/// A nationality with rows in the window that do not tile it, and why.
struct unusable_nationality {
  /// The nationality.
  kerncijfers::nationality nationality;
  /// The tiling problem, as `counts_table::try_count` reports it.
  std::string reason;

  [[nodiscard]] friend bool operator==(const unusable_nationality&, const unusable_nationality&) = default;
};

/// The people of one category in a window of months, broken down by nationality as far as
/// the data allow: the step `distribution` and `safe_share` share (see the file comment).
struct nationality_breakdown {
  /// The category counted.
  kerncijfers::category category = kerncijfers::category::first_application;
  /// The months counted.
  period_range<month> window{month{}};
  /// The TOTAL tiled over the window; empty when the TOTAL rows cannot tile it.
  std::optional<std::int64_t> total;
  /// Why `total` is empty, as a code (`problem_of` the TOTAL lookup); `none` when it is set.
  figure_problem total_problem = figure_problem::none;
  /// Why `total` is empty (the `counts_table::try_total` message).
  std::string total_reason;
  /// Every nationality whose rows tile the window, sorted by alpha-3 code.
  std::vector<breakdown_entry> listed;
  /// The sum of the listed counts (0 when it does not fit in 64 bits: see `listed_problem`).
  std::int64_t listed_sum = 0;
  /// What is wrong with the listed counts beyond the TOTAL lookup, as a code: `overflow`
  /// when they do not sum in 64 bits, `inconsistent_data` when in some period of the
  /// window (a TOTAL row's period) the nationalities' rows sum to more than its TOTAL;
  /// `none` otherwise. (Listed counts above the TOTAL of the whole window are seen from
  /// `listed_sum` and `total` themselves.)
  figure_problem listed_problem = figure_problem::none;
  /// Why, in detail (English), naming the numbers; empty when `listed_problem` is `none`.
  std::string listed_reason;
  /// The nationalities with rows in the window that do not tile it, sorted by alpha-3 code.
  std::vector<unusable_nationality> unusable;
  /// The sources of the TOTAL rows and of every listed nationality's rows.
  figure_source source;
  /// `window_total::notes` of the TOTAL and of every listed nationality.
  std::vector<std::string> notes;
  /// The union of the observation flags of the rows used (sorted letters; see `figure_header`).
  std::string flags;
  /// The largest multiple the source rounded the rows used to (1: not rounded).
  std::int64_t source_multiple = 1;
  /// How far the listed counts may lie from the TOTAL by the source's rounding alone: half
  /// the multiple (rounded down) for each listed count and for the TOTAL; 0 when the source
  /// does not round.
  std::int64_t rounding_tolerance = 0;

  /// True when there is a TOTAL, the listed counts sum to it (within `rounding_tolerance`),
  /// no nationality is unusable and the listed counts have no problem.
  [[nodiscard]] bool complete() const noexcept {
    if (!total || listed_problem != figure_problem::none || !unusable.empty()) return false;
    const std::int64_t lo = *total - rounding_tolerance;
    const std::int64_t hi = *total + rounding_tolerance;
    return listed_sum >= lo && listed_sum <= hi;
  }

  [[nodiscard]] friend bool operator==(const nationality_breakdown&, const nationality_breakdown&) = default;
};

namespace detail {

// Adds the sources, latest release and notes of `t` to `source` and `notes`.
inline void add_source(figure_source& source, std::vector<std::string>& notes, const window_total& t) {
  for (const std::string& s : t.sources) {
    const auto at = std::lower_bound(source.sources.begin(), source.sources.end(), s);
    if (at == source.sources.end() || *at != s) source.sources.insert(at, s);
  }
  source.latest_release = std::max(source.latest_release, t.latest_release);
  notes.insert(notes.end(), t.notes.begin(), t.notes.end());
}

// Adds `letters` to the sorted set of flag letters `flags`.
inline void merge_flags(std::string& flags, std::string_view letters) {
  for (const char c : letters) {
    const auto at = std::lower_bound(flags.begin(), flags.end(), c);
    if (at == flags.end() || *at != c) flags.insert(at, c);
  }
}

// Adds the observation flags and the source's rounding multiple of `t` to `flags` and `multiple`.
inline void add_marks(std::string& flags, std::int64_t& multiple, const window_total& t) {
  merge_flags(flags, t.flags.letters());
  multiple = std::max<std::int64_t>(multiple, t.source_multiple);
}

// What every figure copies from its breakdown: sources, notes, flags and rounding.
template <class Figure, class Breakdown>
void copy_marks(Figure& fig, const Breakdown& b) {
  fig.source = b.source;
  fig.notes = b.notes;
  fig.flags = b.flags;
  fig.source_multiple = b.source_multiple;
}

// "first asylum applications for 2021-05".
[[nodiscard]] inline std::string what_in(category cat, const count_window& window) {
  return std::string(label(cat, language::en)) + " for " + window.iso();
}

// "DZA, MAR".
[[nodiscard]] inline std::string join_codes(const std::vector<nationality>& list) {
  std::string text;
  for (const nationality n : list) text += (text.empty() ? "" : ", ") + std::string(n.alpha3());
  return text;
}

// 100% in units of 10^-decimals; `invalid_input` for decimals outside 0-16 (beyond, the
// product does not fit in 64 bits).
[[nodiscard]] inline std::int64_t percent_target(int decimals) {
  check_decimal_places(decimals, max_percent_decimals);
  return 100 * decimal_scale(decimals);
}

inline void check_top_n(std::size_t top_n, std::string_view name) {
  if (top_n == 0) {
    throw invalid_input(std::string(name) + " 0: at least one nationality must be named (a top N of 1 or more)");
  }
}

inline void check_total_multiple(std::int64_t multiple, std::string_view name) {
  if (multiple < 1) {
    throw invalid_input(std::string(name) + " " + std::to_string(multiple) +
                        ": a total is rounded to a multiple of 1 or more");
  }
}

inline void check_figure_decimals(int decimals, std::string_view name = "decimals") {
  if (decimals < 0 || decimals > max_percent_decimals) {
    throw invalid_input(std::string(name) + " " + std::to_string(decimals) + " is outside 0-" +
                        std::to_string(max_percent_decimals) + " (decimals of a percentage)");
  }
}

// The tolerance of every consistency check today: none, the data must agree exactly.
inline constexpr std::int64_t exact_consistency = 0;

// The one comparison behind every consistency check: `part` (a subset: some nationalities,
// the criminal aliens) exceeds `whole` (its set: the TOTAL, all departures) by more than
// `tolerance`. In 128 bits, so sums of many counts compare without overflow. A source that
// rounds each count to a multiple of 5 will pass a tolerance here instead of 0.
[[nodiscard]] constexpr bool exceeds(kc_int128 part, kc_int128 whole,
                                     std::int64_t tolerance = exact_consistency) noexcept {
  return part > whole + tolerance;
}

// A 128-bit count as decimal text, for messages about sums beyond 64 bits.
[[nodiscard]] inline std::string count_text(kc_int128 value) {
  if (value >= std::numeric_limits<std::int64_t>::min() && value <= std::numeric_limits<std::int64_t>::max()) {
    return std::to_string(static_cast<std::int64_t>(value));
  }
  const bool negative = value < 0;
  kc_uint128 magnitude = negative ? kc_uint128(0) - static_cast<kc_uint128>(value) : static_cast<kc_uint128>(value);
  std::string digits;
  while (magnitude > 0) {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  }
  return (negative ? "-" : "") + digits;
}

// Runs `compute`; the message of the `overflow_error` it throws, or nothing. The one place
// where an overflow of checked arithmetic stops being an exception and becomes a problem
// of the figure (or breakdown, or sum) being computed.
template <class Compute>
[[nodiscard]] std::optional<std::string> overflow_in(Compute&& compute) {
  try {
    compute();
  } catch (const overflow_error& e) {
    return std::string(e.what());
  }
  return std::nullopt;
}

// `head` (a figure with what it describes, its options and its sources set, and no values
// yet) with its values computed by `compute(figure)`. When that arithmetic overflows, the
// result is `head` itself, unavailable with problem `overflow` and a reason naming `what`
// and the numbers: a figure either has all its values or none.
template <class Figure, class Compute>
[[nodiscard]] Figure unless_overflow(Figure head, std::string_view what, Compute&& compute) {
  Figure fig = head;
  std::optional<std::string> overflow = overflow_in([&] { compute(fig); });
  if (!overflow) return fig;
  head.status = figure_status::unavailable;
  head.problem = figure_problem::overflow;
  head.reason = "the numbers of " + std::string(what) + " do not fit in 64 bits: " + std::move(*overflow);
  return head;
}

// The rounded percentages of `counts` (total > 0) and what the rounding did.
struct rounded_set {
  std::vector<std::int64_t> percents;
  std::int64_t sum = 0;
  bool sums_to_100 = false;
  std::string note;
};

[[nodiscard]] inline rounded_set round_shares(std::span<const std::int64_t> counts, share_rounding rounding,
                                              int decimals) {
  rounded_set out;
  out.percents = rounding == share_rounding::published ? independent_percentages(counts, decimals)
                                                       : largest_remainder(counts, 100, decimals);
  out.sum = checked_sum(std::span<const std::int64_t>(out.percents));
  const std::int64_t target = percent_target(decimals);
  out.sums_to_100 = out.sum == target;
  if (rounding == share_rounding::published) {
    out.note = check_published_shares(out.percents, target).message;
  } else {
    out.note = "sums to 100 by largest remainder";
  }
  return out;
}

}  // namespace detail

namespace detail {

// Marks `b` inconsistent when, in some period of its window that a TOTAL row covers (one of
// `tiles`), the rows of the nationalities `present` sum to more than that TOTAL: a
// contradiction the window's sums can hide when other periods make up for it. A
// nationality whose rows cannot tile the period adds nothing, so the sum compared is a
// lower bound of the people listed in it, and a lower bound above the TOTAL proves the
// contradiction.
inline void check_each_period(const counts_table& counts, nationality_breakdown& b,
                              const std::vector<nationality>& present, const std::vector<count_period>& tiles,
                              std::int64_t tolerance = exact_consistency) {
  for (const count_period& tile : tiles) {
    const count_window months(tile);
    // Only the values are compared: exact_value, not try_count (a trailing window asks for
    // every nationality in every period, thousands of counts).
    const std::optional<std::int64_t> whole = counts.exact_value(b.category, std::nullopt, months);
    if (!whole) continue;
    kc_int128 part = 0;
    for (const nationality n : present) {
      if (const std::optional<std::int64_t> found = counts.exact_value(b.category, n, months)) part += *found;
    }
    if (exceeds(part, *whole, tolerance)) {
      b.listed_problem = figure_problem::inconsistent_data;
      b.listed_reason = "in " + iso(tile) + " the nationalities sum to " + count_text(part) +
                        ", more than the TOTAL of " + std::to_string(*whole) + " " + what_in(b.category, months) +
                        ": the data are inconsistent";
      return;
    }
  }
}

}  // namespace detail

/// The breakdown of `cat` in `window` by nationality (see the file comment): the TOTAL
/// tiled over the window, every nationality whose rows tile the window, and those whose
/// rows do not (with the reason). When the TOTAL is made of several rows (months of a
/// trailing window), each row's period is checked too: nationalities summing to more than
/// the TOTAL of one period make `listed_problem` `inconsistent_data`. Never throws for
/// missing or contradicting data; listed counts that do not sum in 64 bits make
/// `listed_problem` `overflow`.
[[nodiscard]] inline nationality_breakdown breakdown_by_nationality(const counts_table& counts, category cat,
                                                                    period_range<month> window) {
  nationality_breakdown b;
  b.category = cat;
  b.window = window;
  window_lookup total = counts.try_total(cat, window);
  if (!total) {
    b.total_problem = problem_of(total);
    b.total_reason = std::move(total.reason);
    return b;
  }
  b.total = total.total->value;
  detail::add_source(b.source, b.notes, *total.total);
  detail::add_marks(b.flags, b.source_multiple, *total.total);
  const std::vector<nationality> present = counts.nationalities(cat, window);
  for (const nationality n : present) {
    window_lookup found = counts.try_count(cat, n, window);
    if (found) {
      b.listed.push_back(breakdown_entry{n, found.total->value});
      detail::add_source(b.source, b.notes, *found.total);
      detail::add_marks(b.flags, b.source_multiple, *found.total);
    } else {
      b.unusable.push_back(unusable_nationality{n, std::move(found.reason)});
    }
  }
  std::int64_t sum = 0;
  std::optional<std::string> overflow = detail::overflow_in([&] {
    for (const breakdown_entry& e : b.listed) sum = checked_add(sum, e.count);
  });
  if (overflow) {
    b.listed_problem = figure_problem::overflow;
    b.listed_reason = "the listed nationalities of " + detail::what_in(cat, window) +
                      " do not sum in 64 bits: " + std::move(*overflow);
    return b;
  }
  b.listed_sum = sum;
  // Each count was rounded on its own, so the sum of the listed counts may miss the TOTAL by
  // up to half the multiple per count (the TOTAL included); never by more.
  // Over a window of T periods there are T rounded TOTAL rows and T rows per nationality.
  const std::size_t periods = total.total->tiles.size();
  b.rounding_tolerance = consistency_tolerance(b.source_multiple, (b.listed.size() + 1) * periods - 1);
  if (periods > 1) {
    detail::check_each_period(counts, b, present, total.total->tiles,
                              consistency_tolerance(b.source_multiple, present.size()));
  }
  return b;
}

namespace detail {

// Why a breakdown is not complete, or why it is unusable: `none` and no text when complete.
struct breakdown_issue {
  figure_problem code = figure_problem::none;
  std::string text;
  // True when the breakdown cannot give a figure at all (no TOTAL, or the listed counts
  // exceed it); false when it is complete or only partial.
  [[nodiscard]] bool unusable() const noexcept {
    return code != figure_problem::none && code != figure_problem::incomplete_breakdown;
  }
};

[[nodiscard]] inline breakdown_issue breakdown_problem(const nationality_breakdown& b) {
  const std::int64_t tolerance = b.rounding_tolerance;
  if (!b.total) return {b.total_problem, b.total_reason};
  if (b.listed_problem != figure_problem::none) return {b.listed_problem, b.listed_reason};
  const std::string what = what_in(b.category, b.window);
  if (exceeds(b.listed_sum, *b.total, tolerance)) {
    std::string text = "the listed nationalities sum to " + std::to_string(b.listed_sum) + ", more than the TOTAL of " +
                       std::to_string(*b.total) + " " + what;
    if (tolerance > 0) {
      text += " by more than the source's rounding to multiples of " + std::to_string(b.source_multiple) +
              " explains (" + std::to_string(tolerance) + ")";
    }
    return {figure_problem::inconsistent_data, text + ": the data are inconsistent"};
  }
  if (b.complete()) return {};
  std::string text = "the data break down " + std::to_string(b.listed_sum) + " of " + std::to_string(*b.total) + " " +
                     what + " by nationality";
  if (!b.unusable.empty()) {
    std::vector<nationality> codes;
    for (const auto& u : b.unusable) codes.push_back(u.nationality);
    text += "; " + join_codes(codes) + (codes.size() == 1 ? " has" : " have") +
            " rows that do not tile the window and count" + (codes.size() == 1 ? "s" : "") + " as unlisted (";
    for (std::size_t i = 0; i < b.unusable.size(); ++i) text += (i == 0 ? "" : "; ") + b.unusable[i].reason;
    text += ")";
  }
  return {figure_problem::incomplete_breakdown, std::move(text)};
}

}  // namespace detail

// ---------------------------------------------------------------------------------------
// Distribution

namespace detail {

// The values of a distribution whose breakdown `b` has a TOTAL above 0 and is complete or
// partial (`issue`): ranking, rows, percentages and status. Its arithmetic is checked, so
// an overflow throws (`distribution_of` makes the figure unavailable then).
inline void fill_distribution(distribution_figure& f, const nationality_breakdown& b, breakdown_issue issue) {
  const std::int64_t total = *b.total;
  f.total = total;

  // Ranking: known nationalities, count descending, then alpha-3 code ascending.
  std::vector<breakdown_entry> known;
  std::int64_t unknown_count = 0;
  for (const breakdown_entry& e : b.listed) {
    if (e.nationality == nationality::unknown())
      unknown_count = e.count;
    else
      known.push_back(e);
  }
  std::stable_sort(known.begin(), known.end(), [](const breakdown_entry& x, const breakdown_entry& y) {
    if (x.count != y.count) return x.count > y.count;
    return x.nationality < y.nationality;
  });
  std::int64_t other = 0;
  for (std::size_t i = 0; i < known.size(); ++i) {
    if (i < f.top_n && known[i].count > 0) {
      distribution_row row;
      row.kind = row_kind::nationality;
      row.nationality = known[i].nationality;
      row.count = known[i].count;
      f.rows.push_back(row);
    } else {
      other = checked_add(other, known[i].count);
    }
  }
  if (f.unknown_row == unknown_placement::own_row && unknown_count > 0) {
    distribution_row row;
    row.kind = row_kind::unknown;
    row.nationality = nationality::unknown();
    row.count = unknown_count;
    f.rows.push_back(row);
  } else {
    other = checked_add(other, unknown_count);
  }
  // A complete breakdown whose counts miss the TOTAL only by the source's rounding: the
  // TOTAL is the published whole, so `other` takes the difference and the rows add up to it.
  const std::int64_t rounding_gap = b.complete() ? checked_sub(total, b.listed_sum) : 0;
  if (rounding_gap != 0 && checked_add(other, rounding_gap) >= 0) {
    other = checked_add(other, rounding_gap);
    f.notes.push_back("the nationalities sum to " + std::to_string(b.listed_sum) + ", the TOTAL is " +
                      std::to_string(total) + ": a difference of " + std::to_string(rounding_gap) +
                      " that the source's rounding to multiples of " + std::to_string(b.source_multiple) +
                      " explains, counted in other");
  }
  if (other > 0) {
    distribution_row row;
    row.kind = row_kind::other;
    row.count = other;
    f.rows.push_back(row);
  }
  const std::int64_t unlisted = b.complete() ? 0 : checked_sub(total, b.listed_sum);
  if (unlisted > 0) {
    distribution_row row;
    row.kind = row_kind::unlisted;
    row.count = unlisted;
    f.rows.push_back(row);
  }

  std::vector<std::int64_t> counts;
  counts.reserve(f.rows.size());
  for (const distribution_row& row : f.rows) counts.push_back(row.count);
  const rounded_set rounded = round_shares(counts, f.rounding, f.decimals);
  for (std::size_t i = 0; i < f.rows.size(); ++i) {
    f.rows[i].exact = share<std::int64_t>(f.rows[i].count, total);
    f.rows[i].percent = rounded_decimal(rounded.percents[i], f.decimals);
  }
  f.percent_sum = rounded_decimal(rounded.sum, f.decimals);
  f.sums_to_100 = rounded.sums_to_100;
  f.rounding_note = rounded.note;

  if (issue.code == figure_problem::none) {
    f.status = figure_status::exact;
  } else {
    f.status = figure_status::partial;
    f.problem = issue.code;
    f.reason = std::move(issue.text) + "; the ranking is among the listed nationalities";
  }
}

}  // namespace detail

/// The distribution figure of an already computed breakdown (see `distribution`).
/// Throws `invalid_input` naming the value for a `top_n` of 0 or decimals outside 0-16.
[[nodiscard]] inline distribution_figure distribution_of(const nationality_breakdown& b, std::size_t top_n,
                                                         unknown_placement unknown_row = unknown_placement::own_row,
                                                         share_rounding rounding = share_rounding::published,
                                                         int decimals = 0) {
  detail::check_top_n(top_n, "top_n");
  detail::check_figure_decimals(decimals);
  distribution_figure fig;
  fig.category = b.category;
  fig.window = b.window;
  fig.top_n = top_n;
  fig.unknown_row = unknown_row;
  fig.rounding = rounding;
  fig.decimals = decimals;
  fig.percent_sum = rounded_decimal(0, decimals);  // every percent of a figure has its decimals
  fig.listed = b.listed_sum;
  for (const auto& u : b.unusable) fig.unusable_nationalities.push_back(u.nationality);
  detail::copy_marks(fig, b);

  detail::breakdown_issue issue = detail::breakdown_problem(b);
  if (issue.unusable()) {
    fig.status = figure_status::unavailable;
    fig.problem = issue.code;
    fig.reason = std::move(issue.text);
    return fig;
  }
  if (*b.total == 0) {
    fig.status = figure_status::unavailable;
    fig.problem = figure_problem::zero_total;
    fig.reason = "the TOTAL of " + detail::what_in(b.category, b.window) + " is 0: there are no shares";
    return fig;
  }
  return detail::unless_overflow(std::move(fig), "the distribution of " + detail::what_in(b.category, b.window),
                                 [&](distribution_figure& f) { detail::fill_distribution(f, b, std::move(issue)); });
}

/// Shares of `cat` in `window` by nationality: the `top_n` largest known nationalities,
/// the unknown nationality (placed by `unknown_row`: its own row, or in `other`),
/// the rest of the listed nationalities, and the unlisted remainder of a partial breakdown;
/// percentages by `rounding` at `decimals` decimals. See the file comment for every rule.
/// Never throws for missing data (the figure is `partial` or `unavailable` with a reason);
/// throws `invalid_input` naming the value for a `top_n` of 0 or decimals outside 0-16.
[[nodiscard]] inline distribution_figure distribution(const counts_table& counts, category cat,
                                                      period_range<month> window, std::size_t top_n,
                                                      unknown_placement unknown_row = unknown_placement::own_row,
                                                      share_rounding rounding = share_rounding::published,
                                                      int decimals = 0) {
  detail::check_top_n(top_n, "top_n");
  detail::check_figure_decimals(decimals);
  return distribution_of(breakdown_by_nationality(counts, cat, window), top_n, unknown_row, rounding, decimals);
}

// ---------------------------------------------------------------------------------------
// Safe countries of origin

/// The rule `safe_share` applies, as it appears in `safe_share_figure::rule`.
inline constexpr std::string_view safe_share_rule = "designation in force on the last day of each month";

namespace detail {

// How one listed nationality's people split by designation status over the window.
struct safe_split {
  std::int64_t safe = 0;          // certainly safe
  std::int64_t undetermined = 0;  // status unknown in their months, or not splittable
  bool any_safe_month = false;
  std::string problem;  // why some of its people are undetermined
};

[[nodiscard]] inline safe_split split_by_status(const counts_table& counts, const safe_country_list& list, category cat,
                                                const breakdown_entry& e, period_range<month> window) {
  safe_split out;
  // Runs of months with the same status, in window order.
  struct run {
    month first;
    month last;
    designation_status status;
  };
  std::vector<run> runs;
  std::vector<month> unknown_months;
  for (const month m : window) {
    const designation_status s = list.status(e.nationality, m);
    if (s == designation_status::safe) out.any_safe_month = true;
    if (s == designation_status::unknown) unknown_months.push_back(m);
    if (!runs.empty() && runs.back().status == s)
      runs.back().last = m;
    else
      runs.push_back(run{m, m, s});
  }
  const std::string who =
      std::string(e.nationality.alpha3()) + " (" + std::string(e.nationality.name(language::en)) + ")";
  if (!unknown_months.empty()) {
    out.problem = "the sources do not say whether " + who +
                  " was designated a safe country of origin on the last day of " + join_iso(unknown_months);
  }
  if (runs.size() == 1) {
    if (runs[0].status == designation_status::safe) out.safe = e.count;
    if (runs[0].status == designation_status::unknown) out.undetermined = e.count;
    return out;
  }
  // Every run is looked up, the not-safe ones too: the parts must add up to the count over
  // the whole window, or the rows of the parts and of the whole disagree.
  kc_int128 safe = 0;
  kc_int128 undetermined = 0;
  kc_int128 parts = 0;
  for (const run& r : runs) {
    const window_lookup part = counts.try_count(cat, e.nationality, period_range<month>(r.first, r.last));
    if (!part) {
      // The rows cannot be cut where the designation changes: all of them are undetermined.
      out.safe = 0;
      out.undetermined = e.count;
      out.problem += std::string(out.problem.empty() ? "" : "; ") + "the designation of " + who + " changes within " +
                     window.iso() + " and its count cannot be split there (" + part.reason + ")";
      return out;
    }
    parts += part.total->value;
    if (r.status == designation_status::safe) safe += part.total->value;
    if (r.status == designation_status::unknown) undetermined += part.total->value;
  }
  if (parts != e.count) {
    // Which rows are right decides the share: none of these people is certainly safe.
    out.safe = 0;
    out.undetermined = e.count;
    out.problem += std::string(out.problem.empty() ? "" : "; ") + "the designation of " + who + " changes within " +
                   window.iso() + " and its rows for the parts sum to " + count_text(parts) + ", not to its count of " +
                   std::to_string(e.count) + " over the window";
    return out;
  }
  out.safe = static_cast<std::int64_t>(safe);
  out.undetermined = static_cast<std::int64_t>(undetermined);
  return out;
}

// The values of a safe share whose breakdown `b` has a usable TOTAL above 0 (complete or
// partial: `issue`). Its arithmetic is checked, so an overflow throws (`safe_share_of`
// makes the figure unavailable then).
inline void fill_safe_share(safe_share_figure& fig, const counts_table& counts, const nationality_breakdown& b,
                            const safe_country_list& list, const breakdown_issue& issue) {
  const std::int64_t total = *b.total;
  fig.total = total;
  const int decimals = fig.decimals;

  std::int64_t safe = 0;
  std::int64_t undetermined = 0;
  std::vector<std::string> problems;
  for (const breakdown_entry& e : b.listed) {
    // Nobody to count: the status cannot change the share.
    if (e.count == 0) continue;
    safe_split split = split_by_status(counts, list, b.category, e, b.window);
    if (split.any_safe_month) fig.safe_nationalities.push_back(e.nationality);
    if (!split.problem.empty()) {
      fig.undetermined_nationalities.push_back(e.nationality);
      problems.push_back(std::move(split.problem));
    }
    safe = checked_add(safe, split.safe);
    undetermined = checked_add(undetermined, split.undetermined);
  }
  // A gap the source's rounding explains is nobody unlisted.
  const std::int64_t unlisted = b.complete() ? 0 : std::max<std::int64_t>(0, checked_sub(total, b.listed_sum));

  if (issue.code == figure_problem::none && problems.empty()) {
    fig.status = figure_status::exact;
    fig.safe_count = safe;
    fig.percent = percent(share<std::int64_t>(safe, total), decimals);
    return;
  }
  const std::int64_t upper = checked_add(checked_add(safe, undetermined), unlisted);
  fig.lower_percent = percent(share<std::int64_t>(safe, total), decimals);
  fig.upper_percent = percent(share<std::int64_t>(upper, total), decimals);
  fig.problem = issue.code != figure_problem::none ? issue.code : figure_problem::undetermined_designation;
  std::string reason;
  if (issue.code != figure_problem::none) {
    reason = issue.text + ": the " + std::to_string(unlisted) +
             " unlisted may or may not come from safe countries of origin";
  }
  for (const std::string& p : problems) reason += (reason.empty() ? "" : "; ") + p;
  const rounded_decimal& lo = *fig.lower_percent;
  const rounded_decimal& hi = *fig.upper_percent;
  reason += "; the share lies between " + lo.format() + "% and " + hi.format() + "% (bounds rounded half-up)";
  fig.reason = std::move(reason);
}

[[nodiscard]] inline safe_share_figure safe_share_of(const counts_table& counts, const nationality_breakdown& b,
                                                     const safe_country_list& list, int decimals) {
  check_figure_decimals(decimals);
  safe_share_figure fig;
  fig.category = b.category;
  fig.window = b.window;
  fig.decimals = decimals;
  fig.percent = rounded_decimal(0, decimals);  // every percent of a figure has its decimals
  fig.rule = std::string(safe_share_rule);
  detail::copy_marks(fig, b);
  fig.status = figure_status::unavailable;

  const breakdown_issue issue = breakdown_problem(b);
  if (issue.unusable()) {
    fig.problem = issue.code;
    fig.reason = issue.text;
    return fig;
  }
  if (*b.total == 0) {
    fig.problem = figure_problem::zero_total;
    fig.reason = "the TOTAL of " + what_in(b.category, b.window) + " is 0: there is no share";
    return fig;
  }
  return unless_overflow(std::move(fig), "the share from safe countries of origin of " + what_in(b.category, b.window),
                         [&](safe_share_figure& f) { fill_safe_share(f, counts, b, list, issue); });
}

}  // namespace detail

/// The share of `cat` in `window` from safe countries of origin under `list`, by the
/// last-day rule applied to each month (see the file comment), rounded half-up to
/// `decimals` decimals. `exact` only with a complete breakdown and every listed
/// nationality's status known; otherwise `unavailable` with the reason and, where a TOTAL
/// exists and the breakdown is consistent, `lower_percent`/`upper_percent` (rounded bounds:
/// undetermined and unlisted people count as not safe for the lower bound and as safe for
/// the upper). Never throws for missing data; throws `invalid_input` for decimals outside 0-16.
[[nodiscard]] inline safe_share_figure safe_share(const counts_table& counts, const safe_country_list& list,
                                                  category cat, period_range<month> window, int decimals = 0) {
  detail::check_figure_decimals(decimals);
  return detail::safe_share_of(counts, breakdown_by_nationality(counts, cat, window), list, decimals);
}

namespace detail {

// True when the table has a row of `cat` at all (in any period, for any nationality).
[[nodiscard]] inline bool has_category(const counts_table& counts, category cat) {
  const auto rows = counts.rows();
  return std::any_of(rows.begin(), rows.end(), [cat](const count_row& r) { return r.category == cat; });
}

// "the counts (sources: Eurostat migr_asyappctza) have no rows of family_reunification at
// all": what the data show, without saying why (an extract may have left them out).
[[nodiscard]] inline std::string no_rows_reason(const counts_table& counts, category cat) {
  std::vector<std::string> sources;
  for (const count_row& r : counts.rows()) {
    if (std::find(sources.begin(), sources.end(), r.source) == sources.end()) sources.push_back(r.source);
  }
  std::sort(sources.begin(), sources.end());
  std::string names;
  for (const std::string& s : sources) names += (names.empty() ? "" : ", ") + s;
  return "the counts" + (names.empty() ? std::string() : " (sources: " + names + ")") + " have no rows of " +
         std::string(to_string(cat)) + " at all";
}

// The reason of a distribution of a category the data have no row of: a table with no
// nareiziger rows at all is a source that does not count them (Eurostat's).
[[nodiscard]] inline std::string not_in_source_reason(const counts_table& counts, category cat) {
  return no_rows_reason(counts, cat) + ": the source does not count them";
}

// Why a lookup of the TOTAL of `c` found none, into `entry`: `not_in_source` when the table
// has no row of `c` at all, else the lookup's own problem and reason.
inline void set_missing_total(const counts_table& counts, category c, window_lookup&& found, influx_entry& entry) {
  if (!counts.empty() && !has_category(counts, c)) {
    entry.problem = figure_problem::not_in_source;
    entry.reason = no_rows_reason(counts, c);
    return;
  }
  entry.problem = problem_of(found);
  entry.reason = std::move(found.reason);
}

}  // namespace detail

// ---------------------------------------------------------------------------------------
// Influx

/// The TOTAL of every category in period `p` (a month, a quarter or a year; in the order of
/// `all_categories`), and their sum when every category has one. A category without a TOTAL
/// has an empty count and the reason (`not_in_source` when the table has no row of it at all,
/// as Eurostat's data have no nareizigers); so has a category whose nationality rows
/// for the month sum to more than its TOTAL (`inconsistent_data`: the data contradict themselves, the reason gives both
/// numbers). A sum that does not fit in 64 bits leaves `total` empty with the problem
/// `overflow`. Never throws for missing or contradicting data.
[[nodiscard]] inline influx_figure influx(const counts_table& counts, const count_period& p) {
  influx_figure fig;
  fig.period = p;
  const std::string p_iso = iso(p);
  const period_range<month> window = months_of(p);
  for (const category c : all_categories) {
    influx_entry entry;
    entry.category = c;
    window_lookup found = counts.try_total(c, window);
    if (!found) {
      detail::set_missing_total(counts, c, std::move(found), entry);
    } else if (const detail::breakdown_issue issue =
                   detail::breakdown_problem(breakdown_by_nationality(counts, c, window));
               issue.code == figure_problem::inconsistent_data) {
      entry.problem = issue.code;
      entry.reason = issue.text;
      detail::add_source(fig.source, fig.notes, *found.total);
    } else {
      entry.count = found.total->value;
      detail::add_source(fig.source, fig.notes, *found.total);
      detail::add_marks(fig.flags, fig.source_multiple, *found.total);
    }
    fig.by_category.push_back(std::move(entry));
  }
  std::vector<std::string> without;
  for (const influx_entry& e : fig.by_category) {
    if (e.count) continue;
    if (without.empty()) fig.problem = e.problem;
    without.emplace_back(to_string(e.category));
  }
  if (!without.empty()) {
    std::string names;
    for (std::size_t i = 0; i < without.size(); ++i) names += (i == 0 ? "" : ", ") + without[i];
    fig.reason = "the sum over the categories for " + p_iso + " needs a count of every category, and " + names +
                 (without.size() == 1 ? " has" : " have") + " none";
    return fig;
  }
  std::int64_t sum = 0;
  std::optional<std::string> overflow = detail::overflow_in([&] {
    for (const influx_entry& e : fig.by_category) sum = checked_add(sum, *e.count);
  });
  if (overflow) {
    fig.problem = figure_problem::overflow;
    fig.reason = "the sum over the categories for " + p_iso + " does not fit in 64 bits: " + std::move(*overflow);
    return fig;
  }
  fig.total = sum;
  fig.status = figure_status::exact;
  return fig;
}

namespace detail {

// One window of weeks of one category as an influx entry (never throws for missing data).
inline void weekly_count(const counts_table& counts, category c, const period_range<iso_week>& window,
                         influx_entry& entry, weekly_influx_figure& fig) {
  entry.category = c;
  window_lookup found = counts.try_total(c, count_window(window));
  if (!found) {
    set_missing_total(counts, c, std::move(found), entry);
    return;
  }
  entry.count = found.total->value;
  add_source(fig.source, fig.notes, *found.total);
  add_marks(fig.flags, fig.source_multiple, *found.total);
}

}  // namespace detail

/// The weekly influx ending with week `w`: per category (in the order of `all_categories`)
/// the TOTAL of `w`, of the 4 weeks and of the 13 weeks ending with it. A window that lacks a
/// week or needs a row split (a month row in a window of weeks) has no count, with the
/// problem and the reason naming the weeks (`not_in_source` for a category of which the
/// table has no row at all); the figure is then `partial` (or `unavailable`
/// when no count is set). Throws `range_error` when a window would start before 0001-W01.
[[nodiscard]] inline weekly_influx_figure weekly_influx(const counts_table& counts, iso_week w) {
  weekly_influx_figure fig;
  fig.week = w;
  const period_range<iso_week> one = trailing(w, 1);
  const period_range<iso_week> four = trailing(w, 4);
  const period_range<iso_week> thirteen = trailing(w, 13);
  std::vector<std::string> without;
  bool any = false;
  for (const category c : all_categories) {
    weekly_influx_entry e;
    e.category = c;
    detail::weekly_count(counts, c, one, e.week, fig);
    detail::weekly_count(counts, c, four, e.trailing_4, fig);
    detail::weekly_count(counts, c, thirteen, e.trailing_13, fig);
    const std::pair<const influx_entry*, std::string_view> parts[] = {
        {&e.week, "the week"}, {&e.trailing_4, "4 weeks"}, {&e.trailing_13, "13 weeks"}};
    for (const auto& [entry, what] : parts) {
      if (entry->count) {
        any = true;
        continue;
      }
      if (without.empty()) fig.problem = entry->problem;
      without.push_back(std::string(to_string(c)) + " (" + std::string(what) + "): " + entry->reason);
    }
    fig.by_category.push_back(std::move(e));
  }
  if (without.empty()) {
    fig.status = figure_status::exact;
    return fig;
  }
  fig.status = any ? figure_status::partial : figure_status::unavailable;
  fig.reason = "the weekly influx ending with " + w.iso() + " lacks " + std::to_string(without.size()) +
               (without.size() == 1 ? " count" : " counts") + ": ";
  for (std::size_t i = 0; i < without.size(); ++i) fig.reason += (i == 0 ? "" : "; ") + without[i];
  return fig;
}

// ---------------------------------------------------------------------------------------
// Departures

namespace detail {

// Why the departures of the two groups in one period contradict each other, naming every
// number that does; empty when they agree. The criminal aliens are a part of all foreign
// nationals who left, so in every mode, in supervised departures and in total their
// departures are at most those of all.
[[nodiscard]] inline std::string departures_contradiction(const departure_totals& all, const departure_totals& criminal,
                                                          std::int64_t tolerance = exact_consistency) {
  struct compared {
    std::string_view what;
    kc_int128 part;
    kc_int128 whole;
  };
  const auto supervised = [](const departure_totals& t) { return kc_int128(t.independent) + t.forced; };
  const std::array<compared, 5> checks = {{
      {"independent", criminal.independent, all.independent},
      {"forced", criminal.forced, all.forced},
      {"unsupervised", criminal.unsupervised, all.unsupervised},
      {"supervised", supervised(criminal), supervised(all)},
      {"total", supervised(criminal) + criminal.unsupervised, supervised(all) + all.unsupervised},
  }};
  std::string numbers;
  for (const compared& c : checks) {
    if (!exceeds(c.part, c.whole, tolerance)) continue;
    if (!numbers.empty()) numbers += ", ";
    numbers.append(c.what).append(" ").append(count_text(c.part)).append(" > ").append(count_text(c.whole));
  }
  if (numbers.empty()) return {};
  return "the departures of group criminal for " + departure_period_iso(all.window) +
         " exceed those of group all, of which they are a part (criminal > all: " + numbers +
         "): the data are inconsistent";
}

}  // namespace detail

/// The departures of `group` in exactly `window` (a year or a year to date): the total
/// rounded by `total_mode` to a multiple of `total_multiple` (the page: half-up to tens; the
/// figure records the rule), supervised (independent + forced) and unsupervised, and their
/// shares by `rounding` at `decimals` decimals. `unavailable` with the reason when a mode
/// has no row for the window; when the departures of the criminal aliens exceed those of
/// all foreign nationals in that window (in a mode, in supervised departures or in total:
/// `inconsistent_departures`, checked whichever group is asked for, since either number
/// may be the wrong one); when the total is 0; or when the numbers do not fit in 64 bits
/// (`overflow`). Never throws for missing or contradicting data; throws `invalid_input`
/// for decimals outside 0-16 and for a `total_multiple` below 1.
[[nodiscard]] inline departures_figure departures_figure_for(const departures_table& departures, departure_group group,
                                                             period_range<month> window,
                                                             share_rounding rounding = share_rounding::published,
                                                             int decimals = 0, std::int64_t total_multiple = 10,
                                                             rounding_mode total_mode = rounding_mode::half_up) {
  detail::check_figure_decimals(decimals);
  detail::check_total_multiple(total_multiple, "total_multiple");
  departures_figure fig;
  fig.group = group;
  fig.window = window;
  fig.total_multiple = total_multiple;
  fig.total_mode = total_mode;
  // Every percent of a figure has its decimals, 0 as well.
  fig.supervised_percent = rounded_decimal(0, decimals);
  fig.unsupervised_percent = rounded_decimal(0, decimals);
  fig.rounding = rounding;
  fig.decimals = decimals;
  fig.status = figure_status::unavailable;
  departure_lookup found = departures.try_figures(group, window);
  if (!found) {
    fig.problem = problem_of(found);
    fig.reason = std::move(found.reason);
    return fig;
  }
  const departure_totals& t = *found.totals;
  fig.source.sources = t.sources;
  fig.source.latest_release = t.latest_release;
  const departure_group other_group = group == departure_group::all ? departure_group::criminal : departure_group::all;
  if (const departure_lookup other = departures.try_figures(other_group, window); other) {
    std::string contradiction = group == departure_group::all ? detail::departures_contradiction(t, *other.totals)
                                                              : detail::departures_contradiction(*other.totals, t);
    if (!contradiction.empty()) {
      fig.problem = figure_problem::inconsistent_departures;
      fig.reason = std::move(contradiction);
      return fig;
    }
  }
  const std::string what =
      "the departures of group " + std::string(to_string(group)) + " for " + departure_period_iso(window);
  return detail::unless_overflow(std::move(fig), what, [&](departures_figure& f) {
    const std::int64_t total = t.total();
    if (total == 0) {
      f.problem = figure_problem::zero_total;
      f.reason = "no departures of group " + std::string(to_string(group)) + " for " + departure_period_iso(window) +
                 " (the total is 0): there are no shares";
      return;
    }
    f.total = total;
    f.total_rounded = round_to_multiple(total, f.total_multiple, f.total_mode);
    f.supervised = t.supervised();
    f.unsupervised = t.unsupervised;
    const std::array<std::int64_t, 2> counts = {f.supervised, f.unsupervised};
    const detail::rounded_set rounded = detail::round_shares(counts, rounding, decimals);
    f.supervised_percent = rounded_decimal(rounded.percents[0], decimals);
    f.unsupervised_percent = rounded_decimal(rounded.percents[1], decimals);
    f.sums_to_100 = rounded.sums_to_100;
    f.rounding_note = rounded.note;
    f.status = figure_status::exact;
  });
}

// ---------------------------------------------------------------------------------------
// Every figure of a month

/// Checks `options`: every top N at least 1, `trailing_months` (and `trailing`, when set)
/// at least 1, `decimals` in 0-16, `departures_multiple` at least 1, `retrieved` empty or a
/// day ("2026-12-07"). Throws `invalid_input` naming the option and its value.
inline void check_key_figures_options(const key_figures_options& options) {
  if (options.trailing_months == 0) {
    throw invalid_input("trailing_months 0: a trailing window needs at least one month");
  }
  if (options.trailing && *options.trailing == 0) {
    throw invalid_input("trailing 0: a trailing window needs at least one period");
  }
  detail::check_top_n(options.top_first_month, "top_first_month");
  detail::check_top_n(options.top_first_trailing, "top_first_trailing");
  detail::check_top_n(options.top_family_reunification, "top_family_reunification");
  detail::check_figure_decimals(options.decimals);
  detail::check_total_multiple(options.departures_multiple, "departures_multiple");
  if (!options.retrieved.empty()) {
    bool day = false;
    try {
      const release r = release::parse(options.retrieved);
      day = r.precision() == release_precision::day && r.iso() == options.retrieved;
    } catch (const invalid_input&) {
      // Not a date, or not a day of the calendar: said below, naming the option.
    }
    if (!day) throw invalid_input("retrieved " + quote(options.retrieved) + ": expected a day, YYYY-MM-DD");
  }
}

/// The trailing window length of `options` in periods of `unit`: `trailing` when set, else
/// `trailing_months` in that unit. Throws `invalid_input` when `trailing_months` is not a
/// whole number of periods of `unit` (13 months on a quarter page).
[[nodiscard]] inline std::size_t trailing_periods(const key_figures_options& options, page_unit unit) {
  if (options.trailing) return *options.trailing;
  if (unit == page_unit::week) {
    throw invalid_input("trailing_months " + std::to_string(options.trailing_months) +
                        " is not a whole number of weeks: set trailing (in weeks) for a week page");
  }
  const std::size_t per = unit == page_unit::year ? 12 : unit == page_unit::quarter ? 3 : 1;
  if (options.trailing_months % per != 0) {
    throw invalid_input("trailing_months " + std::to_string(options.trailing_months) + " is not a whole number of " +
                        std::string(to_string(unit)) + "s: set trailing (in " + std::string(to_string(unit)) +
                        "s) for a " + std::string(to_string(unit)) + " page");
  }
  return options.trailing_months / per;
}

/// True when `code` (a Eurostat geo code, empty for the ministry's page) is the Netherlands.
[[nodiscard]] inline bool is_netherlands(std::string_view code) noexcept { return code.empty() || code == "NL"; }

namespace detail {

// The period of `p`'s unit that holds month `m` (a week page: the month itself).
[[nodiscard]] inline count_period same_unit_period(const count_period& p, month m) {
  switch (unit_of(p)) {
    case page_unit::quarter: return to_quarter(m);
    case page_unit::year: return to_year(m);
    case page_unit::month:
    case page_unit::week: break;
  }
  return m;
}

// A distribution that cannot exist because the source has no rows of its category.
[[nodiscard]] inline distribution_figure not_in_source_distribution(const counts_table& counts, category cat,
                                                                    period_range<month> window, std::size_t top_n,
                                                                    unknown_placement unknown_row,
                                                                    share_rounding rounding, int decimals) {
  distribution_figure fig;
  fig.category = cat;
  fig.window = window;
  fig.top_n = top_n;
  fig.unknown_row = unknown_row;
  fig.rounding = rounding;
  fig.decimals = decimals;
  fig.percent_sum = rounded_decimal(0, decimals);
  fig.status = figure_status::unavailable;
  fig.problem = figure_problem::not_in_source;
  fig.reason = not_in_source_reason(counts, cat);
  return fig;
}

// "the share from safe countries of origin is Dutch policy ...": why a Dutch-policy figure is
// not computed for another reporting country.
[[nodiscard]] inline std::string not_for_country_reason(std::string_view what, std::string_view country) {
  return std::string(what) + " rest on Dutch data (the Dutch list of safe countries of origin, departures from the " +
         "Netherlands) and the page is for reporting country " + std::string(country) +
         ", whose own data were not given";
}

}  // namespace detail

/// Every figure of the page for period `p` of the data's own unit (a month, a quarter or a
/// year; see the file comment for the rules):
///   - `influx`: the TOTAL of each category in `p`;
///   - `first_month`: first applications in `p`, top `top_first_month`, unknown its own row;
///   - `first_trailing`: first applications over the trailing window of `trailing_periods`
///     periods of `p`'s unit ending with `p`, top `top_first_trailing`, unknown its own row;
///   - `safe_month`: the share of first applications in `p` from safe countries of origin
///     (the last-day rule applied to each month of `p`: a designation that changed within a
///     year counts each month by its own last day, or the share is unavailable with bounds);
///   - `family_reunification_month`: family reunification ("nareizigers") in `p`, top
///     `top_family_reunification`, unknown folded into "other" ("een andere of onbekende
///     nationaliteit");
///   - `family_reunification_trailing`: family reunification over the trailing window ending
///     with the period of `p`'s unit that holds `family_reunification_window_end` (default `p`);
///   - `departures_all`, `departures_criminal`: departures in `departures_window` (default:
///     the calendar year of `p`), totals rounded to `departures_multiple` by `departures_mode`.
/// Counts without a single family reunification row (Eurostat's) make both family
/// reunification figures `unavailable` with `not_in_source`. A `reporting_country` other than
/// the Netherlands makes the safe share and the departures `unavailable` with
/// `not_for_country`, unless `country_policy_data`. Never throws for missing or
/// contradicting data, nor for numbers too large for 64 bits (those figures are `partial` or
/// `unavailable` with a reason, the others are computed as usual); throws `invalid_input`
/// for invalid options (see `check_key_figures_options`, `trailing_periods`).
[[nodiscard]] inline key_figures compute_key_figures(const counts_table& counts, const departures_table& departures,
                                                     const safe_country_list& safe, const count_period& p,
                                                     const key_figures_options& options = {}) {
  check_key_figures_options(options);
  const page_unit unit = unit_of(p);
  const std::size_t n = trailing_periods(options, unit);
  key_figures out;
  out.period = p;
  out.options = options;
  out.influx = influx(counts, p);
  const period_range<month> months = months_of(p);
  const nationality_breakdown first = breakdown_by_nationality(counts, category::first_application, months);
  out.first_month =
      distribution_of(first, options.top_first_month, unknown_placement::own_row, options.rounding, options.decimals);
  out.safe_month = detail::safe_share_of(counts, first, safe, options.decimals);
  out.first_trailing =
      distribution(counts, category::first_application, trailing_months_of(p, n), options.top_first_trailing,
                   unknown_placement::own_row, options.rounding, options.decimals);
  const period_range<month> fr_trailing =
      options.family_reunification_window_end
          ? trailing_months_of(detail::same_unit_period(p, *options.family_reunification_window_end), n)
          : trailing_months_of(p, n);
  if (detail::has_category(counts, category::family_reunification)) {
    out.family_reunification_month =
        distribution(counts, category::family_reunification, months, options.top_family_reunification,
                     unknown_placement::in_other, options.rounding, options.decimals);
    out.family_reunification_trailing =
        distribution(counts, category::family_reunification, fr_trailing, options.top_family_reunification,
                     unknown_placement::in_other, options.rounding, options.decimals);
  } else {
    out.family_reunification_month = detail::not_in_source_distribution(
        counts, category::family_reunification, months, options.top_family_reunification, unknown_placement::in_other,
        options.rounding, options.decimals);
    out.family_reunification_trailing = detail::not_in_source_distribution(
        counts, category::family_reunification, fr_trailing, options.top_family_reunification,
        unknown_placement::in_other, options.rounding, options.decimals);
  }
  out.first_month.unit = unit;
  out.first_trailing.unit = unit;
  out.safe_month.unit = unit;
  out.family_reunification_month.unit = unit;
  out.family_reunification_trailing.unit = unit;
  const period_range<month> dep_window =
      options.departures_window.value_or(subperiods<month>(year(months.last().year())));
  out.departures_all = departures_figure_for(departures, departure_group::all, dep_window, options.rounding,
                                             options.decimals, options.departures_multiple, options.departures_mode);
  out.departures_criminal =
      departures_figure_for(departures, departure_group::criminal, dep_window, options.rounding, options.decimals,
                            options.departures_multiple, options.departures_mode);
  if (!is_netherlands(options.reporting_country) && !options.country_policy_data) {
    // Dutch policy does not describe another country: no numbers, only why.
    safe_share_figure safe_fig;
    safe_fig.category = out.safe_month.category;
    safe_fig.window = out.safe_month.window;
    safe_fig.decimals = out.safe_month.decimals;
    safe_fig.percent = rounded_decimal(0, options.decimals);
    safe_fig.rule = out.safe_month.rule;
    safe_fig.unit = unit;
    safe_fig.status = figure_status::unavailable;
    safe_fig.problem = figure_problem::not_for_country;
    safe_fig.reason = detail::not_for_country_reason("the share from safe countries of origin and the departures",
                                                     options.reporting_country);
    out.safe_month = std::move(safe_fig);
    for (departures_figure* d : {&out.departures_all, &out.departures_criminal}) {
      departures_figure dep;
      dep.group = d->group;
      dep.window = d->window;
      dep.total_multiple = d->total_multiple;
      dep.total_mode = d->total_mode;
      dep.supervised_percent = rounded_decimal(0, options.decimals);
      dep.unsupervised_percent = rounded_decimal(0, options.decimals);
      dep.rounding = d->rounding;
      dep.decimals = d->decimals;
      dep.status = figure_status::unavailable;
      dep.problem = figure_problem::not_for_country;
      dep.reason = out.safe_month.reason;
      *d = std::move(dep);
    }
  }
  if (!options.retrieved.empty()) {
    for (figure_header* f :
         {static_cast<figure_header*>(&out.influx), static_cast<figure_header*>(&out.first_month),
          static_cast<figure_header*>(&out.first_trailing), static_cast<figure_header*>(&out.safe_month),
          static_cast<figure_header*>(&out.family_reunification_month),
          static_cast<figure_header*>(&out.family_reunification_trailing)}) {
      if (!f->source.sources.empty()) f->source.retrieved = options.retrieved;
    }
  }
  return out;
}

/// The figures of the ministry's page for month `m`: `compute_key_figures` of the month.
[[nodiscard]] inline key_figures compute_key_figures(const counts_table& counts, const departures_table& departures,
                                                     const safe_country_list& safe, month m,
                                                     const key_figures_options& options = {}) {
  return compute_key_figures(counts, departures, safe, count_period(m), options);
}

}  // namespace kerncijfers
