#pragma once
/// \file rolling.hpp
/// Rolling, trailing and year-over-year kernels over one series of values in memory.
///
/// These are the span-level building blocks under `series.hpp` and `panel.hpp`: pure
/// functions that read a contiguous run of values (a `std::vector`, a `std::span`, a numpy
/// buffer) and write into spans the caller provides. They run in O(n), allocate nothing and
/// throw `invalid_input` (naming both sizes) when an output does not have one entry per input.
///
/// **Missing values.** Floating-point values (`float`, `double`) are missing when NaN; the
/// results are `double` with NaN for missing. Integer values carry an explicit validity mask,
/// `std::span<const std::uint8_t>` with one entry per value: 0 = missing, anything else =
/// present; an empty mask means every value is present. Integer results are `std::int64_t`
/// plus an output mask (which must have one entry per value); a missing integer result is
/// written as 0 with mask 0, so the value under a 0 mask is always 0.
///
/// **Exactness.** Integer sums are exact: the window is summed in 128 bits and a result that
/// does not fit in `std::int64_t` throws `overflow_error` naming the position (a running total
/// that leaves int64 on the way, while the window's own sum fits, is not an error).
/// Floating-point windows are kept with Neumaier-compensated addition and removal, so a
/// huge value leaving the window does not take the small ones with it, and every 64 steps
/// (or every window, when longer) the window is summed again from its values, so rounding
/// never carries over further than that: the error does not grow with the length of the
/// series (O(1) extra work per value). Infinite values are counted apart (a window holding +inf
/// sums to +inf, one holding both infinities to NaN) so that an infinity leaving the window
/// leaves no NaN behind. NaN detection needs IEEE arithmetic: do not build with
/// `-ffinite-math-only` (part of `-ffast-math`).
///
/// **Missing policies** (`missing_policy`), the same in every function:
///   - `skip`: a missing value is left out; a rolling window is missing when it holds fewer
///     than `min_periods` present values, and a mean is taken over the present values only.
///     This is pandas' `rolling(window, min_periods)`.
///   - `as_zero`: a missing value counts as a present 0, the common key-figure case where a
///     month without a row means nobody came. Equivalent to pandas' `fillna(0)` first.
///   - `reject`: a missing value is an error (`range_error` naming its position).
///
/// Inputs and outputs must not overlap (the window reads values it has already passed);
/// an overlap throws `invalid_input`.

#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <ranges>
#include <span>
#include <string>
#include <type_traits>

#include "kerncijfers/checked.hpp"
#include "kerncijfers/errors.hpp"

namespace kerncijfers {

/// What a missing value means in a window; see the file comment.
enum class missing_policy : std::uint8_t {
  skip,     ///< leave it out (pandas' `min_periods` semantics)
  as_zero,  ///< count it as a present 0 (a period without a row had no events)
  reject,   ///< throw `range_error` naming it
};

/// The window of a rolling computation.
///
/// `window` is the number of periods in each window (at least 1). `min_periods` is the
/// number of present values a window needs to give a result (0 to `window`); when not
/// given it equals `window`, as in pandas. With `min_periods` 0 a window without any
/// present value sums to 0 (as pandas does) and its mean is missing. The first
/// `window - 1` windows are shorter than `window` and follow the same rule.
struct rolling_options {
  std::size_t window = 0;
  std::optional<std::size_t> min_periods{};
  missing_policy missing = missing_policy::skip;

  [[nodiscard]] friend bool operator==(const rolling_options&, const rolling_options&) = default;
};

/// The effective `min_periods` of `options`; throws `invalid_input` naming the values when
/// the window is 0 or `min_periods` is larger than the window.
[[nodiscard]] inline std::size_t resolve_min_periods(const rolling_options& options) {
  if (options.window == 0) throw invalid_input("a rolling window needs at least 1 period, got window 0");
  const std::size_t min_periods = options.min_periods.value_or(options.window);
  if (min_periods > options.window) {
    throw invalid_input("min_periods " + std::to_string(min_periods) + " is larger than the window " +
                        std::to_string(options.window));
  }
  return min_periods;
}

/// Floating-point values: missing is NaN.
template <class T>
concept floating_value = std::floating_point<T>;

/// Integer values (every integer type except bool): missing is a 0 in a validity mask.
template <class T>
concept integer_value = count_integer<T>;

/// A contiguous, sized run of floating-point values (`std::vector<double>`, `std::span<const float>`, ...).
template <class R>
concept floating_values =
    std::ranges::contiguous_range<R> && std::ranges::sized_range<R> && floating_value<std::ranges::range_value_t<R>>;

/// A contiguous, sized run of integer values (`std::vector<std::int64_t>`, `std::span<const std::int32_t>`, ...).
template <class R>
concept integer_values =
    std::ranges::contiguous_range<R> && std::ranges::sized_range<R> && integer_value<std::ranges::range_value_t<R>>;

namespace detail {

template <class R>
[[nodiscard]] auto as_const_span(const R& values) noexcept {
  using T = std::ranges::range_value_t<R>;
  return std::span<const T>(std::ranges::data(values), std::ranges::size(values));
}

// "position 7" or, inside a panel, "row 3, column 7".
[[nodiscard]] inline std::string position_text(std::size_t position, std::ptrdiff_t row) {
  if (row < 0) return "position " + std::to_string(position);
  return "row " + std::to_string(row) + ", column " + std::to_string(position);
}

inline void check_output_size(std::size_t got, std::size_t expected, const char* what) {
  if (got != expected) {
    throw invalid_input(std::string(what) + " has " + std::to_string(got) + " entries but the input has " +
                        std::to_string(expected) + " values");
  }
}

inline void check_mask_size(std::size_t got, std::size_t expected) {
  if (got != 0 && got != expected) {
    throw invalid_input("the validity mask has " + std::to_string(got) + " entries but the input has " +
                        std::to_string(expected) + " values (pass an empty mask when every value is present)");
  }
}

// Byte ranges compared with std::less, which orders unrelated pointers too.
template <class A, class B>
[[nodiscard]] bool overlap(std::span<A> a, std::span<B> b) noexcept {
  if (a.empty() || b.empty()) return false;
  const auto* a0 = reinterpret_cast<const unsigned char*>(a.data());
  const auto* b0 = reinterpret_cast<const unsigned char*>(b.data());
  const auto* a1 = a0 + a.size_bytes();
  const auto* b1 = b0 + b.size_bytes();
  const std::less<const unsigned char*> less;
  return less(a0, b1) && less(b0, a1);
}

template <class A, class B>
inline void check_no_overlap(std::span<A> input, std::span<B> output, const char* what) {
  if (overlap(input, output)) throw invalid_input(std::string(what) + " overlaps the input; pass separate memory");
}

// An output of an integer function (values with validity mask `valid`): one entry per input
// value, and apart from the values and from the mask.
template <class In, class Out>
void check_integer_output(std::span<const In> in, std::span<const std::uint8_t> valid, std::span<Out> out,
                          const char* what) {
  check_output_size(out.size(), in.size(), what);
  check_no_overlap(in, out, what);
  check_no_overlap(valid, out, what);
}

[[noreturn]] inline void throw_missing(std::size_t position, std::ptrdiff_t row) {
  throw range_error("the value at " + position_text(position, row) +
                    " is missing (missing_policy::reject); use skip or as_zero to allow gaps");
}

inline constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// A window of floating-point values. Finite values are added and removed with Neumaier's
// compensation so that a long run of additions and removals does not drift; infinities are
// counted apart, because inf - inf would poison the running sum for good.
class float_window {
 public:
  static constexpr double infinity = std::numeric_limits<double>::infinity();

  // Takes a value into the window; a missing one (NaN) counts only under as_zero.
  void add(double x, missing_policy missing) noexcept {
    // One comparison settles the common case: false for NaN and for both infinities.
    if (std::fabs(x) < infinity) [[likely]] {
      ++present_;
      accumulate(x);
    } else if (!std::isnan(x)) {
      ++present_;
      ++(x > 0 ? pos_inf_ : neg_inf_);
    } else if (missing == missing_policy::as_zero) {
      ++present_;
    }
  }

  void remove(double x, missing_policy missing) noexcept {
    if (std::fabs(x) < infinity) [[likely]] {
      --present_;
      accumulate(-x);
    } else if (!std::isnan(x)) {
      --present_;
      --(x > 0 ? pos_inf_ : neg_inf_);
    } else if (missing == missing_policy::as_zero) {
      --present_;
    }
    // An empty window restarts from an exact 0 rather than from the rounding left behind.
    if (present_ == 0) sum_ = compensation_ = 0.0;
  }

  // Sums the finite values of the window again from scratch. The compensation keeps the
  // error of each step tiny, but it is itself a running sum; re-summing every window
  // length keeps the error from carrying over, so it does not grow with the series.
  template <class T>
  void resum(std::span<const T> window) noexcept {
    sum_ = compensation_ = 0.0;
    for (const T value : window) {
      const double x = static_cast<double>(value);
      if (std::fabs(x) < infinity) accumulate(x);
    }
  }

  [[nodiscard]] std::size_t present() const noexcept { return present_; }

  [[nodiscard]] double sum() const noexcept {
    if ((pos_inf_ | neg_inf_) != 0) [[unlikely]] {
      if (pos_inf_ != 0 && neg_inf_ != 0) return nan;
      return pos_inf_ != 0 ? infinity : -infinity;
    }
    return sum_ + compensation_;
  }

  [[nodiscard]] double mean() const noexcept { return present_ == 0 ? nan : sum() / static_cast<double>(present_); }

 private:
  // Neumaier's variant of Kahan summation: the rounding error of each addition is kept
  // in `compensation_`, whichever operand is larger.
  void accumulate(double x) noexcept {
    const double t = sum_ + x;
    compensation_ += std::fabs(sum_) >= std::fabs(x) ? (sum_ - t) + x : (x - t) + sum_;
    sum_ = t;
  }

  double sum_ = 0.0;
  double compensation_ = 0.0;
  std::size_t present_ = 0;
  std::size_t pos_inf_ = 0;
  std::size_t neg_inf_ = 0;
};

// A window of integers, summed exactly in 128 bits.
class integer_window {
 public:
  template <class T>
  void add(T x) noexcept {
    sum_ += static_cast<kc_int128>(x);
    ++present_;
  }
  template <class T>
  void remove(T x) noexcept {
    sum_ -= static_cast<kc_int128>(x);
    --present_;
  }
  void add_zero() noexcept { ++present_; }
  void remove_zero() noexcept { --present_; }

  [[nodiscard]] std::size_t present() const noexcept { return present_; }
  [[nodiscard]] bool fits() const noexcept {
    return sum_ >= std::numeric_limits<std::int64_t>::min() && sum_ <= std::numeric_limits<std::int64_t>::max();
  }
  [[nodiscard]] std::int64_t sum64() const noexcept { return static_cast<std::int64_t>(sum_); }
  [[nodiscard]] double mean() const noexcept {
    if (present_ == 0) return nan;
    // The 64-bit conversion is a single instruction; the 128-bit one a library call.
    const double total = fits() ? static_cast<double>(sum64()) : static_cast<double>(sum_);
    return total / static_cast<double>(present_);
  }

 private:
  kc_int128 sum_ = 0;
  std::size_t present_ = 0;
};

[[noreturn]] inline void throw_window_overflow(std::size_t position, std::ptrdiff_t row, std::size_t window) {
  throw overflow_error("the sum of the window of " + std::to_string(window) + " ending at " +
                       position_text(position, row) + " does not fit in int64");
}

// Steps between two exact re-sums of a floating-point window (at least the window).
inline constexpr std::size_t resum_block = 64;

// The rolling loop for floating-point input, one row. Mean selects the mean over the sum.
template <bool Mean, class T>
void float_rolling(std::span<const T> values, std::span<double> out, std::size_t window, std::size_t min_periods,
                   missing_policy missing, std::ptrdiff_t row) {
  float_window w;
  const std::size_t n = values.size();
  const auto step = [&](std::size_t i) {
    if constexpr (Mean)
      out[i] = w.present() >= min_periods ? w.mean() : nan;
    else
      out[i] = w.present() >= min_periods ? w.sum() : nan;
  };
  const auto take = [&](std::size_t i) {
    const double x = static_cast<double>(values[i]);
    if (missing == missing_policy::reject && std::isnan(x)) throw_missing(i, row);
    w.add(x, missing);
  };
  // The first windows only fill; after that every step adds one value and drops one.
  const std::size_t head = window < n ? window : n;
  for (std::size_t i = 0; i < head; ++i) {
    take(i);
    step(i);
  }
  // Then steps in blocks, re-summing the window from its values after each block, so that
  // no rounding error lives longer than a block plus a window however long the series.
  // Blocks are at least `resum_block` steps so that short windows pay little for it.
  const std::size_t block_size = window > resum_block ? window : resum_block;
  for (std::size_t block = head; block < n; block += block_size) {
    const std::size_t block_end = n - block > block_size ? block + block_size : n;
    for (std::size_t i = block; i < block_end; ++i) {
      take(i);
      w.remove(static_cast<double>(values[i - window]), missing);
      step(i);
    }
    if (block_end < n) w.resum(values.subspan(block_end - window, window));
  }
}

// The rolling loop for integer input, one row. HasMask is false for an empty mask.
template <bool HasMask, class T, class Emit>
void integer_rolling(std::span<const T> values, std::span<const std::uint8_t> valid, std::size_t window,
                     missing_policy missing, std::ptrdiff_t row, Emit&& emit) {
  integer_window w;
  const std::size_t n = values.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (!HasMask || valid[i] != 0) {
      w.add(values[i]);
    } else if (missing == missing_policy::as_zero) {
      w.add_zero();
    } else if (missing == missing_policy::reject) {
      throw_missing(i, row);
    }
    if (i >= window) {
      const std::size_t j = i - window;
      if (!HasMask || valid[j] != 0)
        w.remove(values[j]);
      else if (missing == missing_policy::as_zero)
        w.remove_zero();
    }
    emit(i, w);
  }
}

template <class T>
void integer_rolling_sum(std::span<const T> values, std::span<const std::uint8_t> valid, std::span<std::int64_t> out,
                         std::span<std::uint8_t> out_valid, std::size_t window, std::size_t min_periods,
                         missing_policy missing, std::ptrdiff_t row) {
  const auto emit = [&](std::size_t i, const integer_window& w) {
    if (w.present() >= min_periods) {
      if (!w.fits()) throw_window_overflow(i, row, window);
      out[i] = w.sum64();
      out_valid[i] = 1;
    } else {
      out[i] = 0;
      out_valid[i] = 0;
    }
  };
  if (valid.empty())
    integer_rolling<false>(values, valid, window, missing, row, emit);
  else
    integer_rolling<true>(values, valid, window, missing, row, emit);
}

template <class T>
void integer_rolling_mean(std::span<const T> values, std::span<const std::uint8_t> valid, std::span<double> out,
                          std::size_t window, std::size_t min_periods, missing_policy missing, std::ptrdiff_t row) {
  const auto emit = [&](std::size_t i, const integer_window& w) {
    out[i] = w.present() >= min_periods ? w.mean() : nan;
  };
  if (valid.empty())
    integer_rolling<false>(values, valid, window, missing, row, emit);
  else
    integer_rolling<true>(values, valid, window, missing, row, emit);
}

// Checks a trailing window of n positions ending at `last` in a run of `size` values.
inline void check_trailing(std::size_t size, std::size_t last, std::size_t n, std::ptrdiff_t row) {
  if (n == 0) throw range_error("a trailing window needs at least 1 period, got 0");
  if (last >= size) {
    throw range_error("a trailing window ending at " + position_text(last, row) + " is past the end (" +
                      std::to_string(size) + " values)");
  }
  if (n > last + 1) {
    throw range_error("a trailing window of " + std::to_string(n) + " ending at " + position_text(last, row) +
                      " starts " + std::to_string(n - last - 1) + " positions before the first value");
  }
}

template <class T>
[[nodiscard]] double float_trailing_sum(std::span<const T> values, std::size_t last, std::size_t n,
                                        missing_policy missing, std::ptrdiff_t row) {
  check_trailing(values.size(), last, n, row);
  float_window w;
  for (std::size_t i = last + 1 - n; i <= last; ++i) {
    const double x = static_cast<double>(values[i]);
    if (missing == missing_policy::reject && std::isnan(x)) throw_missing(i, row);
    w.add(x, missing);
  }
  return w.sum();
}

template <class T>
[[nodiscard]] std::int64_t integer_trailing_sum(std::span<const T> values, std::span<const std::uint8_t> valid,
                                                std::size_t last, std::size_t n, missing_policy missing,
                                                std::ptrdiff_t row) {
  check_trailing(values.size(), last, n, row);
  integer_window w;
  for (std::size_t i = last + 1 - n; i <= last; ++i) {
    if (valid.empty() || valid[i] != 0)
      w.add(values[i]);
    else if (missing == missing_policy::reject)
      throw_missing(i, row);
  }
  if (!w.fits()) throw_window_overflow(last, row, n);
  return w.sum64();
}

inline void check_lag(std::size_t lag) {
  if (lag == 0) throw invalid_input("a year-over-year change needs at least 1 period per year, got 0");
}

}  // namespace detail

namespace detail {

// Rolling sum (`Mean` false) or mean of floating-point `values` into `out`, checked.
template <bool Mean, class R>
void float_rolling_checked(const R& values, std::span<double> out, const rolling_options& options) {
  const std::size_t min_periods = resolve_min_periods(options);
  const auto in = as_const_span(values);
  check_output_size(out.size(), in.size(), "the output");
  check_no_overlap(in, out, "the output");
  float_rolling<Mean>(in, out, options.window, min_periods, options.missing, -1);
}

}  // namespace detail

/// Rolling sum of floating-point `values` into `out` (one entry per value): `out[i]` sums
/// the window of `options.window` values ending at `i`, NaN when it holds fewer than
/// `min_periods` present values. Throws `invalid_input` for a bad window or a size mismatch,
/// `range_error` for a missing value under `missing_policy::reject`.
template <floating_values R>
void rolling_sum(const R& values, std::span<double> out, const rolling_options& options) {
  detail::float_rolling_checked<false>(values, out, options);
}

/// Rolling sum of integer `values` (with validity mask `valid`, empty = all present) into
/// `out` and `out_valid` (one entry per value each). A window that does not fit in int64
/// throws `overflow_error`; otherwise as the floating-point `rolling_sum`.
template <integer_values R>
void rolling_sum(const R& values, std::span<const std::uint8_t> valid, std::span<std::int64_t> out,
                 std::span<std::uint8_t> out_valid, const rolling_options& options) {
  const std::size_t min_periods = resolve_min_periods(options);
  const auto in = detail::as_const_span(values);
  detail::check_mask_size(valid.size(), in.size());
  detail::check_integer_output(in, valid, out, "the output");
  detail::check_integer_output(in, valid, out_valid, "the output mask");
  detail::integer_rolling_sum(in, valid, out, out_valid, options.window, min_periods, options.missing, -1);
}

/// Rolling mean of floating-point `values` into `out`: the mean over the present values of
/// each window (missing ones count as 0 under `as_zero`), NaN when fewer than `min_periods`
/// are present or none is.
template <floating_values R>
void rolling_mean(const R& values, std::span<double> out, const rolling_options& options) {
  detail::float_rolling_checked<true>(values, out, options);
}

/// Rolling mean of integer `values` (validity mask `valid`, empty = all present) into `out`,
/// NaN for a missing result. The sum behind each mean is exact, so a mean never overflows.
template <integer_values R>
void rolling_mean(const R& values, std::span<const std::uint8_t> valid, std::span<double> out,
                  const rolling_options& options) {
  const std::size_t min_periods = resolve_min_periods(options);
  const auto in = detail::as_const_span(values);
  detail::check_mask_size(valid.size(), in.size());
  detail::check_integer_output(in, valid, out, "the output");
  detail::integer_rolling_mean(in, valid, out, options.window, min_periods, options.missing, -1);
}

/// The sum of the `n` values ending at position `last` (inclusive). Throws `range_error`
/// when `n` is 0 or the window leaves the values, and, under the default
/// `missing_policy::reject`, when a value in it is missing. Under `skip` and `as_zero` the
/// missing values add nothing (a window without any present value sums to 0).
template <floating_values R>
[[nodiscard]] double trailing_sum(const R& values, std::size_t last, std::size_t n,
                                  missing_policy missing = missing_policy::reject) {
  return detail::float_trailing_sum(detail::as_const_span(values), last, n, missing, -1);
}

/// `trailing_sum` for integer values with validity mask `valid` (empty = all present); the
/// sum is exact and throws `overflow_error` when it does not fit in int64.
template <integer_values R>
[[nodiscard]] std::int64_t trailing_sum(const R& values, std::span<const std::uint8_t> valid, std::size_t last,
                                        std::size_t n, missing_policy missing = missing_policy::reject) {
  const auto in = detail::as_const_span(values);
  detail::check_mask_size(valid.size(), in.size());
  return detail::integer_trailing_sum(in, valid, last, n, missing, -1);
}

namespace detail {

// The loop both year-over-year measures share: `combine(now, base)` at every position that
// has a base, NaN before it, missing values handled by `missing`.
template <class R, class Combine>
void year_over_year_each(const R& values, std::size_t periods_per_year, std::span<double> out, missing_policy missing,
                         Combine combine) {
  check_lag(periods_per_year);
  const auto in = as_const_span(values);
  check_output_size(out.size(), in.size(), "the output");
  check_no_overlap(in, out, "the output");
  const bool zero = missing == missing_policy::as_zero;
  for (std::size_t t = 0; t < in.size(); ++t) {
    double now = static_cast<double>(in[t]);
    if (std::isnan(now)) {
      if (missing == missing_policy::reject) throw_missing(t, -1);
      if (zero) now = 0.0;
    }
    if (t < periods_per_year) {
      out[t] = nan;
      continue;
    }
    double base = static_cast<double>(in[t - periods_per_year]);
    if (zero && std::isnan(base)) base = 0.0;
    out[t] = combine(now, base);
  }
}

}  // namespace detail

/// Year-over-year change `values[t] - values[t - periods_per_year]` into `out`: NaN for the
/// first `periods_per_year` positions (no base) and where either side is missing (under
/// `as_zero` a missing side counts as 0; under `reject` any missing value throws).
template <floating_values R>
void year_over_year_change(const R& values, std::size_t periods_per_year, std::span<double> out,
                           missing_policy missing = missing_policy::skip) {
  // NaN on either side stays NaN.
  detail::year_over_year_each(values, periods_per_year, out, missing,
                              [](double now, double base) { return now - base; });
}

/// Relative year-over-year change `(values[t] - base) / base` with
/// `base = values[t - periods_per_year]` (0.25 = 25% up): NaN where the change is missing
/// and where the base is 0.
template <floating_values R>
void year_over_year_relative(const R& values, std::size_t periods_per_year, std::span<double> out,
                             missing_policy missing = missing_policy::skip) {
  detail::year_over_year_each(values, periods_per_year, out, missing,
                              [](double now, double base) { return base == 0.0 ? detail::nan : (now - base) / base; });
}

namespace detail {

// Reads integer value t as present or not, applying the missing policy.
template <class T>
[[nodiscard]] bool integer_at(std::span<const T> in, std::span<const std::uint8_t> valid, std::size_t t,
                              missing_policy missing, kc_int128& value) {
  if (valid.empty() || valid[t] != 0) {
    value = static_cast<kc_int128>(in[t]);
    return true;
  }
  if (missing == missing_policy::reject) throw_missing(t, -1);
  value = 0;
  return missing == missing_policy::as_zero;
}

}  // namespace detail

/// Year-over-year change of integer `values` (validity mask `valid`, empty = all present)
/// into `out` and `out_valid`; exact, `overflow_error` when a change does not fit in int64.
template <integer_values R>
void year_over_year_change(const R& values, std::span<const std::uint8_t> valid, std::size_t periods_per_year,
                           std::span<std::int64_t> out, std::span<std::uint8_t> out_valid,
                           missing_policy missing = missing_policy::skip) {
  detail::check_lag(periods_per_year);
  const auto in = detail::as_const_span(values);
  detail::check_mask_size(valid.size(), in.size());
  detail::check_integer_output(in, valid, out, "the output");
  detail::check_integer_output(in, valid, out_valid, "the output mask");
  for (std::size_t t = 0; t < in.size(); ++t) {
    detail::kc_int128 now = 0;
    detail::kc_int128 base = 0;
    const bool has_now = detail::integer_at(in, valid, t, missing, now);
    const bool has_base = t >= periods_per_year && detail::integer_at(in, valid, t - periods_per_year, missing, base);
    if (!has_now || !has_base) {
      out[t] = 0;
      out_valid[t] = 0;
      continue;
    }
    const detail::kc_int128 change = now - base;
    if (change < std::numeric_limits<std::int64_t>::min() || change > std::numeric_limits<std::int64_t>::max()) {
      throw overflow_error("the year-over-year change at position " + std::to_string(t) + " (" +
                           detail::integer_text(in[t]) + " - " + detail::integer_text(in[t - periods_per_year]) +
                           ") does not fit in int64");
    }
    out[t] = static_cast<std::int64_t>(change);
    out_valid[t] = 1;
  }
}

/// Relative year-over-year change of integer `values` into `out` (NaN where missing or
/// where the base is 0).
template <integer_values R>
void year_over_year_relative(const R& values, std::span<const std::uint8_t> valid, std::size_t periods_per_year,
                             std::span<double> out, missing_policy missing = missing_policy::skip) {
  detail::check_lag(periods_per_year);
  const auto in = detail::as_const_span(values);
  detail::check_mask_size(valid.size(), in.size());
  detail::check_integer_output(in, valid, out, "the output");
  for (std::size_t t = 0; t < in.size(); ++t) {
    detail::kc_int128 now = 0;
    detail::kc_int128 base = 0;
    const bool has_now = detail::integer_at(in, valid, t, missing, now);
    const bool has_base = t >= periods_per_year && detail::integer_at(in, valid, t - periods_per_year, missing, base);
    if (!has_now || !has_base || base == 0) {
      out[t] = detail::nan;
      continue;
    }
    // Both sides fit in 64 bits, so their difference is exact in 128 and rounds once.
    out[t] = static_cast<double>(now - base) / static_cast<double>(base);
  }
}

}  // namespace kerncijfers
