#pragma once
/// \file language.hpp
/// The languages kerncijfers writes labels, names and pages in.

#include <string>
#include <string_view>

#include "kerncijfers/errors.hpp"

namespace kerncijfers {

/// Language of a label, a country name or a rendered page.
enum class language { nl, en };

/// "nl" or "en".
[[nodiscard]] constexpr std::string_view to_string(language lang) noexcept {
  return lang == language::nl ? "nl" : "en";
}

/// Parses "nl" or "en" (lower case, as in `--lang nl`).
[[nodiscard]] inline language parse_language(std::string_view text) {
  if (text == "nl") return language::nl;
  if (text == "en") return language::en;
  throw parse_error(std::string(text), "a language (\"nl\" or \"en\")");
}

}  // namespace kerncijfers
