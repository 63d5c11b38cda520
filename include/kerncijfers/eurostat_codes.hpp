#pragma once
/// \file eurostat_codes.hpp
/// Eurostat's codes for citizenships and reporting countries, mapped onto `nationality`.
///
/// Eurostat writes a nationality or a reporting country (`citizen`, `geo`) as its ISO 3166-1
/// alpha-2 code, with exceptions listed in data/eurostat_codes.csv with their sources: EL
/// (Greece) and UK (United Kingdom) where ISO has GR and GB, XK (Kosovo), STLS (stateless),
/// UNK (unknown), RNC (recognised non-citizens) and UK_OCT (UK overseas countries and
/// territories). Aggregates (TOTAL, EU27_2020, EXT_EU27_2020, ...) are sums of other codes:
/// they are recognised, named, and never a nationality. NA is Namibia, not "not available".
/// Lookup is exact (upper case, as Eurostat writes): ISO's own GR and GB are not Eurostat
/// codes, and the error suggests EL and UK.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kerncijfers/detail/eurostat_codes_table.hpp"
#include "kerncijfers/errors.hpp"
#include "kerncijfers/language.hpp"
#include "kerncijfers/nationality.hpp"

namespace kerncijfers {

namespace detail {

inline constexpr std::size_t no_eurostat_row = eurostat_code_rows.size();

// The index of `code`'s row, `no_eurostat_row` when none. Indices, not pointers: GCC under
// UBSan cannot compare a pointer with null in a constant expression.
[[nodiscard]] constexpr std::size_t find_eurostat_row(std::string_view code) noexcept {
  for (std::size_t i = 0; i < eurostat_code_rows.size(); ++i) {
    if (eurostat_code_rows[i].code == code) return i;
  }
  return no_eurostat_row;
}

// The index of the Eurostat row that overrides the alpha-2 code of `alpha3` (GRC -> EL),
// `no_eurostat_row` when none.
[[nodiscard]] constexpr std::size_t eurostat_row_of(std::string_view alpha3) noexcept {
  for (std::size_t i = 0; i < eurostat_code_rows.size(); ++i) {
    if (eurostat_code_rows[i].alpha3 == alpha3) return i;
  }
  return no_eurostat_row;
}

}  // namespace detail

/// True for Eurostat's aggregate codes (TOTAL, EU27_2020, EXT_EU27_2020, EU28, ...): sums of
/// other codes, never a nationality.
[[nodiscard]] constexpr bool is_eurostat_aggregate(std::string_view code) noexcept {
  const std::size_t row = detail::find_eurostat_row(code);
  return row != detail::no_eurostat_row && detail::eurostat_code_rows[row].alpha3.empty();
}

/// The nationality of a Eurostat `citizen` or `geo` code: "SY" -> SYR, "EL" -> GRC, "UK" -> GBR,
/// "XK" -> XKX, "STLS" -> XXA, "UNK" -> XXX, "RNC" -> XRN, "UK_OCT" -> GBD, "NA" -> NAM.
/// Empty for aggregates and for codes Eurostat does not use (including ISO's GR and GB).
[[nodiscard]] constexpr std::optional<nationality> nationality_from_eurostat(std::string_view code) noexcept {
  if (const std::size_t row = detail::find_eurostat_row(code); row != detail::no_eurostat_row) {
    if (detail::eurostat_code_rows[row].alpha3.empty()) return std::nullopt;
    return nationality::from_alpha3(detail::eurostat_code_rows[row].alpha3);
  }
  if (code.size() != 2) return std::nullopt;
  for (const nationality_entry& entry : nationality::all()) {
    // Former states share alpha-2 codes (CS) and are not in Eurostat's current code lists.
    if (entry.alpha2 == code && entry.kind != nationality_kind::former) {
      if (detail::eurostat_row_of(entry.alpha3()) != detail::no_eurostat_row) return std::nullopt;  // GR, GB
      return entry.code;
    }
  }
  return std::nullopt;
}

/// As `nationality_from_eurostat`, but throws `unknown_code` naming the code (and, for ISO's
/// GR or GB, suggesting Eurostat's EL or UK); an aggregate throws `invalid_input` saying so.
[[nodiscard]] inline nationality nationality_of_eurostat(std::string_view code) {
  if (const std::optional<nationality> found = nationality_from_eurostat(code)) return *found;
  if (is_eurostat_aggregate(code)) {
    throw invalid_input("Eurostat code " + quote(code) + " is an aggregate (a sum of citizenships), not a nationality");
  }
  std::vector<std::string> suggestions;
  if (code.size() == 2) {
    for (const nationality_entry& entry : nationality::all()) {
      if (entry.alpha2 == code && entry.kind != nationality_kind::former) {
        if (const std::size_t row = detail::eurostat_row_of(entry.alpha3()); row != detail::no_eurostat_row) {
          suggestions.emplace_back(detail::eurostat_code_rows[row].code);
        }
      }
    }
  }
  throw unknown_code(std::string(code), "Eurostat citizenship code", std::move(suggestions));
}

/// Eurostat's code for a nationality: its alpha-2 code, or Eurostat's own (GRC -> "EL",
/// XXA -> "STLS", GBD -> "UK_OCT"). Empty for a former state, which Eurostat's current code
/// lists do not hold.
[[nodiscard]] constexpr std::string_view eurostat_code(nationality n) noexcept {
  if (const std::size_t row = detail::eurostat_row_of(n.alpha3()); row != detail::no_eurostat_row) {
    return detail::eurostat_code_rows[row].code;
  }
  if (n.kind() == nationality_kind::former) return {};
  return n.alpha2();
}

/// The name of a reporting country or aggregate (`geo`): "DE" -> "Duitsland" / "Germany",
/// "EU27_2020" -> "Europese Unie (27 landen vanaf 2020)". Throws `unknown_code` for a code
/// Eurostat does not use.
[[nodiscard]] inline std::string eurostat_geo_name(std::string_view geo, language lang) {
  if (const std::size_t row = detail::find_eurostat_row(geo);
      row != detail::no_eurostat_row && detail::eurostat_code_rows[row].alpha3.empty()) {
    return std::string(lang == language::nl ? detail::eurostat_code_rows[row].name_nl
                                            : detail::eurostat_code_rows[row].name_en);
  }
  return std::string(nationality_of_eurostat(geo).name(lang));
}

}  // namespace kerncijfers
