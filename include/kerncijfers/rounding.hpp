#pragma once
/// \file rounding.hpp
/// Rounding of shares and counts for publication: exact, with the rule spelled out.
///
/// All rounding here is exact integer arithmetic on the rational value, never binary
/// floating point. In doubles, `round(2.675, 2)` gives 2.67, because the double nearest
/// 2.675 is 2.67499999999999982236431605997495353221893310546875; here the ratio
/// 2675/1000 is exactly 2.675 and rounds half-up to 2.68 (`round_ratio(2675, 1000, 2,
/// rounding_mode::half_up) == 268`). Intermediate products use 128-bit integers, so no
/// step overflows; a result that does not fit in `std::int64_t` throws `overflow_error`.
///
/// What is here:
///   - `rounding_mode` (half-up, half-even, floor, ceiling) with names for text and parsing;
///   - `round_ratio`, `percent` (and its units, `percent_units`), `round_to_multiple`: one value at a time;
///   - `rounded_decimal`: a rounded value (integer units of 10^-decimals) that formats
///     itself in Dutch ("7.690", "59,6") or English ("7,690", "59.6");
///   - `largest_remainder`: a set of shares rounded so they sum to exactly 100 (or any target);
///   - `independent_percentages`: each share rounded on its own, as the ministry's page
///     does, so the set may sum to 99 or 101;
///   - `check_published_shares`: whether published whole-number shares sum to 100, and if
///     not, whether independent rounding explains it.
///
/// Results are in *units of 10^-decimals*: at 1 decimal, 59.6% is the integer 596.

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kerncijfers/checked.hpp"
#include "kerncijfers/errors.hpp"
#include "kerncijfers/language.hpp"
#include "kerncijfers/share.hpp"

namespace kerncijfers {

/// How a value between two integers (of the chosen unit) becomes one of them.
///
/// For non-negative values, which is every share and count:
///   - `half_up`: to the nearest, a tie (x.5) up: 59.5 -> 60, 12.5 -> 13. What the
///     ministry's page and most people mean by "rounding".
///   - `half_even`: to the nearest, a tie to the even neighbour: 12.5 -> 12, 13.5 -> 14
///     (banker's rounding; no upward bias over many ties).
///   - `floor`: down; `ceiling`: up.
///
/// Negative values (differences, changes) follow the usual definitions: `half_up` rounds a
/// tie away from zero (-2.5 -> -3, so rounding is symmetric around zero, as in Excel's ROUND
/// and commercial rounding); `half_even` rounds a tie to even (-2.5 -> -2); `floor` goes
/// toward minus infinity (-2.1 -> -3) and `ceiling` toward plus infinity (-2.9 -> -2).
enum class rounding_mode { half_up, half_even, floor, ceiling };

/// "half-up", "half-even", "floor" or "ceiling".
[[nodiscard]] constexpr std::string_view to_string(rounding_mode mode) noexcept {
  switch (mode) {
    case rounding_mode::half_up: return "half-up";
    case rounding_mode::half_even: return "half-even";
    case rounding_mode::floor: return "floor";
    case rounding_mode::ceiling: return "ceiling";
  }
  return "unknown";
}

/// Parses exactly the names `to_string` writes ("half-up", "half-even", "floor",
/// "ceiling"); anything else throws `parse_error` naming the text.
[[nodiscard]] inline rounding_mode parse_rounding_mode(std::string_view text) {
  if (text == "half-up") return rounding_mode::half_up;
  if (text == "half-even") return rounding_mode::half_even;
  if (text == "floor") return rounding_mode::floor;
  if (text == "ceiling") return rounding_mode::ceiling;
  throw parse_error(std::string(text), "a rounding mode (\"half-up\", \"half-even\", \"floor\" or \"ceiling\")");
}

/// Writes the name, as `to_string`.
inline std::ostream& operator<<(std::ostream& out, rounding_mode mode) { return out << to_string(mode); }

/// Largest number of decimals accepted (10^18 is the largest power of ten in `std::int64_t`).
inline constexpr int max_decimals = 18;

namespace detail {

[[nodiscard]] constexpr std::int64_t decimal_scale(int decimals) noexcept {
  std::int64_t p = 1;
  for (int i = 0; i < decimals; ++i) p *= 10;
  return p;
}

constexpr void check_decimal_places(int decimals, int max) {
  if (decimals < 0 || decimals > max) {
    throw invalid_input("decimals " + std::to_string(decimals) + " is outside 0-" + std::to_string(max));
  }
}

[[nodiscard]] constexpr bool fits_in_int64(kc_int128 v) noexcept {
  return v >= std::numeric_limits<std::int64_t>::min() && v <= std::numeric_limits<std::int64_t>::max();
}

// n / d rounded to an integer by `mode`; d > 0. Exact: the quotient is taken by floor
// division and the remainder alone decides the rounding (compared with d - r rather than
// doubled, so nothing overflows).
template <class I>
[[nodiscard]] constexpr I round_quotient_as(I n, I d, rounding_mode mode) noexcept {
  I q = n / d;
  I r = n % d;
  if (r < 0) {
    q -= 1;
    r += d;
  }
  if (r == 0) return q;
  switch (mode) {
    case rounding_mode::floor: return q;
    case rounding_mode::ceiling: return q + 1;
    case rounding_mode::half_up:
    case rounding_mode::half_even: {
      const I rest = d - r;
      if (r < rest) return q;
      if (r > rest) return q + 1;
      // A tie: the value is q + 1/2.
      if (mode == rounding_mode::half_up) return q >= 0 ? q + 1 : q;
      return (q & 1) == 0 ? q : q + 1;
    }
  }
  return q;
}

// As round_quotient_as, in 64 bits when the operands allow (128-bit division is a
// library call several times slower).
[[nodiscard]] constexpr kc_int128 round_quotient(kc_int128 n, kc_int128 d, rounding_mode mode) noexcept {
  if (fits_in_int64(n) && fits_in_int64(d)) {
    return round_quotient_as<std::int64_t>(static_cast<std::int64_t>(n), static_cast<std::int64_t>(d), mode);
  }
  return round_quotient_as<kc_int128>(n, d, mode);
}

}  // namespace detail

/// `num / den` rounded by `mode` to `decimals` decimals (0-18), returned in units of
/// 10^-decimals: `round_ratio(596, 10, 0, half_up) == 60`, `round_ratio(2675, 1000, 2,
/// half_up) == 268` (2.68). Either sign is allowed (see `rounding_mode` for negatives).
/// Throws `count_error` when `den == 0`, `invalid_input` for decimals outside 0-18, and
/// `overflow_error` when the result does not fit in `std::int64_t`.
[[nodiscard]] constexpr std::int64_t round_ratio(std::int64_t num, std::int64_t den, int decimals = 0,
                                                 rounding_mode mode = rounding_mode::half_up) {
  detail::check_decimal_places(decimals, max_decimals);
  if (den == 0) {
    throw count_error("ratio " + std::to_string(num) + "/0: the denominator is 0");
  }
  detail::kc_int128 n = static_cast<detail::kc_int128>(num) * detail::decimal_scale(decimals);
  detail::kc_int128 d = den;
  if (d < 0) {
    n = -n;
    d = -d;
  }
  const detail::kc_int128 v = detail::round_quotient(n, d, mode);
  if (!detail::fits_in_int64(v)) {
    throw overflow_error("ratio " + std::to_string(num) + "/" + std::to_string(den) + " at " +
                         std::to_string(decimals) + " decimals does not fit in int64");
  }
  return static_cast<std::int64_t>(v);
}

/// Largest number of decimals `percent` and `percent_units` accept: 100 * 10^16 is the largest such scale in
/// `std::int64_t`.
inline constexpr int max_percent_decimals = 16;

/// The share as a percentage rounded by `mode` to `decimals` decimals (0-16), counted in
/// units of 10^-decimals: 596/1000 gives 60 at 0 decimals and 596 (59.6%) at 1. Exact for
/// every share. `percent` gives the same as a `rounded_decimal`. Throws `count_error` for an
/// undefined share and `invalid_input` for decimals outside 0-16.
template <class T>
[[nodiscard]] constexpr std::int64_t percent_units(const share<T>& s, int decimals = 0,
                                                   rounding_mode mode = rounding_mode::half_up) {
  detail::check_decimal_places(decimals, max_percent_decimals);
  if (!s.defined()) {
    throw count_error("cannot round the percentage of the undefined share " + detail::integer_text(s.part()) + "/" +
                      detail::integer_text(s.whole()));
  }
  const detail::kc_int128 n = static_cast<detail::kc_int128>(s.part()) * (100 * detail::decimal_scale(decimals));
  // 0 <= part <= whole, so the result lies in [0, 100 * 10^decimals] and fits.
  return static_cast<std::int64_t>(detail::round_quotient(n, static_cast<detail::kc_int128>(s.whole()), mode));
}

/// `value` rounded by `mode` to a multiple of `multiple` (> 0): to tens, 7685 gives 7690
/// half-up and 7680 half-even; 7675 gives 7680 under both. Throws `invalid_input` naming
/// the multiple when it is zero or negative, `overflow_error` when the result does not fit.
[[nodiscard]] constexpr std::int64_t round_to_multiple(std::int64_t value, std::int64_t multiple,
                                                       rounding_mode mode = rounding_mode::half_up) {
  if (multiple <= 0) {
    throw invalid_input("cannot round " + std::to_string(value) + " to a multiple of " + std::to_string(multiple) +
                        ": the multiple must be positive");
  }
  const detail::kc_int128 v = detail::round_quotient(value, multiple, mode) * multiple;
  if (!detail::fits_in_int64(v)) {
    throw overflow_error("rounding " + std::to_string(value) + " to a multiple of " + std::to_string(multiple) +
                         " does not fit in int64");
  }
  return static_cast<std::int64_t>(v);
}

/// A rounded decimal number: `units()` counts units of 10^-`decimals()`, so (596, 1) is
/// 59.6 and (7690, 0) is 7690. It is what `percent` gives, and what `round_to_multiple` and
/// `percent_units` produce made
/// ready to print: `format` writes it with any decimal and thousands separator, always
/// with exactly `decimals()` digits after the separator ("60,0" keeps its zero).
///
/// Equality compares the representation: 60 (0 decimals) and 60.0 (1 decimal) print
/// differently and are not equal. Ordering is by exact value, then by number of decimals,
/// so it is a strong ordering consistent with `==`.
class rounded_decimal {
 public:
  /// Zero with no decimals.
  constexpr rounded_decimal() noexcept = default;

  /// `units` units of 10^-`decimals`; throws `invalid_input` for decimals outside 0-18.
  constexpr rounded_decimal(std::int64_t units, int decimals) : units_(units), decimals_(decimals) {
    detail::check_decimal_places(decimals, max_decimals);
  }

  /// `num / den` rounded to `decimals` decimals: `rounded_decimal(round_ratio(...), decimals)`.
  [[nodiscard]] static constexpr rounded_decimal from_ratio(std::int64_t num, std::int64_t den, int decimals,
                                                            rounding_mode mode = rounding_mode::half_up) {
    return rounded_decimal(round_ratio(num, den, decimals, mode), decimals);
  }

  [[nodiscard]] constexpr std::int64_t units() const noexcept { return units_; }
  [[nodiscard]] constexpr int decimals() const noexcept { return decimals_; }

  /// The value as a double (nearest double to units / 10^decimals for |units| < 2^53), for plotting.
  [[nodiscard]] constexpr double to_double() const noexcept {
    return static_cast<double>(units_) / static_cast<double>(detail::decimal_scale(decimals_));
  }

  /// The number as text: "-" for negatives, the integer digits grouped in threes with
  /// `thousands_separator` (no grouping when empty), then `decimal_separator` and exactly
  /// `decimals()` digits. `format(",", ".")` gives "7.690" and "59,6"; `format(".", ",")`
  /// gives "7,690" and "59.6"; `format()` gives "7690" and "59.6".
  [[nodiscard]] std::string format(std::string_view decimal_separator = ".",
                                   std::string_view thousands_separator = {}) const {
    const bool negative = units_ < 0;
    // Magnitude in unsigned arithmetic, so that INT64_MIN has one too.
    const unsigned long long magnitude =
        negative ? 0ULL - static_cast<unsigned long long>(units_) : static_cast<unsigned long long>(units_);
    std::string digits = std::to_string(magnitude);
    const auto dec = static_cast<std::size_t>(decimals_);
    if (digits.size() <= dec) digits.insert(0, dec + 1 - digits.size(), '0');
    const std::size_t integer_digits = digits.size() - dec;

    std::string text;
    if (negative) text += '-';
    for (std::size_t i = 0; i < integer_digits; ++i) {
      if (i > 0 && (integer_digits - i) % 3 == 0) text += thousands_separator;
      text += digits[i];
    }
    if (dec > 0) {
      text += decimal_separator;
      text.append(digits, integer_digits, dec);
    }
    return text;
  }

  /// The number as written in `lang`: Dutch "7.690" and "59,6", English "7,690" and "59.6";
  /// without thousands separators when `group_thousands` is false.
  [[nodiscard]] std::string format(language lang, bool group_thousands = true) const {
    const bool dutch = lang == language::nl;
    return format(dutch ? "," : ".", group_thousands ? (dutch ? "." : ",") : "");
  }

  [[nodiscard]] friend constexpr bool operator==(const rounded_decimal&, const rounded_decimal&) noexcept = default;

  [[nodiscard]] friend constexpr std::strong_ordering operator<=>(const rounded_decimal& a,
                                                                  const rounded_decimal& b) noexcept {
    const int d = a.decimals_ > b.decimals_ ? a.decimals_ : b.decimals_;
    // At most 2^63 * 10^18 < 2^127: exact in 128 bits.
    const detail::kc_int128 va = static_cast<detail::kc_int128>(a.units_) * detail::decimal_scale(d - a.decimals_);
    const detail::kc_int128 vb = static_cast<detail::kc_int128>(b.units_) * detail::decimal_scale(d - b.decimals_);
    if (va != vb) return va < vb ? std::strong_ordering::less : std::strong_ordering::greater;
    return a.decimals_ <=> b.decimals_;
  }

  /// Writes `format()`: "59.6".
  friend std::ostream& operator<<(std::ostream& out, const rounded_decimal& r) { return out << r.format(); }

 private:
  std::int64_t units_ = 0;
  int decimals_ = 0;
};

/// The share as a percentage rounded by `mode` to `decimals` decimals (0-16), ready to
/// format: 596/1000 gives 60 at 0 decimals and 59.6 at 1. "Percent" in kerncijfers always
/// means this, a rounded percentage (`rounded_decimal`); `percent_units` gives its units,
/// `share::percent_double` the unrounded double. Throws `count_error` for an undefined share
/// and `invalid_input` for decimals outside 0-16.
template <class T>
[[nodiscard]] constexpr rounded_decimal percent(const share<T>& s, int decimals = 0,
                                                rounding_mode mode = rounding_mode::half_up) {
  return rounded_decimal(percent_units(s, decimals, mode), decimals);
}

namespace detail {

// Checks that every count is non-negative and that they do not all vanish; returns the total.
// The callers answer an empty list before they get here (an empty result).
[[nodiscard]] inline std::int64_t checked_count_total(std::span<const std::int64_t> counts) {
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (counts[i] < 0) {
      throw count_error("count at position " + std::to_string(i) + " is negative: " + std::to_string(counts[i]));
    }
  }
  const std::int64_t total = checked_sum(counts);
  if (total == 0) {
    throw count_error("all " + std::to_string(counts.size()) + " counts are 0: there is no whole to share out");
  }
  return total;
}

inline void check_parts_size(std::size_t counts, std::size_t out) {
  if (counts != out) {
    throw invalid_input("output holds " + std::to_string(out) + " values for " + std::to_string(counts) + " counts");
  }
}

inline void check_parts_do_not_overlap(std::span<const std::int64_t> counts, std::span<std::int64_t> out) {
  const std::less<const std::int64_t*> before;
  if (!counts.empty() && !out.empty() && before(out.data(), counts.data() + counts.size()) &&
      before(counts.data(), out.data() + out.size())) {
    throw invalid_input("the output overlaps the counts: write the rounded parts to separate memory");
  }
}

// floor(c * unit_total / total) and the remainder of that division; c, unit_total >= 0, total > 0.
inline void floor_part(std::int64_t c, std::int64_t unit_total, std::int64_t total, std::int64_t& part,
                       std::int64_t& remainder) noexcept {
  unsigned long long product = 0;
  if (!__builtin_mul_overflow(static_cast<unsigned long long>(c), static_cast<unsigned long long>(unit_total),
                              &product)) {
    // The common case (counts times 100 or 1000): plain 64-bit division.
    const auto t = static_cast<unsigned long long>(total);
    part = static_cast<std::int64_t>(product / t);
    remainder = static_cast<std::int64_t>(product % t);
  } else {
    const kc_int128 p = static_cast<kc_int128>(c) * unit_total;
    part = static_cast<std::int64_t>(p / total);
    remainder = static_cast<std::int64_t>(p % total);
  }
}

// Largest-remainder apportionment of `unit_total` over `counts` (validated, summing to
// `total` > 0) into `out`. Windows of up to `Buffer` values select the rounded-up parts
// by insertion into a stack buffer; longer inputs use a threshold search that
// needs no memory at all. Neither path allocates. `Buffer` is a template parameter so the
// tests can force the long path on short inputs.
template <std::size_t Buffer>
void apportion_largest_remainder(std::span<const std::int64_t> counts, std::span<std::int64_t> out,
                                 std::int64_t unit_total, std::int64_t total) {
  const std::size_t n = counts.size();
  const bool buffered = n <= Buffer;
  std::array<std::int64_t, Buffer> remainders;  // only the first n are written and read
  std::int64_t floors = 0;
  for (std::size_t i = 0; i < n; ++i) {
    std::int64_t r = 0;
    floor_part(counts[i], unit_total, total, out[i], r);
    floors += out[i];
    if (buffered) remainders[i] = r;
  }
  // extra = (sum of remainders) / total, and every remainder is below total, so more parts
  // have a positive remainder than there are extra units: only parts whose exact value is
  // not whole are ever rounded up.
  std::int64_t extra = unit_total - floors;
  if (extra == 0) return;

  if (buffered) {
    // Keep the `extra` best positions, best first, by insertion: for the short windows this
    // path is for, cheaper than any general selection algorithm.
    const auto first_is_better = [&](std::size_t a, std::size_t b) {
      if (remainders[a] != remainders[b]) return remainders[a] > remainders[b];
      if (counts[a] != counts[b]) return counts[a] > counts[b];
      return a < b;
    };
    const auto wanted = static_cast<std::size_t>(extra);
    std::array<std::size_t, Buffer> best;  // only the first `held` are used
    std::size_t held = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (remainders[i] == 0) continue;
      if (held == wanted && !first_is_better(i, best[wanted - 1])) continue;
      std::size_t j = held < wanted ? held++ : wanted - 1;
      // Positions arrive in increasing order, so on a full tie `i` stays behind.
      for (; j > 0 && first_is_better(i, best[j - 1]); --j) best[j] = best[j - 1];
      best[j] = i;
    }
    for (std::size_t j = 0; j < wanted; ++j) ++out[best[j]];
    return;
  }

  // Threshold search: find the remainder r* and count c* of the last part to round up,
  // each by bisection over the value range, recomputing remainders from the floors in `out`.
  const auto remainder_of = [&](std::size_t i) {
    return static_cast<std::int64_t>(static_cast<kc_int128>(counts[i]) * unit_total -
                                     static_cast<kc_int128>(out[i]) * total);
  };
  const auto how_many = [&](auto&& selected) {
    std::int64_t m = 0;
    for (std::size_t i = 0; i < n; ++i)
      if (selected(i)) ++m;
    return m;
  };
  // Largest r* in [1, total - 1] with at least `extra` remainders >= r*.
  std::int64_t lo = 1;
  std::int64_t hi = total - 1;
  while (lo < hi) {
    const std::int64_t mid = lo + (hi - lo + 1) / 2;
    if (how_many([&](std::size_t i) { return remainder_of(i) >= mid; }) >= extra)
      lo = mid;
    else
      hi = mid - 1;
  }
  const std::int64_t r_star = lo;
  const std::int64_t need = extra - how_many([&](std::size_t i) { return remainder_of(i) > r_star; });
  // Among remainders equal to r*: largest c* with at least `need` counts >= c*.
  std::int64_t clo = 0;
  std::int64_t chi = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (remainder_of(i) == r_star && counts[i] > chi) chi = counts[i];
  while (clo < chi) {
    const std::int64_t mid = clo + (chi - clo + 1) / 2;
    if (how_many([&](std::size_t i) { return remainder_of(i) == r_star && counts[i] >= mid; }) >= need)
      clo = mid;
    else
      chi = mid - 1;
  }
  const std::int64_t c_star = clo;
  std::int64_t by_position =
      need - how_many([&](std::size_t i) { return remainder_of(i) == r_star && counts[i] > c_star; });
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t r = remainder_of(i);
    if (r > r_star || (r == r_star && counts[i] > c_star)) {
      ++out[i];
    } else if (r == r_star && counts[i] == c_star && by_position > 0) {
      ++out[i];
      --by_position;
    }
  }
}

// target * 10^decimals, validated.
[[nodiscard]] inline std::int64_t scaled_target(std::int64_t target, int decimals) {
  check_decimal_places(decimals, max_decimals);
  if (target < 0) throw invalid_input("target " + std::to_string(target) + " is negative");
  return checked_mul(target, decimal_scale(decimals));
}

}  // namespace detail

/// Largest-remainder (Hamilton) rounding: shares out `target` (default 100) over `counts`
/// in proportion, at `decimals` decimals, so that the parts (in units of 10^-decimals) sum
/// to exactly `target * 10^decimals`. Writes the parts to `out` (same size as `counts`, not
/// overlapping it) without allocating.
///
/// Each part is the floor or the ceiling of its exact value `count * target / total`:
/// every part first gets its floor, and the parts left over go one each to the counts
/// with the largest remainders. Ties are broken deterministically and independently of
/// input order: larger remainder first, then larger count, then earlier position. (Equal
/// counts have equal remainders, so the position only decides which of several identical
/// counts gets the extra unit; the multiset of (count, part) pairs never depends on order.)
///
/// Example: 596/116/56/232 (total 1000) is 59.6/11.6/5.6/23.2%; floors 59/11/5/23 leave 2;
/// three remainders tie at .6, the two largest counts win: 60/12/5/23.
///
/// No counts give no parts: an empty input is an empty result (there is nothing to share,
/// and nothing to be wrong about).
///
/// Throws `count_error` naming the position and value of a negative count, and when the
/// counts are all zero; `invalid_input` for a negative target, decimals outside 0-18 or a
/// wrong output size; `overflow_error` when the counts or `target * 10^decimals` do not fit
/// in `std::int64_t`.
inline void largest_remainder(std::span<const std::int64_t> counts, std::span<std::int64_t> out,
                              std::int64_t target = 100, int decimals = 0) {
  detail::check_parts_size(counts.size(), out.size());
  detail::check_parts_do_not_overlap(counts, out);
  const std::int64_t unit_total = detail::scaled_target(target, decimals);
  if (counts.empty()) return;
  const std::int64_t total = detail::checked_count_total(counts);
  detail::apportion_largest_remainder<64>(counts, out, unit_total, total);
}

/// `largest_remainder` into a new vector: `largest_remainder(counts)` gives percentages
/// summing to 100, `largest_remainder(counts, 100, 1)` tenths of a percent summing to 1000.
[[nodiscard]] inline std::vector<std::int64_t> largest_remainder(std::span<const std::int64_t> counts,
                                                                 std::int64_t target = 100, int decimals = 0) {
  std::vector<std::int64_t> parts(counts.size());
  largest_remainder(counts, std::span<std::int64_t>(parts), target, decimals);
  return parts;
}

/// Each count's percentage of the total, rounded on its own by `mode` at `decimals`
/// decimals (0-16), in units of 10^-decimals, written to `out` (same size as `counts`).
/// This is what a page that rounds every figure separately publishes: 596/116/56/232 give
/// 60/12/6/23, which sums to 101. Use `largest_remainder` for parts that sum to 100.
/// An empty input is an empty result; throws as `largest_remainder`.
inline void independent_percentages(std::span<const std::int64_t> counts, std::span<std::int64_t> out, int decimals = 0,
                                    rounding_mode mode = rounding_mode::half_up) {
  detail::check_parts_size(counts.size(), out.size());
  detail::check_parts_do_not_overlap(counts, out);
  detail::check_decimal_places(decimals, max_percent_decimals);
  if (counts.empty()) return;
  const std::int64_t total = detail::checked_count_total(counts);
  const std::int64_t scale = 100 * detail::decimal_scale(decimals);
  for (std::size_t i = 0; i < counts.size(); ++i) {
    out[i] = static_cast<std::int64_t>(
        detail::round_quotient(static_cast<detail::kc_int128>(counts[i]) * scale, total, mode));
  }
}

/// `independent_percentages` into a new vector.
[[nodiscard]] inline std::vector<std::int64_t> independent_percentages(std::span<const std::int64_t> counts,
                                                                       int decimals = 0,
                                                                       rounding_mode mode = rounding_mode::half_up) {
  std::vector<std::int64_t> parts(counts.size());
  independent_percentages(counts, std::span<std::int64_t>(parts), decimals, mode);
  return parts;
}

/// What `check_published_shares` found.
struct published_shares_check {
  /// Sum of the published shares.
  std::int64_t sum = 0;
  /// What they should sum to.
  std::int64_t target = 100;
  /// `sum == target`.
  bool sums_to_target = false;
  /// Whether exact shares summing to `target` exist that round half-up, one by one, to the
  /// published ones (always true when `sums_to_target`).
  bool consistent_with_rounding = false;
  /// One English sentence: "shares sum to 101, not 100: consistent with independent rounding".
  std::string message;

  [[nodiscard]] friend bool operator==(const published_shares_check&, const published_shares_check&) = default;
};

namespace detail {

// A number of halves as text: 217 -> "108.5", 216 -> "108".
[[nodiscard]] inline std::string halves_as_text(kc_int128 halves) {
  const bool negative = halves < 0;
  const kc_int128 magnitude = negative ? -halves : halves;
  std::string text = negative ? "-" : "";
  text += std::to_string(static_cast<unsigned long long>(magnitude / 2));
  if (magnitude % 2 != 0) text += ".5";
  return text;
}

}  // namespace detail

/// Checks a set of published shares, each rounded to a whole unit (whole percentages for
/// `target` 100; tenths for `target` 1000 with shares in tenths; any unit works).
///
/// A published share s, rounded half-up from an exact non-negative share x, means
/// s - 1/2 <= x < s + 1/2 (and 0 <= x < 1/2 for s = 0). The set is consistent with
/// independent rounding when exact shares in those intervals can sum to `target`, i.e. when
/// sum(max(s - 1/2, 0)) <= target < sum(s + 1/2): the lower ends are attainable, the upper
/// ones are not. The page's 60 + 12 + 6 + 23 = 101 is consistent (59.6 + 11.6 + 5.6 + 23.2
/// = 100); 49 + 50 = 99 is not (both would need to be exactly x.5 below, which rounds up).
///
/// An empty set of shares is a result, not an error: it sums to 0, which is not `target`
/// (unless that is 0) and which no rounding explains; the message says the list is empty.
///
/// Throws `count_error` for a negative share (naming position and value), `invalid_input`
/// for a negative target, `overflow_error` when the shares' sum does not fit.
[[nodiscard]] inline published_shares_check check_published_shares(std::span<const std::int64_t> shares,
                                                                   std::int64_t target = 100) {
  if (target < 0) throw invalid_input("target " + std::to_string(target) + " is negative");
  for (std::size_t i = 0; i < shares.size(); ++i) {
    if (shares[i] < 0) {
      throw count_error("published share at position " + std::to_string(i) +
                        " is negative: " + std::to_string(shares[i]));
    }
  }
  published_shares_check result;
  result.sum = checked_sum(shares);
  result.target = target;
  result.sums_to_target = result.sum == target;

  // Bounds in halves, so everything stays integral.
  detail::kc_int128 low = 0;
  for (const std::int64_t s : shares) low += s > 0 ? 2 * static_cast<detail::kc_int128>(s) - 1 : 0;
  const detail::kc_int128 high =
      2 * static_cast<detail::kc_int128>(result.sum) + static_cast<detail::kc_int128>(shares.size());
  const detail::kc_int128 wanted = 2 * static_cast<detail::kc_int128>(target);
  result.consistent_with_rounding = result.sums_to_target || (low <= wanted && wanted < high);
  if (shares.empty()) {
    result.message = "no shares (the list is empty) sum to 0";
    if (!result.sums_to_target) result.message += ", not " + std::to_string(target);
    return result;
  }

  result.message = "shares sum to " + std::to_string(result.sum);
  if (!result.sums_to_target) {
    result.message += ", not " + std::to_string(target);
    if (result.consistent_with_rounding) {
      result.message += ": consistent with independent rounding";
    } else {
      result.message +=
          ": not consistent with independent rounding (exact shares that round half-up to these sum to at least " +
          detail::halves_as_text(low) + " and less than " + detail::halves_as_text(high) + ")";
    }
  }
  return result;
}

}  // namespace kerncijfers

/// Hash consistent with `==` (units and decimals).
template <>
struct std::hash<kerncijfers::rounded_decimal> {
  [[nodiscard]] std::size_t operator()(const kerncijfers::rounded_decimal& r) const noexcept {
    const std::size_t h = std::hash<std::int64_t>{}(r.units());
    return h ^ (static_cast<std::size_t>(r.decimals()) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
  }
};
