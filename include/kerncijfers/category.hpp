#pragma once
/// \file category.hpp
/// What a count counts: the five categories of asylum influx the ministry publishes, with
/// their schema names (the CSV's `category` column), Dutch aliases and page labels.

#include <array>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include "kerncijfers/errors.hpp"
#include "kerncijfers/language.hpp"

namespace kerncijfers {

/// What a count counts: the five kinds of asylum influx the ministry publishes.
enum class category : std::uint8_t {
  first_application,     ///< eerste asielaanvraag
  repeat_application,    ///< herhaalde asielaanvraag
  family_reunification,  ///< nareiziger: a family member following a refugee
  relocation,            ///< herplaatsing (from another EU member state)
  resettlement           ///< hervestiging (via UNHCR)
};

/// Every category, in declaration order.
inline constexpr std::array<category, 5> all_categories = {category::first_application, category::repeat_application,
                                                           category::family_reunification, category::relocation,
                                                           category::resettlement};

/// The schema name: "first_application", "repeat_application", "family_reunification",
/// "relocation" or "resettlement".
[[nodiscard]] constexpr std::string_view to_string(category c) noexcept {
  switch (c) {
    case category::first_application: return "first_application";
    case category::repeat_application: return "repeat_application";
    case category::family_reunification: return "family_reunification";
    case category::relocation: return "relocation";
    case category::resettlement: return "resettlement";
  }
  return "?";
}

/// Parses a schema name (see `to_string`) or a Dutch alias: `eerste_asielverzoek`,
/// `eerste_aanvraag`, `herhaalde_aanvraag`, `herhaald_asielverzoek`, `nareiziger`,
/// `nareizigers`, `herplaatsing`, `hervestiging`. Exact spelling (lower case, underscores);
/// anything else throws `parse_error` naming the text.
[[nodiscard]] inline category parse_category(std::string_view text) {
  for (const category c : all_categories) {
    if (text == to_string(c)) return c;
  }
  if (text == "eerste_asielverzoek" || text == "eerste_aanvraag") return category::first_application;
  if (text == "herhaalde_aanvraag" || text == "herhaald_asielverzoek") return category::repeat_application;
  if (text == "nareiziger" || text == "nareizigers") return category::family_reunification;
  if (text == "herplaatsing") return category::relocation;
  if (text == "hervestiging") return category::resettlement;
  throw parse_error(std::string(text),
                    "a category (first_application, repeat_application, family_reunification, relocation or "
                    "resettlement, or a Dutch alias such as eerste_asielverzoek or nareiziger)");
}

/// The label on the page: "eerste asielaanvragen" / "first asylum applications",
/// "herhaalde asielaanvragen" / "repeat asylum applications", "nareizigers" / "family
/// members following (nareizigers)", "herplaatsing" / "relocation", "hervestiging" /
/// "resettlement".
[[nodiscard]] constexpr std::string_view label(category c, language lang) noexcept {
  const bool nl = lang == language::nl;
  switch (c) {
    case category::first_application: return nl ? "eerste asielaanvragen" : "first asylum applications";
    case category::repeat_application: return nl ? "herhaalde asielaanvragen" : "repeat asylum applications";
    case category::family_reunification: return nl ? "nareizigers" : "family members following (nareizigers)";
    case category::relocation: return nl ? "herplaatsing" : "relocation";
    case category::resettlement: return nl ? "hervestiging" : "resettlement";
  }
  return "?";
}

/// Writes `to_string(c)`.
inline std::ostream& operator<<(std::ostream& out, category c) { return out << to_string(c); }

}  // namespace kerncijfers
