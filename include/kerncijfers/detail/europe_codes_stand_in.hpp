#pragma once
// STAND-IN for eurostat_codes.hpp (the lead's), used by europe.hpp only until that header is
// on main: the two functions europe.hpp needs, with the pinned signatures. Delete this file
// when eurostat_codes.hpp is there (europe.hpp then includes it instead).

#include <optional>
#include <string_view>

#include "kerncijfers/nationality.hpp"

namespace kerncijfers {

/// Stand-in: Eurostat's aggregate citizenship and geo codes.
[[nodiscard]] constexpr bool is_eurostat_aggregate(std::string_view code) noexcept {
  return code == "TOTAL" || code == "EU27_2020" || code == "EXT_EU27_2020" || code == "EU28" || code == "EXT_EU28" ||
         code == "EU27_2007" || code == "EXT_EU27_2007" || code == "EU25" || code == "EU15" || code == "EA19";
}

/// Stand-in: the nationality of a Eurostat code (the non-ISO ones, then ISO alpha-2).
[[nodiscard]] constexpr std::optional<nationality> nationality_from_eurostat(std::string_view code) noexcept {
  if (is_eurostat_aggregate(code)) return std::nullopt;
  if (code == "UNK") return nationality::unknown();
  if (code == "STLS") return nationality::stateless();
  if (code == "EL") return nationality::find("GRC");
  if (code == "UK") return nationality::find("GBR");
  if (code == "XK") return nationality::kosovo();
  if (code.size() != 2) return std::nullopt;
  return nationality::find(code);
}

}  // namespace kerncijfers
