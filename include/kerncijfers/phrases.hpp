#pragma once
/// \file phrases.hpp
/// Every language's phrase table (`phrases/<code>.hpp`) and the lookup by language: the
/// renderer asks for a phrase in a language (`phrase_text`) or for it filled with named
/// values (`say`) and never branches on the language itself. A new language adds its table
/// here: its `#include` and its case in `phrase_table_of` (see `phrasebook.hpp`).

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "kerncijfers/language.hpp"
#include "kerncijfers/phrasebook.hpp"
#include "kerncijfers/phrases/en.hpp"
#include "kerncijfers/phrases/nl.hpp"

namespace kerncijfers {

/// The phrase table of `lang`.
[[nodiscard]] constexpr phrase_table phrase_table_of(language lang) noexcept {
  // No default: with -Wall (-Wswitch) a `language` value without a table does not compile.
  switch (lang) {
    case language::nl: return {language::nl, phrases::nl};
    case language::en: return {language::en, phrases::en};
  }
  return {lang, {}};
}

/// The template of `id` in `lang`, e.g. "het totaal is 0" for `problem_zero_total` in Dutch.
/// Every table is complete (checked when it compiles), so this is never empty for a
/// phrase with text.
[[nodiscard]] constexpr std::string_view phrase_text(phrase_id id, language lang) noexcept {
  return phrase_table_of(lang).find(id).value_or(std::string_view{});
}

/// The phrase `id` in `lang` with its placeholders filled from `values` (see `fill`):
/// `say(phrase_id::source_note, language::en, {{"sources", "CBS"}})` is "(Source: CBS)".
[[nodiscard]] inline std::string say(phrase_id id, language lang, std::span<const phrase_value> values) {
  return fill(phrase_text(id, lang), values);
}

/// `say` with the values listed in place.
[[nodiscard]] inline std::string say(phrase_id id, language lang, std::initializer_list<phrase_value> values = {}) {
  return fill(phrase_text(id, lang), values);
}

}  // namespace kerncijfers
