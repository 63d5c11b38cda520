#pragma once
/// \file period.hpp
/// Calendar periods: ISO week, month, quarter and year as one template on the unit.
///
/// A period is a single integer serial, so arithmetic, distance, comparison and hashing
/// are O(1) and constexpr. Periods of different units never mix: `month + iso_week`,
/// `month - quarter` and `month < year` do not compile.
///
/// Serials: year = y; quarter = 4y + (q-1); month = 12y + (m-1); ISO week = the number
/// of whole weeks from the ISO week that holds 1970-01-01 (1970-W01).
///
/// Range: years 1-9999, from `period::min()` (0001-01, 0001-Q1, 0001-W01, 0001) to
/// `period::max()` (9999-12, 9999-Q4, 9999-W52, 9999). All arithmetic is checked: an
/// offset of any `long long` that leaves the range throws `range_error` naming the period,
/// the operation and the offset ("2021-01 + 9223372036854775807 months is beyond the last
/// supported month 9999-12"); nothing wraps around.
///
/// Conversion rule: an ISO week belongs to the month, quarter and year of its Thursday
/// (the same rule that gives an ISO week its ISO year), so 2020-W53 (28 Dec 2020 to
/// 3 Jan 2021) belongs to December 2020 and 2026-W01 (29 Dec 2025 to 4 Jan 2026) to
/// January 2026.

#include <array>
#include <compare>
#include <cstdint>
#include <functional>
#include <limits>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>

#include "kerncijfers/calendar.hpp"
#include "kerncijfers/errors.hpp"
#include "kerncijfers/language.hpp"
#include "kerncijfers/text.hpp"

namespace kerncijfers {

/// Unit tags: the template argument of `period`.
struct week_unit {};
struct month_unit {};
struct quarter_unit {};
struct year_unit {};

template <class Unit>
inline constexpr bool is_period_unit_v = std::is_same_v<Unit, week_unit> || std::is_same_v<Unit, month_unit> ||
                                         std::is_same_v<Unit, quarter_unit> || std::is_same_v<Unit, year_unit>;

/// Units ordered from fine to coarse; conversions go from finer to coarser only.
template <class Unit>
inline constexpr int unit_rank_v = std::is_same_v<Unit, week_unit>      ? 0
                                   : std::is_same_v<Unit, month_unit>   ? 1
                                   : std::is_same_v<Unit, quarter_unit> ? 2
                                                                        : 3;

template <class Unit>
class period;

namespace detail {

[[nodiscard]] constexpr long long floor_div(long long a, long long b) noexcept {
  const long long q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

[[nodiscard]] constexpr long long floor_mod(long long a, long long b) noexcept { return a - floor_div(a, b) * b; }

// What one period of a unit is called in messages, and several.
template <class Unit>
inline constexpr std::string_view unit_noun = std::is_same_v<Unit, week_unit>      ? "ISO week"
                                              : std::is_same_v<Unit, month_unit>   ? "month"
                                              : std::is_same_v<Unit, quarter_unit> ? "quarter"
                                                                                   : "year";
template <class Unit>
inline constexpr std::string_view unit_plural = std::is_same_v<Unit, week_unit>      ? "ISO weeks"
                                                : std::is_same_v<Unit, month_unit>   ? "months"
                                                : std::is_same_v<Unit, quarter_unit> ? "quarters"
                                                                                     : "years";

// "1 month", "-1 month", "12 months": `amount` is the decimal text of an integer.
template <class Unit>
[[nodiscard]] std::string amount_of_periods(std::string_view amount) {
  const bool one = amount == "1" || amount == "-1";
  return std::string(amount) + " " + std::string(one ? unit_noun<Unit> : unit_plural<Unit>);
}

/// Throws `range_error` for `p op amount` (op "+" or "-") leaving years 1-9999, past the
/// last supported period when `after`, else before the first: "2021-01 + 9223372036854775807
/// months is beyond the last supported month 9999-12". `amount` is decimal text, so that
/// callers holding wider integers (Python's) give the same message.
template <class Unit>
[[noreturn]] void throw_offset_outside(period<Unit> p, std::string_view op, std::string_view amount, bool after);

/// Throws `range_error` for a serial that names no period of years 1-9999 (decimal text).
template <class Unit>
[[noreturn]] void throw_serial_outside(std::string_view serial);

}  // namespace detail

/// A calendar period of one unit: `period<month_unit>` is a month, and so on.
/// Regular, trivially copyable, ordered and hashable.
template <class Unit>
class period {
  static_assert(is_period_unit_v<Unit>, "period<Unit>: Unit must be week_unit, month_unit, quarter_unit or year_unit");

 public:
  using unit = Unit;
  using serial_type = std::int32_t;

  /// Number of sub-periods per year (12 months, 4 quarters, 1 year); 0 for weeks.
  static constexpr unsigned per_year = std::is_same_v<Unit, month_unit>     ? 12
                                       : std::is_same_v<Unit, quarter_unit> ? 4
                                       : std::is_same_v<Unit, year_unit>    ? 1
                                                                            : 0;

  /// The first period of 1970.
  constexpr period() noexcept
      : serial_(std::is_same_v<Unit, week_unit> ? 0 : 1970 * static_cast<serial_type>(per_year)) {}

  /// Month `index` (1-12), quarter `index` (1-4) or ISO week `index` (1-52/53) of `year`.
  /// Throws `invalid_input` naming the value when it does not exist.
  constexpr period(int year, unsigned index) requires(!std::is_same_v<Unit, year_unit>)
      : serial_(checked_serial(year, index)) {}

  /// The calendar year `year` (1-9999).
  constexpr explicit period(int year) requires std::is_same_v<Unit, year_unit> : serial_(checked_serial(year, 1)) {}

  /// The first period of year 1: 0001-01, 0001-Q1, 0001-W01 (Monday 1 January 1), 0001.
  [[nodiscard]] static constexpr period min() noexcept { return unchecked(min_serial()); }
  /// The last period of year 9999: 9999-12, 9999-Q4, 9999-W52 (to Sunday 2 January 10000), 9999.
  [[nodiscard]] static constexpr period max() noexcept { return unchecked(max_serial()); }

  /// The period with serial `serial` (see the file comment). Throws `range_error` naming
  /// the serial when it names no period of years 1-9999.
  [[nodiscard]] static constexpr period from_serial(long long serial) {
    if (serial < min_serial() || serial > max_serial()) detail::throw_serial_outside<Unit>(std::to_string(serial));
    return unchecked(serial);
  }

  /// The period that contains the given day. Throws `invalid_input` naming the date when
  /// it does not exist, `range_error` when no supported period holds it (see `min`, `max`).
  [[nodiscard]] static constexpr period containing(calendar::civil_date day) {
    const std::string date = std::to_string(calendar::year_of(day)) + "-" +
                             detail::two_digits(calendar::month_of(day)) + "-" +
                             detail::two_digits(calendar::day_of(day));
    if (!day.ok()) throw invalid_input("date " + date + " does not exist");
    const calendar::day_number n = calendar::to_day_number(day);
    if (!holds_day(n)) throw_day_outside("date " + date);
    return containing_day_number(n);
  }

  /// The period that contains day number `days` (days since 1970-01-01). Throws
  /// `range_error` naming the day number when no supported period holds it.
  [[nodiscard]] static constexpr period containing_day_number(calendar::day_number days) {
    if (!holds_day(days)) throw_day_outside("day number " + std::to_string(days) + " (days since 1970-01-01)");
    if constexpr (std::is_same_v<Unit, week_unit>) {
      return from_serial(detail::floor_div(static_cast<long long>(days) + 3, 7));
    } else {
      const auto ymd = calendar::to_civil(days);
      const int y = calendar::year_of(ymd);
      const unsigned m = calendar::month_of(ymd);
      if constexpr (std::is_same_v<Unit, month_unit>)
        return period(y, m);
      else if constexpr (std::is_same_v<Unit, quarter_unit>)
        return period(y, (m - 1) / 3 + 1);
      else
        return period(y);
    }
  }

  [[nodiscard]] constexpr serial_type serial() const noexcept { return serial_; }

  /// Calendar year (for ISO weeks: the ISO year, the year of the week's Thursday).
  [[nodiscard]] constexpr int year() const noexcept {
    if constexpr (std::is_same_v<Unit, week_unit>) {
      return calendar::iso_week_of(thursday()).year;
    } else {
      return static_cast<int>(detail::floor_div(serial_, per_year));
    }
  }

  /// Month 1-12, quarter 1-4, ISO week 1-53; 1 for a year.
  [[nodiscard]] constexpr unsigned index() const noexcept {
    if constexpr (std::is_same_v<Unit, week_unit>) {
      return calendar::iso_week_of(thursday()).week;
    } else {
      return static_cast<unsigned>(detail::floor_mod(serial_, per_year)) + 1;
    }
  }

  /// Day number (days since 1970-01-01) of the first and last day of the period.
  [[nodiscard]] constexpr calendar::day_number first_day_number() const noexcept {
    if constexpr (std::is_same_v<Unit, week_unit>) {
      return static_cast<calendar::day_number>(static_cast<long long>(serial_) * 7 - 3);
    } else if constexpr (std::is_same_v<Unit, month_unit>) {
      return calendar::to_day_number(year(), index(), 1);
    } else if constexpr (std::is_same_v<Unit, quarter_unit>) {
      return calendar::to_day_number(year(), (index() - 1) * 3 + 1, 1);
    } else {
      return calendar::to_day_number(year(), 1, 1);
    }
  }
  [[nodiscard]] constexpr calendar::day_number last_day_number() const noexcept {
    if constexpr (std::is_same_v<Unit, week_unit>) {
      return first_day_number() + 6;
    } else {
      period next = *this;
      ++next.serial_;
      return next.first_day_number() - 1;
    }
  }

  /// First and last day as `date::year_month_day`.
  [[nodiscard]] constexpr calendar::civil_date first_day() const noexcept {
    return calendar::to_civil(first_day_number());
  }
  [[nodiscard]] constexpr calendar::civil_date last_day() const noexcept {
    return calendar::to_civil(last_day_number());
  }

  /// Number of days in the period.
  [[nodiscard]] constexpr int days() const noexcept { return last_day_number() - first_day_number() + 1; }

  /// Arithmetic in whole periods of the same unit, exact for every `n`: a result outside
  /// years 1-9999 throws `range_error` naming the period, the operation and `n`, and leaves
  /// the period as it was.
  constexpr period& operator+=(long long n) {
    // The room on either side is a difference of two small serials, so comparing `n`
    // with it cannot overflow, whatever `n` is (LLONG_MIN included).
    if (n > max_serial() - serial_) detail::throw_offset_outside(*this, "+", std::to_string(n), true);
    if (n < min_serial() - serial_) detail::throw_offset_outside(*this, "+", std::to_string(n), false);
    serial_ = static_cast<serial_type>(serial_ + n);
    return *this;
  }
  constexpr period& operator-=(long long n) {
    if (n > serial_ - min_serial()) detail::throw_offset_outside(*this, "-", std::to_string(n), false);
    if (n < serial_ - max_serial()) detail::throw_offset_outside(*this, "-", std::to_string(n), true);
    serial_ = static_cast<serial_type>(serial_ - n);
    return *this;
  }
  constexpr period& operator++() { return *this += 1; }
  constexpr period& operator--() { return *this -= 1; }
  constexpr period operator++(int) {
    period old = *this;
    ++*this;
    return old;
  }
  constexpr period operator--(int) {
    period old = *this;
    --*this;
    return old;
  }

  [[nodiscard]] friend constexpr period operator+(period p, long long n) { return p += n; }
  [[nodiscard]] friend constexpr period operator+(long long n, period p) { return p += n; }
  [[nodiscard]] friend constexpr period operator-(period p, long long n) { return p -= n; }
  /// Signed number of periods from `b` to `a`. Never overflows: both lie in years 1-9999.
  [[nodiscard]] friend constexpr int operator-(period a, period b) noexcept {
    static_assert(max_serial() - min_serial() <= std::numeric_limits<int>::max(),
                  "the distance between any two periods fits in an int");
    return static_cast<int>(static_cast<long long>(a.serial_) - b.serial_);
  }

  [[nodiscard]] friend constexpr bool operator==(period, period) noexcept = default;
  [[nodiscard]] friend constexpr std::strong_ordering operator<=>(period, period) noexcept = default;

  /// ISO 8601 form: "2021-W19", "2021-05", "2021-Q2", "2021".
  [[nodiscard]] std::string iso() const {
    const std::string y = detail::four_digit_year(year());
    if constexpr (std::is_same_v<Unit, week_unit>)
      return y + "-W" + detail::two_digits(index());
    else if constexpr (std::is_same_v<Unit, month_unit>)
      return y + "-" + detail::two_digits(index());
    else if constexpr (std::is_same_v<Unit, quarter_unit>)
      return y + "-Q" + std::to_string(index());
    else
      return y;
  }

  /// Label for text: "mei 2021" / "May 2021", "week 19 2021", "2e kwartaal 2021" / "Q2 2021", "2021".
  [[nodiscard]] std::string label(language lang) const {
    const std::string y = std::to_string(year());
    if constexpr (std::is_same_v<Unit, week_unit>) {
      return "week " + std::to_string(index()) + " " + y;
    } else if constexpr (std::is_same_v<Unit, month_unit>) {
      const auto& names = lang == language::nl ? detail::month_names_nl : detail::month_names_en;
      return std::string(names[index() - 1]) + " " + y;
    } else if constexpr (std::is_same_v<Unit, quarter_unit>) {
      return lang == language::nl ? std::to_string(index()) + "e kwartaal " + y
                                  : "Q" + std::to_string(index()) + " " + y;
    } else {
      return y;
    }
  }

  /// Parses the ISO 8601 form that `iso()` writes. Anything else throws `parse_error`
  /// naming the input: wrong shape, out-of-range month/quarter/week, trailing text.
  [[nodiscard]] static period parse(std::string_view text) {
    const auto fail = [&]() -> period { throw parse_error(std::string(text), std::string(unit_description())); };
    if (text.size() < 4) return fail();
    const long long y = detail::read_digits(text.substr(0, 4));
    if (y < calendar::min_year) return fail();
    const std::string_view rest = text.substr(4);
    long long index = 1;
    if constexpr (std::is_same_v<Unit, year_unit>) {
      if (!rest.empty()) return fail();
    } else if constexpr (std::is_same_v<Unit, month_unit>) {
      if (rest.size() != 3 || rest[0] != '-') return fail();
      index = detail::read_digits(rest.substr(1));
    } else if constexpr (std::is_same_v<Unit, quarter_unit>) {
      if (rest.size() != 3 || rest[0] != '-' || rest[1] != 'Q') return fail();
      index = detail::read_digits(rest.substr(2));
    } else {
      if (rest.size() != 4 || rest[0] != '-' || rest[1] != 'W') return fail();
      index = detail::read_digits(rest.substr(2));
    }
    if (!index_is_valid(static_cast<int>(y), index)) return fail();
    return from_serial(raw_serial(static_cast<int>(y), static_cast<unsigned>(index)));
  }

  /// What this unit is called in messages: "an ISO week (YYYY-Www)", ...
  [[nodiscard]] static constexpr std::string_view unit_description() noexcept {
    if constexpr (std::is_same_v<Unit, week_unit>)
      return "an ISO week (YYYY-Www)";
    else if constexpr (std::is_same_v<Unit, month_unit>)
      return "a month (YYYY-MM)";
    else if constexpr (std::is_same_v<Unit, quarter_unit>)
      return "a quarter (YYYY-Qn)";
    else
      return "a year (YYYY)";
  }

  friend std::ostream& operator<<(std::ostream& out, const period& p) { return out << p.iso(); }

 private:
  // True when a supported period holds day number `days`: the days of years 1-9999, and
  // for ISO weeks the two days of 10000 that belong to 9999-W52.
  [[nodiscard]] static constexpr bool holds_day(long long days) noexcept {
    return days >= min().first_day_number() && days <= max().last_day_number();
  }

  [[noreturn]] static void throw_day_outside(const std::string& what) {
    const auto text = [](calendar::day_number n) {
      const auto ymd = calendar::to_civil(n);
      return detail::iso_date(calendar::year_of(ymd), calendar::month_of(ymd), calendar::day_of(ymd));
    };
    throw range_error(what + " is outside the supported " + std::string(detail::unit_plural<Unit>) + " " + min().iso() +
                      " to " + max().iso() + " (" + text(min().first_day_number()) + " to " +
                      text(max().last_day_number()) + ")");
  }

  // The period with a serial known to be in range.
  [[nodiscard]] static constexpr period unchecked(long long serial) noexcept {
    period p;
    p.serial_ = static_cast<serial_type>(serial);
    return p;
  }

  [[nodiscard]] constexpr calendar::day_number thursday() const noexcept {
    return static_cast<calendar::day_number>(static_cast<long long>(serial_) * 7);
  }

  [[nodiscard]] static constexpr bool index_is_valid(int y, long long index) noexcept {
    if (!calendar::is_valid_year(y)) return false;
    if constexpr (std::is_same_v<Unit, week_unit>)
      return index >= 1 && index <= calendar::iso_weeks_in_year(y);
    else
      return index >= 1 && index <= per_year;
  }

  [[nodiscard]] static constexpr long long raw_serial(int y, unsigned index) noexcept {
    if constexpr (std::is_same_v<Unit, week_unit>)
      return detail::floor_div(calendar::iso_week_monday(y, index) + 3LL, 7);
    else
      return static_cast<long long>(y) * per_year + (index - 1);
  }

  [[nodiscard]] static constexpr serial_type checked_serial(int y, unsigned index) {
    if (!calendar::is_valid_year(y)) {
      throw invalid_input("year " + std::to_string(y) + " is outside 1-9999");
    }
    if (!index_is_valid(y, index)) {
      if constexpr (std::is_same_v<Unit, week_unit>)
        throw invalid_input("ISO year " + std::to_string(y) + " has no week " + std::to_string(index) + " (it has " +
                            std::to_string(calendar::iso_weeks_in_year(y)) + ")");
      else if constexpr (std::is_same_v<Unit, month_unit>)
        throw invalid_input("month " + std::to_string(index) + " is outside 1-12");
      else
        throw invalid_input("quarter " + std::to_string(index) + " is outside 1-4");
    }
    return static_cast<serial_type>(raw_serial(y, index));
  }

  static constexpr long long min_serial() noexcept { return raw_serial(calendar::min_year, 1); }
  static constexpr long long max_serial() noexcept {
    if constexpr (std::is_same_v<Unit, week_unit>)
      return raw_serial(calendar::max_year, calendar::iso_weeks_in_year(calendar::max_year));
    else
      return raw_serial(calendar::max_year, per_year);
  }

  serial_type serial_;
};

namespace detail {

template <class Unit>
[[noreturn]] void throw_offset_outside(period<Unit> p, std::string_view op, std::string_view amount, bool after) {
  const std::string noun(unit_noun<Unit>);
  throw range_error(p.iso() + " " + std::string(op) + " " + amount_of_periods<Unit>(amount) + " is " +
                    (after ? "beyond the last supported " + noun + " " + period<Unit>::max().iso()
                           : "before the first supported " + noun + " " + period<Unit>::min().iso()));
}

template <class Unit>
[[noreturn]] void throw_serial_outside(std::string_view serial) {
  const std::string noun(unit_noun<Unit>);
  throw range_error(noun + " serial " + std::string(serial) + " names no " + noun + " of years 1-9999 (serials " +
                    std::to_string(period<Unit>::min().serial()) + " = " + period<Unit>::min().iso() + " to " +
                    std::to_string(period<Unit>::max().serial()) + " = " + period<Unit>::max().iso() + ")");
}

}  // namespace detail

using iso_week = period<week_unit>;
using month = period<month_unit>;
using quarter = period<quarter_unit>;
using year = period<year_unit>;

template <class T>
inline constexpr bool is_period_v = false;
template <class Unit>
inline constexpr bool is_period_v<period<Unit>> = true;

/// Converts a period to a coarser (or the same) unit: week -> month/quarter/year by the
/// week's Thursday, month -> quarter/year, quarter -> year. Finer targets do not compile.
template <class To, class FromUnit>
requires is_period_v<To> &&(unit_rank_v<typename To::unit> >= unit_rank_v<FromUnit>) [[nodiscard]] constexpr To
    period_cast(period<FromUnit> p) {
  if constexpr (std::is_same_v<typename To::unit, FromUnit>) {
    return p;
  } else if constexpr (std::is_same_v<FromUnit, week_unit>) {
    // The Thursday decides: first_day_number() is the Monday.
    return To::containing_day_number(p.first_day_number() + 3);
  } else {
    return To::containing_day_number(p.first_day_number());
  }
}

/// Shorthands for `period_cast`.
template <class FromUnit>
[[nodiscard]] constexpr month to_month(period<FromUnit> p) {
  return period_cast<month>(p);
}
template <class FromUnit>
[[nodiscard]] constexpr quarter to_quarter(period<FromUnit> p) {
  return period_cast<quarter>(p);
}
template <class FromUnit>
[[nodiscard]] constexpr year to_year(period<FromUnit> p) {
  return period_cast<year>(p);
}

}  // namespace kerncijfers

template <class Unit>
struct std::hash<kerncijfers::period<Unit>> {
  [[nodiscard]] std::size_t operator()(kerncijfers::period<Unit> p) const noexcept {
    return std::hash<std::int32_t>{}(p.serial());
  }
};
