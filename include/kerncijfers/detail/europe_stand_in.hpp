#pragma once
// STAND-IN for eurostat.hpp (helper "reader"), used by europe.hpp only until that header is on
// main: the pinned `eurostat_data` struct, with the columns europe.hpp reads, and a minimal
// `observation_flags` when observation_flags.hpp is not there either. Delete this file when
// eurostat.hpp is on main (europe.hpp then includes it instead).

#include <cstdint>
#include <string>
#include <vector>

#include "kerncijfers/count_period.hpp"

#if __has_include("kerncijfers/observation_flags.hpp")
#include "kerncijfers/observation_flags.hpp"
#else
#include <string_view>
namespace kerncijfers {
/// Stand-in: a set of flag letters a-z.
class observation_flags {
 public:
  constexpr observation_flags() noexcept = default;
  [[nodiscard]] static observation_flags parse(std::string_view letters) {
    observation_flags f;
    for (const char c : letters) {
      if (c < 'a' || c > 'z') throw parse_error(std::string(letters), "observation flags (letters a-z)");
      f.bits_ |= std::uint32_t{1} << (c - 'a');
    }
    return f;
  }
  [[nodiscard]] constexpr bool has(char c) const noexcept {
    return c >= 'a' && c <= 'z' && ((bits_ >> (c - 'a')) & 1U) != 0;
  }
  [[nodiscard]] constexpr bool empty() const noexcept { return bits_ == 0; }
  [[nodiscard]] constexpr std::uint32_t bits() const noexcept { return bits_; }
  [[nodiscard]] std::string letters() const {
    std::string out;
    for (char c = 'a'; c <= 'z'; ++c) {
      if (has(c)) out += c;
    }
    return out;
  }
  [[nodiscard]] friend constexpr observation_flags operator|(observation_flags a, observation_flags b) noexcept {
    observation_flags f;
    f.bits_ = a.bits_ | b.bits_;
    return f;
  }
  [[nodiscard]] friend constexpr bool operator==(observation_flags, observation_flags) noexcept = default;

 private:
  std::uint32_t bits_ = 0;
};
}  // namespace kerncijfers
#endif

namespace kerncijfers {

/// Stand-in: the columns of Eurostat observations (see eurostat.hpp).
struct eurostat_data {
  std::string dataset;
  std::string file;
  std::int64_t source_multiple = 5;
  std::vector<std::string> geo_codes;
  std::vector<std::string> citizen_codes;
  std::vector<std::string> asyl_app_codes;
  std::vector<count_period> periods;
  std::vector<std::uint16_t> geo;
  std::vector<std::uint16_t> citizen;
  std::vector<std::uint8_t> asyl_app;
  std::vector<std::uint16_t> period;
  std::vector<std::int64_t> value;
  std::vector<observation_flags> flags;
  std::vector<std::uint8_t> present;
  [[nodiscard]] std::size_t size() const noexcept { return value.size(); }
};

}  // namespace kerncijfers
