#pragma once
/// \file imprecise_date.hpp
/// A date known only as precisely as its source gives it: a day ("2021-06-15"), an ISO
/// week ("2021-W24") or a month ("2021-06"). Release dates (`release.hpp`) and the
/// endpoints of safe-country designations (`safe_countries.hpp`) are such dates; both
/// read, write and order them through this one type.
///
/// An `imprecise_date` is the first day it stands for plus its precision: a plain pair.
/// Its owners check it where their own messages say what is wrong (a release's factories,
/// a designation's checks), so a date from any source is accepted here and judged there.

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "kerncijfers/calendar.hpp"
#include "kerncijfers/errors.hpp"
#include "kerncijfers/language.hpp"
#include "kerncijfers/period.hpp"
#include "kerncijfers/text.hpp"

namespace kerncijfers {

/// How precisely a date is known. The values are fixed (day 0, month 1, week 2: saved
/// designations store them); `coarseness` gives the order from fine to coarse.
enum class date_precision : std::uint8_t {
  day,    ///< the day itself
  month,  ///< some day of a month: the date is the month's first day
  week    ///< some day of an ISO week: the date is the week's Monday
};

/// "day", "month" or "week".
[[nodiscard]] constexpr std::string_view to_string(date_precision precision) noexcept {
  switch (precision) {
    case date_precision::day: return "day";
    case date_precision::month: return "month";
    case date_precision::week: return "week";
  }
  return "?";
}

/// Writes `to_string(precision)`.
inline std::ostream& operator<<(std::ostream& out, date_precision precision) { return out << to_string(precision); }

/// 0 for a day, 1 for a week, 2 for a month: the finer precision first.
[[nodiscard]] constexpr int coarseness(date_precision precision) noexcept {
  switch (precision) {
    case date_precision::day: return 0;
    case date_precision::week: return 1;
    case date_precision::month: return 2;
  }
  return 3;
}

/// A date known to the day, the ISO week or the month: `day` is the first day it stands
/// for (days since 1970-01-01), `precision` how much of what follows it may mean.
///
/// Order: by first day, then finer before coarser (day < week < month), so "2021-06" sorts
/// after "2021-06-01": it may mean any day of June. Regular: copyable, ==, <=>.
struct imprecise_date {
  /// The first day the date stands for: the day, the week's Monday, the month's first day.
  calendar::day_number day = 0;
  /// How precisely the date is known.
  date_precision precision = date_precision::day;

  /// The last day the date stands for: the day itself, the week's Sunday, the month's last
  /// day. `day` must lie in years 1-9999.
  [[nodiscard]] constexpr calendar::day_number last_day() const noexcept {
    switch (precision) {
      case date_precision::day: return day;
      case date_precision::week: return day + 6;
      case date_precision::month: {
        const auto ymd = calendar::to_civil(day);
        const int y = calendar::year_of(ymd);
        const unsigned m = calendar::month_of(ymd);
        return calendar::to_day_number(y, m, calendar::days_in_month(y, m));
      }
    }
    return day;
  }

  /// "2021-06-15", "2021-W24" or "2021-06": the form `parse_imprecise_date` reads.
  [[nodiscard]] std::string iso() const {
    const auto ymd = calendar::to_civil(day);
    switch (precision) {
      case date_precision::day:
        return detail::iso_date(calendar::year_of(ymd), calendar::month_of(ymd), calendar::day_of(ymd));
      case date_precision::week: return iso_week::containing_day_number(day).iso();
      case date_precision::month:
        return detail::four_digit_year(calendar::year_of(ymd)) + "-" + detail::two_digits(calendar::month_of(ymd));
    }
    return "";
  }

  /// For text: "15 juni 2021" / "15 June 2021", "week 24 2021", "juni 2021" / "June 2021".
  [[nodiscard]] std::string label(language lang) const {
    switch (precision) {
      case date_precision::day:
        return std::to_string(calendar::day_of(calendar::to_civil(day))) + " " +
               month::containing_day_number(day).label(lang);
      case date_precision::week: return iso_week::containing_day_number(day).label(lang);
      case date_precision::month: return month::containing_day_number(day).label(lang);
    }
    return "";
  }

  /// Same first day and precision.
  [[nodiscard]] friend constexpr bool operator==(imprecise_date, imprecise_date) noexcept = default;
  /// By first day, then day < week < month.
  [[nodiscard]] friend constexpr std::strong_ordering operator<=>(imprecise_date a, imprecise_date b) noexcept {
    if (const auto c = a.day <=> b.day; c != 0) return c;
    return coarseness(a.precision) <=> coarseness(b.precision);
  }

  /// Writes `iso()`.
  friend std::ostream& operator<<(std::ostream& out, imprecise_date d) { return out << d.iso(); }
};

/// Reads "YYYY-MM-DD" (a day), "YYYY-Www" (an ISO week) or "YYYY-MM" (a month) in years
/// 1-9999; nothing for any other text, a date that does not exist included. The caller
/// says what it expected, so this reports no message of its own.
[[nodiscard]] inline std::optional<imprecise_date> parse_imprecise_date(std::string_view text) {
  if (text.size() == 10) {
    if (text[4] != '-' || text[7] != '-') return std::nullopt;
    const long long y = detail::read_digits(text.substr(0, 4));
    const long long m = detail::read_digits(text.substr(5, 2));
    const long long d = detail::read_digits(text.substr(8, 2));
    if (!calendar::is_valid_year(y) || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    if (!calendar::is_valid_date(static_cast<int>(y), static_cast<unsigned>(m), static_cast<unsigned>(d))) {
      return std::nullopt;
    }
    return imprecise_date{
        calendar::to_day_number(static_cast<int>(y), static_cast<unsigned>(m), static_cast<unsigned>(d)),
        date_precision::day};
  }
  try {
    if (text.size() == 8 && text[5] == 'W') {
      return imprecise_date{iso_week::parse(text).first_day_number(), date_precision::week};
    }
    if (text.size() == 7) return imprecise_date{month::parse(text).first_day_number(), date_precision::month};
  } catch (const invalid_input&) {  // the period parsers' parse_error
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace kerncijfers

/// Hash of an imprecise date, consistent with `==`.
template <>
struct std::hash<kerncijfers::imprecise_date> {
  [[nodiscard]] std::size_t operator()(kerncijfers::imprecise_date d) const noexcept {
    return std::hash<std::int64_t>{}((static_cast<std::int64_t>(d.day) << 3) | static_cast<std::int64_t>(d.precision));
  }
};
