#pragma once
/// \file checked.hpp
/// Checked integer arithmetic for counts: add, subtract, multiply and sum that throw
/// `overflow_error` (naming the values) instead of wrapping around.
///
/// Counts in migration statistics are small, but panels are summed over many countries,
/// nationalities and years, and a figure that silently wrapped would be published as a
/// plausible-looking wrong number. Every operation here either gives the exact result or
/// throws. Built on the GCC/Clang `__builtin_*_overflow` intrinsics, which are exact for
/// every integer type and usable in constant expressions.

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <type_traits>

#include "kerncijfers/errors.hpp"

namespace kerncijfers {

/// Integer types that count things: every standard integer type except `bool` (a count
/// of true/false is a mistake, not a count). The constraint on every template that takes
/// counts: `checked_add`, `share<T>`, `long_counts<Key, Count>`, integer series, ...
template <class T>
concept count_integer = std::integral<T> && !std::same_as<std::remove_cv_t<T>, bool>;

namespace detail {

// 128-bit integers for exact intermediate products of two 64-bit values.
// `__extension__` keeps -Wpedantic quiet: GCC and Clang both provide the type.
__extension__ typedef __int128 kc_int128;
__extension__ typedef unsigned __int128 kc_uint128;

// Decimal text of any integer, for messages.
template <count_integer T>
[[nodiscard]] inline std::string integer_text(T value) {
  if constexpr (std::is_signed_v<T>)
    return std::to_string(static_cast<long long>(value));
  else
    return std::to_string(static_cast<unsigned long long>(value));
}

// "int64", "uint32", ...: the type a value did not fit in, for messages.
template <count_integer T>
[[nodiscard]] inline std::string integer_type_name() {
  return std::string(std::is_signed_v<T> ? "int" : "uint") + std::to_string(sizeof(T) * 8);
}

template <count_integer T>
[[noreturn]] inline void throw_overflow(T a, const char* op, T b) {
  throw overflow_error("integer overflow: " + integer_text(a) + " " + op + " " + integer_text(b) + " does not fit in " +
                       integer_type_name<T>());
}

}  // namespace detail

/// `a + b`, or `overflow_error` naming both values when the sum does not fit in `T`.
template <count_integer T>
[[nodiscard]] constexpr T checked_add(T a, T b) {
  T result{};
  if (__builtin_add_overflow(a, b, &result)) detail::throw_overflow(a, "+", b);
  return result;
}

/// `a - b`, or `overflow_error` naming both values when the difference does not fit in `T`
/// (for unsigned `T` that includes every `b > a`).
template <count_integer T>
[[nodiscard]] constexpr T checked_sub(T a, T b) {
  T result{};
  if (__builtin_sub_overflow(a, b, &result)) detail::throw_overflow(a, "-", b);
  return result;
}

/// `a * b`, or `overflow_error` naming both values when the product does not fit in `T`.
template <count_integer T>
[[nodiscard]] constexpr T checked_mul(T a, T b) {
  T result{};
  if (__builtin_mul_overflow(a, b, &result)) detail::throw_overflow(a, "*", b);
  return result;
}

/// The exact sum of `values` (0 for none). When a partial sum leaves `T`, throws
/// `overflow_error` naming the running total, the value and its position (0-based).
///
/// The sum is taken left to right, so a sum whose final value fits but whose running total
/// does not (a huge positive count followed by a negative one) also throws: counts are
/// non-negative, and a negative value in a sum of counts is a bug to surface, not hide.
template <count_integer T>
[[nodiscard]] constexpr T checked_sum(std::span<const T> values) {
  T total{};
  for (std::size_t i = 0; i < values.size(); ++i) {
    T next{};
    if (__builtin_add_overflow(total, values[i], &next)) {
      throw overflow_error("integer overflow in a sum of counts: running total " + detail::integer_text(total) + " + " +
                           detail::integer_text(values[i]) + " (position " + std::to_string(i) + ") does not fit in " +
                           detail::integer_type_name<T>());
    }
    total = next;
  }
  return total;
}

/// `checked_sum` for the library's count type, callable with anything that converts to a
/// span of `std::int64_t` (a `std::vector`, a `std::array`, a C array).
[[nodiscard]] constexpr std::int64_t checked_sum(std::span<const std::int64_t> values) {
  return checked_sum<std::int64_t>(values);
}

}  // namespace kerncijfers
