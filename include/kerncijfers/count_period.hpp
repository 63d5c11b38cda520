#pragma once
/// \file count_period.hpp
/// The period of a published count: a month, a quarter or a year (the granularities the
/// sources publish), with its ISO form, its label and the months it covers.

#include <ostream>
#include <string>
#include <string_view>
#include <variant>

#include "kerncijfers/errors.hpp"
#include "kerncijfers/language.hpp"
#include "kerncijfers/period.hpp"
#include "kerncijfers/period_range.hpp"

namespace kerncijfers {

/// The period of a count row: a month, a quarter or a year.
using count_period = std::variant<month, quarter, year>;

/// Parses "2021-05" (month), "2021-Q2" (quarter) or "2021" (year). Anything else throws
/// `parse_error` naming the text.
[[nodiscard]] inline count_period parse_count_period(std::string_view text) {
  try {
    if (text.size() == 4) return year::parse(text);
    if (text.size() > 5 && text[5] == 'Q') return quarter::parse(text);
    return month::parse(text);
  } catch (const parse_error&) {
    throw parse_error(std::string(text), "a period: a month (YYYY-MM), a quarter (YYYY-Qn) or a year (YYYY)");
  }
}

/// The ISO form: "2021-05", "2021-Q2" or "2021".
[[nodiscard]] inline std::string iso(const count_period& p) {
  return std::visit([](const auto& q) { return q.iso(); }, p);
}

/// The label: "mei 2021", "2e kwartaal 2021", "2021" (Dutch); "May 2021", "Q2 2021" (English).
[[nodiscard]] inline std::string label(const count_period& p, language lang) {
  return std::visit([lang](const auto& q) { return q.label(lang); }, p);
}

/// The months the period covers: one month, the three months of a quarter, the twelve of a year.
[[nodiscard]] constexpr period_range<month> months_of(const count_period& p) {
  return std::visit([](const auto& q) { return subperiods<month>(q); }, p);
}

/// Writes the ISO form.
inline std::ostream& operator<<(std::ostream& out, const count_period& p) { return out << iso(p); }

}  // namespace kerncijfers
