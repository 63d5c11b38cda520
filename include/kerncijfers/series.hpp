#pragma once
/// \file series.hpp
/// Dense series: one value for every period of a `period_range`, with explicit missing
/// values, and the rolling, trailing and year-over-year computations over them.
///
/// Missing values follow `rolling.hpp`: a floating-point series (`float`, `double`) marks a
/// missing value with NaN; an integer series keeps a validity mask next to its values
/// (1 = present, 0 = missing), always one entry per period, and stores 0 under a 0 mask so
/// that two series with the same present values compare equal.
///
/// Results: sums of a floating-point series are `double`, sums and changes of an integer
/// series are exact `std::int64_t` (`overflow_error` when they do not fit), means and
/// relative changes are `double`. Errors name periods, not positions.
///
/// Year over year compares a period with the same period one year earlier: 12 months,
/// 4 quarters, 1 year back. For ISO weeks it is the week with the same number in the
/// previous ISO year (52 or 53 weeks back, whichever has that number), so week 5 is always
/// compared with week 5 even after a 53-week year; week 53 has no counterpart (no two
/// consecutive ISO years have 53 weeks) and its change is missing.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "kerncijfers/errors.hpp"
#include "kerncijfers/period.hpp"
#include "kerncijfers/period_range.hpp"
#include "kerncijfers/rolling.hpp"

namespace kerncijfers {

/// The type of a sum of values of type `T`: `double` for floating point, exact
/// `std::int64_t` for integers.
template <class T>
using sum_value_t = std::conditional_t<std::is_floating_point_v<T>, double, std::int64_t>;

/// One value of type `T` for every period of a `period_range<P>`, some possibly missing.
/// A regular value type: copyable, compared with `==` (missing equals missing).
template <class P, class T>
requires is_period_v<P> &&(floating_value<T> || integer_value<T>)class series {
 public:
  using period_type = P;
  using value_type = T;
  /// True for integer series, which keep a validity mask.
  static constexpr bool has_mask = integer_value<T>;

  /// A series over `range` with every value missing.
  explicit series(period_range<P> range)
      : range_(range), values_(range.size(), missing_value()), valid_(has_mask ? range.size() : 0, 0) {}

  /// A series over `range` with `values`, one per period in order (for floating point NaN
  /// marks a missing value; for integers all are present). Throws `invalid_input` naming
  /// both sizes when the count differs from the number of periods.
  series(period_range<P> range, std::vector<T> values) : range_(range), values_(std::move(values)) {
    check_size(values_.size(), "values");
    if constexpr (has_mask) valid_.assign(values_.size(), 1);
  }

  /// An integer series over `range` with `values` and validity mask `valid` (0 = missing,
  /// anything else = present; empty = all present). Values under a 0 are dropped.
  series(period_range<P> range, std::vector<T> values, std::vector<std::uint8_t> valid) requires has_mask
      : range_(range),
        values_(std::move(values)),
        valid_(std::move(valid)) {
    check_size(values_.size(), "values");
    if (valid_.empty()) valid_.assign(values_.size(), 1);
    check_size(valid_.size(), "validity mask entries");
    for (std::size_t i = 0; i < values_.size(); ++i) {
      valid_[i] = valid_[i] != 0 ? 1 : 0;
      if (valid_[i] == 0) values_[i] = T{};
    }
  }

  [[nodiscard]] const period_range<P>& range() const noexcept { return range_; }
  [[nodiscard]] std::size_t size() const noexcept { return values_.size(); }
  [[nodiscard]] P first() const noexcept { return range_.first(); }
  [[nodiscard]] P last() const noexcept { return range_.last(); }
  [[nodiscard]] bool contains(P p) const noexcept { return range_.contains(p); }

  /// The values in period order (for integers, 0 where missing).
  [[nodiscard]] std::span<const T> values() const noexcept { return values_; }
  /// The validity mask of an integer series: one entry per period, 1 = present.
  [[nodiscard]] std::span<const std::uint8_t> valid() const noexcept requires has_mask { return valid_; }

  /// True when the value for `p` is missing; throws `range_error` naming `p` when it is
  /// outside the series.
  [[nodiscard]] bool is_missing(P p) const { return missing_at(range_.index_of(p)); }

  /// The value for `p`; throws `range_error` naming `p` when it is outside the series. A
  /// missing floating-point value is NaN; a missing integer value throws `invalid_input`
  /// naming `p` (use `get` or `is_missing` to ask first).
  [[nodiscard]] T at(P p) const {
    const std::size_t i = range_.index_of(p);
    if constexpr (has_mask) {
      if (valid_[i] == 0) throw invalid_input("the value for " + p.iso() + " is missing");
    }
    return values_[i];
  }

  /// The value for `p`, or nothing when it is missing; throws `range_error` naming `p` when
  /// it is outside the series.
  [[nodiscard]] std::optional<T> get(P p) const {
    const std::size_t i = range_.index_of(p);
    if (missing_at(i)) return std::nullopt;
    return values_[i];
  }

  /// Sets the value for `p` (a NaN marks a floating-point value missing); throws
  /// `range_error` naming `p` when it is outside the series.
  void set(P p, T value) {
    const std::size_t i = range_.index_of(p);
    values_[i] = value;
    if constexpr (has_mask) valid_[i] = 1;
  }

  /// Marks the value for `p` missing; throws `range_error` naming `p` when outside.
  void set_missing(P p) {
    const std::size_t i = range_.index_of(p);
    values_[i] = missing_value();
    if constexpr (has_mask) valid_[i] = 0;
  }

  /// True for the value at position `i` (0-based) when it is missing; unchecked.
  [[nodiscard]] bool missing_at(std::size_t i) const noexcept {
    if constexpr (has_mask)
      return valid_[i] == 0;
    else
      return std::isnan(values_[i]);
  }

  /// Same range, same periods missing, same present values.
  [[nodiscard]] friend bool operator==(const series& a, const series& b) noexcept {
    if (a.range_ != b.range_) return false;
    if constexpr (has_mask) {
      return a.values_ == b.values_ && a.valid_ == b.valid_;
    } else {
      for (std::size_t i = 0; i < a.values_.size(); ++i) {
        const bool am = std::isnan(a.values_[i]);
        if (am != std::isnan(b.values_[i]) || (!am && a.values_[i] != b.values_[i])) return false;
      }
      return true;
    }
  }

  /// "2021-01/2021-03 [1, NA, 3]": missing values print as NA.
  friend std::ostream& operator<<(std::ostream& out, const series& s) {
    out << s.range_.iso() << " [";
    for (std::size_t i = 0; i < s.values_.size(); ++i) {
      if (i > 0) out << ", ";
      if (s.missing_at(i))
        out << "NA";
      else
        out << +s.values_[i];  // + prints 8-bit integers as numbers
    }
    return out << "]";
  }

 private:
  static constexpr T missing_value() noexcept {
    if constexpr (has_mask)
      return T{};
    else
      return std::numeric_limits<T>::quiet_NaN();
  }

  void check_size(std::size_t got, const char* what) const {
    if (got != range_.size()) {
      throw invalid_input("a series over " + range_.iso() + " needs " + std::to_string(range_.size()) + " " + what +
                          ", got " + std::to_string(got));
    }
  }

  period_range<P> range_;
  std::vector<T> values_;
  std::vector<std::uint8_t> valid_;
};

template <class P, class T>
series(period_range<P>, std::vector<T>) -> series<P, T>;

/// The change and the relative change from one year earlier, both over the series' range.
template <class P, class V>
struct year_over_year_result {
  series<P, V> change;         ///< value - value one year earlier (exact for integers)
  series<P, double> relative;  ///< change / value one year earlier; missing when that is 0

  [[nodiscard]] friend bool operator==(const year_over_year_result&, const year_over_year_result&) = default;
};

namespace detail {

// Throws `range_error` listing the missing periods among positions [from, to] of `s`.
template <class P, class T>
void reject_missing(const series<P, T>& s, std::size_t from, std::size_t to, const std::string& what) {
  std::string listed;
  std::size_t count = 0;
  constexpr std::size_t shown = 12;
  for (std::size_t i = from; i <= to && i < s.size(); ++i) {
    if (!s.missing_at(i)) continue;
    if (count < shown) listed += (count > 0 ? ", " : "") + s.range()[i].iso();
    ++count;
  }
  if (count == 0) return;
  if (count > shown) listed += " and " + std::to_string(count - shown) + " more";
  throw range_error(what + ": the value" + (count == 1 ? " for " : "s for ") + listed + (count == 1 ? " is" : " are") +
                    " missing (use missing_policy::skip or as_zero to allow gaps)");
}

// The mask to hand to a kernel: a series always has one, floating-point series none.
template <class P, class T>
[[nodiscard]] std::span<const std::uint8_t> mask_of(const series<P, T>& s) noexcept {
  if constexpr (series<P, T>::has_mask)
    return s.valid();
  else
    return {};
}

}  // namespace detail

/// Rolling sum of a series (see `rolling_options`): a series over the same range. Under
/// `missing_policy::reject` a missing value throws `range_error` naming its period.
template <class P, class T>
[[nodiscard]] series<P, sum_value_t<T>> rolling_sum(const series<P, T>& s, const rolling_options& options) {
  static_cast<void>(resolve_min_periods(options));  // a bad window fails before any scan
  if (options.missing == missing_policy::reject)
    detail::reject_missing(s, 0, s.size() - 1, "rolling sum over " + s.range().iso());
  std::vector<sum_value_t<T>> out(s.size());
  if constexpr (floating_value<T>) {
    rolling_sum(s.values(), std::span<double>(out), options);
    return series<P, double>(s.range(), std::move(out));
  } else {
    std::vector<std::uint8_t> out_valid(s.size());
    rolling_sum(s.values(), s.valid(), std::span<std::int64_t>(out), std::span<std::uint8_t>(out_valid), options);
    return series<P, std::int64_t>(s.range(), std::move(out), std::move(out_valid));
  }
}

/// Rolling sum over `window` periods, `min_periods` present values needed (default: all).
template <class P, class T>
[[nodiscard]] series<P, sum_value_t<T>> rolling_sum(const series<P, T>& s, std::size_t window,
                                                    std::optional<std::size_t> min_periods = std::nullopt) {
  return rolling_sum(s, rolling_options{.window = window, .min_periods = min_periods});
}

/// Rolling mean of a series (see `rolling_options`), as `double` with NaN for missing.
template <class P, class T>
[[nodiscard]] series<P, double> rolling_mean(const series<P, T>& s, const rolling_options& options) {
  static_cast<void>(resolve_min_periods(options));  // a bad window fails before any scan
  if (options.missing == missing_policy::reject)
    detail::reject_missing(s, 0, s.size() - 1, "rolling mean over " + s.range().iso());
  std::vector<double> out(s.size());
  if constexpr (floating_value<T>)
    rolling_mean(s.values(), std::span<double>(out), options);
  else
    rolling_mean(s.values(), s.valid(), std::span<double>(out), options);
  return series<P, double>(s.range(), std::move(out));
}

/// Rolling mean over `window` periods, `min_periods` present values needed (default: all).
template <class P, class T>
[[nodiscard]] series<P, double> rolling_mean(const series<P, T>& s, std::size_t window,
                                             std::optional<std::size_t> min_periods = std::nullopt) {
  return rolling_mean(s, rolling_options{.window = window, .min_periods = min_periods});
}

/// The sum over the `n` periods ending at `last` (inclusive): `trailing_sum(s, month(2021, 5), 12)`
/// sums June 2020 through May 2021. Throws `range_error` when `n` is 0 or the window would
/// start before year 1 (as `trailing`), when it leaves the series (naming the periods it
/// lacks) and, under the default
/// `missing_policy::reject`, when a value in it is missing (naming those periods). Under
/// `as_zero` (or `skip`) missing values add nothing.
template <class P, class T>
[[nodiscard]] sum_value_t<T> trailing_sum(const series<P, T>& s, P last, std::size_t n,
                                          missing_policy missing = missing_policy::reject) {
  // The window itself first: an empty one, or one reaching before year 1, is refused by
  // `trailing` in periods, whatever `n` is.
  const period_range<P> window = trailing(last, n);
  const std::string what = "trailing sum of " + std::to_string(n) + " periods ending at " + last.iso();
  if (window.first() < s.first()) {
    // s.first() - 1 exists: some period, window.first(), lies before it.
    const P lacking_last = last < s.first() ? last : s.first() - 1;
    throw range_error(what + " needs " + period_range<P>(window.first(), lacking_last).iso() +
                      ", before the series starts at " + s.first().iso());
  }
  if (last > s.last()) {
    const P lacking_first = s.last() < window.first() ? window.first() : s.last() + 1;
    throw range_error(what + " needs " + period_range<P>(lacking_first, last).iso() + ", after the series ends at " +
                      s.last().iso());
  }
  const std::size_t last_index = s.range().index_of(last);
  if (missing == missing_policy::reject) detail::reject_missing(s, last_index + 1 - n, last_index, what);
  if constexpr (floating_value<T>)
    return trailing_sum(s.values(), last_index, n, missing_policy::skip);
  else
    return trailing_sum(s.values(), s.valid(), last_index, n, missing_policy::skip);
}

namespace detail {

// Position of the same period one year before position i (the same index in the year
// before), if that period exists and is in the series.
template <class P>
[[nodiscard]] std::optional<std::size_t> year_before(const period_range<P>& range, std::size_t i) {
  using traits = period_unit_traits<typename P::unit>;
  const P p = range[i];
  const int y = p.year() - 1;
  if (!calendar::is_valid_year(y) || p.index() > traits::periods_in_year(y)) return std::nullopt;
  const P before = P::from_serial(traits::serial(y, p.index()));
  if (!range.contains(before)) return std::nullopt;
  return range.index_of(before);
}

}  // namespace detail

/// Year-over-year change of a series: for every period, the value minus the value of the
/// same period a year earlier (see the file comment for weeks), and that change relative
/// to the earlier value. Missing where there is no earlier period in the series, where
/// either value is missing (under `as_zero` a missing value counts as 0) and, for the
/// relative change, where the earlier value is 0. Under `reject` any missing value throws
/// `range_error` naming its period; an integer change that does not fit in int64 throws
/// `overflow_error` naming its period.
template <class P, class T>
[[nodiscard]] year_over_year_result<P, sum_value_t<T>> year_over_year(const series<P, T>& s,
                                                                      missing_policy missing = missing_policy::skip) {
  using V = sum_value_t<T>;
  if (missing == missing_policy::reject)
    detail::reject_missing(s, 0, s.size() - 1, "year-over-year change over " + s.range().iso());
  const std::size_t n = s.size();
  std::vector<V> change(n);
  std::vector<double> relative(n);
  std::vector<std::uint8_t> change_valid(std::is_integral_v<V> ? n : 0);
  const bool zero = missing == missing_policy::as_zero;
  for (std::size_t t = 0; t < n; ++t) {
    const auto base_index = detail::year_before(s.range(), t);
    const bool has_now = !s.missing_at(t) || zero;
    const bool has_base = base_index && (!s.missing_at(*base_index) || zero);
    if (!has_now || !has_base) {
      if constexpr (floating_value<T>) change[t] = detail::nan;
      relative[t] = detail::nan;
      continue;
    }
    if constexpr (floating_value<T>) {
      const double now = s.missing_at(t) ? 0.0 : static_cast<double>(s.values()[t]);
      const double base = s.missing_at(*base_index) ? 0.0 : static_cast<double>(s.values()[*base_index]);
      change[t] = now - base;
      relative[t] = base == 0.0 ? detail::nan : (now - base) / base;
    } else {
      // Integer series store 0 under a 0 mask, so a missing value read as 0 is as_zero.
      const auto now = static_cast<detail::kc_int128>(s.values()[t]);
      const auto base = static_cast<detail::kc_int128>(s.values()[*base_index]);
      const detail::kc_int128 diff = now - base;
      if (diff < std::numeric_limits<std::int64_t>::min() || diff > std::numeric_limits<std::int64_t>::max()) {
        throw overflow_error("the year-over-year change for " + s.range()[t].iso() + " (" +
                             detail::integer_text(s.values()[t]) + " - " +
                             detail::integer_text(s.values()[*base_index]) + ") does not fit in int64");
      }
      change[t] = static_cast<std::int64_t>(diff);
      change_valid[t] = 1;
      relative[t] = base == 0 ? detail::nan : static_cast<double>(change[t]) / static_cast<double>(base);
    }
  }
  series<P, double> rel(s.range(), std::move(relative));
  if constexpr (floating_value<T>) {
    return {series<P, V>(s.range(), std::move(change)), std::move(rel)};
  } else {
    return {series<P, V>(s.range(), std::move(change), std::move(change_valid)), std::move(rel)};
  }
}

}  // namespace kerncijfers
