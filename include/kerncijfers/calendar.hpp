#pragma once
/// \file calendar.hpp
/// The only header that includes Howard Hinnant's date library. Everything else in
/// kerncijfers speaks in day numbers (days since 1970-01-01) and plain integers, so
/// that date's types stay out of most public signatures and every call into date is
/// qualified here, where it cannot clash with C++20 <chrono>.

#include <cstdint>

#include <date/date.h>
#include <date/iso_week.h>

namespace kerncijfers::calendar {

/// A civil date as kerncijfers returns it (first and last day of a period).
using civil_date = date::year_month_day;

/// Days since 1970-01-01 (negative before it).
using day_number = std::int32_t;

/// Smallest and largest calendar year kerncijfers accepts.
inline constexpr int min_year = 1;
inline constexpr int max_year = 9999;

[[nodiscard]] constexpr bool is_valid_year(long long y) noexcept { return y >= min_year && y <= max_year; }

[[nodiscard]] constexpr day_number to_day_number(civil_date ymd) noexcept {
  return static_cast<day_number>(date::sys_days(ymd).time_since_epoch().count());
}

[[nodiscard]] constexpr day_number to_day_number(int y, unsigned m, unsigned d) noexcept {
  return to_day_number(civil_date{date::year{y}, date::month{m}, date::day{d}});
}

/// The date of day number `days`; `days` must lie within years 1-9999 (`is_valid_day_number`).
[[nodiscard]] constexpr civil_date to_civil(day_number days) noexcept {
  return civil_date{date::sys_days{date::days{days}}};
}

[[nodiscard]] constexpr int year_of(civil_date ymd) noexcept { return static_cast<int>(ymd.year()); }
[[nodiscard]] constexpr unsigned month_of(civil_date ymd) noexcept { return static_cast<unsigned>(ymd.month()); }
[[nodiscard]] constexpr unsigned day_of(civil_date ymd) noexcept { return static_cast<unsigned>(ymd.day()); }

/// True when `y/m/d` is a real date.
[[nodiscard]] constexpr bool is_valid_date(int y, unsigned m, unsigned d) noexcept {
  return civil_date{date::year{y}, date::month{m}, date::day{d}}.ok();
}

/// Last day of month `m` of year `y`.
[[nodiscard]] constexpr unsigned days_in_month(int y, unsigned m) noexcept {
  return static_cast<unsigned>(date::year_month_day_last{date::year{y}, date::month_day_last{date::month{m}}}.day());
}

/// Number of ISO weeks (52 or 53) in ISO year `y`.
[[nodiscard]] constexpr unsigned iso_weeks_in_year(int y) noexcept {
  return static_cast<unsigned>(
      iso_week::year_lastweek_weekday{iso_week::year{y}, iso_week::weekday{date::Sunday}}.weeknum());
}

/// Day number of the Monday of ISO week `w` of ISO year `y`.
[[nodiscard]] constexpr day_number iso_week_monday(int y, unsigned w) noexcept {
  const iso_week::year_weeknum_weekday ywd{iso_week::year{y}, iso_week::weeknum{w}, iso_week::weekday{date::Monday}};
  return static_cast<day_number>(date::sys_days(ywd).time_since_epoch().count());
}

/// Day numbers of the first and the last day kerncijfers supports: 0001-01-01 and 9999-12-31.
inline constexpr day_number min_day_number = to_day_number(min_year, 1, 1);
inline constexpr day_number max_day_number = to_day_number(max_year, 12, 31);

/// True for a day number within years 1-9999, the days `to_civil` and `iso_week_of` are
/// for: near the int32 limits date's own arithmetic overflows, so entry points that take
/// a day number from outside check it with this first.
[[nodiscard]] constexpr bool is_valid_day_number(long long days) noexcept {
  return days >= min_day_number && days <= max_day_number;
}

/// ISO year and week of a day.
struct iso_year_week {
  int year;
  unsigned week;
};

/// ISO year and week of day number `days`, which must lie within years 1-9999.
[[nodiscard]] constexpr iso_year_week iso_week_of(day_number days) noexcept {
  const iso_week::year_weeknum_weekday ywd{date::sys_days{date::days{days}}};
  return {static_cast<int>(ywd.year()), static_cast<unsigned>(ywd.weeknum())};
}

}  // namespace kerncijfers::calendar
