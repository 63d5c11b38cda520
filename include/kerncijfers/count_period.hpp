#pragma once
/// \file count_period.hpp
/// The period of a published count: an ISO week, a month, a quarter or a year (the
/// granularities the sources publish), with its ISO form, its label and the days it covers;
/// and the window a query asks for: a run of periods of one unit (`count_window`).
///
/// Weeks do not tile months: an ISO week may begin in one month (or year) and end in the
/// next. So a week is never turned into months here (`months_of` refuses it); the counts
/// table compares rows and windows by their days, and a week that lies partly outside a
/// window is never apportioned (`counts.hpp`).

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

#include "kerncijfers/calendar.hpp"
#include "kerncijfers/errors.hpp"
#include "kerncijfers/language.hpp"
#include "kerncijfers/period.hpp"
#include "kerncijfers/period_range.hpp"

namespace kerncijfers {

/// The period of a count row: a month, a quarter, a year or an ISO week. (The alternatives
/// keep the order they had before weeks came: a month is alternative 0, a week 3.)
using count_period = std::variant<month, quarter, year, iso_week>;

namespace detail {

// What `parse_count_period` accepts, in messages.
inline constexpr std::string_view count_period_expected =
    "a period: an ISO week (YYYY-Www), a month (YYYY-MM), a quarter (YYYY-Qn) or a year (YYYY)";

}  // namespace detail

/// Parses "2021-W19" (ISO week), "2021-05" (month), "2021-Q2" (quarter) or "2021" (year).
/// Anything else throws `parse_error` naming the text.
[[nodiscard]] inline count_period parse_count_period(std::string_view text) {
  try {
    if (text.size() == 4) return year::parse(text);
    if (text.size() > 5 && text[5] == 'Q') return quarter::parse(text);
    if (text.size() > 5 && text[5] == 'W') return iso_week::parse(text);
    return month::parse(text);
  } catch (const parse_error&) {
    throw parse_error(std::string(text), std::string(detail::count_period_expected));
  }
}

/// The ISO form: "2021-W19", "2021-05", "2021-Q2" or "2021".
[[nodiscard]] inline std::string iso(const count_period& p) {
  return std::visit([](const auto& q) { return q.iso(); }, p);
}

/// The label: "week 19 2021", "mei 2021", "2e kwartaal 2021", "2021" (Dutch); "May 2021",
/// "Q2 2021" (English).
[[nodiscard]] inline std::string label(const count_period& p, language lang) {
  return std::visit([lang](const auto& q) { return q.label(lang); }, p);
}

/// The months the period covers: one month, the three months of a quarter, the twelve of a
/// year. An ISO week covers no whole month: it throws `range_error` naming the week
/// ("2021-W19 is an ISO week, not made of whole months").
[[nodiscard]] constexpr period_range<month> months_of(const count_period& p) {
  if (const auto* week = std::get_if<iso_week>(&p)) {
    throw range_error(week->iso() + " is an ISO week, not made of whole months (weeks do not tile months)");
  }
  return std::visit(
      [](const auto& q) -> period_range<month> {
        if constexpr (std::is_same_v<std::decay_t<decltype(q)>, iso_week>) {
          return period_range<month>(month{});  // unreachable: refused above
        } else {
          return subperiods<month>(q);
        }
      },
      p);
}

/// Writes the ISO form.
inline std::ostream& operator<<(std::ostream& out, const count_period& p) { return out << iso(p); }

/// A window of count periods: the periods of one unit a query asks for, e.g. the months
/// June 2020 through May 2021, the ISO weeks 2021-W16 through 2021-W19, or the year 2021.
/// Converts implicitly from a `period_range` of any unit, so every query that takes a
/// window takes a range of months (as before weeks came), of weeks, quarters or years.
/// Regular: copyable, ==.
class count_window {
 public:
  /// The range, as one of the four units.
  using range_type =
      std::variant<period_range<month>, period_range<quarter>, period_range<year>, period_range<iso_week>>;

  /// The single month 1970-01 (the value of a default `period_range<month>` of `month{}`).
  constexpr count_window() noexcept : range_(period_range<month>(month{})) {}
  /// The window `range` (implicit: a range of periods is a window).
  template <class P>
  requires is_period_v<P>
  constexpr count_window(period_range<P> range) noexcept  // NOLINT(google-explicit-constructor)
      : range_(range) {}
  /// The window of the single period `p`.
  constexpr explicit count_window(const count_period& p) noexcept
      : range_(std::visit([](auto q) -> range_type { return period_range(q); }, p)) {}

  /// The range as one of the four units (for `std::visit`).
  [[nodiscard]] constexpr const range_type& range() const noexcept { return range_; }
  /// The range when its periods are `P`, else null.
  template <class P>
  [[nodiscard]] constexpr const period_range<P>* get_if() const noexcept {
    return std::get_if<period_range<P>>(&range_);
  }
  /// True when the window is a range of ISO weeks.
  [[nodiscard]] constexpr bool weeks() const noexcept { return range_.index() == 3; }

  /// The first and the last period.
  [[nodiscard]] constexpr count_period first() const noexcept {
    return std::visit([](const auto& r) -> count_period { return r.first(); }, range_);
  }
  [[nodiscard]] constexpr count_period last() const noexcept {
    return std::visit([](const auto& r) -> count_period { return r.last(); }, range_);
  }
  /// The number of periods.
  [[nodiscard]] constexpr std::size_t size() const noexcept {
    return std::visit([](const auto& r) { return r.size(); }, range_);
  }
  /// Day numbers (days since 1970-01-01) of the window's first and last day.
  [[nodiscard]] constexpr calendar::day_number first_day_number() const noexcept {
    return std::visit([](const auto& r) { return r.first().first_day_number(); }, range_);
  }
  [[nodiscard]] constexpr calendar::day_number last_day_number() const noexcept {
    return std::visit([](const auto& r) { return r.last().last_day_number(); }, range_);
  }

  /// "2020-06/2021-05", "2021-W16/2021-W19", "2021" (`period_range::iso`).
  [[nodiscard]] std::string iso() const {
    return std::visit([](const auto& r) { return r.iso(); }, range_);
  }
  /// "juni 2020 t/m mei 2021" / "June 2020 to May 2021" (`period_range::label`).
  [[nodiscard]] std::string label(language lang) const {
    return std::visit([lang](const auto& r) { return r.label(lang); }, range_);
  }

  /// Same unit and same range.
  [[nodiscard]] friend constexpr bool operator==(const count_window&, const count_window&) noexcept = default;

  /// Writes `iso()`.
  friend std::ostream& operator<<(std::ostream& out, const count_window& w) { return out << w.iso(); }

 private:
  range_type range_;
};

}  // namespace kerncijfers
