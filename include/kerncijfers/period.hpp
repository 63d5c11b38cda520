#pragma once
/// \file period.hpp
/// Calendar periods: ISO week, month, quarter and year as one template on the unit.
/// Everything that differs between units (their calendar, ISO form, labels and names in
/// messages) is in one `period_unit_traits` block per unit; `period` itself never asks
/// which unit it is.
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

#include <compare>
#include <concepts>
#include <cstdint>
#include <functional>
#include <limits>
#include <ostream>
#include <string>
#include <string_view>

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

/// Everything `period` knows about a unit, one specialisation per unit: adding a unit is
/// adding one tag and one traits block (the `period_unit` concept lists what it holds).
/// Serials are `long long` here; `period` keeps them in years 1-9999 and checks them.
template <class Unit>
struct period_unit_traits;

namespace detail {

[[nodiscard]] constexpr long long floor_div(long long a, long long b) noexcept {
  const long long q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

[[nodiscard]] constexpr long long floor_mod(long long a, long long b) noexcept { return a - floor_div(a, b) * b; }

// The calendar of a unit made of `Months` whole months (a month, a quarter, a year): the
// serial of period `index` of year `y` is y * per_year + (index - 1).
template <unsigned Months>
struct whole_months_unit {
  static_assert(Months > 0 && 12 % Months == 0, "the periods must tile the year");
  static constexpr unsigned per_year = 12 / Months;
  // A period lies inside every coarser one, so any of its days decides where it belongs.
  static constexpr int deciding_day = 0;

  [[nodiscard]] static constexpr unsigned periods_in_year(int /*year*/) noexcept { return per_year; }
  [[nodiscard]] static constexpr long long serial(int year, unsigned index) noexcept {
    return static_cast<long long>(year) * per_year + (index - 1);
  }
  [[nodiscard]] static constexpr int year_of(long long serial) noexcept {
    return static_cast<int>(floor_div(serial, per_year));
  }
  [[nodiscard]] static constexpr unsigned index_of(long long serial) noexcept {
    return static_cast<unsigned>(floor_mod(serial, per_year)) + 1;
  }
  [[nodiscard]] static constexpr calendar::day_number first_day_number(long long serial) noexcept {
    return calendar::to_day_number(year_of(serial), (index_of(serial) - 1) * Months + 1, 1);
  }
  [[nodiscard]] static constexpr long long serial_containing(calendar::day_number days) noexcept {
    const auto ymd = calendar::to_civil(days);
    return serial(calendar::year_of(ymd), (calendar::month_of(ymd) - 1) / Months + 1);
  }
};

}  // namespace detail

/// ISO weeks: serial 0 is 1970-W01, the week of 1970-01-01.
template <>
struct period_unit_traits<week_unit> {
  /// Position from fine (0) to coarse: conversions go to an equal or higher rank only.
  static constexpr int rank = 0;
  /// Periods in every year; 0 when it varies (an ISO year has 52 or 53 weeks).
  static constexpr unsigned per_year = 0;
  /// One and several in messages.
  static constexpr std::string_view noun = "ISO week";
  static constexpr std::string_view plural = "ISO weeks";
  /// What `parse` accepts, in its messages.
  static constexpr std::string_view description = "an ISO week (YYYY-Www)";
  /// ISO 8601 form: the year, `iso_marker`, the index in `iso_digits` digits ("2021-W19").
  static constexpr std::string_view iso_marker = "-W";
  static constexpr unsigned iso_digits = 2;
  /// Days after the first day of the day that decides which coarser period a period
  /// belongs to: the Thursday, as for the ISO year.
  static constexpr int deciding_day = 3;

  [[nodiscard]] static constexpr unsigned periods_in_year(int year) noexcept {
    return calendar::iso_weeks_in_year(year);
  }
  [[nodiscard]] static constexpr long long serial(int year, unsigned index) noexcept {
    return detail::floor_div(calendar::iso_week_monday(year, index) + 3LL, 7);
  }
  [[nodiscard]] static constexpr int year_of(long long serial) noexcept {
    return calendar::iso_week_of(thursday(serial)).year;
  }
  [[nodiscard]] static constexpr unsigned index_of(long long serial) noexcept {
    return calendar::iso_week_of(thursday(serial)).week;
  }
  [[nodiscard]] static constexpr calendar::day_number first_day_number(long long serial) noexcept {
    return static_cast<calendar::day_number>(serial * 7 - 3);
  }
  [[nodiscard]] static constexpr long long serial_containing(calendar::day_number days) noexcept {
    return detail::floor_div(static_cast<long long>(days) + 3, 7);
  }
  /// "week 19 2021" (the same in both languages).
  [[nodiscard]] static std::string label(language /*lang*/, int year, unsigned index) {
    return "week " + std::to_string(index) + " " + std::to_string(year);
  }
  /// Why `period(year, index)` does not exist (the year is valid).
  [[nodiscard]] static std::string no_such_index(int year, unsigned index) {
    return "ISO year " + std::to_string(year) + " has no week " + std::to_string(index) + " (it has " +
           std::to_string(periods_in_year(year)) + ")";
  }

 private:
  [[nodiscard]] static constexpr calendar::day_number thursday(long long serial) noexcept {
    return static_cast<calendar::day_number>(serial * 7);
  }
};

template <>
struct period_unit_traits<month_unit> : detail::whole_months_unit<1> {
  static constexpr int rank = 1;
  static constexpr std::string_view noun = "month";
  static constexpr std::string_view plural = "months";
  static constexpr std::string_view description = "a month (YYYY-MM)";
  static constexpr std::string_view iso_marker = "-";
  static constexpr unsigned iso_digits = 2;

  /// "mei 2021" / "May 2021".
  [[nodiscard]] static std::string label(language lang, int year, unsigned index) {
    const auto& names = lang == language::nl ? detail::month_names_nl : detail::month_names_en;
    return std::string(names[index - 1]) + " " + std::to_string(year);
  }
  [[nodiscard]] static std::string no_such_index(int /*year*/, unsigned index) {
    return "month " + std::to_string(index) + " is outside 1-12";
  }
};

template <>
struct period_unit_traits<quarter_unit> : detail::whole_months_unit<3> {
  static constexpr int rank = 2;
  static constexpr std::string_view noun = "quarter";
  static constexpr std::string_view plural = "quarters";
  static constexpr std::string_view description = "a quarter (YYYY-Qn)";
  static constexpr std::string_view iso_marker = "-Q";
  static constexpr unsigned iso_digits = 1;

  /// "2e kwartaal 2021" / "Q2 2021".
  [[nodiscard]] static std::string label(language lang, int year, unsigned index) {
    return lang == language::nl ? std::to_string(index) + "e kwartaal " + std::to_string(year)
                                : "Q" + std::to_string(index) + " " + std::to_string(year);
  }
  [[nodiscard]] static std::string no_such_index(int /*year*/, unsigned index) {
    return "quarter " + std::to_string(index) + " is outside 1-4";
  }
};

/// One period per year, so named by the year alone: `year(2021)`, "2021".
template <>
struct period_unit_traits<year_unit> : detail::whole_months_unit<12> {
  static constexpr int rank = 3;
  static constexpr std::string_view noun = "year";
  static constexpr std::string_view plural = "years";
  static constexpr std::string_view description = "a year (YYYY)";
  static constexpr std::string_view iso_marker = "";
  static constexpr unsigned iso_digits = 0;

  [[nodiscard]] static std::string label(language /*lang*/, int year, unsigned /*index*/) {
    return std::to_string(year);
  }
  // Unreachable: a year's only index is 1, the one `period(year)` passes.
  [[nodiscard]] static std::string no_such_index(int year, unsigned index) {
    return "year " + std::to_string(year) + " has no period " + std::to_string(index);
  }
};

/// A unit `period` can be built on: a type with a complete `period_unit_traits`
/// specialisation (`week_unit`, `month_unit`, `quarter_unit`, `year_unit`). This is the
/// constraint on `period<Unit>`; a period of anything else does not compile.
template <class Unit>
concept period_unit = requires(int year, unsigned index, long long serial, calendar::day_number day, language lang) {
  { period_unit_traits<Unit>::rank } -> std::convertible_to<int>;
  { period_unit_traits<Unit>::per_year } -> std::convertible_to<unsigned>;
  { period_unit_traits<Unit>::noun } -> std::convertible_to<std::string_view>;
  { period_unit_traits<Unit>::plural } -> std::convertible_to<std::string_view>;
  { period_unit_traits<Unit>::description } -> std::convertible_to<std::string_view>;
  { period_unit_traits<Unit>::iso_marker } -> std::convertible_to<std::string_view>;
  { period_unit_traits<Unit>::iso_digits } -> std::convertible_to<unsigned>;
  { period_unit_traits<Unit>::deciding_day } -> std::convertible_to<int>;
  { period_unit_traits<Unit>::periods_in_year(year) } -> std::convertible_to<unsigned>;
  { period_unit_traits<Unit>::serial(year, index) } -> std::convertible_to<long long>;
  { period_unit_traits<Unit>::year_of(serial) } -> std::convertible_to<int>;
  { period_unit_traits<Unit>::index_of(serial) } -> std::convertible_to<unsigned>;
  { period_unit_traits<Unit>::first_day_number(serial) } -> std::convertible_to<calendar::day_number>;
  { period_unit_traits<Unit>::serial_containing(day) } -> std::convertible_to<long long>;
  { period_unit_traits<Unit>::label(lang, year, index) } -> std::convertible_to<std::string>;
  { period_unit_traits<Unit>::no_such_index(year, index) } -> std::convertible_to<std::string>;
};

/// `period_unit<Unit>` as a value, for `if constexpr` and `static_assert`.
template <class Unit>
inline constexpr bool is_period_unit_v = period_unit<Unit>;

/// Units ordered from fine to coarse; conversions go from finer to coarser only.
template <period_unit Unit>
inline constexpr int unit_rank_v = period_unit_traits<Unit>::rank;

template <period_unit Unit>
class period;

namespace detail {

// "1 month", "-1 month", "12 months": `amount` is the decimal text of an integer.
template <period_unit Unit>
[[nodiscard]] std::string amount_of_periods(std::string_view amount) {
  const bool one = amount == "1" || amount == "-1";
  return std::string(amount) + " " +
         std::string(one ? period_unit_traits<Unit>::noun : period_unit_traits<Unit>::plural);
}

/// Throws `range_error` for `p op amount` (op "+" or "-") leaving years 1-9999, past the
/// last supported period when `after`, else before the first: "2021-01 + 9223372036854775807
/// months is beyond the last supported month 9999-12". `amount` is decimal text, so that
/// callers holding wider integers (Python's) give the same message.
template <period_unit Unit>
[[noreturn]] void throw_offset_outside(period<Unit> p, std::string_view op, std::string_view amount, bool after);

/// Throws `range_error` for a serial that names no period of years 1-9999 (decimal text).
template <period_unit Unit>
[[noreturn]] void throw_serial_outside(std::string_view serial);

}  // namespace detail

/// A calendar period of one unit: `period<month_unit>` is a month, and so on.
/// Regular, trivially copyable, ordered and hashable.
template <period_unit Unit>
class period {
  using traits = period_unit_traits<Unit>;

 public:
  using unit = Unit;
  using serial_type = std::int32_t;

  /// Number of sub-periods per year (12 months, 4 quarters, 1 year); 0 for weeks.
  static constexpr unsigned per_year = traits::per_year;

  /// The first period of 1970.
  constexpr period() noexcept : serial_(static_cast<serial_type>(traits::serial(1970, 1))) {}

  /// Month `index` (1-12), quarter `index` (1-4) or ISO week `index` (1-52/53) of `year`.
  /// Throws `invalid_input` naming the value when it does not exist.
  constexpr period(int year, unsigned index) requires(per_year != 1) : serial_(checked_serial(year, index)) {}

  /// The calendar year `year` (1-9999).
  constexpr explicit period(int year) requires(per_year == 1) : serial_(checked_serial(year, 1)) {}

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
    return unchecked(traits::serial_containing(days));
  }

  [[nodiscard]] constexpr serial_type serial() const noexcept { return serial_; }

  /// Calendar year (for ISO weeks: the ISO year, the year of the week's Thursday).
  [[nodiscard]] constexpr int year() const noexcept { return traits::year_of(serial_); }

  /// Month 1-12, quarter 1-4, ISO week 1-53; 1 for a year.
  [[nodiscard]] constexpr unsigned index() const noexcept { return traits::index_of(serial_); }

  /// Day number (days since 1970-01-01) of the first and last day of the period.
  [[nodiscard]] constexpr calendar::day_number first_day_number() const noexcept {
    return traits::first_day_number(serial_);
  }
  [[nodiscard]] constexpr calendar::day_number last_day_number() const noexcept {
    return traits::first_day_number(static_cast<long long>(serial_) + 1) - 1;
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
    std::string text = detail::four_digit_year(year()) + std::string(traits::iso_marker);
    if constexpr (traits::iso_digits > 0) {
      const std::string digits = std::to_string(index());
      if (digits.size() < traits::iso_digits) text.append(traits::iso_digits - digits.size(), '0');
      text += digits;
    }
    return text;
  }

  /// Label for text: "mei 2021" / "May 2021", "week 19 2021", "2e kwartaal 2021" / "Q2 2021", "2021".
  [[nodiscard]] std::string label(language lang) const { return traits::label(lang, year(), index()); }

  /// Parses the ISO 8601 form that `iso()` writes. Anything else throws `parse_error`
  /// naming the input: wrong shape, out-of-range month/quarter/week, trailing text.
  [[nodiscard]] static period parse(std::string_view text) {
    const auto fail = [&]() -> period { throw parse_error(std::string(text), std::string(unit_description())); };
    if (text.size() < 4) return fail();
    const long long y = detail::read_digits(text.substr(0, 4));
    if (y < calendar::min_year) return fail();
    const std::string_view rest = text.substr(4);
    if (rest.size() != traits::iso_marker.size() + traits::iso_digits || !rest.starts_with(traits::iso_marker)) {
      return fail();
    }
    const long long index = traits::iso_digits == 0 ? 1 : detail::read_digits(rest.substr(traits::iso_marker.size()));
    if (!index_is_valid(static_cast<int>(y), index)) return fail();
    return from_serial(traits::serial(static_cast<int>(y), static_cast<unsigned>(index)));
  }

  /// What this unit is called in messages: "an ISO week (YYYY-Www)", ...
  [[nodiscard]] static constexpr std::string_view unit_description() noexcept { return traits::description; }

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
    throw range_error(what + " is outside the supported " + std::string(traits::plural) + " " + min().iso() + " to " +
                      max().iso() + " (" + text(min().first_day_number()) + " to " + text(max().last_day_number()) +
                      ")");
  }

  // The period with a serial known to be in range.
  [[nodiscard]] static constexpr period unchecked(long long serial) noexcept {
    period p;
    p.serial_ = static_cast<serial_type>(serial);
    return p;
  }

  [[nodiscard]] static constexpr bool index_is_valid(int y, long long index) noexcept {
    return calendar::is_valid_year(y) && index >= 1 && index <= traits::periods_in_year(y);
  }

  [[nodiscard]] static constexpr serial_type checked_serial(int y, unsigned index) {
    if (!calendar::is_valid_year(y)) {
      throw invalid_input("year " + std::to_string(y) + " is outside 1-9999");
    }
    if (!index_is_valid(y, index)) throw invalid_input(traits::no_such_index(y, index));
    return static_cast<serial_type>(traits::serial(y, index));
  }

  static constexpr long long min_serial() noexcept { return traits::serial(calendar::min_year, 1); }
  static constexpr long long max_serial() noexcept {
    return traits::serial(calendar::max_year, traits::periods_in_year(calendar::max_year));
  }

  serial_type serial_;
};

namespace detail {

template <period_unit Unit>
[[noreturn]] void throw_offset_outside(period<Unit> p, std::string_view op, std::string_view amount, bool after) {
  const std::string noun(period_unit_traits<Unit>::noun);
  throw range_error(p.iso() + " " + std::string(op) + " " + amount_of_periods<Unit>(amount) + " is " +
                    (after ? "beyond the last supported " + noun + " " + period<Unit>::max().iso()
                           : "before the first supported " + noun + " " + period<Unit>::min().iso()));
}

template <period_unit Unit>
[[noreturn]] void throw_serial_outside(std::string_view serial) {
  const std::string noun(period_unit_traits<Unit>::noun);
  throw range_error(noun + " serial " + std::string(serial) + " names no " + noun + " of years 1-9999 (serials " +
                    std::to_string(period<Unit>::min().serial()) + " = " + period<Unit>::min().iso() + " to " +
                    std::to_string(period<Unit>::max().serial()) + " = " + period<Unit>::max().iso() + ")");
}

// The day that decides which coarser period `p` belongs to (see `deciding_day`).
template <period_unit Unit>
[[nodiscard]] constexpr calendar::day_number deciding_day_number(period<Unit> p) noexcept {
  return p.first_day_number() + period_unit_traits<Unit>::deciding_day;
}

}  // namespace detail

using iso_week = period<week_unit>;
using month = period<month_unit>;
using quarter = period<quarter_unit>;
using year = period<year_unit>;

template <class T>
inline constexpr bool is_period_v = false;
template <period_unit Unit>
inline constexpr bool is_period_v<period<Unit>> = true;

/// Converts a period to a coarser (or the same) unit: week -> month/quarter/year by the
/// week's Thursday, month -> quarter/year, quarter -> year. Finer targets do not compile.
/// Never throws: the deciding day lies in the period, which lies in years 1-9999.
template <class To, period_unit FromUnit>
requires is_period_v<To> &&(unit_rank_v<typename To::unit> >= unit_rank_v<FromUnit>) [[nodiscard]] constexpr To
    period_cast(period<FromUnit> p) noexcept {
  return To::containing_day_number(detail::deciding_day_number(p));
}

/// Shorthands for `period_cast`.
template <period_unit FromUnit>
[[nodiscard]] constexpr month to_month(period<FromUnit> p) noexcept {
  return period_cast<month>(p);
}
template <period_unit FromUnit>
[[nodiscard]] constexpr quarter to_quarter(period<FromUnit> p) noexcept {
  return period_cast<quarter>(p);
}
template <period_unit FromUnit>
[[nodiscard]] constexpr year to_year(period<FromUnit> p) noexcept {
  return period_cast<year>(p);
}

}  // namespace kerncijfers

template <kerncijfers::period_unit Unit>
struct std::hash<kerncijfers::period<Unit>> {
  [[nodiscard]] std::size_t operator()(kerncijfers::period<Unit> p) const noexcept {
    return std::hash<std::int32_t>{}(p.serial());
  }
};
