#pragma once
/// \file share.hpp
/// Exact shares: a part of a whole, kept as the two integer counts.
///
/// "32% of first applicants came from Syria" is the share 1120/3500, not the double 0.32.
/// Keeping the counts means a share can be compared, rounded and published exactly, and
/// the counts stay available for footnotes. A share is not a count: adding a share to a
/// number or to another share does not compile, because neither has a meaning (shares of
/// different wholes do not add; shares of one whole add through their counts).
///
/// A share of a zero whole is undefined ("0% of nothing" is not 0%). Constructing one is
/// an error unless the caller asks for it with `share<T>::allow_undefined` or
/// `share<T>::undefined_if_zero`; such a share reports `defined() == false` and NaN as
/// its fraction and percentage.

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <numeric>
#include <ostream>
#include <string>
#include <type_traits>

#include "kerncijfers/checked.hpp"
#include "kerncijfers/errors.hpp"

namespace kerncijfers {

/// `part` out of `whole`, both counts of type `T` (any integer type but bool, at most
/// 64 bits; default `std::int64_t`), with `0 <= part <= whole` and `whole > 0`, or the
/// undefined share 0 of 0 when asked for explicitly.
///
/// Equality and ordering compare the exact rational values by cross-multiplication in
/// 128 bits (no overflow, no rounding): 1/2 == 2/4 and 1/3 < 334/1000. Because equal
/// shares can have different counts the ordering is `std::weak_ordering`; use
/// `same_counts` to compare the counts themselves. Undefined shares are equal to each
/// other and order before every defined share. The hash is consistent with `==`.
template <count_integer T = std::int64_t>
class share {
  static_assert(sizeof(T) <= 8, "share<T>: T must be an integer type of at most 64 bits");

 public:
  using value_type = T;

  /// Tag type of `allow_undefined`.
  struct allow_undefined_t {
    explicit allow_undefined_t() = default;
  };
  /// Pass as third constructor argument to accept a zero whole (an undefined share).
  static constexpr allow_undefined_t allow_undefined{};

  /// The undefined share 0 of 0: "no data yet", not 0%.
  constexpr share() noexcept = default;

  /// `part` out of `whole`. Throws `count_error` naming the values when a count is
  /// negative, when `part > whole`, or when `whole == 0`.
  constexpr share(T part, T whole) : part_(part), whole_(whole) { validate(part, whole, false); }

  /// As `share(part, whole)`, but a zero whole (with a zero part) gives the undefined share
  /// instead of throwing. Negative counts and `part > whole` still throw.
  constexpr share(T part, T whole, allow_undefined_t) : part_(part), whole_(whole) { validate(part, whole, true); }

  /// Named form of `share(part, whole, share::allow_undefined)`.
  [[nodiscard]] static constexpr share undefined_if_zero(T part, T whole) {
    return share(part, whole, allow_undefined);
  }

  /// The counts, exactly as given.
  [[nodiscard]] constexpr T part() const noexcept { return part_; }
  [[nodiscard]] constexpr T whole() const noexcept { return whole_; }

  /// False only for the undefined share (whole 0).
  [[nodiscard]] constexpr bool defined() const noexcept { return whole_ != 0; }

  /// part / whole as a double in [0, 1], for plotting and display; NaN when undefined.
  /// Published figures should be rounded from the counts (see rounding.hpp), not from this.
  [[nodiscard]] constexpr double fraction() const noexcept {
    if (!defined()) return std::numeric_limits<double>::quiet_NaN();
    return static_cast<double>(part_) / static_cast<double>(whole_);
  }

  /// 100 * part / whole as a double in [0, 100]; NaN when undefined. Computed as
  /// (100 * part) / whole with one rounding, so 596/1000 gives the double nearest 59.6.
  [[nodiscard]] constexpr double percent_double() const noexcept {
    if (!defined()) return std::numeric_limits<double>::quiet_NaN();
    return static_cast<double>(part_) * 100.0 / static_cast<double>(whole_);
  }

  /// True when both counts are the same (1/2 and 2/4 are equal shares, not the same counts).
  [[nodiscard]] constexpr bool same_counts(const share& other) const noexcept {
    return part_ == other.part_ && whole_ == other.whole_;
  }

  /// Exact value equality: part_a * whole_b == part_b * whole_a.
  [[nodiscard]] friend constexpr bool operator==(const share& a, const share& b) noexcept { return (a <=> b) == 0; }

  /// Exact value ordering; undefined shares first.
  [[nodiscard]] friend constexpr std::weak_ordering operator<=>(const share& a, const share& b) noexcept {
    if (!a.defined() || !b.defined()) return a.defined() <=> b.defined();
    // Both counts are non-negative here, so unsigned 128 bits hold every product exactly.
    const auto lhs = static_cast<detail::kc_uint128>(a.part_) * static_cast<detail::kc_uint128>(b.whole_);
    const auto rhs = static_cast<detail::kc_uint128>(b.part_) * static_cast<detail::kc_uint128>(a.whole_);
    return lhs <=> rhs;
  }

  /// "596/1000"; the undefined share prints as "0/0".
  friend std::ostream& operator<<(std::ostream& out, const share& s) {
    return out << detail::integer_text(s.part_) << '/' << detail::integer_text(s.whole_);
  }

 private:
  static constexpr void validate(T part, T whole, bool undefined_ok) {
    if constexpr (std::is_signed_v<T>) {
      if (part < 0 || whole < 0) {
        throw count_error("share " + detail::integer_text(part) + "/" + detail::integer_text(whole) +
                          ": negative count " + detail::integer_text(part < 0 ? part : whole));
      }
    }
    if (part > whole) {
      throw count_error("share " + detail::integer_text(part) + "/" + detail::integer_text(whole) + ": part " +
                        detail::integer_text(part) + " is larger than its whole " + detail::integer_text(whole));
    }
    if (whole == 0 && !undefined_ok) {
      throw count_error("share " + detail::integer_text(part) + "/" + detail::integer_text(whole) +
                        ": the whole is 0, so the share is undefined (use share::undefined_if_zero to allow it)");
    }
  }

  T part_{};
  T whole_{};
};

}  // namespace kerncijfers

/// Hash consistent with `==`: equal shares (1/2, 2/4) reduce to the same lowest terms.
template <class T>
struct std::hash<kerncijfers::share<T>> {
  [[nodiscard]] std::size_t operator()(const kerncijfers::share<T>& s) const noexcept {
    if (!s.defined()) return 0x9e3779b97f4a7c15ULL;
    const T g = std::gcd(s.part(), s.whole());
    const std::size_t h1 = std::hash<T>{}(static_cast<T>(s.part() / g));
    const std::size_t h2 = std::hash<T>{}(static_cast<T>(s.whole() / g));
    return h1 ^ (h2 + 0x9e3779b97f4a7c15ULL + (h1 << 6) + (h1 >> 2));
  }
};
