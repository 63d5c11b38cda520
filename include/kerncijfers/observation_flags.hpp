#pragma once
/// \file observation_flags.hpp
/// The flags a statistical source attaches to a published number: Eurostat's `p`
/// (provisional), `e` (estimated), `b` (break in the time series), `c` (confidential), `u`
/// (low reliability), `d` (definition differs), `n` (not significant), `r` (revised), `s`
/// (Eurostat estimate), `z` (not applicable), and whatever other letter a source uses.
///
/// A flag is one lower-case letter a-z; a number carries a set of them (`"ep"`: estimated
/// and provisional). The set is a value of 26 bits, so combining the flags of many rows
/// (`|`) and asking about one (`has`, `provisional`, `estimated`) cost nothing, and the
/// letters come back sorted whatever order they were given in. Only the two flags a figure
/// must state in words have a name here: provisional and estimated numbers make a
/// provisional or estimated figure; every other letter is kept and passed on unread.

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

#include "kerncijfers/errors.hpp"

namespace kerncijfers {

/// A set of flag letters (lower-case a-z), e.g. `p` provisional, `e` estimated. Regular,
/// trivially copyable, ordered (by the sorted letters, as text: "" < "b" < "bp" < "e")
/// and hashable. The empty set means an unflagged number.
class observation_flags {
 public:
  /// No flags.
  constexpr observation_flags() noexcept = default;

  /// The flags named by `letters`, each a lower-case letter a-z, in any order; a repeated
  /// letter counts once and the empty text is the empty set. Anything else (an upper-case
  /// letter, a space, a digit) throws `parse_error` naming the text:
  /// `cannot parse "P" as observation flags (lower-case letters a-z, e.g. "p" or "ep")`.
  [[nodiscard]] static constexpr observation_flags parse(std::string_view letters) {
    observation_flags flags;
    for (const char c : letters) {
      if (!is_flag_letter(c)) {
        throw parse_error(std::string(letters), "observation flags (lower-case letters a-z, e.g. \"p\" or \"ep\")");
      }
      flags.bits_ |= bit(c);
    }
    return flags;
  }

  /// The flags of bit pattern `bits` (bit 0 is `a`, bit 25 is `z`), as `bits()` gives it.
  /// Throws `invalid_input` naming the value when a bit above 25 is set.
  [[nodiscard]] static constexpr observation_flags from_bits(std::uint32_t bits) {
    if ((bits & ~all_bits) != 0) {
      throw invalid_input("observation flag bits " + std::to_string(bits) +
                          " name no set of letters a-z (only bits 0-25 may be set)");
    }
    observation_flags flags;
    flags.bits_ = bits;
    return flags;
  }

  /// The set as bits: bit 0 is `a`, ..., bit 25 is `z`.
  [[nodiscard]] constexpr std::uint32_t bits() const noexcept { return bits_; }

  /// True when `letter` is in the set (false for anything that is no flag letter).
  [[nodiscard]] constexpr bool has(char letter) const noexcept {
    return is_flag_letter(letter) && (bits_ & bit(letter)) != 0;
  }
  /// `p`: the source may still revise the number.
  [[nodiscard]] constexpr bool provisional() const noexcept { return has('p'); }
  /// `e`: the source estimated the number rather than counted it.
  [[nodiscard]] constexpr bool estimated() const noexcept { return has('e'); }

  /// True when no flag is set.
  [[nodiscard]] constexpr bool empty() const noexcept { return bits_ == 0; }
  /// The number of flags set.
  [[nodiscard]] constexpr std::size_t size() const noexcept {
    return static_cast<std::size_t>(__builtin_popcount(bits_));
  }

  /// The letters, sorted: "ep" for estimated and provisional, "" for none.
  [[nodiscard]] std::string letters() const {
    std::string text;
    for (int i = 0; i < letter_count; ++i) {
      if ((bits_ >> i) & 1U) text += static_cast<char>('a' + i);
    }
    return text;
  }

  /// Adds the flags of `other` (the flags of a sum are those of its parts together).
  constexpr observation_flags& operator|=(observation_flags other) noexcept {
    bits_ |= other.bits_;
    return *this;
  }
  /// The union of both sets.
  [[nodiscard]] friend constexpr observation_flags operator|(observation_flags a, observation_flags b) noexcept {
    return a |= b;
  }

  /// The same letters.
  [[nodiscard]] friend constexpr bool operator==(observation_flags, observation_flags) noexcept = default;

  /// Ordered as the sorted letters are as text: "" < "b" < "bp" < "e" < "ep" < "p".
  [[nodiscard]] friend constexpr std::strong_ordering operator<=>(observation_flags a, observation_flags b) noexcept {
    const std::uint32_t differ = a.bits_ ^ b.bits_;
    if (differ == 0) return std::strong_ordering::equal;
    // Below the lowest differing letter both hold the same letters. The set holding that
    // letter puts it next; the other set puts a later letter there (then it is larger) or
    // ends (then it is a prefix, and smaller).
    const int i = __builtin_ctz(differ);
    const std::uint32_t above = ~((std::uint32_t{2} << i) - 1);
    const bool a_has = ((a.bits_ >> i) & 1U) != 0;
    const observation_flags other = a_has ? b : a;
    const bool other_goes_on = (other.bits_ & above) != 0;
    if (a_has) return other_goes_on ? std::strong_ordering::less : std::strong_ordering::greater;
    return other_goes_on ? std::strong_ordering::greater : std::strong_ordering::less;
  }

  /// Writes the letters (nothing for the empty set).
  friend std::ostream& operator<<(std::ostream& out, observation_flags flags) { return out << flags.letters(); }

 private:
  static constexpr int letter_count = 26;
  static constexpr std::uint32_t all_bits = (std::uint32_t{1} << letter_count) - 1;

  [[nodiscard]] static constexpr bool is_flag_letter(char c) noexcept { return c >= 'a' && c <= 'z'; }
  [[nodiscard]] static constexpr std::uint32_t bit(char c) noexcept { return std::uint32_t{1} << (c - 'a'); }

  std::uint32_t bits_ = 0;
};

}  // namespace kerncijfers

/// Hash consistent with `==` (the bits).
template <>
struct std::hash<kerncijfers::observation_flags> {
  [[nodiscard]] std::size_t operator()(kerncijfers::observation_flags flags) const noexcept {
    return std::hash<std::uint32_t>{}(flags.bits());
  }
};
